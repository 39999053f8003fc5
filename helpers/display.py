"""Showing results in a notebook and in the HTML report, with untrusted text escaped.

Captions, titles and account names come from the exports and may hold `<script>` or `onerror=`; every
function here escapes text before it becomes HTML, and figures are embedded (self-contained report)
with alt text.
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import math
import re
import unicodedata

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from babel import Locale
from babel.numbers import get_currency_symbol
from IPython.display import HTML
from IPython.display import display as show  # noqa: F401  (re-exported: notebooks call display.show)

from . import metrics
from .drawing import DPI, png_bytes
from .i18n import LANGUAGES, Translator, catalogue
from .index_page import FACTS_KEY


def title(text: str, facts: dict | None = None) -> HTML:
    """The report's title, escaped (it holds the client's name). `facts` (Report.index_facts) ride along in
    the output's metadata, which the HTML export leaves out: the renderer reads them for the index page."""
    return HTML(f"<h1>{html.escape(text)}</h1>", metadata={FACTS_KEY: facts} if facts else None)


def section(title: str, intro: str = "") -> HTML:
    """A section heading and its opening sentence, escaped."""
    lead = f"<p class=\"section-intro\">{html.escape(intro)}</p>" if intro else ""
    return HTML(f"<h2>{html.escape(title)}</h2>{lead}")


def finding(text: str) -> HTML:
    """A sentence of the report, escaped; nothing for an empty one (a note that has nothing to say)."""
    return HTML(f'<p class="finding">{html.escape(text)}</p>' if text else "")


def findings(lines: list[str]) -> HTML:
    """A bulleted list of sentences, escaped; nothing for no sentence."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return HTML(f'<ul class="findings">{items}</ul>' if items else "")


def table(frame: pd.DataFrame, *, percent: tuple[str, ...] = (), decimals: int = 2, caption: str = "",
          index: bool = True, max_text: int | None = 90, row_labels: tuple[int, ...] = (),
          spoken: dict[str, str] | None = None) -> HTML:
    """A DataFrame as an escaped HTML table; `percent` columns shown as percentages, NA as 'n/a'. A table
    without rows shows nothing (the sentence beside it says why), not a caption above an empty grid.

    Text cells are cut to `max_text` characters (a post's caption fits its cell); `max_text=None` shows every
    text whole, as a table of definitions must: a caveat cut short would drop what it warns about.

    Header cells say what they head (`scope`), so a screen reader names a cell's column and row as it reads
    it: the index, when shown, labels its rows; `row_labels` gives the positions among the columns (-1 the
    last) of those whose cell names its row instead (the metric of a lens table, the text of a post). A named
    index's name heads its column, in the corner, rather than in a second header row below an empty one.

    `spoken` gives the words a screen reader says for a mark ({"✓": "carried"}): a cell showing it alone, or
    before a note ("✓ (reposts)"), shows the mark, hidden from screen readers, and holds the word, hidden from
    sight (spoken_marks); what is seen stays the same."""
    if frame.empty:
        return HTML("")
    shown = frame.copy()
    if index and shown.index.nlevels == shown.columns.nlevels == 1 and shown.columns.name is None:
        shown = shown.rename_axis(columns=shown.index.name).rename_axis(index=None)  # to_html's corner
    for column in shown.columns:
        values = shown[column]
        if column in percent:
            shown[column] = values.map(lambda v: "n/a" if pd.isna(v) else f"{v * 100:.{decimals}f}%")
        elif pd.api.types.is_float_dtype(values):
            shown[column] = values.map(lambda v: "n/a" if pd.isna(v) else f"{v:,.{decimals}f}")
        elif pd.api.types.is_integer_dtype(values):
            shown[column] = values.map(lambda v: "n/a" if pd.isna(v) else f"{v:,}")
        else:
            shown[column] = values.map(lambda v: "n/a" if v is None or (not isinstance(v, str) and pd.isna(v))
                                       else shorten(str(v), max_text))
    body = spoken_marks(shown.to_html(escape=True, index=index, na_rep="n/a", border=0, classes="report-table"),
                        spoken or {})
    head = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    body = re.sub(r'<table[^>]*class="dataframe report-table"[^>]*>', lambda _: f'<table class="report-table">{head}',
                  body, count=1)
    labelled = set()
    if shown.columns.nlevels == 1 and shown.index.nlevels == 1 and len(shown.columns):  # a cell a column a row
        labels = [shown.index.to_series()] if index else []
        columns = labels + [shown[c] for c in shown.columns]
        body = _mark_text_cells(body, [TEXT_CELL + (f" {PROSE_CELL}" if _is_prose(values) else "")
                                       if _is_text(values) else "" for values in columns])
        labelled = {len(labels) + position % len(shown.columns) for position in row_labels}
    return HTML(_scope_cells(_breakable_words(body), labelled))


#: A cell of a text column: its class, which the report's CSS aligns left (numbers stay aligned right).
TEXT_CELL = "text"
#: A cell of a column of sentences (a post's text, a caveat): its class, which the report's CSS gives a width
#: to read them in, rather than the few words a line a table of many columns leaves the last one in print.
PROSE_CELL = "prose"
#: A shown value this long or longer makes its column one of sentences.
PROSE_CHARACTERS = 40
#: A word this long (a file name, a link, a hashtag: no space in it) gets places where a line may break, so that its
#: column can be narrower than the word: a table wider than the A4 page makes Chromium print the whole report
#: smaller to fit it (`breakable`).
LONG_WORD_CHARACTERS = 20
#: The characters after which a long word may break (tweet_activity_metrics_… at its underscores).
BREAK_AFTER = frozenset("_./-:@#?&=+,;")
#: One character of escaped text: an entity (&amp;) is one.
_CHARACTER = re.compile(r"&#?\w+;|.", re.S)
#: A data cell made its row's header (`table`'s row_labels): its class, which the report's CSS keeps looking
#: like the cells beside it (not bold, as a header cell is by default).
ROW_LABEL = "row-label"


#: The style of words for screen readers only: out of sight (clipped to a pixel), yet read, where `display: none`
#: would hide them from screen readers too. Inline, so that the notebook shows them so as well as the report.
SCREEN_READER_ONLY = ("position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;"
                      "clip:rect(0 0 0 0);white-space:nowrap;border:0")


def spoken_marks(body: str, spoken: dict[str, str]) -> str:
    """A table's HTML with each data cell that begins with a mark of `spoken` (alone, or before a space: "✓
    (reposts)") showing it hidden from screen readers (aria-hidden), and holding its word hidden from sight
    (SCREEN_READER_ONLY): "✓" is read "carried", which a screen reader says as "check mark" or not at all."""
    if not spoken:
        return body
    words = {html.escape(mark): html.escape(word) for mark, word in spoken.items()}
    marks = "|".join(re.escape(mark) for mark in sorted(words, key=len, reverse=True))
    return re.sub(rf"(<td\b[^>]*>)({marks})(?=[ <])",
                  lambda m: f'{m.group(1)}<span aria-hidden="true">{m.group(2)}</span>'
                            f'<span style="{SCREEN_READER_ONLY}">{words[m.group(2)]}</span>', body)


def breakable(escaped: str) -> str:
    """Escaped text with a <wbr> in each word of LONG_WORD_CHARACTERS or more: after each of BREAK_AFTER, and
    after every LONG_WORD_CHARACTERS characters of a run without one. The word reads and copies as before;
    its column may be as narrow as its longest part. A break due inside what reads as one character (a letter
    and its accent, an emoji sequence, a flag) moves to the next place where one may come (_may_break)."""
    def word(match: re.Match) -> str:
        characters = _CHARACTER.findall(match.group(0))
        if len(characters) < LONG_WORD_CHARACTERS:
            return match.group(0)
        out, run, due, previous, indicators = [], 0, False, "", 0
        for character in characters:
            text = html.unescape(character)
            if due and _may_break(previous, text, indicators):
                out.append("<wbr>")
                run, due = 0, False
            out.append(character)
            run += 1
            due = due or text in BREAK_AFTER or run >= LONG_WORD_CHARACTERS
            indicators = indicators + 1 if _is_regional_indicator(text) else 0
            previous = text
        return "".join(out)

    return re.sub(r"[^\s<>]+", word, escaped)


#: Characters that extend the one before them into a single visible character, besides the combining marks
#: (Unicode category M*): the zero-width joiner of emoji sequences, variation selectors (U+FE0F asks for an
#: emoji), the emoji skin tones, the keycap (1️⃣), the tags of subdivision flags (Scotland's), and the Thai
#: and Lao vowel AM (ำ), a letter by its category but a sign on the consonant before it.
_EXTENDING = re.compile("[\u200d\ufe00-\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\u0e33\u0eb3]")


def _is_regional_indicator(text: str) -> bool:
    """A half of a flag: two regional indicator letters (🇮 🇩) read as one flag (🇮🇩)."""
    return len(text) == 1 and "\U0001f1e6" <= text <= "\U0001f1ff"


def _hangul(character: str) -> str:
    """A character's Hangul syllable type (UAX #29): 'L' a leading consonant jamo, 'V' a vowel, 'T' a trailing
    consonant, 'LV' and 'LVT' a precomposed syllable without and with a final; '' for any other."""
    code = ord(character)
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return "L"
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return "V"
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return "T"
    if 0xAC00 <= code <= 0xD7A3:
        return "LVT" if (code - 0xAC00) % 28 else "LV"
    return ""


#: The Hangul syllable types that may follow each (UAX #29, GB6 to GB8) within one syllable: a decomposed
#: syllable (ᄒ ᅡ ᆫ, 한) is one visible character, as a precomposed one is.
_HANGUL_JOINS = {"L": {"L", "V", "LV", "LVT"}, "LV": {"V", "T"}, "V": {"V", "T"}, "LVT": {"T"}, "T": {"T"}}


def _may_break(previous: str, text: str, indicators: int) -> bool:
    """Whether a line may break between `previous` and `text` (each one code point, or an entity's text) inside a
    word: not before a character that extends the one before it (a combining accent, a Thai vowel sign, an emoji
    modifier), not on either side of a zero-width joiner, not after a virama before a letter (an Indic conjunct),
    and not between the two letters of a flag, the `indicators` regional indicators just before `text` being odd,
    nor between the jamo of one Hangul syllable (_HANGUL_JOINS). Unicode's grapheme clusters (UAX #29), in the
    cases a report's words meet, without a dependency."""
    if not previous or not text:
        return False
    first = text[0]
    if unicodedata.category(first).startswith("M") or _EXTENDING.match(first) or previous[-1] == "\u200d":
        return False
    if unicodedata.combining(previous[-1]) == 9 and first.isalpha():  # a virama joins the letter after it: त्र
        return False
    if _hangul(first) in _HANGUL_JOINS.get(_hangul(previous[-1]), ()):  # jamo of one Hangul syllable: ᄒ ᅡ ᆫ
        return False
    return not (_is_regional_indicator(first) and indicators % 2)


def _breakable_words(body: str) -> str:
    """The table's HTML with its long words made `breakable` (the text between tags, never a tag)."""
    return re.sub(r">([^<]+)<", lambda m: f">{breakable(m.group(1))}<", body)


def _is_text(values: pd.Series) -> bool:
    """A column of words (names, post texts, formulas) rather than of values: most of its shown cells, those
    that say a value is missing aside (MISSING_TEXTS), do not read as values as the report writes them
    (_is_value). Not judged by a cell's first character: a post's text may begin with an emoji, a hashtag,
    a handle or a number, and money with its currency ("Rp 1.234")."""
    missing = _missing_texts()
    shown = [str(v).strip() for v in values if str(v).strip() not in missing]
    return bool(shown) and sum(not _is_value(v) for v in shown) > len(shown) / 2


#: The catalogue's texts for a value a table does not have: a cell holding only one is neither a value nor
#: words, in any language ("n/a", "t/a", a post's "(no text)").
MISSING_TEXTS = ("common.na", "common.not_reported", "common.no_text")
#: The catalogue's templates of the values a table writes with words beside their numbers ("-0.32 pp",
#: "8 of 10", "5 dari 10"): their words outside brackets belong to a value.
VALUE_TEMPLATES = ("change.points", "common.part_of", "agreement.overlap_value", "lesson.demo.overlap_value")
#: A bracketed note, or one a cut cell left open: "(0.48 to 0.73)", "(95% CI -1.36 to 0.77)", "(reposts)".
_BRACKETED = re.compile(r"\([^()]*(?:\)|$)")
#: A word: a run of letters.
_WORD = re.compile(r"[^\W\d_]+")


def _is_value(text: str) -> bool:
    """Whether a shown cell reads as a value as the report writes it: its notes set aside (bracketed: an
    interval, a platform's name for a count; or after a colon: "0.0% (0.0% to 0.0%): 40 of 47 posts drew no
    interactions"), every word left is one a value holds (_value_words: a month, a currency, "pp", "of", the
    "p" of a p-value), and it holds a digit, or no word at all (a mark: "✓"). Numbers, percentages and money in
    either language's format ("1,234", "3,5%", "Rp 1.234"), dates ("28 Oct 2026", "Aug 2014"), intervals
    ("0.62 (0.48 to 0.73)"), ranks ("7–9") and counts ("37 / 37") are values; "🔥 New drop today",
    "#tbt to our first shop", "10 tips for ..." and "not compared (see Data coverage)" are words."""
    outside, before = text.split(": ", 1)[0], None
    while outside != before:  # a note inside a note
        before, outside = outside, _BRACKETED.sub(" ", outside)
    words = _WORD.findall(outside)
    known = _value_words()
    if not all(word in known["currencies"] or word.casefold() in known["words"] for word in words):
        return False
    return not words or any(character.isdigit() for character in outside)


@functools.cache
def _missing_texts() -> frozenset[str]:
    """MISSING_TEXTS in every language, and the empty cell."""
    return frozenset({""} | {catalogue(language)[key] for language in LANGUAGES for key in MISSING_TEXTS})


@functools.cache
def _value_words() -> dict[str, frozenset[str]]:
    """The words a value holds, in every language: "words", casefolded: the months' names and abbreviations
    (the workbook's one month table, importers.yearless_dates.MONTHS, which holds those Translator.date,
    short_date and month write) and the words of VALUE_TEMPLATES outside brackets;
    "currencies", as written (an upper-case code: "IDR", not a caption's "Top"): the letters of the currency
    symbols the languages' money formats write ("Rp", "US", "IDR"). And the "p" of p_phrase."""
    from .importers.yearless_dates import MONTHS

    words, currencies = set(_WORD.findall(p_phrase(Translator("en"), 0.5))) | set(MONTHS), set()
    for language, locale in LANGUAGES.items():
        texts = catalogue(language)
        for key in VALUE_TEMPLATES:
            template = _BRACKETED.sub(" ", re.sub(r"\{[^{}]*\}", " ", texts[key]))
            words |= {word.casefold() for word in _WORD.findall(template)}
        for code in Locale.parse(locale).currencies:
            currencies |= set(_WORD.findall(get_currency_symbol(code, locale=locale)))
    return {"words": frozenset(words), "currencies": frozenset(currencies)}


def _is_prose(values: pd.Series) -> bool:
    """A column of sentences: some shown cell holds PROSE_CHARACTERS characters or more."""
    return any(len(str(v)) >= PROSE_CHARACTERS for v in values)


def _mark_text_cells(body: str, text: list[str]) -> str:
    """Every header and data cell of the text columns given their classes (TEXT_CELL, and PROSE_CELL for
    sentences). `text` holds the classes of each cell of a row, "" for none (the index first, when shown); a
    row with another number of cells is left as it is."""
    if not any(text):
        return body

    def row(match: re.Match) -> str:
        cells = list(re.finditer(r"<(t[hd])((?: [^>]*)?)>", match.group(0)))
        if len(cells) != len(text):
            return match.group(0)
        out, at = [], 0
        for cell, is_text in zip(cells, text):
            out.append(match.group(0)[at:cell.start()])
            attributes = cell.group(2)
            if is_text and "class=" not in attributes:
                attributes += f' class="{is_text}"'
            out.append(f"<{cell.group(1)}{attributes}>")
            at = cell.end()
        return "".join(out) + match.group(0)[at:]

    return re.sub(r"<tr\b[^>]*>.*?</tr>", row, body, flags=re.S)


def _scope_cells(body: str, labels: set[int]) -> str:
    """Every header cell given its scope: "col" in the header rows ("colgroup" over several columns), "row"
    in the body (the index's; "rowgroup" over several rows); and the data cells at the positions `labels`
    (in a row of one cell a column, the index's first) made their row's header, of class ROW_LABEL."""
    head, end, rest = body.partition("</thead>")
    if not end:
        head, rest = "", body
    head = re.sub(r"<th\b((?: [^>]*)?)>", lambda m: f'<th scope="{"colgroup" if "colspan=" in m.group(1) else "col"}"'
                  f"{m.group(1)}>", head)

    def row(match: re.Match) -> str:
        cells = list(re.finditer(r"<(t[hd])((?: [^>]*)?)>(.*?)</\1>", match.group(0), flags=re.S))
        out, at = [], 0
        for number, cell in enumerate(cells):
            out.append(match.group(0)[at:cell.start()])
            tag, attributes, content = cell.groups()
            if tag == "td" and number in labels:
                tag, attributes = "th", (re.sub(r'class="([^"]*)"', rf'class="\1 {ROW_LABEL}"', attributes)
                                         if "class=" in attributes else f'{attributes} class="{ROW_LABEL}"')
            if tag == "th":
                attributes = f' scope="{"rowgroup" if "rowspan=" in attributes else "row"}"{attributes}'
            out.append(f"<{tag}{attributes}>{content}</{tag}>")
            at = cell.end()
        return "".join(out) + match.group(0)[at:]

    return head + end + re.sub(r"<tr\b[^>]*>.*?</tr>", row, rest, flags=re.S)


def figure(fig: plt.Figure, alt: str, caption: str = "") -> HTML:
    """A matplotlib figure embedded as a PNG with alt text and a caption; the figure is then closed."""
    return image(png_bytes(fig), alt, caption)


def image(png: bytes, alt: str, caption: str = "", dpi: float = DPI) -> HTML:
    """PNG bytes embedded in the page (self-contained report) with alt text and a caption, escaped.

    The image is shown at the size it was drawn at (`dpi` pixels an inch, a CSS inch being 96 pixels), never
    wider than the page: a figure's 10-point text is then 10 points on paper, where an image shown a pixel
    for a pixel would print 15% larger, and a figure narrower than the page no taller than it needs."""
    data = base64.b64encode(png).decode("ascii")
    cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    pixels = png_width(png)
    width = f' width="{round(pixels * 96 / dpi)}"' if pixels else ""
    return HTML(f'<figure class="report-figure"><img src="data:image/png;base64,{data}"'
                f' alt="{html.escape(alt, quote=True)}"{width} style="max-width:100%;height:auto">{cap}</figure>')


def png_width(png: bytes) -> int | None:
    """The width in pixels written in a PNG's header, or None for bytes that are not a PNG."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        return None
    return int.from_bytes(png[16:20], "big")


#: Metrics shown with two decimals (per-post rates, averages, frequency); other counts are whole numbers.
TWO_DECIMALS = ("frequency", "conversation_rate", "amplification_rate", "applause_rate",
                "average_view_duration_seconds", "minutes_per_1000_reached", "watch_time_hours")


#: The money rates that are costs of one unit (a reached person, an engagement), often below 1 of the currency:
#: shown with two significant figures there (Translator.unit_cost); CPM, per 1,000, keeps the cash digits.
UNIT_COSTS = ("cost_per_reached_person", "cost_per_engagement")


def _unit_decimals(value) -> int:
    """The decimals of a cost per unit given without its currency: two, or two significant figures below 1."""
    size = abs(float(value))
    return 2 if size >= 0.1 or size == 0 else min(1 - math.floor(math.log10(size)), 6)


def metric_text(tr, name: str, value, currency: str | None = None) -> str:
    """A metric's value as the report and the explorer show it: a percent rate (metrics.PERCENT_RATES: the
    engagement rates, reach, virality and click-through rates; and compare's engagement_rate_by_broadcast) as a
    percentage with two decimals, money in `currency` (as a number with two decimals when none is given; a
    cost per person or per engagement below 1 with two significant figures, UNIT_COSTS),
    TWO_DECIMALS with two decimals below 10, one below 100 and none from 100 on (231 reactions per post, not
    231.00: decimals a count of that size does not have), anything else as a whole number; missing as "n/a",
    never 0."""
    if value is None or pd.isna(value):
        return tr.t("common.na")
    if name in metrics.PERCENT_RATES or name == "engagement_rate_by_broadcast":
        return tr.percent(value, 2)
    if name in UNIT_COSTS:  # a few hundredths of the currency: two significant figures (Translator.unit_cost)
        return tr.unit_cost(value, currency) if currency else tr.number(value, _unit_decimals(value))
    if name in metrics.MONEY_RATES or name == "spend":
        return tr.money(value, currency) if currency else tr.number(value, 2)
    if name in TWO_DECIMALS:
        size = abs(float(value))
        return tr.number(value, 2 if size < 10 else 1 if size < 100 else 0)
    return tr.number(value)


def published_text(tr, when, precision, *, time: bool = False) -> str:
    """When a post went out, as far as its export says (schema's published_precision): a post dated to the month
    only (the UCI dataset: its day is a stand-in) by its month ("Aug 2014"), any other by its day ("24 Jun
    2025"), as the report's tables write them; with `time`, a post whose export gives its minute with its time of
    day too ("24 Jun 2025 21:59", as the index page writes a moment). A date-only export's post (LinkedIn,
    TikTok, YouTube: 'day') is stored at midnight, which it never shows: that time, and its offset, are no one's.
    `when` may be a moment or its text (a table read back from CSV holds "2025-06-24 21:59:00+02:00"); text that
    reads as no moment is written as it stands. A row whose precision is missing is written by its time: at
    exactly midnight by its day (what a date-only export stores), else with its time, as a minute-precise one;
    a post really put out at 00:00 loses only its time of day, never its date. n/a when missing."""
    when = _moment(when)
    if when is None:
        return tr.t("common.na")
    if isinstance(when, str):
        return when
    if precision is None or pd.isna(precision):
        precision = "day" if when == when.normalize() else "minute"
    if precision == "month":
        return tr.month(when)
    if precision == "day" or not time:
        return tr.short_date(when)
    return f"{tr.short_date(when)} {tr.time(when)}"


def _moment(value):
    """`value` as a pd.Timestamp (from a Timestamp, datetime, date or text), None when missing (NaN, NaT, empty
    text), or as written (str) when it reads as no moment: published_text writes what it cannot date."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if not isinstance(value, (str, dt.date, np.datetime64)):
        return str(value)
    try:
        moment = pd.Timestamp(value.strip() if isinstance(value, str) else value)
    except (ValueError, TypeError, OverflowError):
        return str(value)
    return None if pd.isna(moment) else moment


def p_value_text(tr, p) -> str:
    """A p-value as the report writes it: three decimals, '< 0.001' below that (never '0.000'); n/a when
    missing."""
    if p is None or pd.isna(p):
        return tr.t("common.na")
    return "< " + tr.number(0.001, 3) if p < 0.001 else tr.number(p, 3)


def p_phrase(tr, p) -> str:
    """A p-value for a sentence: 'p = 0.168', or 'p < 0.001' (p_value_text)."""
    text = p_value_text(tr, p)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def shorten(text: str, limit: int | None) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis: a caption that fits a table cell;
    whole when `limit` is None. The cut never falls inside what reads as one character (a flag's two letters, an
    emoji sequence, a letter and its accent: the places a line may break, _may_break) but before it, and the
    ellipsis follows the last word, not a space ("… word…", not "… word …")."""
    text = " ".join(text.split())
    if limit is None or len(text) <= limit:
        return text
    cut = limit - 1
    while cut > 0 and not _may_break(text[cut - 1], text[cut], _indicators_before(text, cut)):
        cut -= 1
    return text[:cut].rstrip() + "…"


def _indicators_before(text: str, end: int) -> int:
    """How many regional indicators (halves of flags) run up to `text[end]`, as _may_break counts them."""
    start = end
    while start > 0 and _is_regional_indicator(text[start - 1]):
        start -= 1
    return end - start
