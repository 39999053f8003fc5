"""One batch, rendered once for the module, with a client of each kind: plain, branded, hostile captions,
and one whose report names another client (a planted leak). Checks what a client receives.

The batch runs through the real command (`python -m helpers render --jobs 2 --pdf`) with Chromium made
unavailable, so it also checks that a missing Chromium is explained and the HTML still renders.
"""
import base64
import html
import json
import os
import re
import struct
import subprocess
import sys
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers.demo import FACEBOOK_HEADER, business_suite_csv
from helpers.paths import DEMO_DIR, PROJECT_ROOT

PAYLOADS = (
    '<script>alert("caption")</script> new menu',
    "<img src=x onerror=alert(1)> photo day",
    '<a href="javascript:alert(document.cookie)">win a prize</a>',
    '"><svg onload=alert(2)> our story',
)
EVIL_PAGE = "<script>alert('page')</script>Evil Page"
XSS_NAME = "Ampersand & <Sons>"
BRAND = {"client_name": "Harbour Brand Co", "name": "Harbour & <Co>", "accent": "#AA3377"}
GOOD_NAME = "Good Client Ltd"


def png(width: int = 40, height: int = 12, rgb=(170, 51, 119)) -> bytes:
    """A small solid-colour PNG, written by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def facebook_export(path: Path, captions, page_name: str, first_id: int, posts: int = 40) -> Path:
    """A Business Suite Facebook export (the demo's exact format): reach rises with the row while
    interactions fall, so the most-reached posts are not the most engaging (their captions are shown)."""
    rows = []
    for i in range(posts):
        day = 1 + i % 30
        month = 9 if i < 30 else 10
        reach = 1000 + 150 * i
        reactions, comments, shares = 400 - 9 * i, 40 - i % 30, 20 - i % 15
        post_id = str(first_id + i)
        row = [post_id, "100000000000042", page_name, captions[i % len(captions)], "", "0",
               f"{month:02d}/{day:02d}/2026 {9 + i % 10:02d}:15", "N/A",
               f"https://www.facebook.com/page/posts/{post_id}", "0", "0", "Photos", "", "", "", "", "Lifetime",
               str(reach * 2), str(reach), str(reactions + comments + shares), str(reactions), str(comments),
               str(shares), "12", "", "12", "", "", "", "", ""]
        assert len(row) == len(FACEBOOK_HEADER)
        rows.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(business_suite_csv(FACEBOOK_HEADER, rows))
    return path


def first_demo_post_id(client: str) -> str:
    text = next((DEMO_DIR / client).glob("*.csv")).read_text(encoding="utf-8-sig")
    return text.splitlines()[1].split(",")[0]


class Tags(HTMLParser):
    """Every element and its attributes, as a browser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k.lower(): v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def tags(document: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(document)
    return parser.tags


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    logo = root / "brand" / "logo.png"
    logo.parent.mkdir()
    logo.write_bytes(png())
    xss = facebook_export(root / "exports" / "xss" / "Sep-01-2026_Oct-31-2026_100000000000042.csv",
                          PAYLOADS, EVIL_PAGE, first_id=7700000000000001)
    planted_id = first_demo_post_id("kopi-senja")
    leaky = facebook_export(root / "exports" / "leaky" / "Sep-01-2026_Oct-31-2026_100000000000043.csv",
                            [f"Thanks {GOOD_NAME}, see {planted_id}"], "Leaky Page", first_id=8800000000000001)
    roster = root / "clients.yml"
    roster.write_text(f"""
clients:
  - id: good
    name: {GOOD_NAME}
    exports: ["{DEMO_DIR}/kopi-senja/*.csv"]
    timezone: Asia/Jakarta
    period: {{start: 2026-09-01, end: 2026-10-31}}
  - id: brand
    name: {BRAND['client_name']}
    exports: ["{DEMO_DIR}/harbour-books/*.csv"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
    branding: {{name: "{BRAND['name']}", accent_colour: "{BRAND['accent']}", logo: "{logo}"}}
  - id: xss
    name: "{XSS_NAME}"
    exports: ["{xss}"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
  - id: leaky
    name: Leaky Client
    exports: ["{leaky}"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
""", encoding="utf-8")
    out = root / "reports"
    (out / "leaky").mkdir(parents=True)
    (out / "leaky" / "report.html").write_text("last good report", encoding="utf-8")
    (out / "leaky" / "render.json").write_text(json.dumps({
        "client": "leaky", "name": "Leaky Client", "status": "ok", "attempted_at": "2026-08-03T09:00:00+00:00",
        "report": {"html": "report.html", "period_start": "2026-07-01", "period_end": "2026-07-31",
                   "rendered_at": "2026-08-03T09:00:00+00:00", "seconds": 7.5}}), encoding="utf-8")
    (out / "old-client").mkdir()
    (out / "old-client" / "report.html").write_text("rendered by an earlier batch", encoding="utf-8")
    (out / "old-client" / "render.json").write_text(json.dumps({
        "client": "old-client", "name": "Old <Client>", "status": "ok", "attempted_at": "2026-07-02T10:00:00+00:00",
        "report": {"html": "report.html", "period_start": "2026-06-01", "period_end": "2026-06-30",
                   "rendered_at": "2026-07-02T10:00:00+00:00", "seconds": 6.25}}), encoding="utf-8")
    env = {**os.environ, "WORKBOOK_CHROMIUM": str(root / "no-chromium-here"), "WORKBOOK_CACHE_DIR": str(root / "cache")}
    done = subprocess.run([sys.executable, "-m", "helpers", "render", "--clients", str(roster), "--out", str(out),
                           "--jobs", "2", "--pdf"], capture_output=True, text=True, cwd=PROJECT_ROOT, env=env,
                          timeout=600)
    return {"status": done.returncode, "out": out, "stdout": done.stdout, "stderr": done.stderr, "logo": logo,
            "exports": root / "exports", "planted_id": planted_id, "roster": roster, "cache": root / "cache"}


def report(batch, client: str) -> str:
    return (batch["out"] / client / "report.html").read_text(encoding="utf-8")


def test_batch_renders_the_good_clients_and_exits_nonzero_for_the_leak(batch):
    assert batch["status"] == 1, batch["stderr"]
    for client in ("good", "brand", "xss"):
        record = json.loads((batch["out"] / "_records" / f"{client}.json").read_text(encoding="utf-8"))
        assert record["status"] == "ok", record
        assert set(record["timings"]) >= {"kernel", "execute", "export"}
        assert record["report"]["period_start"] == "2026-09-01"
    assert not list(batch["out"].glob(".render-*"))
    summary = batch["stdout"][batch["stdout"].index("client "):]
    assert re.search(r"^leaky\s+FAILED", summary, flags=re.M)
    assert re.search(r"^good\s+ok/pdf!\s", summary, flags=re.M)  # rendered; its PDF, asked for, was not printed
    # each client's period, the failed one's too (the one its attempt was for)
    assert re.search(r"^period\s", summary.split("\n")[0].split("status ")[1].strip())
    for client in ("good", "brand", "xss", "leaky"):
        assert re.search(rf"^{client}\s+\S+\s+Sept to Oct 2026\s+\d+\.\d s  ", summary, flags=re.M), summary


def test_missing_chromium_is_explained_and_html_still_renders(batch):
    assert "WORKBOOK_CHROMIUM is set to" in batch["stderr"] and "no-chromium-here" in batch["stderr"]
    assert (batch["out"] / "good" / "report.html").exists()
    assert not list(batch["out"].glob("*/report.pdf"))
    # PDFs asked for and none printed: the summary says so per report and the command exits 1 (not 0)
    summary = batch["stdout"][batch["stdout"].index("client "):]
    for client in ("good", "brand", "xss"):  # the path given is named, not taken for no Chromium at all
        assert re.search(rf"^{client}\s+ok/pdf!\s.*PDF not printed: WORKBOOK_CHROMIUM is set to"
                         r" '[^']*no-chromium-here', which is not an executable Chromium", summary, flags=re.M)
    assert "Chromium is not installed" not in batch["stdout"] + batch["stderr"]
    assert "The PDF of good, brand and xss could not be printed (the HTML is fine)." in batch["stderr"]


def test_planted_leak_is_caught_and_the_last_good_report_stays(batch):
    out = batch["out"]
    assert (out / "leaky" / "report.html").read_text(encoding="utf-8") == "last good report"
    assert (out / "_failed" / "leaky" / "report.ipynb").exists()
    error = (out / "_failed" / "leaky" / "error.txt").read_text(encoding="utf-8")
    assert f"names another client of this batch, {GOOD_NAME!r}, in '" in error
    assert f"another client's post id {batch['planted_id']}" in error
    assert GOOD_NAME in batch["stdout"]  # the summary says why
    record = json.loads((out / "_records" / "leaky.json").read_text(encoding="utf-8"))
    assert record["status"] == "failed" and record["report"]["period_start"] == "2026-07-01"


def test_reports_hold_no_other_client(batch):
    names = {"good": GOOD_NAME, "brand": BRAND["client_name"], "xss": XSS_NAME}
    for client in names:
        text = html.unescape(report(batch, client))
        for other, name in names.items():
            if other != client:
                assert name not in text, (client, name)


def test_hostile_captions_render_as_text(batch):
    body = report(batch, "xss")
    found = tags(body)
    assert not [t for t, _ in found if t in ("script", "iframe", "object", "embed", "svg")]
    assert not [(t, a) for t, attrs in found for a in attrs if a.startswith("on")]
    assert not [(t, v) for t, attrs in found for k, v in attrs.items()
                if k in ("href", "src", "action") and re.sub(r"\s", "", v).lower().startswith("javascript:")]
    # the captions are in the report, as text a reader sees (whole: a long word holds <wbr> break points)
    from helpers.html_safety import without_word_breaks
    body = without_word_breaks(body)
    assert "&lt;script&gt;alert(&quot;caption&quot;)&lt;/script&gt;" in body or \
        "&lt;script&gt;alert(\"caption\")&lt;/script&gt;" in body
    assert "onerror=alert(1)" in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "javascript:alert(document.cookie)" in body
    assert html.escape(XSS_NAME) in body


def test_report_is_self_contained_and_shows_no_code_or_machine_paths(batch):
    for client in ("good", "brand", "xss"):
        body = report(batch, client)
        found = tags(body)
        assert not [t for t, _ in found if t in ("script", "link")]
        sources = [a.get("src", "") for t, a in found if t == "img"]
        assert sources and all(s.startswith("data:image/") for s in sources)
        assert 'http-equiv="Content-Security-Policy"' in body and "default-src 'none'" in body
        assert "hl-ipython3" not in body and "build_report(" not in body and "injected-parameters" not in body
        for path in (str(PROJECT_ROOT), str(Path.home()), str(batch["exports"])):
            assert path not in body


def test_branding_and_period(batch):
    body = report(batch, "brand")
    title = re.search(r"<title>(.*?)</title>", body, flags=re.S).group(1)
    assert title == f"{BRAND['client_name']}: reach and engagement, 1 September 2026 to 31 October 2026"
    header = re.search(r'<header class="report-brand">.*?</header>', body, flags=re.S).group(0)
    assert html.escape(BRAND["name"]) in header and BRAND["name"] not in header
    logo = base64.b64encode(batch["logo"].read_bytes()).decode()
    assert f'src="data:image/png;base64,{logo}"' in header
    assert f"--report-accent: {BRAND['accent']}" in body
    assert "@page { size: A4" in body
    # without branding: the client's name and the default accent
    plain = report(batch, "good")
    assert f'<p class="report-brand-name">{GOOD_NAME}</p>' in plain and "--report-accent: #0072B2" in plain


def test_index_lists_every_client_ever_rendered(batch):
    index = (batch["out"] / "index.html").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0)
            for m in re.finditer(r'<tr[^>]*><th scope="row">.*?<small>([\w-]+)</small>.*?</tr>', index)}
    assert list(rows) == ["brand", "good", "leaky", "xss", "old-client"]  # a client not in the roster comes last
    # ... greyed and marked so, its report still linked (test_render: kept, never deleted)
    assert rows["old-client"].startswith('<tr class="former">') and "not in the roster any more" in rows["old-client"]
    assert '<a href="old-client/report.html">' in rows["old-client"]
    assert "not in the roster" not in rows["good"] and "not in the roster" not in rows["leaky"]
    assert '<a href="good/report.html">Good Client Ltd</a>' in rows["good"]
    assert "<td>Sept to Oct 2026</td>" in rows["good"] and ">ok<" in rows["good"]
    assert re.search(r"\d+\.\d s", rows["good"])  # how long it took
    assert "no posts" not in rows["good"]  # said only of a report without posts (test_render_quiet)
    assert html.escape(XSS_NAME) in rows["xss"] and XSS_NAME not in index
    assert "Old &lt;Client&gt;" in rows["old-client"] and "Jun 2026" in rows["old-client"]
    # the failed client: marked failed, still linking its last good report and that report's period
    assert "failed" in rows["leaky"] and '<a href="leaky/report.html">' in rows["leaky"]
    assert "Jul 2026" in rows["leaky"] and "last good one" in rows["leaky"]
    # ... and the period the failed attempt asked for, which is not the one shown beside it
    assert "this attempt was for Sept to Oct 2026; the report linked is the last good one" in rows["leaky"]
    assert "this attempt" not in rows["good"]
    assert "<script" not in index


def test_the_command_names_its_roster_and_says_it_reads_the_exports_first(batch):
    lines = batch["stdout"].splitlines()
    assert lines[0] == f"Roster: {batch['roster']}"
    assert lines[1] == "Reading the exports of the roster's 4 clients, to check that no report holds another client's posts…"
    assert "started" in lines[2]  # then the progress, one line per event in a log


@pytest.fixture(scope="module")
def alone(batch, tmp_path_factory):
    """The leaky client rendered alone (--client leaky): the good client, not rendered, is still in the roster."""
    root = tmp_path_factory.mktemp("alone")
    out = root / "reports"
    done = subprocess.run([sys.executable, "-m", "helpers", "render", "--clients", str(batch["roster"]),
                           "--client", "leaky", "--out", str(out), "--jobs", "1"], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=600, env={**os.environ, "WORKBOOK_CACHE_DIR": str(root / "cache")})
    return {"status": done.returncode, "out": out, "stdout": done.stdout, "stderr": done.stderr, "cache": root / "cache"}


def test_a_client_rendered_alone_may_not_hold_the_posts_of_a_client_not_rendered(batch, alone):
    """Another client's post id is a leak whoever is rendered; its name in a caption is a legitimate mention
    when the client is rendered in a batch of its own (the README's way for it)."""
    assert alone["status"] == 1, alone["stderr"]
    error = (alone["out"] / "_failed" / "leaky" / "error.txt").read_text(encoding="utf-8")
    assert f"another client's post id {batch['planted_id']}" in error
    assert "names another client" not in error
    assert not (alone["out"] / "leaky" / "report.html").exists()


def test_the_roster_post_ids_are_kept_for_the_next_render_and_still_catch_a_leak(batch, alone, tmp_path):
    """The batch keeps every roster client's post ids and account names in the workbook's cache folder, not
    under the reports folder (shared with clients); rendering the leaky client alone with that cache takes the
    good client's ids from there and still refuses the report that holds one of them."""
    cache = batch["cache"] / "post-identities.json"
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert len(kept) == 4
    assert any(batch["planted_id"] in entry["posts"] for entry in kept.values())
    assert {"Leaky Page"} in [set(entry["posts"].values()) for entry in kept.values()]
    for out in (batch["out"], alone["out"]):  # nothing of the roster under a reports folder
        assert not [p for p in out.rglob("*") if p.is_file() and batch["planted_id"] in p.name]
        assert not list(out.rglob("post-identities*"))
    # the render of `alone` read the roster afresh into its own cache, and kept the same there
    assert json.loads((alone["cache"] / "post-identities.json").read_text(encoding="utf-8")).keys() == kept.keys()

    warm = tmp_path / "cache"
    warm.mkdir()
    (warm / "post-identities.json").write_text(cache.read_text(encoding="utf-8"), encoding="utf-8")
    written = (warm / "post-identities.json").stat().st_mtime_ns
    out = tmp_path / "reports"
    done = subprocess.run([sys.executable, "-m", "helpers", "render", "--clients", str(batch["roster"]),
                           "--client", "leaky", "--out", str(out), "--jobs", "1"], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=600, env={**os.environ, "WORKBOOK_CACHE_DIR": str(warm)})
    assert done.returncode == 1, done.stderr
    error = (out / "_failed" / "leaky" / "error.txt").read_text(encoding="utf-8")
    assert f"another client's post id {batch['planted_id']}" in error
    # nothing was read again: a client read anew would have made the cache be written again
    assert (warm / "post-identities.json").stat().st_mtime_ns == written


def test_a_post_copied_into_another_clients_export_refuses_the_render(tmp_path):
    """One row of client B's export pasted into client A's: the report prints no post ids, so the finished page
    cannot show it; the id both exports hold under the same account does. Rendering A alone is refused before
    its notebook runs, and says which post, which account and which client."""
    first = facebook_export(tmp_path / "a" / "Sep-01-2026_Oct-31-2026_100000000000042.csv", ["Shop A news"],
                            "Shop A", first_id=7100000000000001, posts=39)
    theirs = facebook_export(tmp_path / "b" / "Sep-01-2026_Oct-31-2026_100000000000042.csv", ["Shop B news"],
                             "Shop B", first_id=7100000000000040)
    row = theirs.read_text(encoding="utf-8-sig").splitlines()[1]  # B's first post, its page name and all
    first.write_bytes(first.read_bytes().rstrip(b"\r\n") + b"\r\n" + row.encode("utf-8") + b"\r\n")
    roster = tmp_path / "clients.yml"
    roster.write_text("clients:\n" + "".join(f"""  - id: {cid}
    name: Shop {cid.upper()}
    exports: ["{tmp_path / cid}/*.csv"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
""" for cid in ("a", "b")), encoding="utf-8")
    assert first.is_file()
    out = tmp_path / "reports"
    done = subprocess.run([sys.executable, "-m", "helpers", "render", "--clients", str(roster), "--client", "a",
                           "--out", str(out), "--jobs", "1"], capture_output=True, text=True, cwd=PROJECT_ROOT,
                          timeout=600)
    assert done.returncode == 1, done.stderr
    error = (out / "_failed" / "a" / "error.txt").read_text(encoding="utf-8")
    assert ("1 post that the exports of client 'b' of the roster hold too, under the same account (post id"
            " 7100000000000040, account 'Shop B')") in error
    assert not (out / "a" / "report.html").exists()


def test_a_long_error_in_the_progress_line_is_cut_at_a_word_and_marked():
    from helpers.i18n import Translator
    from helpers.render import RenderResult
    from helpers.render_batch import _short

    error = ("no posts for X between 2026-09-01 and 2026-10-31: the exports hold 12 posts from 2025-01-01 to"
             " 2025-03-01. Check the period in the roster or add the exports that cover it.")
    note = _short(RenderResult("a", False, 1.0, failed_cell=3, error=error), Translator("en"))
    assert len(note) <= 160 and note.endswith(" …") and note.startswith("cell 3: no posts for X")
    whole = f"cell 3: {error}"
    cut = note[:-2]
    assert whole.startswith(cut) and whole[len(cut)] == " "  # cut between words, not inside one


def test_pdfs_asked_for_without_chromium_exit_1_and_are_recorded_as_not_printed(tmp_path, monkeypatch, capsys):
    """A batch whose every report renders, with --pdf and no Chromium: the HTML is there, no PDF, and the
    command exits 1 (a script that mails the PDFs must not take the batch for done); render.json says why."""
    from helpers.__main__ import main

    monkeypatch.setenv("WORKBOOK_CHROMIUM", str(tmp_path / "no-chromium-here"))
    out = tmp_path / "reports"
    assert main(["render", "--client", "harbour-books", "--out", str(out), "--jobs", "1", "--pdf"]) == 1
    said = capsys.readouterr()
    named = repr(str(tmp_path / "no-chromium-here"))
    assert re.search(rf"^harbour-books\s+ok/pdf!\s.*PDF not printed: WORKBOOK_CHROMIUM is set to"
                     rf" {re.escape(named)}, which is not an executable Chromium", said.out, flags=re.M)
    assert "The PDF of harbour-books could not be printed (the HTML is fine)." in said.err
    record = json.loads((out / "_records" / "harbour-books.json").read_text(encoding="utf-8"))
    assert record["status"] == "ok" and record["report"]["pdf"] is None
    assert record["error"] == (f"PDF not printed: WORKBOOK_CHROMIUM is set to {named}, which is not an executable"
                               " Chromium (set it to Chromium's path, or unset it)")
    assert record["errors"]["id"] == (
        f"PDF tidak dicetak: WORKBOOK_CHROMIUM berisi {named}, yang bukan program Chromium yang dapat dijalankan"
        " (atur ke path Chromium, atau hapus variabel itu)")
    assert (out / "harbour-books" / "report.html").exists() and not (out / "harbour-books" / "report.pdf").exists()


def test_the_sweep_removes_figures_left_by_a_kernel_that_is_gone_and_keeps_a_live_ones(tmp_path, monkeypatch):
    """A notebook stopped in JupyterLab leaves its figures drawn ahead in the temporary folder: the next render
    removes them once their process is gone, never while it runs."""
    import tempfile

    from helpers.render_batch import remove_stale_work_folders

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = tmp_path / f"workbook-figures-{gone.pid}-abc123"
    live = tmp_path / f"workbook-figures-{os.getpid()}-def456"
    unnamed = tmp_path / "workbook-figures-ghi789"  # no process id: not ours to judge
    for folder in (stale, live, unnamed):
        folder.mkdir()
        (folder / "3.pickle").write_bytes(b"a client's figure")
    out = tmp_path / "reports"
    out.mkdir()
    remove_stale_work_folders(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["reports", live.name, unnamed.name])
