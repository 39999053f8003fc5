"""Render one HTML report per client: papermill runs the report notebook, nbconvert exports it.

Each client renders in a temporary folder; the HTML and the executed notebook move into
reports/<client id>/ only when the notebook ran without error and the HTML passed its checks, so a failed
run never replaces (or looks like) a finished report. A failed run's notebook is kept under
reports/_failed/<client id>/. One client's failure does not stop the others.
"""
from __future__ import annotations

import html
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor
from papermill.exceptions import PapermillExecutionError

from .clients import Client
from .errors import WorkbookError
from .paths import NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_DIR

REPORT_NOTEBOOK = NOTEBOOKS_DIR / "client_report.ipynb"
HIDDEN_TAGS = {"parameters", "injected-parameters"}


@dataclass
class RenderResult:
    client: str
    ok: bool
    seconds: float
    html: Path | None = None
    failed_cell: int | None = None
    error: str = ""


class ParameterMismatch(WorkbookError):
    """The runner passed a parameter the notebook does not declare (papermill would only warn)."""


def check_parameters(notebook: Path, parameters: dict) -> None:
    """Every parameter passed must be declared in the notebook's `parameters` cell."""
    declared = set(papermill.inspect_notebook(str(notebook)))
    unknown = sorted(set(parameters) - declared)
    if unknown:
        raise ParameterMismatch(
            f"{notebook.name} does not declare parameter(s) {', '.join(unknown)}; it declares"
            f" {', '.join(sorted(declared))}")


class _DropStderr(Preprocessor):
    """Warnings printed to stderr are for the analyst's executed notebook, not the client's report."""

    def preprocess_cell(self, cell, resources, index):
        if cell.get("cell_type") == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        return cell, resources


def export_html(executed: nbformat.NotebookNode, title: str) -> str:
    """Client-facing HTML: no code, no prompts, no parameters cells, no stderr; figures embedded."""
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=HIDDEN_TAGS, enabled=True), enabled=True)
    exporter.register_preprocessor(_DropStderr(enabled=True), enabled=True)
    body, _ = exporter.from_notebook_node(executed, resources={"metadata": {"name": title}})
    return body


def check_html(body: str, client: Client) -> list[str]:
    """Reasons the HTML must not be sent; empty when it is fine."""
    problems = []
    if "hl-ipython3" in body or "from helpers import" in body:
        problems.append("the HTML shows code cells")
    for marker in ("injected-parameters", "exports = [", str(PROJECT_ROOT)):
        if marker in body:
            problems.append(f"the HTML contains {marker!r} (parameters or a local path)")
    if html.escape(client.name) not in body:
        problems.append("the HTML does not name the client")
    if "Traceback (most recent call last)" in body:
        problems.append("the HTML shows a Python traceback")
    return problems


def render_client(client: Client, out_dir: Path = REPORTS_DIR, notebook: Path = REPORT_NOTEBOOK) -> RenderResult:
    """Run the report for one client and move it into out_dir/<id>/ only if everything succeeded."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    parameters = client.parameters()
    check_parameters(notebook, parameters)
    work = Path(tempfile.mkdtemp(prefix=f".render-{client.id}-", dir=out_dir))
    executed_path = work / "report.ipynb"
    try:
        try:
            papermill.execute_notebook(
                str(notebook), str(executed_path), parameters=parameters, cwd=str(PROJECT_ROOT),
                kernel_name="python3", progress_bar=False, log_output=False, report_mode=True,
            )
        except PapermillExecutionError as exc:
            _keep_failed(work, out_dir, client)
            return RenderResult(client.id, False, time.perf_counter() - started, failed_cell=exc.cell_index,
                                error=f"{exc.ename}: {exc.evalue}".strip())
        executed = nbformat.read(executed_path, as_version=4)
        title = f"{client.name}: reach and engagement, {client.period_start:%d %B %Y} to {client.period_end:%d %B %Y}"
        body = export_html(executed, title)
        problems = check_html(body, client)
        if problems:
            _keep_failed(work, out_dir, client)
            return RenderResult(client.id, False, time.perf_counter() - started, error="; ".join(problems))
        (work / "report.html").write_text(body, encoding="utf-8")
        target = out_dir / client.id
        target.mkdir(parents=True, exist_ok=True)
        os.replace(work / "report.ipynb", target / "report.ipynb")
        os.replace(work / "report.html", target / "report.html")
        return RenderResult(client.id, True, time.perf_counter() - started, html=target / "report.html")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _keep_failed(work: Path, out_dir: Path, client: Client) -> None:
    """Keep a failed run's executed notebook for diagnosis, away from the finished reports."""
    failed = out_dir / "_failed" / client.id
    failed.mkdir(parents=True, exist_ok=True)
    if (work / "report.ipynb").exists():
        os.replace(work / "report.ipynb", failed / "report.ipynb")


def render_all(clients: list[Client], out_dir: Path = REPORTS_DIR, notebook: Path = REPORT_NOTEBOOK,
               echo=print) -> list[RenderResult]:
    """Render every client in turn; a failure is recorded and the batch goes on."""
    results = []
    for number, client in enumerate(clients, start=1):
        echo(f"[{number}/{len(clients)}] {client.id}: rendering…")
        result = render_client(client, out_dir, notebook)
        echo(f"[{number}/{len(clients)}] {client.id}: {'done' if result.ok else 'FAILED'} in {result.seconds:.1f} s")
        results.append(result)
    return results


def summary_lines(results: list[RenderResult]) -> list[str]:
    """A plain-text summary table: client, status, time, report or failing cell and error."""
    lines = [f"{'client':<24} {'status':<7} {'time':>7}  report / error"]
    for r in results:
        if r.ok:
            detail = str(r.html)
        else:
            cell = f"cell {r.failed_cell}: " if r.failed_cell is not None else ""
            detail = f"{cell}{r.error}"
        lines.append(f"{r.client:<24} {'ok' if r.ok else 'FAILED':<7} {r.seconds:>6.1f}s  {detail}")
    return lines
