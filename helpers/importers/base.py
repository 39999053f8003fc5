"""What every importer returns, and the small tools importers share."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, Notes, as_typed
from .reading import TextTable, normalise_name, short_rows_explained
from .values import is_blank


@dataclass
class FileReport:
    """What one export file held and what became of it: the import report a user reads."""

    path: Path
    family: str
    platform: str | None = None
    #: the platforms of its rows, for a file whose rows say their own (a scheduler's export read through a
    #: mapping's `columns.platform`): `platform` is their one platform, None for several
    platforms: list[str] = field(default_factory=list)
    rows_in_file: int = 0
    rows_imported: int = 0
    dropped: dict[str, int] = field(default_factory=dict)  # reason (a Message) -> rows
    superseded: int = 0  # rows replaced by the same post in a more recent export
    superseded_by: dict = field(default_factory=dict)  # newer file (str) -> (rows, why it is newer: a Message)
    blank_rows: int = 0  # rows with no value in any cell, left out (among `dropped` too): see begin_report
    summary_rows: int = 0  # rows of the file's totals (YouTube's Total row), no post: see begin_report
    warnings: list[str] = field(default_factory=list)  # Messages, shown in the reader's language
    period: tuple[pd.Timestamp, pd.Timestamp] | None = None  # of its rows kept, once newer exports replaced some
    #: the period of all its posts as read, where newer exports replaced some of them (`superseded`): `period`
    #: then covers only the rows kept, a part of what the file holds
    period_read: tuple[pd.Timestamp, pd.Timestamp] | None = None
    metrics_present: list[str] = field(default_factory=list)
    clock: str | None = None  # the zone its own posts show its times were written at (clocks.py), if they tell
    #: canonical column -> what the file's figure counts (a Message), where the report's word for it would hide
    #: that: X's clicks are every click, not link clicks; YouTube's views beside its engaged views. The report
    #: names it in Definitions and Data coverage for the platforms whose posts report the column.
    counted: dict[str, str] = field(default_factory=dict)

    @property
    def platforms_read(self) -> str | None:
        """The platform of its posts as a listing shows it: `platform`, or its rows' several ('facebook,
        instagram, x'); None when unknown."""
        return self.platform or ", ".join(self.platforms) or None

    def holds(self, platform: str) -> bool:
        """Whether its posts are `platform`'s: its one platform, or one of its rows' several."""
        return platform == self.platform or platform in self.platforms

    def drop(self, reason: str, count: int) -> None:
        if count:
            self.dropped[reason] = self.dropped.get(reason, 0) + int(count)

    @property
    def rows_listed(self) -> int:
        """The rows of the file that may hold a post: 0 for an export listing only its header (blank rows or not,
        and its totals row or not: YouTube writes a Total row under the header of a period without videos)."""
        return self.rows_in_file - self.blank_rows - self.summary_rows


def begin_report(table: TextTable, family: "Family", platform: str | None, *,
                 summary: pd.Series | None = None) -> tuple[TextTable, FileReport]:
    """The report of a post export read as `table` (the rows a family reads no post from, such as legacy
    Insights' description row, already left out), and the table without its blank rows (TextTable.blank_rows),
    which the report counts as dropped, for one reason, in every family: a spreadsheet's re-save or a hand edit
    leaves them anywhere in a file, and they hold no post, so no family refuses the file for them or drops them
    for a reason of its own (an empty id, an impossible month). A file listing no row but blank ones and the
    rows of its totals (`summary`, True for each: YouTube's Total row, which the family drops and counts itself)
    gets the note that it holds a header and no posts, as a period without posts exports
    (sources.only_header_read)."""
    blank = table.blank_rows()
    totals = 0 if summary is None else int((summary.to_numpy(dtype=bool) & ~blank.to_numpy(dtype=bool)).sum())
    report = FileReport(path=Path(table.path), family=family.name, platform=platform,
                        rows_in_file=len(table.frame) + table.blank_rows_skipped,
                        blank_rows=int(blank.sum()) + table.blank_rows_skipped, summary_rows=totals)
    report.drop(Message("imports.base.blank_rows"), report.blank_rows)
    if not report.rows_listed:
        report.warnings.append(Message("imports.base.no_posts"))
    return table.without_rows(blank), report


def file_warnings(reports) -> list[Message]:
    """Every report's data-quality warnings, each naming its file ("posts.csv: 2 negative values ...") as
    file_labels does: three YouTube downloads' 'Table data.csv' by their folders."""
    return Notes(Message("imports.file_note", file=label, note=w)
                 for r, label in zip(reports, file_labels([r.path for r in reports])) for w in r.warnings)


def file_drops(reports) -> list[Message]:
    """Every report's dropped rows, by file (file_labels) and reason ("posts.csv: 3 rows left out: empty
    Post ID")."""
    return Notes(Message("imports.file_dropped", file=label, count=count, reason=reason)
                 for r, label in zip(reports, file_labels([r.path for r in reports]))
                 for reason, count in r.dropped.items())


def file_labels(paths: list[Path]) -> list[str]:
    """Each file's name; files that share a name (the same download in two folders) get their own folder's name
    before it ('march/posts.csv'), and a counter after when that still leaves two alike ('2025/posts.csv (2)'):
    a list never shows one name twice, nor the folders above an export's own, which name the machine's user
    and how its files are kept ('/home/alice/Clients/...'). The same file listed twice keeps one label. A
    control character in a name is shown as its escape (as_typed): a line break would split the note naming
    the file."""
    names = [Path(p).name for p in paths]
    labels = list(names)
    files_named = {}  # name -> the distinct files of that name
    for p in paths:
        files_named.setdefault(Path(p).name, set()).add(Path(p).resolve())
    for name in {n for n, files in files_named.items() if len(files) > 1}:
        mine = [i for i, n in enumerate(names) if n == name]
        for i in mine:
            labels[i] = (Path(Path(paths[i]).resolve().parent.name) / name).as_posix()
        for label in {labels[i] for i in mine}:
            alike = [i for i in mine if labels[i] == label]
            files = list(dict.fromkeys(Path(paths[i]).resolve() for i in alike))
            if len(files) > 1:
                for i in alike:
                    labels[i] = f"{label} ({files.index(Path(paths[i]).resolve()) + 1})"
    return [as_typed(label) for label in labels]


@dataclass
class ImportedFile:
    posts: pd.DataFrame  # canonical columns (client filled in later)
    report: FileReport


@dataclass(frozen=True)
class Family:
    """An export family: how to recognise its header and how to read it.

    `signature` lists normalised header names that all appear in every variant of the family;
    detection picks the family whose signature the header satisfies and that has none of `excludes`
    (a column that marks another table with the same columns, such as a breakdown by date).
    """

    name: str
    label: str
    signature: tuple[str, ...]
    read: Callable[..., ImportedFile]
    platforms: tuple[str, ...] = ()  # the platforms its rows can belong to (empty: any, e.g. a user mapping)
    excludes: tuple[str, ...] = ()  # normalised header names that rule the family out
    spreadsheet: bool = False  # downloaded as an xlsx workbook (read as one); otherwise a CSV file
    #: the daily family (helpers.daily) that reads another sheet of the same workbook, when the download holds
    #: one (LinkedIn's `Metrics` beside `All posts`): such a file feeds the daily series too
    daily_family: str | None = None
    #: the whole download, for a family read from one sheet of a workbook (the label names that sheet): what a
    #: CSV saved from one of its sheets is to be replaced with
    download: Message | None = None
    #: normalised header name -> the platform a file carrying it holds, for a family of several platforms
    platform_columns: tuple[tuple[str, str], ...] = ()
    #: why a file of this family, recognised, holds nothing the workbook reads (Meta's Audience.csv: an audience
    #: breakdown): a folder (sources.split_exports' skip_unknown) lists it as skipped with this reason
    not_read: Message | None = None
    #: files of the user's own tool (mapped_csv), not a platform's download: no export to download again
    own_file: bool = False

    def read_file(self, path: Path, **options):
        """The family's reader (`read`) run on `path` with `options`, as every file of the family is read: an
        error naming a row short of cells says so (reading.short_rows_explained)."""
        with short_rows_explained(own_file=self.own_file):
            return self.read(path, **options)

    def platforms_in(self, header_names: set[str]) -> list[str]:
        """The platforms a file with this header holds, from the header alone (to name them before reading):
        the family's one platform, or the one its header's marking column tells; all of them when none does."""
        marked = [platform for name, platform in self.platform_columns if name in header_names]
        return marked[:1] or list(self.platforms)

    def ruled_out_by(self, header_names: set[str]) -> list[str]:
        return [name for name in self.excludes if name in header_names]

    def missing_from(self, header_names: set[str]) -> list[str]:
        return [name for name in self.signature if name not in header_names]


def _letters(name: str) -> str:
    return "".join(ch for ch in str(name).casefold() if ch.isalnum())


class Columns:
    """Find columns by name (case and spacing ignored), never by position; repeated names kept apart."""

    def __init__(self, header: list[str], keys: list[str]):
        self._by_name: dict[str, list[str]] = {}
        self._header = list(header)
        self._keys = list(keys)
        self.repeated_used: dict[str, list[str]] = {}  # a name read by `key` that heads several columns
        for name, key in zip(header, keys):
            self._by_name.setdefault(normalise_name(name), []).append(key)

    def __contains__(self, name: str) -> bool:
        return normalise_name(name) in self._by_name

    def key(self, *names: str) -> str | None:
        """The key of the first column present among `names` (first occurrence if repeated)."""
        for name in names:
            keys = self._by_name.get(normalise_name(name))
            if keys:
                if len(keys) > 1:
                    self.repeated_used.setdefault(normalise_name(name), keys)
                return keys[0]
        return None

    def required(self, path, *names: str, expected: str, hint: str) -> str:
        """The key of the first column present among `names`, or an error naming the missing column."""
        found = self.key(*names)
        if found is None:
            raise ExportFormatError(path, Message("imports.base.column_missing", column=names[0]), column=names[0],
                                    expected=expected, hint=hint)
        return found

    def lookalike(self, *names: str) -> str | None:
        """A header that spells one of `names` with other spaces or punctuation ('Rea ch', 'Reach:'), when
        none of `names` is present: an edited header, whose column would otherwise be silently unread."""
        if self.key(*names) is not None:
            return None
        wanted = {_letters(name) for name in names}
        return next((name for name in self._header if _letters(name) in wanted), None)

    def header_of(self, key: str) -> str:
        """The column's name as the file writes it."""
        return next(name for name, k in zip(self._header, self._keys) if k == key)

    def all_keys(self, name: str) -> list[str]:
        return list(self._by_name.get(normalise_name(name), []))


def matching_family(families, names: set[str], rules_out=lambda family, names: False) -> Family | None:
    """The family whose whole signature is among the header `names` (the most specific when several)."""
    matches = [f for f in families
               if not f.missing_from(names) and not f.ruled_out_by(names) and not rules_out(f, names)]
    return max(matches, key=lambda f: len(f.signature)) if matches else None


def closest_family(families, names: set[str]) -> tuple[Family, list[str]]:
    """The family whose signature the header comes closest to, and the names it lacks."""
    closest = min(families, key=lambda f: len(f.missing_from(names)) / len(f.signature))
    return closest, closest.missing_from(names)


def resembles(family: Family, names: set[str]) -> bool:
    """Whether a header holds a good part of a family's signature: two of its names at least, and half of it,
    without a name ruling the family out. Less is no more than a few names any post table shares (Date,
    Impressions): another tool's export, better read through a column mapping than downloaded again."""
    present = len(family.signature) - len(family.missing_from(names))
    return present >= 2 and 2 * present >= len(family.signature) and not family.ruled_out_by(names)


def close_enough(family: Family, names: set[str]) -> bool:
    """Whether a header shares enough of a family's signature to be named as that family's export with columns
    lacking: two of its names at least (all but one, of a signature of two). One generic name shared ('likes',
    'date') says nothing of which export a file is: another tool's export shares it as well."""
    shared = len(family.signature) - len(family.missing_from(names))
    return shared >= max(1, min(2, len(family.signature) - 1))


def _column_letters(position: int) -> str:
    """A 0-based column position as a spreadsheet names it: 0 -> 'A', 26 -> 'AA'."""
    letters, n = "", position + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def repeated_column_notes(table: TextTable, cols: Columns) -> list[Message]:
    """A warning for each column name the importer read (`Columns.key`) that heads several columns whose
    cells differ: the first column is used and the others are not, which the user should know, since a
    pasted or edited column can carry other figures under the same name. Names read by `all_keys` are the
    importer's own business (Meta's Views twice, legacy Insights' units) and are left out."""
    notes = []
    rows = table.source_rows()
    for keys in cols.repeated_used.values():
        first = table.frame[keys[0]].fillna("").str.strip()
        differ = pd.Series(False, index=table.frame.index)
        for other in keys[1:]:
            differ |= first.ne(table.frame[other].fillna("").str.strip())
        if differ.any():
            positions = [table.keys.index(k) for k in keys]
            notes.append(Message("imports.base.column_repeated", column=table.header[positions[0]],
                                 numbers=[str(p + 1) for p in positions],
                                 letters=[_column_letters(p) for p in positions],
                                 count=int(differ.sum()), row=str(int(rows[differ].iloc[0])),
                                 used=str(positions[0] + 1)))
    return notes


def table_notes(table: TextTable, cols: Columns, *, short_rows_expected: bool = False,
                own_file: bool = False, filled: tuple[str, ...] = (), posts: pd.Index | None = None) -> list[Message]:
    """The data-quality notes of how a file read: text that was not UTF-8 (encoding_notes), lines read back from
    a spreadsheet's re-save
    (TextTable.resave_notes), rows short of cells (see TextTable.short_row_notes; `own_file` for a file of
    the user's own tool), repeated column names whose cells differ, and columns the family always fills left
    blank in every row (empty_column_notes: `filled`, over the rows `posts` read, default every row). Called
    once an importer has looked up its columns."""
    frame = table.frame if posts is None else table.frame.loc[posts]
    return (encoding_notes(table) + table.resave_notes() + table.short_row_notes(short_rows_expected=short_rows_expected,
                                                         own_file=own_file)
            + repeated_column_notes(table, cols) + empty_column_notes(cols, frame, filled))


def encoding_notes(table: TextTable) -> list[Message]:
    """A note when a file was not UTF-8 and its text was read as Windows-1252 or Mac Roman: the encoding is a
    guess from its bytes (reading.detect_encoding), and a wrong one garbles every accented letter without an
    error, so the user is told which one was used and how to save the file as UTF-8."""
    if table.encoding == "cp1252":
        return [Message("imports.base.read_as_windows")]
    if table.encoding == "mac_roman":
        return [Message("imports.base.read_as_mac")]
    return []


def empty_column_notes(cols: Columns, frame: pd.DataFrame, filled) -> list[Message]:
    """A warning for each column among `filled` (header names a family's exports write a figure in for every
    post: X's Impressions, YouTube's Views) that this file has but leaves blank in every row of `frame` (its
    posts' rows): the platform never writes it so, so the file was edited (the column cleared), and the report
    would otherwise say the exports do not report that figure at all. Columns a family may leave empty (YouTube's
    Unique viewers, Instagram's Views before Meta counted them) are not among `filled`."""
    if frame.empty:
        return []
    notes = []
    for name in filled:
        key = cols.key(name)
        # the first rows first: a column with a figure nearly always has one there, so the whole is read
        # only for a column blank at its start (300,000 X rows: 0.4 s for four columns otherwise)
        if key is not None and key in frame and is_blank(frame[key].head(100)).all() and is_blank(frame[key]).all():
            notes.append(Message("imports.base.column_empty", column=cols.header_of(key)))
    return notes


def interaction_column_notes(cols: Columns, expected: dict[str, tuple[str, ...]], read: set[str] | pd.Index,
                             export: Message) -> list[Message]:
    """Warnings for the interaction counts (`expected`: canonical -> the header names that carry it, the first
    as the export writes it) that every export of a family carries and this file's header lacks (not in
    `read`, the canonical columns read): a column renamed (translated by a spreadsheet, 'Suka' for 'Likes') or
    deleted leaves that count unreported, so interactions and engagement rates leave it out and read lower
    than they are. A header spelling it with other spaces or punctuation is named as such. `export` says what
    carries the column (the family's label)."""
    notes = []
    for canonical, names in expected.items():
        if canonical in read:
            continue
        misspelt = cols.lookalike(*names)
        notes.append(Message("imports.base.column_misspelt", found=misspelt, expected=names[0]) if misspelt else
                     Message("imports.base.no_interaction_column", column=names[0], export=export))
    return notes
