"""Errors that speak to the user: which file, which row, which column, what was expected, what to do.

The command line prints these without a traceback; anything else is a bug and keeps its traceback.
A message given as an i18n.Message is shown in the process's language (i18n.use_language), so a report
rendered in Bahasa Indonesia explains a bad file in Bahasa Indonesia.
"""
from __future__ import annotations

import os
import re
import warnings
from pathlib import Path


#: Names of the WorkbookError classes a notebook can raise: a failed render shows their message alone
#: (it speaks to the user); any other exception is shown with its type, as the fault it is.
USER_ERROR_NAMES = frozenset({"WorkbookError", "ExportFormatError", "NotReadHere", "FileUnreadable", "RosterError",
                              "SchemaViolation", "ParameterMismatch", "KernelStartError", "LessonParameterError",
                              "SlidesError", "ExportsUnreadable"})


class WorkbookError(Exception):
    """A problem with the user's input or set-up, explained in words the user can act on."""

    def __str__(self) -> str:
        from .i18n import localised

        return localised(self.args[0]) if len(self.args) == 1 else super().__str__()

    def in_language(self, tr) -> str:
        """The message in `tr`'s language (a plain text as it was raised)."""
        return tr.message(self.args[0]) if len(self.args) == 1 else super().__str__()


class WorkbookWarning(UserWarning):
    """A warning that speaks to the user (a figure to read with care, not a fault): its i18n.Message, shown
    in the language active when it is shown. Shown every time (not once per line, Python's default): a
    notebook cell run again over other posts says it again."""

    def __str__(self) -> str:
        from .i18n import localised

        return localised(self.args[0]) if len(self.args) == 1 else super().__str__()


class PartlyCovered(WorkbookWarning):
    """Posts chosen for a period the exports cover only in part (explore.select_posts), or a comparison of
    such a period (metrics.period_change): totals over the days covered are not the period's."""


class NearDownload(WorkbookWarning):
    """A comparison of periods (metrics.period_change) one of which holds posts published shortly before their
    export's download (sources.near_download), or shortly before the newest post of an export that names no
    days (which may have been downloaded much later): they may have had less time to collect, so its totals may
    be understated."""


warnings.filterwarnings("always", category=WorkbookWarning)


class ExportFormatError(WorkbookError):
    """An export file that cannot be read as what it claims to be."""

    def __init__(self, path: Path | str, problem: str, *, row: int | None = None,
                 column: str | None = None, expected: str | None = None, hint: str | None = None):
        self.path = Path(path)
        self.problem = problem
        self.row = row
        self.column = column
        self.expected = expected
        self.hint = hint
        super().__init__(self.in_language(None))

    def __reduce__(self):  # rebuilt from its parts (the default would call the class with the text alone)
        return (_rebuild_export_error, (self.path, self.problem, self.row, self.column, self.expected, self.hint,
                                        type(self)))

    def __str__(self) -> str:
        return self.in_language(None)

    def in_language(self, tr, *, located: bool = True) -> str:
        """The message in `tr`'s language (None: the process's language, see i18n.use_language). Without
        `located`, the file is not named first: the problem leads, for a table whose own column names the file
        (a folder's skipped files, sources.Loaded.files); a row and column still are."""
        from .i18n import active_language, translator

        tr = tr or translator(active_language())
        where = [tr.t("error.file", path=self.path)] if located else []
        if self.row is not None:
            where.append(tr.t("error.row", row=self.row))
        if self.column is not None:
            where.append(tr.t("error.column", column=repr(self.column)))
        problem = tr.message(self.problem)
        lines = [f"{', '.join(where)}: {problem}" if where else problem]
        if self.expected:
            lines.append(tr.t("error.expected", text=tr.message(self.expected)))
        if self.hint:
            lines.append(tr.t("error.what_to_do", text=tr.message(self.hint)))
        return "\n".join(lines)


class ExportsUnreadable(ExportFormatError):
    """Several export files of a folder that cannot be read, each with its own error (file, row, column, what
    to do), raised once for all of them: an analyst who fixes one file should not then meet the next. It is
    the first file's ExportFormatError as far as its fields go (path, row, column), for callers that name one."""

    #: The opening line for where the files were read (`where`): a folder loaded whole, the files listed to
    #: load_client, a roster's exports (the render).
    HEADINGS = {"folder": "", "files": "_files", "roster": "_roster"}

    def __init__(self, errors: list[ExportFormatError], where: str = "folder"):
        self.errors, self.where = list(errors), where
        first = self.errors[0]
        super().__init__(first.path, first.problem, row=first.row, column=first.column, expected=first.expected,
                         hint=first.hint)

    def __reduce__(self):
        return (ExportsUnreadable, (self.errors, self.where))

    def in_language(self, tr, *, located: bool = True) -> str:
        from .i18n import active_language, translator

        tr = tr or translator(active_language())
        lines = [tr.t(f"error.files_unreadable{self.HEADINGS[self.where]}", count=len(self.errors))]
        for error in self.errors:
            first, *rest = error.in_language(tr).splitlines()
            lines += [f"- {first}", *(f"  {line}" for line in rest)]
        return "\n".join(lines)


def _rebuild_export_error(path, problem, row, column, expected, hint, kind=None) -> ExportFormatError:
    return (kind or ExportFormatError)(path, problem, row=row, column=column, expected=expected, hint=hint)


class RosterError(WorkbookError):
    """The client roster (YAML) has one or more problems; all of them are listed at once. The roster is named as
    the command's "Roster:" line names it (paths.display_path): `--clients ../clients.yml` is not named
    /home/me/project/notebooks/../clients.yml there and /home/me/project/clients.yml here.

    `renderable`: the clients asked for that have no problem, when some asked for have one (clients.load_roster);
    `then`: a line said after the problems (the command's way to render those clients now)."""

    def __init__(self, path: Path | str, problems: list[str], tr=None, renderable=(), then=None):
        self.path = Path(path)
        self.problems = list(problems)
        self.language = tr.language if tr is not None else None
        self.renderable = tuple(renderable)
        self.then = then
        from .i18n import translator  # imported here: helpers.i18n imports this module

        super().__init__(self.in_language(tr or translator("en")))

    def __reduce__(self):
        return (_rebuild_roster_error, (self.path, self.problems, self.language, self.renderable, self.then))

    def _lead(self, tr) -> str:
        from .paths import display_path

        return tr.t("roster.problems", path=display_path(self.path), count=len(self.problems))

    def in_language(self, tr) -> str:
        body = "\n".join(f"  - {tr.message(p)}" for p in self.problems)
        return f"{self._lead(tr)}\n{body}" + (f"\n{tr.message(self.then)}" if self.then else "")


def _rebuild_roster_error(path, problems, language, renderable=(), then=None) -> RosterError:
    from .i18n import translator

    return RosterError(path, problems, translator(language) if language else None, renderable, then)


class FileUnreadable(ExportFormatError):
    """An export the system will not let the workbook open (permissions, a vanished network drive). When a
    folder is loaded it is skipped and listed with this reason, and named in the workspace's warnings: its
    posts are missing, which must not go without a word."""

    @classmethod
    def of(cls, path, error: OSError) -> "FileUnreadable":
        from .i18n import Message

        return cls(path, Message("imports.reading.unreadable", reason=os_reason(error)),
                   hint=Message("imports.reading.unreadable_hint"))


class NotReadHere(ExportFormatError):
    """A download the workbook recognises but does not read, because another file of the same download
    holds what it needs (YouTube's 'Chart data', a breakdown, beside 'Totals'). Named as an error when the
    user listed it; skipped with its reason when a whole folder is loaded."""



def unknown_name(what, value, known, prefer=()) -> WorkbookError:
    """The error for a name the workbook does not know (a misspelt metric, column or grouping): it lists the
    names it knows and, where one is close ('engagment_rate_by_reach'), the one likely meant; a bare KeyError
    would name only the slip. `what` is a Message naming the kind of name; `prefer`: see close_match."""
    from .i18n import Message

    known = [str(name) for name in known]
    close = close_match(value, known, prefer)
    if close is not None:
        return WorkbookError(Message("imports.names.unknown_close", what=what, value=repr(value),
                                     close=repr(close), known=", ".join(known)))
    return WorkbookError(Message("imports.names.unknown", what=what, value=repr(value), known=", ".join(known)))


def close_match(value, known, prefer=()) -> str | None:
    """The known name a slip most likely meant ('engagment_rate_by_reach', 'instagram' for 'Instagram', a
    page's name typed in other capitals, ' Clients' for 'clients'), or None: difflib's closest name with a
    similarity of at least 0.75, case and surrounding spaces aside.

    `prefer`: names to choose, in their order, among those about as close as the closest (within 0.05) and
    those the slip begins (a name cut short): 'engagement_rate' is as close to engagement_rate_by_reach as to
    engagement_rate_by_views, begins engagement_rate_by_impressions too, and the caller knows which one its
    posts are judged by (explore.posts_behind)."""
    import difflib

    folded = {str(name).casefold(): str(name) for name in known}
    typed = str(value).strip().casefold()
    close = difflib.get_close_matches(typed, list(folded), n=len(folded) or 1, cutoff=0.75)
    best = difflib.SequenceMatcher(None, close[0], typed).ratio() if close else 1  # as get_close_matches scores
    likely = {name for name in close if difflib.SequenceMatcher(None, name, typed).ratio() >= best - 0.05}
    likely |= {name for name in folded if len(typed) >= 4 and name.startswith(typed)}  # not 'e' for every e…
    preferred = next((folded[str(name).casefold()] for name in prefer if str(name).casefold() in likely), None)
    return preferred or (folded[close[0]] if close else None)


def nothing_there_hint(path: str | Path):
    """What to add to the error for a path or glob pattern that names nothing, or "" (an i18n.Message
    otherwise): where it stops existing, with the name there nearest the one typed (close_match:
    'business-suite-posts' for 'busines-suite-posts') or, none being near, what that folder holds; for a
    pattern whose folders exist but which matches no file, the folders it matches where it matches some
    ('*/business-suite-*': /*.csv is still to add), else what its folder holds (a few names and how many),
    and, when the pattern ends in a name ('*/Tabel data.csv'), the file name nearest it. A slip in a folder's
    name is otherwise read as "no exports", and a pattern matching nothing says nothing of what is there."""
    import glob

    from .i18n import Message, as_typed
    from .paths import as_spelled_on_disk, folder_names, glob_files, spelled_in

    path = as_spelled_on_disk(path)  # the parts that exist as they are spelled on disk: the first missing as typed
    parts = path.parts
    place, rest = (Path(parts[0]), parts[1:]) if path.is_absolute() else (Path("."), parts)
    for part in rest:
        if glob.has_magic(part):
            break
        found = spelled_in(place, part)  # as on disk, accents composed otherwise than typed included
        if found is None:
            close = close_match(part, folder_names(place))
            if close is not None:
                return Message("imports.paths.missing_close", folder=as_typed(place), name=as_typed(part),
                               close=as_typed(close))
            return Message("imports.paths.missing", folder=as_typed(place), name=as_typed(part), holds=_holds(place))
        if not found.is_dir():  # a file, where the rest of the path wants a folder
            return ""
        place = found
    else:
        return ""  # everything exists
    if folders := _folders_matched(path):  # '*/business-suite-*': the folders of the exports, not the exports
        shown = [f"{folder.relative_to(place).as_posix()}/" for folder in folders]
        return Message("imports.paths.pattern_folders", count=len(folders),
                       names=", ".join(shown[:NAMES_SHOWN]) + (" …" if len(shown) > NAMES_SHOWN else ""))
    last = parts[-1]
    close = None
    if not glob.has_magic(last):  # '*/Tabel data.csv': the names its folders hold that come nearest
        close = close_match(last, sorted({p.name for p in glob_files(Path(*parts[:-1]) / "*")}))
    if close is not None:
        return Message("imports.paths.pattern_close", folder=as_typed(place), holds=_holds(place), name=as_typed(last),
                       close=as_typed(close))
    return Message("imports.paths.pattern_holds", folder=as_typed(place), holds=_holds(place))


def _folders_matched(pattern: Path) -> list[Path]:
    """The folders a glob pattern that matches no file matches, sorted (hidden ones aside, as glob leaves
    them): a pattern written for a client's folders, to which the files' part (/*.csv) is still to add."""
    from .paths import matching_paths

    return sorted(p for p in matching_paths(pattern) if p.is_dir())


#: A Windows drive starting a path: `C:\`, `C:/`, or `D:` then a control character that YAML or Python made of
#: the `\n` of `D:\new` inside double quotes.
_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:(?:[\\/]|[\x00-\x1f])")
#: The control characters a path may hold: a line break or a tab made of a `\n` or `\t` typed inside double quotes.
_PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def windows_drive(typed) -> str | None:
    """The Windows drive (`C:`) a path starts with, on a computer that has none (folders separated by /), or None."""
    text = str(typed)
    return text[:2] if os.sep == "/" and _WINDOWS_DRIVE.match(text) else None


def windows_path_hint(typed, quoting: str = "python", *, what: str = "exports"):
    """What to add to the error for a path or pattern that names nothing when it was written as on Windows, or ""
    (an i18n.Message otherwise). A control character in it (the line break and the tab that the `\\n` and `\\t` of
    `"D:\\new\\test.csv"` become inside double quotes, in YAML: `quoting` 'roster', or in a Python string:
    'python'): that a \\ starts an escape there, and how to write the path instead. On a computer whose folders
    are separated by / (not Windows): a drive (`C:\\`), which it does not have (with what to do instead for `what`
    the path names: 'exports', copied here; a roster's 'logo'; the 'roster' itself, --clients; the folder
    reports go to, 'out'), or a \\ between folders, which is part of a name there, with the path written
    with / instead."""
    from .i18n import LANGUAGES, Code, InLanguages, Message, as_typed, translator

    text = str(typed)
    letter = windows_drive(text)
    drive = Message(f"imports.paths.windows_drive_{what}", drive=letter) if letter else ""
    found = list(dict.fromkeys(_PATH_CONTROL.findall(text)))
    if found:
        names = {"\n": "line_break", "\t": "tab"}
        characters = InLanguages({language: translator(language).join(
            [translator(language).t(f"imports.paths.control_{names.get(c, 'other')}", escape=as_typed(c))
             for c in found]) for language in LANGUAGES})
        return Message(f"imports.paths.escaped_{quoting}", characters=characters,
                       advice=Message(f"imports.paths.advice_{quoting}"), drive=drive)
    if drive or os.sep != "/" or "\\" not in text:
        return drive
    return Message("imports.paths.backslash", example=Code(as_typed(text.replace("\\", "/"))))


def working_folder_hint(written: str | Path):
    """What to add to the error for a relative path or pattern that names nothing from the project root, where
    paths start in a notebook or in code, when it does name something from the folder the code runs in
    (paths.found_from: a notebook's kernel runs in notebooks/, where '../data/raw/acme' is written as a
    terminal there would take it): that it does, and the path to write instead, as the roster check says of a
    path written from the roster's folder. "" (an i18n.Message otherwise) when it names nothing there either."""
    from .i18n import Message, as_typed
    from .paths import PROJECT_ROOT, found_from

    if not isinstance(written, (str, Path)) or (found := found_from(written, Path.cwd())) is None:
        return ""
    return Message(f"imports.paths.from_working_folder_{found.kind}", root=str(PROJECT_ROOT), folder=str(Path.cwd()),
                   count=found.count, path=as_typed(found.written))


def missing_path_hint(given: str | Path, path: Path, *, typed_here: bool = False):
    """What to add to the error for a file named by a path that finds nothing (`given` as written, `path` as
    resolved): for a relative one, where relative paths start for the way it was given (typed on the command
    line, `typed_here`: the folder the command runs in; in a notebook or in code: the project root), then
    where it stops existing and what is there (nothing_there_hint); in a notebook or in code, a path that names
    a file from the folder the code runs in is said to, with the path to write (working_folder_hint)."""
    from .i18n import Message
    from .paths import PROJECT_ROOT, expand_user

    there = nothing_there_hint(path)
    if expand_user(given).is_absolute():
        return there
    if typed_here:
        return Message("imports.paths.start_here", folder=str(Path.cwd()), there=there)
    return working_folder_hint(given) or Message("imports.paths.start_root", folder=str(PROJECT_ROOT), there=there)


#: How many of a folder's names nothing_there_hint shows.
NAMES_SHOWN = 5


def _holds(folder: Path):
    """What a folder holds, as a hint names it: how many folders and files, and the first few names (folders
    first, with a '/'); hidden files and Excel's lock files aside."""
    from .i18n import Message
    from .paths import folder_names

    names = folder_names(folder)
    folders = [name for name in names if (folder / name).is_dir()]
    files = [name for name in names if name not in folders]
    shown = [f"{name}/" for name in folders] + files
    listed = ", ".join(shown[:NAMES_SHOWN]) + (" …" if len(shown) > NAMES_SHOWN else "")
    if folders and files:
        return Message("imports.paths.holds_both", folders=len(folders), files=len(files), names=listed)
    if folders:
        return Message("imports.paths.holds_folders", count=len(folders), names=listed)
    if files:
        return Message("imports.paths.holds_files", count=len(files), names=listed)
    return Message("imports.paths.holds_nothing")


def show_briefly_in_notebooks() -> None:
    """In a Jupyter kernel, show a WorkbookError as its message alone, not as a traceback through the
    workbook's own code: it speaks to the user, who has a file or a parameter to fix, and the message is
    all they need. Still an error (the cell fails, papermill and nbval see it); any other exception keeps
    its full traceback, as the fault it is. Nothing happens outside IPython, which is not imported for it:
    a kernel has it loaded already, and the command line and render workers stay light."""
    shell = _notebook_shell()
    if shell is not None and WorkbookError not in shell.custom_exceptions:
        _install(shell)
    if shell is not None and not getattr(warnings.showwarning, "plain_for_workbook", False):
        warnings.showwarning = _plain_workbook_warnings(warnings.showwarning)


def _plain_workbook_warnings(show):
    """warnings.showwarning that writes a WorkbookWarning as its message alone, on a line of its own (Jupyter
    shows it as a warning), not in Python's format of a file, a line number, the class and the source line
    echoed: it speaks to the user, who has a figure to read with care, not code to fix. Any other warning is
    shown by `show`, as before."""
    import sys

    def showwarning(message, category, filename, lineno, file=None, line=None):
        if isinstance(category, type) and issubclass(category, WorkbookWarning):
            try:
                (file or sys.stderr).write(f"{message}\n")
            except (AttributeError, OSError):  # no stream to write to, as Python's own gives up
                pass
            return
        show(message, category, filename, lineno, file, line)

    showwarning.plain_for_workbook = True
    return showwarning


#: Explanations of a user's own slips, by name: (exception types, explain(error, tb, namespace) -> str | None).
_EXPLAINERS: dict[str, tuple[tuple[type, ...], object]] = {}


def explain_in_notebooks(name: str, kinds: tuple[type, ...], explain) -> None:
    """In a Jupyter kernel, show an exception of `kinds` raised by the user's own code as the sentence
    `explain(error, tb, namespace)` returns (the namespace is the kernel's), with the exception's own line
    under it; when it returns None, or fails, the usual traceback is shown. The lesson uses it to explain a
    learner's typo in an exercise cell in the learner's language. Registering `name` again replaces it."""
    shell = _notebook_shell()
    if shell is None:
        return
    _EXPLAINERS[name] = (tuple(kinds), explain)
    _install(shell)


def _notebook_shell():
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell if shell is not None and hasattr(shell, "set_custom_exc") else None


def _install(shell) -> None:
    kinds = {WorkbookError, *(kind for kinds, _ in _EXPLAINERS.values() for kind in kinds)}
    shell.set_custom_exc(tuple(kinds), _show_in_notebook)


def _show_in_notebook(shell, etype, value, tb, tb_offset=None):
    """The handler IPython calls for the exceptions _install names: a WorkbookError as its message, a slip an
    explainer explains as its explanation, anything else as IPython shows it. A short form is still
    remembered as the last error, as IPython's own display does: %tb and %debug then show its full
    traceback, not that of an earlier error."""
    if isinstance(value, WorkbookError):
        _remember(etype, value, tb)
        _record_for_renderer(etype, value)
        shell._showtraceback(etype, value, [f"{etype.__name__}: {value}"])  # the error output, one entry
        return
    for kinds, explain in list(_EXPLAINERS.values()):
        if isinstance(value, kinds):
            try:
                message = explain(value, tb, shell.user_ns)
            except Exception:  # an explanation that fails never hides the error itself
                message = None
            if message:
                _remember(etype, value, tb)
                shell._showtraceback(etype, value, [message, f"({etype.__name__}: {value})"])
                return
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


#: The environment variable the renderer sets for each kernel it starts: the file a WorkbookError that fails a
#: cell is written to, in every language, so that the batch's summary and index show it in the command's
#: language while the report notebook speaks the client's.
ERROR_RECORD_VARIABLE = "WORKBOOK_ERROR_RECORD"


def _record_for_renderer(etype, value: WorkbookError) -> None:
    """Write `value` in every language to the file ERROR_RECORD_VARIABLE names, when the renderer set it.
    Never in the way of the error itself: a record that cannot be written leaves the renderer its text."""
    import json
    import os

    path = os.environ.get(ERROR_RECORD_VARIABLE)
    if not path:
        return
    try:
        from .i18n import LANGUAGES, translator

        texts = {language: value.in_language(translator(language)) for language in LANGUAGES}
        Path(path).write_text(json.dumps({"ename": etype.__name__, "texts": texts}), encoding="utf-8")
    except Exception:  # noqa: BLE001
        pass


def _remember(etype, value, tb) -> None:
    """The error as sys.last_* (what IPython's showtraceback records, and %tb and %debug read)."""
    import sys

    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb
    if sys.version_info >= (3, 12):
        sys.last_exc = value


def os_reason(error: OSError):
    """Why the system refused a file or folder, as a Message in the reader's language (the system's own text,
    `[Errno 13] Permission denied`, is English and names no file)."""
    import errno

    from .i18n import Message

    keys = {errno.EACCES: "error.os.permission", errno.EPERM: "error.os.permission",
            errno.EROFS: "error.os.read_only", errno.ENOENT: "error.os.not_found",
            errno.ENOTDIR: "error.os.not_a_folder", errno.EISDIR: "error.os.is_a_folder",
            errno.ENOSPC: "error.os.no_space", errno.EDQUOT: "error.os.no_space"}
    key = keys.get(error.errno)
    return Message(key) if key else Message("error.os.other", reason=error.strerror or str(error))
