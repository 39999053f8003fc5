"""The lesson as reveal.js slides, one deck per language: papermill runs the lesson notebook with the language
as a parameter, then nbconvert's SlidesExporter turns the run into slides without code.

`python -m helpers.slides` (what `make slides` runs) writes
reports/slides/lesson_reach_vs_engagement.<language>.slides.html for English and Bahasa Indonesia;
`--solutions` adds trainer decks with the worked solutions (…<language>.solutions.slides.html).
Each cell's metadata.slideshow.slide_type (set in the notebook) makes one idea per slide; answer and check
cells are skipped, and so is any cell that shows nothing. A deck replaces the previous one only when its
run succeeded.
"""
from __future__ import annotations

import argparse
import copy
import html
import os
import re
import sys
import tempfile
from pathlib import Path

from .i18n import LANGUAGES, Translator
from .paths import NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_DIR, display_path

LESSON = NOTEBOOKS_DIR / "lesson_reach_vs_engagement.ipynb"
SLIDES_DIR = REPORTS_DIR / "slides"
#: Cells that never belong on a slide: the notebook's parameters and those papermill injects.
SKIPPED_TAGS = {"parameters", "injected-parameters"}
#: reveal.js is loaded from this address when the slides are opened; point it to a local copy of reveal.js
#: (`--reveal-prefix`) for a classroom without internet access.
REVEAL_URL_PREFIX = "https://unpkg.com/reveal.js@4.0.2"
#: Tables of words read better left-aligned, and long slides need smaller type than reveal.js's default.
SLIDE_CSS = """<style>
.reveal .report-table td, .reveal .report-table th { text-align: left; vertical-align: top; }
.reveal .report-table { font-size: 0.6em; }
.reveal .report-table caption { caption-side: bottom; font-size: 0.9em; color: #555; }
.reveal figure.report-figure img { max-height: 55vh; }
.reveal .lesson-check { font-size: 0.7em; }
</style>
"""


class SlidesError(Exception):
    """The lesson did not run in one language: names the language, the cell and the error."""


def deck_name(language: str, solutions: bool = False) -> str:
    return f"{LESSON.stem}.{language}{'.solutions' if solutions else ''}.slides.html"


def execute_lesson(language: str, output: Path, *, show_solutions: bool = False, **parameters):
    """Run the lesson with papermill in a fresh kernel (working directory: the project root) and return
    the executed notebook. Parameters are checked against the notebook's parameters cell first."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from .render import check_parameters

    parameters = {"language": language, "show_solutions": show_solutions, **parameters}
    check_parameters(LESSON, parameters)
    try:
        return papermill.execute_notebook(str(LESSON), str(output), parameters=parameters, kernel_name="python3",
                                          cwd=str(PROJECT_ROOT), progress_bar=False, log_output=False)
    except PapermillExecutionError as error:
        raise SlidesError(f"the lesson in {language!r} failed in cell {error.exec_count}: {error.ename}:"
                          f" {error.evalue} (executed notebook: {display_path(output)})") from None


def prepare_for_slides(notebook):
    """A copy of an executed notebook ready for the exporter: parameters cells and cells without any
    output skipped, warnings printed to stderr dropped (they are for whoever runs the notebook)."""
    from .render import without_stderr

    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = without_stderr(cell.get("outputs", []))
        tags = set(cell.get("metadata", {}).get("tags", []))
        empty = cell.cell_type == "code" and not cell.outputs
        if tags & SKIPPED_TAGS or empty:
            cell.setdefault("metadata", {})["slideshow"] = {"slide_type": "skip"}
    return notebook


def export_slides(notebook, language: str, reveal_url_prefix: str = REVEAL_URL_PREFIX) -> str:
    """reveal.js HTML of an executed lesson: no code, no prompts, figures embedded, long slides scroll."""
    from nbconvert import SlidesExporter

    exporter = SlidesExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                              exclude_anchor_links=True, reveal_scroll=True, reveal_url_prefix=reveal_url_prefix,
                              language_code=language)
    title = Translator(language).t("lesson.title")
    body, _ = exporter.from_notebook_node(prepare_for_slides(notebook), resources={"metadata": {"name": title}})
    body = re.sub(r"<title>.*?</title>", lambda _: f"<title>{html.escape(title)}</title>", body, count=1,
                  flags=re.DOTALL)  # the template appends the English word "slides"
    return body.replace("</head>", SLIDE_CSS + "</head>", 1)


def render_slides(languages=tuple(LANGUAGES), out: Path = SLIDES_DIR, solutions: bool = False,
                  reveal_url_prefix: str = REVEAL_URL_PREFIX) -> list[Path]:
    """One deck per language (and a trainer deck with solutions when asked), written atomically into `out`.

    Every language is attempted; a failure in one is raised after the others were written.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written, failures = [], []
    variants = [(language, False) for language in languages] + \
               ([(language, True) for language in languages] if solutions else [])
    for language, with_solutions in variants:
        with tempfile.TemporaryDirectory(dir=out, prefix=".slides-") as scratch:
            executed_path = Path(scratch) / f"{LESSON.stem}.{language}.ipynb"
            try:
                executed = execute_lesson(language, executed_path, show_solutions=with_solutions)
            except SlidesError as error:
                failures.append(str(error))
                continue
            target = out / deck_name(language, with_solutions)
            partial = Path(scratch) / target.name
            partial.write_text(export_slides(executed, language, reveal_url_prefix), encoding="utf-8")
            os.replace(partial, target)
            written.append(target)
    if failures:
        raise SlidesError("; ".join(failures))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.slides",
                                     description="Render the reach-vs-engagement lesson as reveal.js slides.")
    parser.add_argument("--language", action="append", choices=sorted(LANGUAGES),
                        help="a language to render (repeatable; default: all)")
    parser.add_argument("--out", default=str(SLIDES_DIR), help="output folder (default: reports/slides)")
    parser.add_argument("--solutions", action="store_true", help="also render trainer decks with the solutions")
    parser.add_argument("--reveal-prefix", default=REVEAL_URL_PREFIX,
                        help=f"where the slides load reveal.js from (default: {REVEAL_URL_PREFIX})")
    args = parser.parse_args(argv)
    try:
        paths = render_slides(args.language or tuple(LANGUAGES), Path(args.out), solutions=args.solutions,
                              reveal_url_prefix=args.reveal_prefix)
    except SlidesError as error:
        print(f"Slides not rendered: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(display_path(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
