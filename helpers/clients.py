"""The client roster (YAML): who gets a report, from which exports, for which period. Validated up front.

Every problem in a roster is listed at once, each naming the client and the key, before anything runs.
Export paths and glob patterns in a roster are relative to the project root.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import yaml
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies, list_currencies

from . import safe_yaml
from .colours import GRAPHIC_CONTRAST, contrast_ratio, luminances, readable_shade
from .errors import RosterError, WorkbookError, close_match, nothing_there_hint, os_reason, windows_drive, \
    windows_path_hint
from .i18n import LANGUAGES, QUOTE_LIMIT, Code, Message, Translator, as_typed, language_code, language_meant, quoted
from .paths import (BENCHMARKS_FILE, PROJECT_ROOT, as_spelled_on_disk, found_from, glob_exports, is_pattern,
                    is_special_file, expand_user, pattern_folder, resolve)
from .periods import date_hint, date_in, is_plausible_year, last_full_month, period_hint, previous_period, \
    timezone_hint

#: The keys a client may have; what each means is in the catalogue (roster.key.<name>), in each language.
CLIENT_KEYS = ("id", "name", "exports", "timezone", "period", "comparison", "language", "currency", "branding",
               "benchmark_industry", "top_n", "year")
REQUIRED = ("id", "name", "exports", "timezone", "period")
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,62}\Z")  # no '_' first: reports/_failed, _executed are the workbook's
ID_CHARACTERS = re.compile(r"[a-z0-9_-]")
BRANDING_KEYS = ("name", "accent_colour", "logo")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\Z")  # \Z, not $: a colour followed by a line break is no colour
DEFAULT_ACCENT = "#0072B2"  # the colour-blind-safe blue of the report's palette
DEFAULT_CURRENCY = "USD"  # a client whose roster entry sets no currency: the report says it is the default
#: How many characters of a value a roster message quotes: a pasted paragraph or a long list shows its start.
SHOWN_LIMIT = QUOTE_LIMIT


@dataclass(frozen=True)
class Client:
    id: str
    name: str
    exports: tuple[str, ...]
    timezone: str
    period_start: dt.date
    period_end: dt.date
    comparison_start: dt.date
    comparison_end: dt.date
    language: str = "en"
    currency: str | None = None  # None: not set in the roster (the report uses DEFAULT_CURRENCY and says so)
    brand_name: str = ""
    accent_colour: str = DEFAULT_ACCENT
    logo: str = ""
    benchmark_industry: str = "all industries"
    top_n: int = 10
    year: int | None = None
    # the roster file it was read from (load_roster; "" for a client built in Python), for the command that
    # renders it again: not the client itself, so two clients read from two copies of a roster are equal
    roster_file: str = field(default="", compare=False)

    def parameters(self) -> dict:
        """The report notebook's parameters for this client (literals only)."""
        return {
            "client": self.id, "client_name": self.name, "exports": list(self.exports),
            "timezone": self.timezone, "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(), "comparison_start": self.comparison_start.isoformat(),
            "comparison_end": self.comparison_end.isoformat(), "top_n": self.top_n, "language": self.language,
            "currency": self.currency, "brand_name": self.brand_name or self.name,
            "accent_colour": self.accent_colour, "logo": self.logo, "benchmark_industry": self.benchmark_industry,
            "year": self.year,
        }


class _RosterLoader(safe_yaml.Loader):
    """YAML without implicit dates: `2026-02-30` stays text, so it is reported as a bad date of its client
    and key (the default loader raises on it, and no other problem would be listed); aliases capped
    (safe_yaml.Loader). `anchored`: the nodes written with an anchor (`defaults: &defaults`), which a
    top-level key other than 'clients' may hold for the clients to repeat (`<<: *defaults`)."""

    def compose_document(self):
        self.anchored = set()
        return super().compose_document()

    def compose_node(self, parent, index):
        event = self.peek_event()
        node = super().compose_node(parent, index)
        if getattr(event, "anchor", None) is not None and not isinstance(event, yaml.AliasEvent):
            self.anchored.add(id(node))
        return node


_RosterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Mapping(dict):
    """A roster mapping that knows the line of each key (`lines`), its keys whose value has an anchor
    (`anchored`), and, for a key left without a value whose
    line goes on with a `#` (`accent_colour: #C8102E`: YAML reads a comment there, and the value as null), what
    follows the `#` (`comments`), so that the message can say to write the value in quotes. `dedented`: keys
    of a nested mapping written at this one's level (_dedented), left out of it."""
    lines: dict
    comments: dict
    dedented: dict
    anchored: set


#: The client keys whose value is a mapping, with that mapping's keys.
NESTED_KEYS = {"branding": BRANDING_KEYS, "period": ("start", "end"), "comparison": ("start", "end")}


def _dedented(pairs: list) -> dict:
    """The keys of a nested mapping written one level too far left: `branding:` left without a value and the
    keys right below it (`name:`, `logo:`) at its own level, each with its line, by the nested key they belong
    to. YAML reads such a `branding` as empty and its keys as the client's, where a `name` replaces the
    client's own; the cure is to indent them. A run is taken so only when one of its keys is no client key, or
    one given above (a lone `name:` below an empty `branding:` may be the client's name)."""
    found = {}
    keys = [key.value if isinstance(key, yaml.ScalarNode) else None for key, _ in pairs]
    for at, (key_node, value_node) in enumerate(pairs):
        inner = NESTED_KEYS.get(keys[at])
        if inner is None or value_node.tag != "tag:yaml.org,2002:null":
            continue
        run = []
        for key, (node, _) in zip(keys[at + 1:], pairs[at + 1:]):
            if key not in inner or key in [k for k, _ in run]:
                break
            run.append((key, node.start_mark.line + 1))
        if any(key not in CLIENT_KEYS or key in keys[:at] for key, _ in run):
            found[keys[at]] = run
    return found


#: What follows a key on its line when its value was read as a comment: spaces, then `#` and the text after it.
_COMMENTED_VALUE = re.compile(r"[ \t]*:[ \t]+#(?P<text>[^\r\n]*)")


def _mapping_without_repeats(loader: _RosterLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    """A mapping whose keys are each given once (safe_yaml.RepeatedKey otherwise, with both lines), as a
    _Mapping."""
    lines: dict = {}
    comments: dict = {}
    anchored: set = set()
    dedented = _dedented(node.value)
    moved = {line for run in dedented.values() for _, line in run}
    node.value = [(k, v) for k, v in node.value if k.start_mark.line + 1 not in moved]
    for key, key_node, value_node in safe_yaml.unique_keys(loader, node):
        lines[key] = key_node.start_mark.line + 1
        if _holds_anchor(value_node, getattr(loader, "anchored", ()), key_node.end_mark.index):
            anchored.add(key)
        if value_node.tag == "tag:yaml.org,2002:null" and value_node.value == "" and key_node.end_mark.buffer:
            mark = key_node.end_mark
            if found := _COMMENTED_VALUE.match(mark.buffer, mark.pointer):
                comments[key] = found["text"].rstrip()
    mapping = _Mapping(loader.construct_mapping(node, deep=deep))
    mapping.lines, mapping.comments, mapping.dedented, mapping.anchored = lines, comments, dedented, anchored
    return mapping


_RosterLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_repeats)


def _holds_anchor(node: yaml.Node, anchored, after: int = 0) -> bool:
    """Whether `node` or a node written inside it carries an anchor (the ids in `anchored`): a top-level key whose
    value defines one (`common:` with `tz: &tz Asia/Jakarta` below it) is there for the clients' aliases. An
    alias inside it (`timezone: *tz`) is the node its anchor stands on, written elsewhere: it is not counted,
    nor walked into, so a second client list repeating an anchor of the first holds none of its own. `after`:
    where the key ends, which a value written after it starts at or past (an alias as the value does not)."""
    start, end = max(after, node.start_mark.index), node.end_mark.index
    seen, todo = set(), [node]
    while todo:
        node = todo.pop()
        if id(node) in seen or not start <= node.start_mark.index <= end:  # an alias: written elsewhere
            continue
        seen.add(id(node))
        if id(node) in anchored:
            return True
        if isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            todo.extend(part for pair in node.value for part in pair)
    return False


def load_roster(path: str | Path | None = None, today: dt.date | None = None, language: str = "en",
                selected: Iterable[str] | None = None, now: dt.datetime | None = None,
                typed: str | None = None) -> list[Client]:
    """Read and validate a roster; raise RosterError listing every problem found, in `language`.

    `today` fixes what 'last full month' means and which days are still to come, for every client; by
    default each client's today is the date in its own time zone at `now` (default: this moment;
    periods.date_in). Every client's keys, types, id
    and dates are checked; its files (exports, logo) only when it is among the `selected` ids (default:
    every client), so a client whose exports are not there yet does not keep the others from rendering.
    `path` defaults to paths.DEFAULT_ROSTER (data/clients.yml), looked up at each call. `typed`: `path` as the
    user wrote it, where that differs (the command line makes --clients a full path), for what the error for a
    roster file that is not there adds: a path written as on Windows, or the name nearest a mistyped one.
    """
    from . import paths

    path = paths.DEFAULT_ROSTER if path is None else path
    tr = Translator(language)
    say = tr.t
    typed = path if typed is None else typed
    path = resolve(path)
    if path.is_dir():
        raise RosterError(path, [say("roster.is_folder")], tr)
    if not path.is_file():  # written as on Windows ('data\\clients.yml', C:\\...), or 'data/client.yml'
        hint = tr.message(windows_path_hint(typed, what="roster")) or _there(tr, path)
        raise RosterError(path, [say("roster.no_file") + hint], tr)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RosterError(path, [say("roster.unreadable", reason=tr.message(os_reason(exc)))], tr) from None
    if slips := typographic_slips(_roster_text(raw, path, tr), tr):  # before YAML reads them into other errors
        raise RosterError(path, slips, tr)
    try:
        data = safe_yaml.load(_roster_text(raw, path, tr), _RosterLoader)
    except yaml.YAMLError as exc:
        raise RosterError(path, [yaml_problem(exc, tr, _roster_text(raw, path, tr))], tr) from None
    if not isinstance(data, dict) or not isinstance(data.get("clients"), list):
        raise RosterError(path, [_top_level_problem(data, tr)], tr)
    problems: list[str] = _other_top_level_keys(data, tr)
    clients: list[Client] = []
    seen: dict[str, int] = {}  # id -> the number of the client that has it first
    ids = [entry.get("id") for entry in data["clients"] if isinstance(entry, dict)]
    for number, entry in enumerate(data["clients"], start=1):
        label = say("roster.client_number", number=number)
        if not isinstance(entry, dict):
            problems.append(say("roster.client_mapping", client=label, value=shown(entry),
                                keys=", ".join(CLIENT_KEYS)))
            continue
        if isinstance(entry.get("id"), str):  # a repeated id names the client by its place in the list too
            label = say("roster.client_number_id" if ids.count(entry["id"]) > 1 else "roster.client_id",
                        id=shown(entry["id"]), number=number)
        mine = _check_client(entry, label, seen, tr, check_files=selected is None or entry.get("id") in selected,
                             number=number, roster_folder=path.parent)
        problems.extend(mine)
        # the comparison is checked against the period whenever both are readable, so that an overlap is
        # listed with the client's other problems, not only once those are fixed
        client_today = today or date_in(entry.get("timezone"), now)
        spans = _spans(entry, label, client_today, tr)
        if spans is not None:
            start, end, comparison_start, comparison_end = spans
            spanned = []  # both said at once: a period ending after today may also overlap its comparison
            if comparison_end >= start:  # a report compares its period with a span before it, never itself
                key = "roster.comparison_overlaps" if comparison_start <= end else "roster.comparison_after"
                spanned.append(say(key, client=label, start=comparison_start, end=comparison_end,
                                   period_start=start, period_end=end))
            if end > client_today:  # no export holds days to come: said here, not by a kernel after a report's
                spanned.append(say("roster.future", client=label, key="'period'", start=start, end=end,  # imports
                                   today=client_today))
            problems.extend(spanned)
            mine = mine + spanned
        if not mine and spans is not None:
            branding = entry.get("branding") or {}
            clients.append(Client(
                id=entry["id"], name=entry["name"], exports=_exports_of(entry["exports"]), timezone=entry["timezone"],
                period_start=start, period_end=end, comparison_start=comparison_start,
                comparison_end=comparison_end, language=language_code(entry.get("language", "en")),
                currency=_tidy(entry["currency"], str.upper) if "currency" in entry else None, brand_name=branding.get("name", ""),
                accent_colour=branding.get("accent_colour", DEFAULT_ACCENT), logo=branding.get("logo", "") or "",
                benchmark_industry=_industry(entry.get("benchmark_industry", "all industries")),
                top_n=int(entry.get("top_n", 10)), year=entry.get("year"), roster_file=str(path),
            ))
    problems += _shared_exports(data["clients"], selected, say)
    if not data["clients"]:
        problems.append(say("roster.empty"))
    if problems:
        # the clients asked for that are fine, when some are not: the command can say how to render them now
        asked = [e.get("id") for e in data["clients"]
                 if isinstance(e, dict) and (selected is None or e.get("id") in selected)]
        fine = [c.id for c in clients if selected is None or c.id in selected]
        raise RosterError(path, problems, tr, renderable=fine if 0 < len(fine) < len(asked) else ())
    return clients


def accent_note(client: Client) -> Message | None:
    """A warning for a client whose accent colour is too light to read as text on the white page (a yellow),
    naming every place the report draws it, as the consultant should know before sending it: headings and brand
    name in a darker shade (colours.readable_shade); the slope charts' posts in both tops in the shade lines need
    (GRAPHIC_CONTRAST; the colour itself when light enough for that); the rules in the colour as given. None
    when the colour reads as it is."""
    colour = client.accent_colour
    if not COLOUR.match(colour or "") or (shade := readable_shade(colour)) == colour:
        return None
    values = dict(client=Message("roster.client_id", id=shown(client.id)), colour=colour,
                  ratio=round(contrast_ratio(colour), 2), shade=shade, shade_ratio=round(contrast_ratio(shade), 2))
    if (line := readable_shade(colour, minimum=GRAPHIC_CONTRAST)) == colour:
        return Message("roster.accent_text_shade", **values)
    return Message("roster.accent_shades", line=line, line_ratio=round(contrast_ratio(line), 2), **values)


def same_business(name, other) -> bool:
    """Whether two roster entries are one business rendered twice (in two languages, say): the same display
    name, case and spacing aside. Such entries may read the same exports and share posts; others may not."""
    fold = (lambda value: " ".join(value.split()).casefold() if isinstance(value, str) else None)
    return bool(fold(name)) and fold(name) == fold(other)


def _exports_of(exports: list) -> tuple:
    """A checked `exports` list as a Client keeps it: paths and patterns as text, each entry read through a
    column mapping as a plain {'files': ..., 'mapping': ...} (a literal the report notebook takes)."""
    return tuple(dict(e) if isinstance(e, dict) else e for e in exports)


def export_patterns(exports) -> list[str]:
    """The paths and glob patterns of a client's `exports`, those of its mapped entries ({files: ..., mapping:
    ...}) included; entries of another kind are left out (_check_client names them)."""
    patterns = []
    for entry in exports if isinstance(exports, (list, tuple)) else [exports]:
        entry = entry.get("files") if isinstance(entry, dict) else entry
        if isinstance(entry, str):
            patterns.append(entry)
    return patterns


def mapping_files(exports) -> list[Path]:
    """The column mapping files a client's `exports` name (its mapped entries'), resolved from the project root."""
    return [resolve(e["mapping"]) for e in exports if isinstance(e, dict) and isinstance(e.get("mapping"), str)]


def export_files(patterns) -> dict[tuple[int, int], Path]:
    """The files a client's `exports` read (export_patterns: mapped entries' files too), each keyed by its device
    and inode, so that one file reached by two spellings (another pattern, a link, another form of its accents)
    is one file. What is missing is left out: _check_client says so for the clients rendered."""
    files = {}
    for pattern in export_patterns(patterns):
        full = as_spelled_on_disk(resolve(pattern))
        for path in (glob_exports(full)[0] if is_pattern(full) else [full] if full.is_file() else []):
            try:
                found = path.stat()
            except OSError:
                continue
            files.setdefault((found.st_dev, found.st_ino), path)
    return files


def _shared_exports(entries: list, selected: Iterable[str] | None, say) -> list[str]:
    """Two clients whose exports read the same file, one of them rendered (`selected`; default every client):
    each report would count the other's posts and show its captions, a leak the check of the HTML cannot see
    (the posts are in the client's own exports). Entries of one business (same_business) are let be."""
    readers = []
    for number, entry in enumerate(entries, start=1):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str) and "exports" in entry:
            readers.append((number, entry, export_files(entry["exports"])))
    problems = []
    for at, (number, entry, files) in enumerate(readers):
        for other_number, other, other_files in readers[at + 1:]:
            if selected is not None and entry["id"] not in selected and other["id"] not in selected:
                continue
            shared = [files[key] for key in files if key in other_files]
            if not shared or same_business(entry.get("name"), other.get("name")):
                continue
            names = ", ".join(str(path) for path in shared[:3]) + (
                say("roster.and_more", count=len(shared) - 3) if len(shared) > 3 else "")
            problems.append(say("roster.shared_exports", client=shown(entry["id"]), other=shown(other["id"]),
                                number=number, other_number=other_number, count=len(shared), files=names))
    return problems


def _top_level_problem(data, tr: Translator) -> str:
    """What a roster holds instead of a top-level key 'clients' with a list: nothing, a list or a text (no
    'clients:' line), other keys ('client:'; a client's keys, with no 'clients:' above them), or a 'clients'
    that is no list."""
    say = tr.t
    if data is None:
        return say("roster.file_empty")
    if not isinstance(data, dict):
        return say("roster.no_clients_key", value=shown(data))
    if "clients" in data:
        return say("roster.clients_not_list", value=shown(data["clients"]))
    text = say("roster.other_keys_one" if len(data) == 1 else "roster.other_keys",  # as a list, not a repr
               keys=tr.join(shown(key) for key in data))
    if client_keys := [key for key in data if key in CLIENT_KEYS]:
        return text + say("roster.client_keys_no_list", keys=tr.join(shown(key) for key in client_keys),
                          first=client_keys[0])
    meant = next(filter(None, (close_match(key, ("clients",)) for key in data)), None)
    return text + say("roster.did_you_mean", name=shown(meant)) if meant else text


def _other_top_level_keys(data: dict, tr: Translator) -> list[str]:
    """The keys of a roster beside its 'clients' list, which nothing reads: each named with its line. A client
    pasted at the start of the line (`id: warung` below the list, without its '- ' and indentation) makes the
    client's keys top-level ones: said once, with how to indent them into the list; a key close to 'clients'
    (`client:`, a second list appended below the first) with the list to move its clients into. A key whose
    value has an anchor, or defines one inside (`defaults: &defaults`; `common:` over `tz: &tz Asia/Jakarta`),
    holds what the clients repeat with an alias: it is let be, unless it reads as a client list
    (_like_client_list)."""
    say = tr.t
    lines = getattr(data, "lines", {})
    others = [key for key in data if key != "clients"
              and (key not in getattr(data, "anchored", ()) or _like_client_list(key, data[key]))]
    client_keys = [key for key in others if key in CLIENT_KEYS]
    problems = []
    if client_keys:
        key = "roster.top_level_client_keys_one" if len(client_keys) == 1 else "roster.top_level_client_keys"
        problems.append(say(key, line=lines.get(client_keys[0], "?"), keys=tr.join(shown(k) for k in client_keys),
                            first=client_keys[0]))
    for key in others:
        if key in client_keys:
            continue
        close = close_match(key, ("clients",)) is not None
        problems.append(say("roster.top_level_close" if close else "roster.top_level_key",
                            line=lines.get(key, "?"), key=shown(key)))
    return problems


def _like_client_list(key, value) -> bool:
    """Whether a top-level key reads as a second client list, however its anchors go: its name close to
    'clients' (`client:`), or its value a list of mappings holding client keys. Such a key is named as not
    read even when it defines an anchor: the clients in it would be dropped without a word otherwise."""
    if isinstance(key, str) and close_match(key, ("clients",)) is not None:
        return True
    return (isinstance(value, list) and bool(value)
            and all(isinstance(entry, dict) and any(k in CLIENT_KEYS for k in entry) for entry in value))


def _roster_text(raw: bytes, path: Path, tr: Translator) -> str:
    """The roster's text: UTF-8 (with or without a byte-order mark), or UTF-16 with its byte-order mark (as
    Windows editors save 'Unicode'). Other bytes are an error naming the line and column to fix, since a
    roster saved in a legacy code page (cp1252: 'ö' as 0xf6) would otherwise show its names garbled."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise RosterError(path, [tr.t("roster.not_utf16")], tr) from None
    body = raw[len(codecs.BOM_UTF8):] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = body.rfind(b"\n", 0, exc.start) + 1
        column = len(body[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        raise RosterError(path, [tr.t("roster.not_utf8", line=body.count(b"\n", 0, exc.start) + 1, column=column,
                                      byte=f"0x{body[exc.start]:02x}")], tr) from None


#: What a word processor or a web page puts where a roster needs a plain character, and the character to type:
#: curly quotes, which YAML reads as letters of the value ("“Asia/Jakarta”" is no time zone), and a non-breaking
#: space, which YAML reads as a letter too (after `timezone:` it joins the key; before `- id:`, an indentation).
TYPOGRAPHIC = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "}
#: YAML's line breaks, as its marks count lines.
_YAML_LINES = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")


def typographic_slips(text: str, tr: Translator) -> list[str]:
    """The curly quotes and non-breaking spaces of a roster's text that change how YAML reads it, one problem
    per line and character, with its columns and the character to type instead; [] when there are none. Only
    these are named (_typographic_columns): a non-breaking space in an indentation, right after a key's `:` or
    a list's `-`, or right before a key's `:` or a `#` meant to start a comment, and a curly quote opening a value that a curly quote of its kind closes (`name: “Acme”`).
    Elsewhere they are text YAML reads as written (`Kopi Senja` with a non-breaking space, `’Tis the season`),
    and so are comments, values in straight quotes and block values (`name: >-`), whatever their lines hold."""
    problems, state = [], {}
    for number, line in enumerate(_YAML_LINES.split(text), start=1):
        found: dict[str, list[int]] = {}
        for column in _typographic_columns(line, state):
            found.setdefault(line[column], []).append(column + 1)
        for character, columns in found.items():
            where = tr.t("roster.at_column" if len(columns) == 1 else "roster.at_columns", line=number,
                         columns=tr.join(columns))
            key = "roster.non_breaking_space" if character == "\u00a0" else "roster.curly_quote"
            problems.append(tr.t(key, where=where, character=repr(character), straight=repr(TYPOGRAPHIC[character])))
    return problems


#: The spaces around YAML's marks, a non-breaking one among them (as the one typed meant it).
_SPACES = " \t\u00a0"
#: What starts a block value (`|`, `>-`, `|2+`), alone on its line but for a comment.
_BLOCK_HEADER = re.compile(r"[|>][-+1-9]*[ \t]*(?:#.*)?")


def _typographic_columns(line: str, state: dict | None = None) -> list[int]:
    """The columns (from 0) of `line` that typographic_slips names, in order. `state` carries what goes on to
    the next line: a value in straight quotes left open ('quote'), a block value with the column of its key or
    `-` ('block'; its lines are those indented further, or blank), and the open `[` and `{` ('flow')."""
    state = {} if state is None else state
    flow = state.setdefault("flow", [])
    if state.get("block") is not None:
        if not line.strip(" \t") or len(line) - len(line.lstrip(" ")) > state["block"]:
            return []
        state["block"] = None
    flagged = []
    if state.get("quote"):  # the next line of a value in straight quotes: text up to its closing quote
        at = _quoted_end(line, 0, state["quote"]) + 1
        if at > len(line):
            return []
        state["quote"], mode, opens = None, "rest", False
    else:
        at = len(line) - len(line.lstrip(_SPACES))
        flagged += [i for i in range(at) if line[i] == "\u00a0"]  # YAML indents with spaces only
        mode, opens = "key", False  # what may start at `at`; `opens`: after `: `, `- `, `[`, `{` or `,`
    owner = at  # the column of the key or `-` a block value on this line belongs to
    while at < len(line):
        character = line[at]
        if character in _SPACES:
            at += 1
        elif character == "#" and (at == 0 or line[at - 1] in _SPACES):  # a comment: the rest of the line
            break
        elif mode == "rest":  # after a value: the marks of a flow collection, or a key's `:` after quotes
            at, mode, opens = _after_value(line, at, flow, flagged)
        elif character in "&!":  # an anchor or a tag before the value
            while at < len(line) and line[at] not in _SPACES:
                at += 1
        elif character in "\"'":
            at = _quoted_end(line, at) + 1
            if at > len(line):
                state["quote"] = character
            mode = "rest"
        elif character in "[{":
            flow.append(character)
            at, mode, opens = at + 1, "key" if character == "{" else "value", True
        elif character in "|>" and not flow and _BLOCK_HEADER.fullmatch(line, at):
            state["block"] = owner
            break
        elif character == "-" and mode == "key" and not flow and line[at + 1:at + 2] in ("", *_SPACES):
            owner, at = at, _spaces_after(line, at + 1, flagged)  # a list's `-`
            opens = True
        else:
            at, mode, opens, owner = _plain(line, at, mode, opens, owner, flow, flagged)
    return sorted(flagged)


_MEANT_COMMENT = re.compile("\u00a0#(?=[ \t]|$)")


def _plain(line: str, at: int, mode: str, opens: bool, owner: int, flow: list, flagged: list) -> tuple:
    """Read the value or key without straight quotes at `at` of `line`, for _typographic_columns: a non-breaking
    space right before a key's `:` or after it is flagged, and one right before a `#` (YAML reads neither as a
    space: `timezone\u00a0:` is a key 'timezone\u00a0', `Acme\u00a0# note` all a value), as are the curly
    quotes of a value (`opens`) that one opens and one of its kind closes (up to such a `#`, as meant); returns
    where reading goes on, what is read there, and the owner column."""
    stop = len(line)
    for mark in ([" #", "\t#"] + ([",", "[", "]", "{", "}"] if flow else [])):
        if (found := line.find(mark, at)) != -1:
            stop = min(stop, found)
    if mode == "key":
        colon = next((i for i in range(at, stop) if line[i] == ":" and line[i + 1:i + 2] in ("", *_SPACES)), None)
        if colon is not None:
            _flag_before(line, at, colon, flagged)
            return _spaces_after(line, colon + 1, flagged), "value", True, owner if flow else at
    meant = stop
    # a comment as meant ('\u00a0# note'), which YAML reads as the value; '#1' after it is a number sign, let be
    if found := _MEANT_COMMENT.search(line, at, stop):
        meant = _flag_before(line, at, found.start() + 1, flagged)
    text = line[at:meant].rstrip(_SPACES)
    if (opens and len(text) > 1 and text[0] in TYPOGRAPHIC and text[-1] in TYPOGRAPHIC
            and TYPOGRAPHIC[text[0]] == TYPOGRAPHIC[text[-1]] != " "):
        flagged += [at, at + len(text) - 1]
    return stop, "rest", False, owner


def _after_value(line: str, at: int, flow: list, flagged: list) -> tuple:
    """After a value at `at` of `line`: a flow collection's `,`, `]` or `}`, or the `:` after a key in straight
    quotes; returns where reading goes on, what may start there, and whether a value opens there."""
    character = line[at]
    if character == "," and flow:
        return at + 1, "key" if flow[-1] == "{" else "value", True
    if character in "]}" and flow:
        flow.pop()
        return at + 1, "rest", False
    if character == ":" and line[at + 1:at + 2] in ("", *_SPACES):
        return _spaces_after(line, at + 1, flagged), "value", True
    return at + 1, "rest", False


def _flag_before(line: str, at: int, mark: int, flagged: list) -> int:
    """Flag the non-breaking spaces among the spaces right before column `mark` of `line` (not before `at`), as
    a key's `:` or a comment's `#` has them; returns where those spaces start."""
    start = mark
    while start > at and line[start - 1] in _SPACES:
        start -= 1
        if line[start] == "\u00a0":
            flagged.append(start)
    return start


def _spaces_after(line: str, at: int, flagged: list) -> int:
    """Where the spaces from `at` of `line` end, a mark's (`:`, `-`) own; its non-breaking ones are flagged."""
    while at < len(line) and line[at] in _SPACES:
        if line[at] == "\u00a0":
            flagged.append(at)
        at += 1
    return at


def _quoted_end(line: str, at: int, quote: str | None = None) -> int:
    """Where the value in straight quotes starting at `at` of `line` ends (its closing quote; the end of the line
    when it goes on to the next): `\\` escapes a character inside double quotes, `''` is a quote inside single.
    With `quote`, the value was opened on a line above, and `at` is where this line's part of it starts."""
    quote, i = (line[at], at + 1) if quote is None else (quote, at)
    while i < len(line):
        if quote == '"' and line[i] == "\\":
            i += 2
            continue
        if line[i] == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return len(line)


def yaml_problem(error: yaml.YAMLError, tr: Translator, text: str = "") -> str:
    """What is wrong with the roster's YAML, at which line and column, and what to do, in `tr`'s language.

    PyYAML's own text names no file ("<unicode string>") and is English; its words are kept only as the detail
    of an unusual error. A tab is named as such: YAML indents with spaces, and an editor may insert tabs. A `#`
    inside brackets on a line of `text` up to the error (`branding: {accent_colour: #C8102E}`) is named with
    its line: it starts a comment that hides the closing bracket, and YAML's error comes lines later."""
    if isinstance(error, safe_yaml.RepeatedKey):
        return tr.t("roster.repeated_key", key=shown(error.key), line=error.line, first_line=error.first_line)
    if isinstance(error, safe_yaml.AliasesTooLarge):
        return tr.t("roster.yaml_aliases", line=error.line, anchor=error.anchor,
                    limit=tr.number(safe_yaml.ALIAS_LIMIT))
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return tr.t("roster.not_yaml", error=error)
    problem = getattr(error, "problem", None) or ""
    if "'\\t'" in problem:
        return tr.t("roster.yaml_tab", line=mark.line + 1, column=mark.column + 1)
    if (found := _comment_in_brackets(text.splitlines()[: mark.line + 1])) is not None:
        line, value = found
        return tr.t("roster.yaml_flow_comment", line=line, example=Code(f'"{value}"'))
    if said := _yaml_slip(error, tr, text.splitlines()):
        return said
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark is not None and context_mark.line != mark.line:  # an unclosed quote: where it opened
        detail = tr.t("roster.yaml_says_where", context=context, line=context_mark.line + 1,
                      column=context_mark.column + 1, problem=problem)
    else:
        detail = tr.t("roster.yaml_says", problem=problem)
    return tr.t("roster.not_yaml_at", line=mark.line + 1, column=mark.column + 1, detail=detail)


def _yaml_slip(error: yaml.YAMLError, tr: Translator, lines: list[str]) -> str | None:
    """A usual slip behind a YAML error, said in plain words with its line, or None. Each is recognised by the
    error's kind and the text where it stops, not by the reader's words alone, which PyYAML and libyaml put
    differently: a \\ inside double quotes that starts no escape YAML reads (a Windows path, `"C:\\Users\\..."`);
    a `-` starting a client (or another list's item) not indented like the ones above it (a client pasted at
    the start of the line); a `: ` inside a value written without quotes (`name: Oigetit: South Africa`)."""
    mark, problem = error.problem_mark, getattr(error, "problem", None) or ""
    line = lines[mark.line] if mark.line < len(lines) else ""
    at = line[mark.column:]
    if isinstance(error, yaml.scanner.ScannerError) and re.search(r"escape|hex", problem) and "\\" in line:
        written = next((found[0] for found in re.finditer(r'"(?:[^"\\]|\\.)*"?', line)
                        if found.start() <= mark.column <= found.end()), line.strip())
        drive = windows_drive(written.strip('"'))
        return tr.t("roster.yaml_escape", line=mark.line + 1, column=mark.column + 1,
                    advice=tr.t("imports.paths.advice_roster"), example=Code(written.replace("\\", "/")),
                    drive=tr.t("imports.paths.windows_drive_exports", drive=drive) if drive else "")
    if isinstance(error, yaml.parser.ParserError) and re.match(r"-(\s|$)", at):
        return _misindented_item(tr, lines, mark.line, mark.column)
    if isinstance(error, yaml.scanner.ScannerError) and problem.startswith("mapping values are not allowed"):
        found = re.match(r"(?:[ ]*-[ ]+)*[ ]*(?P<key>[^\s#'\"{\[\-][^:#]*?):[ ]+(?P<value>.*)", line)
        if found and mark.column >= found.start("value") and at.startswith(":") and found["value"][:1] not in "\"'":
            value = re.split(r"\s+#", found["value"])[0].rstrip()
            quoted_value = f'"{value}"' if '"' not in value else "'" + value.replace("'", "''") + "'"
            return tr.t("roster.yaml_colon", line=mark.line + 1, column=mark.column + 1, key=found["key"],
                        example=Code(f"{found['key']}: {quoted_value}"))
    return None


def _misindented_item(tr: Translator, lines: list[str], number: int, column: int) -> str | None:
    """What to say of the `-` at `column` of line `number` (from 0) that YAML found where its list had ended: a
    client not indented like the clients above it (its first key a client key: put as many spaces before its
    `-` as they have), or an item of another list (`exports`) not indented like the item above it; None when no
    list above it tells how far to indent it."""
    def indent(text: str) -> int:
        return len(text) - len(text.lstrip(" "))

    first_key = re.match(r"-[ ]+([^\s:#]+):(\s|$)", lines[number][column:])
    starts = [at for at, text in enumerate(lines[:number]) if re.match(r"clients[ ]*:[ ]*(#.*)?$", text)]
    written = [text for text in lines[starts[0] + 1: number] if text.strip() and not text.lstrip().startswith("#")] \
        if starts else []
    first = written[0] if written else ""  # the first client's line, which sets how the clients are indented
    if first_key and first_key[1] in CLIENT_KEYS and first.lstrip(" ").startswith("-") and indent(first) != column:
        return tr.t("roster.yaml_client_indent" if indent(first) else "roster.yaml_client_indent_none",
                    line=number + 1, count=indent(first))
    above = [(at, text) for at, text in enumerate(lines[:number]) if text.lstrip(" ").startswith("-")]
    other = next(((at, text) for at, text in reversed(above) if indent(text) != column), None)
    if other is None:
        return None
    return tr.t("roster.yaml_item_indent" if indent(other[1]) else "roster.yaml_item_indent_none", line=number + 1,
                above=other[0] + 1, count=indent(other[1]))


#: A value in brackets (`{accent_colour: #C8102E}`, `[a, #b]`) that starts with `#`: YAML reads a comment there.
_FLOW_COMMENT = re.compile(r"[\[{,:][ \t]+(?P<value>#[^\s,\]}]*)")


def _comment_in_brackets(lines: list[str]) -> tuple[int, str] | None:
    """The last of `lines` (its number, from 1, and the value) where a value inside an unclosed `{` or `[`
    starts with `#`, outside quotes; None when there is none."""
    for number in range(len(lines), 0, -1):
        line = re.sub(r'"[^"]*"|\'[^\']*\'', lambda quoted: "_" * len(quoted[0]), lines[number - 1])
        for found in _FLOW_COMMENT.finditer(line):
            before = line[: found.start("value")]
            if before.count("{") + before.count("[") > before.count("}") + before.count("]"):
                return number, found["value"]
    return None


def id_problem(value) -> Message | None:
    """What keeps `value` from naming a client's report folder, or None when it can (SAFE_ID): said precisely,
    since '_failed' is made of allowed characters and refused for its first one."""
    if not isinstance(value, str):
        return Message("roster.id.not_text")
    if not value:
        return Message("roster.id.empty")
    if len(value) > 63:
        return Message("roster.id.too_long", length=len(value))
    wrong = [repr(c) for c in dict.fromkeys(value) if not ID_CHARACTERS.fullmatch(c)]
    if wrong:
        return Message("roster.id.characters", characters=wrong)
    if value[0] == "_":
        return Message("roster.id.reserved")
    if not SAFE_ID.match(value):
        return Message("roster.id.first_character", character=repr(value[0]))
    return None


def safe_id(value) -> str | None:
    """A path-safe id made of a refused one, to suggest ('Oigetit News' -> 'oigetit-news', 'Café' -> 'cafe'):
    lower-case, accents dropped, every run of other characters a '-', none at either end, at most 63
    characters; None when nothing is left ('???', '東京') or `value` is no text."""
    if not isinstance(value, str):
        return None
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    made = re.sub(r"[^a-z0-9_]+", "-", plain).strip("-_")[:63].rstrip("-_")
    return made if SAFE_ID.match(made) else None


@lru_cache(maxsize=1)
def currencies() -> frozenset[str]:
    """The ISO 4217 codes Babel can format money in (current and former ones), less XXX and XTS, the codes for
    'no currency' and 'testing' that a roster would hold only as a placeholder."""
    return frozenset(list_currencies()) - {"XXX", "XTS"}


#: How many currencies a roster message suggests for a name several share ('dollar').
CURRENCIES_SUGGESTED = 4


@lru_cache(maxsize=1)
def _currency_names() -> tuple[dict[str, int], list[tuple[str, set[str], set[str]]]]:
    """For currency_meant: each current currency's number of territories where it is tender ('USD': 21), and
    each code's names and symbols in the workbook's languages (English and Indonesian: 'Indonesian Rupiah',
    'Indonesian rupiahs', 'Rupiah Indonesia', 'Rp'), as folded phrases and as their words."""
    from babel import Locale

    in_use: dict[str, int] = {}
    for territory in Locale("en").territories:
        if len(territory) == 2 and territory.isalpha():
            for code in get_territory_currencies(territory, tender=True):
                in_use[code] = in_use.get(code, 0) + 1
    names = []
    for code in sorted(currencies()):
        spelled = {text for language in LANGUAGES for text in (
            get_currency_name(code, locale=language), get_currency_name(code, count=2, locale=language),
            get_currency_symbol(code, locale=language))}
        phrases = {_currency_phrase(text) for text in spelled} - {code.casefold()}
        names.append((code, phrases, {word for text in spelled for word in re.findall(r"\w+", text.casefold())}))
    return in_use, names


def _currency_phrase(text: str) -> str:
    """A currency's name or symbol as compared: in lower case, a full stop taken for a space ('Rp.')."""
    return " ".join(str(text).casefold().replace(".", " ").split())


def currency_meant(value) -> tuple[str, ...]:
    """The ISO 4217 codes a currency's name or symbol may mean, in English or Indonesian, likeliest first:
    ('IDR',) for 'rupiah', 'Rp' or 'Indonesian Rupiah'; several for a name several currencies share ('dollar':
    USD, AUD, ...). A name or symbol written whole is matched first, else a name holding every word given;
    only currencies in use today are suggested (Babel names 'S$' a former Chinese one), ranked by how many
    territories use them. () when nothing matches (or the value is no text)."""
    if not isinstance(value, str) or not value.strip():
        return ()
    in_use, names = _currency_names()
    phrase, words = _currency_phrase(value), set(re.findall(r"\w+", value.casefold()))
    codes = [code for code, phrases, _ in names if phrase in phrases] or (
        [code for code, _, name_words in names if words <= name_words] if words else [])
    return tuple(sorted((code for code in codes if code in in_use), key=lambda code: (-in_use[code], code)))


def currency_hint(value, tr: Translator) -> str:
    """What a roster error about a currency that is no ISO code adds: the code its name or symbol means
    ("; probably 'IDR' (Indonesian Rupiah)"), or, for a name several share, a few of their codes to choose
    from; "" when nothing matches."""
    codes = currency_meant(value)
    if len(codes) == 1:
        return tr.t("roster.currency_meant", code=repr(codes[0]), name=get_currency_name(codes[0], locale=tr.language))
    if codes:
        named = [f"{code!r} ({get_currency_name(code, locale=tr.language)})" for code in codes[:CURRENCIES_SUGGESTED]]
        return tr.t("roster.currency_several" if len(codes) > len(named) else "roster.currency_either",
                    value=shown(value), codes=tr.join(named, alternatives=True))
    return ""


@lru_cache(maxsize=1)
def benchmark_industries() -> tuple[str, ...]:
    """The industries of data/benchmarks.csv, read with the csv module (a roster check needs no pandas)."""
    try:
        with open(BENCHMARKS_FILE, encoding="utf-8", newline="") as handle:
            return tuple(sorted({row["industry"] for row in csv.DictReader(handle)}))
    except FileNotFoundError:
        from .benchmarks import missing_benchmarks  # only now: pandas is loaded for this error alone

        raise missing_benchmarks(BENCHMARKS_FILE) from None


def shown(value, limit: int = SHOWN_LIMIT) -> str:
    """`value` as a roster message quotes it: i18n.quoted (its repr, cut to `limit` characters with an
    ellipsis), or YAML's null."""
    return "null" if value is None else quoted(value, limit)  # None is how YAML reads an empty value, `~`, null


def _tidy(value, case=str.lower):
    """A word or code as a user may type it ('ID', ' en ', 'idr', 'Last full month'): without surrounding
    spaces and in the case the workbook writes it; a value that is not text is left as it is (and refused)."""
    return case(value.strip()) if isinstance(value, str) else value


def _same(value, known) -> str | None:
    """The known name `value` is but for case and surrounding spaces ('health & beauty'), or None."""
    text = str(value).strip().casefold()
    return next((name for name in known if name.casefold() == text), None)


def _industry(value):
    """A benchmark industry as the benchmarks write it, from any case ('health & beauty'); as given when unknown."""
    return (_same(value, benchmark_industries()) if isinstance(value, str) else None) or value


def _unknown_key(tr: Translator, label: str, key, known: tuple[str, ...], prefix: str = "") -> str:
    """An unknown roster key, with the known ones, and the likeliest meant where one is close ('langauge'). A
    client's key that is a key of one of its mappings (NESTED_KEYS: `accent_colour:` or `logo:` written at the
    client's level) is said to belong under that mapping's key instead, as a dedented run is (_dedented); a key
    of an `exports` entry read through a column mapping (MAPPED_KEYS: `files:`), to belong inside such an entry."""
    text = tr.t("roster.unknown_key", client=label, key=shown(f"{prefix}{key}"), known=", ".join(known))
    owners = [f"'{outer}:'" for outer, inner in NESTED_KEYS.items() if key in inner] if known == CLIENT_KEYS else []
    if owners:  # 'start' belongs under 'period:' or 'comparison:'
        return text + tr.t("roster.belongs_under", key=shown(key), owners=tr.join(owners, alternatives=True))
    if known == CLIENT_KEYS and key in MAPPED_KEYS:  # 'files:' belongs in an entry of the list, not under it
        from .importers import MAPPED_ENTRY_EXAMPLE

        return text + tr.t("roster.belongs_in_entry", key=shown(key), entry=MAPPED_ENTRY_EXAMPLE)
    close = close_match(key, known)
    return text + tr.t("roster.did_you_mean", name=shown(f"{prefix}{close}")) if close else text


def _misspelt_required(entry: dict) -> dict:
    """A client's unknown keys that are a required key it lacks, misspelt ('export:' for 'exports:'), each with
    that key: one slip, said as one problem rather than as an unknown key and a missing one. A key that belongs
    under another (_unknown_key: 'start', 'files') is none; a required key is meant by the first slip of it."""
    meant = {}
    for key in entry:
        if key in CLIENT_KEYS or key in MAPPED_KEYS or any(key in inner for inner in NESTED_KEYS.values()):
            continue
        close = close_match(key, CLIENT_KEYS)
        if close in REQUIRED and close not in entry and close not in meant.values():
            meant[key] = close
    return meant


#: Control characters (C0, DEL, C1): a name holding one could move the cursor or retitle the terminal when the
#: command prints it, and shows as nothing, or as a box, in a report.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: The direction controls that hold beyond the character (embeddings, overrides, isolates: U+202A-202E,
#: U+2066-2069): a right-to-left override pasted into a name prints what follows it backwards, in the report and
#: on the terminal. The marks (U+200E, U+200F), which a name mixing scripts may need, are left alone.
_DIRECTION_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _text_problem(say, label: str, key: str, value) -> str | None:
    """Why `value` is no text for `key` ('name', 'branding.name'): empty, of another kind (with the cure for
    the usual cause: YAML reads an unquoted 7, 2026 or yes as a number or true/false), or holding a control
    character (a tab, a line break, an escape sequence pasted in) or a direction control (a right-to-left
    override)."""
    if isinstance(value, str) and value.strip() and (control := _CONTROL.search(value)):
        return say("roster.control_in_text", client=label, key=shown(key), code=f"U+{ord(control.group()):04X}",
                   position=str(control.start() + 1))
    if isinstance(value, str) and (control := _DIRECTION_CONTROL.search(value)):
        return say("roster.direction_in_text", client=label, key=shown(key), code=f"U+{ord(control.group()):04X}",
                   position=str(control.start() + 1))
    if isinstance(value, str) and value.strip():
        return None
    if value is None or isinstance(value, str):
        return say("roster.empty_text", client=label, key=shown(key))
    hint = say("roster.quote_hint") if isinstance(value, (bool, int, float)) else ""
    return say("roster.must_be_text", client=label, key=shown(key), value=shown(value)) + hint


def _commented_out(mapping: dict) -> dict:
    """The keys of a roster mapping left without a value by a `#` on their line, with what follows the `#`."""
    return getattr(mapping, "comments", {})


def _without(mapping: dict, keys: list) -> dict:
    """`mapping` without `keys`, for the checks that follow: the mapping itself when there are none."""
    return {key: value for key, value in mapping.items() if key not in keys} if keys else mapping


#: The keys whose value may start with `#`, as written in quotes: a name, a file's path or pattern. The others
#: (a language, a time zone, a date, ...) never do, and accent_colour is a colour #RRGGBB (_COMMENTED_COLOUR).
_TEXT_KEYS = ("name", "exports", "logo")
_COMMENTED_COLOUR = re.compile(r"[0-9a-fA-F]{6}")  # the colour COLOUR accepts, once in quotes


def _commented_value(key, comment: str) -> str | None:
    """The value meant by a key whose `#` was read as a comment (`accent_colour: #C8102E`), to be written in
    quotes; None when what follows the `#` is a comment indeed (`language: # Indonesian`, `logo: # none yet`):
    a colour for accent_colour, else text right after the `#` (no space) for a key whose value is text."""
    text = re.split(r"\s#", comment)[0].rstrip()  # without a second comment: `#C8102E  # brand red`
    if key == "accent_colour":
        return f"#{text}" if _COMMENTED_COLOUR.fullmatch(text) else None
    return f"#{text}" if key in _TEXT_KEYS and text[:1].strip() else None


def _empty_problem(say, label: str, mapping: dict, key, prefix: str = "") -> str:
    """A key given no value (YAML reads it as null), with its line; when its line goes on with `#`, that a `#`
    starts a comment in YAML, and the value in quotes when the `#` began the value (a colour written #C8102E)."""
    comment = _commented_out(mapping).get(key)
    line = getattr(mapping, "lines", {}).get(key, "?")
    if comment is None:
        return say("roster.empty_value", client=label, key=shown(f"{prefix}{key}"), line=line)
    if (value := _commented_value(key, comment)) is None:
        return say("roster.commented_out", client=label, key=shown(f"{prefix}{key}"), line=line)
    return say("roster.commented_value", client=label, key=shown(f"{prefix}{key}"), line=line,
               example=Code(f'"{value}"'))


def _check_client(entry: dict, label: str, seen: dict[str, int], tr: Translator, check_files: bool = True,
                  number: int = 0, roster_folder: Path | None = None) -> list[str]:
    """The problems of one client's entry, the `number`th; its files are looked for only with `check_files`.
    `seen` holds the ids of the clients before it, each with its number; `roster_folder`, the folder the roster
    is in, where a path that finds nothing from the project root is looked for too (_beside_roster)."""
    say = tr.t
    problems = []
    misspelt = _misspelt_required(entry)
    for key in entry:
        if key in misspelt:  # 'export:': one problem, not an unknown key and a missing one
            problems.append(say("roster.misspelt_key", client=label, key=shown(key), name=shown(misspelt[key]),
                                meaning=say(f"roster.key.{misspelt[key]}")))
        elif key not in CLIENT_KEYS:
            problems.append(_unknown_key(tr, label, key, CLIENT_KEYS))
    for key in REQUIRED:
        if key not in entry and key not in misspelt.values():
            problems.append(say("roster.missing_key", client=label, key=repr(key), meaning=say(f"roster.key.{key}")))
    dedented = getattr(entry, "dedented", {})
    for key, run in dedented.items():
        problems.append(say("roster.dedented", client=label, key=shown(key), line=entry.lines.get(key, "?"),
                            keys=", ".join(f"{shown(inner)} ({say('roster.line', line=line)})" for inner, line in run)))
    emptied = [key for key in _commented_out(entry) if key in CLIENT_KEYS and key not in dedented]
    problems += [_empty_problem(say, label, entry, key) for key in emptied]
    # each said once, as emptied by a comment or dedented keys, not again as of the wrong kind
    entry = _without(entry, emptied + list(dedented))
    cid = entry.get("id")
    if "id" in entry:
        if (why := id_problem(cid)) is not None:
            problem = say("roster.bad_id", client=label, value=shown(cid), why=why.in_language(tr))
            safe = safe_id(cid)
            problems.append(problem + say("roster.safe_id", id=shown(safe)) if safe else problem)
        elif cid in seen:
            problems.append(say("roster.repeated_id", client=label, first=seen[cid]))
        else:
            seen[cid] = number
    if "name" in entry and (problem := _text_problem(say, label, "name", entry["name"])):
        problems.append(problem)
    if "exports" in entry:
        exports = entry["exports"]
        if isinstance(exports, str):
            exports = [exports]
            entry["exports"] = exports
        if isinstance(exports, list) and not exports:
            problems.append(say("roster.exports_empty", client=label))
        elif not isinstance(exports, list):
            problems.append(say("roster.exports_list", client=label, value=shown(exports)))
        elif not all(isinstance(e, (str, dict)) for e in exports):
            problems += [say("roster.exports_item", client=label, number=n, value=shown(e))
                         for n, e in enumerate(exports, start=1) if not isinstance(e, (str, dict))]
        else:
            for number, item in enumerate(exports, start=1):
                if isinstance(item, dict):
                    problems += _mapped_entry_problems(tr, label, number, item, check_files, roster_folder)
                elif check_files and (problem := _export_path_problem(tr, label, item, roster_folder)):
                    problems.append(problem)
    if "timezone" in entry:
        try:
            ZoneInfo(str(entry["timezone"]))
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(say("roster.bad_timezone", client=label, value=shown(entry["timezone"]))
                            + tr.message(timezone_hint(entry["timezone"])))
    for key, word in (("period", "last full month"), ("comparison", "previous period")):
        if key in entry:
            problems += _check_period(entry[key], label, key, word, tr)
    if "language" in entry and language_code(entry["language"]) is None:  # 'ID', ' en ', 'Indonesian': read as meant
        problem = say("roster.bad_language", client=label, value=shown(entry["language"]),
                      languages=", ".join(LANGUAGES))
        meant = language_meant(entry["language"])  # 'in', 'ind', 'eng', 'indo', 'englsh'
        problems.append(problem + say("roster.did_you_mean", name=shown(meant)) if meant else problem)
    if "currency" in entry and _tidy(entry["currency"], str.upper) not in currencies():  # 'idr' is read as IDR
        problems.append(say("roster.bad_currency", client=label, value=shown(entry["currency"]))
                        + currency_hint(entry["currency"], tr))  # 'rupiah', 'Rp': probably 'IDR'; 'dollar': which?
    if "benchmark_industry" in entry:
        industry = entry["benchmark_industry"]
        if problem := _text_problem(say, label, "benchmark_industry", industry):
            problems.append(problem)
        elif _industry(industry) not in benchmark_industries():
            problem = say("roster.unknown_industry", client=label, value=shown(industry),
                          known=", ".join(benchmark_industries()))
            meant = close_match(industry, benchmark_industries())
            problems.append(problem + say("roster.did_you_mean", name=shown(meant)) if meant else problem)
    if "year" in entry and not is_plausible_year(entry["year"]):
        problems.append(say("roster.bad_year", client=label, value=shown(entry["year"])))
    if "branding" in entry:
        branding = entry["branding"]
        if not isinstance(branding, dict):
            problems.append(say("roster.branding_mapping", client=label, value=shown(branding),
                                keys=", ".join(BRANDING_KEYS)))
        else:
            for key in branding:
                if key not in BRANDING_KEYS:
                    problems.append(_unknown_key(tr, label, key, BRANDING_KEYS, prefix="branding."))
            # an empty colour or logo would otherwise pass for "none given" (a name is refused as empty text)
            emptied = [key for key in BRANDING_KEYS if key in branding and branding[key] is None
                       and (key != "name" or key in _commented_out(branding))]
            problems += [_empty_problem(say, label, branding, key, prefix="branding.") for key in emptied]
            branding = _without(branding, emptied)
            colour = branding.get("accent_colour")
            if colour is not None and not (isinstance(colour, str) and COLOUR.match(colour)):
                problems.append(say("roster.bad_colour", client=label, value=shown(colour)))
            if "name" in branding and (problem := _text_problem(say, label, "branding.name", branding["name"])):
                problems.append(problem)
            logo = branding.get("logo")
            if logo:
                if not isinstance(logo, str):
                    problems.append(say("roster.logo_kind", client=label, value=shown(logo)))
                elif not logo.lower().endswith((".png", ".svg")):
                    problems.append(say("roster.logo_kind_path", client=label, path=as_typed(logo)))
                elif not check_files:
                    pass
                elif not resolve(logo).is_file():
                    relative = not expand_user(logo).is_absolute()
                    problems.append(say("roster.file_not_found_relative" if relative else "roster.file_not_found",
                                        client=label, key="'branding.logo'", path=as_typed(logo),
                                        full=as_typed(resolve(logo)))
                                    + (tr.message(windows_path_hint(logo, "roster", what="logo"))
                                       or (relative and _beside_roster(say, logo, roster_folder))
                                       or _there(tr, resolve(logo))))
                elif problem := logo_problem(resolve(logo)):
                    size = f"{resolve(logo).stat().st_size / 2**20:.1f} MB"
                    # '…too_many_pixels': by headers; the largest image named, the memory of all of them
                    sizes = decoded_sizes(resolve(logo)) if problem.endswith("too_many_pixels") else []
                    width, height = max(sizes, key=lambda side: side[0] * side[1], default=(0, 0))
                    pixels = sum(side[0] * side[1] for side in sizes)
                    several = "_several" if len(sizes) > 1 else ""
                    problems.append(say(f"roster.logo_{problem}{several}", client=label, path=as_typed(logo),
                                        size=size, limit=f"{LOGO_MAX_BYTES / 2**20:.0f} MB", width=tr.number(width),
                                        height=tr.number(height), count=len(sizes),
                                        total=tr.number(pixels / 1e6), memory=tr.number(pixels * 4 / 1e6),
                                        most=tr.number(LOGO_MAX_PIXELS / 1e6), depth=SVG_EMBED_DEPTH))
    if "top_n" in entry and (not isinstance(entry["top_n"], int) or isinstance(entry["top_n"], bool)
                             or entry["top_n"] < 1):
        problems.append(say("roster.bad_top_n", client=label, value=shown(entry["top_n"])))
    return problems


def _export_path_problem(tr: Translator, label: str, pattern: str, roster_folder: Path | None,
                         key: str = "'exports'") -> str | None:
    """Why an `exports` path or glob pattern reads no export file (missing, a folder, a pattern matching nothing
    or only documents), with where it was looked for and what is there; None when it reads some. `key` names
    where it was written: 'exports', or the `files` of one of its entries read through a column mapping."""
    say = tr.t
    full = as_spelled_on_disk(resolve(pattern))
    relative = not expand_user(pattern).is_absolute()
    if is_pattern(full):
        found, others = glob_exports(full)
        if found:
            return None
        if others:  # a PDF or a screenshot only: a pattern reads exports alone (expand_paths)
            return say("roster.no_export_match", client=label, key=key, pattern=as_typed(pattern), **others)
        problem = say("roster.no_match_relative" if relative else "roster.no_match", client=label, key=key,
                      pattern=as_typed(pattern), folder=as_typed(pattern_folder(full)))
        problem += _beside_roster(say, pattern, roster_folder)
    elif full.is_dir():
        problem = say("roster.exports_folder", client=label, key=key, path=as_typed(pattern),
                      example=Code(as_typed(Path(pattern) / "*.csv")))
    elif full.is_file():
        return None
    elif is_special_file(full):
        return say("roster.not_regular_file", client=label, key=key, path=as_typed(pattern))
    elif relative:  # where it was looked for, as for a pattern: a roster's paths start at the project root
        problem = say("roster.file_not_found_relative", client=label, key=key, path=as_typed(pattern),
                      full=as_typed(full)) + _beside_roster(say, pattern, roster_folder)
    else:
        problem = say("roster.file_not_found", client=label, key=key, path=as_typed(pattern))
    # written as on Windows (C:\..., \ between folders), or holding a line break a "\n" in double quotes made
    if hint := windows_path_hint(pattern, "roster"):
        problem += tr.message(hint)
    elif not _beside_roster(say, pattern, roster_folder):  # else what is there, when it helps
        problem += _there(tr, full)
    return problem


#: The keys of an `exports` entry read through a column mapping: `{files: <path or pattern>, mapping: <file>}`.
MAPPED_KEYS = ("files", "mapping")


def _mapped_entry_problems(tr: Translator, label: str, number: int, entry: dict, check_files: bool,
                           roster_folder: Path | None) -> list[str]:
    """The problems of the `number`th `exports` entry, a mapping `{files: ..., mapping: ...}` whose files are read
    through a column mapping (family mapped_csv): its keys; with `check_files`, its files (as any pattern) and
    its mapping file: there, a valid mapping (mapped_csv's own checks), whose columns every file's header has."""
    from .errors import ExportFormatError
    from .importers import mapped_csv

    say = tr.t
    where = say("roster.mapped_entry", number=number)
    problems = [say("roster.mapped_unknown_key", client=label, entry=where, key=shown(key), keys=", ".join(MAPPED_KEYS))
                for key in entry if key not in MAPPED_KEYS]
    given = True
    for key in MAPPED_KEYS:
        if key not in entry:
            problems.append(say("roster.mapped_missing_key", client=label, entry=where, key=repr(key),
                                meaning=say(f"roster.mapped_key.{key}")))
        elif not isinstance(entry[key], str) or not entry[key].strip():
            problems.append(say("roster.mapped_not_text", client=label, entry=where, key=repr(key),
                                value=shown(entry[key]), meaning=say(f"roster.mapped_key.{key}")))
        else:
            continue
        given = False
    if not given or not check_files:
        return problems
    files_problem = _export_path_problem(tr, label, entry["files"], roster_folder, key=f"'exports' ({where}, 'files')")
    if files_problem:
        problems.append(files_problem)
    written = entry["mapping"]
    path = resolve(written)
    if is_special_file(path):
        problems.append(say("roster.not_regular_file", client=label, key=f"'exports' ({where}, 'mapping')",
                            path=as_typed(written)))
        return problems
    if not path.is_file():
        relative = not expand_user(written).is_absolute()
        key = f"'exports' ({where}, 'mapping')"
        problems.append(say("roster.file_not_found_relative" if relative else "roster.file_not_found", client=label,
                            key=key, path=as_typed(written), full=as_typed(path))
                        + (tr.message(windows_path_hint(written, "roster"))
                           or (relative and _beside_roster(say, written, roster_folder)) or _there(tr, path)))
        return problems
    try:
        mapping = mapped_csv.read_mapping(path)
    except ExportFormatError as error:
        return problems + [say("roster.mapping_invalid", client=label, entry=where, path=written,
                               problems=tr.message(error.problem))]
    if invalid := mapped_csv.mapping_problems(mapping):
        return problems + [say("roster.mapping_invalid", client=label, entry=where, path=written,
                               problems=tr.message(mapped_csv.listed(invalid)))]
    if files_problem:
        return problems
    for file in sorted(export_files([entry["files"]]).values()):
        try:
            misfits = mapped_csv.fit_problems(mapping, file)
        except WorkbookError as error:  # not text (an .ods, say): the file's own problem, no mapping's fault
            plain = isinstance(error, ExportFormatError)
            said = dict(problem=tr.message(error.problem if plain else error), client=label, entry=where, file=str(file))
            if plain and error.hint:
                said["hint"] = tr.message(error.hint)
            problems.append(say("roster.mapped_file_unreadable" + ("_hint" if "hint" in said else ""), **said))
            continue
        if misfits and (family := _recognised_family(file)) is not None:  # its columns are not what is wrong
            as_named = file.relative_to(PROJECT_ROOT) if file.is_relative_to(PROJECT_ROOT) else file
            problems.append(say("roster.mapped_known_export", client=label, entry=where, file=str(file),
                                family=tr.message(family), path=as_named.as_posix()))
            continue
        problems += [say("roster.mapping_misfit", client=label, entry=where, file=str(file), path=written,
                         problem=tr.message(misfit)) for misfit in misfits]
    return problems


def _recognised_family(path: Path):
    """The label of the export family (of posts, a daily series or paid delivery) that recognises a file by its
    header, as a folder's files are sorted (sources.sort_file); None when none does. A Business Suite export
    given in a mapped entry is read without the mapping: its header is no misfit to list column by column."""
    from .daily import detect_daily_family
    from .importers import detect_family
    from .paid import detect_paid_family

    for detect in (detect_family, detect_daily_family, detect_paid_family):
        try:
            return detect(path).label
        except (WorkbookError, OSError):
            continue
    return None


def _beside_roster(say, written: str, roster_folder: Path | None) -> str:
    """What the error about a relative path (or pattern) that finds nothing from the project root adds when it
    finds files from the roster's own folder, as a roster kept beside its exports would be written: that it
    does there, and the path to write instead, relative to the project root when the roster's folder is inside
    it, else in full (paths keep starting at the project root, as documented). "" otherwise."""
    found = found_from(written, roster_folder, folders=False, root=PROJECT_ROOT) if roster_folder is not None else None
    if found is None:
        return ""
    if found.kind == "match":
        return say("roster.beside_roster_match", folder=roster_folder.resolve(), count=found.count,
                   path=as_typed(found.written))
    return say("roster.beside_roster_file", folder=roster_folder.resolve(), path=as_typed(found.written))


#: Largest logo a report embeds: every report carries it (base64, a third larger), in HTML and PDF.
LOGO_MAX_BYTES = 2 * 1024 * 1024
#: What an SVG logo must not hold: a script (any namespace), an event handler, an animation that sets one or a
#: link, a link or CSS url() to anything but the file itself or an embedded image, a CSS @import, entity
#: declarations (external entities; the plain SVG 1.1 document type is fine), a javascript: URL or foreign
#: HTML. The report's page runs
#: no script and an <img> SVG none either, but a logo is no place for them: such a file is refused.
_SVG_ACTIVE = re.compile(
    rb"<(?:[\w-]+:)?script|\son[a-z]+\s*=|attributename\s*=\s*[\"']\s*(?:on|(?:xlink:)?href)"
    rb"|(?:xlink:)?href\s*=\s*[\"']\s*(?!#|data:image/)|url\(\s*[\"']?\s*(?!#|data:image/)|@import"
    rb"|<!doctype[^>\[]*\[|<!entity|javascript:|<(?:[\w-]+:)?foreignobject", re.IGNORECASE)


#: Most pixels a PNG logo may have: a browser opening the report decodes it whole, 4 bytes a pixel (25
#: megapixels, 100 MB), however small the file; a PNG of one colour 12,000 pixels square is 32 KB and 576 MB.
LOGO_MAX_PIXELS = 25_000_000
#: The box the report's header fits a logo into, width and height in CSS pixels (report_page's .report-logo:
#: a logo is shrunk to fit it, never enlarged).
LOGO_BOX = (220, 64)
#: A logo whose shorter side the header shows under this many pixels is hard to make out: a dot, a sliver.
LOGO_MIN_SIDE = 24
#: The size a browser gives an SVG of no size of its own, only a viewBox's shape: 300 pixels wide (CSS).
SVG_DEFAULT_WIDTH = 300
#: A PNG logo is too light to show on the white page when this share of its visible pixels (at least half
#: opaque, drawn over white) are light: under LIGHT_CONTRAST against white (#DDDDDD is 1.36:1, yellow #FFD700 1.40:1).
LOGO_LIGHT_SHARE = 0.98
LIGHT_CONTRAST = 1.5


def logo_problem(path: Path) -> str | None:
    """Why a logo file cannot go into a report ('not_image', 'too_large', 'active', 'too_many_pixels': a PNG of
    over LOGO_MAX_PIXELS, by its header alone; 'embeds_too_many_pixels': an SVG embedding images of over
    LOGO_MAX_PIXELS in all; 'embeds_too_deep': an SVG nesting SVG images deeper than SVG_EMBED_DEPTH), or None
    when it can."""
    if not is_image(path):
        return "not_image"
    if path.stat().st_size > LOGO_MAX_BYTES:
        return "too_large"
    svg = path.suffix.lower() == ".svg"
    if svg and _SVG_ACTIVE.search(path.read_bytes()):
        return "active"
    try:
        sizes = decoded_sizes(path)
    except EmbeddedTooDeep:
        return "embeds_too_deep"
    if sum(width * height for width, height in sizes) > LOGO_MAX_PIXELS:
        return "embeds_too_many_pixels" if svg else "too_many_pixels"
    return None


def decoded_sizes(path: Path) -> list[tuple[float, float]]:
    """The width and height of each image a browser decodes to show a logo, by headers alone: a PNG's own
    (logo_size), or every raster image an SVG embeds (embedded_sizes), all held in memory at once; [] when the
    file does not say, or for an SVG embedding none (drawn at the size it is shown at). EmbeddedTooDeep for an
    SVG nesting SVG images deeper than SVG_EMBED_DEPTH."""
    if path.suffix.lower() == ".png":
        return [size] if (size := logo_size(path)) else []
    try:
        return embedded_sizes(path.read_bytes())
    except OSError:
        return []


#: How many levels of SVG images embedded within one another (an SVG in a data: URL of an SVG in a data: URL…)
#: a logo may hold: each is looked through for the images it embeds, and a deeper one is refused rather than
#: left unread (a browser decodes the images at every level).
SVG_EMBED_DEPTH = 3

#: The start of an image in a data: URL, after the quote or bracket opening the URL (which tells where it ends):
#: its media type, its parameters (';charset=utf-8;base64'), and the comma before its data.
_DATA_URL = re.compile(rb"""(["'(]?)\s*data:\s*image/([\w.+-]+)([^,"'()<>]*),""", re.IGNORECASE)


class EmbeddedTooDeep(ValueError):
    """An SVG nesting SVG images deeper than SVG_EMBED_DEPTH (embedded_sizes)."""


def embedded_sizes(svg: bytes, depth: int = SVG_EMBED_DEPTH) -> list[tuple[int, int]]:
    """The width and height of each raster image (PNG, JPEG, GIF or WebP, whatever its data URL calls it, as a
    browser sniffs it) an SVG embeds in a data: URL, base64 or percent-encoded, with or without parameters, read
    by Pillow from its header without decoding a pixel (Pillow's format readers, not Image.open, whose guard
    against large images would refuse before saying the size); and those of the SVG images it embeds, looked
    through in turn, `depth` levels down (EmbeddedTooDeep below). One Pillow cannot read is passed over: a
    browser shows nothing for it either."""
    sizes, start = [], 0
    while match := _DATA_URL.search(svg, start):
        data, start = _data_url_bytes(svg, match)
        if match.group(2).lower() == b"svg+xml":
            if depth <= 0:
                raise EmbeddedTooDeep()
            sizes += embedded_sizes(data, depth - 1)
        elif size := _raster_size(data):
            sizes.append(size)
    return sizes


def _data_url_bytes(svg: bytes, match: re.Match) -> tuple[bytes, int]:
    """The bytes of the data: URL `match` starts, and where it ends: at the quote or bracket that opened it
    (else at a space or a tag's bracket), read as a browser does: XML character references, then percent
    escapes, then base64 when the parameters end with ';base64' (padding and spaces left out)."""
    import base64
    import binascii
    import html
    from urllib.parse import unquote_to_bytes

    closing = {b'"': rb'"', b"'": rb"'", b"(": rb"\)"}.get(match.group(1), rb"[\s\"'<>)]")
    end = found.start() if (found := re.compile(closing).search(svg, match.end())) else len(svg)
    text = html.unescape(svg[match.end():end].decode("utf-8", "surrogateescape"))
    data = unquote_to_bytes(text.encode("utf-8", "surrogateescape"))
    if match.group(3).split(b";")[-1].strip().lower() == b"base64":
        try:
            data = base64.b64decode(re.sub(rb"\s+", b"", data) + b"==")  # padding a browser does without
        except (binascii.Error, ValueError):
            data = b""
    return data, end


def _raster_size(data: bytes) -> tuple[int, int] | None:
    """A raster image's width and height from its header (PNG, JPEG, GIF or WebP), None for another."""
    import io
    import struct

    from PIL import GifImagePlugin, JpegImagePlugin, PngImagePlugin, WebPImagePlugin

    for reader in (PngImagePlugin.PngImageFile, JpegImagePlugin.JpegImageFile, GifImagePlugin.GifImageFile,
                   WebPImagePlugin.WebPImageFile):
        try:
            with reader(io.BytesIO(data)) as image:
                return image.size
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error):  # not this format
            continue
    return None


def logo_head(path: Path) -> bytes | None:
    """A logo's first 4 KB (a PNG's header, an SVG's opening tag), or None when it cannot be read."""
    try:
        with open(path, "rb") as file:
            return file.read(4096)
    except OSError:
        return None

def logo_size(path: Path) -> tuple[float, float] | None:
    """A logo's width and height, without decoding it: a PNG's from its header (IHDR, the chunk the format
    puts first); an SVG's from its width and height when both are plain numbers (pixels), else the size a
    browser gives it from its viewBox's shape (SVG_DEFAULT_WIDTH wide). None when the file does not say."""
    head = logo_head(path)
    if head is None:
        return None
    if path.suffix.lower() == ".png":
        if len(head) < 24 or head[12:16] != b"IHDR":
            return None
        width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        return (width, height) if width and height else None
    tag = re.search(rb"<svg\b[^>]*>", head, re.IGNORECASE)
    if not tag:
        return None
    attributes = {name.lower(): value.strip() for name, value in
                  re.findall(rb"""\s([\w:-]+)\s*=\s*["']([^"']*)["']""", tag.group(0))}
    sides = [re.fullmatch(rb"(\d+(?:\.\d+)?)\s*(?:px)?", attributes.get(name, b"")) for name in (b"width", b"height")]
    if all(sides) and all(float(side.group(1)) > 0 for side in sides):
        return float(sides[0].group(1)), float(sides[1].group(1))
    box = re.split(rb"[\s,]+", attributes.get(b"viewbox", b""))
    try:
        width, height = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        return None
    return (SVG_DEFAULT_WIDTH, SVG_DEFAULT_WIDTH * height / width) if width > 0 and height > 0 else None


def shown_size(width: float, height: float) -> tuple[int, int]:
    """The width and height (CSS pixels, rounded) the report's header shows a logo of that size at: shrunk,
    keeping its shape, to fit LOGO_BOX; never enlarged. A 6000 × 600 wordmark shows at 220 × 22."""
    scale = min(1.0, LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    return round(width * scale), round(height * scale)


def logo_notes(client: Client) -> list[Message]:
    """Warnings for a client's logo that readers would hardly see in the report's header, for the consultant
    to check before sending it: one shown with a side under LOGO_MIN_SIDE pixels, as the image is that small
    ('logo_small': a 2 × 2 PNG is a dot) or as its shape is far from the header's box ('logo_shape': 300 × 3000
    is a 6 × 64 sliver); and a PNG of light colours only, which the white page hides (light_logo)."""
    if not client.logo:
        return []
    path = resolve(client.logo)
    if logo_problem(path):  # refused by the roster's check; a report built in Python says so itself
        return []
    notes = []
    values = dict(client=Message("roster.client_id", id=shown(client.id)), path=as_typed(client.logo),
                  box_width=LOGO_BOX[0], box_height=LOGO_BOX[1], least=LOGO_MIN_SIDE)
    if (size := logo_size(path)) and min(seen := shown_size(*size)) < LOGO_MIN_SIDE:
        small = seen == (round(size[0]), round(size[1]))  # shown as it is: the image itself is small
        # a side that rounds to 0 pixels is said as under 1: "220 × 0" would read as no logo at all
        width, height = (side or Message("roster.logo_side_under_one") for side in seen)
        notes.append(Message("roster.logo_small" if small else "roster.logo_shape", width=width, height=height,
                             **values))
    if path.suffix.lower() == ".png" and light_logo(path):
        notes.append(Message("roster.logo_light", **values))
    return notes


def light_logo(path: Path) -> bool:
    """Whether a PNG logo is drawn nearly all in light colours (at least LOGO_LIGHT_SHARE of its visible
    pixels under LIGHT_CONTRAST against white, drawn over white): a white logo made for dark backgrounds, on
    a transparent one, vanishes on the report's white page. Decoded with Pillow (matplotlib's own image
    library), after logo_problem has refused one of too many pixels; False for a file it cannot decode."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            pixels = eight_bit(image).convert("RGBA")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    pixels.thumbnail((512, 512))  # the share of light pixels, not the details, is what counts
    rgba = np.asarray(pixels, dtype=float) / 255
    visible = rgba[..., 3] >= 0.5
    if not visible.any():  # nothing drawn at all: as invisible as white
        return True
    over_white = rgba[..., :3] * rgba[..., 3:] + (1 - rgba[..., 3:])
    light = 1.05 / (luminances(over_white) + 0.05) < LIGHT_CONTRAST  # contrast with white (luminance 1)
    return light[visible].mean() >= LOGO_LIGHT_SHARE


#: Pillow's modes of integer grey wider than 8 bits: a 16-bit greyscale PNG opens as 'I;16' ('I' before Pillow 10).
WIDE_GREY_MODES = ("I", "I;16", "I;16B", "I;16L", "I;16N")


def eight_bit(image):
    """A Pillow image of 16-bit grey (WIDE_GREY_MODES; a PNG holds at most 16 bits, 0 to 65,535) scaled to 8-bit
    grey, its one transparent shade (a tRNS chunk) as alpha; any other image as it is. Pillow's own
    convert("RGBA") clips each value above 255 to white: a 10% grey (6,554) would read as white, a dark logo
    as a pale one."""
    from PIL import Image

    if image.mode not in WIDE_GREY_MODES:
        return image
    values = np.asarray(image).astype(np.int64)
    grey = Image.fromarray(np.clip(np.rint(values / 257), 0, 255).astype(np.uint8))
    transparent = image.info.get("transparency")
    if isinstance(transparent, int):
        grey.putalpha(Image.fromarray(np.where(values == transparent, 0, 255).astype(np.uint8)))
    return grey


def branding_notes(client: Client) -> list[Message]:
    """What the render command warns of a client's branding (accent_note, logo_notes), beside its summary."""
    return [note for note in (accent_note(client), *logo_notes(client)) if note is not None]


def is_image(path: Path) -> bool:
    """The logo is embedded in every report: it must really be a PNG (by signature) or an SVG."""
    head = logo_head(path)
    if head is None:
        return False
    if path.suffix.lower() == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    return b"<svg" in head.lower()


def _check_period(value, label: str, key: str, word: str, tr: Translator) -> list[str]:
    say = tr.t
    if _tidy(value) == word:  # 'Last full month' too
        return []
    if not isinstance(value, dict) or set(value) != {"start", "end"}:
        return [say("roster.period_shape", client=label, key=repr(key), value=shown(value), word=word,
                    hint=tr.message(period_hint(value, word)))]
    problems, dates = [], {}
    for side in ("start", "end"):
        try:
            dates[side] = _as_date(value[side])
        except (ValueError, TypeError):
            problems.append(say("roster.bad_date", client=label, key=f"'{key}.{side}'", value=shown(value[side]),
                                hint=tr.message(date_hint(value[side]))))
    if len(dates) == 2 and dates["end"] < dates["start"]:
        problems.append(say("roster.end_before_start", client=label, key=repr(key), end=dates["end"],
                            start=dates["start"]))
    return problems


def _there(tr: Translator, path: Path) -> str:
    """What is there instead of a path or pattern that names nothing, ready to add to the problem: the name
    nearest a mistyped folder or file ('exprots' for 'exports'), or what the folder of a pattern matching no
    file holds (errors.nothing_there_hint); "" otherwise: a listing of the folder where a path first names
    nothing is noise beside the rest of the problem (a client's folder not made yet)."""
    hint = nothing_there_hint(path)
    return tr.message(hint) if hint and hint.key != "imports.paths.missing" else ""


def _spans(entry: dict, label: str, today: dt.date, tr: Translator) -> tuple[dt.date, ...] | None:
    """The client's period and comparison (start, end, comparison start, comparison end), or None when either
    is missing or unreadable (_check_client lists why)."""
    comparison = entry.get("comparison", "previous period")
    if ("period" not in entry or _check_period(entry["period"], label, "period", "last full month", tr)
            or _check_period(comparison, label, "comparison", "previous period", tr)):
        return None
    start, end = _period(entry["period"], today)
    if _tidy(comparison) == "previous period":
        return (start, end, *previous_period(start, end))
    return (start, end, *_period(comparison, today))


def _period(value, today: dt.date) -> tuple[dt.date, dt.date]:
    if _tidy(value) == "last full month":
        return last_full_month(today)
    return _as_date(value["start"]), _as_date(value["end"])


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
