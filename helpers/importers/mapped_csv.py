"""Any other post-level CSV, read through a small YAML mapping the user writes.

For exports the workbook has no importer for (a scheduling tool, an agency's spreadsheet), the user
says which CSV column holds which canonical column:

    platform: instagram                # facebook, instagram, x, youtube, tiktok or linkedin ('Twitter' is x):
                                       # every row's; or `platform: Network` under columns, each row's network
    account: Example Bakery            # optional: the account name for every row
    timezone: Europe/Berlin            # zone of the file's times (else the timezone given to the import)
    date_format: "%d.%m.%Y %H:%M"      # optional strptime format; ISO 8601 when absent
    published_precision: minute        # optional: minute, day or month (default: from the format)
    impressions_kind: impressions      # optional: impressions (default) or views
    columns:                           # canonical name: CSV header (matched ignoring case and spacing)
      post_id: ID
      published_at: Posted on
      reach: Accounts reached

Use it with `load_mapped_csv(csv, mapping)`, `import_exports(csv, family='mapped_csv',
mapping='mapping.yml')`, `explore.load_folder(folder, mapping='mapping.yml')` (for the files no family reads) or
a roster's `exports` entry `{files: ..., mapping: mapping.yml}` (README, "Column mappings"). The mapping is
checked as a whole and every problem is listed at once (mapping_problems, and header_problems against a CSV).

A scheduling tool exports all its networks in one file, a column naming each row's ('Instagram', 'Twitter',
'Pinterest'): `columns: {platform: Network}` then reads each row as a post of its own platform
(schema.platform_code), and leaves out, counted with their values, the rows of a network the workbook does not
read. A top-level `platform:` beside such a column that names other networks is said in a note
(network_column_notes), since every row is then read as that platform's.

This family is never auto-detected: any CSV could be meant, and only the user knows its meaning. Its
signature holds upper-case text, which a normalised (case-folded) header name can never equal, so
detection can never pick it; the family must be named.
"""
from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd
import yaml

from ..errors import ExportFormatError, missing_path_hint
from ..i18n import Message, quoted
from ..paths import PROJECT_ROOT, resolve
from ..periods import timezone_hint
from .. import safe_yaml, schema
from ..schema import PLATFORMS, PRECISIONS
from .base import Columns, Family, FileReport, ImportedFile, begin_report, table_notes
from .reading import read_delimited, read_delimited_head
from .values import is_blank, to_local_datetime, to_number

#: whole-number columns: the counts, and follows_gained (a net change, which may be negative)
COUNT_COLUMNS = (*schema.COUNT_COLUMNS, "follows_gained")
DECIMAL_COLUMNS = ("watch_time_seconds", "spend")
TEXT_COLUMNS = ("account", "format", "text", "permalink")
#: canonical columns a mapping may fill from the CSV
MAPPABLE = ("platform", "post_id", "published_at", *TEXT_COLUMNS, "paid", *COUNT_COLUMNS, *DECIMAL_COLUMNS)
#: headers (as normalise_name folds them) of a column naming each row's network in a scheduling tool's export
NETWORK_COLUMNS = ("network", "platform", "channel", "social network")
#: how many distinct values of a network column a note or an error names, the rest counted
VALUES_NAMED = 8
TOP_LEVEL_KEYS = ("platform", "account", "timezone", "date_format", "published_precision", "impressions_kind",
                  "columns")
TRUE_WORDS = frozenset({"true", "yes", "y", "1", "paid", "boosted", "sponsored"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "organic"})
_TIME_DIRECTIVES = ("%H", "%I", "%M", "%X", "%T", "%R", "%c")


def load_mapping(mapping_path: Path, csv_header: list[str] | None, *, given: str | Path | None = None,
                 typed_here: bool = False) -> dict:
    """Read and check a column mapping (against a CSV header, when given); one ExportFormatError lists every
    problem. A mapping that does not exist is said with where the path was looked for (errors.missing_path_hint:
    from `given`, the path as written, and `typed_here`, whether it was typed on the command line)."""
    mapping = read_mapping(mapping_path, given=given, typed_here=typed_here)
    problems = mapping_problems(mapping, csv_header) + (header_problems(mapping, csv_header)
                                                        if csv_header is not None else [])
    if problems:
        raise ExportFormatError(mapping_path, listed(problems), hint=Message("imports.mapped_csv.problems_hint"))
    if "platform" in mapping:
        mapping["platform"] = schema.platform_code(mapping["platform"])  # 'Twitter' is x, as in a network column
    return mapping


def read_mapping(mapping_path: Path, *, given: str | Path | None = None, typed_here: bool = False) -> dict:
    """A mapping file's `key: value` lines, unchecked (mapping_problems checks them); an ExportFormatError when
    the file is missing, is no YAML, gives a key twice in one place (a second `columns:`, which YAML would read in
    place of the first) or holds no such lines (see load_mapping for `given` and `typed_here`)."""
    mapping_path = Path(mapping_path)
    if not mapping_path.is_file():
        raise ExportFormatError(mapping_path, Message("imports.mapped_csv.no_mapping_file"),
                                hint=Message("imports.mapped_csv.no_mapping_file_hint",
                                             there=missing_path_hint(given or mapping_path, mapping_path,
                                                                     typed_here=typed_here)))
    try:
        mapping = safe_yaml.load(mapping_path.read_text(encoding="utf-8-sig"), safe_yaml.UniqueKeyLoader)
    except safe_yaml.RepeatedKey as exc:  # YAML would keep the last: a second `columns:` drops the first's
        raise ExportFormatError(mapping_path, Message("imports.mapped_csv.repeated_key", key=quoted(exc.key),
                                                      line=str(exc.line), first_line=str(exc.first_line)),
                                hint=Message("imports.mapped_csv.repeated_key_hint")) from None
    except safe_yaml.AliasesTooLarge as exc:
        raise ExportFormatError(mapping_path, Message("imports.mapped_csv.yaml_aliases", line=str(exc.line),
                                                      anchor=exc.anchor, limit=safe_yaml.ALIAS_LIMIT),
                                hint=Message("imports.mapped_csv.yaml_aliases_hint")) from None
    except yaml.YAMLError as exc:
        raise ExportFormatError(mapping_path, Message("imports.mapped_csv.not_yaml", error=str(exc)),
                                hint=Message("imports.mapped_csv.not_yaml_hint")) from None
    if not isinstance(mapping, dict):
        raise ExportFormatError(mapping_path, Message("imports.mapped_csv.not_key_value"),
                                expected=Message("imports.mapped_csv.not_key_value_expected"))
    return mapping


def mapping_problems(mapping: dict, header: list[str] | None = None) -> list[Message]:
    """Every problem of a mapping read by read_mapping, whatever CSV it is for: unknown settings, a platform,
    time zone, precision, kind or date format it cannot take, the platform given both for every row and per row
    (`columns.platform`) or neither way, columns that are no canonical column or no text, and post_id or
    published_at missing. `header`, the CSV's when known, tells a top-level `platform:` naming one of its
    columns (_platform_problem)."""
    problems: list[Message] = []
    for key in mapping:
        if key not in TOP_LEVEL_KEYS:
            problems.append(Message("imports.mapped_csv.unknown_setting", key=quoted(key), known=TOP_LEVEL_KEYS))
    platform = mapping.get("platform")
    per_row = isinstance(mapping.get("columns"), dict) and "platform" in mapping["columns"]
    if platform is None and not per_row:
        problems.append(Message("imports.mapped_csv.platform_missing", platforms=PLATFORMS))
    elif platform is not None and per_row:
        problems.append(Message("imports.mapped_csv.platform_twice", value=quoted(platform),
                                column=quoted(mapping["columns"]["platform"])))
    elif platform is not None and schema.platform_code(platform) is None:
        problems.append(_platform_problem(platform, header))
    zone = mapping.get("timezone")
    if zone is not None:
        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(Message("imports.mapped_csv.timezone_unknown", value=quoted(zone),
                                    hint=timezone_hint(zone)))
    for key, allowed in (("published_precision", PRECISIONS), ("impressions_kind", ("impressions", "views"))):
        if key in mapping and mapping[key] not in allowed:
            problems.append(Message("imports.mapped_csv.not_one_of", key=quoted(key), value=quoted(mapping[key]),
                                    allowed=allowed))
    if "date_format" in mapping and not (isinstance(mapping["date_format"], str) and "%" in mapping["date_format"]):
        problems.append(Message("imports.mapped_csv.date_format_invalid", value=quoted(mapping["date_format"])))
    columns = mapping.get("columns")
    if not isinstance(columns, dict):
        problems.append(Message("imports.mapped_csv.columns_missing"))
        columns = {}
    for canonical, csv_column in columns.items():
        if canonical not in MAPPABLE:
            problems.append(Message("imports.mapped_csv.not_canonical", canonical=canonical, value=quoted(canonical),
                                    known=MAPPABLE))
        if not isinstance(csv_column, str) or not csv_column.strip():
            problems.append(Message("imports.mapped_csv.column_not_text", canonical=canonical,
                                    value=quoted(csv_column)))
    for required in ("post_id", "published_at"):
        if required not in columns:
            problems.append(Message("imports.mapped_csv.required_missing", canonical=required))
    return problems


def _platform_problem(platform, header: list[str] | None) -> Message:
    """The problem of a top-level `platform:` naming no platform (schema.platform_code: 'Twitter' is one, x). A
    column of the CSV's `header` (`platform: Network`), or with no header known a scheduler's network column's
    usual name (NETWORK_COLUMNS), is said with how to read each row's network from it instead: `platform:
    <column>` under `columns:`, the top-level `platform:` deleted."""
    written = str(platform).strip()
    code = f"platform: {written}"
    if header is not None and written in Columns(header, header):
        return Message("imports.mapped_csv.platform_is_column", value=quoted(platform), code=code)
    if header is None and written in Columns(NETWORK_COLUMNS, NETWORK_COLUMNS):
        return Message("imports.mapped_csv.platform_like_column", value=quoted(platform), platforms=PLATFORMS,
                       code=code)
    return Message("imports.mapped_csv.platform_unknown", value=quoted(platform), platforms=PLATFORMS)


def header_problems(mapping: dict, csv_header: list[str]) -> list[Message]:
    """The columns a mapping names that a CSV header lacks (matched ignoring case and spacing), one problem
    each; names that are no text are mapping_problems' business."""
    columns = mapping.get("columns") if isinstance(mapping.get("columns"), dict) else {}
    header_names = Columns(csv_header, csv_header)
    return [Message("imports.mapped_csv.column_absent", canonical=canonical, column=quoted(csv_column),
                    header=[quoted(h) for h in csv_header])
            for canonical, csv_column in columns.items()
            if isinstance(csv_column, str) and csv_column.strip() and csv_column not in header_names]


def fit_problems(mapping: dict, path: Path) -> list[Message]:
    """What keeps a mapping from reading a CSV file, judged by its header alone (its first bytes:
    reading.read_delimited_head), before the file is read (a roster's mapped exports, the files of a folder a
    mapping may read): the columns it names that the header lacks, in one problem; [] when it has them all."""
    rows = read_delimited_head(path, n_rows=1)
    header = rows[0] if rows else []
    lacking = [problem.values for problem in header_problems(mapping, header)]
    if not lacking:
        return []
    return [Message("imports.mapped_csv.header_lacks", count=len(lacking),
                    columns=[f"{item['column']} ({item['canonical']})" for item in lacking],
                    header=[quoted(h) for h in header])]


def listed(problems: list[Message]) -> Message:
    """A mapping's problems, counted and listed one per line."""
    return Message("imports.mapped_csv.problems", count=len(problems), problems=_lines(problems))


def _lines(problems: list[Message]) -> Message | str:
    """The problems as an indented list, one per line (each line a Message, so each is translated)."""
    lines: Message | str = ""
    for problem in reversed(problems):
        lines = Message("imports.mapped_csv.problem_line", problem=problem, more=lines)
    return lines


def load_mapped_csv(csv_path, mapping_path, *, timezone: str | None = None,
                    mapping_here: Path | None = None) -> ImportedFile:
    """Read a CSV through a user's YAML column mapping into canonical rows (client not yet set).

    Times without a zone are read in the mapping's `timezone`, else in `timezone`; the result is in
    `timezone` when given. Blank cells (and '-', 'n/a', ...) are NA, never 0. A relative `mapping_path`
    starts at the project root, as in notebooks and code, or at `mapping_here`: the command line passes the
    folder it runs in, where the paths typed on it start.
    """
    given = mapping_path
    path, mapping_path = resolve(csv_path), resolve(mapping_path, mapping_here or PROJECT_ROOT)
    table = read_delimited(path)
    mapping = load_mapping(mapping_path, table.header, given=given, typed_here=mapping_here is not None)
    cols = Columns(table.header, table.keys)
    table, report = begin_report(table, FAMILY, mapping.get("platform"))
    frame, rows = table.frame, table.source_rows()
    columns = mapping["columns"]

    post_id = frame[cols.key(columns["post_id"])].str.strip()
    no_id = post_id.eq("")
    report.drop(Message("imports.mapped_csv.empty_post_id"), int(no_id.sum()))
    frame, rows, post_id = frame[~no_id], rows[~no_id], post_id[~no_id]
    if "platform" in columns:
        platform = _row_platforms(frame[cols.key(columns["platform"])], path, columns["platform"], report)
        frame, rows, post_id = frame[platform.notna()], rows[platform.notna()], post_id[platform.notna()]
        platform = platform[platform.notna()]
        found = sorted(set(platform))
        report.platform = found[0] if len(found) == 1 else None
        report.platforms = found
    else:
        platform = mapping["platform"]
        report.warnings += network_column_notes(frame, cols, platform)

    def cells(canonical: str) -> pd.Series:
        return frame[cols.key(columns[canonical])]

    out = pd.DataFrame(index=frame.index)
    out["platform"] = platform
    if mapping.get("account") is not None:
        out["account"] = str(mapping["account"])
    out["post_id"] = post_id
    out["published_at"], precision = _published_at(cells("published_at"), mapping, mapping_path, timezone,
                                                   path, columns["published_at"], rows)
    out["published_precision"] = mapping.get("published_precision", precision)
    for canonical in TEXT_COLUMNS:
        if canonical in columns:
            values = cells(canonical).str.strip().replace("", pd.NA)
            out[canonical] = values.str.casefold() if canonical == "format" else values
    for canonical in COUNT_COLUMNS + DECIMAL_COLUMNS:
        if canonical in columns:
            out[canonical] = to_number(cells(canonical), path=path, column=columns[canonical], rows=rows,
                                       dtype="Int64" if canonical in COUNT_COLUMNS else "Float64",
                                       decimal=table.decimal_mark)
    if "impressions" in out:
        out["impressions_kind"] = pd.Series(mapping.get("impressions_kind", "impressions"), index=out.index,
                                            dtype="string").where(out["impressions"].notna())
    if "paid" in columns:
        out["paid"] = _paid(cells("paid"), path, columns["paid"], rows)
    out["source_file"] = str(path)
    out["source_row"] = rows
    report.warnings += table_notes(table, cols, own_file=True)  # a tool's file, not a platform's download
    report.rows_imported = len(out)
    return ImportedFile(posts=out, report=report)


def _platform_codes(text: pd.Series) -> pd.Series:
    """The platform each stripped cell names (schema.platform_code: 'Twitter' is x, 'IG' instagram), NA for a
    blank cell or a network the workbook does not read; each distinct value looked up once."""
    known = {value: schema.platform_code(value) if value else None for value in text.unique()}
    return text.map(known).astype("string")


def _row_platforms(cells: pd.Series, path: Path, column: str, report: FileReport) -> pd.Series:
    """Each row's platform from the cells of the mapping's `columns.platform` (_platform_codes), NA for a network
    the workbook does not read (Pinterest, Threads, a blank cell): those rows are counted in `report` as left
    out, with their values. An error when no row names a platform read."""
    text = cells.fillna("").str.strip()
    codes = _platform_codes(text)
    other = codes.isna()
    if other.all() and len(codes):
        raise ExportFormatError(path, Message("imports.mapped_csv.no_platform_read", count=len(codes),
                                              values=_values_counted(text)),
                                column=column, expected=Message("imports.mapped_csv.platform_values_expected",
                                                                platforms=PLATFORMS),
                                hint=Message("imports.mapped_csv.platform_values_hint", column=quoted(column)))
    report.drop(Message("imports.mapped_csv.platform_not_read", column=quoted(column),
                        values=_values_counted(text[other])), int(other.sum()))
    return codes


def network_column_notes(frame: pd.DataFrame, cols: Columns, platform: str) -> list[Message]:
    """A note for each column of a scheduler's kind (NETWORK_COLUMNS: Network, Platform, Channel, Social network)
    whose cells name a platform and hold another value than the mapping's one `platform` (another platform, or
    a network the workbook does not read; a blank cell is none): every row is read as `platform`'s post all the
    same, so the note names the values and how to read each row as its own network's (`platform: <column>` added
    under `columns:`, the top-level `platform:` deleted). A column naming no platform (a channel's name) is no
    such column."""
    notes = []
    for name in NETWORK_COLUMNS:
        for key in cols.all_keys(name):
            text = frame[key].fillna("").str.strip()
            codes = _platform_codes(text[text.ne("")])  # a blank cell names no other network
            if codes.notna().any() and codes.ne(platform).fillna(True).any():
                header = cols.header_of(key)
                notes.append(Message("imports.mapped_csv.network_column", column=quoted(header), platform=platform,
                                     name=Message(f"platform.{platform}"), values=_values_counted(text),
                                     code=f"platform: {header}"))
    return notes


def _values_counted(text: pd.Series) -> list:
    """The distinct values of `text` (stripped cells; 'INSTAGRAM' and 'Instagram' one value, spelt as first
    written), most rows first, each with its rows ("'Pinterest' (1 row)", a blank cell named as such); past
    VALUES_NAMED, how many more."""
    folded = text.str.casefold()
    spelt = dict(zip(folded[::-1], text[::-1]))  # each value as its first row writes it
    counts = folded.value_counts(sort=False).sort_values(ascending=False, kind="stable")  # ties: first seen first
    named = [Message("imports.mapped_csv.value_rows", count=int(n),
                     value=quoted(spelt[value]) if value else Message("imports.mapped_csv.blank_value"))
             for value, n in counts.head(VALUES_NAMED).items()]
    if len(counts) > VALUES_NAMED:
        named.append(Message("imports.mapped_csv.more_values", count=len(counts) - VALUES_NAMED))
    return named


def _published_at(cells: pd.Series, mapping: dict, mapping_path: Path, timezone: str | None, path: Path,
                  column: str, rows: pd.Series) -> tuple[pd.Series, str]:
    """Publish times in the output zone, and the precision the format implies (minute or day)."""
    fmt = mapping.get("date_format")
    zone = mapping.get("timezone") or timezone
    text = cells.astype("string").str.strip()
    has_zone = fmt is not None and "%z" in fmt
    if fmt is not None:
        precision = "minute" if any(d in fmt for d in _TIME_DIRECTIVES) else "day"
    else:
        precision = "minute" if text.str.contains(r"\d:\d", regex=True).any() else "day"
    if fmt is not None and not has_zone:
        if zone is None:
            raise ExportFormatError(mapping_path, Message("imports.mapped_csv.no_time_zone"),
                                    column="timezone", hint=Message("imports.mapped_csv.no_time_zone_hint"))
        try:
            parsed = to_local_datetime(text, fmt=fmt, timezone=str(zone), path=path, column=column, rows=rows)
        except ExportFormatError as exc:
            raise ExportFormatError(path, exc.problem, row=exc.row, column=column,
                                    expected=Message("imports.mapped_csv.dates_in_mapping_format", format=quoted(fmt)),
                                    hint=Message("imports.mapped_csv.fix_dates_hint", mapping=str(mapping_path))
                                    ) from None
    else:
        parsed = pd.to_datetime(text, format=fmt or "ISO8601", errors="coerce", utc=has_zone)
        bad = parsed.isna()
        if bad.any():
            first = bad.idxmax()
            raise ExportFormatError(path, Message("imports.mapped_csv.not_dates", count=int(bad.sum()),
                                                  first=quoted(text[first])),
                                    row=int(rows[first]), column=column,
                                    expected=Message("imports.mapped_csv.dates_in_format" if fmt
                                                     else "imports.mapped_csv.iso_dates", format=quoted(fmt)),
                                    hint=Message("imports.mapped_csv.fix_dates_hint", mapping=str(mapping_path)))
        if parsed.dt.tz is None:
            if zone is None:
                raise ExportFormatError(mapping_path, Message("imports.mapped_csv.no_time_zone"),
                                        column="timezone", hint=Message("imports.mapped_csv.no_time_zone_hint"))
            parsed = parsed.dt.tz_localize(str(zone), ambiguous=np.ones(len(parsed), dtype=bool),
                                           nonexistent="shift_forward")
    if timezone is not None:
        parsed = parsed.dt.tz_convert(timezone)
    return parsed, precision


def _paid(cells: pd.Series, path: Path, column: str, rows: pd.Series) -> pd.Series:
    """yes/true/1/paid/boosted -> True, no/false/0/organic -> False, blank -> NA; anything else an error."""
    words = cells.astype("string").str.strip().str.casefold()
    blank = is_blank(cells)
    bad = ~blank & ~words.isin(TRUE_WORDS | FALSE_WORDS)
    if bad.any():
        first = bad.idxmax()
        raise ExportFormatError(path, Message("imports.mapped_csv.not_yes_no", count=int(bad.sum()),
                                              first=quoted(cells[first])),
                                row=int(rows[first]), column=column,
                                expected=Message("imports.mapped_csv.yes_no_expected"))
    return words.isin(TRUE_WORDS).astype("boolean").where(~blank, pd.NA)


def read_mapped_csv(path: Path, *, timezone: str | None = None, mapping=None, mapping_here: Path | None = None,
                    **_) -> ImportedFile:
    """Family reader: `import_exports(path, family='mapped_csv', mapping='mapping.yml')` (`mapping_here`: see
    load_mapped_csv)."""
    if mapping is None:
        raise ExportFormatError(path, Message("imports.mapped_csv.mapping_needed"), column=None,
                                hint=Message("imports.mapped_csv.mapping_needed_hint"))
    return load_mapped_csv(path, mapping, timezone=timezone, mapping_here=mapping_here)


FAMILY = Family(
    name="mapped_csv",
    label=Message("imports.family.mapped_csv"),
    # Upper case never survives header normalisation (case-folding), so this can never match: the family
    # is only used when named.
    signature=("NEVER AUTO-DETECTED: NAME family='mapped_csv'",),
    read=read_mapped_csv,
    own_file=True,
)
