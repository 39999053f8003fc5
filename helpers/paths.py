"""Where things live. Paths are resolved from the project root, never from the caller's working directory."""
from __future__ import annotations

import fnmatch
import glob
import os
import stat
import unicodedata
from collections import deque
from pathlib import Path
from typing import NamedTuple

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
BENCHMARKS_FILE = DATA_DIR / "benchmarks.csv"  # published reference figures (see helpers/benchmarks.py)
DEMO_DIR = DATA_DIR / "demo"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
DEFAULT_ROSTER = DATA_DIR / "clients.yml"
#: The demo clients' roster, kept apart from the user's data/clients.yml (which starts as a copy of it and is
#: theirs to edit): the tests read this one, so adding or removing clients never turns them red.
DEMO_ROSTER = DATA_DIR / "demo" / "clients.yml"
#: The environment variable naming another folder than data/derived/ for the tables explore.save_table writes
#: (the test suite's root conftest.py sets it to a temporary folder). Here, so that reading it needs no pandas.
DERIVED_DIR_VARIABLE = "WORKBOOK_DERIVED_DIR"
#: The environment variable naming another folder than the user's cache folder for what the workbook keeps to
#: avoid reading again (cache_dir; the test suite's root conftest.py sets it to a temporary folder).
CACHE_DIR_VARIABLE = "WORKBOOK_CACHE_DIR"
#: The environment variable naming the folder where a kernel keeps the figures drawn ahead (drawing.FiguresAhead):
#: the renderer gives each kernel one in its scratch folder and removes it with the kernel, so a failed or
#: interrupted report leaves none of the client's figures behind. Unset (JupyterLab): the system's temporary folder.
FIGURES_DIR_VARIABLE = "WORKBOOK_FIGURES_DIR"
#: Those folders' names: the prefix, then the id of the process that made them, so that one whose process is gone
#: can be removed (render_batch.remove_stale_work_folders).
FIGURES_PREFIX = "workbook-figures-"


def cache_dir() -> Path:
    """The folder of what the workbook keeps on this machine to avoid reading it again (render.IdentityCache):
    $WORKBOOK_CACHE_DIR, else reach-engagement-workbook/ in $XDG_CACHE_HOME or ~/.cache. Outside the project
    and the reports folder, which a consultant shares with clients; removing it only costs time."""
    if os.environ.get(CACHE_DIR_VARIABLE):
        return Path(os.environ[CACHE_DIR_VARIABLE]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "reach-engagement-workbook"


def expand_user(path: str | Path) -> Path:
    """`path` with a leading ~ or ~user made the home folder, as a shell does; unchanged when there is no such
    home (a Windows path typed here, `~\\Downloads\\posts.csv`, names a user `\\Downloads\\posts.csv`), so
    that it is reported as a path that finds nothing, with the advice for Windows paths."""
    try:
        return Path(path).expanduser()
    except RuntimeError:  # pathlib's "Could not determine home directory."
        return Path(path)


def resolve(path: str | Path, base: Path = PROJECT_ROOT) -> Path:
    """An absolute path: `path` itself when absolute (after ~ expansion), else relative to `base`."""
    p = expand_user(path)
    return p if p.is_absolute() else (base / p)


def display_path(path: str | Path) -> str:
    """A path as a user should see it in a message: relative to the folder the command runs in when inside
    it (the project root, usually), the full path otherwise, so that it can be opened from there. A control
    character in it is shown as its escape (i18n.as_typed): a file named with a line break would otherwise
    split the line that names it, and read as two lines of the message."""
    from .i18n import as_typed

    p = Path(path)
    try:
        return as_typed(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return as_typed(p.resolve() if p.is_absolute() or p.exists() else p)


#: Names a glob pattern leaves out: Excel's lock file (`~$name.xlsx`, beside a workbook open in Excel) and
#: hidden files. A file named as it is, without a pattern, is still read.
SKIPPED_NAME_PREFIXES = (".", "~$")
#: The file types exports come in. A glob pattern reads only these (a PDF or a picture beside the exports is
#: no export); a file named as it is, is read whatever its type, and refused with why if it is no export.
#: An .xlsm is an xlsx workbook with macros allowed (an export saved so in Excel), read as an xlsx.
EXPORT_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".tsv", ".txt")
#: Zip archives, in which YouTube Studio, Meta and X download their exports. A folder or a pattern takes them
#: too (taken_by_pattern), so that an archive left unextracted is named with what it holds and to extract it
#: (reading.archive_error), not passed over without a word; its contents are not read.
ARCHIVE_SUFFIXES = (".zip",)
#: Spreadsheets saved in a format the workbook does not read: a Numbers document, Excel 97-2003 (.xls, as
#: LinkedIn and older tools exported), Excel's binary workbook (.xlsb), an OpenDocument spreadsheet (.ods, as
#: LibreOffice saves). A folder or a pattern takes them (taken_by_pattern), so that one is named with how to
#: save it as .xlsx or CSV (reading.spreadsheet_error), not passed over without a word.
SPREADSHEET_SUFFIXES = (".numbers", ".xls", ".xlsb", ".ods")
#: Documents kept beside the exports that no platform exports in (a report printed to PDF, a brief, slides, a
#: screenshot), each with its kind (the catalogue's imports.reading.document.<kind>). A pattern leaves them out
#: like any other type; a folder loaded whole (explore.load_folder) lists them as skipped with what they are
#: (reading.document_error), so that a PDF report dropped in for the export is not passed over without a word.
DOCUMENT_SUFFIXES = {".pdf": "pdf", ".doc": "word", ".docx": "word", ".ppt": "slides", ".pptx": "slides",
                     ".png": "picture", ".jpg": "picture", ".jpeg": "picture"}


def taken_by_pattern(path: str | Path) -> bool:
    """Whether a folder or a glob pattern takes a file of this type: an export type, an archive of exports or
    a spreadsheet in another program's format."""
    return Path(path).suffix.lower() in EXPORT_SUFFIXES + ARCHIVE_SUFFIXES + SPREADSHEET_SUFFIXES


#: The file a render keeps in its reports folder, locked while it writes there (render.output_lock). A folder
#: holding it is a reports folder: exports_under does not look into it (its error.txt files are no exports),
#: unless it is the folder a pattern looks in.
RENDER_LOCK_NAME = ".render.lock"
#: How many entries exports_under looks at in one folder tree before it stops: a pattern in a large folder (a
#: home folder's Downloads) must not make every render walk all of it.
WALK_LIMIT = 5000


def exports_under(folder: Path, limit: int | None = None, skip=frozenset()) -> tuple[list[Path], bool]:
    """The files in `folder` and its subfolders that a folder or a pattern would take (taken_by_pattern: an
    export type, an archive or a spreadsheet in another program's format), as a glob sees them (hidden names,
    Excel's lock files and hidden folders aside), sorted, and whether the walk stopped before the end. A reports folder below `folder` (one holding
    RENDER_LOCK_NAME) is not looked into; `folder` itself always is (--out may be a pattern's own folder). The walk stops as soon as it has met `limit` entries (default WALK_LIMIT), even inside
    one folder (os.scandir, never a whole listing): this only looks for exports a roster's patterns leave out
    (sources.left_out_exports), never reads them. The folders in `skip` (subfolders of `folder`, as written
    below it) are not looked into: another client's files lie there."""
    limit = WALK_LIMIT if limit is None else limit
    found, seen, waiting = [], 0, [Path(folder)]
    while waiting:
        here = waiting.pop()
        files, folders, reports = [], [], False
        try:
            with os.scandir(here) as entries:
                for entry in entries:
                    seen += 1
                    if seen > limit:
                        break
                    reports = reports or entry.name == RENDER_LOCK_NAME
                    if entry.name.startswith(SKIPPED_NAME_PREFIXES):
                        continue
                    try:
                        if entry.is_file():  # a regular file (or a link to one): never a pipe, which would
                            files.append(entry.name)  # make reading its header wait forever
                        elif not entry.is_symlink() and here / entry.name not in skip:  # a link to a folder
                            folders.append(entry.name)  # is not followed (os.walk's way)
                    except OSError:
                        continue
        except OSError:
            continue
        if reports and here != Path(folder):  # a pattern's own folder is looked into though reports go there too
            continue
        found += [here / name for name in files if taken_by_pattern(name)]
        if seen > limit:
            return sorted(found), True
        waiting += [here / name for name in sorted(folders, reverse=True)]
    return sorted(found), False


def is_special_file(path: str | Path) -> bool:
    """Whether `path` names something that is neither a regular file nor a folder: a named pipe, a device or a
    socket. Reading one waits forever (a pipe nobody writes to) or never ends (a device), so it is named as such
    rather than read, or reported as not found."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def is_pattern(path: str | Path) -> bool:
    """Whether a path is read as a glob pattern: it holds *, ? or [ and names nothing as written (a file may
    be called `export[1].csv`, which a glob would read as 'export1.csv')."""
    return glob.has_magic(str(path)) and not Path(path).exists()


def glob_files(pattern: str | Path) -> list[Path]:
    """The files a glob pattern matches (`**` spans folders), sorted; folders, Excel's lock files and hidden
    files are left out (SKIPPED_NAME_PREFIXES). A pattern with accents matches names by their composed form
    (matching_paths), whichever form each folder and file was saved in. A pattern matching nothing is read
    again with its brackets taken literally (brackets_as_written): `Clients/Acme [ID]/*.csv` names a folder,
    which glob would read as `Acme I` or `Acme D`. Every reading of a roster's patterns (its check, the
    render, the explorer) comes through here, so they agree."""
    found = _matching_files(pattern)
    if not found and (literal := brackets_as_written(pattern)) != Path(pattern):
        found = _matching_files(literal)
    return found


def _matching_files(pattern: str | Path) -> list[Path]:
    matches = matching_paths(pattern)
    return sorted(p for p in matches if not p.name.startswith(SKIPPED_NAME_PREFIXES) and p.is_file())


def brackets_as_written(pattern: str | Path) -> Path:
    """`pattern` with the brackets of each part holding no * nor ? escaped (glob.escape): a folder or file named
    with `[` and `]` (`Acme [ID]`, `export [1].csv`), not a character class."""
    return Path(*(glob.escape(part) if "[" in part and not ("*" in part or "?" in part) else part
                  for part in Path(pattern).parts))


def _composed(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def _names(folder: Path) -> list[str]:
    """The names in a folder; none when it is no folder or cannot be read."""
    try:
        return os.listdir(folder)
    except OSError:
        return []


def folder_names(folder: Path) -> list[str]:
    """The names a folder holds, sorted, as a pattern would see them: hidden files and Excel's lock files
    aside (SKIPPED_NAME_PREFIXES); none when it is no folder or cannot be read."""
    return sorted(name for name in _names(folder) if not name.startswith(SKIPPED_NAME_PREFIXES))


def spelled_in(folder: Path, name: str) -> Path | None:
    """folder/name as it exists: as written, else the entry whose composed form (NFC) is name's; None if none."""
    if os.path.lexists(folder / name):
        return folder / name
    return next((folder / entry for entry in _names(folder) if _composed(entry) == _composed(name)), None)


def matching_paths(pattern: str | Path) -> list[Path]:
    """The files and folders a glob pattern matches, as glob.glob(recursive=True) matches them but that every
    name is compared composed alike (NFC) and a `**` never walks a folder twice (_below): a wildcard part is
    matched against each entry's composed name, a literal part as spelled_in finds it, `**` takes a folder and
    all below it. Hidden names are matched only by a part that starts with a dot, as glob does."""
    pattern = Path(pattern)
    parts = pattern.parts
    places = [Path(parts[0])] if pattern.is_absolute() else [Path(".")]
    parts = parts[1:] if pattern.is_absolute() else parts
    for number, part in enumerate(parts):
        following: list[Path] = []
        for folder in places:
            if part == "**":  # followed by a part, it takes folders only (as glob does): files have no entries
                following += _below(folder, files=number == len(parts) - 1)
            elif glob.has_magic(part):
                following += [folder / entry for entry in _names(folder)
                              if fnmatch.fnmatch(_composed(entry), _composed(part))
                              and (part.startswith(".") or not entry.startswith("."))]
            elif (found := spelled_in(folder, part)) is not None:
                following.append(found)
        places = list(dict.fromkeys(following))
    return places


def _below(folder: Path, files: bool = True) -> list[Path]:
    """`folder` and every folder and file below it (folders only, without `files`), hidden names aside: what a
    `**` takes. A linked folder is
    followed, as glob follows it, but a folder met already (its device and inode) is not taken again: glob
    would follow a link back up (`x/b -> ..`) until the system refuses the path, and two such links double
    the paths at each level, a walk that never ends. The walk goes level by level, folders before links to
    folders, so a folder reached both ways is taken by its shortest path, its own name before a link's."""
    found, waiting, met = [], deque([folder]), set()
    while waiting:
        here = waiting.popleft()
        try:
            info = here.stat()
        except OSError:
            continue
        key = (info.st_dev, info.st_ino)
        if key in met:
            continue
        met.add(key)
        found.append(here)
        folders = []
        try:
            with os.scandir(here) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.name.startswith("."):
                        continue
                    try:
                        is_folder, linked = entry.is_dir(), entry.is_symlink()
                    except OSError:
                        continue
                    if is_folder:
                        folders.append((linked, here / entry.name))
                    elif files:
                        found.append(here / entry.name)
        except OSError:
            continue
        waiting.extend(path for _, path in sorted(folders, key=lambda item: item[0]))
    return found


def glob_exports(pattern: str | Path) -> tuple[list[Path], dict]:
    """The exports a glob pattern matches (glob_files, of a type in EXPORT_SUFFIXES, or an archive or a
    spreadsheet in another program's format: see taken_by_pattern), and, for the message when it matches files
    of other types only, what to name: the first five of them and the export types."""
    matches = glob_files(pattern)
    others = {"files": ", ".join(p.name for p in matches[:5]) + (" …" if len(matches) > 5 else ""),
              "suffixes": ", ".join(EXPORT_SUFFIXES)} if matches else {}
    return [p for p in matches if taken_by_pattern(p)], others


def pattern_folder(pattern: str | Path) -> Path:
    """The folder a glob pattern looks in: its path up to the first part holding a wildcard."""
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if glob.has_magic(part)), len(parts) - 1)
    return Path(*parts[:fixed]) if fixed else Path(".")


class FoundFrom(NamedTuple):
    """What a relative path finds when read from another folder than the project root (found_from): the place
    (`path`, normalised), what it is ('folder', 'file', or 'match' for a pattern) with how many export files a
    pattern matches (`count`), and the path to write instead (`written`): from the project root when inside it,
    in full otherwise, as paths are written."""

    path: Path
    kind: str
    count: int
    written: str


def found_from(written: str | Path, folder: Path, *, folders: bool = True,
               root: Path | None = None) -> FoundFrom | None:
    """What the relative path or pattern `written`, which names nothing from the project root, finds from
    `folder` instead: the roster's own folder (a roster kept beside its exports), the folder the code runs in (a
    notebook's kernel runs in notebooks/, where '../data/raw/acme' is written as in a terminal there). A folder
    counts only with `folders` (a roster's exports name files). None when `written` is absolute, `folder` is
    the project root (`root`), or nothing is found there."""
    root = root or PROJECT_ROOT
    if expand_user(written).is_absolute() or Path(folder).resolve() == root:
        return None
    there = Path(os.path.normpath(resolve(written, base=Path(folder).resolve())))  # '../exports/*.csv' too
    full = as_spelled_on_disk(there)
    if is_pattern(full):
        kind, count = "match", len(glob_exports(full)[0])
    else:
        kind, count = ("file", 1) if full.is_file() else ("folder", 1) if folders and full.is_dir() else ("", 0)
    if not count:
        return None
    written_here = there.relative_to(root).as_posix() if there.is_relative_to(root) else str(there)
    return FoundFrom(there, kind, count, written_here)


def as_spelled_on_disk(path: str | Path) -> Path:
    """`path` as its folders and file are spelled on disk: each part that names nothing as written is replaced
    by the entry of its folder whose accents are composed alike (NFC). A name copied from a Mac writes é as e
    and an accent, a name typed elsewhere as é alone: the two look the same in a message, but a file system
    that keeps names as bytes finds only the form the name was saved in, and a folder and a file in it may have
    been saved in different forms. The parts from the first wildcard on are left to the glob (glob_files).
    `path` unchanged when a part is found in no form."""
    path = Path(path)
    if os.path.lexists(path):
        return path
    parts = path.parts
    place = Path(parts[0]) if path.is_absolute() else Path(".")
    rest = list(parts[1:] if path.is_absolute() else parts)
    while rest and not glob.has_magic(rest[0]):
        if (found := spelled_in(place, rest.pop(0))) is None:
            return path
        place = found
    return place.joinpath(*rest)
