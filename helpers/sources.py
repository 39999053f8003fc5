"""A client's exports as the workbook's tables: one loading path for the report, the explorer and the lesson.

A roster (or a folder) lists a client's exports without saying which is which; each file is recognised by
its header and sorted into posts, daily series or paid delivery. A file that is none of the three gets the
post-level error, which names the closest known family. `load_client` then imports the posts, attaches
follower counts from daily series, and adds the per-post metrics of both lenses.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from .errors import ExportFormatError, ExportsUnreadable, FileUnreadable, NotReadHere, WorkbookError
from .i18n import InLanguages
from .importers.base import file_labels  # noqa: F401  (named by the report and the explorer)

if TYPE_CHECKING:
    from .importers import ImportResult


@dataclass
class Sources:
    post_files: list[Path] = field(default_factory=list)
    daily_files: list[Path] = field(default_factory=list)
    paid_files: list[Path] = field(default_factory=list)
    daily: pd.DataFrame | None = None
    daily_notes: list = field(default_factory=list)  # rows left out and warnings, as Messages
    daily_reports: list = field(default_factory=list)  # one FileReport per daily file
    paid: pd.DataFrame | None = None
    paid_reports: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (path, why: a SkipReason) for files no family reads
    # those that may hold posts: unreadable, a lone xlsx copy, empty, a zip of exports, a spreadsheet not read
    # here (an .xls, an .ods, a Numbers document)
    unread: list = field(default_factory=list)
    mapped: dict = field(default_factory=dict)  # post files read through a column mapping: {file: mapping file}


class SkipReason(InLanguages):
    """Why a file of a folder was skipped (Sources.skipped): what was said (`said`: an error or a Message),
    shown in the reader's language. As a str it is the whole error, naming the file, in the language active
    when the file was skipped, as the messages listing each skipped file's reason quote it; `note(tr)` puts the
    problem first, without the file's path, for a table whose own column names the file (Loaded.files), where
    a path first leaves no room for the advice after it."""

    said: object

    def __new__(cls, said):
        from .i18n import localised

        self = str.__new__(cls, localised(said))
        self.said, self.texts = said, {}
        return self

    def __reduce__(self):
        return (SkipReason, (self.said,))

    def in_language(self, tr) -> str:
        return tr.message(self.said)

    def note(self, tr) -> str:
        if isinstance(self.said, ExportFormatError):
            return self.said.in_language(tr, located=False)
        return tr.message(self.said)


def split_exports(files: list[Path], *, client: str = "client", timezone: str | None = None,
                  skip_unknown: bool = False, mapped: dict | None = None, mapping: Path | None = None,
                  **options) -> Sources:
    """Recognise each file (post, daily or paid family) and load the daily and paid tables. A file no family
    reads is an error naming it; with `skip_unknown` (a whole folder, which may hold notes or other
    downloads) it is listed in `skipped` with the reason instead, unless it resembles an export (an edited
    header, say), which stays an error: skipped quietly, its posts would be missing from every total. A file
    recognised but not read (NotReadHere: YouTube's breakdown 'Chart data'), a file the system will not let the
    workbook open and a spreadsheet copy of a CSV export with no CSV beside it are skipped with their reason too,
    in a folder; named alone, each is an error.
    A workbook holding posts and a daily series (holds_daily_series) feeds both tables. A zip archive is never
    read: skipped with a note when its export files are among `files`, extracted (extracted_archive), else an
    error saying what it holds and to extract it, or, with `skip_unknown`, skipped with that error. With
    `skip_unknown`, a document no platform exports in (a PDF, a screenshot: reading.document_error) is skipped
    with what it is, unopened. With `skip_unknown`, a file of a family that holds nothing the workbook reads
    (Family.not_read: Meta's Audience.csv, an audience breakdown) is skipped with why, not listed as a daily
    series of no day; a roster reads it, and its import notes say so.
    `mapped` ({file: mapping file}: a roster's entries with a mapping, importers.export_entries) are post files
    read through their mapping, unrecognised; `mapping` reads through it a CSV file no family recognises when
    its header has the columns the mapping names (sort_file).
    Without `skip_unknown` (a roster's files), every file refused is named at once, each with its own error
    (ExportsUnreadable; one alone keeps its own): fixing or moving one must not only lead to the next."""
    from .daily import import_daily_series
    from .paid import import_paid_delivery

    sources = Sources(mapped=dict(mapped or {}))
    refused = []  # without skip_unknown, every file refused, each with its own error, raised together below
    for path in files:
        if path in sources.mapped:
            sources.post_files.append(path)
            continue
        try:
            tables, why, unread = sort_file(path, files, skip_unknown=skip_unknown, mapping=mapping)
        except ExportFormatError as error:
            if skip_unknown:  # a folder: the explorer finds the others by reading again (every_file_problem)
                raise
            refused.append(error)
            continue
        if why is not None:
            sources.skipped.append((path, why))
            if unread:
                sources.unread.append(path)
        if tables == ("mapped",):
            sources.mapped[path] = mapping
            tables = ("posts",)
        for table in tables:
            {"posts": sources.post_files, "daily": sources.daily_files, "paid": sources.paid_files}[table].append(path)
    if refused:
        raise refused[0] if len(refused) == 1 else ExportsUnreadable(refused, where="files")
    while sources.daily_files:
        try:
            result = import_daily_series(sources.daily_files, client=client, **options)
        except NotReadHere as unread:  # a breakdown beside its download's totals: skipped in a folder
            same = [p for p in sources.daily_files if p.resolve() == unread.path.resolve()]
            if not skip_unknown or not same:
                raise
            sources.daily_files.remove(same[0])
            sources.skipped.append((same[0], SkipReason(unread)))
            continue
        sources.daily, sources.daily_notes = result.daily, result.drops() + result.warnings()
        sources.daily_reports = result.reports
        break
    if sources.paid_files:
        result = import_paid_delivery(sources.paid_files, client=client)
        sources.paid, sources.paid_reports = result.table, result.reports
    return sources


def sort_file(path: Path, files: list[Path], *, skip_unknown: bool = False, mapping: Path | None = None,
              advice: str = "folder") -> tuple[tuple[str, ...], str | None, bool]:
    """Where split_exports sends one of `files`: the tables it goes to ('posts', 'daily', 'paid'; a workbook
    holding posts and a daily series goes to both), or, none, why it is skipped (a SkipReason) and whether it
    may hold posts (Sources.unread: unreadable, a lone spreadsheet copy, empty, a zip archive holding export
    files not extracted beside it, a spreadsheet in a format not read here: an .xls, an .ods, a Numbers
    document, reading.spreadsheet_error; the workspace's warnings name each with what to do). An .xls, an .xlsb
    or an .ods saved again as .xlsx or CSV beside it (converted_spreadsheet) is skipped with a note, in a roster
    too, as an extracted zip is; alone, a roster's pattern taking it is an error, as for a zip of exports. One
    sorting for a folder loaded whole and for `python -m helpers inspect FOLDER`; see split_exports for what
    `skip_unknown` skips and what stays an error.
    With a column `mapping` (a file, checked before: explore.load_folder), a CSV file no family recognises
    goes to ('mapped',), posts read through it, when its header has every column the mapping names; one it
    does not fit is skipped (or refused) with what it lacks beside why no family reads it. Without one, a file
    of a folder no family recognises is said how to read it through a mapping, worded for `advice` (where the
    folder was given: importers.MAPPING_ADVICE)."""
    from .daily import detect_daily_family
    from .i18n import Message
    from .importers import detect_family, with_mapping_advice
    from .importers.reading import archive_error, archive_files, document_error, spreadsheet_error
    from .paid import detect_paid_family

    if skip_unknown and (document := document_error(path)) is not None:
        return (), SkipReason(document), False
    if (spreadsheet := spreadsheet_error(path)) is not None:  # an .xls, an .ods, a Numbers document: no reader
        if (converted := converted_spreadsheet(path, files)) is not None:  # saved as .xlsx beside it: read there
            return (), SkipReason(converted), False
        if skip_unknown:  # here, and an export saved so holds posts
            return (), SkipReason(spreadsheet), True
        raise spreadsheet
    if (inside := archive_files(path)) is not None:  # a zip a platform downloaded: its files are not read
        if (extracted := extracted_archive(path, inside, files)) is not None:
            return (), SkipReason(extracted), False
        if skip_unknown:  # Meta, X and YouTube download their exports zipped: a platform's posts may be inside
            return (), SkipReason(archive_error(path, inside)), archive_of_exports(inside)
        raise archive_error(path, inside)
    try:
        if _sheet_copy_beside_its_workbook(path, files):  # import_exports leaves it out, with a note
            return ("posts",), None, False
        family = detect_family(path)
        if skip_unknown and (copy := _lone_spreadsheet_copy(path, family, files)) is not None:
            return (), SkipReason(copy), True
        # LinkedIn's workbook: its Metrics sheet too
        return ("posts", "daily") if holds_daily_series(path, family) else ("posts",), None, False
    except FileUnreadable as unreadable:  # in a folder, skipped and listed with why, as any file not read
        if not skip_unknown:
            raise
        return (), SkipReason(unreadable), True
    except ExportFormatError as post_error:
        error = post_error
    for detect, table in ((detect_daily_family, "daily"), (detect_paid_family, "paid")):
        try:
            found = detect(path)
        except ExportFormatError:
            continue
        if skip_unknown and found.not_read is not None:  # Audience.csv: an export, of nothing read here
            return (), SkipReason(found.not_read), False
        return (table,), None, False
    if mapping is not None and getattr(error.problem, "key", None) == "imports.importers.unknown_export":
        if not (misfits := _mapping_misfits(path, mapping)):
            return ("mapped",), None, False
        error = ExportFormatError(error.path, error.problem, expected=error.expected,
                                  hint=Message("imports.sources.mapping_does_not_fit", hint=error.hint.values["hint"],
                                               mapping=Path(mapping).name, problems=misfits))
    elif skip_unknown:  # a folder: read through a mapping by load_folder's mapping= (inspect's --mapping)
        error = with_mapping_advice(error, advice)
    if not skip_unknown or _resembles_an_export(path):
        raise error
    # an empty file (an interrupted download), a web page saved as .xls (a spreadsheet opens it): posts missing
    return (), SkipReason(error), _is_empty_file(error) or _named_spreadsheet(error)


def _mapping_misfits(path: Path, mapping: Path) -> list:
    """Why a column mapping cannot read a file no family recognises: not a delimited text file (a workbook),
    or the columns it names that the file's header lacks (mapped_csv.fit_problems); [] when it can."""
    from .i18n import Message
    from .importers import mapped_csv
    from .importers.reading import is_workbook

    if is_workbook(path):
        return [Message("imports.sources.mapping_not_csv")]
    try:
        return mapped_csv.fit_problems(mapped_csv.read_mapping(mapping), path)
    except ExportFormatError as error:
        return [error.problem]


def _is_empty_file(error: ExportFormatError) -> bool:
    """Whether a file's error says it is empty (reading.text_encoding: no byte but blanks), as a download that
    was interrupted leaves it."""
    return getattr(error.problem, "key", None) == "imports.reading.empty"


def _named_spreadsheet(error: ExportFormatError) -> bool:
    """Whether a file's error says it is named as a spreadsheet of a format not read here and holds no export
    as text (reading.named_spreadsheet_error): a spreadsheet program opens it, and an export saved so holds posts."""
    return getattr(error.problem, "key", None) == "imports.reading.other_spreadsheet_named"


def _lone_spreadsheet_copy(path: Path, family, files: list[Path]) -> ExportFormatError | None:
    """Why a spreadsheet copy of a CSV export (an xlsx, whatever its name says) with no CSV export beside it is
    not read (import_exports refuses it), or None when `path` is no such copy."""
    from .importers import _downloaded_beside
    from .importers.reading import is_workbook

    if family.spreadsheet or not is_workbook(path):
        return None
    try:
        _downloaded_beside(path, files, family, None)
    except ExportFormatError as error:
        return error
    return None


def archive_of_exports(inside: list[str]) -> bool:
    """Whether a zip archive holding the files `inside` (reading.archive_files) may hold posts: it holds a file
    of an export's type (a platform's zipped download). A zip of pictures holds none. (A spreadsheet saved as a
    zip, a Numbers document or an .ods, is told apart before: sort_file.)"""
    from .paths import EXPORT_SUFFIXES

    return any(Path(name).suffix.lower() in EXPORT_SUFFIXES for name in inside)


def _sheet_copy_beside_its_workbook(path: Path, files: list[Path]) -> bool:
    """Whether `path` is a CSV saved from one sheet of a workbook export (importers.copied_sheet) whose .xlsx is
    among `files` beside it: import_exports leaves such a copy out, with a note; alone, it is refused."""
    from .importers import _downloaded_beside, copied_sheet, read_header_names

    if (sheet := copied_sheet(path, read_header_names(path))) is None:
        return False
    try:
        _downloaded_beside(path, files, sheet[0], None)
    except ExportFormatError:
        return False
    return True


def extracted_archive(path: Path, inside: list[str], files: list[Path]):
    """The note for a zip archive holding the files `inside` (reading.archive_files) when each of its export
    files is among `files` (the same name and size, in any folder): extracted, they are read, and the zip adds
    nothing. None when one of them is not there, or it holds no export file."""
    import zipfile

    from .i18n import Message
    from .paths import EXPORT_SUFFIXES

    exports = [name for name in inside if Path(name).suffix.lower() in EXPORT_SUFFIXES]
    if not exports:
        return None
    with zipfile.ZipFile(path) as archive:
        sizes = {name: archive.getinfo(name).file_size for name in exports}
    there = {(Path(p).name, Path(p).stat().st_size) for p in files if Path(p) != Path(path)}
    if not all((Path(name).name, sizes[name]) in there for name in exports):
        return None
    return Message("imports.sources.archive_extracted", count=len(exports),
                   files=", ".join(Path(name).name for name in exports))


#: The types a spreadsheet in a format not read here is saved as, to be read (reading.other_spreadsheet_hint).
CONVERTED_SUFFIXES = (".xlsx", ".xlsm", ".csv")


def converted_spreadsheet(path: Path, files: list[Path]):
    """The note for an .xls, an .xlsb or an .ods (reading.spreadsheet_format) with a file of its name saved as
    .xlsx, .xlsm or CSV beside it among `files`: saved again as the advice asks, that file is read in its place,
    and the old one, left behind, adds nothing, as a zip extracted beside it (extracted_archive). None otherwise:
    alone, it is named with how to save it (reading.spreadsheet_error)."""
    from .i18n import Message
    from .importers.reading import NAMED_FORMATS, spreadsheet_format

    if (kind := spreadsheet_format(path)) not in NAMED_FORMATS.values():
        return None
    path = Path(path)
    saved = [p for p in map(Path, files) if p != path and p.parent == path.parent and p.stem == path.stem
             and p.suffix.lower() in CONVERTED_SUFFIXES]
    if not saved:
        return None
    return Message("imports.sources.spreadsheet_converted", files=[p.name for p in sorted(saved)],
                   format=Message(f"imports.reading.spreadsheet_format.{kind}"))


def holds_daily_series(path: Path, family) -> bool:
    """Whether a post export of `family` also holds the daily series of the daily family it names
    (Family.daily_family: LinkedIn's company page workbook, posts on `All posts` and the page's days on
    `Metrics`), so that one file feeds both tables: that family's whole signature is in the file's header."""
    from .daily import daily_family_named
    from .importers import read_header_names

    if not family.daily_family:
        return False
    return not daily_family_named(family.daily_family).missing_from(read_header_names(path))


def _resembles_an_export(path: Path) -> bool:
    """Whether the file's header holds a good part of a known export's signature (two columns at least, and
    half of it) without being ruled out as a table of another kind (a day-by-day chart of the same videos is
    ruled out: it is surely not posts)."""
    from .daily import DAILY_FAMILIES
    from .importers import FAMILIES, read_header_names
    from .importers.base import closest_family, resembles
    from .paid import PAID_FAMILIES

    try:
        names = read_header_names(path)
    except ExportFormatError:  # not text, empty: nothing an export would be
        return False
    return any(resembles(closest_family(families, names)[0], names)
               for families in (FAMILIES, DAILY_FAMILIES, PAID_FAMILIES))


@dataclass
class Loaded:
    """A client's posts with per-post metrics, the import report, and the daily and paid tables."""

    posts: pd.DataFrame
    imported: "ImportResult"
    sources: Sources
    client: str = "client"  # as loaded: a table without posts names no client in its rows

    @property
    def daily(self) -> pd.DataFrame | None:
        return self.sources.daily

    @property
    def paid(self) -> pd.DataFrame | None:
        return self.sources.paid

    def warnings(self) -> list:
        """What to read before trusting a figure, as Messages shown in the active language (i18n.Notes): each
        file's data-quality warnings (imported.warnings()) and, for a platform whose posts come from several
        accounts (two pages in one download folder), which accounts and how to choose one: every figure of
        that platform pools them; the files skipped that may hold posts (unread_notes); and a YouTube
        Totals.csv that nothing ties to the YouTube Content tables read (untied_youtube_totals)."""
        from .i18n import Message, code_span

        notes = self.imported.warnings()  # i18n.Notes: added to in place, so that it stays one
        if note := no_post_export(self.posts):  # every view of posts is empty, and why
            notes.append(note)
        notes += unread_notes(self.sources)
        for platform, accounts in several_accounts(self.posts).items():
            select = f"explore.select_posts(workspace.posts, platform={platform!r}, account={accounts[0]!r})"
            notes.append(Message("imports.explore.several_accounts", platform=Message(f"platform.{platform}"),
                                 count=len(accounts), accounts=accounts, select_call=code_span(select),
                                 report_call=code_span(f"explore.report_view(workspace, account={accounts[0]!r})")))
        notes += untied_youtube_totals(self.imported.reports, self.sources.daily_reports)
        return notes

    def files(self, language: str | None = None) -> pd.DataFrame:
        """Every file read: the table it went into, the rows imported, and what the import noted (rows left
        out and why, data-quality warnings); a skipped file with why it was skipped, the problem first (the
        file is named in its own column: SkipReason.note). The table's name and the notes are in `language`,
        by default the one active when it is called (i18n.use_language); the headings stay as keys."""
        from .importers.base import file_drops, file_warnings
        from .i18n import active_language, translator

        tr = translator(language or active_language())
        read = [(table, report) for table, reports in (("posts", self.imported.reports),
                                                       ("daily", self.sources.daily_reports),
                                                       ("paid", self.sources.paid_reports))
                for report in reports]
        labels = file_labels([r.path for _, r in read] + [p for p, _ in self.sources.skipped])
        rows = []
        for (table, report), label in zip(read, labels):
            notes = [tr.message(m).removeprefix(f"{report.path.name}: ")  # the file has its own column
                     for m in file_drops([report]) + file_warnings([report])]
            rows.append({"file": label, "table": tr.t(f"imports.explore.table_{table}"),
                         "imported": rows_used(report, daily=table == "daily"), "notes": "; ".join(notes)})
        rows += [{"file": label, "table": tr.t("imports.explore.table_skipped"), "imported": 0,
                  "notes": why.note(tr) if isinstance(why, SkipReason) else tr.message(why)}
                 for (_, why), label in zip(self.sources.skipped, labels[len(read):])]
        return pd.DataFrame(rows, columns=["file", "table", "imported", "notes"])


def unread_notes(sources: Sources) -> list:
    """A note for each file of a folder that was skipped but may hold posts (Sources.unread: one the system
    will not open, an Excel workbook under a .csv name, an empty file, a zip archive of exports, a spreadsheet
    in a format not read here: an .xls, an .ods, a Numbers document), with why and what to do (extract the zip,
    save it as .xlsx or CSV): their posts are missing from every figure, which must not go without a word, nor
    send the analyst to the files table for the remedy. For the workspace's warnings and the report view's Data
    coverage alike; empty when there is none."""
    from .i18n import Message

    reasons = dict(sources.skipped)
    notes = []
    for path, label in zip(sources.unread, file_labels(sources.unread)):
        said = getattr(reasons.get(path), "said", None)
        if isinstance(said, ExportFormatError) and said.hint:
            notes.append(Message("imports.explore.unread_file", file=label, reason=said.problem, advice=said.hint))
        else:  # no advice of its own: files() says why
            notes.append(Message("imports.explore.unread_files", files=label))
    return notes


class LeftOut(NamedTuple):
    """Files a client's patterns leave out (left_out_exports): a folder of the client's own the look went through,
    the files in it or its subfolders that may be exports and that no pattern reads, and the pattern that would
    read what the folder holds (None where a subfolder holds another client's exports, which it would read too); `files`
    holds at most LEFT_OUT_KEPT of them, `count` says how many were found and `more` which limit stopped the look
    before the end, so that there may be more (or some where none was found): "entries" (the walk's,
    paths.WALK_LIMIT) or "headers" (HEADERS_LOOKED_AT), "" where the folder was looked through in full.
    `refused`: those of `files` in a spreadsheet format not read here (an .xls named as an export), which a
    pattern would take only to refuse: the render's summary says to save them as .xlsx or CSV instead."""

    folder: Path
    files: list
    pattern: Path | None
    count: int = 0
    more: str = ""
    refused: tuple = ()  # those of `files` in a format not read here (an .xls): to save as .xlsx or CSV first


#: How many of the files a client's patterns pass over LeftOut keeps by name (the summary names ten at most, the
#: report five): a folder of thousands must not carry thousands of paths into the report's facts.
LEFT_OUT_KEPT = 10


def _file_key(path: Path):
    """One file however it is reached (another spelling, a link): its device and inode, else its full path."""
    try:
        found = Path(path).stat()
    except OSError:
        return Path(path).resolve()
    return (found.st_dev, found.st_ino)


#: How many files left_out_exports opens to read their header, in one folder: beyond, there may be more.
HEADERS_LOOKED_AT = 200


def holds_an_export(path: Path) -> bool:
    """Whether the workbook detects, from the file's first rows alone, an export it reads: sort_file, as a folder
    is read, sends it to a table (posts, daily or paid; no rows read). A dataset's description
    (Facebook_metrics.txt), notes, a family holding nothing read (Meta's Audience.csv) and a YouTube breakdown
    ('Chart data.csv': Totals.csv's columns with a dimension, which the daily reader skips) are none; nor is a
    file that cannot be opened."""
    from .daily import detect_daily_family
    from .importers import read_header_names
    from .importers.daily_youtube import DIMENSIONS, FAMILY as TOTALS

    try:
        tables, _, _ = sort_file(path, [path], skip_unknown=True)
        if tables == ("daily",) and detect_daily_family(path).name == TOTALS.name:
            return not any(dimension in read_header_names(path) for dimension in DIMENSIONS)
    except (WorkbookError, OSError):
        return False
    return bool(tables)


#: File names platforms give their exports, which an old spreadsheet (an .xls) passed over by a client's patterns
#: must bear to be named among the files they leave out (named_as_an_export): LinkedIn's `<page>_content_<id>`
#: (and its updates, followers and visitors), Facebook's old Insights data export.
_EXPORT_NAMES = (re.compile(r"_(content|updates|followers|visitors)_\d+$", re.I),
                 re.compile(r"^Facebook Insights Data Export\b", re.I))


def named_as_an_export(path: Path) -> bool:
    """Whether a file's name is one a platform gives its exports (_EXPORT_NAMES), or holds the two dates of the
    days it covers (Business Suite, X, TikTok: stated_days). An .xls or an .ods beside a client's CSVs is far
    more often an invoice or a budget: named in the client's report only with this evidence that it is an export."""
    from . import periods
    from .importers.yearless_dates import dates_in_name

    stem = Path(path).stem
    return any(name.search(stem) for name in _EXPORT_NAMES) \
        or len(dates_in_name(Path(path), first_year=periods.FIRST_YEAR)) >= 2


def _looked_at_first(path: Path):
    """The order left_out_exports opens files in: archives and spreadsheets (.xlsx), fewer and more often a
    platform's whole export, before plain text files, then by path."""
    from .paths import ARCHIVE_SUFFIXES, SPREADSHEET_SUFFIXES

    return (path.suffix.lower() not in ARCHIVE_SUFFIXES + SPREADSHEET_SUFFIXES + (".xlsx", ".xlsm"), path)


#: A file-name part that selects by type alone: stars, then at most one extension (`*`, `*.csv`, `*.*`, `*.xlsx`).
_BY_TYPE_ONLY = re.compile(r"\*+(\.[^.]*)?")


def selects_by_type_only(pattern: str | Path) -> bool:
    """Whether a pattern's file-name part takes a folder's files by their type alone (`*`, `*.csv`, `*.*`): the
    slip left_out_exports looks for, LinkedIn's .xlsx or a platform's subfolder passed over beside `*.csv`. A name
    part that filters by name (`acme_*.csv`, `*_2026*.csv`) chooses within a folder that may be shared (every
    client's downloads side by side), and an exact name (`Table data.csv`) picks one file wherever the folder's
    wildcard leads (`Clients/*/posts.csv`, anyone's folder): the files either leaves aside are evidently no slip,
    and naming them may name another company's files in this client's report."""
    return bool(_BY_TYPE_ONLY.fullmatch(Path(pattern).name))


def _looked_from(pattern: Path) -> list[Path]:
    """The folders left_out_exports starts its look at for a pattern taking files by type alone: the pattern's
    fixed folder (paths.pattern_folder) when every part below it is a whole `*` or `**` (`acme/*/*.csv`,
    `acme/**/*.csv`: acme/ is the client's folder, and LinkedIn's .xlsx in acme/linkedin/ is passed over);
    otherwise the folders of the files it matched: a wildcard within a name (`Clients/Acme **b**/posts/*.csv`)
    or a name after a wildcard (`exports/*/acme/*.csv`, a folder per month holding every client's folder) makes
    the fixed folder every client's."""
    from .paths import glob_exports, pattern_folder

    fixed = pattern_folder(pattern)
    between = pattern.parts[len(fixed.parts):-1]
    if all(part in ("*", "**") for part in between):
        return [fixed.resolve()]
    return list(dict.fromkeys(p.parent.resolve() for p in glob_exports(pattern)[0]))


def left_out_exports(patterns, read, elsewhere=()) -> list[LeftOut]:
    """Files that may be exports (paths.exports_under: an export type, an archive or a spreadsheet in a format
    not read here) in the client's own folders, or in their subfolders, that none of the glob `patterns` reads:
    not among `read` (the client's files), nor `elsewhere` (files the roster gives other clients). A pattern
    `*.csv` passes over a subfolder per platform and LinkedIn's .xlsx without a word, and a platform whose export
    lies there is missing from the report.
    A client's own folder is where a pattern taking files by type alone (selects_by_type_only) starts
    (_looked_from): its fixed part when every folder part below it is a whole `*` or `**`, else the folders of the
    files it matched (`Clients/Acme **b**/…` and `exports/*/acme/…` would start at every client's folder); never
    a pattern choosing by name. A folder holding a file of `elsewhere` is shared and not looked into, nor is a subfolder
    whose tree holds one: the report goes to this client, and other companies' file names must not be in it.
    A copy of a file read (`posts.xlsx` beside the `posts.csv` read) and a zip archive whose exports are read,
    extracted (extracted_archive), are no more exports; a file is named only when its header is one of an export
    the workbook reads (holds_an_export: first rows only, never the posts, for at most HEADERS_LOOKED_AT files a
    folder, archives and spreadsheets first: a LinkedIn .xlsx among hundreds of plain CSVs is still looked at),
    or when it is an archive whose export may be inside, or a spreadsheet in a format not read here
    (reading.spreadsheet_format: an .xls) named as an export (named_as_an_export; LeftOut.refused), which an
    invoice.xls or a budget.ods beside the exports is not.
    A folder whose look stopped at a limit is kept, with no files where none was found, so that the report says
    it was not looked through in full. A path that names a file is no pattern and looks in no folder."""
    from .importers.reading import archive_files, spreadsheet_format
    from .paths import as_spelled_on_disk, exports_under, is_pattern, resolve

    theirs = [Path(p).resolve() for p in elsewhere]
    full = [path for pattern in patterns if is_pattern(path := as_spelled_on_disk(resolve(pattern)))
            and selects_by_type_only(path)]
    folders = [f for f in dict.fromkeys(folder for path in full for folder in _looked_from(path))
               if f.is_dir() and not any(p.parent == f for p in theirs)]
    folders = [f for f in folders if not any(f != other and f.is_relative_to(other) for other in folders)]
    read = [Path(p) for p in read]
    taken, others = {_file_key(p) for p in read}, {_file_key(p) for p in elsewhere}
    known = taken | others
    copied = {(p.resolve().parent, p.stem) for p in read}
    found = []
    for folder in folders:
        skip = frozenset(folder / p.relative_to(folder).parts[0] for p in theirs if p.is_relative_to(folder))
        walked, stopped = exports_under(folder, skip=skip)
        more = "entries" if stopped else ""
        under = {path: _file_key(path) for path in walked}
        candidates = sorted((path for path, key in under.items() if key not in known
                             and (path.resolve().parent, path.stem) not in copied), key=_looked_at_first)
        files, refused = [], []
        for number, path in enumerate(candidates):
            if number == HEADERS_LOOKED_AT:  # the headers of the rest are not opened: there may be more
                more = more or "headers"
                break
            if spreadsheet_format(path) is not None:  # an invoice.xls is no export: only one named as one
                if named_as_an_export(path):
                    files.append(path)
                    refused.append(path)
                continue
            inside = archive_files(path)
            if (inside is not None and not extracted_archive(path, inside, read)) \
                    or (inside is None and holds_an_export(path)):
                files.append(path)
        files.sort()
        if files or more:
            shared = bool(skip) or any(key in others for key in under.values())  # a pattern over it would read theirs
            deeper = any(path.parent != folder for path in files)
            pattern = None if shared else folder / "**" / "*" if deeper else folder / "*"
            found.append(LeftOut(folder, files[:LEFT_OUT_KEPT], pattern, len(files), more,
                                 tuple(sorted(refused)[:LEFT_OUT_KEPT])))
    return found


def left_out_of_periods(found: list[LeftOut], spans) -> list[LeftOut]:
    """`found` (left_out_exports) less the files that say they cover days (stated_days: the dates in their name)
    wholly outside every one of `spans` ((first, last) dates, both included: the report's period and its
    comparison): an old download left beside the exports holds none of the report's posts, and telling the client
    its posts are missing would be false. A folder left with no file named is left out too, unless its look
    stopped at a limit (LeftOut.more), which the report still says."""
    def outside(path) -> bool:
        days = stated_days(path)
        return days is not None and all(days[1] < first or days[0] > last for first, last in spans)

    kept = []
    for one in found:
        gone = [path for path in one.files if outside(path)]
        if gone and len(gone) == len(one.files) and not one.more:
            continue
        kept.append(one._replace(files=[p for p in one.files if p not in gone], count=one.count - len(gone),
                                 refused=tuple(p for p in one.refused if p not in gone)) if gone else one)
    return kept


def several_accounts(posts: pd.DataFrame) -> dict[str, list[str]]:
    """The platforms whose posts come from more than one account (page, profile, channel, as the exports name
    it), each with its accounts' names in order. Every figure of such a platform pools the accounts' posts:
    the client report says so in its coverage notes, the explorer in the workspace's warnings. A post whose
    export names no account counts as none."""
    named = posts[posts["account"].notna()]
    return {str(platform): names for platform, group in named.groupby("platform", sort=True, observed=True)
            if len(names := sorted(group["account"].astype(str).unique())) > 1}


def untied_youtube_totals(post_reports, daily_reports) -> list:
    """A warning, naming the file, for each YouTube Studio Totals.csv read as the daily series whose folder holds
    none of the YouTube Content tables read (when some were): a download keeps its Totals.csv beside its table,
    and neither names a channel, so nothing ties such a file to their channel: it may be another channel's
    (beside a table grouped by country, say, which is skipped). Its days cannot be matched to their videos
    instead: a Content table does not say which days it covers. A Totals.csv beside one of them is its own."""
    from .i18n import Message
    from .importers.daily_youtube import FAMILY as TOTALS
    from .importers.youtube_studio import FAMILY as CONTENT

    folders = list(dict.fromkeys(Path(r.path).resolve().parent for r in post_reports if r.family == CONTENT.name))
    labels = file_labels([r.path for r in daily_reports])
    return [Message("imports.file_note", file=label, note=Message(
                "imports.sources.youtube_totals_untied", folder=repr(Path(r.path).resolve().parent.name),
                folders=[repr(folder.name) for folder in folders]))
            for r, label in zip(daily_reports, labels)
            if folders and r.family == TOTALS.name and Path(r.path).resolve().parent not in folders]


def rows_used(report, daily: bool = False) -> int:
    """The rows a file contributes: posts or ad-report rows imported less those a newer export replaced; for
    a daily file its days (its replaced count is of day-and-metric values, not days)."""
    return report.rows_imported - (0 if daily else report.superseded)


def load_client(files: list[Path], *, client: str = "client", timezone: str | None = None,
                skip_unknown: bool = False, mapped: dict | None = None, mapping: Path | None = None,
                posts_required: bool = True, **options) -> Loaded:
    """Import a client's files: posts (with followers from daily series where the posts lack them) and the
    per-post metrics of both lenses; an error when none of the files is a post-level export. `skip_unknown`,
    `mapped` (files read through their column mapping) and `mapping` (one for the files no family reads): see
    split_exports. `posts_required=False` (the explorer) takes files holding only daily series or Ads Manager
    reports: their tables are read, and the post table is empty (its columns, no rows; no_post_export says
    so). A folder of no export at all is an error still."""
    from . import metrics
    from .i18n import Message
    from .importers import import_exports
    from .importers.reading import archive_files, document_error, spreadsheet_format

    sources = split_exports(files, client=client, timezone=timezone, skip_unknown=skip_unknown, mapped=mapped,
                            mapping=mapping, **options)
    if not sources.post_files and not (not posts_required and (sources.daily_files or sources.paid_files)):
        # a .docx, a .pptx, an .ods or a Numbers document is a zip too, but no download to extract
        archives = [p for p, _ in sources.skipped if document_error(p) is None and spreadsheet_format(p) is None
                    and archive_files(p) is not None]
        if archives:  # the exports are likely inside: say so, and to extract them, rather than "no export"
            raise WorkbookError(Message("imports.sources.no_exports_zipped", files=[p.name for p, _ in sources.skipped],
                                        count=len(archives), archives=[p.name for p in archives]))
        if sources.skipped and not (sources.daily_files or sources.paid_files):
            raise WorkbookError(Message("imports.sources.no_exports_at_all",
                                        files=file_labels([p for p, _ in sources.skipped]),
                                        reasons="\n".join(f"- {why}" for _, why in sources.skipped)))
        if sources.skipped:  # say which files were passed over, and the first one's reason
            one = "_one" if len(sources.skipped) == 1 else ""
            raise WorkbookError(Message("imports.sources.no_post_exports_skipped" + one,
                                        files=[p.name for p, _ in sources.skipped],
                                        why=sources.skipped[0][1].splitlines()[0]))
        raise WorkbookError(Message("imports.sources.no_post_exports"))
    if sources.post_files:
        imported = import_exports(sources.post_files, client=client, timezone=timezone, mapped=sources.mapped,
                                  **options)
    else:  # daily or paid files alone (posts_required=False): the post table's columns, no rows
        from . import schema
        from .importers import ImportResult

        posts = schema.empty_posts(timezone or "UTC")
        posts["client"] = pd.Series(client, index=posts.index, dtype="string")
        imported = ImportResult(posts=posts, reports=[])
    sources.daily_notes += untied_youtube_totals(imported.reports, sources.daily_reports)  # the report says so too
    posts = metrics.post_metrics(attach_followers(imported.posts, sources.daily), imported.interaction_components())
    posts = with_exports_read(posts, imported.reports)
    if not sources.post_files:
        posts.attrs[NO_POST_EXPORT] = no_post_export_note(sources)
    return Loaded(posts=posts, imported=imported, sources=sources, client=client)


#: The key of a post table's attrs (load_client) holding, when no post export was read at all (a folder of
#: daily series or Ads Manager reports only), the note saying so (no_post_export_note): the workspace's
#: warnings show it, and each view of posts gives it as its error or caption, the same words everywhere.
NO_POST_EXPORT = "no_post_export"


def no_post_export(posts: pd.DataFrame):
    """The note of a table (or one made from it) loaded from files none of which is a post export, else None."""
    return posts.attrs.get(NO_POST_EXPORT) or None


#: The platforms whose post export no_post_export_note names by name (imports.explore.post_export_of.<platform>).
POST_EXPORT_NAMED = ("facebook", "instagram", "x", "tiktok", "youtube", "linkedin")


def no_post_export_note(sources: Sources):
    """The one note of a folder read without a post export (load_client's posts_required=False): which daily
    series and Ads Manager reports were read, that the views of posts are therefore empty, and which post
    export to add, of the platforms those files are of (any post export where none is known)."""
    from .i18n import LANGUAGES, InLanguages, Message, translator

    reports = sources.daily_reports + sources.paid_reports
    read = "both" if sources.daily_reports and sources.paid_reports else "daily" if sources.daily_reports else "paid"
    platforms = [p for p in POST_EXPORT_NAMED if p in {r.platform for r in reports}] or ["any"]
    add = InLanguages({language: translator(language).join(
        [translator(language).t(f"imports.explore.post_export_of.{p}") for p in platforms], alternatives=True)
        for language in LANGUAGES})
    return Message("imports.explore.no_post_export", read=Message(f"imports.explore.no_post_export_read.{read}"),
                   files=file_labels(sorted((r.path for r in reports), key=lambda path: path.name)), add=add)


#: The key of a post table's attrs (load_client) naming the post exports read that hold none of its rows,
#: {file: [platform, family, rows in file]}: one listing only its header (a period without posts is exported so,
#: and so is a download that stopped after the header; its blank rows, if any, are not counted: FileReport.rows_listed),
#: or one a newer export replaced wholly. No row names such
#: a file, yet the days it covers are covered: explore.select_posts judges coverage with them, as the report does
#: with its import reports (export_periods), and summary_view names the header-only ones. Plain values, which
#: pandas copies with the table and can write.
EXPORTS_WITHOUT_POSTS = "exports_without_posts"
#: How many post exports read hold some of the table's rows (a table filtered down to nothing keeps it).
EXPORTS_WITH_POSTS = "exports_with_posts"


def with_exports_read(posts: pd.DataFrame, reports) -> pd.DataFrame:
    """`posts`, its attrs naming the post exports of `reports` (FileReports) that hold none of its rows
    (EXPORTS_WITHOUT_POSTS)."""
    held = set(posts["source_file"].dropna().astype(str)) if "source_file" in posts else set()
    posts.attrs[EXPORTS_WITHOUT_POSTS] = {str(r.path): [r.platform, r.family, int(r.rows_listed)]
                                         for r in reports if str(r.path) not in held}
    posts.attrs[EXPORTS_WITH_POSTS] = len(held)
    return posts


def only_header_read(posts: pd.DataFrame) -> list["ExportRead"]:
    """The post exports read into `posts` when every one of them lists only its header (no export read held a
    post): what an empty table owes to them. [] when some export held posts, so that a table filtered down to
    nothing is not blamed on a header-only export beside them, and for a table no export was read into."""
    if posts.attrs.get(EXPORTS_WITH_POSTS, 1):
        return []
    return exports_without_posts(posts, header_only=True)


class ExportRead(NamedTuple):
    """What export_periods reads of a file's import report, for an export a post table's attrs name
    (exports_without_posts): no period, since it holds none of the table's posts."""

    path: str
    platform: str | None
    family: str
    rows_in_file: int
    period: None = None

    def holds(self, platform: str) -> bool:
        """Whether its posts are `platform`'s (FileReport.holds: an export without posts has one platform)."""
        return platform == self.platform


def exports_without_posts(posts: pd.DataFrame, platform: str | None = None, *,
                          header_only: bool = False) -> list[ExportRead]:
    """The post exports (of `platform`) that `posts`' attrs name as holding none of its rows
    (EXPORTS_WITHOUT_POSTS), as the reports export_periods takes; `header_only`: those listing no row at all.
    Empty for a table no export was read into (one built by hand)."""
    named = posts.attrs.get(EXPORTS_WITHOUT_POSTS) or {}
    return [ExportRead(file, *values) for file, values in named.items()
            if (platform is None or values[0] == platform) and not (header_only and values[2])]


def covered_only_without_posts(spans: dict, holding: set, first, last) -> list[str]:
    """The exports of `spans` ({file: (first, last)}, export_periods) that hold no post (not in `holding`) and
    cover some day from `first` to `last` that no export holding posts covers, or [] when there is none: a
    header-only export says no more than a download that stopped after its header, so such days are no proof of
    an account that published nothing (what an export holding posts of other days says of a quiet stretch).
    The one judgement for the report's quiet finding and the explorer's empty selection."""
    with_posts = {file: span for file, span in spans.items() if file in holding}
    every = covered_days(pd.DataFrame(), first, last, spans=spans)[0]
    seen = covered_days(pd.DataFrame(), first, last, spans=with_posts)[0] if with_posts else []
    if covered_days_count(every) <= covered_days_count(seen):
        return []
    low, high = first or dt.date.min, last or dt.date.max
    return [file for file, (start, end) in spans.items() if file not in holding and start <= high and end >= low]


def attach_followers(posts: pd.DataFrame, daily: pd.DataFrame | None) -> pd.DataFrame:
    """Followers at the time of posting from a daily follower series, where the post table lacks them: the
    total at the end of the day before the post (the start of its day, so the follows the post itself
    brought are not counted), from a series no older than FOLLOWERS_TOLERANCE; NA otherwise. The post's day
    is its day in the client's time zone, matched to the series' day of that date: a series of another zone's
    days (daily.DAY_ZONES) would be up to a day off; Meta's page files, the one such series, carry no follower
    totals, so none is, and nothing is shifted by a guessed offset."""
    if daily is None or daily.empty or "followers" not in set(daily["metric"]):
        return posts
    from .daily import FOLLOWERS_TOLERANCE, followers_on

    posts = posts.copy()
    when = posts["published_at"]
    day_before = (when.dt.tz_localize(None) if isinstance(when.dtype, pd.DatetimeTZDtype) else when).dt.normalize() \
        - pd.Timedelta(days=1)  # on the calendar, so a day with a clock change is still one day
    for platform in posts["platform"].unique():
        mine = posts["platform"] == platform
        known = pd.Series(followers_on(daily, day_before[mine], platform, tolerance=FOLLOWERS_TOLERANCE),
                          index=posts.index[mine])
        filled = posts.loc[mine, "followers"].astype("Float64").fillna(known.astype("Float64"))
        posts.loc[mine, "followers"] = filled.round().astype("Int64")
    return posts


def export_periods(posts: pd.DataFrame, reports=(), platform: str | None = None,
                   siblings: pd.DataFrame | None = None) -> dict[str, tuple]:
    """{file: (first day, last day)} the post exports (of `platform`) cover: a file's period from the days it
    says it covers where it says (stated_days: the dates in its name, as Business Suite, X and TikTok write
    them, X's tweet activity naming the day after its last; the days of the daily sheet of LinkedIn's
    workbook), widened by a day at most to its own posts' days; else its first to its last post
    (FileReport.period when `reports` are given, else its posts in `posts`), whole months for a file with
    posts dated to the month only (the UCI dataset). A post table without source files (one built by hand)
    counts as one file. The one account of which days an export covers, for the report's coverage notes and
    for telling "no export covers these days" from "the account published nothing then" (covered_days).
    `siblings`: the table to find a named file's siblings in (_with_siblings), when `posts` is a selection of
    it (the explorer's chosen platform); default `posts`."""
    from . import periods
    from .importers.x_tweet_activity import named_to_day_after

    mine = posts if platform is None else posts[posts["platform"] == platform]
    files = mine["source_file"].astype(str) if "source_file" in mine else pd.Series("", index=mine.index)
    monthly = periods.month_dated(mine) if len(mine) else pd.Series(False, index=mine.index)
    days = mine["published_at"].dt.tz_localize(None).dt.normalize() if len(mine) else None
    spans, family = {}, {}
    for report in reports:
        if platform is None or report.holds(platform):
            family[str(report.path)] = report.family  # its posts may all have been superseded: no period
            spans[str(report.path)] = report.period and (report.period[0].date(), report.period[1].date())
    others = _other_platforms_days(posts if siblings is None else siblings, platform)
    for file in files.unique():
        if file not in spans:
            theirs = days[files == file]
            first, last = theirs.min().date(), theirs.max().date()
            if file in others.index:  # a file of several platforms (a scheduler's) covers its days for each
                first, last = min(first, others.at[file, "min"]), max(last, others.at[file, "max"])
            spans[file] = (first, last)
    for file in list(spans):
        if (stated := stated_days(file)) is not None:
            day_after = (family[file] == "x_tweet_activity") if file in family else named_to_day_after(Path(file))
            day = dt.timedelta(days=1)
            start, end = stated[0], stated[1] - day if day_after else stated[1]
            # widened to its own posts' days by a day at most: a name's days are the account's, which may not
            # be the table's (a Business Suite export written at Pacific time holds posts of the next day in
            # Johannesburg); posts further out are the file's own error (the importer warns), not days covered
            first, last = spans[file] or (end, end)
            first, last = _with_siblings(posts if siblings is None else siblings, reports, file, stated, first, last)
            spans[file] = (min(start, max(first, start - day)), max(end, min(last, end + day)))
        elif spans[file] is None:
            del spans[file]
        elif monthly[files == file].any():
            start, end = spans[file]
            spans[file] = (start.replace(day=1), (pd.Timestamp(end) + pd.offsets.MonthEnd(0)).date())
    return spans


def _other_platforms_days(posts: pd.DataFrame, platform: str | None) -> pd.DataFrame:
    """The first ("min") and last ("max") day of each file's posts of other platforms than `platform`, by file:
    a file holding several platforms' posts (a scheduler's export read through a mapping's `columns.platform`)
    covers the same days for each of them, as its import report's period does (export_periods)."""
    if platform is None or posts.empty or "source_file" not in posts:
        return pd.DataFrame(columns=["min", "max"])
    theirs = posts[posts["platform"].ne(platform).fillna(False).astype(bool)]
    days = theirs["published_at"].dt.tz_localize(None).dt.normalize().dt.date
    return days.groupby(theirs["source_file"].astype(str)).agg(["min", "max"])


def _with_siblings(posts: pd.DataFrame, reports, file: str, stated: tuple, first, last) -> tuple:
    """A file's first and last post days (export_periods) widened to those of its siblings: the exports of the
    same kind naming the same days (Business Suite's Facebook and Instagram files of one download). They are
    written on one clock, so they cover the same days in the client's time zone; without this, the Facebook
    file whose posts reach into the next day in Johannesburg would cover a day the Instagram file, of the same
    download, does not (two "last days" for one download)."""
    if "source_file" not in posts or posts.empty:
        return first, last
    kinds = {str(report.path): report.family for report in reports}
    files = set(posts["source_file"].dropna().astype(str)) | set(kinds)
    kind = kinds.get(file) or _family_of(file)
    kin = [other for other in files if other != file and stated_days(other) == stated
           and kind is not None and (kinds.get(other) or _family_of(other)) == kind]
    theirs = posts.loc[posts["source_file"].astype(str).isin(kin), "published_at"]
    if theirs.empty:
        return first, last
    days = theirs.dt.tz_localize(None).dt.normalize()
    return min(first, days.min().date()), max(last, days.max().date())


@functools.lru_cache(maxsize=256)
def _family_of(file: str) -> str | None:
    """The export family of a file on disk (its header says it), None for one not there or not known: for a
    post table whose import reports are not at hand (the explorer's filtered posts)."""
    from .importers import detect_family

    try:
        return detect_family(Path(file)).name if Path(file).is_file() else None
    except (WorkbookError, OSError):
        return None


def merged_days(spans) -> list[tuple]:
    """Runs of days (first, last) with overlapping or adjacent ones joined, in order."""
    merged: list[list] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def covered_days_count(runs) -> int:
    """How many calendar days runs of days (first, last) hold, both ends counted: 18 March to 14 April is 28
    (runs as covered_days gives them: merged, none overlapping)."""
    return sum((last - first).days + 1 for first, last in runs)


def covered_days(posts: pd.DataFrame, first, last, *, reports=(), platform: str | None = None,
                 spans: dict | None = None, post_exports: bool = False):
    """The runs of days from `first` to `last` (dates; None: open) that the post exports (of `platform`)
    cover (export_periods), and the words saying so for a period without posts: "the exports cover these
    days" (or "... 28 March 2018 to 31 March 2018 of these days"), so the account published nothing then; or, with
    no run, "no export covers these days" with the periods the exports do cover (the nearest before and
    after, when there are many). The one decision behind select_posts' and the report's "no posts" errors.
    `spans`: export_periods' result, when the caller has it already. `post_exports`: daily series or ad
    reports were read beside the posts, so the words say "post exports" ("no post export covers these
    days"): those files may cover the days, and "no export" would be false. Days that are one ("from 29
    March to 29 March") are "that day" (i18n.single_day_suffix)."""
    from .i18n import Message, single_day_suffix

    every = merged_days((spans if spans is not None else export_periods(posts, reports, platform)).values())
    low, high = first or dt.date.min, last or dt.date.max
    runs = [(max(s, low), min(e, high)) for s, e in every if s <= high and e >= low]
    posts_only = "_posts" if post_exports else ""
    one = single_day_suffix(first, last)  # "these days" of one day: "that day"
    if runs:
        if runs == [(low, high)] and first and last:
            return runs, Message(f"imports.sources.covered_all{posts_only}{one}")
        return runs, Message("imports.sources.covered_part" + posts_only, runs=_runs_text(runs))
    if len(every) > 3:  # the nearest before and after the days asked, and how many periods in all
        near = [r for r in every if r[1] < low][-1:] + [r for r in every if r[0] > high][:1]
        return runs, Message(f"imports.sources.not_covered_near{posts_only}{one}", runs=_runs_text(near),
                             count=len(every), first=_day(every[0][0]), last=_day(every[-1][1]))
    return runs, Message(f"imports.sources.not_covered{posts_only}{one}", runs=_runs_text(every) if every else "—")


def side_files_covering(side_files, first, last) -> list:
    """The daily series and ad reports among `side_files` (("daily" | "paid", FileReport), as the report keeps
    them) holding some day from `first` to `last` (dates), as words naming them, the files of one kind and
    span together: "Reach.csv, Views.csv and Follows.csv (daily series, 1 January 2025 to 15 April 2025)". What a
    period without posts has, although no post export covers it: the report says so, rather than that no
    export covers these days."""
    from .i18n import Message, listed

    groups: dict[tuple, list[str]] = {}
    for kind, report in side_files:
        if not report.period:
            continue
        start, end = (pd.Timestamp(day).date() for day in report.period)
        if start <= last and end >= first:
            groups.setdefault((kind, start, end), []).append(report.path.name)
    return [Message(f"imports.sources.side_{kind}", files=listed(sorted(names)), span=_runs_text([(start, end)])[0])
            for (kind, start, end), names in groups.items()]


#: The key of a chosen post table's attrs (explore.select_posts) holding partly_covered's finding for the period
#: chosen, which metrics.period_change reads: {platform: ((first, last), runs covered)}.
PARTLY_COVERED = "partly_covered"


#: The key of a chosen post table's attrs (explore.select_posts) listing the platforms whose exports cover some
#: day of the period chosen: a platform of these without a row in the table published nothing then, so
#: metrics.period_change counts its posts as 0, not as missing (a table without it says nothing of coverage).
COVERED_PLATFORMS = "covered_platforms"


def partly_covered(posts: pd.DataFrame, first, last, *, reports=(), platforms=None,
                   spans_of=None) -> dict[str, tuple[tuple, list]]:
    """{platform: ((first, last), runs)} for each platform (of `platforms`, default those of `posts`) whose
    post exports cover some but not all of the days from `first` to `last` (dates; None: open, then the
    platform's exports' own first or last day), with the runs of those days they cover (covered_days): totals
    over such a period count the days covered only. A platform whose exports cover none of the days, or do not
    say what they cover, is not listed: it has no figure there to misread. The one judgement for the explorer
    (select_posts, period_change) and the client report (summary, lenses, index). `reports`: the files'
    FileReports (export_periods); `spans_of(platform)`: export_periods' result, when the caller keeps it."""
    partial = {}
    if platforms is None:
        platforms = sorted(posts["platform"].dropna().astype(str).unique())
    for platform in platforms:
        spans = spans_of(platform) if spans_of else export_periods(posts, reports, platform=platform)
        if not spans:
            continue
        low = first or min(start for start, _ in spans.values())
        high = last or max(end for _, end in spans.values())
        runs = covered_days(posts, low, high, spans=spans)[0] if low <= high else []
        if runs and runs != [(low, high)]:
            partial[platform] = ((low, high), runs)
    return partial


#: A post published fewer than this many days before the last day its export covers may have had little time
#: to collect reach and interactions before the download, which is that day or later (near_download): a
#: period holding such posts may have its totals understated and its rates still moving. A judgement, not a
#: measured settling time: platforms differ (a video keeps gathering views for months), so a period further
#: from the download is safer.
SETTLING_DAYS = 7

#: The key of a chosen post table's attrs (explore.select_posts) holding, per platform, the last day each of its
#: exports covers, {platform: {source file: last day}}: what the rows cannot tell. metrics.period_change counts
#: from the rows of the table it is given which posts went out close to their export's download (near_download):
#: attrs ride along when the table is filtered again, so a count kept there would be of other rows.
NEAR_DOWNLOAD = "near_download"


def near_download(posts: pd.DataFrame, ends: dict) -> pd.DataFrame:
    """The posts that may have had fewer than SETTLING_DAYS days to collect before their export's download, as
    far as the exports show: published fewer than SETTLING_DAYS days before the last day their own export
    covers (`ends`: {source file: last day}, from export_periods; 'export last' in the result: its download
    was that day or later, no export says when exactly). 'last from name' in the result: whether that day is
    one the export states (names_its_period: the last day its name or LinkedIn's Metrics sheet gives); if not,
    it is only the export's newest post, the earliest day it can have been downloaded on, which may have come
    months later, so the posts are only said to be close to that post (near_download_before). A post of a file
    with no known last day counts as downloaded the day it went out (the safe side). A post dated to the month
    only counts as published on its first day: its unknown day cannot show it went out that close. Every
    post-level figure is counted up to the download, so with any such post a period's totals and its rates
    per post (a count over a number of posts that does not grow) may be understated (a fall overstated), and
    its rates of one count over another, both still growing, may move either way. The one judgement behind the report's
    Data coverage note and summary caveat and the explorer's period comparison (metrics.period_change)."""
    from . import periods

    when = posts["published_at"].dt.tz_localize(None).dt.normalize()
    monthly = periods.month_dated(posts) if len(posts) else pd.Series(False, index=posts.index)
    published = when.where(~monthly, when.dt.to_period("M").dt.start_time)  # its day unknown: its first
    # by file as export_periods keys them (a table built by hand, without source files, is one file)
    files = posts["source_file"].astype(str) if "source_file" in posts else pd.Series("", index=posts.index)
    last = pd.to_datetime(files.map(ends)).fillna(published)  # no span known: as if that day
    named = files.isin([file for file in files.unique() if file in ends and names_its_period(file)])
    return posts.assign(**{"export last": last, "last from name": named})[(last - published).dt.days < SETTLING_DAYS]


def near_download_before(fresh: pd.DataFrame, day=str, *, downloaded: bool = False):
    """What near_download's posts (`fresh`, not empty) went out fewer than SETTLING_DAYS days before, as a
    Message the sentences saying so put after "before": the last day their export covers, where the export
    states it ('last from name': its name, LinkedIn's Metrics sheet); else the newest post of their export,
    with why that is no download day (the export names no period, so it may have been downloaded much later,
    and the posts then had longer); or, with posts of both kinds, the first with how many of them the second.
    `day`: how a day is written (the report's tr.date, the explorer's ISO date); `downloaded`: the longer
    wording of Data coverage and the explorer, which adds that the download was that day or later. One wording
    for the report's caveat and note and the explorer's period comparison."""
    from .i18n import Message

    named = fresh["last from name"].astype(bool)
    last = [day(when) for when in sorted(fresh.loc[named, "export last"].unique())]
    newest = [day(when) for when in sorted(fresh.loc[~named, "export last"].unique())]
    if not newest:
        return Message("imports.sources.near_download_last_downloaded" if downloaded
                       else "imports.sources.near_download_last", last=last)
    if not last:
        return Message("imports.sources.near_download_newest", newest=newest)
    return Message("imports.sources.near_download_mixed_downloaded" if downloaded
                   else "imports.sources.near_download_mixed", last=last, newest=newest,
                   unnamed=int((~named).sum()))


def names_its_period(file) -> bool:
    """Whether an export says which days it covers (stated_days: its file name's dates, LinkedIn's Metrics
    sheet), so that export_periods takes them from there; else (a YouTube Studio table, a LinkedIn workbook
    without its Metrics sheet, a table built by hand) only its first and last posts tell, and days beyond may
    have had no posts rather than no export."""
    return stated_days(file) is not None


def stated_days(file) -> tuple[dt.date, dt.date] | None:
    """The first and last day an export says it covers, or None when it does not say: the dates in its file
    name (Business Suite, X and TikTok give two; X's tweet activity names the day after its last, which
    export_periods allows for); else, for a workbook holding its daily series beside its posts
    (holds_daily_series: LinkedIn's company page export, whose `Metrics` sheet runs day by day over the one
    date range chosen for the download, the range its `All posts` sheet covers too), the first and last day
    of that series. A file that is not there or cannot be read says nothing."""
    from . import periods
    from .importers.yearless_dates import dates_in_name

    if not file:
        return None
    path = Path(file)
    if len(named := dates_in_name(path, first_year=periods.FIRST_YEAR)) >= 2:
        return min(named), max(named)
    try:
        if not path.is_file():
            return None
        stat = path.stat()
    except OSError:
        return None
    return _daily_sheet_days(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _daily_sheet_days(path: str, modified: int, size: int) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the daily series a post workbook holds beside its posts (stated_days), None
    for any other file. Kept per file, its time and size: the coverage notes, the summary and the explorer ask
    of the same files many times, and a workbook is slow to open."""
    from .daily import daily_family_named
    from .importers import detect_family
    from .importers.reading import is_workbook

    try:
        if not is_workbook(Path(path)):
            return None
        family = detect_family(Path(path))
        if not holds_daily_series(Path(path), family):
            return None
        days = daily_family_named(family.daily_family).read_file(Path(path)).series["date"].dropna()
    except (WorkbookError, OSError):  # read as posts, it gets its own error there; here it says no days
        return None
    return (days.min().date(), days.max().date()) if len(days) else None


def partly_covered_values(platform: str, asked: tuple, runs: list) -> dict:
    """The values of a message saying which of the days `asked` (first, last) a platform's exports cover
    (`runs`): the platform, those runs and the days asked as the explorer writes them, and how many days of
    how many."""
    from .i18n import Message

    return dict(platform=Message(f"platform.{platform}"), runs=_runs_text(runs), period=_runs_text([asked])[0],
                days=covered_days_count(runs), total=covered_days_count([asked]))


def _runs_text(runs) -> list:
    """Runs of days as a list a message joins: "1 March 2018 to 31 March 2018", or the day for a run of one. The
    days stay dates, so that each language writes them as its other dates (i18n.render_value), never ISO."""
    from .i18n import Message

    return [_day(s) if s == e else Message("imports.sources.days_from_to", first=_day(s), last=_day(e))
            for s, e in runs]


def _day(value) -> dt.date:
    """A day of a run (a date, or a Timestamp at midnight) as a date, which a message writes as a date alone."""
    return value.date() if isinstance(value, dt.datetime) else value
