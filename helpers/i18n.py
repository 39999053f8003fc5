"""Every text a person reads, in English and Bahasa Indonesia, with numbers, dates and money formatted
for the language by Babel (CLDR data), never by hand.

The texts live in one catalogue per language: the YAML files of helpers/locales/<language>/ (report.yml,
lesson.yml, ...) merged into one flat set of keys; a key defined twice is an error, and a test fails when
a key is in one language and not the other. `Translator(language).t(key, **values)` fills a text's {placeholders}.

Texts made far from any translator (an importer's data-quality note, an error about a file) are `Message`s:
the key and its values, readable as English text, shown in another language by `Translator.message` or,
for errors, in the process's language set by `use_language` (the report notebook sets the client's).
"""
from __future__ import annotations

import datetime as dt
import decimal
import itertools
import math
import numbers
import re
import reprlib
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path, PurePath

import yaml
from babel.core import Locale, get_global
from babel.dates import format_date, format_time, get_datetime_format, get_month_names
from babel.numbers import format_currency, format_decimal, format_percent

from .errors import WorkbookError, close_match

LOCALES_DIR = Path(__file__).parent / "locales"
#: libyaml's safe loader when PyYAML was built with it: about ten times faster on the catalogues, which
#: every report reads
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LANGUAGES = {"en": "en_GB", "id": "id_ID"}
#: What a user may write for a language besides its code, in English or Indonesian (case and spaces aside).
LANGUAGE_NAMES = {"english": "en", "inggris": "en", "bahasa inggris": "en",
                  "indonesian": "id", "indonesia": "id", "bahasa indonesia": "id", "bahasa": "id"}


def language_code(value) -> str | None:
    """The code of the language `value` names: a code in any case and spacing ('ID', ' en '), a locale tag
    whose language is one of them ('id-ID', 'en_GB', 'EN-us'), or the language's name in English or Indonesian
    ('Indonesian', 'Bahasa Indonesia'); None for anything else, which the caller refuses with the codes it
    accepts."""
    if not isinstance(value, str):
        return None
    word = " ".join(value.split()).casefold()
    tag = re.fullmatch(r"([a-z]{2})[-_][a-z0-9]{2,8}", word)
    if tag and tag[1] in LANGUAGES:
        return tag[1]
    return word if word in LANGUAGES else LANGUAGE_NAMES.get(word)


#: Other codes a user may write for a language, which language_code does not read as meant (a roster is told
#: the code instead): ISO 639-2's three letters, Indonesian's code before 1989 (still Java's) and Indonesia's
#: sports code, which a roster may hold as well as a slip for 'id' or 'en'.
OTHER_LANGUAGE_CODES = {"in": "id", "ind": "id", "ina": "id", "eng": "en"}


def language_meant(value) -> str | None:
    """The code of the language a value language_code refuses likely stands for, to suggest: another code of it
    ('in', 'ind', 'eng'), the start of its name ('indo', 'engl'), or a slip in its name ('englsh',
    'bahasa_indonesia'); None when nothing is close ('fr')."""
    if not isinstance(value, str):
        return None
    word = " ".join(value.replace("_", " ").split()).casefold()
    names = {**{code: code for code in LANGUAGES}, **LANGUAGE_NAMES, **OTHER_LANGUAGE_CODES}
    if word in names:  # 'in', or 'bahasa_indonesia' once its '_' is a space
        return names[word]
    begun = {code for name, code in names.items() if len(word) >= 3 and name.startswith(word)}
    if len(begun) == 1:  # 'ing' begins 'inggris' alone; 'in' both 'inggris' and 'indonesia'
        return begun.pop()
    close = close_match(word, names)
    return names[close] if close else None


@lru_cache(maxsize=None)
def catalogue(language: str) -> dict[str, str]:
    """The flat key -> text catalogue of a language ('section.summary': 'Summary')."""
    if language not in LANGUAGES:
        raise WorkbookError(f"unknown language {language!r}; available: {', '.join(LANGUAGES)}")
    texts: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / language).glob("*.yml")):
        for key, text in _flatten(yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}):
            if key in texts:
                raise WorkbookError(f"text {key!r} is defined twice in the {language} catalogue ({path.name})")
            texts[key] = text
    return texts


def _flatten(data: dict, prefix: str = ""):
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, name + ".")
        else:
            yield name, str(value)


def is_missing(value) -> bool:
    """None, NaN, pandas' NA and NaT. pandas is not imported for this: a process that has not loaded it
    (the command line, before its workers start) holds none of its missing values."""
    if value is None:
        return True
    pandas = sys.modules.get("pandas")
    if pandas is not None:
        missing = pandas.isna(value)
        return bool(missing) if isinstance(missing, bool) or type(missing).__name__ == "bool_" else False
    return isinstance(value, numbers.Real) and math.isnan(value)


#: The characters that set a text apart from the line around it in the bidirectional algorithm (Unicode's UAX #9):
#: its direction is its own first letter's, and whatever direction it sets or overrides ends with it.
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
#: The bidirectional classes of the characters that can reorder a left-to-right line: right-to-left letters,
#: Arabic digits, and the explicit embeddings, overrides and isolates.
_REORDERING = frozenset({"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
#: The direction controls that hold beyond their character (embeddings, overrides, isolates: U+202A-202E,
#: U+2066-2069). The marks (U+200E, U+200F) act on their neighbours only and are left alone.
DIRECTION_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
DIRECTION_CONTROL_CHARACTERS = tuple(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
#: A part of a text isolated already, holding no other isolate.
_ISOLATED_PART = re.compile(r"[\u2066-\u2068][^\u2066-\u2069]*\u2069")


def without_direction_controls(text: str) -> str:
    """`text` from an export without its direction controls: a right-to-left override (U+202E) in an account
    name or a caption would show the name backwards, and whatever the report puts after it too."""
    return DIRECTION_CONTROLS.sub("", text)


LEFT_TO_RIGHT_ISOLATE = "\u2066"


class Code(str):
    """Text a reader may copy as it is shown: a call, a path, a glob pattern, a line of YAML, a command.
    isolated() puts no isolate into it, though it hold right-to-left letters: U+2068 pasted into Python is a
    SyntaxError, and a pattern copied into clients.yml would carry it. A direction control of its own is still
    set apart, since it would turn the rest of the sentence around (and such a text cannot be copied as seen)."""


#: The placeholders that hold a path, a pattern or a command wherever the catalogue has them: their text values
#: are Code. A placeholder that holds code in some texts only ({example}) is given Code by its callers.
CODE_PLACEHOLDERS = frozenset({"path", "folder", "folders", "file", "files", "in_file", "pattern", "tracked",
                               "command", "commands", "code", "codes"})


def _bare(text: str) -> str:
    """`text` without the parts already isolated (a joined list of names), which reorder nothing around them."""
    while text != (inner := _ISOLATED_PART.sub("", text)):
        text = inner
    return text


def _reorders(text: str) -> bool:
    return not text.isascii() and any(unicodedata.bidirectional(c) in _REORDERING for c in _bare(text))


def isolated(text: str) -> str:
    """`text` set apart from the words around it in a sentence or a cell, when it holds something that could
    reorder them: a right-to-left name ('مقهى القمر') would draw a following number's minus sign into it, and a
    direction override (U+202E) would print the rest of the line backwards. Wrapped in FIRST_STRONG_ISOLATE …
    POP_DIRECTIONAL_ISOLATE, its direction stays its own. Left-to-right text is left as it is: the isolates are
    invisible, but a PDF's text or a terminal would hold them. Code is wrapped only for a direction control."""
    if isinstance(text, Code):
        return text if not DIRECTION_CONTROLS.search(_bare(text)) else (
            FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE)
    if not _reorders(text):
        return text
    return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE


def code_span(text: str) -> Code:
    """A whole piece of code a sentence shows (a call), set apart as one left-to-right span (LEFT_TO_RIGHT_ISOLATE
    … POP_DIRECTIONAL_ISOLATE) when it holds right-to-left text, such as an account name among its arguments: the
    marks stand outside the code, so the call copied from between them runs, and the sentence reads right."""
    text = str(text)
    return Code(LEFT_TO_RIGHT_ISOLATE + text + POP_DIRECTIONAL_ISOLATE if _reorders(text) else text)


def render_value(tr: "Translator", value, code: bool = False) -> str:
    """A value put into a text: numbers in the language's format, dates and times as the language writes them
    (a date "28 October 2026" / "28 Oktober 2026"; a datetime "18 March 2025, 21:59" / "18 Maret 2025 21.59"),
    messages (and texts written out in every language) and lists of them translated (a list joined by ", ", or
    by "; " when an item holds a comma). A day or a moment a note names is given as the object, never as text,
    so that it reads like every other date of the report; a value quoted as a file writes it stays text.
    `code`: a text (or a list of texts) is Code, which no isolate is put into (a path, a pattern)."""
    if isinstance(value, (Message, InLanguages)):
        return value.in_language(tr)
    if isinstance(value, dt.datetime):  # pandas' Timestamp too; NaT reads "n/a"
        return tr.datetime(value)
    if isinstance(value, dt.date):
        return tr.date(value)
    if isinstance(value, bool) or type(value).__name__ == "bool_":  # numpy's bool too
        return str(value)
    if isinstance(value, numbers.Integral):  # numpy integers too
        return tr.number(value)
    if isinstance(value, numbers.Real):
        return tr.number(value, 2)
    if isinstance(value, PurePath):  # a file named in a message: a line break in its name shown as \n (as_typed)
        return Code(as_typed(value))
    if isinstance(value, (list, tuple)):  # items that hold commas themselves are set apart by semicolons
        items = [render_value(tr, item, code) for item in value]
        joined = ("; " if any(", " in item for item in items) else ", ").join(items)
        return Code(joined) if code or all(isinstance(item, Code) for item in items) else joined
    if code or isinstance(value, Code):
        return Code(value)
    return isolated(str(value))  # a name or a cell from an export, set apart from the note around it


def _rendered(tr: "Translator", values: dict) -> dict:
    """A Message's values put into its text by `tr` (render_value), those of CODE_PLACEHOLDERS as Code."""
    return {name: render_value(tr, value, name in CODE_PLACEHOLDERS) for name, value in values.items()}


#: How many characters of a value a message quotes: a pasted paragraph, a long cell or a long list shows its start.
QUOTE_LIMIT = 80


class _Quoting(reprlib.Repr):
    """reprlib's short repr, with text cut at its end (quoted() adds the ellipsis), mappings in their own order,
    and lists and mappings of any kind (a roster's own dict) shortened like the built-in ones, never repr'd
    whole: at most 10 items of each, 4 levels deep (10,000 values at most, whatever the value holds)."""

    def __init__(self, limit: int):
        super().__init__()
        self.maxstring = self.maxother = self.maxlong = limit
        self.maxlevel, self.maxlist, self.maxtuple, self.maxdict, self.maxset = 4, 10, 10, 10, 10

    def repr1(self, x, level):
        for kind in (str, dict, list, tuple):
            if isinstance(x, kind):
                return getattr(self, f"repr_{kind.__name__}")(x, level)
        return super().repr1(x, level)

    def repr_dict(self, x, level):
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        items = [f"{self.repr1(key, level - 1)}: {self.repr1(x[key], level - 1)}"
                 for key in itertools.islice(x, self.maxdict)]
        return "{" + ", ".join(items + ["..."] * (len(x) > self.maxdict)) + "}"

    def repr_str(self, x, level):
        return repr(str(x[: self.maxstring]))  # a longer text is quoted past the limit, so quoted() cuts it


#: Control characters but the line break (C0, DEL, C1): printed as they are, an escape sequence from an export's
#: cell (an account name) would retitle the terminal, clear it or move the cursor over the summary's lines.
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Every control character, the line break and the tab included.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def terminal_safe(text: str, *, layout: bool = True) -> str:
    """`text` to print on a terminal: each control character but the line break and the tab shown as its escape
    (\\x1b), so a name read from a file cannot act on the terminal, and is still told apart from its plain twin.
    `layout=False` escapes line breaks and tabs too (\\n, \\t), for a value that must stay on its line."""
    return (_TERMINAL_CONTROLS if layout else _CONTROLS).sub(lambda m: repr(m.group())[1:-1], text)


def as_typed(path) -> str:
    """A path (or pattern) as a message shows it, within the catalogue's quotes: as typed, one backslash as one
    (repr doubles it), and each control character as its escape (terminal_safe), a line break or a tab too: a
    path that YAML or Python read `D:\\new` in shows `D:\\new` again, on one line, not broken over two."""
    return terminal_safe(str(path), layout=False)


def quoted(value, limit: int = QUOTE_LIMIT) -> str:
    """`value` as a message quotes it: its repr (text in quotes, so ' en' shows its space and 7 is seen to be a
    number), at most `limit` characters, cut with an ellipsis. Built from the value's start only: a cell of
    50,000 characters or a list of millions of values (YAML aliases) costs no more to quote than a short one."""
    text = _Quoting(limit).repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: The posts table's columns that are no metric, with a label for the notes that name them (column.<name>.label).
LABELLED_COLUMNS = ("account", "published_at", "published_precision", "format", "text", "permalink", "paid",
                    "impressions_kind")


def metric_label(name: str):
    """A metric named in a note, as its label in the reader's language (Message("metric.<name>.label")); a part
    of one (LinkedIn's daily `impressions_organic`) as Translator.metric names it; another column of the posts
    table (LABELLED_COLUMNS: the publish time, the text) by its label too. A name the catalogue lacks
    (an export column the workbook does not know, kept under its own snake_case name) is shown as that name,
    quoted, since it is what the tables call it."""
    texts = catalogue("en")
    if f"metric.{name}.label" in texts:
        return Message(f"metric.{name}.label")
    if name in LABELLED_COLUMNS:
        return Message(f"column.{name}.label")
    base, _, part = name.rpartition("_")
    if part in METRIC_PARTS and f"metric.{base}.label" in texts:
        return Message(f"metric_part.{part}", metric=Message(f"metric.{base}.label"))
    return quoted(name)


class Message(str):
    """A text a person reads, kept as its catalogue key and values so it can be shown in either language.

    As a str it is the English text, so logs, tests and `inspect` read it as plain text; numbers among the
    values are formatted per language (1,234 / 1.234) and nested messages are translated too.
    """

    key: str
    values: dict

    def __new__(cls, key: str, /, **values):
        self = super().__new__(cls, translator("en").t(key, **_rendered(translator("en"), values)))
        self.key, self.values = key, values
        return self

    def __reduce__(self):  # messages cross process boundaries (render workers) intact
        return (_rebuild_message, (self.key, self.values))

    def in_language(self, tr: "Translator") -> str:
        return tr.t(self.key, **_rendered(tr, self.values))

    def with_values(self, **values) -> "Message":
        """The same text with other values (a nested message reworded, say)."""
        return Message(self.key, **values)


def listed(items: list) -> Message | str:
    """Messages a sentence lists, as a Message shown in the reader's language as Translator.join words a
    list ("URL clicks, profile visits and hashtag clicks" / "klik URL, kunjungan profil, dan klik tagar");
    one item as it is, none as ""."""
    items = list(items)
    if len(items) < 2:
        return items[0] if items else ""
    if len(items) == 2:
        return Message("common.list_two", first=items[0], second=items[1])
    return Message("common.list_more", items=items[:-1], last=items[-1])


def _rebuild_message(key: str, values: dict) -> Message:
    return Message(key, **values)


class InLanguages(str):
    """A text already written out in every language, {language: text}: an error a report's kernel raised, read
    back by the renderer, which shows it in the reader's language as it shows a Message. As a str it is the
    English text."""

    texts: dict

    def __new__(cls, texts: dict):
        self = super().__new__(cls, texts.get("en", next(iter(texts.values()), "")))
        self.texts = dict(texts)
        return self

    def __reduce__(self):
        return (InLanguages, (self.texts,))

    def in_language(self, tr: "Translator") -> str:
        return self.texts.get(tr.language, str(self))


def in_every_language(text) -> dict[str, str]:
    """`text` (a Message, an InLanguages, a WorkbookError or plain text) in each language: {language: text}."""
    return {language: translator(language).message(text) for language in LANGUAGES}


_ACTIVE = {"language": "en"}


def use_language(language: str) -> "Translator":
    """Make `language` the one this process's errors and notes are shown in; its Translator is returned."""
    tr = translator(language)
    _ACTIVE["language"] = tr.language  # 'ID' or 'Indonesian' is kept as 'id'
    return tr


def active_language() -> str:
    return _ACTIVE["language"]


def localised(text) -> str:
    """`text` in the process's language when it is a Message, else as it is."""
    return text.in_language(translator(active_language())) if isinstance(text, Message) else str(text)


class Notes(list):
    """Messages a notebook shows as a list (a workspace's warnings, the rows an import left out): shown in the
    language active when shown (use_language), as files() shows its notes. The items stay Messages: English
    as str, either language by in_language."""

    def __repr__(self) -> str:
        return repr([localised(note) for note in self])

    __str__ = __repr__


#: Plural nouns that follow a {number} in the English texts, and their singular: "1 posts" reads "1 post".
SINGULAR = {"posts": "post", "rows": "row", "files": "file", "cells": "cell", "accounts": "account",
            "days": "day", "formats": "format", "slots": "slot", "clients": "client", "reports": "report",
            "figures": "figure", "interactions": "interaction", "comments": "comment", "hours": "hour",
            "minutes": "minute", "months": "month", "pairs": "pair", "values": "value", "errors": "error",
            "groups": "group", "keys": "key", "exports": "export", "sheets": "sheet", "follows": "follow",
            "problems": "problem", "workers": "worker", "ids": "id", "parameters": "parameter",
            "archives": "archive", "views": "view", "videos": "video", "viewers": "viewer", "times": "time",
            "followers": "follower", "years": "year", "folders": "folder", "announcements": "announcement",
            "seconds": "second", "columns": "column", "spaces": "space", "members": "member",
            "tests": "test", "slot-days": "slot-day"}
#: Words that may stand between the number and such a noun, describing it: "1 distinct posts", "1 post ids"
#: and "1 zip archives" read "1 distinct post", "1 post id", "1 zip archive".
QUALIFIERS = ("distinct", "different", "unique", "other", "more", "such", "negative", "empty",
              "simulated", "published", "post", "export", "report", "zip", "imported")
#: Present-tense verbs that follow such a noun, and their singular: "1 posts are" reads "1 post is".
SINGULAR_VERBS = {"are": "is", "were": "was", "have": "has", "carry": "carries", "fall": "falls", "hold": "holds",
                  "report": "reports", "lack": "lacks", "come": "comes", "share": "shares", "count": "counts",
                  "keep": "keeps", "need": "needs", "show": "shows", "remain": "remains", "belong": "belongs",
                  "match": "matches", "appear": "appears", "differ": "differs", "repeat": "repeats",
                  "read": "reads", "sum": "sums", "invite": "invites", "make": "makes",
                  "name": "names"}
_NOUN_AFTER_NUMBER = re.compile(
    r"(?:\{(?P<part>\w+)\}\s+of\s+(?:the\s+)?)?"  # "{failed} of {total} reports": the verb agrees with {failed}
    r"\{(?P<count>\w+)\}(?P<space>\s+)(?P<qualifier>(?:(?:" + "|".join(QUALIFIERS) + r")\s+)?)"
    r"(?P<noun>" + "|".join(SINGULAR) + r")\b(?P<verb>\s+(?:" + "|".join(SINGULAR_VERBS) + r")\b)?")


def singular_after_one(template: str, values: dict) -> str:
    """The English `template` with a plural noun right after a placeholder (or after one word of QUALIFIERS),
    and a verb right after that noun, made singular where the value is 1 ("{posts} posts are" with posts=1:
    "1 post is"). In "{failed} of {total} reports are", the noun agrees with {total} and the verb with {failed}:
    "1 of 1 report is", "1 of 3 reports is", "2 of 3 reports are". Other languages have no such agreement
    to make."""
    def one(name) -> bool:
        return name is not None and str(values.get(name, "")).strip() == "1"

    def agree(match: re.Match) -> str:
        text = match.group(0)
        noun_one = one(match["count"])
        verb_one = one(match["part"]) if match["part"] is not None else noun_one
        if not (noun_one or verb_one):
            return text
        start = match.start()
        head = text[:match.start("noun") - start]
        noun = SINGULAR[match["noun"]] if noun_one else match["noun"]
        verb = match["verb"] or ""
        if verb and verb_one:
            word = verb.strip()
            verb = verb[:len(verb) - len(verb.lstrip())] + SINGULAR_VERBS[word]
        return head + noun + verb
    return _NOUN_AFTER_NUMBER.sub(agree, template)


#: How each language writes a span of days from two placeholders: the word that opens it, with the words joining
#: its ends after that word ("from {first} to {last}", "between {start} and {end}"), and the words joining two
#: ends with no opening word ("{first} to {last}"). one_day_spans writes a span of one day as that day.
SPAN_WORDS = {
    "en": ({"from": ("to",), "between": ("and",)}, ("to", "–")),
    "id": ({"dari": ("hingga", "sampai"), "antara": ("dan",)}, ("hingga", "sampai", "–")),
}


@lru_cache(maxsize=None)
def _span_pattern(language: str) -> re.Pattern:
    opened, bare = SPAN_WORDS.get(language, SPAN_WORDS["en"])
    joints = sorted({word for words in opened.values() for word in words} | set(bare), key=len, reverse=True)
    return re.compile(r"(?:\b(?P<lead>" + "|".join(opened) + r")\s+)?\{(?P<first>\w+)\}\s+(?P<joint>"
                      + "|".join(map(re.escape, joints)) + r")\s+\{(?P<last>\w+)\}")


@lru_cache(maxsize=None)
def _day_pattern(locale: str) -> re.Pattern:
    """A date as Translator.date, short_date and datetime write it in `locale`: its day, month and year first."""
    months = {name for width in ("wide", "abbreviated")
              for name in get_month_names(width, locale=locale).values()}
    return re.compile(r"\d{1,2}\s(?:" + "|".join(sorted(map(re.escape, months), key=len, reverse=True))
                      + r")\.?\s\d{4}\b")


def _one_day(values: dict, name_a: str, name_b: str, locale: str) -> bool:
    """Whether the values of placeholders `name_a` and `name_b` are one day: equal dates, or equal texts that
    are dates as the workbook writes them in `locale` (two equal counts are no day)."""
    a, b = values.get(name_a), values.get(name_b)
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return a == b
    return isinstance(a, str) and a == b and _day_pattern(locale).match(a) is not None


def _spans_of_days(template: str, language: str):
    """The spans of days of `template` (SPAN_WORDS: an opening word with its own joining word, or two ends
    joined bare), as regex matches."""
    opened, bare = SPAN_WORDS.get(language, SPAN_WORDS["en"])
    for match in _span_pattern(language).finditer(template):
        lead, joint = match["lead"], match["joint"]
        if (joint in opened[lead]) if lead else (joint in bare):
            yield match


def one_day_spans(template: str, values: dict, language: str, locale: str, on: str) -> str:
    """The `template` with each span of days whose ends are one day ("from {first} to {last}" with the same
    date in both) written as that day: "on {first}" where a word opens the span (`on`, the catalogue's
    common.on_day: "from 29 March 2025 to 29 March 2025" reads "on 29 March 2025"), "{first}" alone where none
    does. Only dates are spans of days: two equal counts ("went from 12 to 12") are left as they are. Words of
    the sentence that refer back to the span ("these days") are its one-day sibling's (single_day_sibling)."""
    collapsed = {match.start() for match in _spans_of_days(template, language)
                 if _one_day(values, match["first"], match["last"], locale)}

    def collapse(match: re.Match) -> str:
        if match.start() not in collapsed:
            return match.group(0)
        day = "{" + match["first"] + "}"
        return on.replace("{day}", day) if match["lead"] else day
    return _span_pattern(language).sub(collapse, template)


#: The end of a text's key that names its sibling written for days that are one day: where a sentence refers
#: back to its days ("the exports cover these days", "hari-hari ini"), "quiet.finding_single_day" says "that day".
SINGLE_DAY = "_single_day"


def single_day_sibling(template: str, sibling: str, values: dict, language: str, locale: str) -> bool:
    """Whether a text's one-day `sibling` is the one to write: the spans of days of `template` that the sibling
    writes as one day (its text no longer names their last end: "on {start}" for "from {start} to {end}") are
    each one day, as one_day_spans would collapse them. Another span of the sentence ("the loaded posts are dated
    {first} to {last}") does not choose it. Translator.t asks this of every text with a sibling; where the days
    are named outside the text (a {period} written apart, a fragment after a sentence's span), the caller
    chooses the sibling (single_day_suffix)."""
    named = set(re.findall(r"\{(\w+)\}", sibling))
    referred = [match for match in _spans_of_days(template, language) if match["last"] not in named]
    return bool(referred) and all(_one_day(values, match["first"], match["last"], locale) for match in referred)


def single_day_suffix(first, last) -> str:
    """SINGLE_DAY where the days a text speaks of, `first` to `last` (dates or moments), are one day, else "": a
    caller's choice of a text's one-day sibling where those days are not a span of the text itself."""
    day = [value.date() if isinstance(value, dt.datetime) else value for value in (first, last)]
    return SINGLE_DAY if day[0] is not None and day[0] == day[1] else ""


@lru_cache(maxsize=None)
def translator(language: str) -> "Translator":
    """One shared Translator per language (catalogues are read once)."""
    return Translator(language)


def cash_digits(currency: str) -> int:
    """The decimals an amount of `currency` is written with: its CLDR cash digits (IDR 0, USD 2, JPY 0)."""
    fractions = get_global("currency_fractions")
    return fractions.get(str(currency).upper(), fractions["DEFAULT"])[2]


#: Between a currency symbol's letter and a digit, either way round (CLDR currencySpacing).
_CURRENCY_SPACING = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def half_up(value: float, decimals: int, scale: int = 0):
    """`value` × 10^scale rounded to `decimals` decimals half away from zero, as a spreadsheet rounds (a median
    of 4,714.5 is 4,715, -0.125 is -0.13), then scaled back: the Decimal Babel is given to format, which would
    otherwise round half to even (4,714). The float is taken as the decimal it is written as (0.285, not
    0.28499999…). Infinity and NaN are given back as they are."""
    value = float(value)
    if not math.isfinite(value):
        return value
    exact = decimal.Decimal(repr(value)).scaleb(scale)
    return exact.quantize(decimal.Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP).scaleb(-scale)


@lru_cache(maxsize=4096)
def _decimal(value: float, decimals: int, locale: str) -> str:
    """A number with thousands separators and `decimals` decimals in the locale's format, rounded half away
    from zero (half_up). Cached: a figure formats the same tick values on every layout pass and drawing."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(half_up(value, decimals), format=pattern, locale=locale)


#: How many more decimals than asked an estimate or an interval's bound may take so that a value that is not
#: 0 does not read as 0 (Translator.estimate): 0.004 or -0.0001 beside 0.08, never 0.00; nor as the figure it
#: is set against (Translator.rate_percent): 0.152% against a published 0.15%, never 0.15% against 0.15%. A
#: value nearer than that (within 0.000001 of it at two decimals) is shown as it rounds.
ESTIMATE_EXTRA_DECIMALS = 4


def estimate_decimals(value, decimals: int, scale: int = 0, reference: float = 0.0) -> int:
    """The decimals an estimate or a bound is shown with: `decimals`, or, when it would then read as the value
    it is set against (`reference`: 0, where a verdict asks whether an interval holds 0, or a published rate a
    verdict places it against) and is not that, as many as tell the two apart (rounded half up), up to
    ESTIMATE_EXTRA_DECIMALS more; `decimals` again for a value nearer than that, or not finite. `scale`: 2 for
    a percentage."""
    if is_missing(value) or not math.isfinite(float(value)) or is_missing(reference) or float(value) == reference:
        return decimals
    for shown in range(decimals, decimals + ESTIMATE_EXTRA_DECIMALS + 1):
        if half_up(value, shown, scale) != half_up(reference, shown, scale):
            return shown
    return decimals


def _has_nonzero_digit(text: str) -> bool:
    return any(ch in "123456789" for ch in text)


def _unsigned_zero(text: str) -> str:
    """A negative value that rounds to zero ("-0", "-0.00", "-0.0%") shown as zero."""
    return text[1:] if text.startswith("-") and not _has_nonzero_digit(text) else text


#: Parts of a metric a daily export reports apart (LinkedIn: organic and sponsored), each with its text.
METRIC_PARTS = ("organic", "sponsored")
#: The platforms whose `shares` are reposts, and the daily series' metric that names them alike: X's Reposts
#: (retweets; X's own 'Share' count, sent by message or link, is not imported) and LinkedIn's Reposts. A figure
#: of theirs reads "reposts" (Translator.metric with the platform), as their daily series already say.
SHARES_NAMED = {"x": "reposts", "linkedin": "reposts"}


class Translator:
    """Texts and number, date and money formats of one language."""

    def __init__(self, language: str = "en"):
        self.language = language_code(language) or language  # 'ID' or 'Indonesian' is 'id'; others refused below
        self.locale = LANGUAGES.get(self.language) or LANGUAGES["en"]
        self.texts = catalogue(self.language)

    def t(self, key: str, /, **values) -> str:
        """The text for `key` with its {placeholders} filled; a missing key is an error, not a blank."""
        try:
            text = self.texts[key]
        except KeyError:
            raise KeyError(f"text {key!r} is missing from the {self.language} catalogue") from None
        if not values:
            return text
        sibling = self.texts.get(key + SINGLE_DAY)
        if sibling is not None and single_day_sibling(text, sibling, values, self.language, self.locale):
            text = sibling  # "these days" of a span that is one day: "that day"
        if self.language == "en":
            text = singular_after_one(text, values)
        text = one_day_spans(text, values, self.language, self.locale, self.texts["common.on_day"])
        # a name or a file name from an export, set apart from the sentence (isolated): the values are texts;
        # a path, a pattern or a command (CODE_PLACEHOLDERS) is Code, which the reader may copy as it is; a Path
        # is shown as_typed, so that a line break in a file's name does not split the line naming it
        return text.format(**{name: isolated(Code(v) if name in CODE_PLACEHOLDERS else v) if isinstance(v, str)
                              else isolated(Code(as_typed(v))) if isinstance(v, PurePath) else v
                              for name, v in values.items()})

    def join(self, items, alternatives: bool = False) -> str:
        """Names a sentence lists, as the language lists them: "Facebook, Instagram and TikTok" in English,
        "Facebook, Instagram, dan TikTok" in Indonesian (its comma before "dan", as its texts write); two as
        "Facebook and Instagram", one as it is, none as "". `alternatives`: joined by "or" / "atau", as after
        a negation ("no export reports saves, video views or spend"). The words are the catalogue's
        (common.list_*)."""
        items = [isolated(item if isinstance(item, str) else str(item)) for item in items]  # each name apart, as t()
        suffix = "_or" if alternatives else ""
        if len(items) < 2:
            return "".join(items)
        if len(items) == 2:
            return self.t(f"common.list_two{suffix}", first=items[0], second=items[1])
        return self.t(f"common.list_more{suffix}", items=", ".join(items[:-1]), last=items[-1])

    def noted(self, name, note: str) -> str:
        """`name` with `note` in brackets after it, or, where the name already ends in a bracketed note (a
        family label's "(total per day)"), with `note` added inside that bracket after a semicolon: "YouTube
        Studio Totals.csv (total per day; daily series)", never two brackets in a row."""
        name = self.message(name)
        if name.endswith(")") and "(" in name:
            return f"{name[:-1]}; {note})"
        return f"{name} ({note})"

    def message(self, text) -> str:
        """A Message (an InLanguages, a WorkbookError) in this language; plain text as it is."""
        return text.in_language(self) if isinstance(text, (Message, InLanguages, WorkbookError)) else str(text)

    def number(self, value, decimals: int = 0) -> str:
        if is_missing(value):
            return self.t("common.na")
        text = _decimal(float(value) + 0.0, decimals, self.locale)  # + 0.0: -0.0 and 0.0 share a cache entry
        return _unsigned_zero(text)

    def estimate(self, value, decimals: int = 2, percent: bool = False) -> str:
        """A point estimate or a bound of its 95% interval: with `decimals` decimals (as a percentage with
        `percent`), or more where those would show a value that is not 0 as 0 (estimate_decimals), so that a
        bound's sign, and whether the interval holds 0, can be read where the report says beyond or within
        chance: "+0.05 pp (95% CI 0.004 to 0.08)", "+0.03 pp (95% CI -0.0001 to 0.05)". An upper bound of +inf
        (a paid lift whose organic median is 0 in many resamples) reads "no upper bound", not "∞"."""
        if not is_missing(value) and float(value) == math.inf:
            return self.t("common.no_upper_bound")
        shown = estimate_decimals(value, decimals, 2 if percent else 0)
        return self.percent(value, shown) if percent else self.number(value, shown)

    def estimates(self, value, low, high, decimals: int = 2, percent: bool = False) -> tuple[str, str, str]:
        """A point estimate and the bounds of its 95% interval, each shown by estimate, except the estimate of
        an interval that holds 0 (within chance): `decimals` alone, so that +0.00001 pp between -0.02 and
        0.03 reads 0.00, not a precision it does not have; beyond chance, its sign must show, and it does
        (it is at least as far from 0 as the nearer bound)."""
        holds_zero = not (is_missing(low) or is_missing(high)) and float(low) <= 0 <= float(high)
        shown = self.percent(value, decimals) if percent else self.number(value, decimals)
        return (shown if holds_zero else self.estimate(value, decimals, percent),
                self.estimate(low, decimals, percent), self.estimate(high, decimals, percent))

    def interval(self, value, low, high, decimals: int = 2, percent: bool = False) -> str:
        """An estimate and its 95% interval, "0.74 (0.68 to 0.80)", as estimates shows them."""
        value, low, high = self.estimates(value, low, high, decimals, percent)
        return self.t("common.interval", value=value, low=low, high=high)

    def times(self, value) -> str:
        """A multiple such as 2.7 (times): one decimal below 10, whole numbers above."""
        return self.number(value, 1 if abs(value) < 10 else 0)

    def signed(self, text: str) -> str:
        """A formatted change with its sign: "+" before a positive one; a change that rounds to zero
        ("0.00", "0,0%") carries no sign either way."""
        text = _unsigned_zero(text)
        return text if text.startswith("-") or not _has_nonzero_digit(text) else "+" + text

    def smart_number(self, value) -> str:
        """Whole numbers for large values, two significant decimals for small ones (ratios such as 1.52)."""
        if is_missing(value):
            return self.t("common.na")
        return self.number(value, 0 if abs(value) >= 100 else 2)

    def percent(self, value, decimals: int = 1) -> str:
        if is_missing(value):
            return self.t("common.na")
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
        return _unsigned_zero(format_percent(half_up(value, decimals, 2), format=pattern, locale=self.locale))

    def rank(self, first, last=None) -> str:
        """A rank, or the span of a tie: "4", or "4–11" for posts tied from 4th to 11th."""
        if last is None or is_missing(last) or int(last) == int(first):
            return self.number(first)
        return f"{self.number(first)}–{self.number(last)}"

    def rate_percent(self, value, reference=None) -> str:
        """A small published or measured rate with the digits that tell rates apart: 0.060% and 0.063%
        (not both 0.06%), 0.15%, 5.07%. `reference`: the rate it is set against (a published one, which a
        verdict places a client's interval above, below or around), from which it takes the digits that keep
        it apart where they would show the same (estimate_decimals): a lower bound of 0.1518% above a
        published 0.15% reads 0.152%, not 0.15%."""
        if is_missing(value):
            return self.t("common.na")
        if float(value) == math.inf:  # an upper bound most resamples left open (statistics.mean_interval)
            return self.t("common.no_upper_bound")
        decimals = 2 if abs(float(value)) >= 0.001 else 3
        if reference is not None and not is_missing(reference):
            decimals = estimate_decimals(value, decimals, 2, float(reference))
        return self.percent(value, decimals)

    def percent_significant(self, value, digits: int = 2) -> str:
        """A measured rate with `digits` significant digits and one decimal at least (6.4%, 0.28%, 0.026%), so
        that a median and the bounds of its interval each keep their precision. Published benchmark rates
        keep their own digits instead (rate_percent)."""
        if is_missing(value):
            return self.t("common.na")
        size = abs(float(value)) * 100
        decimals = 1 if size == 0 or size >= 10 ** (digits - 1) else min(4, digits - 1 - int(math.floor(math.log10(size))))
        return self.percent(value, max(1, decimals))

    def money(self, value, currency: str, digits: int | None = None) -> str:
        """An amount in the locale's currency format ("Rp 1.234.568", "IDR 1,234,568", "£1,234.50"), with the
        currency's cash digits (CLDR: rupiah, forint or Taiwan dollars are written without decimals, as their
        business documents write them, though their accounting digits are 2). A symbol of letters is set apart
        from the digits by a no-break space, CLDR's currency-spacing rule, which Babel does not apply:
        "UAH77.818,01" would read as one word. `digits`: other decimals than the cash digits (unit_cost)."""
        if is_missing(value):
            return self.t("common.na")
        digits = cash_digits(currency) if digits is None else digits
        pattern = re.sub(r"0\.0+", "0" + ("." + "0" * digits if digits else ""),
                         Locale.parse(self.locale).currency_formats["standard"].pattern)
        text = format_currency(half_up(value, digits), currency, format=pattern, locale=self.locale,
                               currency_digits=False)
        return _CURRENCY_SPACING.sub("\u00a0", text)

    def unit_cost(self, value, currency: str) -> str:
        """A cost per unit (per reached person, per engagement) in `currency`: as money, and below 10 of the
        currency with two significant figures where the cash digits would show fewer, "UAH 0.064" for 0.0642,
        not "UAH 0.06" (7% off), and "Rp 1.4" for 1.4 rupiah, not "Rp 1" (29% off): such a cost is compared with
        others at a few hundredths of the currency, or a few of a currency without cents."""
        if is_missing(value) or not math.isfinite(float(value)) or value == 0 or abs(float(value)) >= 10:
            return self.money(value, currency)
        significant = 1 - math.floor(math.log10(abs(float(value))))  # decimals for two significant figures
        if abs(float(half_up(value, significant))) >= 10 ** (2 - significant):  # 0.0996 rounds to 0.10, 9.96 to 10
            significant -= 1
        return self.money(value, currency, max(cash_digits(currency), significant))

    def date(self, value) -> str:
        if is_missing(value):
            return self.t("common.na")
        day = value.date() if isinstance(value, dt.datetime) else value
        return format_date(day, format="d MMMM y", locale=self.locale)

    def datetime(self, value) -> str:
        """A moment as the language writes a date and a time of day ("18 March 2025, 21:59", "18 Maret 2025
        21.59"), on its own clock (a time zone's wall time is not converted)."""
        if is_missing(value):
            return self.t("common.na")
        return get_datetime_format("medium", locale=self.locale).replace("{1}", self.date(value)).replace(
            "{0}", self.time(value))

    def time(self, value) -> str:
        """A moment's time of day as the language writes it ("21:59", "21.59"), on its own clock."""
        return format_time(value.time(), format="short", locale=self.locale)

    def hour(self, hour) -> str:
        """An hour of the day (0 to 23) as the language writes that time ("07:00", "07.00"): the hours of the
        timing heat map's cells in its alt text."""
        return format_time(dt.time(int(hour)), format="short", locale=self.locale)

    def short_date(self, value) -> str:
        day = value.date() if isinstance(value, dt.datetime) else value
        return format_date(day, format="d MMM y", locale=self.locale)

    def period_span(self, first, last) -> str:
        """A report's period, short, as the run's summary and the index write it: whole calendar months as
        months ("Oct 2026", "Sept to Oct 2026", "Dec 2025 to Jan 2026"), other days as their first and last
        ("1 Sept to 15 Oct 2026", "15 Dec 2025 to 14 Jan 2026"), the year once where both share it, a single
        day once ("5 Oct 2026")."""
        first, last = (value.date() if isinstance(value, dt.datetime) else value for value in (first, last))
        if first == last:
            return self.short_date(first)
        months = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
        if months and (first.year, first.month) == (last.year, last.month):
            return self.month(first)
        whole, day = ("MMM", self.month) if months else ("d MMM", self.short_date)
        start = format_date(first, format=whole, locale=self.locale) if first.year == last.year else day(first)
        return self.t("cli.period_span", start=start, end=day(last))

    def month(self, value) -> str:
        """The month alone ("Aug 2014"), for a date whose day is not known."""
        day = value.date() if isinstance(value, dt.datetime) else value
        return format_date(day, format="MMM y", locale=self.locale)

    def month_name(self, value) -> str:
        """A month by its full name and year ("February 2025"): a calendar month itself, not a date's."""
        day = value.date() if isinstance(value, dt.datetime) else value
        return format_date(day, format="MMMM y", locale=self.locale)

    def ordinal(self, n: int) -> str:
        if self.language == "id":
            return f"ke-{n}"
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    def ordinal_range(self, first: int, last: int) -> str:
        """Places first to last, as a tie spans them: '4th–5th' in English; 'ke-4–5' in Indonesian, whose
        ordinal prefix is written once ('ke-4–ke-5' is not said)."""
        if self.language == "id":
            return f"ke-{first}–{last}"
        return f"{self.ordinal(first)}–{self.ordinal(last)}"

    def possessive(self, name: str) -> str:
        """A name as the owner of what follows it, for a {..._possessive} placeholder. English adds "'s", or an
        apostrophe alone after a final s ("Kopi Senja's", "Harbour Books'"); Indonesian marks the owner with
        the word order of its texts ("Facebook milik Harbour Books"), so the name stays as it is."""
        if self.language != "en":
            return name
        return f"{name}'" if name.endswith("s") else f"{name}'s"

    def platform(self, name: str) -> str:
        return self.texts.get(f"platform.{name}", name)

    def format_name(self, name: str) -> str:
        return self.texts.get(f"format.{name}", name)

    def metric_word(self, name: str, platform: str | None = None) -> str:
        """A metric's name as a text in brackets holds it (the metrics table's "✓ (reposts)"): the `short`
        variant of its label where the catalogue has one, as Indonesian does for a label with a bracket of its
        own ("jumlah dibagikan ulang (repost)": "✓ (dibagikan ulang)"), so that no bracket nests in another;
        else its label, as `metric` gives it (X's and LinkedIn's shares are reposts there too)."""
        resolved = SHARES_NAMED.get(platform, name) if name == "shares" else name
        return self.texts.get(f"metric.{resolved}.short") or self.metric(name, platform=platform)

    def metric(self, name: str, impressions: str | None = None, platform: str | None = None) -> str:
        """A metric's label; a part of one (LinkedIn's daily `impressions_organic`, `reach_sponsored`) is the
        metric's label with the part named; a name the catalogue lacks (an unmapped export column) is shown
        with spaces. `impressions`, where the caller knows what a file's impressions count, is their word (a
        daily series: its platform's own) in place of the post table's label "impressions (or views)".
        `platform`, where the figure is one platform's, names its shares as it does (SHARES_NAMED: X's and
        LinkedIn's are reposts), and a metric whose label names shares takes its label_<word> variant."""
        if (word := SHARES_NAMED.get(platform)) is not None:
            if name == "shares":
                name = word
            elif f"metric.{name}.label_{word}" in self.texts:
                return self.texts[f"metric.{name}.label_{word}"]
        base, _, part = name.rpartition("_")
        if impressions is not None and name == "impressions":
            return impressions
        if impressions is not None and base == "impressions" and part in METRIC_PARTS:
            return self.t(f"metric_part.{part}", metric=impressions)
        label = self.texts.get(f"metric.{name}.label")
        if label is not None:
            return label
        if part in METRIC_PARTS and f"metric.{base}.label" in self.texts:
            return self.t(f"metric_part.{part}", metric=self.texts[f"metric.{base}.label"])
        return name.replace("_", " ")
