"""Command line: `python -m helpers render` (reports for the roster), `inspect FILE...`, `demo`.

Errors in the user's input are printed as plain sentences (file, row, column, what to do) with exit
status 2; a batch with a failed client, or a PDF asked for and not printed, exits with status 1; one
stopped by Ctrl-C, SIGTERM or SIGHUP (the terminal closed) shows which clients it finished and exits with
status 130. Run by a Python without the workbook's packages (not .venv's, nor the Conda environment's), it
says which package is missing and the command to run instead, with exit status 1.
"""
from __future__ import annotations

import argparse
import glob
import sys
from pathlib import Path

from .installed import language_values, say_not_installed, shell_command

try:  # the workbook's modules import its packages (Babel, PyYAML): a Python without them is told what to do
    from .errors import RosterError, WorkbookError, close_match, os_reason, windows_path_hint
    from .i18n import LANGUAGES, Message, Translator, language_code, language_meant, terminal_safe, use_language
    from . import paths
    from .paths import REPORTS_DIR, display_path
except ModuleNotFoundError as _missing:
    raise SystemExit(say_not_installed(_missing, sys.argv[1:])) from None


def _from_here(path: str) -> str:
    """A path typed on the command line, from the folder the command runs in (as a shell completes it);
    paths inside a roster stay relative to the project folder, like the notebooks' own."""
    return str(Path.cwd() / paths.expand_user(path))


def _same_file(path: Path, other: Path) -> bool:
    """Whether two paths name one file (the project's roster reached from its own folder, or by a link)."""
    try:
        return path.samefile(other)
    except OSError:
        return False


def _windows_out(typed: str | None, out: Path) -> WorkbookError | None:
    """The error for an --out written as on Windows (`C:\\Users\\ana\\reports`, `reports\\new`) on a computer
    whose folders are separated by /, where it would make one folder named with the backslashes; None when it
    is not so written, or names a folder that is there (errors.windows_path_hint, as a roster's paths)."""
    hint = windows_path_hint(typed, what="out") if typed is not None and not out.exists() else ""
    return WorkbookError(Message("cli.out_windows", path=typed, hint=hint)) if hint else None


def _with_others_command(error: RosterError, args: argparse.Namespace) -> RosterError:
    """`error`, ending with the command that renders now the clients asked for that have no problem (a client
    whose exports are not there yet keeps the whole batch from running), when the roster loads for them alone;
    `error` as it was otherwise."""
    from .clients import load_roster

    if not error.renderable:
        return error
    try:
        load_roster(args.clients, language=args.language, selected=error.renderable)
    except RosterError:  # a problem of the roster as a whole, or of a client not asked for: no command helps
        return error
    return RosterError(error.path, error.problems, Translator(args.language), error.renderable,
                       then=Message("cli.render_others", command=others_command(args, error.renderable)))


def others_command(args: argparse.Namespace, clients, jobs: int | None = None) -> str:
    """The render command for `clients` alone, with the other options given (--clients and --out as typed);
    `jobs`, when given, in place of the --jobs given (1: a client rendered alone, using less memory)."""
    typed = getattr(args, "typed", {})
    jobs = jobs if jobs is not None else args.jobs
    words = ["python", "-m", "helpers", "render"]
    words += ["--clients", typed["clients"]] if typed.get("clients") else []
    for client in clients:
        words += ["--client", client]
    words += ["--out", typed["out"]] if typed.get("out") not in (None, "", str(REPORTS_DIR)) else []  # not the default
    words += ["--jobs", str(jobs)] if jobs is not None else []
    words += ["--pdf"] if args.pdf else []
    words += ["--language", args.language] if args.language != "en" else []
    words += ["--accept-header-only"] if args.accept_header_only else []
    return shell_command(words)


def _render(args: argparse.Namespace) -> int:
    from .clients import branding_notes, load_roster
    from .render import BatchInterrupted, render_all, summary_lines
    from .render_batch import stop_signals

    tr = Translator(args.language)
    default_roster = paths.DEFAULT_ROSTER  # looked up now: the tests point it at the demo roster
    given = args.clients is not None
    args.clients = args.clients or str(default_roster)
    print(tr.t("cli.roster", path=display_path(args.clients)), flush=True)
    here = Path.cwd() / default_roster.name
    if not given and here.is_file() and not _same_file(here, default_roster):
        # a roster beside the consultant, which the command does not read unless named (paths from here)
        print(tr.t("cli.roster_here", here=display_path(here), path=display_path(default_roster),
                   name=default_roster.name), flush=True)
    typed = getattr(args, "typed", {})
    if (out_problem := _windows_out(typed.get("out"), Path(args.out))) is not None:  # before any folder is made
        raise out_problem
    try:
        roster = load_roster(args.clients, language=args.language, selected=args.client,  # files of those rendered
                             typed=typed.get("clients"))
    except RosterError as exc:  # refused before anything runs; said with how to render the clients that are fine
        raise _with_others_command(exc, args) from None
    clients = roster
    if args.client:
        known = {c.id for c in clients}
        missing = [c for c in args.client if c not in known]
        if missing:  # a slip of case or a letter ('Kopi-Senja', 'kopi-senia') is answered with the id meant
            close = list(dict.fromkeys(match for c in missing  # two slips of one id name it once
                                       if (match := close_match(c, sorted(known))) is not None))
            raise WorkbookError(Message("cli.no_client_close" if close else "cli.no_client",
                                        clients=[repr(c) for c in missing], roster=str(display_path(args.clients)),
                                        known=sorted(known), close=[repr(c) for c in close]))
        clients = [c for c in clients if c.id in set(args.client)]
    if args.jobs is not None and args.jobs < 1:
        raise WorkbookError(Message("cli.jobs_below_one", jobs=str(args.jobs)))
    out = Path(args.out)  # checked, before any kernel starts, by render.check_output_folder
    # a second Ctrl-C, once the batch is stopped, does not cut its summary and closing words short either
    with stop_signals(lambda: print(tr.t("cli.progress.already_stopping"), file=sys.stderr, flush=True),
                      until_exit=_EXITS_AFTER):
        try:
            results = render_all(clients, out, jobs=args.jobs, pdf=args.pdf, language=args.language,
                                 out_option="--out", roster=roster, accept_header_only=args.accept_header_only,
                                 alone=lambda client: others_command(args, [client], jobs=1))
        except BatchInterrupted as stop:  # Ctrl-C: the summary says which clients this run finished
            results = stop.results
        print()
        print("\n".join(summary_lines(results, tr, out)))
        # said beside the summary, where the consultant reads what to check before sending the reports
        notes = [tr.message(note) for client in clients for note in branding_notes(client)]
        if notes:
            print("\n" + "\n".join(notes))
        print("\n" + tr.t("cli.index", path=display_path(out / "index.html")))
        failed = [r.client for r in results if not r.ok and not r.interrupted]
        pdf_failed = [r.client for r in results if r.ok and r.pdf_error]
        if failed:
            print("\n" + tr.t("cli.failed", failed=len(failed), total=len(results), clients=tr.join(failed),
                              folder=display_path(out / "_failed")), file=sys.stderr)
        if pdf_failed:
            print("\n" + tr.t("cli.pdf_failed", clients=tr.join(pdf_failed)), file=sys.stderr)
        if any(r.interrupted for r in results):
            print("\n" + tr.t("cli.interrupted_batch" if any(r.ok for r in results) else "cli.interrupted_none"),
                  file=sys.stderr)
            return 130
        return 1 if failed or pdf_failed else 0


def _inspect(args: argparse.Namespace) -> int:
    from .describe import describe

    options = {"year": args.year} if args.year is not None else {}
    if args.mapping:  # a CSV of any tool, read through the user's column mapping (family mapped_csv; without
        # --family, the files no family recognises), a relative path from here
        options.update(mapping=args.mapping, mapping_here=Path.cwd())
    text, failures = describe(args.files, timezone=args.timezone, family=args.family, language=args.language,
                              **options)
    print(text)
    return 2 if failures else 0


def _demo(args: argparse.Namespace) -> int:
    from .demo import write_demo_exports

    for path in write_demo_exports():
        print(display_path(path))
    return 0


def languages_given(argv: list[str]) -> list[str | None]:
    """The code of each --language on the command line (or an abbreviation argparse reads as it, --lang id,
    --lang=id: installed.language_values), in order: None for a value the workbook does not speak (or a
    --language without one). Read before the arguments are parsed, so that argparse's own errors can be
    reported in the language asked."""
    return [None if value is None else language_code(value) for value in language_values(argv)]


def _language_asked(argv: list[str]) -> str:
    """The last --language on the command line the workbook speaks (en when none): argparse's own errors are
    reported before the arguments are parsed, and in it. The last, as argparse keeps the last of two (--lang id
    --language en speaks English), and as installed.not_installed reads them."""
    return next((code for code in reversed(languages_given(argv)) if code is not None), "en")


def language_argument(tr: Translator):
    """argparse's type for a --language: read as a roster reads one ('Indonesian', 'id-ID' are 'id'), and
    anything else refused with the languages the workbook speaks, in `tr`'s language, and the one likely meant
    where one is ('eng', 'indo': language_meant, as the roster's `language` key says it)."""

    def language(text: str) -> str:
        if (code := language_code(text)) is None:
            refused = tr.t("cli.bad_language", value=repr(text), languages=", ".join(LANGUAGES))
            meant = language_meant(text)
            raise argparse.ArgumentTypeError(refused + tr.t("roster.did_you_mean", name=repr(meant)) if meant
                                             else refused)
        return code

    return language


def unknown_options(words: list[str], parser: argparse.ArgumentParser, tr: Translator) -> str | None:
    """What to say of the options among `words` (those `parser` did not take) that `parser` does not know
    ('--clinet'), in `tr`'s language: the options meant where they are close (close_match: '--client'), else
    the ones it has, that it has none, or, before a command (`-v render`), that options go after the command;
    None when no word is an option (argparse names the other words itself). A bare `--` ends the options: it
    and the words after it are left to argparse."""
    words = words[:words.index("--")] if "--" in words else words
    unknown = list(dict.fromkeys(word.split("=", 1)[0] for word in words if _is_option(word)))
    if not unknown:
        return None
    options = [option for action in parser._actions for option in action.option_strings]
    close = list(dict.fromkeys(match for word in unknown if (match := close_match(word, options)) is not None))
    said = {"command": parser.prog, "options": tr.join(unknown, alternatives=True)}
    if close:
        return tr.t("cli.unknown_option_close", close=tr.join(close), **said)
    commands = [name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
                for name in action.choices]
    if commands:
        return tr.t("cli.unknown_option_before_command", commands=tr.join(commands, alternatives=True),
                    first=commands[0], **said)
    known = [option for option in options if option.startswith("--") and option != "--help"]
    if not known:
        return tr.t("cli.unknown_option_none", **said)
    return tr.t("cli.unknown_option", known=", ".join(known), **said)


def dash_paths_hint(parser: argparse.ArgumentParser, words: list[str] | None, tr: Translator) -> str:
    """How to give files whose names start with '-' (`-rf.csv`, or a pattern matching some), which argparse reads
    as options, in `tr`'s language: as the value of an option (`--mapping -m.yml`), written ./-m.yml or
    --mapping=-m.yml; else, to a command that takes files, written ./-rf.csv or after a bare `--`. Only words that
    name something in the folder the command runs in (as its files are read from there) and that `parser` does
    not know as options; "" when there are none."""
    words = list(words or [])
    words = words[:words.index("--")] if "--" in words else words
    actions = parser._option_string_actions
    valued = {option for option, action in actions.items() if action.nargs != 0}
    dashed = [(before, word) for before, word in zip([None, *words], words)
              if word.startswith("-") and word != "-" and word.split("=", 1)[0] not in actions and glob.glob(word)]
    for before, word in dashed:
        if before in valued:
            return tr.t("cli.dash_value", word=word, option=before, written=f"./{word}")
    takes_files = any(not action.option_strings and not isinstance(action, argparse._SubParsersAction)
                      for action in parser._actions)
    if not dashed or not takes_files:
        return ""
    files = [word for _, word in dashed]
    return tr.t("cli.dash_file_one" if len(files) == 1 else "cli.dash_file", files=tr.join(files),
                written=tr.join([f"./{word}" for word in files]))


def _is_option(word: str) -> bool:
    """Whether a word on the command line is an option ('--clinet', '-v', '--lang=id'), not a value ('-1')."""
    return word.startswith("--") or (word.startswith("-") and word[1:2].isalpha())


def options_before_command(parser: argparse.ArgumentParser, words: list[str] | None) -> list[str]:
    """The options among `words` before the command's name (or before a bare `--`; all, when no command is
    named) that `parser`, a parser of commands, does not know: in `--language id render` argparse would take
    'id' for the command and answer "invalid choice: 'id'". None for a parser without commands, whose options
    argparse sorts itself; an option `parser` knows, or a prefix of one (`--he`), is left to argparse."""
    commands = [name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
                for name in action.choices]
    if not commands or not words:
        return []
    words = words[:words.index("--")] if "--" in words else list(words)
    words = words[:next((i for i, word in enumerate(words) if word in commands), len(words))]

    def known(word: str) -> bool:
        name = word.split("=", 1)[0]
        return any(option == name or (name.startswith("--") and len(name) > 2 and option.startswith(name))
                   for option in parser._option_string_actions)

    return [word for word in words if _is_option(word) and not known(word)]


def parser_class(tr: Translator) -> type[argparse.ArgumentParser]:
    """argparse's parser reporting a slip in the arguments as the workbook's other errors are: 'error: …' in
    the command's language (argparse's own words for the slip kept inside), after the usage line, exit 2. An
    option the command does not know is named with the one likely meant (unknown_options)."""

    class Parser(argparse.ArgumentParser):
        def parse_known_args(self, args=None, namespace=None):
            self.words = list(sys.argv[1:] if args is None else args)  # for error(): files named like options
            # an option before the command: said before argparse reads its value as the command
            if (unknown := unknown_options(options_before_command(self, args), self, tr)) is not None:
                self.error(unknown)
            # a command's own parser (render's, inspect's) is called here too, by argparse, with its words
            parsed, extras = super().parse_known_args(args, namespace)
            if (unknown := unknown_options(extras, self, tr)) is not None:
                self.error(unknown)
            return parsed, extras

        def error(self, message):
            if hint := dash_paths_hint(self, getattr(self, "words", None), tr):
                message = tr.t("cli.problem.and", first=message, then=hint)
            self.print_usage(sys.stderr)
            self.exit(2, tr.t("cli.error", message=tr.t("cli.arguments", detail=message, help=f"{self.prog} --help"))
                      + "\n")

    return Parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # the command's language, read before parsing so that argparse's errors speak it too
    tr = use_language(_language_asked(argv))

    def whole_number(text: str) -> int:  # --jobs two: said in the command's language
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(tr.t("cli.not_whole", value=repr(text))) from None

    parser = parser_class(tr)(prog="python -m helpers", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="render one HTML report per client of the roster")
    render.add_argument("--clients", help="roster YAML (default: data/clients.yml)")
    render.add_argument("--client", action="append", help="render only this client id (repeatable)")
    render.add_argument("--out", default=str(REPORTS_DIR), help="output folder (default: reports/)")
    render.add_argument("--jobs", "-j", type=whole_number, help="parallel workers (default: the machine's cores)")
    render.add_argument("--pdf", action="store_true",
                        help="also print each report to PDF (A4) with headless Chromium, when installed")
    render.add_argument("--language", type=language_argument(tr), default="en",
                        help="language of this command's messages (each report's language is set in the roster)")
    render.add_argument("--accept-header-only", action="store_true",
                        help="let a report replace the last one of its period although a platform's post exports "
                             "now list only their header (its posts are really gone), for the clients rendered")
    render.set_defaults(run=_render)
    inspect = commands.add_parser("inspect", help="say what each export file is and what it holds")
    inspect.add_argument("files", nargs="+", help="export files, glob patterns or folders (every export-like file in them)")
    inspect.add_argument("--timezone", help="IANA time zone for exports that write local times (e.g. Asia/Jakarta)")
    inspect.add_argument("--year", type=whole_number, help="year of the oldest post, for exports whose dates have no year (TikTok Studio)")
    inspect.add_argument("--family", help="read as this family instead of detecting it")
    inspect.add_argument("--mapping", help="column mapping (YAML) for --family mapped_csv; alone, for the CSV files "
                                           "no export family recognises, as explore.load_folder's mapping=")
    inspect.add_argument("--language", type=language_argument(tr), default="en",
                         help="language of the description, the import notes and the errors")
    inspect.set_defaults(run=_inspect)
    demo = commands.add_parser("demo", help="rewrite the demo clients' exports under data/demo/")
    demo.set_defaults(run=_demo)
    args = parser.parse_args(argv)
    # the parsed --language decides from here (argparse also reads an abbreviation, --lang id, or the last of
    # two); errors raised in this process speak it too
    tr = use_language(getattr(args, "language", tr.language))
    args.typed = {}  # --clients and --out as typed, for the errors about them (made full paths just below)
    for name in ("clients", "out"):
        if getattr(args, name, None):
            args.typed[name] = getattr(args, name)
            setattr(args, name, _from_here(getattr(args, name)))
    if getattr(args, "files", None):
        args.files = [_from_here(f) for f in args.files]
    try:
        return args.run(args)
    except ModuleNotFoundError as exc:  # a package the command's own modules need (pandas, papermill) is missing
        return say_not_installed(exc, argv)
    except WorkbookError as exc:  # a name read from a file may hold an escape sequence: shown, not acted on
        print(terminal_safe(tr.t("cli.error", message=exc)), file=sys.stderr)
        return 2
    except OSError as exc:  # a file the workbook cannot open, read or write: named, the reason in the language
        reason = tr.message(os_reason(exc))
        message = tr.t("cli.os_error", path=display_path(exc.filename), reason=reason) if exc.filename else reason
        print(tr.t("cli.error", message=message), file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(tr.t("cli.error", message=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(tr.t("cli.interrupted"), file=sys.stderr)
        return 130


#: Whether the process ends when main() returns: the `workbook` command and `python -m helpers` (console), not a
#: main() called from Python or a notebook, whose Ctrl-C must keep working after a render it stopped.
_EXITS_AFTER = False


def console() -> int:
    """The command line's entry point: main(), in a process that ends when it returns (render_batch.stop_signals'
    `until_exit`: a second Ctrl-C landing after the summary is not obeyed)."""
    global _EXITS_AFTER
    _EXITS_AFTER = True
    return main()


if __name__ == "__main__":
    sys.exit(console())
