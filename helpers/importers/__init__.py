"""Importers: one module per export family, and the registry that recognises a file by its header.

`load_exports(paths, client=..., timezone=...)` is the one call analysts and the report use. It detects
each file's family, reads it into the canonical post table, merges overlapping exports (one row per post,
the most recent export wins: recency.by_recency) and validates the result.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
from typing import Iterable

import pandas as pd

from .. import quality, schema
from ..errors import ExportFormatError, ExportsUnreadable, FileUnreadable, WorkbookError, nothing_there_hint, \
    windows_path_hint, working_folder_hint
from ..metrics import INTERACTION_COMPONENTS
from ..paths import as_spelled_on_disk, glob_exports, is_pattern, is_special_file, pattern_folder, resolve
from ..periods import timezone_hint
from . import meta_business_suite
from . import facebook_insights_legacy, uci_facebook_metrics, mapped_csv
from . import x_content, x_tweet_activity
from . import youtube_studio, tiktok_studio, linkedin_page
from ..i18n import (Code, DIRECTION_CONTROL_CHARACTERS, DIRECTION_CONTROLS, Message, as_typed, metric_label, quoted,
                    without_direction_controls)
from .base import (Family, FileReport, ImportedFile, close_enough, closest_family, file_drops, file_labels,
                   file_warnings, matching_family, resembles)
from .reading import is_workbook, named_spreadsheet_error, normalise_name, read_delimited_head, read_workbook_head
from .recency import Recency, by_recency, record_replaced
from .recency import export_recency  # noqa: F401  (the names' order, as importers.export_recency)

#: Every known export family, in the order detection tries them.
FAMILIES: list[Family] = [
    meta_business_suite.FAMILY,
    facebook_insights_legacy.FAMILY, uci_facebook_metrics.FAMILY, mapped_csv.FAMILY,  # mapped: never detected
    x_tweet_activity.FAMILY, x_content.FAMILY,
    youtube_studio.FAMILY, tiktok_studio.FAMILY, linkedin_page.FAMILY,
]


def family_named(name: str) -> Family:
    for family in FAMILIES:
        if family.name == name:
            return family
    raise WorkbookError(Message("imports.importers.unknown_family", name=str(name), known=[f.name for f in FAMILIES]))


def read_header_names(path: Path) -> set[str]:
    """Normalised cell texts of an export's first few rows (every sheet of a workbook), for detection.

    Several families put a title, a `sep=` line or a metric name above the header, so detection looks at
    the first rows together rather than at line 1 alone.
    """
    path = Path(path)
    if is_special_file(path):
        raise ExportFormatError(path, Message("imports.reading.not_regular"),
                                hint=Message("imports.reading.not_regular_hint"))
    if not path.is_file():
        raise ExportFormatError(path, Message("imports.reading.missing"), hint=Message("imports.reading.missing_hint"))
    try:
        rows = read_workbook_head(path) if is_workbook(path) else read_delimited_head(path)
    except OSError as error:  # the first touch of a file: a refusal names the file and why, in words
        raise FileUnreadable.of(path, error) from None
    return {normalise_name(cell) for row in rows for cell in row if str(cell).strip()}


def copied_sheet(path: Path, names: set[str]) -> tuple[Family, Family] | None:
    """The family of an export downloaded as an xlsx workbook, and the family of its sheet, of a CSV file saved
    from one sheet of it (LinkedIn's company page content export: its `All posts` sheet, or its first sheet,
    `Metrics`), told by the sheet's header among the file's first rows `names` (a title line above it or not);
    None for any other file, a workbook included."""
    from ..daily import daily_family_named  # helpers.daily imports this module

    spreadsheets = [f for f in FAMILIES if f.spreadsheet]
    sheets = [(f, sheet) for f in spreadsheets
              for sheet in (f, *([daily_family_named(f.daily_family)] if f.daily_family else []))]
    found = next(((f, sheet) for f, sheet in sheets if not sheet.missing_from(names)), None)
    return None if found is None or is_workbook(path) else found


def csv_copy_of_workbook(path: Path, names: set[str]) -> ExportFormatError | None:
    """The refusal of a CSV file saved from a sheet of an export that is downloaded as an xlsx workbook
    (copied_sheet); None for any other file. Read as a CSV it would be taken for another export or for a
    damaged workbook; the workbook reads the .xlsx as downloaded, whose sheets feed both the posts and the
    daily series. Beside that .xlsx, import_exports leaves the copy out instead (_downloaded_beside)."""
    found = copied_sheet(path, names)
    if found is None:
        return None
    family, sheet = found
    return ExportFormatError(path, Message("imports.importers.csv_copy", sheet=sheet.label),
                             expected=Message("imports.importers.csv_copy_expected",
                                              download=family.download or family.label),
                             hint=Message("imports.importers.csv_copy_hint"))


def youtube_grouping(names: set[str]) -> str | None:
    """The dimension a YouTube Studio table is grouped by when it is not grouped by video (Geography, Traffic
    source...): YouTube's metric columns without the Content column. None for any other file."""
    from .daily_youtube import DIMENSIONS

    if "content" in names or not {"views", "watch time (hours)"} <= names:
        return None
    return next((d for d in DIMENSIONS if d in names and d not in ("video title", "video publish time")), None)


#: Words of the platforms' analytics in other interface languages (Indonesian first; Spanish, Portuguese,
#: French, German), none of them an English column name: an export downloaded with the interface in another
#: language carries its headers translated, which no family reads (the workbook reads English headers only).
INTERFACE_WORDS = frozenset({
    "jangkauan", "tayangan", "penayangan", "reaksi", "komentar", "dibagikan", "bagikan", "waktu", "postingan",
    "unggahan", "impresi", "klik", "tautan", "suka", "pengikut", "halaman", "judul", "durasi", "tanggal",
    "alcance", "impresiones", "reacciones", "comentarios", "compartidos", "publicación", "publicaciones",
    "impressões", "reações", "comentários", "compartilhamentos", "publicação",
    "couverture", "réactions", "commentaires", "partages",
    "reichweite", "impressionen", "reaktionen", "kommentare", "beitrag", "beiträge",
})
#: How many of them a header shares before the refusal says it looks translated ("several", not one chance word).
INTERFACE_WORDS_SEVERAL = 3
#: The most words a cell of the first rows has to count as a column name, not a post's text (a caption).
HEADER_WORDS = 5


def interface_words(names: set[str]) -> list[str]:
    """The INTERFACE_WORDS in the short cells (column names, not captions) of a file's first rows `names`."""
    words = {word for name in names if len(name.split()) <= HEADER_WORDS
             for word in re.findall(r"[^\W\d_]+", name)}
    return sorted(words & INTERFACE_WORDS)


def detect_family(path: Path, platform: str | None = None) -> Family:
    """The family whose header signature this file carries, or an error naming the closest one.

    With `platform`, only families that export that platform are considered; a known export of another
    platform is named as such (the file holds facebook posts, not youtube), not as an unknown file.
    """
    names = read_header_names(path)
    if (copy := csv_copy_of_workbook(path, names)) is not None:
        raise copy
    candidates = [f for f in FAMILIES if not platform or platform in f.platforms]
    if not candidates:
        raise WorkbookError(Message("imports.importers.no_family_for_platform", platform=platform,
                                    platforms=list(schema.PLATFORMS)))
    found = matching_family(candidates, names)
    if found:
        return found
    other = matching_family(FAMILIES, names) if platform else None
    if other and other.platforms:  # a family of other platforms only: one exporting `platform` was a candidate
        raise wrong_platform(path, other.platforms_in(names), platform)
    known = [f.label for f in candidates if f is not mapped_csv.FAMILY]  # never detected: said in the hint
    grouping = youtube_grouping(names)
    if grouping and any("youtube" in f.platforms for f in candidates):  # YouTube's table of another grouping:
        raise youtube_grouped(path, grouping)  # what it is and what to export, not "no export the workbook knows"
    shared = sorted({name for f in candidates for name in f.signature if name in names})
    close = [f for f in candidates if close_enough(f, names)]  # 'likes' alone: any tool's export has it
    closest, missing = closest_family(close or candidates, names)
    if len(translated := interface_words(names)) >= INTERFACE_WORDS_SEVERAL:
        hint = Message("imports.importers.other_language_hint", words=[quoted(w) for w in translated[:5]])
    elif not shared:
        hint = Message("imports.importers.none_known_hint")
    elif not close:
        hint = Message("imports.importers.too_few_shared_hint", columns=[quoted(c) for c in shared])
    elif not missing and closest.ruled_out_by(names):
        hint = Message("imports.importers.ruled_out_hint", closest=closest.label,
                       columns=[quoted(c) for c in closest.ruled_out_by(names)])
    elif resembles(closest, names):
        hint = Message("imports.importers.closest_hint", closest=closest.label, missing=[quoted(c) for c in missing])
    else:  # a few names any post table has (Date, Impressions): likely another tool's export, so mapping first
        hint = Message("imports.importers.faint_closest_hint", closest=closest.label,
                       missing=[quoted(c) for c in missing],
                       shared=[quoted(c) for c in closest.signature if c not in missing])
    if hint.key == "imports.importers.none_known_hint" and (named := named_spreadsheet_error(path)) is not None:
        raise named  # a web page saved as .xls, say: what a spreadsheet program would save it as, not "no export"
    if hint.key == "imports.importers.faint_closest_hint":
        advice = Message("imports.importers.mapping_first_hint", hint=hint, how=MAPPING_ADVICE["python"])
    else:
        advice = Message("imports.importers.unknown_export_hint", hint=hint, how=MAPPING_ADVICE["python"])
    raise ExportFormatError(path, Message("imports.importers.unknown_export"),
                            expected=Message("imports.importers.one_of", families=known), hint=advice)


def youtube_grouped(path: Path, grouping: str) -> ExportFormatError:
    """The refusal of a YouTube Studio table grouped by `grouping` (youtube_grouping: Geography, Traffic
    source...) rather than by Content: it is named as such, with the table to export instead. It holds the
    channel's figures per country or source, no post, so no column mapping would make posts of it."""
    return ExportFormatError(path, Message("imports.importers.youtube_grouped",
                                           dimension=quoted(grouping[:1].upper() + grouping[1:])),
                             hint=Message("imports.importers.youtube_grouped_hint"))


#: A roster's `exports` entry read through a column mapping, as the advice and the roster's messages show one.
MAPPED_ENTRY_EXAMPLE = "{files: data/raw/acme/tiktok.csv, mapping: data/raw/acme/tiktok.yml}"
#: How to read a file no family recognises through a column mapping (family mapped_csv), where it was given:
#: in Python, in a folder loaded whole (explore.load_folder), in a roster, on the command line (`python -m
#: helpers inspect`: a file, with --family mapped_csv --mapping; a folder, with --mapping). with_mapping_advice
#: picks one.
MAPPING_ADVICE = {where: Message(f"imports.importers.map_{where}", entry=MAPPED_ENTRY_EXAMPLE)
                  for where in ("python", "folder", "roster", "inspect", "inspect_folder")}


#: The hints of detect_family's refusal of a file no family recognises, each holding why ({hint}) and how to read
#: it through a column mapping ({how}): the why first when the file resembles a known export (closest_hint), the
#: mapping first when it shares no more than a few names any post table has (faint_closest_hint).
UNKNOWN_EXPORT_HINTS = ("imports.importers.unknown_export_hint", "imports.importers.mapping_first_hint")


def with_mapping_advice(error: ExportFormatError, where: str) -> ExportFormatError:
    """`error` (detect_family's refusal of a file no family recognises) with the advice on reading it through
    a column mapping worded for `where` (MAPPING_ADVICE); any other error as it is."""
    hint = error.hint
    if getattr(hint, "key", None) not in UNKNOWN_EXPORT_HINTS:
        return error
    return ExportFormatError(error.path, error.problem, row=error.row, column=error.column, expected=error.expected,
                             hint=hint.with_values(hint=hint.values["hint"], how=MAPPING_ADVICE[where]))


def advice_for(error: ExportFormatError, where: str) -> ExportFormatError:
    """`error` with its advice worded for `where` the file was read ('roster', 'inspect'): how to read a file
    no family recognises through a column mapping (with_mapping_advice), and how to give the year of dates
    written without one (yearless_dates.with_year_advice)."""
    from .yearless_dates import with_year_advice

    if isinstance(error, ExportsUnreadable):  # each file refused, with its own advice
        return ExportsUnreadable([advice_for(one, where) for one in error.errors],
                                 where="roster" if where == "roster" else error.where)
    return with_year_advice(with_mapping_advice(error, where), where)


#: A pattern's file-name part taking a folder's files of every type, which taking CSV files alone would narrow.
EVERY_TYPE = ("*", "*.*")


def pattern_advice(error: ExportFormatError, exports) -> ExportFormatError:
    """`error` (a file of a roster's `exports` refused, or several: ExportsUnreadable) with, for each file a glob
    pattern took rather than named, how to leave it out when it holds no export (notes, an old report): move it
    out of the folder, or narrow a pattern taking every type (`acme/*`) to CSV files (`acme/*.csv`). Saving it as
    .xlsx, as a spreadsheet's own advice says, would only have it refused as no export the workbook knows."""
    if isinstance(error, ExportsUnreadable):
        return ExportsUnreadable([pattern_advice(one, exports) for one in error.errors], where=error.where)
    if isinstance(exports, (str, Path, dict)):
        exports = [exports]
    refused = Path(error.path).resolve()
    for entry in exports:
        given = entry["files"] if isinstance(entry, dict) else entry
        pattern = as_spelled_on_disk(resolve(given))
        if not is_pattern(pattern) or refused not in [p.resolve() for p in glob_exports(pattern)[0]]:
            continue
        if pattern.name in EVERY_TYPE:
            advice = Message("imports.importers.taken_by_pattern_narrow", pattern=as_typed(given),
                             narrower=as_typed(Path(given).parent / "*.csv"))
        else:
            advice = Message("imports.importers.taken_by_pattern_move", pattern=as_typed(given))
        hint = Message("cli.problem.and", first=error.hint, then=advice) if error.hint else advice
        return ExportFormatError(error.path, error.problem, row=error.row, column=error.column,
                                 expected=error.expected, hint=hint)
    return error


@dataclass
class ImportResult:
    """The canonical post table and, per file, what was imported, dropped and superseded."""

    posts: pd.DataFrame
    reports: list[FileReport]

    def summary(self) -> pd.DataFrame:
        """One row per file: family, platform, rows, dropped (with reasons), superseded (by which newer export,
        and what shows it is newer), period. Headings and reasons are in the language active when it is called
        (i18n.use_language), as the explorer shows them."""
        from ..i18n import active_language, translator

        tr = translator(active_language())
        return pd.DataFrame([{
            tr.t("imports.explore.summary_file"): label,
            tr.t("imports.explore.summary_family"): r.family,
            tr.t("imports.explore.summary_platform"): r.platforms_read,
            tr.t("imports.explore.summary_rows"): r.rows_in_file,
            tr.t("imports.explore.summary_imported"): r.rows_imported - r.superseded,
            tr.t("imports.explore.summary_dropped"): sum(r.dropped.values()),
            tr.t("imports.explore.summary_why_dropped"): "; ".join(f"{tr.number(n)} {tr.message(why)}"
                                                                   for why, n in r.dropped.items()),
            tr.t("imports.explore.summary_superseded"): r.superseded,
            tr.t("imports.explore.summary_newer"): "; ".join(tr.message(why) for _, why in r.superseded_by.values()),
            tr.t("imports.explore.summary_first"): r.period[0] if r.period else pd.NaT,
            tr.t("imports.explore.summary_last"): r.period[1] if r.period else pd.NaT,
            tr.t("imports.explore.summary_warnings"): len(r.warnings),
        } for r, label in zip(self.reports, file_labels([r.path for r in self.reports]))])

    def warnings(self) -> list[Message]:
        """Each file's data-quality warnings, naming the file."""
        return file_warnings(self.reports)

    def drops(self) -> list[Message]:
        """Each file's dropped rows with the reason, naming the file."""
        return file_drops(self.reports)

    def interaction_components(self) -> dict[str, tuple[str, ...]]:
        """Per file (its source_file), the interaction components it carries: those it reports for any of its
        posts, judged on the file as read (metrics.interactions leaves a post's interactions NA where one of
        them is blank, and leaves the others out of the sum)."""
        return {str(r.path): tuple(c for c in INTERACTION_COMPONENTS if c in r.metrics_present) for r in self.reports}


def expand_paths(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """Files named by paths or glob patterns, resolved from the project root; an error for no match.

    A path that exists as written is that file, glob characters and all (`export[1].csv`). A pattern leaves
    out Excel's lock files (`~$name.xlsx`, there while the export is open in Excel), hidden files and files
    of a type no export comes in (EXPORT_SUFFIXES: a PDF or a screenshot kept beside the exports); it takes a
    zip archive, which is then named with what it holds rather than passed over, and a spreadsheet in a format
    not read here (an .xls, an .ods), named with how to save it as .xlsx (paths.taken_by_pattern)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    for entry in paths:
        pattern = str(as_spelled_on_disk(resolve(entry)))  # accents composed or decomposed as on disk
        if is_pattern(pattern):
            exports, others = glob_exports(pattern)
            if not exports and not others:
                raise WorkbookError(Message("imports.importers.no_match", pattern=as_typed(entry),
                                            folder=as_typed(pattern_folder(pattern)),
                                            hint=windows_path_hint(entry) or working_folder_hint(entry)
                                            or nothing_there_hint(pattern)))
            if not exports:  # a PDF or a screenshot only
                raise WorkbookError(Message("imports.importers.no_export_match", pattern=as_typed(entry), **others))
            found.extend(exports)
        else:
            path = Path(pattern)
            if path.is_dir():
                raise WorkbookError(Message("imports.importers.folder", entry=str(entry),
                                            pattern=str(Path(str(entry)) / "*.csv")))
            if is_special_file(path):
                raise WorkbookError(Message("imports.importers.not_regular", path=as_typed(path)))
            if not path.is_file():  # the place looked in is named when the entry did not name it already
                hint = windows_path_hint(entry) or working_folder_hint(entry) or nothing_there_hint(path)
                raise WorkbookError(Message("imports.importers.not_found", entry=as_typed(entry), path=as_typed(path),
                                            hint=hint) if str(entry) != str(path) else
                                    Message("imports.importers.not_found_at", path=as_typed(path), hint=hint))
            found.append(path)
    if not found:
        raise WorkbookError(Message("imports.importers.no_files"))
    return list(dict.fromkeys(found))


def export_entries(exports) -> tuple[list[Path], dict[Path, Path]]:
    """The files a roster's (or the report's) `exports` name, and those of them read through a column mapping.

    Each entry is a path or glob pattern (expand_paths), or a mapping `{files: <path or pattern>, mapping:
    <mapping.yml>}` whose files are read by family mapped_csv through that mapping (an export of a tool no
    family reads). Returns the files in order, once each, and {file: its mapping file}, both resolved from the
    project root; an error for an entry of another shape (the roster refuses it first, naming its client)."""
    if isinstance(exports, (str, Path, dict)):
        exports = [exports]
    files: list[Path] = []
    mapped: dict[Path, Path] = {}
    for entry in exports:
        if not isinstance(entry, dict):
            files += expand_paths(entry)
            continue
        if set(entry) != {"files", "mapping"} or not all(isinstance(v, (str, Path)) for v in entry.values()):
            raise WorkbookError(Message("imports.importers.mapped_entry", entry=quoted(entry)))
        found = expand_paths(entry["files"])
        mapped.update(dict.fromkeys(found, resolve(entry["mapping"])))
        files += found
    return list(dict.fromkeys(files)), mapped


def mapped_files(mapped: dict, files: list[Path]) -> dict[Path, Path]:
    """{file read: its column mapping file} from import_exports' `mapped`, whose keys (a path or a glob pattern)
    and values may be written as text or relative to the project root, as the paths read are: each is resolved
    as expand_paths resolves those. A key that names none of the `files` read is an error: its files would
    otherwise be read as exports, and refused as none the workbook knows, with a hint to use a mapping."""
    found: dict[Path, Path] = {}
    for key, mapping in mapped.items():
        spelled = as_spelled_on_disk(resolve(key))
        named = glob_exports(str(spelled))[0] if is_pattern(str(spelled)) else [Path(spelled)]
        among = [path for path in named if path in files]
        if not among:
            raise WorkbookError(Message("imports.importers.mapped_not_read", path=str(spelled),
                                        example=Code(files[0]) if files else "",
                                        mapping=repr(str(mapping))))
        found.update(dict.fromkeys(among, resolve(mapping)))
    return found


def _downloaded_beside(path: Path, files: list[Path], family: Family, platform: str | None) -> Path:
    """The export of the same name and family that a copy sits beside, among the files read: the CSV export
    a spreadsheet copy was saved from (`name.xlsx` beside `name.csv`), or, for a family downloaded as a
    workbook, the .xlsx a CSV copy of one of its sheets was saved from (`name.csv` beside `name.xlsx`: a
    spreadsheet program offers the workbook's name). An error when there is none: the workbook reads a CSV
    family's CSV as downloaded, as a spreadsheet program may have changed the copy (long post ids keep 15
    digits at most), and a workbook family's .xlsx, the CSV holding one sheet of it only."""
    for other in files:
        if (other != path and other.parent == path.parent and other.stem == path.stem
                and is_workbook(other) == family.spreadsheet):
            try:
                if detect_family(other, platform) is family:
                    return other
            except WorkbookError:  # not an export of that family: said when it is read in its turn
                continue
    if family.spreadsheet:
        raise csv_copy_of_workbook(path, read_header_names(path))
    raise ExportFormatError(path, Message("imports.importers.spreadsheet_copy", family=family.label),
                            hint=Message("imports.importers.spreadsheet_copy_hint"))


def check_timezone(timezone: str | None) -> None:
    """An error naming the time zone when it is not an IANA name (e.g. Asia/Jakarta, Europe/London)."""
    if timezone is None:
        return
    try:
        ZoneInfo(str(timezone))
    except (ZoneInfoNotFoundError, ValueError):
        raise WorkbookError(Message("imports.importers.bad_timezone", timezone=quoted(timezone),
                                    hint=timezone_hint(timezone))) from None


def wrong_platform(path: Path, found: Iterable[str], platform: str) -> ExportFormatError:
    """The error for an export holding `found` platforms' posts when `platform` was asked for."""
    return ExportFormatError(path, Message("imports.importers.wrong_platform", found=", ".join(sorted(found)),
                                           platform=platform),
                             hint=Message("imports.importers.wrong_platform_hint", platform=platform))


def _read_one(path: Path, fam: Family, *, timezone: str | None, platform: str | None, **options) -> ImportedFile:
    """One export read by its family's reader, checked to hold `platform`'s posts only, with the counts that
    cannot be true set to NA and its quality notes added (quality.checked). A download cut off mid-row is
    refused before its values are read (reading.read_delimited)."""
    result = fam.read_file(path, timezone=timezone, **options)
    result.posts = without_direction_controls_in(result.posts)
    if platform and len(result.posts) and (result.posts["platform"] != platform).any():
        raise wrong_platform(path, set(result.posts["platform"]) - {platform}, platform)
    result.posts, notes = quality.checked(result.posts)
    notes += quality.named_period_gaps(result.posts, path)
    result.report.warnings += notes
    return result


def without_direction_controls_in(posts: pd.DataFrame) -> pd.DataFrame:
    """The posts with the direction controls taken out of the texts an export gives and the report shows: account
    names, the posts' own text and a format kept as the export writes it (an unknown post type, a mapped column)
    (i18n.without_direction_controls): an account name or caption holding a right-to-left override would
    otherwise print backwards, and turn around the words and numbers the report puts after it. The other text
    columns are codes the importers write or ids they check. A column is searched whole first, by plain
    substring search (a 300,000-row X export: about a tenth of a second); its cells only when a control is there."""
    for column in ("account", "text", "format"):
        if column not in posts.columns:
            continue
        cells = posts[column]
        try:
            whole = "".join(cells.dropna().tolist())
        except TypeError:  # an object column holding other values than texts
            whole = "".join(v for v in cells.to_numpy() if isinstance(v, str))
        if whole.isascii() or not any(control in whole for control in DIRECTION_CONTROL_CHARACTERS):
            continue
        held = cells.map(lambda v: isinstance(v, str) and DIRECTION_CONTROLS.search(v) is not None).astype(bool)
        posts = posts.copy()
        posts.loc[held, column] = cells[held].map(without_direction_controls)
    return posts


def _batch_clock(imported: list[ImportedFile]) -> str | None:
    """The zone the batch's Business Suite exports show they were written at (clocks.written_zone, the zone
    given included), when every one whose posts tell agrees on it; None when none tells or they disagree."""
    clocks = {item.report.clock for item in imported
              if item.report.family == meta_business_suite.FAMILY.name and item.report.clock}
    return clocks.pop() if len(clocks) == 1 else None


def _takes_clock(item: ImportedFile) -> bool:
    """A Business Suite export whose own posts cannot tell its clock: a Facebook export (its links hold no
    time), or an Instagram export whose links hold too few."""
    return item.report.family == meta_business_suite.FAMILY.name and item.report.clock is None


def import_exports(paths, *, client: str = "client", timezone: str | None = None,
                   family: str | None = None, platform: str | None = None, mapped: dict | None = None,
                   **options) -> ImportResult:
    """Read export files into one validated canonical post table, with an import report per file.

    `timezone` (an IANA name such as 'Asia/Jakarta') is required for exports that write local times
    without a zone; all times come out in it (UTC when not given). A Business Suite export is read at the
    clock its own Instagram links, or the batch's Instagram exports, show it was written at; when nothing
    tells, at `timezone`, with a note that this could not be checked. `family` forces one family.
    Overlapping exports keep one row per post: the one from the most recent export, the one downloaded last as
    far as the files' modification times and the dates in their names tell (recency.by_recency).
    `platform` limits detection to that platform's families and checks that every row belongs to it.
    `mapped` ({file: mapping file}, export_entries; paths, patterns or text, as `paths`: mapped_files) names
    files read by family mapped_csv through their own column mapping, whatever `family` says of the others; a
    file it names that `paths` do not is an error.
    Other keyword `options` go to the family's reader (e.g. `year=` for exports that omit the year).
    """
    files = expand_paths(paths)
    mapped = mapped_files(mapped or {}, files)
    check_timezone(timezone)
    forced = family_named(family) if family else None
    imported: list[ImportedFile] = []
    copies: dict[Path, tuple[Path, Message]] = {}  # a copy left out -> the export as downloaded beside it, a note
    families: dict[Path, Family] = {}
    recency = by_recency(files, timezone)
    for path in recency.order:
        if path in mapped:
            families[path] = mapped_csv.FAMILY
            imported.append(_read_one(path, mapped_csv.FAMILY, timezone=timezone, platform=platform,
                                      **{**options, "mapping": mapped[path]}))
            continue
        if not forced and (sheet := copied_sheet(path, read_header_names(path))) is not None:
            copies[path] = (_downloaded_beside(path, files, sheet[0], platform),
                            Message("imports.importers.csv_copy_left_out", copy=path.name, sheet=sheet[1].label))
            continue
        fam = families[path] = forced or detect_family(path, platform)
        if not forced and not fam.spreadsheet and is_workbook(path):  # detected from the copy's header
            copies[path] = (_downloaded_beside(path, files, fam, platform),
                            Message("imports.importers.spreadsheet_copy_left_out", copy=path.name))
            continue
        imported.append(_read_one(path, fam, timezone=timezone, platform=platform, **options))
    if timezone is not None and (clock := _batch_clock(imported)) not in (None, timezone):
        # the exports of a batch whose Instagram exports tell its clock, and cannot tell their own, take it
        imported = [_read_one(item.report.path, families[item.report.path], timezone=timezone, platform=platform,
                              clock=clock, **options)
                    if _takes_clock(item) else item for item in imported]
    elif timezone is not None and clock is None:  # nothing in the batch tells: said, not guessed
        told = sorted({item.report.clock for item in imported if item.report.clock})
        for item in imported:
            if _takes_clock(item) and len(item.posts):
                item.report.warnings.append(meta_business_suite.unchecked_clock(item, timezone, told))
    for original, note in copies.values():
        report = next(item.report for item in imported if item.report.path == original)
        report.warnings.append(note)
    zone = timezone or "UTC"
    frames = [schema.conform(item.posts, zone) for item in imported if len(item.posts)]
    posts = pd.concat(frames, ignore_index=True) if frames else schema.empty_posts(zone)
    posts["client"] = pd.Series(client, index=posts.index, dtype="string")
    read = posts[["source_file", "published_at"]]  # each file's posts before newer exports replace some
    posts = _keep_latest(posts, imported, recency)
    for item in imported:
        mine = posts[posts["source_file"] == str(item.report.path)]
        if len(mine):
            item.report.period = (mine["published_at"].min(), mine["published_at"].max())
        if item.report.superseded:
            theirs = read.loc[read["source_file"] == str(item.report.path), "published_at"]
            item.report.period_read = (theirs.min(), theirs.max())
        item.report.metrics_present = [c for c in schema.COUNT_COLUMNS + ("watch_time_seconds", "spend")
                                       if c in item.posts and item.posts[c].notna().any()]
    across = quality.kinds_across_files(posts)
    apart = youtube_studio.channels_apart(imported)  # YouTube's tables name no channel: their videos tell
    for item in imported:
        if str(item.report.path) in across:
            item.report.warnings.append(across[str(item.report.path)])
        if item.report.path in apart:
            item.report.warnings.append(apart[item.report.path])
    posts = posts.sort_values("published_at", kind="stable").reset_index(drop=True)
    schema.validate_posts(posts)
    return ImportResult(posts=posts, reports=[item.report for item in imported])


#: Columns that only make sense together (frequency = impressions ÷ reach; average view duration = watch time
#: ÷ video views): when a newer export lacks one, the whole set comes from one older export, never a mix of
#: two snapshots (reach of April with views of January could make a frequency below 1). A kind labels its
#: column and travels with it; so do YouTube's Engaged views, read beside the same export's Views (the report
#: compares the two), never filled on their own nor asked of a newer export that has no such column.
FILLED_TOGETHER = (("reach", "impressions", "impressions_kind"), ("video_views", "watch_time_seconds", "engaged_views"))
_COMPANIONS = ("impressions_kind", "engaged_views")  # travel with their set, never decide it


#: How many posts whose repeated rows differ a note names by their rows (_repeated_rows_notes).
REPEATS_NAMED = 5


def _repeated_rows_notes(posts: pd.DataFrame, in_file: list[str]) -> list[tuple[str, Message]]:
    """Per file, the notes on its post ids repeated in several rows (`in_file`: the columns that tell one
    file's post apart), of which _keep_latest keeps the last. Rows that repeat each other exactly lose nothing
    and are counted; rows of one post whose values differ are named with the columns they differ in and the
    row kept, as the export does not say which of them holds the post's figures."""
    repeats = posts[posts.duplicated(in_file, keep=False)]
    compared = [c for c in repeats.columns if c not in in_file and c not in ("source_row", "source_file", "client")]
    groups = repeats.groupby(in_file, sort=False, dropna=False)
    differs = groups[compared].nunique(dropna=False).gt(1)
    files = groups["source_file"].first()
    rows = groups["source_row"].agg(list)
    notes = []
    for file in files.unique():
        mine = files.index[files.eq(file).to_numpy()]
        same = mine[~differs.loc[mine].any(axis=1).to_numpy()]
        if len(same):
            notes.append((file, Message("imports.importers.repeated_post_id",
                                        count=int(sum(len(rows[post]) - 1 for post in same)))))
        other = mine[differs.loc[mine].any(axis=1).to_numpy()]
        if not len(other):
            continue
        named = [Message("imports.importers.repeated_rows_differ", kept=str(rows[post][-1]),
                         count=len(rows[post]) - 1, others=[str(r) for r in rows[post][:-1]],
                         columns=[metric_label(c) for c in compared if differs.at[post, c]])
                 for post in other[:REPEATS_NAMED]]
        if len(other) > REPEATS_NAMED:
            named.append(Message("imports.importers.repeated_more", more=len(other) - REPEATS_NAMED))
        notes.append((file, Message("imports.importers.repeated_post_id_differs", count=len(other), posts=named)))
    return notes


def _keep_latest(posts: pd.DataFrame, imported: list[ImportedFile], recency: Recency | None = None) -> pd.DataFrame:
    """One row per (platform, post id). A post id repeated within one file is a warning of that file, whose
    last row is kept (_repeated_rows_notes names the rows when they differ). Across files, read oldest export
    first (`recency`; None: as `imported` lists them, counted only), a post's row from the newest export wins,
    and the files it replaces say which and why (record_replaced); a value it lacks (a column its export does
    not carry, a cell left blank or found impossible) is taken from the most recent older export that has it,
    and counted in a warning of the winning file. A set of FILLED_TOGETHER comes from one export: a winner
    with none of it takes it from the newest older export with any of it; one with part of it, from the newest
    older export with all of it, else keeps its part."""
    key = ["platform", "post_id"]
    reports = {str(item.report.path): item.report for item in imported}
    # one file: its repeats are all there is (no source_file to hash: a million-row export reads faster)
    in_file = key if len(imported) == 1 else key + ["source_file"]
    within = posts.duplicated(in_file, keep="last")
    if within.any():
        for file, note in _repeated_rows_notes(posts, in_file):
            reports[file].warnings.append(note)
    posts = posts[~within]
    if len(imported) == 1:
        return posts
    repeated = posts.duplicated(key, keep=False)
    if not repeated.any():
        return posts
    replaced = posts.duplicated(key, keep="last")
    newest = posts.groupby(key, sort=False, dropna=False)["source_file"].transform("last")
    record_replaced(reports, posts.loc[replaced, "source_file"], newest[replaced], recency)

    group = posts[repeated]
    winners = group[~group.duplicated(key, keep="last")]
    kept = winners.set_index(key)
    together = [[c for c in columns if c in group] for columns in FILLED_TOGETHER]
    alone = [c for c in group.columns if c not in key and not any(c in columns for columns in together)]
    filled = pd.DataFrame(False, index=kept.index, columns=kept.columns)
    newest = group.groupby(key, sort=False, dropna=False)[alone].last().reindex(kept.index)  # newest value present
    gaps = kept[alone].isna() & newest.notna()
    kept[alone] = kept[alone].mask(gaps, newest)
    filled[alone] = gaps
    for columns in together:
        values = [c for c in columns if c not in _COMPANIONS]
        if not values:
            continue
        # a winner with none of the set takes the newest older row with any of it; one with part of the set
        # takes the newest older row with all of it (or keeps its part)
        has = kept[values].notna()
        for needed, lacking in ((group[values].notna().any(axis=1), ~has.any(axis=1)),
                                (group[values].notna().all(axis=1), has.any(axis=1) & ~has.all(axis=1))):
            # the newest such ROW (groupby.last would take each column's newest value, mixing exports again)
            source = group[needed].drop_duplicates(key, keep="last").set_index(key)[columns].reindex(kept.index)
            gaps = lacking & source[values].notna().any(axis=1)
            mine, theirs = kept.loc[gaps, values], source.loc[gaps, values]
            filled.loc[gaps, values] = (theirs.notna() & (mine.isna() | mine.ne(theirs))).fillna(False).astype(bool)
            kept.loc[gaps, columns] = source.loc[gaps, columns]
    counts = filled.sum(axis=1).groupby(kept["source_file"].to_numpy()).sum()
    for file, count in counts.items():
        if count:
            reports[file].warnings.append(Message("imports.importers.filled_from_older", count=int(count)))
    kept = kept.reset_index()[posts.columns].set_axis(winners.index)
    return pd.concat([posts[~repeated], kept.astype(posts.dtypes.to_dict())]).sort_index()


def load_exports(paths, *, client: str = "client", timezone: str | None = None,
                 family: str | None = None, platform: str | None = None, **options) -> pd.DataFrame:
    """The canonical post table from export files (see `import_exports` for the import report)."""
    return import_exports(paths, client=client, timezone=timezone, family=family, platform=platform,
                          **options).posts
