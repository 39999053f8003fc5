"""One-call loading and small recipes for analysts exploring a folder of exports in JupyterLab.

`load_folder` reads every export it recognises (posts, daily series, paid delivery), merges overlapping
exports, and adds the per-post metrics of both lenses. The recipes answer the next questions analysts ask:
one platform, one format, one period, the posts behind a number, and a table saved as CSV or Excel
(under data/derived/, never next to the raw exports). `shown` and `summary_view` format tables for reading
(percentages, whole counts) and keep their numbers. `report_view` gives the client report's findings and
figures for the loaded posts, without reading the files again.
"""
from __future__ import annotations

import glob
import html
import os
import re
import warnings
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import metrics, periods, schema
from .errors import ExportFormatError, ExportsUnreadable, PartlyCovered, WorkbookError, WorkbookWarning, close_match, \
    nothing_there_hint, unknown_name, windows_path_hint, working_folder_hint
from .i18n import Message, Translator, active_language, as_typed, language_code, listed, metric_label, translator, \
    single_day_suffix, use_language
from .paths import DATA_DIR, DERIVED_DIR_VARIABLE, DOCUMENT_SUFFIXES, PROJECT_ROOT, SKIPPED_NAME_PREFIXES, \
    as_spelled_on_disk, glob_files, is_pattern, is_special_file, resolve, taken_by_pattern
from .periods import checked_days  # the explorer's check of a period, shared with daily
from .schema import platform_code
from .sources import COVERED_PLATFORMS, NEAR_DOWNLOAD, PARTLY_COVERED, Loaded, covered_days, covered_days_count, \
    covered_only_without_posts, export_periods, exports_without_posts, load_client, no_post_export, only_header_read, \
    names_its_period, partly_covered, \
    partly_covered_values, with_exports_read

#: Where save_table writes: data/derived/ (git-ignored). WORKBOOK_DERIVED_DIR names another folder; the test
#: suite sets it to a temporary one, so that running the notebooks leaves no file in an analyst's data/derived.
DERIVED_DIR = DATA_DIR / "derived"


def derived_dir() -> Path:
    """The folder save_table writes to: WORKBOOK_DERIVED_DIR when set, else data/derived/."""
    return Path(os.environ[DERIVED_DIR_VARIABLE]) if os.environ.get(DERIVED_DIR_VARIABLE) else DERIVED_DIR


#: What a folder of exports holds: posts with metrics, daily series, paid delivery, and what was read.
Workspace = Loaded


def export_files(folder: str | Path) -> list[Path]:
    """The export-like files a folder holds (recursively), a glob pattern matches ('data/raw/kopi/*.csv') or a
    path names (one export), in a stable order; an error if there are none. A pattern and a folder leave out
    files of other types, Excel's lock files and hidden files, as the roster's `exports` does
    (importers.expand_paths); a zip archive is taken, to be named with what it holds, and so is a spreadsheet
    in a format not read here (an .xls, an .ods), to be named with how to save it as .xlsx
    (sources.split_exports)."""
    from .importers import expand_paths

    _check_folder_given(folder)
    root = resolve(folder)
    if root.is_file() or is_special_file(root) or is_pattern(root):  # expand_paths names a pipe as one
        return expand_paths(folder)
    if not root.is_dir():
        raise WorkbookError(Message("imports.explore.not_a_folder", folder=as_typed(folder), root=as_typed(root),
                                    hint=windows_path_hint(folder) or working_folder_hint(folder)
                                    or nothing_there_hint(root)))
    found = sorted(p for p in root.rglob("*") if p.is_file() and taken_by_pattern(p)
                   and not p.name.startswith(SKIPPED_NAME_PREFIXES))
    if not found:
        raise WorkbookError(Message("imports.explore.no_exports", root=str(root)))
    return found


def _check_folder_given(folder) -> None:
    """An error for a folder setting that names nothing: not text (papermill's `-p folder 42` passes a number),
    or empty (`folder = ""`, or spaces), which would otherwise be read as the project root and every file in it."""
    if not isinstance(folder, (str, Path)):
        raise WorkbookError(Message("imports.explore.folder_not_text", value=repr(folder)))
    if isinstance(folder, str) and not folder.strip():
        raise WorkbookError(Message("imports.explore.folder_empty", value=repr(folder)))


def load_folder(folder: str | Path, *, client: str | None = None, timezone: str | None = None,
                mapping: str | Path | None = None, **options) -> Workspace:
    """Every export under `folder`, recognised by its header, as canonical tables with per-post metrics.
    `folder` may also be a glob pattern ('data/raw/kopi/*.csv', `**` spans folders) or one export file, as
    the roster's `exports` and `python -m helpers inspect` take them (export_files). A file no export family
    reads (a note, another download) is skipped and listed, with why, in `files()`; when no file is an export,
    the error gives each file's reason. One file given by its path that is no export is an error of its own
    (empty, a header lacking columns), as for a roster: there is nothing else to load. A document no platform
    exports in (a PDF report of the platform, a screenshot: paths.DOCUMENT_SUFFIXES) is listed as skipped with
    what it is too, unopened, where a roster's pattern leaves it out. An empty `folder` is an error
    (_check_folder_given), not the project root.

    `client` names the posts' client, the report view's and the tables saved; left out (None, or empty as the
    notebook's parameter is), it is the name of the folder given (client_of: data/raw/acme/*.csv is 'acme'; with
    its parent's name in front where a folder beside the parent has the same name),
    so that one client's tables are never saved under another's name.

    `mapping` (a column mapping file, README 'Column mappings'; checked first) reads through it each CSV file no
    export family recognises whose header has the columns it names (family mapped_csv); one it does not fit
    is skipped, with what it lacks, as other files no family reads are.

    Damaged exports (a file cut off, a cell that is no number) are all named at once, each with its own file,
    row and column (every_file_problem), as `python -m helpers inspect` names them: one alone keeps its own
    error."""
    _check_folder_given(folder)
    if client is None or (isinstance(client, str) and not client.strip()):
        client = client_of(folder)
    if mapping is not None:
        from .importers.mapped_csv import load_mapping

        load_mapping(resolve(mapping), None, given=mapping)  # every problem of the mapping itself, at once
        options["mapping"] = resolve(mapping)
    one_file = isinstance(folder, (str, Path)) and resolve(folder).is_file()
    if one_file:
        return load_client(export_files(folder), client=client, timezone=timezone, posts_required=False, **options)
    files = folder_files(folder)
    try:
        return load_client(files, client=client, timezone=timezone, skip_unknown=True, posts_required=False,
                           **options)
    except ExportFormatError as error:
        raise every_file_problem(error, files, client=client, timezone=timezone, posts_required=False,
                                 **options) from None


def every_file_problem(error: ExportFormatError, files: list[Path], **load) -> ExportFormatError:
    """The error for a folder whose files raised `error`: the same files read again without each file that
    failed, until they load or fail otherwise (no export left to read), so that every damaged file is found
    with its own problem, as read among the others (a batch's clock, a download's files together). One
    problem is `error` itself; several are one ExportsUnreadable listing each. Read again only when something
    failed: a folder that loads is read once."""
    problems, left = [error], [Path(p) for p in files]
    while (failed := Path(problems[-1].path)) in left:
        left.remove(failed)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the notes of files read again were not asked for
                load_client(left, skip_unknown=True, **load)
            break
        except ExportFormatError as another:
            problems.append(another)
        except WorkbookError:  # no export left to read: the files' problems are all found
            break
    return error if len(problems) == 1 else ExportsUnreadable(problems)


def folder_files(folder: str | Path) -> list[Path]:
    """The files a folder (or a glob pattern) loaded whole goes through, sorted: its export-like files
    (export_files) and the documents beside them (documents_in), which are listed as skipped with what they
    are. `python -m helpers inspect FOLDER` goes through the same ones."""
    documents = documents_in(folder)
    try:
        files = export_files(folder)
    except WorkbookError:  # a folder of documents only: load_client says why each was passed over (a pattern
        if not documents or is_pattern(resolve(folder)):  # matching only documents says so in its own words)
            raise
        files = []
    return sorted(files + documents)


#: Folders that hold clients' folders rather than one client's exports (README: data/raw/<client>/): a folder or
#: pattern whose last fixed folder is one of them, or the project folder or above it, names no client.
CLIENTS_FOLDERS = (DATA_DIR / "raw", DATA_DIR / "demo", DATA_DIR)


def client_of(folder: str | Path) -> str:
    """The client a folder of exports is of, by its name, as exports are kept under data/raw/<client>/: the
    folder's own name (data/raw/acme), the folder holding one export file given (data/raw/acme/posts.csv), or
    the last folder a glob pattern names before its first wildcard (data/raw/acme/*.csv, data/raw/acme/**/*.csv):
    'acme' for each. load_folder's client when none is given.
    Where that folder holds clients' folders (CLIENTS_FOLDERS, the project folder: 'data/raw/*/posts.csv',
    '*.csv'), it names no client: the file name's stem without its wildcards is taken, the only name the path
    gives ('data/raw/acme_*.csv' is 'acme'), else "client" ('*.csv'), never 'raw' or the project folder's name.

    A folder whose name a folder beside its parent has too (facebook/business-suite-posts beside
    instagram/business-suite-posts, acme/instagram beside kopi/instagram) is named with its parent's name in
    front, joined by '-' to stay one file name ('facebook-business-suite-posts'), so that the tables saved
    under the client's name (<client>-kpis.csv) of one folder do not replace the other's (_named_apart)."""
    root = resolve(folder)
    name = ""
    if is_pattern(root):
        parts = root.parts
        first = next(i for i, part in enumerate(parts) if glob.has_magic(part))
        root, name = Path(*parts[:first]), parts[-1]
    elif root.is_file():
        root, name = root.parent, root.name
    root = Path(os.path.normpath(root))  # 'data/raw/acme/..' is 'data/raw'
    if root.name and root not in CLIENTS_FOLDERS and not PROJECT_ROOT.is_relative_to(root):
        return _named_apart(root)
    return re.sub(r"[*?]|\[[^]]*]", "", Path(name).stem).strip(" ._-") or "client"


def _named_apart(root: Path) -> str:
    """A folder's name, with its parent's in front ('facebook-business-suite-posts') where a folder beside the
    parent holds a folder of the same name (instagram/business-suite-posts), whose default client name would
    otherwise be the same; the folder's name alone where none does, or where the parent holds clients'
    folders or the project (data/raw/acme stays 'acme')."""
    parent = root.parent
    if not parent.name or parent in CLIENTS_FOLDERS or PROJECT_ROOT.is_relative_to(parent):
        return root.name
    try:
        cousins = [p for p in parent.parent.iterdir() if p != parent and (p / root.name).is_dir()]
    except OSError:  # a folder that cannot be listed: nothing to tell the name apart from
        cousins = []
    return f"{parent.name}-{root.name}" if cousins else root.name


def documents_in(folder) -> list[Path]:
    """The documents of a type no platform exports in (paths.DOCUMENT_SUFFIXES: a PDF, a screenshot) that a
    folder holds (recursively) or a glob pattern matches, which export_files leaves out; hidden files and
    Excel's lock files aside. Empty for anything else (one file, a path naming nothing)."""
    if not isinstance(folder, (str, Path)):
        return []
    root = resolve(folder)
    if is_pattern(root):
        found = glob_files(as_spelled_on_disk(root))
    elif root.is_dir():
        found = [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(SKIPPED_NAME_PREFIXES)]
    else:
        return []
    return sorted(p for p in found if p.suffix.lower() in DOCUMENT_SUFFIXES)


def select_posts(posts: pd.DataFrame, *, platform: str | None = None, format: str | None = None,
                 start: str | None = None, end: str | None = None, account: str | None = None) -> pd.DataFrame:
    """Posts of one platform, one format, one account (page, profile, channel, named as its exports name it:
    a folder may hold several, see Workspace.warnings) and/or one period (start and end dates included,
    written YYYY-MM-DD, or given as dates: periods.iso_day; a period is whole days in the posts' time zone, so
    a datetime with a time of day or a zone of its own is an error, not cut to its date).

    A platform, format or account these posts do not hold ('Instagram' for 'instagram', 'twitter' for 'x',
    'reels' for 'reel'), a format or account asked of posts that carry none (X's exports give no format), a
    start after the end, or a period no export of the chosen platform covers (before or after them all, or in
    a gap between monthly exports: sources.covered_days) is an error naming what there is, and the one likely
    meant: an empty table would read as "no such posts". A period an export covers that holds no post (of
    that format) gives an empty table: the account published none then. An export listing only its header
    covers the days it is named for too (the table's attrs name it: sources.exports_without_posts, as the
    report's import reports do); where only such exports cover the days, a HeaderOnly warning says that the
    download may have stopped after the header (sources.covered_only_without_posts, the report's judgement).
    A period the exports of a chosen
    platform cover only in part (January, of exports starting on the 14th) gives the posts of the days
    covered, with a PartlyCovered warning naming those days (sources.partly_covered, the client report's
    judgement); the table keeps that finding in its attrs, so metrics.period_change gives its totals no change.

    A post dated to the month only (the UCI dataset: its day is a stand-in) is chosen when its whole month lies
    in the period, as in the client report (periods.within); a period that cuts the month of a chosen such
    post is an error naming the months, since whether the post falls inside cannot be told.
    """
    if no_post_export(posts) and any(value is not None and value != "" for value in (platform, format, start, end,
                                                                                     account)):
        raise no_posts_error(posts)  # no post export read: that, not "no platform 'facebook' in these posts"
    for what, value in (("platform", platform), ("format", format), ("account", account)):
        if not value:
            continue
        among = posts[posts["platform"] == platform] if what != "platform" and platform else posts
        known = sorted(among[what].dropna().astype(str).unique())  # a format, an account: of the chosen platform
        if value not in known:
            raise _not_in_posts(what, value, known, platform)
    start, end = checked_days(start, end, posts["published_at"].dt.tz)
    keep = pd.Series(True, index=posts.index)
    if platform:
        keep &= posts["platform"] == platform
    if format:
        keep &= posts["format"] == format
    if account:
        keep &= (posts["account"] == account).fillna(False).astype(bool)
    first, after_last = periods.day_bounds(start or None, end or None, posts["published_at"].dt.tz)
    inside, cut = periods.within(posts, first, after_last)
    mine = (posts["platform"] == platform) if platform else pd.Series(True, index=posts.index)
    if account:
        mine &= (posts["account"] == account).fillna(False).astype(bool)
    known_spans: dict = {}

    def spans_of(name: str | None) -> dict:
        # the days the chosen platform's (and account's) exports cover, a file's siblings of another platform
        # seen too (sources.export_periods): Business Suite's Instagram file covers what its Facebook twin does
        # exports holding no post of the table (a header alone) cover the days they are named for too
        if name not in known_spans:
            known_spans[name] = export_periods(posts[mine], exports_without_posts(posts, name), platform=name,
                                               siblings=posts)
        return known_spans[name]

    if (start or end) and not (inside & mine).any():
        # no post of the platform (and account) in those days: do its exports cover them? (a format's posts
        # may just not fall in them; a day holding a post is covered, whatever its file's name says)
        _check_within_span(posts[mine], start, end, platform, spans_of(None))
    if start or end:
        _warn_header_only(posts, inside, mine, start, end, platform, spans_of)
    cut &= keep
    if cut.any():
        months = sorted({f"{when:%Y-%m}" for when in posts.loc[cut, "published_at"]})
        raise WorkbookError(Message("imports.explore.month_cut", count=int(cut.sum()), months=", ".join(months)))
    chosen = posts[keep & inside]
    if start or end:
        chosen.attrs = {**chosen.attrs, PARTLY_COVERED: _partly_covered(posts, keep, mine, start, end, spans_of),
                        NEAR_DOWNLOAD: _export_ends(chosen, spans_of),
                        COVERED_PLATFORMS: _covered_platforms(posts[mine], start, end, platform, spans_of)}
    return chosen


class HeaderOnly(WorkbookWarning):
    """select_posts' warning that the days chosen hold no post of a platform and are covered only by its
    exports listing no post at all, only their header (errors.WorkbookWarning: shown in the active language,
    every time): the account may have published nothing then, or the download may have stopped after the
    header, and an empty table alone would read as the first."""


def _warn_header_only(posts: pd.DataFrame, inside: pd.Series, mine: pd.Series, start, end, platform: str | None,
                      spans_of) -> None:
    """A HeaderOnly warning for each platform (`platform`, or each of the posts' and their exports') with no
    post of `mine` (the chosen platform and account, every format) from `start` to `end` some of whose days
    only its exports holding no post cover (sources.covered_only_without_posts, the report's judgement for its
    quiet finding), naming those exports."""
    first, last = (periods.iso_day(day) if day else None for day in (start, end))
    names = [platform] if platform else sorted(set(posts["platform"].dropna().astype(str))
                                               | {e.platform for e in exports_without_posts(posts) if e.platform})
    for name in names:
        theirs = mine & (posts["platform"] == name)
        if (inside & theirs).any():
            continue
        # by file as export_periods keys them (a table built by hand, without source files, is one file)
        sources = posts["source_file"].astype(str) if "source_file" in posts else pd.Series("", index=posts.index)
        if files := covered_only_without_posts(spans_of(name), set(sources[theirs]), first, last):
            warnings.warn(HeaderOnly(Message("imports.explore.header_only" + ("_one" if len(files) == 1 else ""),
                                             platform=Message(f"platform.{name}"),
                                             period=periods.period_words(start, end),
                                             files=[Path(file).name for file in files])), stacklevel=3)


def _partly_covered(posts: pd.DataFrame, keep: pd.Series, mine: pd.Series, start, end, spans_of) -> dict:
    """The platforms of the chosen posts (`keep`) whose exports cover only part of the days from `start` to
    `end` (sources.partly_covered, the client report's judgement, over the exports of `mine`: the chosen
    platform and account, every format), each said in a PartlyCovered warning: the posts of such a period are
    those of the days covered, and their totals read as the whole period's otherwise. Returned for the chosen
    table's attrs, where metrics.period_change finds them."""
    chosen = set(posts.loc[keep, "platform"].dropna().astype(str))
    partial = {platform: found for platform, found in partly_covered(
        posts[mine], periods.iso_day(start) if start else None, periods.iso_day(end) if end else None,
        spans_of=spans_of).items()
        if platform in chosen}
    for platform, (asked, runs) in partial.items():
        warnings.warn(PartlyCovered(Message("imports.explore.partly_covered",
                                            **partly_covered_values(platform, asked, runs))), stacklevel=3)
    return partial


def _covered_platforms(exported: pd.DataFrame, start, end, platform: str | None, spans_of) -> list[str]:
    """The platforms (`platform`, or each of `exported`'s) whose exports in `exported` (the chosen platform and
    account, every format) cover some day from `start` to `end` (sources.covered_days): for the chosen table's
    attrs, where metrics.period_change finds that such a platform without a row there had 0 posts then, not an
    unknown number."""
    first, last = (periods.iso_day(day) if day else None for day in (start, end))
    names = [platform] if platform else sorted(exported["platform"].dropna().astype(str).unique())
    return [name for name in names if covered_days(exported, first, last, platform=name, spans=spans_of(name))[0]]


def _export_ends(chosen: pd.DataFrame, spans_of) -> dict:
    """{platform: {source file: last day it covers}} for the platforms of the chosen posts, over the exports
    `spans_of(platform)` gives (the chosen platform and account's; export_periods). For the chosen table's attrs: the rows cannot
    tell how far their export reaches, and metrics.period_change counts from the rows it is given which of them
    went out close to the download (sources.near_download). Only exports read: a file whose name gives its days
    or that is on disk. A table built by hand (no source file, or one no export was read from) names no
    download, and its last post is no sign of one, so its posts get no such claim."""
    ends = {}
    for platform in sorted(chosen["platform"].dropna().astype(str).unique()):
        ends[platform] = {file: last for file, (_, last) in spans_of(platform).items()
                          if _export_read(file)}
    return ends


def _export_read(file: str) -> bool:
    """Whether a post table's source file is an export the workbook read: its name gives the days it covers
    (sources.names_its_period), or it is a file on disk (a YouTube Studio table, LinkedIn's workbook)."""
    return bool(file) and (names_its_period(file) or Path(file).is_file())


def _not_in_posts(what: str, value, known: list[str], platform: str | None = None) -> WorkbookError:
    """The error for a platform, format or account the posts do not hold: what they hold and, when one is
    close (errors.close_match: 'instagram' for 'Instagram', a page's name in other capitals) or is the
    platform another name means (schema.platform_code: 'x' for 'twitter', 'instagram' for 'IG'), that one.
    Posts that carry no format or account at all (X's exports give no format) are said to, not listed as
    holding none: a format is then no way to choose among them."""
    if not known and what != "platform" and platform is not None:
        return WorkbookError(Message("imports.explore.none_given_platform", what=what, value=repr(value),
                                     platform=Message(f"platform.{platform}")))
    if not known and what != "platform":
        return WorkbookError(Message("imports.explore.none_given", what=what, value=repr(value)))
    values = {"what": what, "value": repr(value), "known": ", ".join(map(repr, known)) or "—"}
    meant = platform_code(value) if what == "platform" else None
    if meant is not None and meant not in known and meant != value:  # 'twitter' among posts of no X account
        return WorkbookError(Message("imports.explore.platform_absent", meant=repr(meant),
                                     platform=Message(f"platform.{meant}"), **values))
    close = meant if meant in known else close_match(value, known)
    if close is not None:
        return WorkbookError(Message("imports.explore.unknown_value_close", close=repr(close), **values))
    return WorkbookError(Message("imports.explore.unknown_value", **values))


def _check_within_span(posts: pd.DataFrame, start, end, platform: str | None, spans: dict) -> None:
    """An error when no export of the posts (of `platform`) covers any day from `start` to `end`
    (sources.covered_days: a file's period, not the first and last post of all, so a month between two
    monthly exports counts as not covered): the exports say nothing about those days, which an empty table
    would hide. Days an export covers but no post falls on give an empty table: nothing was published.
    `spans`: the days each export covers (export_periods), those holding no post included."""
    if posts.empty and not spans:
        return
    first, last = (periods.iso_day(day) if day else None for day in (start, end))
    covered, covers = covered_days(posts, first, last, spans=spans)
    if not covered:
        values = {"period": periods.period_words(start, end), "covers": covers}
        one = single_day_suffix(first, last)  # "load the exports that cover it", of one day
        if platform:
            raise WorkbookError(Message(f"imports.explore.outside_span_chosen{one}", chosen=f"platform={platform!r}",
                                        **values))
        raise WorkbookError(Message(f"imports.explore.outside_span{one}", **values))


#: The columns a first look at the post table needs (the table has some forty; pandas would hide the middle).
#: `impressions_kind` says what `impressions` counts: impressions, views (Meta since 2025, repeat views
#: included) or YouTube's thumbnail impressions; `published_precision` how much of `published_at` the export
#: gives (a date-only export's posts stand at midnight), which `shown` writes them by.
OVERVIEW_COLUMNS = ["platform", "published_at", "published_precision", "format", "reach", "impressions",
                    "impressions_kind", "video_views", "reactions", "comments", "shares", "saves", "interactions",
                    "paid", "text"]


def engagement_rate_of(posts: pd.DataFrame, platform: str) -> str:
    """The engagement rate a platform's posts are judged by: interactions ÷ its broadcast count
    (compare.broadcast_measure: reach, else impressions or video views), as a metrics.RATES name."""
    from .compare import RATE_OF_MEASURE, broadcast_measure

    return RATE_OF_MEASURE[broadcast_measure(select_posts(posts, platform=platform))]


def no_posts_error(posts: pd.DataFrame) -> WorkbookError:
    """The error for an empty table: where its exports were read and list no post, only their header (a
    download that stopped after it, or days without posts), it names them, rather than sending the analyst
    to load exports they have loaded; otherwise load exports with posts, or widen the filter."""
    if note := no_post_export(posts):  # a folder of daily series or Ads Manager reports alone: the workspace's note
        return WorkbookError(note)
    empty = only_header_read(posts)
    if posts.empty and empty:
        return WorkbookError(Message("imports.explore.no_posts_header_only",
                                     files=", ".join(Path(e.path).name for e in empty)))
    return WorkbookError(Message("imports.explore.no_posts"))


def _sentence(text: str) -> str:
    """A note written as an error's clause ("no post export was read, …") as a sentence of its own, to caption a
    table: its first letter in capitals and a full stop at its end."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def most_posted(posts: pd.DataFrame) -> tuple[str, str | None]:
    """The platform with the most posts and its most frequent format (None when its exports give none):
    a starting point for the recipes, whatever folder was loaded."""
    if posts.empty:
        raise no_posts_error(posts)
    platform = posts["platform"].value_counts().index[0]
    formats = posts.loc[posts["platform"] == platform, "format"].value_counts()
    return platform, (formats.index[0] if len(formats) else None)


def last_days(posts: pd.DataFrame, days: int = 30, *, platform: str | None = None,
              format: str | None = None, account: str | None = None, covered_only: bool = False) -> tuple[str, str]:
    """The first and last date (YYYY-MM-DD) of the `days` calendar days that end on the day of the last post
    (of `platform`, `format` and `account`, when given: in a folder of several platforms or pages, the last
    days of another one's exports may hold none of its posts). When those days hold posts dated to the month
    only (the UCI dataset) they are widened to whole months, from the first of the month they start in to the
    last day of the last post's month: select_posts chooses such posts by whole months. Month-dated posts
    outside those days (older exports in the same folder) widen nothing. `days` is a whole number of at
    least 1; anything else is an error, not a reversed period.

    `covered_only`: the days start no earlier than the exports (of the platform and account) cover without a
    gap up to the last day (sources.covered_days, select_posts' judgement), so that a period picked for the
    analyst, such as the notebook's, is not one the exports cover in part: 30 days up to 14 April of an export
    starting on 18 March are 18 March to 14 April, not 16 March to 14 April with a PartlyCovered warning."""
    if isinstance(days, bool) or not isinstance(days, (int, np.integer)) or days < 1:
        raise WorkbookError(Message("imports.explore.bad_days", value=repr(days)))
    chosen = select_posts(posts, platform=platform, format=format, account=account)
    if chosen.empty:
        raise no_posts_error(posts if posts.empty else chosen)
    last = pd.Timestamp(span(chosen)[1])
    first = last - pd.Timedelta(days=int(days) - 1)
    months = chosen["published_at"].dt.tz_localize(None)[periods.month_dated(chosen)].dt.to_period("M")
    if ((months.dt.end_time.dt.normalize() >= first) & (months.dt.start_time <= last)).any():
        first, last = first.to_period("M").start_time, last.to_period("M").end_time
    if covered_only:
        exported = select_posts(posts, platform=platform, account=account)  # a format's days are its platform's
        for name in sorted(chosen["platform"].dropna().astype(str).unique()):
            runs = covered_days(exported, first.date(), last.date(), platform=name)[0]
            if runs and runs[-1][1] == last.date():  # the run of covered days that reaches the last day
                first = max(first, pd.Timestamp(runs[-1][0]))
    return first.strftime("%Y-%m-%d"), last.strftime("%Y-%m-%d")


def view_language(language: str | None = None) -> str:
    """The language the explorer shows a table in (summary_view, shown, agreement_shown, formats_shown,
    report_view) and save_table writes its words in: `language` when given, else the active one
    (i18n.use_language), so that a notebook switched to Indonesian shows and saves Indonesian, and a saved
    file says what the table on screen says."""
    return language or active_language()


def summary_view(posts: pd.DataFrame, by: str = "platform", *, language: str | None = None):
    """metrics.channel_summary with one column per channel, formatted to read: counts as whole numbers with
    thousands separators, rates of interactions as percentages, per-post rates, frequency and watch time with
    two decimals; NaN (nothing reported) as "not reported". Labels and numbers are in `language` (by default
    the active one: view_language; the Translator's formats, as in the client report: "3,58%" in Indonesian).
    The numbers stay in `.data`, under channel_summary's English labels, for code that indexes by them;
    save_table writes them under the labels shown (SavedLabels), the column of row labels named.

    A formula that sums impressions names what the exports counted (impressions_kind of the posts it covers):
    "frequency (Σ views ÷ Σ reach)" for Meta's exports since 2025, which count views, repeat views included.

    By another column than the platform (by="format", "account", a weekday column of your own), one column per
    platform and value (the platform above, the value below; metrics.group_columns): one name may be on several
    platforms, and each platform's figures count what its exports count (a Facebook reel's reach is not an
    Instagram reel's). Column names are shown escaped, since account names come from the exports. Platforms
    and formats are shown by their names in `language` ("Instagram", "foto"), posts of no named account or
    format as such; `.data` keeps the codes.

    Each column gives the days from its first to its last post (span; in `.data`, how many days), below its
    posts: a fact of its posts, not of the days its exports cover, so nothing is said when columns differ
    (two platforms exported over the same days end on different posts; a format posted once spans one day).

    A table without posts is said to list none, in a caption, which names the post exports read that list
    their header alone (sources.exports_without_posts): the account may have published nothing, or the
    download may have stopped after the header.
    """
    tr = translator(view_language(language))
    table = metrics.channel_summary(posts, by).T
    spans = _column_spans(posts, by)
    if len(table.columns):
        table = pd.concat([table.iloc[:1], pd.DataFrame([[covered_days_count([spans[key]]) for key in table.columns]],
                                                        index=[_DAYS_ROW], columns=table.columns), table.iloc[1:]])
    missing = tr.t("common.not_reported")
    styler = table.style.format(na_rep=missing).hide(axis=1, names=True)
    for label in table.index:
        if label == _DAYS_ROW:  # each column its own days: "14 Jan 2025 – 15 Apr 2025 (92 days)"
            for key in table.columns:
                styler = styler.format(lambda _, days=spans[key]: html.escape(tr.t(
                    "imports.explore.summary_days_value", first=tr.short_date(days[0]), last=tr.short_date(days[1]),
                    days=tr.number(covered_days_count([days])))), subset=pd.IndexSlice[[label], [key]])
            continue
        styler = styler.format(_formatter(_row_number(label, tr), missing), subset=pd.IndexSlice[[label], :])
    columns = [tuple(_column_label(value, level, tr) for value, level in
                     zip(key if isinstance(key, tuple) else (key,), table.columns.names, strict=True))
               for key in table.columns]
    styler = styler.relabel_index([c if len(c) > 1 else c[0] for c in columns], axis=1)
    rows = [_row_label(label, posts, tr) for label in table.index]
    styler = styler.relabel_index(rows, axis=0)
    # save_table writes these labels, the screen's, not .data's English ones (_SAVED_LABELS)
    setattr(styler, _SAVED_LABELS, SavedLabels(
        rows=dict(zip(table.index, rows, strict=True)), row_heading=tr.t("imports.explore.summary_label_column"),
        columns={key: tuple(html.unescape(text) for text in label) if len(label) > 1 else html.unescape(label[0])
                 for key, label in zip(table.columns, columns, strict=True)}))
    if note := no_post_export(posts):  # no post export read: the workspace's note, in the table's language
        styler = styler.set_caption(html.escape(_sentence(tr.message(note))))
    elif posts.empty:  # an empty table alone says nothing: why there is no figure, and the exports of a header alone
        said = [tr.t("imports.explore.summary_no_posts")]
        if header_only := only_header_read(posts):
            said.append(tr.t("imports.explore.summary_header_only" + ("_one" if len(header_only) == 1 else ""),
                             files=tr.join([Path(export.path).name for export in header_only])))
        styler = styler.set_caption(html.escape(" ".join(said)))
    return styler


class SavedLabels(NamedTuple):
    """The labels a table shown on screen (a Styler) is saved under, where they differ from its `.data`'s:
    {row of .data: label shown}, the heading of the column of those labels, and {column of .data: heading
    shown} (a tuple for headings of two levels)."""

    rows: dict
    row_heading: str
    columns: dict


#: The Styler attribute holding its SavedLabels (summary_view's), which save_table writes.
_SAVED_LABELS = "workbook_saved_labels"


def paid_label(value, tr: Translator) -> str:
    """A value of the `paid` column (metrics.paid_flag) in words: paid, organic, or not known (the group
    metrics.group_keys names UNKNOWN_GROUP), rather than True, False and 'unknown'."""
    if isinstance(value, (bool, np.bool_)):
        return tr.t("imports.explore.paid_yes" if value else "imports.explore.paid_no")
    if value is pd.NA or value == metrics.UNKNOWN_GROUP:
        return tr.t("imports.explore.paid_unknown")
    return str(value)


#: summary_view's row of the days each column's posts span (in `.data`: how many days), below "posts".
_DAYS_ROW = "days from its first to its last post"


def _column_spans(posts: pd.DataFrame, by: str) -> dict:
    """{column of channel_summary: (first day, last day)} its posts span (span: whole months for posts dated
    to the month only), as dates."""
    return {(tuple(key.values()) if len(key) > 1 else next(iter(key.values()))):
            tuple(pd.Timestamp(day).date() for day in span(group)) for key, group in metrics._groups(posts, by)}


def _column_label(value, level: str | None, tr: Translator) -> str:
    """A summary column's heading, escaped (account names come from the exports): a platform or format by
    its name in the translator's language, the group of posts naming none (metrics.UNKNOWN_GROUP) as such."""
    if level == "platform":
        text = tr.platform(str(value))
    elif level == "format":
        text = tr.format_name(str(value))
    elif level == "paid":
        text = paid_label(value, tr)
    elif value == metrics.UNKNOWN_GROUP:
        text = tr.t("imports.explore.summary_no_name")
    else:
        text = str(value)
    return html.escape(text)


#: channel_summary's row label -> (kpi, which value), from metrics.SUMMARY_ROWS; its other row is
#: "impressions kind" (what `impressions` counts).
_SUMMARY_ROWS = {label: (kpi, field) for label, kpi, field in metrics.SUMMARY_ROWS}
_KINDS_ROW = "impressions kind"


def _row_number(label: str, tr: Translator):
    """How a summary row's values are shown: posts covered and totals as whole numbers, rates of
    interactions (metrics.PERCENT_RATES) as percentages, other rates, per-post rates and watch time in hours
    with two decimals; "impressions kind" as the report's words for the counts."""
    if label == _KINDS_ROW:  # channel_summary joins the kinds with " + ", or says "not reported"
        return lambda kinds: (tr.t("common.not_reported") if kinds == "not reported" else " + ".join(
            tr.t(f"imports.quality.kinds_{kind}") for kind in str(kinds).split(" + ")))
    kpi, field = _SUMMARY_ROWS[label]
    if field == "posts_covered":
        return tr.number
    if kpi in metrics.PERCENT_RATES:
        return lambda value: tr.percent(value, 2)
    if kpi in metrics.RATES or kpi in metrics.PER_POST or kpi == "watch_time_hours":
        return lambda value: tr.number(value, 2)
    return tr.number


#: The rates whose summary row sums impressions in a formula ("frequency (Σ impressions ÷ Σ reach)").
_SUMS_IMPRESSIONS = ("frequency", "engagement_rate_by_impressions")


def _row_label(label: str, posts: pd.DataFrame, tr: Translator) -> str:
    """A summary row's label in the translator's language (imports.explore.summary_row.<kpi>.<value>), with
    "Σ impressions" saying what the posts it covers counted (the report's words, imports.quality.kinds_*):
    views (Meta since 2025), thumbnail impressions (YouTube). A rate by YouTube's thumbnail impressions alone
    says that they count thumbnails shown, not views of the video: YouTube's videos are judged by video views,
    and its engagement rate by impressions is no engagement rate of the video (the report leaves it out).

    One label heads every column, so where the posts it covers count different things (several platforms, or
    Facebook before and after Meta's switch to views) it sums "impressions or views", the label of the row
    they are totalled in: each column its own count, which the row 'impressions kind' names. Their words joined
    ("Σ impressions + views ÷ Σ reach") would read as one sum of several counts, and one platform's note
    would stand over every column."""
    if label == _KINDS_ROW:
        return tr.t("imports.explore.summary_row.impressions_kind")
    if label == _DAYS_ROW:
        return tr.t("imports.explore.summary_days_row")
    kpi, field = _SUMMARY_ROWS[label]
    kinds = set()
    if kpi in _SUMS_IMPRESSIONS and not posts.empty:
        kinds = set(posts.loc[metrics.rate(posts, kpi).notna().to_numpy(bool), "impressions_kind"].dropna().unique())
    if len(kinds) > 1:  # each column's own count: "impressions or views", as the row of their totals says
        counted = tr.t("imports.explore.summary_row.impressions.value")
    else:
        counted = tr.t(f"imports.quality.kinds_{metrics.counted_kind(kinds, 'impressions')}")
    text = tr.t(f"imports.explore.summary_row.{kpi}.{field}", counted=counted)
    if kinds == {"thumbnail_impressions"} and field != "posts_covered":
        return tr.t("imports.explore.summary_thumbnails", label=text)
    return text


#: The columns of compare_groups' medians after the group's (which is the index once set as it).
_MEDIANS_COLUMNS = ["posts", "median", "ci_low", "ci_high", "tested"]


def _medians_measure(table: pd.DataFrame) -> str | None:
    """The measure compare_groups' medians carry in their attrs, while `table` is still such medians; None
    otherwise. Still medians: some of their columns, one of them in the measure's unit (_IN_MEASURE_UNITS),
    besides at most the group's column (not a float: no figure computed beside them), their rows kept, sorted
    or filtered under their own numbers, or under the group's values once it is the index. pandas copies attrs
    to what is made of a table: describe()'s rows are statistics (a count is no rate), an assign()ed column is
    in no known unit, so neither is read in the measure."""
    extra = [column for column in table.columns if column not in _MEDIANS_COLUMNS]
    if len(extra) > 1 or not any(column in _IN_MEASURE_UNITS for column in table.columns):
        return None
    if extra and (pd.api.types.is_float_dtype(table[extra[0]]) or table.index.name is not None):
        return None
    rows_are_medians = (pd.api.types.is_integer_dtype(table.index) if table.index.name is None
                        else not extra)  # their own numbers, or the group's values set as the index
    return table.attrs.get("measure") if rows_are_medians else None


def _formatter(number, missing: str):
    """A Styler formatter: `number(value)` for a value, `missing` for NA."""
    return lambda value: missing if pd.isna(value) else number(value)


#: What compare_groups' medians and their intervals are in: the unit of the measure compared.
_IN_MEASURE_UNITS = ("median", "ci_low", "ci_high")


#: The post table's figures and per-post metrics (schema.POST_COLUMNS, metrics.post_metrics): a missing one is
#: one the export did not report, which `shown` says; any other column is a statistic, missing where too few
#: posts give it.
_REPORTED_COLUMNS = frozenset(schema.POST_COLUMNS) | {"interactions", "watch_time_hours"} | frozenset(metrics.RATES)

#: Counts of posts in KPI tables (metrics.kpis, metrics.period_change): whole numbers, even in a float column
#: (period_change's side of a group one period lacks is NaN, which an integer column cannot hold).
_POST_COUNT_COLUMNS = ("posts", "posts_covered", "posts_previous", "posts_covered_previous")


def shown(table: pd.DataFrame | dict, *, measure: str | None = None, language: str | None = None,
          max_text: int = 90):
    """A table as the explorer shows it: rates of interactions (metrics.PERCENT_RATES) as percentages, other
    rates and averages with two decimals, counts as whole numbers with thousands separators, a post's missing
    figure as "not reported" (summary_view's words: missing is not "not applicable"), a statistic too few
    posts give (an interval, a p-value of no test) as "n/a", as the report writes it, post texts and labels
    escaped, texts cut to `max_text` characters. Numbers are formatted by the Translator of `language` (by
    default the active one: view_language), as the client report formats them (display.metric_text).
    `measure`: the rate that compare.compare_groups' 'median', 'ci_low' and 'ci_high' are in (its result's
    "measure"). Given compare_groups' result itself, or its medians (which carry it in their attrs, read while
    the table is still those medians: _medians_measure), `shown` takes it from them: a rate's medians read 6.25%, not 0.06. A measure given that the workbook does not
    know (a misspelt rate) is an error naming the one likely meant (_check_measure), not a silent plain number.

    A pandas Styler, not a new table: posts_behind and compare_groups return numbers (a rate as the fraction
    0.357, a count as Int64) because analysts sort, filter and compute with them; only what is shown reads
    35.71%. The numbers are in `.data`.
    """
    # display loads matplotlib and IPython: imported here, so that `python -m helpers inspect` (describe reads
    # folders with export_files) and the test suite's conftest.py stay light
    from .display import TWO_DECIMALS, metric_text, p_value_text, shorten

    own = None
    if isinstance(table, dict) and isinstance(table.get("medians"), pd.DataFrame):  # compare_groups' result
        own, table = table.get("measure"), table["medians"]
    elif isinstance(table, dict):
        raise WorkbookError(Message("imports.explore.shown_no_medians"))
    if not isinstance(table, pd.DataFrame):
        raise WorkbookError(Message("imports.explore.shown_not_a_table", given=type(table).__name__))
    own = own or _medians_measure(table)
    if measure is not None and measure != own:
        _check_measure(measure)
    measure = measure or own
    tr = translator(view_language(language))
    missing, not_computed = tr.t("common.not_reported"), tr.t("common.na")
    # labels escaped too: a table grouped by account has the exports' page names as its index or columns
    styler = table.style.format(na_rep=missing).format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    for column in table.columns:
        values = table[column]
        name = measure if column in _IN_MEASURE_UNITS and measure else column
        # a post's figure the export left out is not reported; a statistic of them (an interval, rho, a
        # median) too few posts to compute is not applicable
        missing = tr.t("common.not_reported") if column in _REPORTED_COLUMNS else not_computed
        if name in metrics.PERCENT_RATES + metrics.MONEY_RATES + TWO_DECIMALS or name == "engagement_rate_by_broadcast":
            shown_as = _formatter(lambda v, name=name: metric_text(tr, name, v), missing)
        elif column in ("p", "p_value", "p_holm"):  # p-values as the report writes them: 0.0004 is not "0.00"
            # escaped as every cell is: a Styler shows a formatter's text as HTML, and '< 0.001' is not
            shown_as = _formatter(lambda v: html.escape(p_value_text(tr, v)), tr.t("common.na"))  # no test: n/a
        elif column == "effect":  # compare's sizes of Cliff's delta, in the report's words
            shown_as = _formatter(lambda v: html.escape(tr.t(f"effect.{v}") if f"effect.{v}" in tr.texts
                                                        else str(v)), not_computed)
        elif column == "paid":  # grouped by the paid flag: paid, organic, or not known, not True and False
            shown_as = _formatter(lambda v: html.escape(paid_label(v, tr)), missing)
        elif column in _POST_COUNT_COLUMNS and pd.api.types.is_numeric_dtype(values):
            shown_as = _formatter(lambda v: tr.number(int(v)), missing)
        elif pd.api.types.is_bool_dtype(values):  # compare_groups' 'tested': yes or no, not True
            shown_as = _formatter(lambda v: tr.t("common.yes" if v else "common.no"), missing)
        elif pd.api.types.is_integer_dtype(values):
            shown_as = _formatter(tr.number, missing)
        elif pd.api.types.is_float_dtype(values):
            shown_as = _formatter(lambda v: tr.number(v, 2), missing)
        elif not pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_datetime64_any_dtype(values):
            # words (text, categorical, object): escaped, since a Styler shows its cells as they are
            shown_as = _formatter(lambda v: html.escape(shorten(str(v), max_text)), missing)
        else:
            continue
        styler = styler.format(shown_as, subset=[column])
    return _published_shown(_kpi_values_shown(styler, table, tr), table, tr)


def _published_shown(styler, table: pd.DataFrame, tr):
    """A table of posts' publish times each written as far as its export gives it (display.published_text, as
    the report writes a post's date): a date-only export's post (LinkedIn, TikTok, YouTube) by its day, not at
    the midnight it is stored at ("24 Jun 2025", not "2025-06-24 00:00:00+02:00", whose offset changes with
    daylight saving time), a month-dated post by its month, any other by its day and time of day. Read from
    the table's published_precision (OVERVIEW_COLUMNS and posts_behind carry it), the times stored or read back
    as text (a table from pd.read_csv); a row whose precision is blank is written by its time, as
    published_text says. A table without the column is left as it is: its times cannot be told from a post's
    midnight."""
    from .display import published_text

    if "published_at" not in table or "published_precision" not in table:
        return styler
    precisions = table["published_precision"].astype("string")
    for precision in [*precisions.dropna().unique(), None]:
        chosen = precisions.isna() if precision is None else precisions.eq(precision).fillna(False)
        rows = table.index[chosen.to_numpy(bool)]
        if len(rows):
            styler = styler.format(lambda v, precision=precision: published_text(tr, v, precision, time=True),
                                   subset=pd.IndexSlice[rows, ["published_at"]])
    return styler


#: The measures `shown` knows the unit of: the post table's numeric figures, the per-post metrics and
#: compare.with_broadcast's rate; a measure given that is none of them is a slip (_check_measure).
_KNOWN_MEASURES = tuple(dict.fromkeys(
    [name for name, (kind, _) in schema.POST_COLUMNS.items()
     if kind in ("Int64", "Float64") and name != "source_row"]  # a row number measures nothing
    + ["interactions", "watch_time_hours", *metrics.RATES, "engagement_rate_by_broadcast"]))


def _check_measure(measure) -> None:
    """An error for a `measure` given to shown that the workbook does not know ('engagment_rate_by_reach'),
    naming the one likely meant, as compare_groups does for its measure: its medians would otherwise be shown
    as plain numbers, a rate's as 0.06 for 6.25%, without a word."""
    if not isinstance(measure, str) or measure not in _KNOWN_MEASURES:
        raise unknown_name(Message("imports.names.measure"), measure, _KNOWN_MEASURES)


#: The columns of a KPI table (metrics.kpis, metrics.period_change) and the unit each is in: "value", the unit of
#: the row's KPI; "change", that of its change between two periods, and of the ends of the change's 95% interval
#: (ci_low, ci_high: period_change's intervals are the change's), percentage points for a percentage (change_text);
#: "relative", a fraction of the previous period's value, as a percentage (relative_text).
_KPI_UNIT_COLUMNS = {"value": "value", "mean_of_post_rates": "value", "value_previous": "value",
                     "mean_of_post_rates_previous": "value", "change": "change", "ci_low": "change", "ci_high": "change",
                     "relative_change": "relative", "relative_ci_low": "relative", "relative_ci_high": "relative"}
#: The changes themselves, written with their sign as the report writes a change ("+0.95 pp"); the ends of their
#: intervals are not ("95% CI -2.30 to 0.36").
_SIGNED_COLUMNS = ("change", "relative_change")


def _kpi_values_shown(styler, table: pd.DataFrame, tr):
    """A KPI table's figures each in its KPI's unit, as the report shows them (display.metric_text): a count
    (posts, summed reach) a whole number, not 118.00; a rate of interactions a percentage; others with their
    decimals. A period_change's change in the unit of a change (_KPI_UNIT_COLUMNS): a percentage's in percentage
    points, a count's a count; its relative change a percentage. The column holds every KPI of a channel, so its
    dtype (float) cannot say which."""
    from .display import metric_text

    if "kpi" not in table:
        return styler
    for kpi in table["kpi"].dropna().unique():
        rows = table.index[table["kpi"].eq(kpi).fillna(False).to_numpy(bool)]
        for column in (c for c in _KPI_UNIT_COLUMNS if c in table):
            unit, signed = _KPI_UNIT_COLUMNS[column], column in _SIGNED_COLUMNS
            text = ((lambda v, kpi=kpi: metric_text(tr, kpi, v)) if unit == "value"
                    else (lambda v, kpi=kpi, signed=signed: change_text(tr, kpi, v, signed=signed)) if unit == "change"
                    else (lambda v, signed=signed: relative_text(tr, v, signed=signed)))
            # a figure over the posts, or one that does not apply (a total's mean of post rates): n/a, as shown
            # before; 'not reported' is for a post's own figure the export left out (shown)
            styler = styler.format(_formatter(text, tr.t("common.na")), subset=pd.IndexSlice[rows, [column]])
    return styler


def change_text(tr: Translator, name: str, value, *, signed: bool = False) -> str:
    """A change of the metric `name` between two periods, or an end of its 95% interval, as the report writes it: a
    percentage's (display.metric_text's percentages) in percentage points ("-0.91 pp", change.points: a
    difference of two percentages is no percentage of anything), with the digits that keep a change that is not
    0 from reading 0 (Translator.estimate); any other's in the metric's own unit (a count's a whole number).
    `signed`: with its sign, "+" too, as a change itself is written."""
    from .display import metric_text

    if name in metrics.PERCENT_RATES or name == "engagement_rate_by_broadcast":
        text = tr.t("change.points", points=tr.estimate(value * 100, 2))
    else:
        text = metric_text(tr, name, value)
    return tr.signed(text) if signed else text


def relative_text(tr: Translator, value, *, signed: bool = False) -> str:
    """A relative change (a fraction of the previous value) or an end of its 95% interval as a percentage, with
    the report's decimals (report.relative_digits: one below 100%, none from 100% on; more where those would read
    a change that is not 0 as 0), and an end without bound (the previous value 0 in many resamples) as "no upper
    bound", as the report says it, never "∞". `signed`: with its sign, "+" too."""
    from .report import relative_digits

    text = tr.estimate(value, relative_digits(value), percent=True)
    return tr.signed(text) if signed else text


def agreement_shown(agreement: pd.DataFrame, posts: pd.DataFrame, *, language: str | None = None):
    """compare.rank_agreement_by_broadcast's table as the explorer shows it, read as the client report's
    agreement table: headings and platforms in `language` (by default the active one), each of Spearman's rho
    and Kendall's tau with its 95% interval in one cell ("0.62 (0.48 to 0.73)"), rho's p-value as the report
    writes it, 'compared by' in words, the bounds' and the confidence level's own columns left out (the headings
    say 95%). A caption says, for each platform whose row has no rho, why, in the client report's words: its
    exports report no interactions (YouTube exports without likes or comments), too few posts report both
    measures, or one measure is the same for every post. A row of n/a alone would not say which. The numbers,
    every column, are in `.data`."""
    from .report import agreement_not_computed, broadcast_word, estimate_cell

    tr = translator(view_language(language))
    measures = agreement["compared by"].dropna() if "compared by" in agreement else pd.Series(dtype="string")
    kinds = posts.groupby("platform", observed=True)["impressions_kind"].agg(lambda k: set(k.dropna()))
    words = {platform: broadcast_word(tr, measure, kinds.get(platform, set())) for platform, measure in measures.items()}
    styler = shown(agreement, language=tr.language)
    for platform, word in words.items():  # 'impressions', 'video views': the word the report uses
        styler = styler.format(lambda _, word=word: html.escape(word),
                               subset=pd.IndexSlice[[platform], ["compared by"]])
    for value, low, high in _AGREEMENT_INTERVALS:  # each coefficient with its interval, as the report's table
        if {value, low, high} <= set(agreement.columns):
            styler = _in_one_cell(styler, agreement, value, lambda row, v=value, lo=low, hi=high: estimate_cell(
                tr, row[v], row[lo], row[hi]))
    headings = {"posts": tr.t("imports.explore.summary_row.posts.value"), "n": tr.t("agreement.posts"),
                "rho": tr.t("imports.explore.agreement_rho"), "p_value": tr.t("imports.explore.agreement_p"),
                "tau": tr.t("imports.explore.agreement_tau"), "compared by": tr.t("agreement.measure")}
    styler = _headed(styler, agreement, headings, ("ci_low", "ci_high", "tau_ci_low", "tau_ci_high", "confidence"))
    styler = styler.hide(axis=0, names=True).format_index(lambda platform: html.escape(tr.platform(str(platform))),
                                                          axis=0)
    notes = [agreement_not_computed(tr, platform, int(row["n"]), posts[posts["platform"] == platform],
                                    words.get(platform, tr.t("lens.word_reach")))
             for platform, row in agreement.iterrows() if pd.isna(row["rho"])]
    return styler.set_caption(html.escape(" ".join(notes))) if notes else styler


#: rank_agreement's coefficients and the bounds of their 95% intervals, shown in one cell by agreement_shown.
_AGREEMENT_INTERVALS = (("rho", "ci_low", "ci_high"), ("tau", "tau_ci_low", "tau_ci_high"))


def _in_one_cell(styler, table: pd.DataFrame, column: str, cell):
    """`styler` with each row's `column` cell showing `cell(row)`, escaped: what several columns of the row say
    together, read in one cell (an estimate with its 95% interval, "0.62 (0.48 to 0.73)"; a pair of formats).
    The columns it is written from stay in `.data`; _headed hides them."""
    for label, row in table.iterrows():
        styler = styler.format(lambda _, text=cell(row): html.escape(text), subset=pd.IndexSlice[[label], [column]])
    return styler


def _headed(styler, table: pd.DataFrame, headings: dict, hidden: tuple[str, ...]):
    """`styler` with `table`'s columns of `hidden` left out (their figures are read in another's cell:
    _in_one_cell) and the others headed by `headings` (in the table's language, naming what a cell holds and in
    what: "median engagement rate by reach (95% CI)"), a column without one by its name, escaped."""
    hidden = [column for column in hidden if column in table]
    return styler.hide(subset=hidden, axis=1).relabel_index(
        [html.escape(headings.get(column, str(column))) for column in table.columns if column not in hidden], axis=1)


def measure_words(tr: Translator, measure: str, posts: pd.DataFrame) -> str:
    """A measure as the client report names it where `posts`' impressions are of their impressions_kind: a
    broadcast count by the report's word (report.broadcast_word: 'views' for Meta's views, not the catalogue's
    "impressions (or views)"), a rate by its label, with what impressions count beside a rate by impressions
    (report.rate_label: "engagement rate by impressions (views)"), any other measure by its label."""
    from .report import broadcast_word, rate_label

    kinds = frozenset(posts["impressions_kind"].dropna()) if "impressions_kind" in posts else frozenset()
    if measure in ("reach", "impressions", "video_views"):
        return broadcast_word(tr, measure, kinds)
    return rate_label(tr, measure, kinds)


def formats_shown(comparison: dict, posts: pd.DataFrame, *, language: str | None = None):
    """compare.compare_groups(posts, "format", measure) as the explorer shows it, as HTML. When fewer than
    two formats have enough posts to be tested, only why, in the client report's words (the exports give no
    post's format, every post is of one format, ...): a test of no format is no result, and the posts of no
    format, listed as "unknown" in the numbers, are no format. Otherwise the formats' medians, each in the
    unit of the measure with its 95% interval in one cell (_medians_shown; posts of no format named as such),
    the Kruskal–Wallis test across them (the measure named as the report names it: measure_words) and whether
    one is ahead (compare.clear_leader) in a sentence each, and the pairs (_pairs_shown: Cliff's delta with its
    interval, the Holm-adjusted p), under headings in `language` (by default the active one), as agreement_shown
    shows its table. `posts`: the posts compared. The numbers stay in `comparison`."""
    from IPython.display import HTML

    from .compare import SIGNIFICANCE, clear_leader
    from .display import p_phrase
    from .report import formats_not_compared

    tr = translator(view_language(language))
    kruskal, measure = comparison["kruskal"], comparison["measure"]
    if kruskal["groups"] < 2:
        return HTML("".join(f"<p>{html.escape(formats_not_compared(tr, platform, mine))}</p>"
                            for platform, mine in posts.groupby("platform", sort=True, observed=True)))
    # the measure by its label, as the report names it ("engagement rate by reach"), not its column's name
    words = measure_words(tr, measure, posts)
    medians = _medians_shown(comparison["medians"], measure, words, tr)
    values = {"groups": tr.number(kruskal["groups"]), "measure": words}
    if pd.isna(kruskal["p_value"]):  # every post of the tested formats has the same value
        test = tr.t("imports.explore.formats_equal", **values)
    else:
        differ = kruskal["p_value"] < SIGNIFICANCE
        test = tr.t("imports.explore.formats_differ" if differ else "imports.explore.formats_unclear", **values,
                    h=tr.number(kruskal["H"], 1), p=p_phrase(tr, kruskal["p_value"]))
    leader = clear_leader(comparison)
    ahead = (tr.t("imports.explore.formats_leader", format=tr.format_name(leader)) if leader
             else tr.t("imports.explore.formats_no_leader"))
    pairs = _pairs_shown(comparison["pairs"], tr)
    return HTML(medians.hide(axis=0).to_html() + f"<p>{html.escape(test)} {html.escape(ahead)}</p>"
                + pairs.hide(axis=0).to_html())


def _medians_shown(medians: pd.DataFrame, measure: str, words: str, tr: Translator):
    """compare_groups' medians as formats_shown shows them, as agreement_shown shows its coefficients
    (_in_one_cell, _headed): each format by its name (posts of no format as such), the median in the unit of
    `measure` with its 95% interval in one cell ("6.25% (4.48% to 8.11%)"; alone where too few posts give an
    interval), under headings in tr's language naming the measure (`words`: "median engagement rate by reach
    (95% CI)")."""
    from .display import metric_text

    group = medians.columns[0]
    styler = shown(medians, measure=measure, language=tr.language).format(lambda name: html.escape(
        tr.t("imports.explore.summary_no_name") if name == metrics.UNKNOWN_GROUP else tr.format_name(str(name))),
        subset=[group])
    styler = _in_one_cell(styler, medians, "median", lambda row: _interval_cell(
        tr, row["median"], row["ci_low"], row["ci_high"], lambda v: metric_text(tr, measure, v)))
    median = (tr.t("formats.median_rate", rate=words) if measure in metrics.RATES
              else tr.t("formats.median_reach", by=words))
    headings = {group: tr.t("formats.format"), "posts": tr.t("formats.posts"), "median": median,
                "tested": tr.t("imports.explore.formats_tested")}
    return _headed(styler, medians, headings, ("ci_low", "ci_high"))


def _pairs_shown(pairs: pd.DataFrame, tr: Translator):
    """compare_groups' pairs as formats_shown shows them, as the report's table of format tests: the two formats
    and their posts in one cell each ("photo – reel", "39 – 38"), Mann–Whitney's p before the adjustment, Cliff's
    delta with its 95% interval in one cell (report.estimate_cell), its size in words and the Holm-adjusted p,
    under headings in tr's language."""
    from .report import estimate_cell

    styler = shown(pairs, language=tr.language)
    styler = _in_one_cell(styler, pairs, "a", lambda row: f"{tr.format_name(str(row['a']))} – "
                                                          f"{tr.format_name(str(row['b']))}")
    styler = _in_one_cell(styler, pairs, "n_a", lambda row: f"{tr.number(row['n_a'])} – {tr.number(row['n_b'])}")
    styler = _in_one_cell(styler, pairs, "cliffs_delta", lambda row: estimate_cell(
        tr, row["cliffs_delta"], row["delta_low"], row["delta_high"]))
    headings = {"a": tr.t("formats.pair"), "n_a": tr.t("formats.posts"), "p_value": tr.t("imports.explore.formats_p"),
                "cliffs_delta": tr.t("imports.explore.formats_delta"), "effect": tr.t("formats.effect"),
                "p_holm": tr.t("formats.p_holm")}
    return _headed(styler, pairs, headings, ("b", "n_b", "delta_low", "delta_high"))


def _interval_cell(tr: Translator, value, low, high, text) -> str:
    """An estimate and its 95% interval in one cell, each written by `text` (in the estimate's unit: "6.25%
    (4.48% to 8.11%)"), as the report's format table writes a median; the estimate alone where it has no
    interval, n/a where there is none."""
    if pd.isna(value):
        return tr.t("common.na")
    if pd.isna(low) or pd.isna(high):
        return text(value)
    return tr.t("common.interval", value=text(value), low=text(low), high=text(high))


#: The style of files_shown's notes: whole and wrapped, their lines kept ("what to do: ..." on a line of its own),
#: aligned left as text reads, in a column wide enough to read them in.
_NOTES_STYLE = {"white-space": "pre-line", "text-align": "left", "min-width": "28em", "max-width": "60em"}


def files_shown(workspace: Workspace, *, language: str | None = None):
    """workspace.files() as the explorer shows it, headings and notes in `language` (by default the active one):
    each note whole, never cut, wrapped in its cell with its lines kept, so that a skipped file's advice (to
    extract a zip, to export a CSV), which comes after its reason, can be read; file names and notes escaped, as
    they come from the folder. A DataFrame shown as it is cuts every cell to 50 characters. The table itself:
    workspace.files()."""
    tr = translator(view_language(language))
    table = workspace.files(language=tr.language)
    headings = {"file": tr.t("imports.explore.files_heading_file"),
                "table": tr.t("imports.explore.files_heading_table"),
                "imported": tr.t("imports.explore.files_heading_imported"),
                "notes": tr.t("imports.explore.files_heading_notes")}
    styler = shown(table, language=tr.language, max_text=None).format(
        lambda note: html.escape(str(note)), subset=["notes"]).set_properties(subset=["notes"], **_NOTES_STYLE)
    return styler.hide(axis=0).relabel_index([html.escape(headings[column]) for column in table.columns], axis=1)


def daily_shown(workspace: Workspace, start=None, end=None, *, language: str | None = None):
    """The workspace's daily series as the explorer shows them, as HTML with plain headings in `language` (by
    default the active one): the accounts reached per day (daily.daily_unique_reach: the median day, the
    lowest and the highest, never a sum over days) and the followers from `start` to `end`
    (daily.follower_growth), then what to know before reading them (daily.day_notes: days that run in another
    time zone than the posts', a file's last day left out). `start`, `end`: YYYY-MM-DD, checked as select_posts
    checks them (checked_days); by default the first and last day the figures count (daily.whole_span), so the
    heading ends on a day they hold. A folder without daily series gets a sentence saying so, and days they do
    not cover one naming the days they do. The numbers:
    daily.daily_unique_reach(workspace.daily, start, end) and daily.follower_growth(workspace.daily, start, end)."""
    from IPython.display import HTML

    from .daily import (DAILY_UNIQUE, daily_unique_reach, day_notes, follower_growth, not_covered, sponsored_days,
                        whole_span)

    tr = translator(view_language(language))
    daily = workspace.daily
    if daily is None or daily.empty:
        return HTML(f"<p>{html.escape(tr.t('imports.explore.daily_none'))}</p>")
    zone = workspace.posts["published_at"].dt.tz if len(workspace.posts) else None
    start, end = checked_days(start, end, zone)
    covers = whole_span(daily) or (daily["date"].min(), daily["date"].max())
    first = periods.iso_day(start) if start else covers[0].date()
    last = periods.iso_day(end) if end else covers[1].date()
    # the notes name a file's last day left out even where the period, by default, ends the day before it
    notes = day_notes(daily, workspace.sources.daily_reports, first, last, str(zone), workspace.posts,
                      left_out_until=last if end else max(last, daily["date"].max().date())) if zone else []
    notes = [f"<p>{html.escape(tr.message(note))}</p>" for note in notes]
    # the days asked as dates, as the span beside them is written, one-sided as asked
    asked = periods.period_words(first if start else None, last if end else None) if start or end else None
    if (said := not_covered(daily, first, last, asked)) is not None:
        return HTML(f"<p>{html.escape(tr.message(said))}</p>" + "".join(notes))
    words = {"start": tr.date(first), "end": tr.date(last)}
    unique = daily_unique_reach(daily, first, last)
    reach = _daily_reach_table(unique, tr)
    growth = _growth_table(follower_growth(daily, first, last), tr)
    # no unique count on these days, or in none of the series at all
    none = tr.t("imports.explore.daily_reach_none_days" if daily["metric"].isin(DAILY_UNIQUE).any()
                else "imports.explore.daily_reach_none")
    parts = [f"<h4>{html.escape(tr.t('imports.explore.daily_reach_heading', **words))}</h4>",
             shown(reach, language=tr.language).hide(axis=0).to_html() if len(reach)
             else f"<p>{html.escape(none)}</p>"]
    parts += [f"<p>{html.escape(text)}</p>" for text in _organic_notes(unique, sponsored_days(daily, first, last), tr)]
    parts += [f"<h4>{html.escape(tr.t('imports.explore.daily_growth_heading', **words))}</h4>",
             shown(growth, language=tr.language).hide(axis=0).to_html()]
    return HTML("".join(parts + notes))


def paid_shown(view):
    """The Ads Manager delivery of a report view's period (report_view), in the report's words
    (Report.paid_delivery_sentences: the days its rows cover, impressions, spend and CPM, rows past the period's
    edges left out whole, which report is quoted where two describe the same delivery), as a bulleted list; a
    folder without Ads Manager reports gets a sentence saying so, rather than an empty cell. Delivery one
    account's view leaves out (report_view's `account`: rows of an ad account of another name, of_account) is
    said with the coverage note's words: nothing shown is then no "the folder holds no report"."""
    from IPython.display import HTML

    from .display import findings

    tr = view.tr
    lines = view.paid_delivery_sentences()
    left_out = "; ".join(tr.message(note) for note in view.other_notes
                         if isinstance(note, Message) and note.key == "imports.explore.account_paid_left_out")
    if lines:
        return findings(lines + ([tr.t("imports.explore.paid_left_out_too", notes=left_out)] if left_out else []))
    if left_out:
        return HTML(f"<p>{html.escape(tr.t('imports.explore.paid_left_out', notes=left_out))}</p>")
    return HTML(f"<p>{html.escape(tr.t('imports.explore.paid_none'))}</p>")


def _organic_notes(table: pd.DataFrame, sponsored: dict[str, int], tr: Translator) -> list[str]:
    """For each platform whose reach in daily_unique_reach's `table` is organic alone (daily.ORGANIC_REACH:
    LinkedIn's), what it is: the page's whole reach where its series reports nothing sponsored on those days,
    its organic part otherwise (`sponsored`: daily.sponsored_days)."""
    from .daily import ORGANIC_REACH

    platforms = sorted(set(table.loc[table["metric"].isin(ORGANIC_REACH), "platform"]))
    return [tr.t("imports.explore.daily_organic_part" if sponsored.get(p) else "imports.explore.daily_organic_whole",
                 platform=tr.platform(p), days=tr.number(sponsored.get(p, 0))) for p in platforms]


def _daily_reach_table(table: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    """daily_unique_reach's table in words: its columns named plainly, its figures as the report writes them."""
    def column(name: str) -> str:
        return tr.t(f"imports.explore.daily_col_{name}")

    return pd.DataFrame({
        column("platform"): [tr.platform(p) for p in table["platform"]],
        column("metric"): [tr.metric(m) for m in table["metric"]],
        column("days"): [tr.number(int(v)) for v in table["days"]],
        column("median"): [tr.number(v) for v in table["median"]],
        column("mean"): [tr.number(v, 1) for v in table["mean"]],
        column("low"): [tr.number(v) for v in table["low"]],
        column("high"): [tr.number(v) for v in table["high"]],
    }, dtype="string")


def _growth_table(table: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    """follower_growth's table in words: a total with the day it is of, the change, the follows counted and
    on how many of the days; a figure the series does not give as not reported, never 0."""
    missing = tr.t("common.not_reported")

    def column(name: str) -> str:
        return tr.t(f"imports.explore.growth_col_{name}")

    def total(value, day) -> str:
        return tr.t("imports.explore.growth_total", total=tr.number(value), day=tr.short_date(day)) \
            if pd.notna(value) else missing

    def number(value) -> str:
        return tr.number(value) if pd.notna(value) else missing

    return pd.DataFrame({
        column("platform"): [tr.platform(p) for p in table["platform"]],
        column("start"): [total(v, d) for v, d in zip(table["followers_start"], table["start_day"])],
        column("end"): [total(v, d) for v, d in zip(table["followers_end"], table["end_day"])],
        column("change"): [tr.signed(tr.number(v)) + f" ({tr.signed(tr.percent(r, 1))})" if pd.notna(r)
                           else tr.signed(tr.number(v)) if pd.notna(v) else missing
                           for v, r in zip(table["change"], table["relative_change"])],
        column("gained"): [number(v) for v in table["follows_gained"]],
        column("unfollows"): [number(v) for v in table["unfollows"]],
        column("days"): [_growth_days(int(d), int(n), int(s), tr)
                         for d, n, s in zip(table["follow_days"], table["period_days"], table["series_days"])],
    }, dtype="string")


def _growth_days(days: int, period_days: int, series_days: int, tr: Translator) -> str:
    """The days of a platform reporting follows, of the days its own series spans (daily.follower_growth's
    `series_days`), with the period's days beside them where the series spans fewer: "104 of 239" would read as
    135 days without follows where the series holds no day at all."""
    values = {"days": tr.number(days), "series_days": tr.number(series_days), "period_days": tr.number(period_days)}
    if series_days == period_days:
        return tr.t("imports.explore.growth_days", **values)
    if not series_days:
        return tr.t("imports.explore.growth_days_outside", **values)
    return tr.t("imports.explore.growth_days_series" + ("_one" if series_days == 1 else ""), **values)


def posts_behind(posts: pd.DataFrame, kpi: str, *, platform: str | None = None,
                 account: str | None = None) -> pd.DataFrame:
    """The posts that make up a channel figure, with the columns it is computed from, largest first, and how much
    of each post's publish time its export gives (published_precision, by which `shown` writes it).

    For a rate (e.g. engagement_rate_by_reach) these are the posts reporting both its numerator and its
    denominator; for a total (e.g. summed_reach, or the column it sums: reach) the posts reporting the summed
    column. The top posts under each lens: posts_behind(posts, "reach") and posts_behind(posts, "interactions").
    `platform` and `account` choose the posts as select_posts does.

    When none of the chosen posts reports the figure (Facebook's exports give no saves; a rate needs its
    numerator and its denominator on one post), the table is empty and a warning (NotReported) says what is
    missing and which platforms' posts do report it: missing is not 0, and an empty table alone would read as
    "no such posts". A warning, not an error: a notebook run top to bottom over a folder goes on. A name
    the workbook does not know is an error naming the one likely meant, among equally close rates the one
    the chosen posts are judged by (engagement_rate_of: 'engagement_rate' is engagement_rate_by_reach on
    Instagram, engagement_rate_by_views on TikTok).
    """
    if no_post_export(posts):  # no post export read: not "no post reports reach" (NotReported)
        raise no_posts_error(posts)
    mine = select_posts(posts, platform=platform, account=account)
    if kpi in metrics.RATES:
        numerator, denominator, _ = metrics.RATES[kpi]
        columns = [c for c in (numerator, denominator) if c in mine]
        reported = metrics.rate(mine, kpi).notna()
        if not reported.any():
            warnings.warn(_not_reported(posts, mine, kpi, [numerator, denominator], platform, account), stacklevel=2)
        shown = ["platform", "post_id", "published_at", "published_precision", "format", *columns, kpi, "text"]
        return mine.loc[reported, shown].sort_values(kpi, ascending=False)
    if kpi in metrics.TOTALS or kpi in metrics.TOTALS.values():
        column = metrics.TOTALS.get(kpi, kpi)
        rows = mine[mine[column].notna()] if column in mine else mine.iloc[0:0].assign(**{column: pd.NA})
        if rows.empty:
            warnings.warn(_not_reported(posts, mine, column, [column], platform, account), stacklevel=2)
        return rows[["platform", "post_id", "published_at", "published_precision", "format", column,
                     "text"]].sort_values(column, ascending=False)
    from .compare import rate_judged_by

    by_posts = mine["platform"].value_counts().index  # the platform with most posts first
    raise unknown_name(Message("imports.names.kpi"), kpi,
                       dict.fromkeys([*metrics.RATES, *metrics.TOTALS, *metrics.TOTALS.values()]),
                       prefer=[rate for p in by_posts for rate in rate_judged_by(mine[mine["platform"] == p])])


def _reports(posts: pd.DataFrame, name: str) -> pd.Series:
    """Which posts report `name`: a column of the post table, or a rate of metrics.RATES (its numerator and
    denominator both reported, the denominator above 0)."""
    if name in metrics.RATES:
        return metrics.rate(posts, name).notna()
    return posts[name].notna() if name in posts else pd.Series(False, index=posts.index)


class NotReported(WorkbookWarning):
    """posts_behind's warning that no chosen post reports the figure asked for (errors.WorkbookWarning: shown
    in the active language, every time)."""


def _not_reported(posts: pd.DataFrame, mine: pd.DataFrame, name: str, parts: list[str], platform: str | None,
                  account: str | None) -> NotReported:
    """The warning for a figure none of the chosen posts reports: for a rate, which of its parts none reports
    (or that none reports both); and which platforms of `posts` report it, with how many of their posts."""
    if mine.empty:
        return NotReported(Message("imports.explore.no_posts"))
    if platform and account:
        chosen = Message("imports.explore.chosen_platform_account", platform=Message(f"platform.{platform}"),
                         account=repr(account))
    elif platform or account:
        chosen = (Message("imports.explore.chosen_platform", platform=Message(f"platform.{platform}")) if platform
                  else Message("imports.explore.chosen_account", account=repr(account)))
    else:
        chosen = Message("imports.explore.chosen_all")
    counts = [Message("imports.explore.reported_by", platform=Message(f"platform.{p}"), count=int(reported.sum()),
                      total=len(group))
              for p, group in posts.groupby("platform", sort=True, observed=True)
              if (reported := _reports(group, name)).any()]
    elsewhere = (Message("imports.explore.reported_elsewhere", platforms=counts) if counts
                 else Message("imports.explore.reported_nowhere"))
    if len(parts) == 1:
        return NotReported(Message("imports.explore.not_reported", chosen=chosen, name=metric_label(name),
                                   elsewhere=elsewhere))
    never = [part for part in parts if not metrics.operand(mine, part).notna().any()]
    labels = [metric_label(part) for part in never]  # a rate has two parts: one, or both
    if len(labels) == 2:
        labels = [Message("common.list_two", first=labels[0], second=labels[1])]
    missing = (Message("imports.explore.rate_parts_missing", parts=labels[0]) if never
               else Message("imports.explore.rate_parts_apart", denominator=metric_label(parts[1])))
    return NotReported(Message("imports.explore.rate_not_reported", chosen=chosen, name=metric_label(name),
                                 numerator=metric_label(parts[0]), denominator=metric_label(parts[1]),
                                 missing=missing, elsewhere=elsewhere))


def save_table(table: pd.DataFrame, name: str, *, language: str | None = None) -> Path:
    """Write a table to data/derived/<name> (derived_dir) as CSV (.csv) or Excel (.xlsx); never into data/raw.

    The table is a DataFrame, a Series (its one column), or a table as shown on screen (a pandas Styler:
    summary_view, shown, agreement_shown), whose numbers are saved (its `.data`, unformatted, as a DataFrame
    of them would be): a number read elsewhere must stay a number, not "3.58%" or "not reported". summary_view's
    rows and columns are saved under the labels it shows ("frequency (Σ views ÷ Σ reach)", "Facebook"), in a
    column headed "metric": the file says what the screen says. The index is
    written where it labels the rows (named, or not whole numbers: summary_view's row labels, channel_summary's
    platforms, a value_counts' values), not where it only numbers them (a table of posts, of KPIs).

    Time-zone-aware times are written as local wall-clock text with their offset, which both formats keep.
    A table of KPIs (metrics.kpis, metrics.period_change: columns 'kpi' and 'kind') keeps its columns and gains
    two, in `language` (by default the active one: view_language), so that the file read elsewhere says
    what summary_view's labels say on screen: `definition`, what each row's figure is (kpi_definition: a rate
    as Σ numerator ÷ Σ denominator, the ratio of sums, beside the mean of post rates), and `impressions_counted`
    (from `impressions_kind`), what the impressions it counts are: impressions, views (Meta since 2025),
    thumbnail impressions (YouTube), or impressions and views, on the rows of figures built on impressions
    (metrics.IMPRESSION_BASED; blank on the others, which count none).

    A file of that name already there is replaced, as a recipe run again replaces its own table, with a
    TableReplaced warning naming it and when it was written: a name used twice for two tables (two clients'
    kpis) would otherwise lose the first without a word. A CSV file holding exactly what would be written is
    rewritten without one: nothing is lost.

    No text from the posts becomes a formula (captions and account names are written by others): in .xlsx
    every text is a text cell, `=HYPERLINK(...)` or `== PROMO ==` shown as typed (_xlsx_text_only). A CSV
    is written in UTF-8 with a byte-order mark, so that Excel opened by a double-click reads 'é' or 'ü' as
    written, and a text a spreadsheet would run as a formula (it begins with = + - or @: OWASP's CSV
    injection advice), in a cell, a row label or a column heading (an account grouped by or pivoted on), gets
    a ' in front, which a spreadsheet shows as text: a double-click must not open a caption's link or run its
    command. Numbers ("-5", "-12%", "+3.4 pp", "-2,000", a column of numbers) are left as they are, and a
    FormulasAsText warning says where texts were changed and that .xlsx keeps such texts exactly.
    """
    target = derived_dir() / name
    if target.suffix.lower() not in (".csv", ".xlsx"):
        raise WorkbookError(Message("imports.explore.bad_suffix", name=str(name),
                                    suffix=target.suffix or Message("imports.explore.no_extension")))
    if Path(name).is_absolute() or ".." in Path(name).parts:
        raise WorkbookError(Message("imports.explore.not_a_path", name=str(name)))
    out = _table_to_save(table)
    target.parent.mkdir(parents=True, exist_ok=True)
    if {"kpi", "kind"} <= set(out.columns):
        out = _kpis_in_words(out, translator(view_language(language)))
    for column in out.columns:
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.strftime("%Y-%m-%d %H:%M %z")
    labelled = _labelled(out.index)
    if labelled:  # an index of times (a table by month or week) written as the columns' times are
        out.index = _index_as_text(out.index)
    before = target.stat().st_mtime if target.is_file() else None
    if target.suffix.lower() == ".csv":
        out, changed = _formulas_as_text(out, labelled)
        # lines end in CR LF (RFC 4180), so a cell holding a carriage return is quoted: a spreadsheet would
        # break the row at a bare one, and what follows it would start a cell of its own
        text = out.to_csv(index=labelled, lineterminator="\r\n").encode("utf-8-sig")
        if before is not None and target.read_bytes() == text:
            before = None  # the same table again: nothing is lost
        target.write_bytes(text)
        if changed:
            cells = sum(changed.values())
            warnings.warn(FormulasAsText(Message(
                "imports.explore.formulas_as_text" + ("_one" if cells == 1 else ""), cells=cells, path=str(target),
                columns=listed(list(changed)))), stacklevel=2)
    else:
        _xlsx_text_only(out, target, labelled)
    if before is not None:
        when = pd.Timestamp(before, unit="s", tz="UTC").tz_convert(_local_zone()).strftime("%Y-%m-%d %H:%M")
        warnings.warn(TableReplaced(Message("imports.explore.table_replaced", path=str(target), when=when)),
                      stacklevel=2)
    return target


def _table_to_save(table) -> pd.DataFrame:
    """A copy of what save_table writes of `table`: a DataFrame as it is, a Series as its one column, a Styler's
    numbers (`.data`); an error naming what was given and what is taken for anything else (a figure, a
    sentence, a dict)."""
    from pandas.io.formats.style import Styler

    if isinstance(table, Styler):  # as shown: rows and columns hidden on screen are left out of the file too
        shown = table.data
        labels = getattr(table, _SAVED_LABELS, None)
        table = shown.drop(index=shown.index[list(table.hidden_rows)], columns=shown.columns[list(table.hidden_columns)])
        if labels is not None:  # under the labels shown (summary_view's), not .data's
            table = _under_labels(table, labels)
    if isinstance(table, pd.Series):
        return table.to_frame()
    if isinstance(table, pd.DataFrame):
        return table.copy()
    raise WorkbookError(Message("imports.explore.not_a_table", given=type(table).__name__))


def _under_labels(table: pd.DataFrame, labels: SavedLabels) -> pd.DataFrame:
    """`table` with the rows and columns renamed as the screen shows them (SavedLabels), the rows' column
    named, so that a saved summary_view reads as it did on screen ("frequency (Σ views ÷ Σ reach)" for Meta's
    posts, "Facebook"), not under channel_summary's English labels and an unnamed first column."""
    columns = [labels.columns.get(key, key) for key in table.columns]
    if any(isinstance(column, tuple) for column in columns):
        columns = pd.MultiIndex.from_tuples([c if isinstance(c, tuple) else (c,) for c in columns])
    return table.set_axis(pd.Index([labels.rows.get(key, key) for key in table.index], name=labels.row_heading),
                          axis=0).set_axis(columns, axis=1)


def _index_as_text(index: pd.Index) -> pd.Index:
    """An index (or each level of one) of time-zone-aware times as save_table writes such columns: local
    wall-clock text with its offset (Excel takes no time zone, and a CSV's reader would get another form)."""
    def text(level: pd.Index) -> pd.Index:
        return level.strftime("%Y-%m-%d %H:%M %z") if isinstance(level.dtype, pd.DatetimeTZDtype) else level

    if isinstance(index, pd.MultiIndex):
        return index.set_levels([text(level) for level in index.levels])
    return pd.Index(text(index), name=index.name)


def _labelled(index: pd.Index) -> bool:
    """Whether a table's index labels its rows (it is named, or holds other than whole numbers), so that a file
    without it would lose what each row is; row numbers (a selection of posts, a RangeIndex) are left out."""
    return any(name is not None for name in index.names) or not pd.api.types.is_integer_dtype(index.dtype)


class TableReplaced(WorkbookWarning):
    """save_table's warning that a file of the name given was there and has been replaced by the table."""


class FormulasAsText(WorkbookWarning):
    """save_table's warning that text cells of a CSV which a spreadsheet would run as formulas were written
    with a ' in front (_formulas_as_text)."""


#: How a cell a spreadsheet opening a CSV takes for a formula begins (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a tab or a carriage return before one, as OWASP lists


#: A text that is a signed number in a form float() does not read: grouping and decimal separators of either
#: language (-2,000, -1,5, +1.234,5), a percent or a point change after it (-12%, +3.4 pp, -1,5 poin persentase).
_NUMBER_TEXT = re.compile(r"[+-]\d+(?:[.,]\d+)*\s?(?:%|pp|poin persentase)?")


def _formula_like(value) -> bool:
    """Whether `value` is a text a spreadsheet opening a CSV would run as a formula: it begins with one of
    FORMULA_STARTS and is more than that sign, and is not a number ("-5", "+3.5", "-12%", "+3.4 pp", "-2,000",
    Indonesian "-1,5": a number in any form calls nothing, and a ' in front would show in the cell)."""
    if not isinstance(value, str) or len(value) < 2 or not value.startswith(FORMULA_STARTS):
        return False
    if _NUMBER_TEXT.fullmatch(value):
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False


def _holds_text(values: pd.Index) -> bool:
    """Whether a column or a level of labels may hold text: object, a string dtype (pandas' `str`, `string`) or
    categorical; a column of numbers or times is written as it is, without a look at each cell."""
    dtype = values.dtype
    return dtype == object or isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(dtype)


def _formulas_as_text(out: pd.DataFrame, labelled: bool) -> tuple[pd.DataFrame, dict]:
    """`out` with each text that _formula_like finds given a ' in front: in its cells, its column labels (each
    level's) and, where it is written (`labelled`), its row labels (each level's); and how many each column
    or level had, keyed by what the warning names: the column's or level's name as repr, or else the row
    labels' or the column headings' words. A `groupby("account")` table has its accounts as row labels, a
    pivot as headings: a caption's link must not run from there either."""
    changed = {}

    def quoted(values: pd.Index, name) -> pd.Index:
        if not _holds_text(values):
            return values
        found = [_formula_like(value) for value in values]
        if not any(found):
            return values
        changed[name] = changed.get(name, 0) + sum(found)
        return pd.Index([f"'{value}" if hit else value for value, hit in zip(values, found)], dtype=object,
                        name=values.name)

    def labels(index: pd.Index, unnamed: Message) -> pd.Index:
        levels = [quoted(index.get_level_values(level), repr(name) if name is not None else unnamed)
                  for level, name in enumerate(index.names)]
        if isinstance(index, pd.MultiIndex):
            return pd.MultiIndex.from_arrays(levels, names=index.names)
        return levels[0]

    out = out.copy()
    for position, column in enumerate(out.columns):
        cells = pd.Index(out.iloc[:, position])
        if (values := quoted(cells, repr(column))) is not cells:
            out.isetitem(position, pd.Series(values, index=out.index, dtype=object))
    out.columns = labels(out.columns, Message("imports.explore.formulas_column_labels"))
    if labelled:
        out.index = labels(out.index, Message("imports.explore.formulas_row_labels"))
    return out, changed


def _xlsx_text_only(out: pd.DataFrame, target: Path, labelled: bool) -> None:
    """Write `out` to the .xlsx `target` with every text as a text cell: openpyxl takes a text beginning with
    '=' for a formula, so a caption `=HYPERLINK(...)` would be a live link and `== PROMO ==` a broken formula
    that loses the caption. Such cells are made text again, marked as Excel marks a text typed after a '
    (quotePrefix), so that editing one in Excel keeps it text."""
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        out.to_excel(writer, index=labelled)
        for sheet in writer.sheets.values():
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        cell.data_type = "s"
                        cell.quotePrefix = True


def _local_zone():
    """This machine's time zone, in which a file's time of writing is said."""
    from datetime import datetime

    return datetime.now().astimezone().tzinfo


def kpi_definition(kpi: str, kind: str, impressions_kind, tr: Translator) -> str | None:
    """What a row of metrics.kpis holds, in words (tr's language), from the report's definitions (metric.<name>
    labels) with its denominator written out: "frequency: Σ views ÷ Σ reach over the posts that report both
    (value: this ratio of sums; mean_of_post_rates: the mean of each post's views ÷ reach)". Impressions are
    named by what `impressions_kind` says they count (metrics.counted_kind; the catalogue's "impressions (or
    views)" where it is missing), and a figure over YouTube's thumbnail impressions says what those are, as
    summary_view's labels do; posts of both kinds (impressions_and_views), as "impressions or views", each post's
    own count. None for a KPI metrics.kpis does not compute (a row added by hand)."""
    from .report import RATES_BY_IMPRESSIONS, rate_label

    kind_known = isinstance(impressions_kind, str) and bool(impressions_kind)
    counted = tr.t(f"imports.quality.kinds_{impressions_kind}") if kind_known else tr.metric("impressions")
    if kind_known and impressions_kind == "impressions_and_views":  # each post its own count: "Σ impressions or views", as
        counted = tr.t("imports.explore.summary_row.impressions.value")  # summary_view's row; "and" reads as a sum

    def word(name: str) -> str:  # a part of a rate that is no column of the post table has words of its own
        key = {"paid_spend": "imports.explore.saved.paid_spend", "watch_time_minutes": "imports.explore.saved.minutes",
               "watch_time_seconds": "imports.explore.saved.seconds"}.get(name)
        return tr.t(key) if key else tr.metric(name, impressions=counted)

    # a rate by impressions as the report labels it: "engagement rate by impressions (views)" (report.rate_label)
    label = rate_label(tr, kpi, {impressions_kind}) if kind_known and kpi in RATES_BY_IMPRESSIONS else word(kpi)
    if kpi == "posts":
        text = tr.t("imports.explore.saved.posts", label=label)
    elif kind == "total" and kpi in metrics.TOTALS:
        column = metrics.TOTALS[kpi]
        text = tr.t("imports.explore.saved.total", label=label, column=word(column))
        if column == "interactions":  # what is summed: "interactions = reactions + comments + shares + saves"
            text += tr.t("imports.explore.saved.made_of", label=word(column),
                         formula=tr.t("metric.interactions.formula"))
    elif kind == "rate" and kpi in metrics.RATES:
        numerator, denominator, scale = metrics.RATES[kpi]
        text = tr.t("imports.explore.saved.rate", label=label, numerator=word(numerator),
                    denominator=word(denominator),
                    scale=tr.t("imports.explore.saved.scale", scale=tr.number(scale)) if scale != 1 else "",
                    fraction=tr.t("imports.explore.saved.fraction") if kpi in metrics.PERCENT_RATES else "")
    elif kind == "per post" and kpi in metrics.PER_POST:
        text = tr.t("imports.explore.saved.per_post", label=label, column=word(metrics.PER_POST[kpi]))
    else:
        return None
    if kind_known and impressions_kind == "thumbnail_impressions" and kpi in metrics.IMPRESSION_BASED:
        return tr.t("imports.explore.summary_thumbnails", label=text)
    return text


def _kpis_in_words(table: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    """A KPI table with save_table's two columns of words added: `definition` (kpi_definition) and
    `impressions_counted`, `impressions_kind` in words ("not reported" where its posts report no
    impressions) on the rows of figures built on impressions, blank on the others; a period_change table's `impressions_kind_previous` gets `impressions_counted_previous`."""
    kinds = table["impressions_kind"] if "impressions_kind" in table else pd.Series(pd.NA, index=table.index)
    out = table.assign(definition=[kpi_definition(str(kpi), str(kind), impressions, tr) for kpi, kind, impressions
                                   in zip(table["kpi"], table["kind"], kinds, strict=True)])
    counted = table["kpi"].isin(metrics.IMPRESSION_BASED)  # a figure not built on impressions: a blank cell
    for column, words in (("impressions_kind", "impressions_counted"),
                          ("impressions_kind_previous", "impressions_counted_previous")):
        if column in table:
            out[words] = [(tr.t(f"imports.quality.kinds_{kind}") if isinstance(kind, str) and kind
                           else tr.t("common.not_reported")) if uses else pd.NA
                          for kind, uses in zip(table[column], counted, strict=True)]
    return out


def report_view(workspace: Workspace, start: str | None = None, end: str | None = None, *,
                comparison_start: str | None = None, comparison_end: str | None = None, top_n: int = 10,
                language: str | None = None, benchmark_industry: str = "all industries",
                account: str | None = None):
    """The client report's analysis of the loaded posts (report.Report): its findings, tables and figures
    for the period from `start` to `end` (dates included, written YYYY-MM-DD or given as dates, whole days as
    select_posts takes them; by default the days the exports cover, exports_span: from the days they say
    they cover, by their file names' dates or LinkedIn's Metrics sheet, else from the first to the last post),
    compared with `comparison_start` to `comparison_end` (by default the period before, as in the roster). A
    problem with these is said of report_view's arguments and the span of the posts (report_of_loaded's
    asked_by="explore"), not of the report notebook's parameters or the roster. A period the exports cover in
    which the account published nothing is the short report the client would be sent (Report.has_posts
    False), not an error; so is a folder whose only post exports list their header alone, over the days they
    are named for (the report says that the download may have stopped after the header).
    `view.figure_html("reach_vs_interactions")` shows a figure; `view.figure_plan()` lists them, and a name
    or platform not among them is an error naming those there are.

    `account`: the report of one account (page, profile, channel, as select_posts names it), under its name,
    from what the workspace holds of it (of_account); its Data coverage (`view.coverage_notes()`) says what
    was left out. Without it, a platform whose posts come from several accounts pools them, and says so.
    `language`: the report's, by default the active one (view_language), as the explorer's tables. The
    notebook's own language is left as it was (a report built for a client makes its language the process's)."""
    language = view_language(language)
    notebook_language = active_language()  # building a report makes its language the process's: not here
    try:
        return _report_view(workspace, start, end, comparison_start, comparison_end, top_n, account, language,
                            benchmark_industry)
    except WorkbookError as error:  # said in the report's language (an account the posts do not hold, a bad date)
        if language_code(language) not in (None, notebook_language) and len(error.args) == 1:
            error.args = (error.in_language(translator(language_code(language))),)
        raise
    finally:
        use_language(notebook_language)


def _report_view(workspace, start, end, comparison_start, comparison_end, top_n, account, language,
                 benchmark_industry):
    """report_view's report, in whatever language the process speaks meanwhile."""
    from .report import report_of_loaded

    if account:
        workspace = of_account(workspace, account)
    posts = workspace.posts
    first, last = exports_span(workspace)  # without posts, the days the exports read are named for, or an error
    client = (str(posts["client"].iloc[0]) if "client" in posts and posts["client"].notna().any()
              else workspace.client)
    return report_of_loaded(
        workspace, client=client, client_name=account or client, timezone=str(posts["published_at"].dt.tz),
        period_start=start or first, period_end=end or last, comparison_start=comparison_start,
        comparison_end=comparison_end, top_n=top_n, language=language, benchmark_industry=benchmark_industry,
        asked_by="explore")


def exports_span(workspace: Workspace) -> tuple[str, str]:
    """The first and last day (YYYY-MM-DD) the workspace's post exports cover, report_view's default period:
    from the days a file says it covers where it says (sources.stated_days: the dates in its name, as Business
    Suite, X and TikTok give them; the days of LinkedIn's Metrics sheet), else from its first
    to its last post (sources.export_periods, the report's coverage notes' account of the same days), so that
    an account that posted nothing in an export's first weeks is not said to lack exports for them. The posts'
    own span (span) when no export's days are known."""
    spans = export_periods(workspace.posts, workspace.imported.reports)
    if not spans:
        return span(workspace.posts)
    return (min(first for first, _ in spans.values()).strftime("%Y-%m-%d"),
            max(last for _, last in spans.values()).strftime("%Y-%m-%d"))


def of_account(workspace: Workspace, account: str) -> Workspace:
    """What a workspace holds of one account, so that no figure of the account pools another's; what it
    leaves out is said in its notes (sources.daily_notes, which a report shows in Data coverage):

    - the account's posts and the post exports they come from (an account the posts do not hold: the error
      select_posts gives, naming those they hold);
    - the daily series of a platform whose posts here are all the account's: a daily export names no
      account, so a series of a platform with another account's posts (or none of this one's) cannot be
      told to be this account's, and is left out, with its follower totals (sources.attach_followers); a
      file of no platform (Meta's Audience.csv, demographics) holds no series and is left out too;
    - the Ads Manager rows of the ad account of the account's name; rows of another ad account, or naming
      none, are left out.
    """
    from dataclasses import replace

    from .importers import ImportResult
    from .importers.base import file_drops, file_warnings
    from .sources import attach_followers

    select_posts(workspace.posts, account=account)
    imported, sources = workspace.imported, workspace.sources
    every = imported.posts
    mine = (every["account"] == account).fillna(False).astype(bool)
    notes = []
    if not mine.all():
        notes.append(Message("imports.explore.account_only", account=account, count=int((~mine).sum())))
    theirs = every.loc[~mine, "platform"]
    own = set(every.loc[mine, "platform"]) - set(theirs)  # platforms whose posts are all the account's
    daily_reports = [r for r in sources.daily_reports if r.platform in own]
    for platform in sorted({r.platform for r in sources.daily_reports if r.platform} - own):
        notes.append(Message("imports.explore.account_daily_left_out", account=account,
                             platform=Message(f"platform.{platform}"),
                             files=[r.path.name for r in sources.daily_reports if r.platform == platform]))
    daily = sources.daily
    if daily is not None:
        daily = daily[daily["platform"].isin(own)] if daily_reports else None
    paid, paid_reports = sources.paid, sources.paid_reports
    if paid is not None:
        ours = (paid["account"] == account).fillna(False).astype(bool)
        if not ours.all():
            notes.append(Message("imports.explore.account_paid_left_out", account=account, count=int((~ours).sum()),
                                 files=sorted({Path(f).name for f in paid.loc[~ours, "source_file"]})))
        kept = set(paid.loc[ours, "source_file"])
        paid_reports = [r for r in paid_reports if str(r.path) in kept]
        paid = paid[ours] if ours.any() else None
    files = set(every.loc[mine, "source_file"])
    chosen = ImportResult(posts=every[mine], reports=[r for r in imported.reports if str(r.path) in files])
    kept_sources = replace(sources, daily=daily, daily_reports=daily_reports,
                           daily_notes=notes + file_drops(daily_reports) + file_warnings(daily_reports),
                           daily_files=[r.path for r in daily_reports], paid=paid, paid_reports=paid_reports,
                           paid_files=[r.path for r in paid_reports])
    posts = metrics.post_metrics(attach_followers(every[mine], daily), imported.interaction_components())
    return Workspace(posts=with_exports_read(posts, chosen.reports), imported=chosen, sources=kept_sources,
                     client=workspace.client)


def span(posts: pd.DataFrame) -> tuple[str, str]:
    """The first and last day (YYYY-MM-DD) the posts cover. A post dated to its month only (the UCI dataset)
    covers its whole month, so that a period of this span holds it (periods.within)."""
    if posts.empty:
        raise no_posts_error(posts)
    days = posts["published_at"].dt.tz_localize(None).dt.normalize()
    monthly = periods.month_dated(posts)
    month = days[monthly].dt.to_period("M")
    first = pd.concat([days[~monthly], month.dt.start_time]).min()
    last = pd.concat([days[~monthly], month.dt.end_time.dt.normalize()]).max()
    return first.strftime("%Y-%m-%d"), last.strftime("%Y-%m-%d")
