"""Render one HTML report per client: papermill runs the report notebook, nbconvert exports it.

Each client renders in a temporary folder; the HTML (and the executed notebook, the PDF and a render
record) move into reports/<client id>/ only when the notebook ran without error and the HTML passed its
checks, so a failed run never replaces (or looks like) a finished report. A failed run's notebook is kept
under reports/_failed/<client id>/. One client's failure does not stop the others.

The checks on the HTML (`check_html`): no code, no parameters, no path of this machine, nothing that runs
or loads from elsewhere, the client named, no other client of the batch named, and no post of another
client of the roster (its post ids, rendered or not). Every client gets a kernel of its own, never used for another client: the `KernelSupply` starts
the next kernel, and imports the notebook's libraries in it, while the current client runs, which takes
the kernel start off the critical path without sharing a kernel between clients.

`render_all` renders a batch on worker processes (helpers.render_batch); `render_client` renders one
client in this process.
"""
from __future__ import annotations

import ast
import contextlib
import datetime
import errno
import functools
import html
import json
import logging
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from .clients import Client, id_problem, same_business
from .i18n import (LANGUAGES, InLanguages, Message, Translator, active_language, catalogue, in_every_language,
                   terminal_safe, translator)
from .errors import ERROR_RECORD_VARIABLE, USER_ERROR_NAMES, ExportFormatError, WorkbookError, os_reason
from .html_safety import DATA_URI, live_content, visible_text, without_word_breaks
from .index_page import (FACTS_KEY, new_record, now_text, read_record, record_path, recorded_seconds, report_marks,
                         write_index, write_json_atomically, write_record)
from .parameters import ParameterMismatch, assigned_names, mismatch  # noqa: F401 - ParameterMismatch is re-exported
from .paths import DATA_DIR, FIGURES_DIR_VARIABLE, NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_DIR, display_path
from .report_page import finish_page, report_title

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")  # colour codes in IPython tracebacks
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "client_report.ipynb"
#: Cells left out of the client's HTML: the parameters, and notes for the analyst.
HIDDEN_TAGS = {"parameters", "injected-parameters", "analyst-note", "remove-cell"}
FAILED_DIR = "_failed"
#: The executed notebook of each good report (code, parameters, paths of this machine): for the analyst,
#: outside the client's folder, which holds only what is sent.
EXECUTED_DIR = "_executed"
WORK_PREFIX = ".render-"
#: Scratch folders (kernels' sockets, logs and figures drawn ahead) under the system's temporary folder: the
#: prefix, then the id of the process that made them (render_batch.remove_stale_work_folders).
SCRATCH_PREFIX = "workbook-render-"
#: Shorter post ids are not checked for leaks: they cannot be told apart from ordinary numbers.
MIN_POST_ID_LENGTH = 6
#: Shorter names are not checked for leaks: they would match ordinary words.
MIN_NAME_LENGTH = 3
KERNEL_START_TIMEOUT = 180
#: A cell running longer than this fails its client (a hung notebook must not hold a worker for ever).
CELL_TIMEOUT = 900
#: How many files passed over by a client's patterns the summary names in full (left_out_detail).
LEFT_OUT_NAMED = 10
#: Every kernel supply of this process, so a signal handler can stop their kernels.
SUPPLIES: list = []


@dataclass
class RenderResult:
    client: str
    ok: bool
    seconds: float | None  # None: never started (a batch stopped before this client's turn)
    html: Path | None = None
    failed_cell: int | None = None  # counted from 1 over all of the executed notebook's cells, as the progress line
    error: str = ""
    timings: dict = field(default_factory=dict)  # seconds: kernel (waiting for it), kernel_head_start, execute,
    #                                                export, pdf
    pdf: Path | None = None
    pdf_error: str = ""
    failed_source: str = ""  # the failing cell's line that raised (see failing_line)
    facts: dict = field(default_factory=dict)  # what the report's title said for the index (recorded_facts)
    interrupted: bool = False  # not rendered: the batch was stopped (Ctrl-C, SIGTERM, SIGHUP) before it was done
    unchecked: str = ""  # rendered, but not checked against another client's exports (unchecked_exports): why
    period: tuple = ()  # (first day, last day) the report is (or the attempt was) for: the summary shows it
    other_report: tuple = ()  # (path, name): an earlier report of another client of this id, left in its folder
    left_out: list = field(default_factory=list)  # files its exports' patterns pass over (left_out_facts)

    def __post_init__(self):
        self.seconds = recorded_seconds(self.seconds)  # the value the render record keeps, which the index shows


class Interrupted(KeyboardInterrupt):
    """The render was asked to stop (Ctrl-C, SIGTERM or SIGHUP); temporary folders and kernels are cleaned up."""


class BatchInterrupted(Interrupted):
    """A batch stopped part way: `results`, in roster order, holds each client's outcome, those the batch
    finished (ok or failed) and the others marked `interrupted`, so the command can say which is which."""

    def __init__(self, results: list[RenderResult]):
        super().__init__()
        self.results = results


# --- the notebook ----------------------------------------------------------------------------------

def _cells(notebook: Path) -> list[dict]:
    return json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def declared_parameters(notebook: Path) -> set[str]:
    """Names assigned in the notebook's cell tagged `parameters` (read without starting anything)."""
    for cell in _cells(notebook):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return assigned_names(_source(cell))
    return set()


def check_parameters(notebook: Path, parameters: dict) -> None:
    """Every parameter passed must be declared in the notebook's `parameters` cell."""
    error = mismatch(Path(notebook).name, parameters, declared_parameters(notebook))
    if error is not None:
        raise error


def notebook_modules(notebook: Path) -> list[str]:
    """The modules the notebook imports (top-level import statements of its code cells)."""
    modules: list[str] = []
    for cell in _cells(notebook):
        if cell.get("cell_type") != "code":
            continue
        try:
            tree = ast.parse(_source(cell))
        except SyntaxError:  # IPython magics: not plain Python
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                modules += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules.append(node.module)
                modules += [f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*"]
    return list(dict.fromkeys(modules))


def warmup_code(notebook: Path) -> str:
    """Code that imports the notebook's libraries without binding a name in the kernel's namespace, then
    leaves their objects out of garbage collection (gc.freeze): they live as long as the kernel, which
    serves one report, and a full collection would otherwise scan them all again mid-report.

    A submodule guess that is not a module (`from helpers import display` may name a function) is skipped.
    """
    return (
        "import gc as _gc, importlib as _importlib\n"
        f"for _module in {notebook_modules(notebook)!r}:\n"
        "    try:\n"
        "        _importlib.import_module(_module)\n"
        "    except ImportError:\n"
        "        pass\n"
        "_gc.freeze()\n"
        "del _gc, _importlib, _module\n"
    )


# --- which client is which -------------------------------------------------------------------------

@dataclass(frozen=True)
class Identity:
    """What identifies a client in a report: its post ids and names (client, brand, accounts); `who` are the
    client's and brand's names alone, `accounts` the account names of its posts; `name` its display name in
    the roster (clients.same_business); `posts` each post id with the account name its row carries as read
    from the export ('' for none, and for the name a column mapping's `account:` gives every row of a file: a
    label the user typed, which tells nothing of whose the post is), which tells a post two clients' exports
    hold under each one's account (published together) from a row or a file of one client's exports in the
    other's (posts_of_others)."""
    post_ids: frozenset = frozenset()
    names: frozenset = frozenset()
    who: frozenset = frozenset()
    accounts: frozenset = frozenset()
    name: str = ""
    posts: frozenset = frozenset()
    unread: tuple = ()  # why some of its exports could not be read (_posts_identity): their posts are not known


@dataclass(frozen=True)
class Foreign:
    """What must not appear in one client's report: the other clients' ids and names (its own removed)."""
    post_ids: frozenset = frozenset()
    names: frozenset = frozenset()
    own_names: frozenset = frozenset()


def client_identity(client: Client, cache: IdentityCache | None = None) -> Identity:
    """The client's names and the ids and account names of the posts in its exports. With a `cache`, the ids
    and account names read before from the very same files (by content) are taken from it, not read again."""
    names = who = {client.name, client.brand_name}
    read = cache.get(client) if cache is not None else None
    if read is None:
        read = _posts_identity(client)
        if cache is not None and not read["unread"]:  # a file not read is read again next time, and said again
            cache.put(client, read)
    posts = {i.strip(): a.strip() for i, a in read["posts"].items() if len(i.strip()) >= MIN_POST_ID_LENGTH}
    accounts = {a.strip() for a in [*read["posts"].values(), *read["labels"]] if a.strip()}
    names = names | accounts
    return Identity(
        post_ids=frozenset(posts),
        names=frozenset(n.strip() for n in names if n and len(n.strip()) >= MIN_NAME_LENGTH),
        who=frozenset(n.strip() for n in who if n and n.strip()),
        accounts=frozenset(accounts),
        name=client.name,
        posts=frozenset(posts.items()),
        unread=tuple(read.get("unread", ())),
    )


def _posts_identity(client: Client) -> dict:
    """What the client's post exports tell of whose their posts are, by a full import (the one the report
    does: files of a mapped entry through their column mapping): {"posts": {post id: account name read from
    the file ('' for none)}, "labels": [the account names column mappings' `account:` give their files' rows],
    "unread": [why a file, or the exports, could not be read]}.
    A mapping's `account:` is the user's label for a file naming no account, not read from it: the same file
    mapped for two clients under two names is one client's posts in the other's exports, not a post both
    published (posts_of_others). Exports that do not load together are read file by file, so a file that does
    not load (the client's own render fails and says why) hides only its own posts from the other clients'
    check, which says so (unchecked_exports)."""
    from .importers import detect_family, export_entries
    try:
        files, mapped = export_entries(list(client.exports))
    except Exception as exc:  # noqa: BLE001 - exports that do not load fail the client's own render
        return {"posts": {}, "labels": [], "unread": [_why_unread(exc)]}
    post_files = []
    for path in files:
        try:  # daily series and paid delivery files hold no posts: they are left out here
            if path not in mapped:
                detect_family(path)
            post_files.append(path)
        except WorkbookError:
            continue
    read, unread = {"posts": {}, "labels": []}, []
    try:
        _read_posts(client, post_files, mapped, read)
    except Exception:  # noqa: BLE001 - read again file by file: what loads is checked, what does not is said
        for path in post_files:
            try:
                _read_posts(client, [path], {path: mapped[path]} if path in mapped else {}, read)
            except Exception as exc:  # noqa: BLE001
                unread.append(_why_unread(exc))
        unread = unread or [Message("cli.problem.not_read_together")]
    read["labels"] = sorted(set(read["labels"]))
    return read | {"unread": unread}


def _read_posts(client: Client, files: list[Path], mapped: dict, read: dict) -> None:
    """Import `files` and add their post ids and accounts to `read` (see _posts_identity)."""
    from .importers import load_exports
    from .importers.mapped_csv import read_mapping
    if not files:
        return
    options = {"year": client.year} if client.year is not None else {}
    posts = load_exports(files, client=client.id, timezone=client.timezone, mapped=mapped, **options)
    posts = posts[posts["post_id"].notna()]
    accounts = posts["account"].astype(object).fillna("").astype(str)
    read_from_file = {mapping: "account" in (read_mapping(mapping).get("columns") or {})
                      for mapping in set(mapped.values())}
    labelled = posts["source_file"].map(
        {str(path): not read_from_file[mapping] for path, mapping in mapped.items()}).eq(True)
    read["labels"] += [a for a in accounts[labelled] if a.strip()]
    read["posts"].update(zip(posts["post_id"].astype(str), accounts.where(~labelled, "")))


def _why_unread(exc: Exception) -> str:
    """Why exports could not be read, short: a file's name and its problem, or the error's own text."""
    if isinstance(exc, ExportFormatError):
        return Message("cli.problem.unread_file", file=exc.path.name, problem=exc.problem)
    if isinstance(exc, WorkbookError) and len(exc.args) == 1:
        return exc.args[0]
    return f"{type(exc).__name__}: {exc}"


#: Days an entry of the IdentityCache is kept after the last render that used it.
IDENTITY_CACHE_DAYS = 90


class IdentityCache:
    """The post ids, with the account each is under (_posts_identity), read from clients' exports, kept for the next render in the
    workbook's cache folder on this machine (paths.cache_dir: never under the reports folder, which is shared
    with clients). The check that a client's exports hold no other client's posts needs every roster client's;
    without this, `render --client X` imports the whole roster's exports each time, most of its work. An entry is found
    by its key: the contents of every file the client's `exports` reach (SHA-256, so a file rewritten with the
    same size and time is read again) and of the column mappings they name, their paths, the client's `year`
    and the workbook's source (a changed
    importer may read other ids); a file changed, added or removed makes another key, and the exports are read
    again. Entries unused for IDENTITY_CACHE_DAYS are dropped. A cache that cannot be read or written is
    ignored: the exports are then read, as without one."""

    def __init__(self, path: Path | None = None):
        from .paths import cache_dir

        self.path = Path(path) if path is not None else cache_dir() / "post-identities.json"
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = None
        self.entries: dict = entries if isinstance(entries, dict) else {}
        self.changed = not isinstance(entries, dict)
        self._keys: dict[str, str | None] = {}
        self._today = datetime.date.today().isoformat()

    def key(self, client: Client) -> str | None:
        """What finds the entry of `client`; None when a file cannot be read (the render says why)."""
        if client.id not in self._keys:
            self._keys[client.id] = self._key(client)
        return self._keys[client.id]

    def _key(self, client: Client) -> str | None:
        import hashlib

        from .clients import export_files, mapping_files
        digest = hashlib.sha256(_code_digest().encode())
        digest.update(repr(client.year).encode())
        digest.update(repr([e for e in client.exports if isinstance(e, dict)]).encode())  # which files are mapped
        try:
            for path in sorted(str(p) for p in [*export_files(list(client.exports)).values(),
                                                *mapping_files(client.exports)]):
                digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
                digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
        except OSError:
            return None
        return digest.hexdigest()

    def get(self, client: Client) -> dict | None:
        """What _posts_identity read of the client's exports, when kept; None otherwise."""
        key = self.key(client)
        entry = self.entries.get(key) if key is not None else None
        if (not isinstance(entry, dict) or not isinstance(entry.get("posts"), dict)
                or not isinstance(entry.get("labels"), list)):
            return None
        read = {"posts": {str(k): str(v) for k, v in entry["posts"].items()},
                "labels": [str(label) for label in entry["labels"]]}
        if entry.get("used") != self._today:
            entry["used"], self.changed = self._today, True
        return read

    def put(self, client: Client, read: dict) -> None:
        key = self.key(client)
        if key is not None:
            self.entries[key] = {"posts": dict(sorted(read["posts"].items())), "labels": sorted(read["labels"]),
                                 "used": self._today}
            self.changed = True

    def save(self) -> None:
        """Write the entries, less those unused for IDENTITY_CACHE_DAYS, when this render changed any."""
        if not self.changed:
            return
        oldest = (datetime.date.today() - datetime.timedelta(days=IDENTITY_CACHE_DAYS)).isoformat()
        kept = {key: entry for key, entry in self.entries.items()
                if isinstance(entry, dict) and str(entry.get("used", "")) >= oldest}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_json_atomically(self.path, kept)
        except OSError:
            pass


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """SHA-256 of the workbook's Python source (helpers/), which decides how exports are read."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _names_match(a: str, b: str) -> bool:
    """Whether one name holds the other as whole words, case aside ("Harbour Books Ltd", "harbour books")."""
    a, b = a.casefold().strip(), b.casefold().strip()
    if min(len(a), len(b)) < MIN_NAME_LENGTH:
        return a == b
    return bool(re.search(rf"(?<!\w){re.escape(b)}(?!\w)", a) or re.search(rf"(?<!\w){re.escape(a)}(?!\w)", b))


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _holds(name: str, part: str) -> bool:
    """Whether `name` holds `part` as whole words, case and spacing aside ("Kopi Senja Malaysia", "kopi senja")."""
    name, part = _fold(name), _fold(part)
    return bool(part) and bool(re.search(rf"(?<!\w){re.escape(part)}(?!\w)", name))


def _same_account(mine: str, theirs: str) -> bool:
    """Whether a post two exports hold is under the same account in both (case and spacing aside), or cannot be
    told apart (an export naming no account, as a YouTube table): then it is taken for a copy, not a post
    published together."""
    return not mine.strip() or not theirs.strip() or _fold(mine) == _fold(theirs)


def posts_of_others(identities: dict[str, Identity], batch=None) -> dict[str, str]:
    """Clients of the `batch` (default: every client of `identities`, the whole roster) whose exports hold posts
    of another client of the roster, each with the reason its render is refused before it runs; the exports
    pattern most likely reaches into the other client's files. Two signs, the first found said:
    - a post id the other client's exports hold too, under the same account (or where an export names none,
      _same_account): a row or a file of theirs in this client's exports, which the report would count (the
      check of the finished page sees ids only where the page prints them). A post both accounts published
      together (a collaboration) is in each one's exports under its own account, and is not refused;
    - an account named like the other client (its name or brand), which the leak check cannot see (an account
      in a client's own exports counts as its own): exactly so, or holding the other's name as whole words
      ("Harbour Books Ltd" is client "Harbour Books"'s) when the two clients' own names do not hold each other
      ("Kopi Senja Jkt", in the exports of client "Kopi Senja Jakarta" beside a client "Kopi Senja", is the
      outlet's page). An account named like this client itself is its own: its name or brand, a part of its
      name of two words or more ("Kopi Senja", the page of client "Kopi Senja Malaysia"), or holding it unless
      exactly another's name.
    Entries of one business (clients.same_business: the same display name, rendered twice) are not others."""
    refused = {}
    for cid, own in identities.items():
        if batch is not None and cid not in batch:
            continue
        own_exact = {_fold(n) for n in own.who}
        own_posts = dict(own.posts)
        for other, theirs in identities.items():
            if other == cid or same_business(own.name, theirs.name):
                continue
            their_posts = dict(theirs.posts)
            copied = sorted(i for i in own.post_ids & theirs.post_ids if _same_account(own_posts.get(i, ""),
                                                                                       their_posts.get(i, "")))
            if copied:
                first, account = copied[0], own_posts.get(copied[0], "").strip()
                told = account and their_posts.get(first, "").strip()
                refused[cid] = (Message("cli.problem.shared_posts", count=len(copied), post_id=first, other=other,
                                        account=account) if told else
                                Message("cli.problem.shared_posts_untold", count=len(copied), post_id=first,
                                        other=other))
                break
            their_exact = {_fold(n) for n in theirs.who}
            related = any(_names_match(a, b) for a in own.who for b in theirs.who)

            def own_account(account: str) -> bool:
                if _fold(account) in own_exact:
                    return True
                if len(account.split()) >= 2 and any(_holds(n, account) for n in own.who):
                    return True  # "Kopi Senja" of "Kopi Senja Malaysia"; one word ("Asia") says too little
                return _fold(account) not in their_exact and any(_holds(account, n) for n in own.who)

            found = sorted(a for a in own.accounts if not own_account(a) and (
                _fold(a) in their_exact or (not related and any(_names_match(a, n) for n in theirs.who))))
            if found:
                refused[cid] = Message("cli.problem.refused", account=found[0], other=other)
                break
    return refused


def unchecked_exports(identities: dict[str, Identity], batch=None) -> dict[str, str]:
    """For each client of the `batch` (default: every client of `identities`) whose exports could not be
    checked against another client's of the roster, because some of those could not be read (Identity.unread):
    a warning naming that client and why. The report still renders (the other client's own render fails and
    says why, and refusing every report of the roster for one client's broken file would stop them all), but
    it is not passed as checked: posts of that client's unread files among this one's would not be found.
    Entries of one business (clients.same_business) are no other client."""
    result = {}
    for cid, own in identities.items():
        if batch is not None and cid not in batch:
            continue
        unread = [(other, theirs.unread) for other, theirs in identities.items()
                  if other != cid and theirs.unread and not same_business(own.name, theirs.name)]
        if unread:  # the first said: the batch's other reports say the others, and fixing one shows the next
            other, why = unread[0]
            result[cid] = Message("cli.problem.unchecked", other=other, why=why[0])
    return result


def foreign_identities(identities: dict[str, Identity], batch=None) -> dict[str, Foreign]:
    """For each client of the `batch` (default: every client of `identities`): what identifies the others.

    Post ids are every other client's of the roster (`identities`), those it shares with this one included: a
    post of another client's exports has no place in this report, whether or not its own exports hold it too
    (two clients reading one file). Names are those of the other clients of the batch alone, less this one's
    own: a caption may name a partner that is a client too, and renders in a batch of its own. An entry of
    the same business (clients.same_business: one business rendered twice) is no other client."""
    result = {}
    for cid, own in identities.items():
        if batch is not None and cid not in batch:
            continue
        others = {c: i for c, i in identities.items() if c != cid and not same_business(i.name, own.name)}
        ids = frozenset().union(*(i.post_ids for i in others.values()))
        names = frozenset().union(*(i.names for c, i in others.items() if batch is None or c in batch))
        own_folded = {n.casefold() for n in own.names}
        result[cid] = Foreign(post_ids=ids, names=frozenset(n for n in names if n.casefold() not in own_folded),
                              own_names=own.names)
    return result


def find_leaks(document: str, foreign: Foreign, text: str | None = None) -> list[str]:
    """Other clients' post ids and names found in the text and attributes of `document` (`text`: its
    visible_text, when already at hand)."""
    if not foreign.post_ids and not foreign.names:
        return []
    text = visible_text(document) if text is None else text
    for name in sorted(foreign.own_names, key=len, reverse=True):  # "Kopi" inside the own "Kopi Senja"
        text = re.sub(re.escape(name), " ", text, flags=re.I)
    problems = []
    tokens = set(re.findall(r"[\w-]+", text))
    remedy = Message("cli.problem.leak_remedy")
    for post_id in sorted(foreign.post_ids):
        if post_id in tokens or (not re.fullmatch(r"[\w-]+", post_id) and post_id in text):
            problems.append(Message("cli.problem.foreign_post_id", post_id=post_id, context=_around(text, post_id),
                                    remedy=Message("cli.problem.post_id_remedy")))
    for name in sorted(foreign.names):
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.I)
        if found:
            problems.append(Message("cli.problem.foreign_name", name=name, context=_around(text, found.group(0)),
                                    remedy=remedy))
    return problems


def joined(problems: list[str]) -> str:
    """Several problems as one text, '; ' between them, each shown in the reader's language (a Message)."""
    text = problems[0]
    for problem in problems[1:]:
        text = Message("cli.problem.and", first=text, then=problem)
    return text


def _around(text: str, found: str, width: int = 40) -> str:
    """The words around the first occurrence of `found`, quoted, so the user can find it in the report."""
    at = text.find(found)
    start, end = max(0, at - width), min(len(text), at + len(found) + width)
    return "'" + ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "") + "'"


# --- the HTML --------------------------------------------------------------------------------------

_EXPORTER = None


def kernel_error(kernel: "_Kernel", ename: str, evalue: str) -> str:
    """The user's error a report's cell failed with: in every language (an InLanguages) when the kernel wrote
    it down (errors.ERROR_RECORD_VARIABLE), so the summary and the index show it in the command's language;
    else its text as raised, in the client's language."""
    raised = (evalue or "").strip()
    try:
        record = json.loads(kernel.error_record.read_text(encoding="utf-8"))
        texts = {str(k): str(v).strip() for k, v in record["texts"].items()}
    except (AttributeError, OSError, ValueError, KeyError, TypeError):
        return raised
    # the record is this error's: the same kind and, in the client's language, the same text
    return InLanguages(texts) if record.get("ename") == ename and raised in texts.values() else raised


def failing_line(source: str, traceback_lines: list | None) -> str:
    """The line of a cell that raised: the one IPython's traceback marks (`----> 5 report = ...`) in the
    cell's own frame, else the cell's first line of code."""
    for frame in traceback_lines or []:
        text = ANSI.sub("", str(frame))
        if text.lstrip().startswith("Cell In["):
            marked = re.search(r"^-+> *\d+ (.*)$", text, flags=re.MULTILINE)
            if marked and marked.group(1).strip():
                return marked.group(1).strip()
    return next((line.strip() for line in (source or "").splitlines()
                 if line.strip() and not line.lstrip().startswith("#")), "")


def without_stderr(outputs: list) -> list:
    """A code cell's outputs minus what went to stderr: warnings are for whoever runs the notebook,
    not for the client's report or the trainer's slides."""
    return [o for o in outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]


def _exporter():
    """One HTML exporter per process (loading its templates is paid once, not per client)."""
    global _EXPORTER
    if _EXPORTER is None:
        from nbconvert import HTMLExporter
        from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor

        class DropStderr(Preprocessor):
            """Warnings printed to stderr are for the analyst's executed notebook, not the client's report."""

            def preprocess_cell(self, cell, resources, index):
                if cell.get("cell_type") == "code":
                    cell.outputs = without_stderr(cell.get("outputs", []))
                return cell, resources

        # optimistic validation: the notebook is validated once, after the preprocessors, not after each of
        # the fourteen (most of them disabled)
        exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                                optimistic_validation=True)
        exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=HIDDEN_TAGS, enabled=True),
                                       enabled=True)
        exporter.register_preprocessor(DropStderr(enabled=True), enabled=True)
        _EXPORTER = exporter
    return _EXPORTER


def _warm_exporter() -> None:
    """Pay the one-time costs of the export and its checks (templates, HTML entity tables, patterns) on a
    small notebook, while the kernel starts."""
    import nbformat

    from .html_safety import sanitize
    warm = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## warm-up\n\ntext &amp; more"),
        nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/html": "<table><tr><td>1 &lt; 2 &amp; &#233;</td></tr></table>",
                                  "text/plain": "1"})])])
    with contextlib.suppress(Exception):  # a real problem shows in the first export, with its message
        body = export_html(warm, "warm-up")
        unescaped_outputs(warm)
        visible_text(sanitize(body))
        for language in LANGUAGES:  # Babel's locale data, for the report titles
            translator(language).date(datetime.date(2026, 1, 1))


def export_html(executed, title: str) -> str:
    """The exporter's HTML: no code, no prompts, no parameters cells, no stderr; figures embedded.

    Not yet fit to send: `report_page.finish_page` makes it self-contained, branded and printable.
    """
    body, _ = _exporter().from_notebook_node(executed, resources={"metadata": {"name": title}})
    return body


def report_facts(executed) -> dict:
    """The facts the report's title carried for the index (display.title, Report.index_facts): {} when no
    output carries them (a notebook of an older version)."""
    for cell in executed.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            facts = output.get("metadata", {}).get("text/html", {}).get(FACTS_KEY)
            if isinstance(facts, dict):
                return dict(facts)
    return {}


def recorded_facts(facts: dict | None) -> dict:
    """The facts of report_facts that the render record keeps and index_page.report_marks reads, each of the form
    Report.index_facts gives it: the posts in the period (an int) and, for platforms whose exports cover only
    part of it, {platform: {"days": …, "period_days": …}} ("from_posts": True where exports naming no period
    are judged by their posts' days, "some" where only some of them are); the posts of each platform
    ({platform: int}) and the platforms with post exports of the period listing only their header ({platform:
    [files]}), which
    the next render's header_only_problem compares with; the exports the report says may have missed posts
    ("named_gaps": [names]). Anything else is left out, not recorded."""
    facts = facts or {}
    kept = {"posts": facts["posts"]} if isinstance(facts.get("posts"), int) else {}
    partial = facts.get("partial")
    if isinstance(partial, dict) and partial and all(
            isinstance(days, dict) and all(isinstance(days.get(k), int) for k in ("days", "period_days"))
            for days in partial.values()):
        kept["partial"] = {str(p): {"days": d["days"], "period_days": d["period_days"]}
                           | ({"from_posts": d["from_posts"]} if d.get("from_posts") in (True, "some") else {})
                           for p, d in partial.items()}
    if (counts := platform_posts(facts)) is not None:
        kept["platform_posts"] = counts
    if header_only := header_only_platforms(facts):
        kept["header_only"] = header_only
    gaps = facts.get("named_gaps")
    if isinstance(gaps, list) and gaps and all(isinstance(name, str) for name in gaps):
        kept["named_gaps"] = list(gaps)  # exports the report says may have missed posts: their names, no folders
    if left_out := sum(found["count"] for found in left_out_facts(facts)):  # how many only: the paths name this
        kept["left_out"] = left_out  # machine's folders; none where a folder was not looked through in full only
    return kept


def left_out_facts(facts: dict) -> list[dict]:
    """The facts' files the client's patterns pass over (Report.index_facts' "left_out"): [{"folder": path,
    "files": [paths], "pattern": path or None, "count": how many were found (the files named are fewer where
    many), "more": the limit that stopped the look, so that there may be more, "entries" or "headers" (sources.LeftOut),
    else "", "refused": those of the files a pattern would take only to refuse (an .xls), [] in an earlier version's
    facts}], [] where there are none or they are not of that form. A folder without files is kept where its look
    stopped early; an earlier version's `"more": true` is the entries' limit."""
    found = facts.get("left_out")
    if not isinstance(found, list):
        return []
    limits = {True: "entries", "entries": "entries", "headers": "headers"}
    return [{"folder": one["folder"], "files": list(one["files"]), "pattern": one.get("pattern"),
             "count": max(count, len(one["files"])) if isinstance(count := one.get("count"), int) else len(one["files"]),
             "more": more, "refused": [f for f in refused if isinstance(f, str)] if isinstance(
                 refused := one.get("refused", []), list) else []} for one in found
            if isinstance(one, dict) and isinstance(one.get("folder"), str) and isinstance(one.get("files"), list)
            and ((more := limits.get(one.get("more"), "")) or one["files"]) and all(isinstance(f, str) for f in one["files"])
            and isinstance(one.get("pattern"), (str, type(None)))]


def as_walked(path: str | Path) -> str:
    """A file passed over as the folder's walk met it (relative to the folder the command runs in where inside
    it): a link is named where it lies, in the folder named beside it, not by the file it points to."""
    path = Path(path)
    return str(Path(display_path(path.parent)) / path.name)


def left_out_detail(found: dict, tr: Translator) -> str:
    """What the summary says in full of one folder's files left out (left_out_facts): the files, and the pattern
    to add to the roster, or, where the folder holds another client's exports, to add the files themselves; where
    the look stopped at a limit, which one, and where it found none, that the folder was not looked through in full.
    Files in a format not read here ("refused": an .xls) get a line of their own, with how to save them as .xlsx or
    CSV: a pattern taking them would only refuse them."""
    from .paths import WALK_LIMIT
    from .sources import HEADERS_LOOKED_AT

    more = found.get("more")
    if not found["files"]:
        key = "cli.left_out_unlooked_headers" if more == "headers" else "cli.left_out_unlooked"
        return tr.t(key, folder=display_path(found["folder"]),
                    limit=tr.number(HEADERS_LOOKED_AT if more == "headers" else WALK_LIMIT))
    refused = found.get("refused") or []
    lines = []
    if refused:  # a pattern would take them only to refuse them: how to save them, not a pattern to add
        lines.append(tr.t("cli.left_out_refused" + ("_one" if len(refused) == 1 else ""),
                          files=", ".join(as_walked(f) for f in refused), folder=display_path(found["folder"])))
    files = [as_walked(f) for f in found["files"] if f not in refused][:LEFT_OUT_NAMED]
    count = found.get("count", len(found["files"])) - len(refused)
    if count < 1:
        return "\n".join(lines)
    others = tr.t("roster.and_others_headers", limit=tr.number(HEADERS_LOOKED_AT)) if more == "headers" else \
        tr.t("roster.and_others") if more else ""
    shown = ", ".join(files) + (tr.t("roster.and_more", count=tr.number(count - len(files))) if count > len(files)
                                else "") + others
    key = "cli.left_out_detail" + ("" if found["pattern"] else "_by_name") + ("_one" if count == 1 else "")
    return "\n".join([tr.t(key, files=shown, folder=display_path(found["folder"]),
                           pattern=display_path(found["pattern"]) if found["pattern"] else ""), *lines])


def platform_posts(facts: dict) -> dict | None:
    """The facts' posts of each platform ({platform: int}), or None where they do not give them (a report
    rendered by an earlier version)."""
    counts = facts.get("platform_posts")
    if not isinstance(counts, dict) or not all(isinstance(n, int) and not isinstance(n, bool) for n in counts.values()):
        return None
    return {str(p): n for p, n in counts.items()}


def header_only_platforms(facts: dict) -> dict[str, list[str]]:
    """The facts' platforms with post exports of the period that list only their header, with those files ({}
    for none; Report.header_only_files)."""
    found = facts.get("header_only")
    if not isinstance(found, dict):
        return {}
    return {str(p): [str(f) for f in files] for p, files in found.items()
            if isinstance(files, list) and files and all(isinstance(f, str) for f in files)}


def _platform_name(platform: str):
    """A platform for a message: the catalogue's name where it has one, else as recorded."""
    return Message(f"platform.{platform}") if f"platform.{platform}" in catalogue("en") else platform


def _header_only_clause(platform: str, files: list[str], before: int, now: int) -> Message:
    """What header_only_problem says of one platform: its header-only files and its posts in the last report,
    and where its other exports still hold posts of the period, the fewer it has now."""
    one = "_one" if len(files) == 1 else ""
    if now:
        return Message("cli.problem.header_only_fell" + one, platform=_platform_name(platform), files=files,
                       posts=before, now=now)
    return Message("cli.problem.header_only_platform" + one, platform=_platform_name(platform), files=files,
                   posts=before)


def header_only_problem(previous: dict | None, client: Client, facts: dict) -> Message | None:
    """Why this report is not to replace the last good one (None when it may): that one is of the same period
    and business, and a platform now has a post export covering days of the period that lists only its header
    (Report.header_only_files) and fewer posts in the period than it had then, whatever the other platforms
    hold: a download cut after its header would replace that platform's posts of its days with none, though
    the platform's other exports still hold posts. The message names each such platform, its header-only files,
    its posts then and now, and how to accept the report when they are really gone (Task.accept_header_only,
    render --accept-header-only). A last report recorded without each platform's posts (an earlier version) is
    judged as a whole, as that version did: no posts now, every platform's exports header-only, posts then."""
    report = (previous or {}).get("report") or {}
    if (not report.get("html") or (report.get("period_start"), report.get("period_end"))
            != (client.period_start.isoformat(), client.period_end.isoformat())
            or not same_business(report.get("name") or (previous or {}).get("name"), client.name)):
        return None
    header_only = header_only_platforms(facts)
    before = platform_posts(report)
    if before is not None:
        now = platform_posts(facts) or {}
        lost = {p: files for p, files in sorted(header_only.items()) if before.get(p, 0) > now.get(p, 0)}
        if not lost:
            return None
        clauses = [_header_only_clause(p, files, before[p], now.get(p, 0)) for p, files in lost.items()]
        one = sum(len(files) for files in lost.values()) == 1
        return Message("cli.problem.header_only_kept" + ("_one" if one else ""), lost=clauses)
    posts, files = report.get("posts"), sorted(f for found in header_only.values() for f in found)
    if (facts.get("posts") != 0 or not files or not isinstance(posts, int) or posts <= 0
            or not set(platform_posts(facts) or {}) <= set(header_only)):
        return None
    return Message("cli.problem.header_only_kept_earlier" + ("_one" if len(files) == 1 else ""), files=files,
                   posts=posts)


def period_of(client: Client) -> tuple:
    """The days a client's report is for, as RenderResult.period keeps them."""
    return (client.period_start, client.period_end)


def other_report(out_dir: Path, record: dict | None) -> tuple:
    """(path, name) of the earlier report of another client that a failed or interrupted attempt's record says
    its folder still holds (index_page.new_record's 'other_report'), or ()."""
    other = (record or {}).get("other_report") or {}
    if not other.get("html") or not (record or {}).get("client"):
        return ()
    return (Path(out_dir) / str(record["client"]) / other["html"], str(other.get("name") or ""))


def unescaped_outputs(executed) -> list[str]:
    """Cell outputs whose HTML would run something: text from the exports that was not escaped."""
    problems = []
    for index, cell in enumerate(executed.get("cells", [])):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            for mime in ("text/html", "image/svg+xml", "text/markdown"):
                data = output.get("data", {}).get(mime)
                if data:
                    text = "".join(data) if isinstance(data, list) else data
                    for problem in live_content(text):
                        problems.append(Message("cli.problem.unescaped", index=str(index), mime=mime,
                                                problem=problem))
    return problems


def machine_paths(client: Client) -> list[str]:
    """Paths of this machine that must not appear in a report: project, home, the exports' folders."""
    paths = {str(PROJECT_ROOT), str(PROJECT_ROOT.resolve())}
    home = Path.home()
    if len(home.parts) >= 2:  # a home of "/" would match every path
        paths |= {str(home), str(home.resolve())}
    from .clients import export_patterns, mapping_files
    from .paths import resolve
    for pattern in export_patterns(client.exports) + [str(path) for path in mapping_files(client.exports)]:
        folder = resolve(pattern).parent
        while any(ch in str(folder) for ch in "*?["):
            folder = folder.parent
        if len(folder.parts) >= 3:  # /a/b and deeper: shorter paths are too common in text
            paths.add(str(folder))
    return sorted(paths, key=len, reverse=True)


def _holds_path(document: str, path: str) -> bool:
    """Whether `document` holds `path`, or the path without its leading '/' (as a label relative to '/' shows
    it: 'home/alice/Clients/...'), when that still has two folders at least ('root', a home of /root, is a
    word). Called with the raw HTML and with its visible text, where a path holding '&' or an apostrophe
    ('Sales & Marketing') is written as it is, not escaped."""
    relative = path.lstrip("/")
    return path in document or (relative != path and "/" in relative and relative in document)


def check_html(body: str, client: Client, foreign: Foreign | None = None) -> list[str]:
    """Reasons the HTML must not be sent; empty when it is fine. Read with long words whole (a <wbr> inside a
    file path or a post id must not hide it: html_safety.without_word_breaks)."""
    body = without_word_breaks(body)
    problems = []
    if "hl-ipython3" in body or "from helpers import" in body or "build_report(" in body:
        problems.append(Message("cli.problem.code_cells"))
    text = visible_text(body)
    if "injected-parameters" in body or re.search(
            r"\b(client|client_name|exports|timezone|period_start|period_end)\s*=\s*[\"'\[]", text):
        problems.append(Message("cli.problem.parameters"))
    without_images = DATA_URI.sub("data:", body)
    for path in machine_paths(client):
        if _holds_path(without_images, path) or _holds_path(text, path):
            problems.append(Message("cli.problem.machine_path", path=path))
    if html.escape(client.name) not in body:
        problems.append(Message("cli.problem.no_client_name"))
    if "Traceback (most recent call last)" in body:
        problems.append(Message("cli.problem.traceback"))
    problems += [Message("cli.problem.live_content", problem=p) for p in live_content(body)]
    if foreign is not None:
        problems += find_leaks(body, foreign, text)
    return problems


# --- kernels ---------------------------------------------------------------------------------------

class KernelStartError(WorkbookError):
    """A kernel did not start."""


@dataclass(eq=False)
class _Kernel:
    manager: object
    client: object | None
    warmup: str | None
    stderr: Path
    requested: float = 0.0  # time.perf_counter() when its start was asked for
    error_record: Path | None = None  # where the kernel writes the WorkbookError a cell fails with (kernel_error)
    figures: Path | None = None  # where it keeps the figures drawn ahead (drawing.figures_root): removed with it


def kernel_log(kernel: _Kernel, lines: int) -> list[str]:
    """The last `lines` lines the kernel wrote to its stderr (its warnings, or what a crash left): read before
    the kernel is shut down, which removes them."""
    try:
        return kernel.stderr.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-lines:]
    except OSError:
        return []


def kernel_exit_status(kernel: _Kernel) -> int | None:
    """The exit status of a kernel whose process ended (-9: killed by SIGKILL), None when not known."""
    process = getattr(getattr(kernel.manager, "provisioner", None), "process", None)
    try:
        return process.wait(timeout=2)
    except Exception:  # noqa: BLE001 - no process (another provisioner), or still running: not known
        return None


def kernel_death(status: int | None, command: str) -> Message:
    """Why the report's kernel stopped in the middle of a cell, from its exit status: killed (SIGKILL, as the
    system's out-of-memory killer does) or a status not known is most often memory running out, said with how to
    render the client using less; another signal, or an exit of the kernel's own, is named as it is. `command`
    renders the client alone (Task.alone), the one to copy."""
    if status is None:
        return Message("cli.problem.kernel_died", command=command)
    if status == -signal.SIGKILL:
        return Message("cli.problem.kernel_killed", command=command)
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = "?"
        return Message("cli.problem.kernel_signal", number=str(-status), name=name, command=command)
    return Message("cli.problem.kernel_exited", status=str(status), command=command)


def alone_command(client_id: str, out_dir: str | Path = REPORTS_DIR, roster: str | Path = "") -> str:
    """The render command for one client alone, on one worker (--jobs 1), when the command line is not known
    (render_all or render_client called from Python): into `out_dir` (--out, unless reports/) and from `roster`
    (--clients: the client's Client.roster_file, unless data/clients.yml or not known), so that it renders the
    report it stands for. The render command gives its own, with the roster and folder typed (Task.alone)."""
    from . import paths
    from .installed import shell_command

    words = ["python", "-m", "helpers", "render"]
    if roster and Path(roster).resolve() != Path(paths.DEFAULT_ROSTER).resolve():
        words += ["--clients", _from_project_root(roster)]
    words += ["--client", client_id]
    if Path(out_dir).resolve() != REPORTS_DIR.resolve():
        words += ["--out", _from_project_root(out_dir)]
    return shell_command(words + ["--jobs", "1"])


def _from_project_root(path: str | Path) -> str:
    """`path` as the render command, run from the project root, reads it: relative to the root when inside it,
    else in full (a relative `path` is taken from this process's folder, as render_all writes to it)."""
    full = Path(path).resolve()
    try:
        return str(full.relative_to(PROJECT_ROOT.resolve()))
    except ValueError:
        return str(full)


@functools.lru_cache(maxsize=1)
def ready_client_class():
    """nbclient's kernel client, ready as soon as the kernel has answered on both channels.

    jupyter_client's readiness check asks for the kernel's info until the reply comes on the shell channel
    and a message on IOPub shows that channel connected (messages sent before it connects are lost). It
    then reads IOPub until 0.2 s pass without a message, to drop stray ones; nbclient reads only the
    messages of the cell it runs, so that wait is skipped here: 0.2 s less per report."""
    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_core.utils import ensure_async

    class ReadyKernelClient(AsyncKernelClient):
        async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
            limit = KERNEL_START_TIMEOUT if timeout is None else timeout
            deadline = time.monotonic() + limit
            while True:
                self.kernel_info()
                try:
                    reply = await ensure_async(self.shell_channel.get_msg(timeout=1))
                except queue.Empty:
                    reply = None
                if reply is not None and reply["msg_type"] == "kernel_info_reply":
                    try:
                        await ensure_async(self.iopub_channel.get_msg(timeout=0.2))
                    except queue.Empty:
                        pass  # IOPub not connected yet: ask again
                    else:
                        self._handle_kernel_info_reply(reply)
                        return
                if not await self._async_is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {limit} s")

        wait_for_ready = _async_wait_for_ready  # the public name is bound to the base class's method

    return ReadyKernelClient


class KernelSupply:
    """Fresh kernels, each started ahead of need with the notebook's libraries imported.

    A kernel serves exactly one client and is shut down after it; `start_spare` starts the next one so
    that its start and imports overlap with the current client's run.
    """

    def __init__(self, notebook: Path, scratch: Path, kernel_name: str = "python3", cwd: Path = PROJECT_ROOT):
        self.code = warmup_code(notebook)
        self.kernel_name = kernel_name
        self.cwd = cwd
        self.scratch = scratch
        self.spare: _Kernel | None = None
        self.running: list[_Kernel] = []
        self.stopping = False
        SUPPLIES.append(self)

    def start_spare(self) -> None:
        if self.spare is None:
            self.spare = self._start()

    def _start(self) -> _Kernel:
        from jupyter_client import AsyncKernelManager, BlockingKernelClient
        from jupyter_client.utils import run_sync

        class TrackedKernelManager(AsyncKernelManager):
            """Remembers the clients made for its kernel (nbclient makes one), to close them with it."""

            def client(self, **kwargs):
                made = super().client(**kwargs)
                self.made_clients.append(made)
                return made

        # Unix sockets in this process's scratch folder rather than TCP ports: kernels started at the same
        # moment by parallel workers cannot pick the same port, and nothing listens on the network
        requested = time.perf_counter()
        manager = TrackedKernelManager(kernel_name=self.kernel_name, transport="ipc", ip=str(self.scratch / "kernel"),
                                       client_factory=ready_client_class())
        manager.made_clients = []
        stderr = Path(tempfile.mkstemp(prefix="kernel-", suffix=".log", dir=self.scratch)[1])
        error_record = stderr.with_suffix(".error.json")
        figures = stderr.with_suffix(".figures")
        figures.mkdir()
        with open(stderr, "wb") as log:  # the kernel's own warnings: kept for a failure message only
            run_sync(manager.start_kernel)(cwd=str(self.cwd), stdout=subprocess.DEVNULL, stderr=log,
                                           extra_arguments=["--HistoryManager.hist_file=:memory:"],
                                           env={**os.environ, ERROR_RECORD_VARIABLE: str(error_record),
                                                FIGURES_DIR_VARIABLE: str(figures)})
        kernel = _Kernel(manager, None, None, stderr, requested=requested, error_record=error_record,
                         figures=figures)
        self.running.append(kernel)
        client = BlockingKernelClient()
        client.load_connection_info(manager.get_connection_info())
        client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        kernel.client = client
        kernel.warmup = client.execute(self.code, silent=False, store_history=False, allow_stdin=False)
        return kernel

    def take(self) -> _Kernel:
        """A kernel with the libraries imported, waiting for its warm-up to finish if needed."""
        kernel, self.spare = self.spare or self._start(), None
        deadline = time.monotonic() + KERNEL_START_TIMEOUT
        while True:
            if time.monotonic() > deadline:
                self.shutdown(kernel)
                raise KernelStartError(Message("cli.problem.kernel_timeout", seconds=str(KERNEL_START_TIMEOUT)))
            process = getattr(kernel.manager.provisioner, "process", None)
            if process is not None and process.poll() is not None:
                log = kernel_log(kernel, 5)
                self.shutdown(kernel)
                raise KernelStartError(Message("cli.problem.kernel_stopped", log=" | ".join(log)))
            try:
                reply = kernel.client.get_shell_msg(timeout=0.5)
            except queue.Empty:
                continue
            if reply.get("parent_header", {}).get("msg_id") == kernel.warmup:
                break
        self._close_clients(kernel)
        return kernel

    @staticmethod
    def _close_clients(kernel: _Kernel) -> None:
        """Close every connection to the kernel (sockets close at once: nothing waits on a dead kernel)."""
        for client in [kernel.client, *getattr(kernel.manager, "made_clients", [])]:
            if client is not None:
                with contextlib.suppress(Exception):
                    client.stop_channels()
        kernel.client = None

    def shutdown(self, kernel: _Kernel | None) -> None:
        """Stop a kernel whose client is done. It holds nothing to save (its history is in memory), so it
        is killed at once: jupyter_client's own shutdown waits about 0.1 s for its sockets to linger."""
        if kernel is None:
            return
        if kernel in self.running:
            self.running.remove(kernel)
        self._kill(kernel)
        if not self.stopping:  # not from a signal handler: the manager's sockets can be closed too
            with contextlib.suppress(Exception):
                kernel.manager.cleanup_ipc_files()
            if getattr(kernel.manager, "_created_context", False):
                with contextlib.suppress(Exception):
                    kernel.manager.context.destroy(linger=0)
        for path in (kernel.stderr, kernel.error_record):
            if path is not None:
                with contextlib.suppress(OSError):
                    path.unlink()
        if kernel.figures is not None:  # the client's figures its copy drew ahead, should a cell have failed
            shutil.rmtree(kernel.figures, ignore_errors=True)

    @classmethod
    def _kill(cls, kernel: _Kernel) -> None:
        """Kill a kernel's process group and remove its connection file, without the event loop."""
        cls._close_clients(kernel)
        provisioner = getattr(kernel.manager, "provisioner", None)
        pgid, pid = getattr(provisioner, "pgid", None), getattr(provisioner, "pid", None)
        with contextlib.suppress(OSError):
            if pgid and pgid != os.getpgid(0):
                os.killpg(pgid, signal.SIGKILL)
            elif pid:
                os.kill(pid, signal.SIGKILL)
        process = getattr(provisioner, "process", None)
        if process is not None:
            with contextlib.suppress(Exception):
                process.wait(timeout=5)
        with contextlib.suppress(Exception):
            kernel.manager._close_control_socket()  # noqa: SLF001 - what cleanup_resources does, minus the loop
        with contextlib.suppress(Exception):
            kernel.manager.cleanup_connection_file()

    def kill_all(self) -> None:
        """Stop every kernel now (an interrupted render): safe to call from a signal handler."""
        self.stopping = True
        for kernel in list(self.running):
            self._kill(kernel)
        self.running.clear()
        self.spare = None

    def close(self) -> None:
        if self in SUPPLIES:
            SUPPLIES.remove(self)
        if self.stopping:
            self.kill_all()
            return
        self.shutdown(self.spare)
        self.spare = None
        for kernel in list(self.running):
            self.shutdown(kernel)


# --- one client ------------------------------------------------------------------------------------

@dataclass
class Task:
    """One client to render and where; `warm_next` starts the kernel for a following client."""
    client: Client
    out_dir: str
    foreign: Foreign | None = None
    chromium: str | None = None
    pdf: bool = False  # a PDF asked for: without `chromium` (none installed) the report records it as not printed
    not_printed: str = ""  # why, then (pdf.not_printed_message, worked out where the command's environment is)
    token: str = ""
    warm_next: bool = False
    draw_ahead: bool = False  # a core is spare: the notebook may draw its figures with a second process
    refused: str = ""  # why the client is not rendered at all (posts_of_others), failing it at once
    unchecked: str = ""  # why its exports were not checked against another client's (unchecked_exports)
    language: str = "en"  # the command's: the language the render record and error.txt hold a message in
    accept_header_only: bool = False  # a report may replace the last one though exports list only their header
    read_by_others: tuple = ()  # files the roster gives other clients, in this client's folders (others_files)
    # the command rendering this client alone on one worker, with the roster and folder typed, for the hint of a
    # kernel or worker ended mid-render (alone_command's when empty: rendered_alone)
    alone: str = ""

    def rendered_alone(self) -> str:
        """The command rendering this client alone: the render command's (alone), else one into this task's
        folder from the roster the client was read from (alone_command)."""
        return self.alone or alone_command(self.client.id, self.out_dir, self.client.roster_file)


#: The signals that stop a render: Ctrl-C, SIGTERM (a service manager) and, where the platform has it, SIGHUP
#: (the terminal closed: a dropped SSH session).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def signals_deferred():
    """The stop signals (STOP_SIGNALS) wait until the block is done: a report is moved in whole or not at all."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, set(STOP_SIGNALS))
    except (AttributeError, ValueError, OSError):
        old = None
    try:
        yield
    finally:
        if old is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def check_client_id(client_id: str) -> None:
    """An id names a folder: refuse one that could point elsewhere (`../x`, `/etc`, spaces)."""
    if (why := id_problem(client_id)) is not None:
        raise WorkbookError(Message("roster.unsafe_id", id=repr(client_id), why=why))


def skip_slow_optional_imports() -> None:
    """jsonschema (imported by nbformat) imports rfc3987_syntax when installed, which builds a parser
    grammar on import (2-4 s). It only checks IRI formats, which notebook validation does not use: a
    render worker marks it absent before importing nbformat, so jsonschema skips it."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


class KernelDiedNotice(logging.Filter):
    """Leaves out nbclient's 'Kernel died while waiting for execute reply.' (logged through papermill's logger,
    in English, amid the progress lines): the render says it in the summary, with the cell and what to do, in
    the command's language (kernel_death)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Kernel died")


def quiet_kernel_died_notice() -> None:
    """Filter nbclient's notice of a dead kernel out of papermill's log, once per process."""
    log = logging.getLogger("papermill")
    if not any(isinstance(f, KernelDiedNotice) for f in log.filters):
        log.addFilter(KernelDiedNotice())


class Renderer:
    """Renders clients one after another in this process, one fresh kernel each (see KernelSupply)."""

    def __init__(self, notebook: Path = REPORT_NOTEBOOK, events=None, scratch: Path | None = None):
        self.notebook = Path(notebook)
        self.events = events
        self.own_scratch = scratch is None
        self.scratch = Path(scratch or tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
        metadata = json.loads(self.notebook.read_text(encoding="utf-8")).get("metadata", {})
        self.kernel_name = metadata.get("kernelspec", {}).get("name", "python3")
        self.declared = declared_parameters(self.notebook)
        self.supply = KernelSupply(self.notebook, self.scratch, self.kernel_name)
        quiet_kernel_died_notice()
        try:
            self.supply.start_spare()  # the kernel boots while this process imports papermill and nbconvert
            import papermill  # noqa: F401
        except BaseException:  # stopped while setting up (Ctrl-C during the imports): no kernel is left running
            self.close()
            raise
        # the exporter's first use imports and compiles its templates (about 2 s): done on a thread, so
        # it overlaps with the kernel's start and the first client's run instead of adding to them
        self.exporter_ready = threading.Thread(target=_warm_exporter, name="warm-exporter", daemon=True)
        self.exporter_ready.start()

    def emit(self, client: str, state: str, **values) -> None:
        """Tell the parent a client's new state (a key of the cli.state texts, with its values)."""
        if self.events is not None:
            self.events.put(("state", os.getpid(), (client, state, values)))

    def close(self) -> None:
        self.supply.close()
        if self.own_scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def parameters(self, task: Task) -> dict:
        """The client's parameters, `draw_ahead` when a core is spare and `read_by_others` when the roster gives
        other clients files in its folders, where the notebook takes them."""
        parameters = task.client.parameters()
        if task.draw_ahead and "draw_ahead" in self.declared:
            parameters["draw_ahead"] = True
        if task.read_by_others and "read_by_others" in self.declared:
            parameters["read_by_others"] = list(task.read_by_others)
        return parameters

    def render(self, task: Task) -> RenderResult:
        """Run the notebook for the client, check the HTML, then move the report into place."""
        import papermill
        from nbclient.exceptions import DeadKernelError
        from papermill.exceptions import PapermillExecutionError

        client, out_dir = task.client, Path(task.out_dir)
        started = time.perf_counter()
        timings: dict[str, float] = {}
        check_client_id(client.id)
        out_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{task.token}-{client.id}-", dir=out_dir))
        if task.refused:
            try:
                return self._fail(task, work, started, timings, task.refused)
            finally:
                shutil.rmtree(work, ignore_errors=True)
        try:
            self.emit(client.id, "starting_kernel")
            mark = time.perf_counter()
            kernel = self.supply.take()
            timings["kernel"] = time.perf_counter() - mark
            # how long before this report its kernel began to start (booting while this process imported
            # papermill, or during the previous client): a single report's full cost includes it
            timings["kernel_head_start"] = max(0.0, started - kernel.requested)
            if task.warm_next:
                self.supply.start_spare()
            total = len(_cells(self.notebook)) + 1  # papermill adds the injected-parameters cell

            running = {}  # the cell executing: the one a kernel that dies was running

            def on_cell_start(cell, cell_index, **_):
                running.update(index=cell_index, source=cell.get("source", ""))
                self.emit(client.id, "executing", cell=cell_index + 1, total=total)

            mark = time.perf_counter()
            try:
                executed = papermill.execute_notebook(
                    str(self.notebook), str(work / "report.ipynb"), parameters=self.parameters(task),
                    kernel_name=self.kernel_name, km=kernel.manager, progress_bar=False, log_output=False,
                    report_mode=True, request_save_on_cell_execute=False, on_cell_start=on_cell_start,
                    execution_timeout=CELL_TIMEOUT,
                )
            except PapermillExecutionError as exc:
                timings["execute"] = time.perf_counter() - mark
                # a user's error (a bad file or parameter) speaks for itself, in the reader's language: the
                # cell and its code would be noise; a fault names its type, the cell and the line that raised
                if exc.ename in USER_ERROR_NAMES:
                    return self._fail(task, work, started, timings, kernel_error(kernel, exc.ename, exc.evalue),
                                      failed_cell=exc.cell_index + 1, user_error=True)
                return self._fail(task, work, started, timings, f"{exc.ename}: {exc.evalue}".strip(),
                                  failed_cell=exc.cell_index + 1,
                                  failed_source=failing_line(exc.source, exc.traceback)[:80])
            except DeadKernelError:
                # the kernel's process ended mid-cell (most often killed by the system as memory ran out): said
                # with its cell and how it ended, not as nbclient's "Kernel died"; its last words go to error.txt
                timings["execute"] = time.perf_counter() - mark
                return self._fail(task, work, started, timings,
                                  kernel_death(kernel_exit_status(kernel), task.rendered_alone()),
                                  failed_cell=running["index"] + 1 if "index" in running else None,
                                  failed_source=failing_line(running.get("source", ""), None)[:80],
                                  detail="\n".join(kernel_log(kernel, 20)))
            finally:
                self.supply.shutdown(kernel)
            timings["execute"] = time.perf_counter() - mark

            self.emit(client.id, "exporting")
            mark = time.perf_counter()
            self.exporter_ready.join()
            problems = unescaped_outputs(executed)
            body = ""
            if not problems:
                body = finish_page(export_html(executed, report_title(client)), client)
                problems = check_html(body, client, task.foreign)
            timings["export"] = time.perf_counter() - mark
            if problems:
                return self._fail(task, work, started, timings, joined(problems))
            (work / "report.html").write_text(body, encoding="utf-8")

            pdf_error = ""
            if task.chromium:
                from .pdf import PdfError, print_pdf
                self.emit(client.id, "printing_pdf")
                mark = time.perf_counter()
                try:
                    print_pdf(work / "report.html", work / "report.pdf", task.chromium, work)
                except (PdfError, OSError, subprocess.SubprocessError) as exc:
                    # a PdfError's Message is shown in the command's language; a system error as it is
                    problem = exc.problem if isinstance(exc, PdfError) else str(exc)
                    pdf_error = Message("cli.problem.pdf", problem=problem)
                timings["pdf"] = time.perf_counter() - mark
            elif task.pdf:  # asked for, with no Chromium to print it (the command said why)
                pdf_error = task.not_printed or Message("cli.problem.no_chromium")
            return self._commit(task, work, started, timings, pdf_error, report_facts(executed))
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken kernel or a bug: this client fails, others go on
            # a WorkbookError speaks to the user, without its type (a Message, as the kernel's, is shown in the
            # command's language; a plain text in the language it was raised in); a bug keeps its type
            error = (exc.args[0] if isinstance(exc, WorkbookError) and len(exc.args) == 1
                     else f"{type(exc).__name__}: {exc}")
            return self._fail(task, work, started, timings, error, detail=traceback.format_exc())
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _commit(self, task: Task, work: Path, started: float, timings: dict, pdf_error: str,
                facts: dict | None = None) -> RenderResult:
        """Move the report (and PDF) into reports/<id>/, then the executed notebook beside the analyst's copy,
        then record the render. A folder that refuses the files (its permissions, a folder where the report
        goes) fails the client with what to do (publish_problem), before any file is moved when it can be
        told in advance: the executed notebook never replaces the last good report's without the report."""
        client, out_dir = task.client, Path(task.out_dir)
        target = out_dir / client.id
        if not task.accept_header_only and (
                problem := header_only_problem(read_record(out_dir, client.id), client, facts or {})) is not None:
            return self._fail(task, work, started, timings, problem)
        seconds = time.perf_counter() - started
        has_pdf = (work / "report.pdf").is_file() and not pdf_error
        executed = out_dir / EXECUTED_DIR / client.id  # the analyst's, not the client's: kept apart
        try:
            with signals_deferred():
                previous = read_record(out_dir, client.id)
                moves = [(work / "report.html", target / "report.html"), (work / "report.ipynb", executed / "report.ipynb")]
                if has_pdf:
                    moves.insert(0, (work / "report.pdf", target / "report.pdf"))
                for folder in (target, executed, record_path(out_dir, client.id).parent):
                    folder.mkdir(parents=True, exist_ok=True)
                    handle, probe = tempfile.mkstemp(prefix=".write-check-", dir=folder)
                    os.close(handle)
                    os.unlink(probe)
                for destination in [destination for _, destination in moves] + [record_path(out_dir, client.id)]:
                    if destination.is_dir():
                        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(destination))
                for source, destination in moves:
                    os.replace(source, destination)
                with contextlib.suppress(FileNotFoundError):
                    (target / "report.ipynb").unlink()  # put there by an older version of the renderer
                if not has_pdf and (target / "report.pdf").is_file():
                    (target / "report.pdf").unlink()  # printed from an older report: it would not match
                report = {"html": "report.html", "pdf": "report.pdf" if has_pdf else None, "name": client.name,
                          "period_start": client.period_start.isoformat(), "period_end": client.period_end.isoformat(),
                          "rendered_at": now_text(), "seconds": recorded_seconds(seconds), "timings": {
                              k: round(v, 2) for k, v in timings.items()}}
                report |= recorded_facts(facts)
                if task.unchecked:  # kept beside the report, for the index to say (index_page.report_marks)
                    report["unchecked"] = in_every_language(task.unchecked)
                write_record(out_dir, client.id, new_record(
                    previous, client=client.id, name=client.name, ok=True, attempted_at=report["rendered_at"],
                    seconds=seconds, timings=timings, error=pdf_error, report=report, language=task.language))
                shutil.rmtree(out_dir / FAILED_DIR / client.id, ignore_errors=True)
        except OSError as exc:
            raise WorkbookError(publish_problem(exc)) from exc
        return RenderResult(client.id, True, seconds, html=target / "report.html", timings=timings,
                            pdf=target / "report.pdf" if has_pdf else None, pdf_error=pdf_error,
                            facts=recorded_facts(facts), unchecked=task.unchecked, period=period_of(client),
                            left_out=left_out_facts(facts or {}))

    def _fail(self, task: Task, work: Path, started: float, timings: dict, error: str, *,
              failed_cell: int | None = None, failed_source: str = "", detail: str = "",
              user_error: bool = False) -> RenderResult:
        """Keep the executed notebook under _failed/<id>/ and record the failure; the report stays.
        A `user_error` (a bad file or parameter) is shown without its cell, which means nothing to whoever
        fixes the file: only the error file, for support, names it."""
        client, out_dir = task.client, Path(task.out_dir)
        seconds = time.perf_counter() - started
        with signals_deferred():
            failed = out_dir / FAILED_DIR / client.id
            failed.mkdir(parents=True, exist_ok=True)
            if (work / "report.ipynb").exists():
                os.replace(work / "report.ipynb", failed / "report.ipynb")
            else:
                with contextlib.suppress(FileNotFoundError):
                    (failed / "report.ipynb").unlink()  # from an older failure: not this one's
            # the error file in the command's language, as the summary shows it; the record in every language
            tr = Translator(task.language)
            shown = tr.message(error)
            where = "" if failed_cell is None else (
                tr.t("cli.cell", number=failed_cell) + (f" ({failed_source})" if failed_source else "") + ": ")
            if user_error:
                failed_cell = None
            record = record_failure(out_dir, client, error, seconds, timings, failed_cell,
                                    text=f"{where}{shown}\n\n{detail}", language=task.language)
        return RenderResult(client.id, False, seconds, failed_cell=failed_cell, error=error, timings=timings,
                            failed_source=failed_source, period=period_of(client),
                            other_report=other_report(out_dir, record))


def publish_problem(error: OSError) -> Message:
    """Why a finished report could not be put in its folder, naming the folder or file and what to do: a
    folder where a file goes (reports/<id>/report.html made a folder) or a file where the report's folder goes
    (reports/<id> made a file) is to be moved away; a folder that refuses writes is to be given the permissions."""
    path = Path(error.filename2 or error.filename or ".")
    if error.errno == errno.EISDIR:
        return Message("cli.problem.publish_is_folder", path=display_path(path))
    if error.errno in (errno.EEXIST, errno.ENOTDIR):  # a file where reports/<id>/ (or a folder above it) goes
        in_the_way = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
        if in_the_way is not None:
            return Message("cli.problem.publish_is_file", path=display_path(in_the_way))
    folder = path if path.is_dir() else path.parent
    return Message("cli.problem.publish_refused", folder=display_path(folder), reason=os_reason(error))


def record_failure(out_dir: Path, client: Client, error: str, seconds: float = 0.0, timings: dict | None = None,
                   failed_cell: int | None = None, text: str | None = None, language: str = "en") -> dict:
    """Record a failed attempt in reports/_records/<id>.json, keeping the last good report's entry, and the
    whole error in reports/_failed/<id>/error.txt (`text`, else the error in `language`). Without `text` (no
    notebook ran: a worker stopped), an executed notebook left there by an older failure is removed: it is
    not this one's. The error (a Message, an InLanguages or plain text) is recorded in every language. Returns
    the record."""
    failed = Path(out_dir) / FAILED_DIR / client.id
    failed.mkdir(parents=True, exist_ok=True)
    if text is None:
        with contextlib.suppress(FileNotFoundError):
            (failed / "report.ipynb").unlink()
    whole = text if text is not None else translator(language).message(error)
    (failed / "error.txt").write_text(f"{now_text()}\n{whole}", encoding="utf-8")
    return _write_attempt(out_dir, client, new_record(
        read_record(out_dir, client.id), client=client.id, name=client.name, ok=False, attempted_at=now_text(),
        seconds=seconds, timings=timings or {}, error=error, failed_cell=failed_cell, language=language,
        asked={"period_start": client.period_start.isoformat(), "period_end": client.period_end.isoformat()}))


def record_interruption(out_dir: Path, client: Client, seconds: float | None = None) -> dict:
    """Record in reports/_records/<id>.json that a stopped batch did not finish this client's report (`seconds`:
    how long it had run, None when it had not started), keeping the last good report's entry: the index
    then says this attempt was interrupted beside the report it still links. An older failure's notebook
    and error under _failed/<id>/ are left as they are. Returns the record."""
    return _write_attempt(out_dir, client, new_record(
        read_record(out_dir, client.id), client=client.id, name=client.name, ok=False, interrupted=True,
        attempted_at=now_text(), seconds=seconds, timings={},
        asked={"period_start": client.period_start.isoformat(), "period_end": client.period_end.isoformat()}))


def _write_attempt(out_dir: Path, client: Client, record: dict) -> dict:
    """A failed or interrupted attempt's record in reports/_records/<id>.json, where the index reads it, whether
    or not the client's folder takes files; returns the record."""
    write_record(out_dir, client.id, record)
    return record


#: The project's own folders, never an output folder: reports, render records and index.html would mix with
#: the workbook's code, notebooks and tests (and its environment).
CODE_FOLDERS = ("helpers", "notebooks", "tests", "benchmarks", ".ci", ".git", ".venv")


def check_output_folder(out_dir: Path, option: str = "out_dir", default: str = "reports/",
                        decks: bool = False) -> None:
    """Refuse an output folder the reports cannot go into, before any kernel starts: a file, a folder inside
    the input data folder (data/: reports, executed notebooks and render records would mix with the exports,
    where a roster's pattern could read them back), the project's root or a folder of its code (CODE_FOLDERS),
    or a folder that refuses writes (which would otherwise fail every client after its render, and the index
    too). The folder is created, and a file written in it and removed, to be sure. The message tells to choose
    another `option` (the parameter out_dir in Python, --out on the command line) and names the `default`
    folder; with `decks`, the folder is the lesson's slide decks' (default reports/slides/), and the message
    says what would go there in their words, not the reports'. A folder that refuses writes reads alike."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise WorkbookError(Message("cli.slides.out_not_folder" if decks else "cli.out_not_folder",
                                    path=display_path(out_dir), option=option, default=default))
    if out_dir.resolve() == DATA_DIR.resolve():
        raise WorkbookError(Message("cli.slides.out_is_data" if decks else "cli.out_is_data",
                                    path=display_path(out_dir), option=option, default=default))
    if out_dir.resolve().is_relative_to(DATA_DIR.resolve()):
        raise WorkbookError(Message("cli.slides.out_in_data" if decks else "cli.out_in_data",
                                    path=display_path(out_dir), data=display_path(DATA_DIR), option=option,
                                    default=default))
    if out_dir.resolve() == PROJECT_ROOT.resolve() or any(
            out_dir.resolve().is_relative_to((PROJECT_ROOT / name).resolve()) for name in CODE_FOLDERS):
        raise WorkbookError(Message("cli.slides.out_in_project" if decks else "cli.out_in_project",
                                    path=display_path(out_dir), option=option, default=default))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".write-check-", dir=out_dir)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise WorkbookError(Message("cli.out_not_writable", path=display_path(out_dir), reason=os_reason(error),
                                    option=option)) from None


#: Where the lock of a reports folder is held, on a platform without fcntl (Windows: msvcrt locks a range of
#: bytes, which no other process may read while it is held): past the lock file's text, which stays readable.
LOCK_BYTE = 4096


def _lock(fd: int) -> bool | None:
    """Lock the open file `fd` for this process alone, without waiting: True when held, False when another
    process holds it, None when this system or file system offers no lock (the render then goes on without).
    fcntl.flock where there is fcntl, else msvcrt.locking (Windows); either is released when the process ends,
    however it ends, so a render killed midway leaves no stale lock behind."""
    try:
        import fcntl
    except ImportError:
        fcntl = None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        import msvcrt
        os.lseek(fd, LOCK_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return True
    except ImportError:
        return None
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        return None  # ENOLCK, EOPNOTSUPP: a network folder that keeps no locks


def _unlock(fd: int) -> None:
    """Release _lock's lock on `fd` (closing the file would too; said outright, as a worker may share it)."""
    with contextlib.suppress(ImportError, OSError):
        try:
            import fcntl
        except ImportError:
            import msvcrt
            os.lseek(fd, LOCK_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _holder(fd: int, tr: Translator) -> dict:
    """What the lock file says of the render holding it: its process id and start, in `tr`'s words; {} when it
    has not written them yet."""
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        pid, started = os.read(fd, 200).decode("utf-8").split()[:2]
        when = datetime.datetime.fromisoformat(started).astimezone()
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return {"pid": pid, "started": tr.datetime(when)}


def _lock_file(path: Path) -> tuple[int, bool]:
    """Open (or create) the lock file of output_lock, and whether it may be written. Created 0o666, so that the
    umask decides who else may use it: in a shared reports folder a colleague's render left it behind. A file
    this user may not write is opened for reading (a lock holds on that too); one it may not even read is an
    error saying what the file is and that it is safe to delete when no render is running."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666), True
    except OSError as error:
        try:
            return os.open(path, os.O_RDONLY), False
        except OSError:
            if not path.exists():
                raise error from None
            raise WorkbookError(Message("cli.lock_unusable", file=display_path(path), reason=os_reason(error))) \
                from None


@contextlib.contextmanager
def output_lock(out_dir: Path, option: str = "out_dir", language: str | None = None):
    """Hold the reports folder for this render alone, from before any work to its end. Two renders writing to
    one folder at once would each replace the other's reports, PDFs, records and index without a word; the
    second is refused at once instead, saying since when the other has been writing and to wait for it or
    choose another folder (`option`: --out on the command line), in `language` (default: the active one).
    The lock file (paths.RENDER_LOCK_NAME, in the folder) holds the holder's process id and start; it stays
    when the render ends, unlocked (removing it could let a third render lock a file the second one is
    waiting on)."""
    from .paths import RENDER_LOCK_NAME

    fd, writable = _lock_file(Path(out_dir) / RENDER_LOCK_NAME)
    try:
        held = _lock(fd)
        if held is False:
            tr = translator(language or active_language())
            holder = _holder(fd, tr)
            raise WorkbookError(Message("cli.out_busy" if holder else "cli.out_busy_unknown",
                                        folder=display_path(out_dir), option=option, **holder))
        if writable:  # (a colleague's file opened for reading only is locked too, its holder line left as it was)
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()} {now_text()}\n".encode("utf-8"))
        try:
            yield
        finally:
            if held:
                _unlock(fd)
    finally:
        os.close(fd)


def render_client(client: Client, out_dir: Path = REPORTS_DIR, notebook: Path = REPORT_NOTEBOOK,
                  foreign: Foreign | None = None, chromium: str | None = None,
                  accept_header_only: bool = False, roster: list[Client] | None = None) -> RenderResult:
    """Render one client in this process (a batch uses `render_all`, which runs workers in parallel).
    `accept_header_only`: the report may replace the last one though a platform's post exports now list only
    their header (header_only_problem), as `render --accept-header-only` allows. `roster`: every client of the
    roster, whose files in this client's folders its report then does not name as passed over by its patterns
    (render_batch.others_files), as a batch does; without it, such files are named like any other.
    Stopped (Ctrl-C, SIGTERM or SIGHUP), it records the attempt as interrupted and writes the index, as a
    stopped batch does, then lets the interrupt go on; a second Ctrl-C meanwhile is not obeyed
    (render_batch.stop_signals)."""
    check_client_id(client.id)
    check_parameters(notebook, client.parameters())
    check_output_folder(out_dir)
    from .render_batch import default_jobs, others_files, stop_signals

    read_by_others = others_files([client], list(roster))[client.id] if roster else ()
    started = time.perf_counter()
    renderer = None
    with output_lock(out_dir), stop_signals(
            lambda: print(translator(active_language()).t("cli.already_stopping"), file=sys.stderr)):
        try:
            renderer = Renderer(notebook)
            result = renderer.render(Task(client, str(out_dir), foreign=foreign or Foreign(), chromium=chromium,
                                          token=str(os.getpid()), draw_ahead=default_jobs() > 1,
                                          accept_header_only=accept_header_only, read_by_others=read_by_others))
        except KeyboardInterrupt:
            with contextlib.suppress(OSError):  # a folder refusing the record: the index shows the one before
                record_interruption(out_dir, client, time.perf_counter() - started)
            raise
        finally:
            if renderer is not None:
                renderer.close()
            write_index(Path(out_dir))
    return result


def render_all(clients: list[Client], out_dir: Path = REPORTS_DIR, notebook: Path = REPORT_NOTEBOOK, *,
               jobs: int | None = None, pdf: bool = False, stream=None, language: str = "en",
               out_option: str = "out_dir", roster: list[Client] | None = None,
               accept_header_only: bool = False, alone=None) -> list[RenderResult]:
    """Render every client on `jobs` worker processes; a failure is recorded and the batch goes on.
    `out_option`: what a message about a bad output folder tells to change (the command: --out). `roster`:
    every client of the roster, when only some are rendered (their posts must not appear in these reports).
    `accept_header_only`: their reports may replace the last ones though a platform's post exports now list
    only their header (header_only_problem; the command's --accept-header-only). `alone`: a function giving, for
    a client's id, the command that renders it alone (the render command's, with its roster and folder; default
    alone_command's, into `out_dir` from the roster the client was read from), said when its kernel or worker is
    ended mid-render.
    Ctrl-C, SIGTERM or SIGHUP stops the batch with BatchInterrupted, whose results say which clients it finished."""
    from .render_batch import run_batch
    return run_batch(clients, Path(out_dir), Path(notebook), jobs=jobs, pdf=pdf, stream=stream, language=language,
                     out_option=out_option, roster=roster, accept_header_only=accept_header_only, alone=alone)


def summary_lines(results: list[RenderResult], tr: Translator | None = None, out: Path | None = None) -> list[str]:
    """A plain-text summary table: client, status, the report's period (clients of one roster in other time
    zones may be at another 'last full month'), time, report or failing cell and error; a client a stopped
    batch did not finish is marked as not rendered, with whether it had started (its time n/a if not). A
    client that did not render while its folder holds an earlier client's report of its id says so.

    With the reports folder `out`, a line above the table names it once and each report is shown inside it
    ("kopi-senja/report.html"), not by a full path repeated on every row; a report's marks (no posts, part of
    the period covered) follow its PDF, which belongs to the path."""
    tr = tr or Translator("en")

    def shown(path: Path) -> str:
        if out is not None:
            with contextlib.suppress(ValueError, OSError):
                return str(Path(path).resolve().relative_to(Path(out).resolve()))
        return display_path(path)

    column = {name: tr.t(f"cli.column.{name}") for name in ("client", "status", "period", "time", "detail")}
    rows, details = [], []
    for r in results:
        if r.interrupted:
            detail = tr.t("cli.not_rendered.waiting" if r.seconds is None else "cli.not_rendered.running")
        elif r.ok:
            detail = shown(r.html) if r.html else ""
            if r.pdf:
                detail += f" (+ {r.pdf.name})"
            detail += "".join(f" ({mark})" for mark in report_marks(r.facts, tr))
            if r.pdf_error:
                detail += f"; {tr.message(r.pdf_error).splitlines()[0]}"
            if r.unchecked:
                first, *rest = tr.message(r.unchecked).splitlines() or [""]
                detail += f"; {first}"
                if rest:
                    details.append(f"{r.client}: " + "\n".join([first, *rest]))
            details += [f"{r.client}: {line}" for found in r.left_out
                        for line in left_out_detail(found, tr).splitlines()]
        else:
            cell = tr.t("cli.cell", number=r.failed_cell) + (f" `{r.failed_source}`" if r.failed_source else "") \
                + ": " if r.failed_cell is not None else ""
            error = tr.message(r.error or "")
            first, *rest = error.splitlines() or [""]
            detail = f"{cell}{first}"
            if rest:
                details.append(f"{r.client}: {cell}{error}")
        if not r.ok and r.other_report:
            detail += "; " + tr.t("cli.other_report", path=display_path(r.other_report[0]), name=r.other_report[1])
        status = tr.t("cli.status.interrupted" if r.interrupted else "cli.status.unchecked" if r.ok and r.unchecked
                      else "cli.status.ok" if r.ok and not r.pdf_error
                      else "cli.status.pdf_problem" if r.ok else "cli.status.failed")
        took = tr.t("common.na") if r.seconds is None else tr.t("cli.seconds", seconds=tr.number(r.seconds, 1))
        rows.append((r.client, status, summary_period(r.period, tr), took, detail))
    # each column as wide as its widest cell (7 at least for status and time), then two spaces: "berhasil/pdf!"
    # and "123,4 dtk" are wider than their English texts, and the details would otherwise start where the
    # header's does not
    rows.insert(0, tuple(column.values()))
    width = [max([len(row[i]) for row in rows] + [minimum]) for i, minimum in enumerate((0, 7, 0, 7))]
    lines = [f"{who:<{width[0]}}  {status:<{width[1]}}  {period:<{width[2]}}  {took:>{width[3]}}  {detail}"
             for who, status, period, took, detail in rows]
    if out is not None:
        # the folder the command runs in is named in full: "Reports in .:" says nothing to open
        folder = display_path(out)
        lines.insert(0, tr.t("cli.reports_in", folder=str(Path(out).resolve()) if folder == "." else folder))
    if details:
        lines += ["", tr.t("cli.in_full")] + ["  " + line for d in details for line in d.splitlines()]
    return [terminal_safe(line) for line in lines]  # an account name read from an export may hold an escape


def summary_period(period: tuple, tr: Translator) -> str:
    """A report's period, short, for the summary, as the index writes it (Translator.period_span); n/a when not
    known."""
    if not period:
        return tr.t("common.na")
    return tr.period_span(*period)
