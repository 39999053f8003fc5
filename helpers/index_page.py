"""What was rendered when: a record per client (reports/_records/<id>.json) and reports/index.html.

The records are the consultant's, kept apart from the client folders a consultant shares: a failure's record
holds paths of this machine, a report's may name another client and quote an export's cell. A record an
older version kept in reports/<id>/render.json (or reports/_failed/<id>/render.json) is read once and moved.

The record keeps the last attempt (status, time, error) and the last good report (period, when, how long),
so a failed attempt, or one a stopped batch left unfinished (Ctrl-C), shows as such while the index still
links the report that was good before. The
index lists every client that has a record, not only this batch's, and escapes every name and message.
A report stays a client's only while its id names the same business: an id the roster gives to another
client does not link the earlier client's report as its own (new_record). Rows of ids the roster just rendered
no longer has (a client removed, an id renamed) are listed last, greyed and marked so; their files are kept.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import os
from pathlib import Path

from .clients import same_business
from .i18n import Translator, in_every_language

#: The folder of reports/ that holds every client's render record, <id>.json.
RECORDS_DIR = "_records"
#: The file an older version kept a record in, in reports/<id>/ (or reports/_failed/<id>/).
RECORD = "render.json"
INDEX = "index.html"
#: The id of the index table's caption, which names the region the table scrolls sideways in on a narrow screen.
CAPTION_ID = "index-caption"
#: The metadata key of a report title's output that carries the report's facts for the index (display.title,
#: render.report_facts). Kept here, not in display, so that the renderer reads the facts without importing
#: display's matplotlib and pandas (over a second of a single report's time, after its export).
FACTS_KEY = "workbook_report"


def record_path(out_dir: Path, client_id: str) -> Path:
    """Where a client's render record is kept: reports/_records/<id>.json, outside the client's folder."""
    return Path(out_dir) / RECORDS_DIR / f"{client_id}.json"


def _read_json(path: Path) -> dict | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _older_records(out_dir: Path, client_id: str) -> list[Path]:
    """The files an older version kept the client's record in: reports/<id>/render.json, and
    reports/_failed/<id>/render.json for a failure the client's folder refused."""
    return [Path(out_dir) / client_id / RECORD, Path(out_dir) / "_failed" / client_id / RECORD]


def read_record(out_dir: Path, client_id: str) -> dict | None:
    """A client's render record, or None when there is none (or it cannot be read). A record an older version
    kept in the client's folder or in _failed/ is moved to reports/_records/ when read, so the folder a
    consultant shares holds the report alone and the client keeps its row in the index. An older version can
    still render into the folder after this one (a second clone): of the records found, the latest attempt
    (attempted_at) is kept and the others removed (latest_record)."""
    current = _read_json(record_path(out_dir, client_id))
    older = [r for r in map(_read_json, _older_records(out_dir, client_id)) if r is not None]
    if not older:
        return current
    record = latest_record([r for r in (current, *older) if r is not None])
    with contextlib.suppress(OSError):  # a folder refusing the move: read again in place next time
        write_record(out_dir, client_id, record)
    return record


def _attempt_time(record: dict) -> float:
    """When a record's attempt was made (attempted_at), as seconds since the epoch; a time without a zone is
    the machine's; no time, or one that cannot be read, is the earliest."""
    try:
        return dt.datetime.fromisoformat(str(record.get("attempted_at"))).astimezone().timestamp()
    except (ValueError, OverflowError, OSError):
        return float("-inf")


def latest_record(records: list[dict]) -> dict:
    """Of a client's records (reports/_records/ first, then an older version's), the one of the latest attempt;
    the first of equal ones. A failed or interrupted attempt without a report keeps the last good report an
    earlier record links (an older version did not read the records kept in _records/), as new_record does."""
    latest = max(records, key=_attempt_time)  # max keeps the first of equal ones
    if latest.get("status") != "ok" and not latest.get("report"):
        earlier = sorted((r for r in records if r is not latest and (r.get("report") or {}).get("html")),
                         key=_attempt_time)
        if earlier:
            report = earlier[-1]["report"]
            # a report recorded by an older version names no client: the record's name is then its client's
            owner, name = report.get("name") or earlier[-1].get("name"), latest.get("name")
            if not (owner and name) or same_business(owner, name):
                latest = {**latest, "report": report}
    return latest


def write_record(out_dir: Path, client_id: str, record: dict) -> None:
    """Keep `record` as the client's render record (record_path), removing any an older version kept in the
    client's folder or in _failed/."""
    path = record_path(out_dir, client_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_json_atomically(path, record)
    for older in _older_records(out_dir, client_id):
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            older.unlink()


def write_json_atomically(path: Path, data: dict) -> None:
    """`data` as JSON in `path`, written whole or not at all (a temporary file beside it, then renamed); the
    temporary file is removed when the rename fails (`path` a folder, say)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def recorded_seconds(seconds: float | None) -> float | None:
    """How long an attempt took, as the render record keeps it and as the command's summary and progress line
    hold it: to the millisecond, so that each shows this one value rounded once to its tenth of a second (7.049
    is 7.0 s in both; a figure rounded to hundredths first, 7.05, would read 7.1 s in the index alone)."""
    return None if seconds is None else round(float(seconds), 3)


def new_record(previous: dict | None, *, client: str, name: str, ok: bool, attempted_at: str,
               seconds: float | None, timings: dict, error: str = "", failed_cell: int | None = None,
               report: dict | None = None, asked: dict | None = None, language: str = "en",
               interrupted: bool = False) -> dict:
    """The record after an attempt: a success replaces the report entry, a failure keeps the old one, and so
    does an attempt the batch was stopped before it finished (`interrupted`: status "interrupted"; `seconds`
    None when it had not started). `asked`: the period the attempt was for ('period_start', 'period_end'),
    shown by the index while there is no good report to show the period of. The error (a Message or
    InLanguages, or plain text) is recorded in `language`, the command's, and in every language ('errors'),
    for an index written in another one.

    An id the roster has given to another business (its display name not the same business's:
    clients.same_business) does not inherit the report of the one before: a failed attempt keeps that report as
    'other_report', with its client's name, which the index and the summary name as not this client's; it
    comes back as the report should the id name that business again."""
    kept, other = (report, None) if ok else ((previous or {}).get("report"), (previous or {}).get("other_report"))
    if not ok:
        # a report recorded by an older version names no client: the record's name is then its client's (none: kept)
        owner = (kept or {}).get("name") or (previous or {}).get("name")
        if kept and owner and not same_business(owner, name):
            kept, other = None, {**kept, "name": owner}
        elif not kept and other and same_business(other.get("name"), name):
            kept, other = other, None
    record = {
        "client": client, "name": name, "status": "ok" if ok else "interrupted" if interrupted else "failed",
        "attempted_at": attempted_at, "seconds": recorded_seconds(seconds),
        "timings": {k: round(v, 2) for k, v in timings.items()},
        "error": Translator(language).message(error), "errors": in_every_language(error) if error else {},
        "failed_cell": failed_cell,
        "report": kept,
    }
    if other:
        record["other_report"] = other
    if asked:
        record["asked"] = asked
    return record


def now_text() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def collect_records(out_dir: Path) -> list[dict]:
    """Every client's record under out_dir (read_record); a report folder without a record (rendered by an
    older version) is listed from its files. A client whose folder is missing or is a file (reports/<id> made a
    file) still has its row from its record."""
    out_dir = Path(out_dir)
    records_dir, failed_dir = out_dir / RECORDS_DIR, out_dir / "_failed"
    ids = {p.name for p in out_dir.iterdir() if p.is_dir() and p.name[:1] not in "._"}
    if records_dir.is_dir():
        ids |= {p.stem for p in records_dir.glob("*.json") if p.name[:1] not in "._"}
    if failed_dir.is_dir():  # an older version's record of a failure its folder refused
        ids |= {p.name for p in failed_dir.iterdir() if p.name[:1] not in "._" and (p / RECORD).is_file()}
    records = []
    for name in sorted(ids):
        folder = out_dir / name
        record = read_record(out_dir, name)
        if record is None and (folder / "report.html").is_file():
            stamp = dt.datetime.fromtimestamp((folder / "report.html").stat().st_mtime).astimezone()
            record = {"client": folder.name, "name": folder.name, "status": "ok",
                      "attempted_at": stamp.isoformat(timespec="seconds"), "seconds": None,
                      "report": {"html": "report.html", "rendered_at": stamp.isoformat(timespec="seconds")}}
        if record is not None:
            if not folder.is_dir():  # no folder to link into: a report named in the record is not there
                record["report"] = record["other_report"] = None
            record["client"] = name  # the folder is the truth: links are built from it
            records.append(record)
    return records


def _when(text: str | None, tr: Translator) -> str:
    """A recorded moment (ISO text) as the index shows it: the short date and the time of day as the language
    writes them ("2 Nov 2026 08:15", "2 Nov 2026 08.15"); a text that is no moment as it is."""
    if not text:
        return tr.t("common.na")
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    return f"{tr.short_date(when)} {tr.time(when)}"


def _period(report: dict, tr: Translator) -> str:
    start, end = report.get("period_start"), report.get("period_end")
    if not start or not end:
        return tr.t("common.na")
    try:
        return tr.period_span(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    except ValueError:
        return tr.t("cli.period_span", start=start, end=end)


def recorded_error(record: dict, tr: Translator) -> str:
    """A record's error in `tr`'s language; a record written before errors were kept in every language has
    its error in the language of the command that wrote it."""
    errors = record.get("errors")
    text = errors.get(tr.language) if isinstance(errors, dict) else None
    return str(text if text is not None else record.get("error") or "")


def _whole_error(record: dict, tr: Translator) -> str:
    """Where a failed attempt's whole error is, as HTML: the sentence, escaped, its path a link to
    _failed/<id>/error.txt (relative: the index is beside _failed)."""
    path = f"_failed/{record.get('client', '')}/error.txt"
    place = "\x00"  # no catalogue text holds it, and html.escape leaves it as it is
    link = f'<a href="{html.escape(path, quote=True)}">{html.escape(path)}</a>'
    return html.escape(tr.t("cli.index_page.whole_error", path=place)).replace(place, link)


def _shorten(text: str, limit: int = 300) -> str:
    """At most `limit` characters, cut at a word's end and marked with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


#: The most lines of an error a failed client's row shows; the whole error is in _failed/<id>/error.txt.
ERROR_LINES = 6


def error_lines(text: str, limit: int = 300) -> str:
    """An error as HTML, escaped, each of its lines on a line of its own, as the terminal shows them: the
    problem, what was expected, what to do (errors.ExportFormatError), not run into one sentence. Each line
    is cut at `limit` characters (_shorten); past ERROR_LINES lines, an ellipsis."""
    lines = [_shorten(line, limit) for line in str(text).splitlines() if line.strip()]
    shown = lines[:ERROR_LINES] + (["…"] if len(lines) > ERROR_LINES else [])
    return "<br>".join(html.escape(line) for line in shown)


def report_marks(facts: dict, tr: Translator) -> list[str]:
    """What to set beside a good report's status, from the facts its title carried (Report.index_facts, as
    render.recorded_facts keeps them): "no posts in the period", the platforms whose exports cover only
    part of it with the days they cover, the exports the report says may have missed posts (no post at one end
    of the days their names give), and how many files the client's patterns pass over. The index of
    reports and the command's summary both show them: a consultant checks such a report before sending it. The
    index also says when a report could not be checked against another client's exports (the render record's
    "unchecked", in every language; the summary says it apart)."""
    marks = [tr.t("cli.no_posts")] if facts.get("posts") == 0 else []
    if partial := facts.get("partial"):
        marks.append(tr.t("cli.partial_period", platforms="; ".join(
            # Report.index_facts' "from_posts": True where every export names no period, "some" where some do
            tr.t("cli.partial_platform_posts" if days.get("from_posts") is True else
                 "cli.partial_platform_some_posts" if days.get("from_posts") == "some" else "cli.partial_platform",
                 platform=tr.platform(platform), days=tr.number(days["days"]),
                 period_days=tr.number(days["period_days"])) for platform, days in sorted(partial.items()))))
    gaps = facts.get("named_gaps")
    if isinstance(gaps, list) and gaps and all(isinstance(name, str) for name in gaps):
        # the report tells the client the download may have missed posts (Report.named_gap_files)
        marks.append(tr.t("cli.named_gap_one" if len(gaps) == 1 else "cli.named_gap", files=tr.join(gaps)))
    if isinstance(left_out := facts.get("left_out"), int) and not isinstance(left_out, bool) and left_out > 0:
        # files the client's patterns pass over (render.recorded_facts): a platform may be missing from the report
        marks.append(tr.t("cli.left_out_one" if left_out == 1 else "cli.left_out", count=tr.number(left_out)))
    if isinstance(unchecked := facts.get("unchecked"), dict) and unchecked:  # the record: another client unread
        marks.append(unchecked.get(tr.language) or next(iter(unchecked.values())))
    return marks


def index_html(records: list[dict], tr: Translator | None = None, roster=None) -> str:
    """The index page, in `tr`'s language (the command's): one row per client, linking its latest good report
    (and PDF). Errors are shown in that language too (recorded_error). `roster`: the ids of the roster just
    rendered; the rows of other ids (a client removed from the roster, or its id renamed) come after the others,
    greyed and marked as no longer in it, their reports still linked (None: no row is marked). The page's content
    is its <main> landmark, which a screen reader's user jumps to. On a phone the page keeps a margin, the table
    scrolls sideways in a region named by its caption (which stays in view), and an error's long path wraps
    anywhere: before, a failed client's path made the whole page scroll sideways."""
    tr = tr or Translator("en")
    rows = []
    former = set() if roster is None else {str(r.get("client", "")) for r in records} - set(roster)
    for r in sorted(records, key=lambda r: str(r.get("client", "")) in former):  # stable: by id within each
        cid = html.escape(str(r.get("client", "")), quote=True)
        name = html.escape(str(r.get("name") or r.get("client", "")))
        report = r.get("report") or {}
        if report.get("html"):
            title = f'<a href="{cid}/{html.escape(report["html"], quote=True)}">{name}</a>'
        else:
            title = name
        # a screen reader lists links by their names: "Kopi Senja (PDF)", not "PDF" once per client
        label = tr.t("cli.index_page.pdf_link", client=r.get("name") or r.get("client", ""))
        pdf = (f' (<a href="{cid}/{html.escape(report["pdf"], quote=True)}"'
               f' aria-label="{html.escape(label, quote=True)}">PDF</a>)' if report.get("pdf") else "")
        error = recorded_error(r, tr)
        if r.get("status") == "ok":  # an error beside ok is the PDF's: the HTML report is fine
            status = (f'<span class="ok">{html.escape(tr.t("cli.index_page.ok"))}</span>'
                      + "".join(f' <span class="quiet">({html.escape(mark)})</span>' for mark in report_marks(report, tr))
                      + (f" ({html.escape(_shorten(error))})" if error else ""))
        else:
            shown = tr.t("cli.index_page.last_good" if report.get("html") else "cli.index_page.no_good")
            other = r.get("other_report") or {}
            if not report.get("html") and other.get("html"):  # the id's earlier client's: not linked as this one's
                shown += "; " + tr.t("cli.other_report", path=f"{r.get('client', '')}/{other['html']}",
                                     name=str(other.get("name") or ""))
            asked = r.get("asked") or {}
            if report.get("html") and asked.get("period_start") and (
                    (asked.get("period_start"), asked.get("period_end"))
                    != (report.get("period_start"), report.get("period_end"))):
                # the period column shows the linked report's: say which period this attempt was for
                shown = tr.t("cli.index_page.asked", period=_period(asked, tr)) + "; " + shown
        if r.get("status") == "interrupted":  # the batch was stopped (Ctrl-C) before this client's report was done
            # as the summary tells them apart: no time recorded is a client whose render had not started
            why = tr.t("cli.index_page.interrupted_waiting" if r.get("seconds") is None
                       else "cli.index_page.interrupted_why")
            status = (f'<span class="quiet">{html.escape(tr.t("cli.index_page.interrupted"))}</span>'
                      f' {html.escape(_when(r.get("attempted_at"), tr))}:'
                      f' {html.escape(why)} <em>({html.escape(shown)})</em>')
        elif r.get("status") != "ok":
            cell = tr.t("cli.cell", number=r["failed_cell"]) + ": " if r.get("failed_cell") is not None else ""
            status = (f'<span class="failed">{html.escape(tr.t("cli.index_page.failed"))}</span>'
                      f' {html.escape(_when(r.get("attempted_at"), tr))}: '
                      f'{error_lines(cell + error)}<br><em>({html.escape(shown)}; {_whole_error(r, tr)})</em>')
        took = report.get("seconds")
        gone = str(r.get("client", "")) in former
        rows.append(
            ('<tr class="former">' if gone else "<tr>") + f'<th scope="row">{title}{pdf}<br><small>{cid}</small>'
            + (f'<br><small>{html.escape(tr.t("cli.index_page.not_in_roster"))}</small>' if gone else "") + "</th>"
            f"<td>{html.escape(_period(report if report.get('html') else r.get('asked') or {}, tr))}</td>"
            f'<td class="status">{status}</td><td>'
            f"{html.escape(_when(report.get('rendered_at'), tr))}</td>"
            f"<td>{html.escape(tr.t('common.na') if took is None else tr.t('cli.seconds', seconds=tr.number(took, 1)))}"
            f"</td></tr>")
    body = "\n".join(rows) or f'<tr><td colspan="5">{html.escape(tr.t("cli.index_page.none"))}</td></tr>'
    head = "".join(f'<th scope="col">{html.escape(tr.t(key))}</th>' for key in (
        "cli.index_page.client", "cli.index_page.period", "cli.index_page.status", "cli.index_page.rendered",
        "cli.index_page.took"))
    return f"""<!DOCTYPE html>
<html lang="{html.escape(tr.language, quote=True)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{html.escape(tr.t("cli.index_page.title"))}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 1em; max-width: 1100px; color: #222; }}
.table-scroll {{ overflow-x: auto; container-type: inline-size; }}
td.status {{ overflow-wrap: anywhere; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: 6px 10px; border-bottom: 1px solid #ddd; vertical-align: top; }}
thead th {{ border-bottom: 2px solid #0072B2; }} tbody th {{ font-weight: normal; }}
.ok {{ color: #1a7f37; font-weight: 600; }} .quiet {{ color: #9a6700; font-weight: 600; }} .failed {{ color: #b42318; font-weight: 600; }}
small {{ color: #666; }}
caption {{ text-align: left; font-weight: 600; padding: 6px 0; position: sticky; left: 0; max-width: 100cqi; }}
tr.former th, tr.former td, tr.former small, tr.former a {{ color: #666; }}
</style></head>
<body>
<main>
<h1>{html.escape(tr.t("cli.index_page.title"))}</h1>
<p>{html.escape(tr.t("cli.index_page.intro", when=_when(now_text(), tr)))}</p>
<div class="table-scroll" role="region" aria-labelledby="{CAPTION_ID}" tabindex="0">
<table>
<caption id="{CAPTION_ID}">{html.escape(tr.t("cli.index_page.caption"))}</caption>
<thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody></table>
</div>
</main>
</body></html>
"""


def write_index(out_dir: Path, language: str = "en", roster=None) -> Path:
    """Write out_dir/index.html from every client's record, in `language`; return its path. `roster`: the ids of
    the roster just rendered, whose other rows the index marks as no longer in it (index_html)."""
    out_dir = Path(out_dir)
    path = out_dir / INDEX
    temporary = out_dir / f".{INDEX}.{os.getpid()}.tmp"
    temporary.write_text(index_html(collect_records(out_dir), Translator(language), roster), encoding="utf-8")
    os.replace(temporary, path)
    return path
