"""The lesson as reveal.js slides, one deck per language: papermill runs the lesson notebook with the language
as a parameter, then nbconvert's SlidesExporter turns the run into slides without code.

`python -m helpers.slides` (what `make slides` runs) writes
reports/slides/lesson_reach_vs_engagement.<language>.slides.html for English and Bahasa Indonesia;
`--solutions` adds trainer decks with the worked solutions (…<language>.solutions.slides.html); the command
says each deck as its run starts (about LESSON_SECONDS) and as it is written.
Each cell's metadata.slideshow.slide_type (set in the notebook) makes one idea per slide; answer and check
cells are skipped, and so is any cell that shows nothing. A text that speaks of the notebook's checks is shown
in the words it has for the deck (DECK_WORDING). A deck replaces the previous one only when its
run succeeded; a failed run's executed notebook is kept under <out>/_failed/ (see render_slides). A figure fits
its slide: the deck's script shrinks it to the height the text above it leaves (SLIDE_CSS, the template), so the
lesson gives each figure a slide of its own with its caption, where it is shown at its full size.

A deck is one self-contained HTML file that needs no network when it is presented (a classroom without
internet, a USB stick): reveal.js 4.x, its speaker-notes plugin, the white theme and its font are inlined from
the copy shipped in helpers/static/reveal.js/ (see the README.md there for its version, source and licences),
figures are embedded, and the template (helpers/static/templates/slides_offline.html.j2) drops what
nbconvert's reveal template loads from the web (jQuery, require.js, Mermaid, MathJax). `--reveal-prefix URL`
links reveal.js from URL instead (a CDN or your own copy of reveal.js 4.x) for smaller files.
"""
from __future__ import annotations

import base64
import contextlib
import copy
import html
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from .installed import say_not_installed

try:  # the workbook's packages (Babel, PyYAML): the command, run by a Python without them, says what to do
    from .errors import WorkbookError
    from .i18n import LANGUAGES, Message, Translator, localised, use_language
    from .paths import NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_DIR, display_path
except ModuleNotFoundError as _missing:
    if __name__ != "__main__":  # imported (a notebook, the tests): the error as it is
        raise
    raise SystemExit(say_not_installed(_missing, sys.argv[1:], "helpers.slides")) from None

LESSON = NOTEBOOKS_DIR / "lesson_reach_vs_engagement.ipynb"
SLIDES_DIR = REPORTS_DIR / "slides"
#: About how long one run of the lesson takes (a fresh kernel, every cell; 15 to 25 s on a laptop), said as
#: each deck starts so that the quiet wait is expected.
LESSON_SECONDS = 30
#: Cells that never belong on a slide: the notebook's parameters and those papermill injects.
SKIPPED_TAGS = {"parameters", "injected-parameters"}
#: The key, in a Markdown output's metadata, of the wording a deck shows instead of the notebook's
#: (lesson.slide's `deck`): a text that speaks of what only the notebook has (its checks, the posts to compute
#: on) has words of its own for the room following the slides (prepare_for_slides).
DECK_WORDING = "workbook_deck"
#: reveal.js as shipped with the package in REVEAL_DIR: a subset of the npm package reveal.js (MIT licence; its
#: README.md says which files, where from and how to update them). Inlined into every deck unless a
#: `reveal_url_prefix` is given.
REVEAL_VERSION = "4.6.1"
REVEAL_DIR = Path(__file__).parent / "static" / "reveal.js"
#: nbconvert's reveal template less everything it loads from the web.
TEMPLATES_DIR = Path(__file__).parent / "static" / "templates"
SLIDES_TEMPLATE = "slides_offline.html.j2"
#: The theme shipped in REVEAL_DIR; its font, Source Sans Pro (SIL Open Font License 1.1), is inlined too.
REVEAL_THEME = "white"
FONTS_DIR = REVEAL_DIR / "dist" / "theme" / "fonts" / "source-sans-pro"
#: The faces the slides use (file, weight, style): headings are semibold, the rest of the text is in the
#: notebook's own fonts. Italics, if ever needed, are slanted by the browser.
THEME_FONTS = (("source-sans-pro-regular.woff", "normal", "normal"),
               ("source-sans-pro-semibold.woff", "600", "normal"))
#: The slide's own size in CSS pixels (nbconvert's default): reveal.js lays every slide out at this size and
#: scales it to the window, so a length in vh or % of the window says nothing of the room left on a slide.
SLIDE_WIDTH, SLIDE_HEIGHT = 960, 700
#: Tables of words read better left-aligned, and long slides need smaller type than reveal.js's default (0.6em
#: of the text around a table: the smallest; the deck's script, fitTables in the template, sets a slide's tables
#: as large as the slide allows, up to 0.9em, so that a short table does not sit in small type on an empty slide);
#: headings keep the case they are written in (the white theme sets them in capitals); a figure is never taller
#: than the slide, its shape kept (width: auto sets aside the printed width display.image gives it), and the
#: deck's script (fitSlide in the template) shrinks it to the height the text above it leaves.
SLIDE_CSS = f"""<style>
.reveal h1, .reveal h2, .reveal h3, .reveal h4, .reveal h5, .reveal h6 {{ text-transform: none; }}
.reveal .report-table td, .reveal .report-table th {{ text-align: left; vertical-align: top; }}
.reveal .report-table {{ font-size: 0.6em; }}
.reveal .report-table caption {{ caption-side: bottom; font-size: 0.9em; color: #555; }}
.reveal figure.report-figure {{ margin-top: 0.25em; margin-bottom: 0; }}
.reveal .jp-OutputArea-output img {{ max-height: {SLIDE_HEIGHT}px; width: auto; }}
.reveal .lesson-check {{ font-size: 0.7em; }}
</style>
"""


class SlidesError(WorkbookError):
    """A deck not made, said as one Message per deck: the lesson did not run in one language (the language,
    the cell, the error, where its executed notebook is kept), or nbconvert's reveal template or the shipped
    reveal.js no longer fits the self-contained deck. `written`: the decks render_slides wrote all the same."""

    def __init__(self, *messages, written=()):
        super().__init__(*messages)
        self.written = list(written)

    def __str__(self) -> str:
        return "\n".join(localised(message) for message in self.args)

    def in_language(self, tr) -> str:
        return "\n".join(tr.message(message) for message in self.args)


def deck_name(language: str, solutions: bool = False) -> str:
    return f"{LESSON.stem}.{language}{'.solutions' if solutions else ''}.slides.html"


def failed_notebook(out: Path, language: str, solutions: bool = False) -> Path:
    """Where the executed notebook of a deck whose run failed is kept: <out>/_failed/<lesson>.<language>….ipynb,
    as a failed report's is under reports/_failed/."""
    from .render import FAILED_DIR

    return Path(out) / FAILED_DIR / deck_name(language, solutions).replace(".slides.html", ".ipynb")


def lesson_failed(language: str, cell, error: str) -> Message:
    """A run of the lesson failed in `cell`: said with the language's name ("the lesson in Bahasa Indonesia"),
    as the deck's run was announced; a code the workbook does not know is quoted as given."""
    named = Message(f"cli.slides.language.{language}") if language in LANGUAGES else repr(language)
    return Message("cli.slides.lesson_failed", language=named, cell=cell, error=error)


def execute_lesson(language: str, output: Path, *, show_solutions: bool = False, **parameters):
    """Run the lesson with papermill in a fresh kernel (working directory: the project root) and return
    the executed notebook. Parameters are checked against the notebook's parameters cell first. The kernel
    comes from the renderer's supply: local sockets, and its own log messages kept out of the terminal."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from .render import KernelSupply, check_parameters

    parameters = {"language": language, "show_solutions": show_solutions, **parameters}
    check_parameters(LESSON, parameters)
    scratch = Path(tempfile.mkdtemp(prefix="workbook-slides-"))
    supply = KernelSupply(LESSON, scratch)
    kernel = None
    try:
        kernel = supply.take()
        return papermill.execute_notebook(str(LESSON), str(output), parameters=parameters, kernel_name="python3",
                                          km=kernel.manager, cwd=str(PROJECT_ROOT), progress_bar=False,
                                          log_output=False)
    except PapermillExecutionError as error:
        raise SlidesError(lesson_failed(language, error.exec_count, f"{error.ename}: {error.evalue}")) from None
    finally:
        supply.shutdown(kernel)
        supply.close()
        shutil.rmtree(scratch, ignore_errors=True)


def prepare_for_slides(notebook):
    """A copy of an executed notebook ready for the exporter: parameters cells and cells without any
    output skipped, warnings printed to stderr dropped (they are for whoever runs the notebook), and a text
    with a wording for the deck (DECK_WORDING) shown in that wording."""
    from .render import without_stderr

    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = without_stderr(cell.get("outputs", []))
            for output in cell.outputs:
                deck = output.get("metadata", {}).get("text/markdown", {}).get(DECK_WORDING)
                if deck is not None and "text/markdown" in output.get("data", {}):
                    output["data"]["text/markdown"] = deck
        tags = set(cell.get("metadata", {}).get("tags", []))
        empty = cell.cell_type == "code" and not cell.outputs
        if tags & SKIPPED_TAGS or empty:
            cell.setdefault("metadata", {})["slideshow"] = {"slide_type": "skip"}
    return notebook


def _script(source: str) -> str:
    """JavaScript made safe to sit inside <script>…</script>: `</script` and `<!--` can only occur in strings,
    regular expressions and comments, where \\x3C means the same `<`."""
    return re.sub(r"<(?=/script|!--)", r"\\x3C", source, flags=re.IGNORECASE)


def _comment(text: str) -> str:
    """A licence notice as a /*! … */ comment (valid in JavaScript and CSS)."""
    return "/*!\n" + text.replace("*/", "* /").strip() + "\n*/\n"


def _style(source: str, path: Path) -> str:
    """The stylesheet read from `path` as a <style> element (refused if it would close the element early)."""
    if re.search(r"</style", source, flags=re.IGNORECASE):
        raise SlidesError(Message("cli.slides.style_closes", path=display_path(path),
                                  folder=display_path(REVEAL_DIR)))
    return f"<style>\n{source}\n</style>"


def _theme_css() -> str:
    """The theme with the font faces the slides use inlined as data: URLs, instead of its @import of fonts/."""
    path = REVEAL_DIR / "dist" / "theme" / f"{REVEAL_THEME}.css"
    theme = path.read_text(encoding="utf-8")
    theme, imports = re.subn(r"@import url\(\.?/?fonts/source-sans-pro/source-sans-pro\.css\);\s*", "", theme)
    if imports != 1 or "@import" in theme:
        raise SlidesError(Message("cli.slides.theme_import", path=display_path(path),
                                  folder=display_path(REVEAL_DIR)))
    faces = [_comment("Source Sans Pro: Copyright 2010, 2012 Adobe Systems Incorporated, with Reserved Font Name"
                      " 'Source'. Licensed under the SIL Open Font License, Version 1.1"
                      " (https://openfontlicense.org).")]
    for file, weight, style in THEME_FONTS:
        data = base64.b64encode((FONTS_DIR / file).read_bytes()).decode("ascii")
        faces.append(f"@font-face {{ font-family: 'Source Sans Pro'; font-weight: {weight}; font-style: {style};"
                     f" src: url(data:font/woff;base64,{data}) format('woff'); }}")
    return "\n".join(faces) + "\n" + theme


def inline_reveal() -> dict[str, str]:
    """reveal.js, its notes plugin and its stylesheets read from REVEAL_DIR, ready to inline, each script
    headed by its licence."""
    licence = (REVEAL_DIR / "LICENSE").read_text(encoding="utf-8")
    marked = (REVEAL_DIR / "plugin" / "notes" / "LICENSE.marked.md").read_text(encoding="utf-8")
    script = _comment(f"reveal.js {REVEAL_VERSION}, https://revealjs.com\n\n{licence}") + \
        (REVEAL_DIR / "dist" / "reveal.js").read_text(encoding="utf-8")
    notes = _comment(f"The speaker notes plugin of reveal.js {REVEAL_VERSION} (licence above). It includes marked"
                     f" 4.x, https://marked.js.org:\n\n{marked}") + \
        (REVEAL_DIR / "plugin" / "notes" / "notes.js").read_text(encoding="utf-8")
    reveal_css = REVEAL_DIR / "dist" / "reveal.css"
    return {"script": _script(script), "notes": _script(notes),
            "reveal_css": _style(reveal_css.read_text(encoding="utf-8"), reveal_css),
            "theme_css": _style(_theme_css(), REVEAL_DIR / "dist" / "theme" / f"{REVEAL_THEME}.css")}


def _inline_stylesheets(body: str, prefix: str, inline: dict[str, str]) -> str:
    """Replace the two <link>s to reveal.js's stylesheets that nbconvert's template writes with the sheets
    (in place: the theme comes last, after the notebook's CSS)."""
    for href, css in ((f"{prefix}/dist/reveal.css", inline["reveal_css"]),
                      (f"{prefix}/dist/theme/{REVEAL_THEME}.css", inline["theme_css"])):
        link = re.compile(rf'<link\b[^>]*\shref="{re.escape(href)}"[^>]*>')
        body, found = link.subn(lambda _: css, body)
        if found != 1:  # nbconvert's reveal template changed: better no deck than one that needs the network
            raise SlidesError(Message("cli.slides.template_links", href=href, count=str(found)))
    return body


def export_slides(notebook, language: str, reveal_url_prefix: str | None = None) -> str:
    """reveal.js HTML of an executed lesson: no code, no prompts, figures embedded, long slides scroll.

    Without `reveal_url_prefix` the deck is self-contained: reveal.js and its stylesheets are inlined and
    nothing is loaded from the network. With it, the deck links reveal.js 4.x from that address instead.
    """
    from nbconvert import SlidesExporter

    offline = not reveal_url_prefix
    prefix = "reveal.js" if offline else reveal_url_prefix.rstrip("/")  # offline: only a key to the links
    exporter = SlidesExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                              exclude_anchor_links=True, reveal_scroll=True, reveal_url_prefix=prefix,
                              reveal_theme=REVEAL_THEME, reveal_width=str(SLIDE_WIDTH),
                              reveal_height=str(SLIDE_HEIGHT), language_code=language,
                              extra_template_paths=[str(TEMPLATES_DIR)], template_file=SLIDES_TEMPLATE)
    title = Translator(language).t("lesson.title")
    inline = inline_reveal() if offline else None
    resources = {"metadata": {"name": title}, "reveal": {"inline": inline}}
    body, _ = exporter.from_notebook_node(prepare_for_slides(notebook), resources=resources)
    if offline:
        body = _inline_stylesheets(body, prefix, inline)
    body = re.sub(r"<title>.*?</title>", lambda _: f"<title>{html.escape(title)}</title>", body, count=1,
                  flags=re.DOTALL)  # the template appends the English word "slides"
    return body.replace("</head>", SLIDE_CSS + "</head>", 1)


def render_slides(languages=tuple(LANGUAGES), out: Path = SLIDES_DIR, solutions: bool = False,
                  reveal_url_prefix: str | None = None, *, out_option: str = "out", report=None) -> list[Path]:
    """One deck per language (and a trainer deck with solutions when asked), written atomically into `out`;
    self-contained unless `reveal_url_prefix` says where to load reveal.js from (see export_slides).

    `out` is checked first, as the reports' output folder is (render.check_output_folder: a file, data/ or a
    code folder is refused, naming `out_option`: the parameter here, --out on the command line). `report`,
    when given, is called with a Message as each deck starts (its run takes about LESSON_SECONDS) and as it
    is written, so that a long run is not silent.

    Every deck is attempted. A deck whose run failed is not written, so the previous deck of that language
    stays as it was, and its executed notebook (the error under the failed cell) is kept at failed_notebook;
    the failures are raised after the other decks were written, which the error lists (`written`). A deck
    made again removes the notebook its last failure left.
    """
    from .render import check_output_folder

    out = Path(out)
    check_output_folder(out, option=out_option, default=f"{SLIDES_DIR.relative_to(PROJECT_ROOT).as_posix()}/",
                        decks=True)
    report = report or (lambda message: None)
    written, failures = [], []
    variants = [(language, False) for language in languages] + \
               ([(language, True) for language in languages] if solutions else [])
    for language, with_solutions in variants:
        target = out / deck_name(language, with_solutions)
        kept = failed_notebook(out, language, with_solutions)
        report(Message("cli.slides.running_solutions" if with_solutions else "cli.slides.running",
                       language=Message(f"cli.slides.language.{language}"), seconds=LESSON_SECONDS))
        with tempfile.TemporaryDirectory(dir=out, prefix=".slides-") as scratch:
            executed_path = Path(scratch) / kept.name
            try:
                executed = execute_lesson(language, executed_path, show_solutions=with_solutions)
            except SlidesError as error:
                kept.parent.mkdir(exist_ok=True)
                os.replace(executed_path, kept)  # papermill writes the run, error included, before it raises
                failures.append(Message("cli.slides.deck_failed", failure=error.args[0], notebook=display_path(kept),
                                        deck=target.name))
                continue
            partial = Path(scratch) / target.name
            partial.write_text(export_slides(executed, language, reveal_url_prefix), encoding="utf-8")
            os.replace(partial, target)
            written.append(target)
            report(Message("cli.slides.written", path=display_path(target)))
        if kept.exists():  # an earlier failure of this deck, now mended
            kept.unlink()
            with contextlib.suppress(OSError):  # _failed/ goes with its last notebook
                kept.parent.rmdir()
    if failures:
        raise SlidesError(*failures, written=written)
    return written


def messages_language(codes) -> str:
    """The language the command speaks in: the one every --language names (codes, None for a value the workbook
    does not speak), English when none or several are named."""
    codes = set(codes)
    return codes.pop() if len(codes) == 1 and None not in codes else "en"


def main(argv: list[str] | None = None) -> int:
    from .__main__ import language_argument, languages_given, parser_class

    argv = sys.argv[1:] if argv is None else list(argv)
    # --language picks the decks' languages, and the command's messages are in it when it names one language;
    # read before parsing so that argparse's errors speak it too
    tr = use_language(messages_language(languages_given(argv)))
    parser = parser_class(tr)(prog="python -m helpers.slides",
                              description="Render the reach-vs-engagement lesson as reveal.js slides.")
    parser.add_argument("--language", action="append", type=language_argument(tr),
                        help=f"a language to render: {', '.join(LANGUAGES)}; also English, Indonesian, id-ID"
                             " (repeatable; default: all); this command's messages are in that language when"
                             " every --language names the same one, and in English otherwise")
    parser.add_argument("--out", default=str(SLIDES_DIR), help="output folder (default: reports/slides)")
    parser.add_argument("--solutions", action="store_true", help="also render trainer decks with the solutions")
    parser.add_argument("--reveal-prefix", metavar="URL",
                        help="load reveal.js 4.x from URL (a CDN such as https://unpkg.com/reveal.js@4.6.1, or"
                             " your own copy) instead of inlining it (default: self-contained decks that work"
                             " without a network)")
    args = parser.parse_args(argv)
    tr = use_language(messages_language(args.language or ()))  # as parsed: --lang id, or 'Indonesian', too
    try:
        render_slides(tuple(dict.fromkeys(args.language or LANGUAGES)), Path(args.out), solutions=args.solutions,
                      reveal_url_prefix=args.reveal_prefix, out_option="--out",
                      report=lambda message: print(tr.message(message), flush=True))
    except SlidesError as error:  # decks whose run failed: each said, with where its executed notebook is
        for failure in error.args:
            print(tr.t("cli.slides.failed", error=tr.message(failure)), file=sys.stderr)
        if error.written:
            decks = ", ".join(path.name for path in error.written)
            print(tr.t("cli.slides.others_written", decks=decks), file=sys.stderr)
        return 1
    except WorkbookError as error:  # an --out the decks cannot go into: one sentence, as render says it
        print(tr.t("cli.error", message=error), file=sys.stderr)
        return 2
    except ModuleNotFoundError as error:  # a package the run needs (papermill, nbconvert) is missing
        return say_not_installed(error, argv, "helpers.slides")
    return 0


if __name__ == "__main__":
    sys.exit(main())
