"""The checks behind 'safe to send', without rendering: live HTML, leaks, paths, ids, the roster, the index."""
import dataclasses
import datetime as dt
import gc
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.__main__ import main
from helpers.clients import Client, load_roster
from helpers.errors import RosterError, WorkbookError
from helpers.html_safety import live_content, sanitize, visible_text
from helpers.i18n import Message, Translator, catalogue
from helpers.index_page import collect_records, index_html
from helpers.paths import DEMO_DIR, PROJECT_ROOT
from helpers.render import (REPORT_NOTEBOOK, Foreign, Identity, posts_of_others, check_client_id, check_html,
                            find_leaks, foreign_identities, render_all, warmup_code)
from helpers.report_page import finish_page

from conftest import page_elements


def client(**changes) -> Client:
    values = dict(id="acme", name="Acme Coffee", exports=(f"{DEMO_DIR}/kopi-senja/*.csv",), timezone="UTC",
                  period_start=dt.date(2026, 9, 1), period_end=dt.date(2026, 10, 31),
                  comparison_start=dt.date(2026, 7, 1), comparison_end=dt.date(2026, 8, 31))
    values.update(changes)
    return Client(**values)


PAGE = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title>'
        '<script src="https://cdn.example/require.js"></script><style>p { color: red }</style></head>'
        '<body><main><h1>Acme Coffee</h1><p>{content}</p>'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="a figure"></main></body></html>')


@pytest.mark.parametrize("fragment, found", [
    ("<script>alert(1)</script>", "an element <script>"),
    ('<img src=x onerror="alert(1)">', "an element <img> with an event-handler attribute onerror= (script)"),
    ('<a href="javascript:alert(1)">x</a>', "an element <a> with a javascript: URL in href="),
    ('<a href="java\tscript:alert(1)">x</a>', "an element <a> with a javascript: URL in href="),
    ('<a href="&#106;avascript:alert(1)">x</a>', "an element <a> with a javascript: URL in href="),
    ('<svg><g onload="alert(1)"></g></svg>', "an element <g> with an event-handler attribute onload= (script)"),
    ('<iframe src="https://example.org"></iframe>', "an element <iframe>"),
    ('<img src="https://tracker.example/pixel.gif">',
     "an element <img> that loads 'https://tracker.example/pixel.gif' from outside the file"),
    ('<link rel="stylesheet" href="https://cdn.example/x.css">',
     "an element <link> that loads 'https://cdn.example/x.css' from outside the file"),
    ('<meta http-equiv="refresh" content="0;url=https://example.org">',
     "an element <meta> that loads '0;url=https://example.org' from outside the file"),
    ('<p style="background: url(x.png)">x</p>', "an element <p> with a style attribute that loads or runs something"),
    ("<style>@import 'https://cdn.example/x.css';</style>", "a stylesheet that loads something from outside the file"),
])
def test_live_content_is_found_and_removed(fragment, found):
    page = PAGE.replace("{content}", fragment)
    assert found in live_content(page), live_content(page)
    cleaned = sanitize(page)
    assert live_content(cleaned) == []
    assert "<h1>Acme Coffee</h1>" in cleaned and 'src="data:image/png;base64,iVBORw0KGgo="' in cleaned
    assert "p { color: red }" in cleaned


def test_escaped_text_is_not_live_and_stays_text():
    page = PAGE.replace("{content}", "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img onerror=x&gt; javascript:go")
    page = page.replace('<script src="https://cdn.example/require.js"></script>', "")
    assert live_content(page) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in sanitize(page)
    assert "<script>alert(1)</script>" in visible_text(page)


def test_finished_page_has_no_script_and_names_the_period():
    exported = PAGE.replace("{content}", "report body")
    page = finish_page(exported, client(brand_name="Acme & <Sons>", accent_colour="#112233"))
    assert live_content(page) == []
    assert "<title>Acme Coffee: reach and engagement, 1 September 2026 to 31 October 2026</title>" in page
    assert "Acme &amp; &lt;Sons&gt;" in page and "--report-accent: #112233" in page
    assert '<html lang="en">' in page
    assert '<html lang="id">' in finish_page(exported.replace("<html>", '<html lang="en">'), client(language="id"))
    # a colour that is not #RRGGBB never reaches the CSS
    page = finish_page(exported, client(accent_colour="red; } body { display: none"))
    assert "body { display: none" not in page and "--report-accent: #0072B2" in page


def test_planted_leaks_are_caught():
    foreign = Foreign(post_ids=frozenset({"1234567890123456"}), names=frozenset({"Harbour Books", "Senja"}),
                      own_names=frozenset({"Kopi Senja"}))
    clean = PAGE.replace("{content}", "Kopi Senja reached 1,234 people; post 12345678901234567 is ours")
    assert find_leaks(clean, foreign) == []  # "Senja" inside the own name; a longer id is another id
    leaked = PAGE.replace("{content}", "as HARBOUR BOOKS did with post 1234567890123456")
    problems = " | ".join(find_leaks(leaked, foreign))
    assert "the HTML holds another client's post id 1234567890123456, in '" in problems
    # where (the words around it, as the report shows them) and what to do
    assert "the HTML names another client of this batch, 'Harbour Books', in '" in problems
    assert "as HARBOUR BOOKS did with post 1234567890123456" in problems
    assert "rendered in a batch of its own (--client ID on the command line; render_client in Python)" in problems
    # the command's summary gives the problems in its own language
    from helpers.i18n import Translator
    from helpers.render import RenderResult, joined, summary_lines
    lines = summary_lines([RenderResult("kopi", False, 1.0, error=joined(find_leaks(leaked, foreign)))], Translator("id"))
    text = "\n".join(lines)
    assert "HTML memuat id unggahan milik klien lain, 1234567890123456, di '" in text
    assert "HTML menyebut klien lain dalam batch ini, 'Harbour Books', di '" in text
    assert "the HTML" not in text and "dirender dalam batch tersendiri (--client ID di baris perintah;" in text
    # in an alt text too; never in the bytes of an embedded image
    in_alt = PAGE.replace("{content}", "").replace('alt="a figure"', 'alt="Harbour Books posts"')
    assert find_leaks(in_alt, foreign)
    in_image = PAGE.replace("{content}", "").replace("iVBORw0KGgo=", "SGFyYm91ciBCb29rcw1234567890123456")
    assert find_leaks(in_image, foreign) == []


def test_foreign_identities_count_shared_posts_and_leave_out_shared_names():
    """A post two clients' exports both hold is the other's too (two clients reading one file): it counts.
    A name both carry (a page both mention) is each one's own and does not."""
    identities = {
        "a": Identity(frozenset({"111111", "222222"}), frozenset({"Client A", "Shared Page"}), name="Client A"),
        "b": Identity(frozenset({"222222", "333333"}), frozenset({"Client B", "Shared Page"}), name="Client B"),
    }
    foreign = foreign_identities(identities)
    assert foreign["a"].post_ids == {"222222", "333333"} and foreign["a"].names == {"Client B"}
    assert foreign["b"].post_ids == {"111111", "222222"} and foreign["b"].names == {"Client A"}


def test_one_business_rendered_twice_shares_its_posts():
    identities = {
        "kopi-en": Identity(frozenset({"111111"}), frozenset({"Kopi Senja"}), name="Kopi Senja"),
        "kopi-id": Identity(frozenset({"111111"}), frozenset({"Kopi Senja"}), name="kopi  senja"),
        "other": Identity(frozenset({"999999"}), frozenset({"Other Shop"}), name="Other Shop"),
    }
    foreign = foreign_identities(identities)
    assert foreign["kopi-en"].post_ids == {"999999"} and foreign["kopi-id"].post_ids == {"999999"}
    assert foreign["other"].post_ids == {"111111"}


def test_clients_outside_the_batch_give_their_posts_not_their_names():
    """Rendering one client (--client), the other clients' post ids still count; their names do not, so that
    a caption naming a partner that is a client passes in a batch of its own (as the README promises)."""
    identities = {
        "a": Identity(frozenset({"111111"}), frozenset({"Client A"}), name="Client A"),
        "b": Identity(frozenset({"222222"}), frozenset({"Client B"}), name="Client B"),
    }
    foreign = foreign_identities(identities, batch={"a"})
    assert set(foreign) == {"a"}
    assert foreign["a"].post_ids == {"222222"} and foreign["a"].names == frozenset()


def test_a_client_whose_exports_hold_another_clients_account_is_refused():
    """A glob reaching into another client's folder: the account is 'its own', so the leak check cannot see it.
    One business is one display name (clients.same_business), as for shared files and shared posts."""
    def who(name, *accounts, brand=None):
        return Identity(who=frozenset({name} | ({brand} if brand else set())), accounts=frozenset(accounts),
                        name=name)

    identities = {
        "mixed": who("Mixed Bag", "Kopi Senja", "Harbour Books"),
        "harbour-books": who("Harbour Books", "Harbour Books"),
        "acme-en": who("Acme", "Acme Page"),
        "acme-id": who("ACME", "Acme Page"),  # one business twice: the same name, case aside
        "alpha": who("Alpha Trading", "Kopi Senja"),  # holds the account of client "kopi", exactly named
        "books-ltd": who("Stationers", "Harbour Books Ltd"),  # whole words
        "books": who("Books", "Books"),  # a name inside another client's account: that account is theirs
        "harbour": who("Harbour", "Harbour Books"),  # exactly another client's name, though it holds "Harbour"
        "kopi-id": who("Kopi Senja (Bahasa Indonesia)", "Kopi Senja"),  # its name holds the page's
        "country": who("Kopi Senja Malaysia", "Kopi Senja"),  # a country's page named like the brand
        "bank": who("Bank Central Asia", "Asia"),  # one word of its name: exactly client "asia"'s, refused
        "asia": who("Asia", "Asia"),
        "outlet": who("Kopi Senja Jakarta", "Kopi Senja Jkt"),  # its own page, beside client "Kopi Senja"
        "branded": who("Senja Roasters", "Kopi Senja", brand="Kopi Senja"),  # its brand is that page's name
        "kopi": who("Kopi Senja", "Kopi Senja"),
    }
    refused = posts_of_others(identities)
    assert set(refused) == {"mixed", "books-ltd", "alpha", "harbour", "bank"}
    assert "account 'Harbour Books', which is the name of client 'harbour-books' of the roster" in refused["mixed"]
    assert "give the client its name as `branding: {name: ...}`" in Translator("en").message(refused["alpha"])
    # rendering 'mixed' alone (--client mixed), the roster's other clients still count
    assert set(posts_of_others(identities, batch={"mixed", "acme-en"})) == {"mixed"}
    # a brand shared by two display names does not make them one business
    shared_brand = {"a": Identity(who=frozenset({"Shop A", "Kopi"}), accounts=frozenset({"Shop A"}), name="Shop A"),
                    "b": Identity(who=frozenset({"Shop B", "Kopi"}), accounts=frozenset({"Shop A"}), name="Shop B")}
    assert set(posts_of_others(shared_brand)) == {"b"}


def test_a_client_whose_exports_hold_a_post_of_another_client_is_refused_before_rendering():
    """The report prints no post ids, so a post of another client's exports (a row copied into this client's
    file, a newer export saved in the wrong folder) would pass the check of the finished page: the ids both
    clients' exports hold refuse the render first, whichever client is rendered, unless they are one business."""
    identities = {
        "a": Identity(post_ids=frozenset({"111111111", "222222222"}), who=frozenset({"Shop A"}), name="Shop A",
                      posts=frozenset({("111111111", "Shop A"), ("222222222", "Shop B")})),
        "b": Identity(post_ids=frozenset({"222222222", "333333333"}), who=frozenset({"Shop B"}), name="Shop B",
                      posts=frozenset({("222222222", "Shop B"), ("333333333", "Shop B")})),
        "c": Identity(post_ids=frozenset({"444444444"}), who=frozenset({"Shop C"}), name="Shop C"),
        "c-id": Identity(post_ids=frozenset({"444444444"}), who=frozenset({"Shop C"}), name="shop  c"),
    }
    refused = posts_of_others(identities)
    assert set(refused) == {"a", "b"}
    text = Translator("en").message(refused["a"])
    assert ("1 post that the exports of client 'b' of the roster hold too, under the same account (post id"
            " 222222222, account 'Shop B')") in text
    # a post both accounts published together is in each one's exports under its own account: not refused
    collab = {"a": Identity(post_ids=frozenset({"555555555"}), who=frozenset({"Shop A"}), name="Shop A",
                            posts=frozenset({("555555555", "shop_a")})),
              "b": Identity(post_ids=frozenset({"555555555"}), who=frozenset({"Shop B"}), name="Shop B",
                            posts=frozenset({("555555555", "shop_b")}))}
    assert posts_of_others(collab) == {}
    copied = {**collab, "b": dataclasses.replace(collab["b"], posts=frozenset({("555555555", "Shop_A ")}))}
    assert set(posts_of_others(copied)) == {"a", "b"}
    # an export naming no account (a YouTube table) cannot tell a post published together from a copy: refused
    untold = {**collab, "b": dataclasses.replace(collab["b"], posts=frozenset({("555555555", "")}))}
    refused = posts_of_others(untold)
    assert set(refused) == {"a", "b"}
    assert "(post id 555555555), and one of them names no account" in Translator("en").message(refused["a"])
    assert "tidak menyebut akun" in Translator("id").message(refused["b"])
    assert set(posts_of_others(identities, batch={"b"})) == {"b"}
    assert "klien 'a'" in Translator("id").message(refused["b"])


def test_one_business_is_one_display_name_and_never_two_blank_ones():
    from helpers.clients import same_business

    assert same_business("Kopi  Senja", "kopi senja")
    assert not same_business("Kopi Senja", "Kopi Senja (Bahasa Indonesia)")
    assert not same_business("", "") and not same_business(None, None)


def test_the_identity_cache_reads_each_clients_exports_once_and_again_when_a_file_changes(tmp_path, monkeypatch):
    """`render --client X` needs every roster client's post ids: read once, they are kept under the reports folder
    and taken from there while the files are the same, by content (a file rewritten with the same size and time
    is read again), so one client rendered again does not import the whole roster."""
    import os
    import shutil

    from helpers import render
    from helpers.render import IdentityCache, client_identity

    exports = tmp_path / "exports"
    exports.mkdir()
    for path in (DEMO_DIR / "kopi-senja").glob("*.csv"):
        shutil.copy2(path, exports / path.name)
    acme = client(exports=(f"{exports}/*.csv",))
    cache_file = tmp_path / "cache" / "post-identities.json"
    reads = []
    real_read = render._posts_identity
    monkeypatch.setattr(render, "_posts_identity", lambda c: reads.append(c.id) or real_read(c))

    cache = IdentityCache(cache_file)
    first = client_identity(acme, cache)
    cache.save()
    assert reads == ["acme"] and len(first.post_ids) > 100 and "Kopi Senja" in first.accounts
    again = client_identity(acme, IdentityCache(cache_file))
    assert reads == ["acme"] and again == first  # taken from the cache, not read again

    # one digit of one post id changed: same size, same modification time, other contents
    target = next(p for p in sorted(exports.glob("*.csv")) if sorted(first.post_ids)[0] in p.read_text("utf-8-sig"))
    old_id = sorted(first.post_ids)[0]
    new_id = old_id[:-1] + ("1" if old_id[-1] != "1" else "2")
    stat = target.stat()
    target.write_bytes(target.read_bytes().replace(old_id.encode(), new_id.encode()))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert target.stat().st_size == stat.st_size
    changed = client_identity(acme, IdentityCache(cache_file))
    assert reads == ["acme", "acme"] and new_id in changed.post_ids and old_id not in changed.post_ids

    # a cache that is no JSON is ignored, and exports that do not load are not kept
    cache_file.write_text("{not json", encoding="utf-8")
    cache = IdentityCache(cache_file)
    assert client_identity(acme, cache) == changed and reads == ["acme"] * 3
    cache.save()
    entries = json.loads(cache_file.read_text(encoding="utf-8"))
    assert len(entries) == 1  # rewritten with the one entry read since
    broken = client(id="broken", exports=(str(DEMO_DIR / "kopi-senja"),))  # a folder, not files: does not load
    cache = IdentityCache(cache_file)
    assert client_identity(broken, cache).post_ids == frozenset()
    cache.save()
    assert json.loads(cache_file.read_text(encoding="utf-8")) == entries

    # an entry unused for IDENTITY_CACHE_DAYS is dropped when the cache is next written
    stale = {key: {**entry, "used": "2000-01-01"} for key, entry in entries.items()}
    cache_file.write_text(json.dumps(stale), encoding="utf-8")
    cache = IdentityCache(cache_file)
    cache.put(client(id="other", exports=(f"{DEMO_DIR}/harbour-books/*.csv",)), {"posts": {"123456789": "Page"},
                                                                                "labels": []})
    cache.save()
    assert not set(json.loads(cache_file.read_text(encoding="utf-8"))) & set(entries)

    # a cache that cannot be written (a folder where the file goes) is left as it is, no temporary file beside
    blocked = tmp_path / "blocked"
    (blocked / "post-identities.json").mkdir(parents=True)
    cache = IdentityCache(blocked / "post-identities.json")
    client_identity(acme, cache)
    cache.save()
    assert [p.name for p in blocked.iterdir()] == ["post-identities.json"]

    # by default the cache is in the workbook's cache folder, never under a reports folder
    monkeypatch.setenv("WORKBOOK_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert IdentityCache().path == tmp_path / "elsewhere" / "post-identities.json"


def test_html_with_a_path_of_this_machine_or_code_is_refused():
    me = client()
    base = PAGE.replace('<script src="https://cdn.example/require.js"></script>', "")
    assert check_html(base.replace("{content}", "fine"), me) == []
    for content, problem in [
        (f"read from {PROJECT_ROOT}/data/raw/acme.csv", "a path of this machine"),
        (f"{DEMO_DIR}/kopi-senja", "a path of this machine"),
        ('period_start = "2026-09-01"', "parameters cell"),
        ("Traceback (most recent call last):", "traceback"),
        ('<img src=x onerror="alert(1)">',
         "the HTML holds an element <img> with an event-handler attribute onerror= (script)"),
        ("<style>@import 'https://cdn.example/x.css';</style>",
         "the HTML holds a stylesheet that loads something from outside the file"),
    ]:
        problems = check_html(base.replace("{content}", content), me)
        assert any(problem in p for p in problems), (content, problems)
    assert "does not name the client" in check_html(base.replace("Acme Coffee", "Someone"), me)[0]


@pytest.mark.parametrize("bad_id", ["../x", "/etc", "two words", "a/b", "..", "", "_failed", ".render-1"])
def test_path_unsafe_ids_are_refused_before_anything_is_written(tmp_path, bad_id):
    with pytest.raises(WorkbookError, match="not path-safe"):
        check_client_id(bad_id)
    out = tmp_path / "reports"
    with pytest.raises(WorkbookError, match="not path-safe"):
        render_all([client(id=bad_id)], out)
    assert not out.exists()


def test_a_client_given_twice_to_render_all_is_refused_in_the_readers_language(tmp_path):
    out = tmp_path / "reports"
    with pytest.raises(WorkbookError) as info:
        render_all([client(), client(name="Acme Again")], out)
    assert Translator("id").message(info.value.args[0]) == (
        "id klien 'acme' diberikan dua kali: setiap klien memerlukan foldernya sendiri di folder keluaran; beri salah"
        " satunya id lain")
    assert not out.exists()


def test_roster_errors_are_all_listed_before_anything_runs(tmp_path, capsys):
    (tmp_path / "not-a-logo.png").write_text("hello", encoding="utf-8")
    roster = tmp_path / "clients.yml"
    roster.write_text(f"""
clients:
  - id: ../up
    name: Up
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: {{start: 2026-09-01, end: 2026-10-31}}
  - id: two words
    name: ""
    exports: [data/demo/none-*.csv, nowhere.csv]
    timezone: UTC
    period: {{start: 2026-02-30, end: 2026-10-31}}
    colour: red
  - id: branded
    name: Branded
    exports: [data/demo/harbour-books/*.csv]
    timezone: UTC
    period: last full month
    branding: {{name: 42, accent_colour: red, logo: "{tmp_path / 'not-a-logo.png'}"}}
""", encoding="utf-8")
    out = tmp_path / "out"
    status = main(["render", "--clients", str(roster), "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 2 and not out.exists()
    for expected in ["client '../up': key 'id'", "client 'two words': key 'id'",
                     "client 'two words': key 'name' is empty; expected non-empty text",
                     "the pattern 'data/demo/none-*.csv' matches no file", "file not found: nowhere.csv",
                     "key 'period.start': '2026-02-30' is not a date", "unknown key 'colour'",
                     "key 'branding.name' is 42; expected non-empty text: YAML reads an unquoted number",
                     "key 'branding.accent_colour' is 'red'",
                     "is not a PNG or SVG image"]:
        assert expected in err, expected
    assert "has 10 problems" in err
    with pytest.raises(RosterError):
        load_roster(roster)


def test_warmup_imports_without_leaving_names_behind():
    code = warmup_code(REPORT_NOTEBOOK)
    assert "helpers.report" in code
    namespace: dict = {}
    gc.unfreeze()  # whatever an earlier test froze in this process
    assert gc.get_freeze_count() == 0
    exec(code, namespace)  # noqa: S102 - the project's own generated code
    assert set(namespace) == {"__builtins__"}
    assert "helpers.report" in sys.modules
    assert gc.get_freeze_count() > 0  # the libraries' objects are left out of collection
    gc.unfreeze()


def test_index_escapes_and_lists_records(tmp_path):
    (tmp_path / "evil").mkdir()
    (tmp_path / "evil" / "render.json").write_text(
        '{"client": "evil", "name": "<img src=x onerror=alert(1)>", "status": "failed", '
        '"attempted_at": "2026-11-01T10:00:00+00:00", "error": "<script>x</script>", "failed_cell": 3, '
        '"report": null}', encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "report.html").write_text("old", encoding="utf-8")
    (tmp_path / "_failed").mkdir()
    (tmp_path / ".render-1-x").mkdir()
    records = collect_records(tmp_path)
    assert [r["client"] for r in records] == ["evil", "legacy"]
    page = index_html(records)
    assert live_content(page) == []
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "cell 3" in page and "no good report yet" in page
    assert '<a href="legacy/report.html">legacy</a>' in page
    # no good report yet: the period the attempt was for, not n/a; with one, the period of the report linked
    record = {**records[0], "asked": {"period_start": "2026-09-01", "period_end": "2026-10-31"}}
    assert "<td>Sept to Oct 2026</td>" in index_html([record])  # babel's English short month
    good = {**record, "report": {"html": "report.html", "period_start": "2026-07-01", "period_end": "2026-08-31"}}
    assert "<td>Jul to Aug 2026</td>" in index_html([good])


def test_the_index_speaks_the_commands_language(tmp_path):
    from helpers.i18n import Translator
    from helpers.index_page import write_index

    records = [{"client": "a", "name": "A", "status": "failed", "error": "x", "failed_cell": 2,
                "attempted_at": "2026-11-01T10:00:00+00:00",
                "report": {"html": "report.html", "period_start": "2026-09-01", "period_end": "2026-10-31",
                           "rendered_at": "2026-10-31T09:30:00+00:00", "seconds": 4.25}}]
    page = index_html(records, Translator("id"))
    assert '<html lang="id">' in page and "<h1>Laporan klien</h1>" in page
    assert "Sep hingga Okt 2026" in page and ("4,2 dtk" in page or "4,3 dtk" in page)
    assert "sel 2: x" in page and "laporan yang ditautkan adalah laporan terakhir yang berhasil" in page
    body = page[page.index("<body>"):]
    assert "Client reports" not in page and "failed" not in body.replace('class="failed"', "").replace("_failed/", "")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "render.json").write_text(json.dumps(records[0]), encoding="utf-8")
    assert "Laporan klien" in write_index(tmp_path, "id").read_text(encoding="utf-8")


def test_index_shows_a_pdf_problem_beside_ok_and_cuts_long_errors_at_a_word(tmp_path):
    long_error = "expected: a number with a decimal point " + "or a decimal comma " * 20 + "END"
    records = [{"client": "a", "name": "A", "status": "ok", "error": "PDF: Chromium printed no PDF",
                "report": {"html": "report.html"}},
               {"client": "b", "name": "B", "status": "failed", "error": long_error, "report": None}]
    page = index_html(records)
    assert '<span class="ok">ok</span> (PDF: Chromium printed no PDF)' in page
    shown = page[page.index("expected: a number"):page.index(" …")]
    assert shown.split()[-1] in ("or", "a", "decimal", "comma") and "END" not in page  # cut at a word's end
    assert "_failed/b/error.txt" in page


def test_a_failed_clients_error_keeps_its_lines_and_links_its_whole_text():
    """The error's parts (the problem, what was expected, what to do) are lines in the terminal: the index
    shows each on a line of its own, escaped, rather than run into one sentence; the file holding the whole
    error is a link, relative to the index beside _failed/. An error of many lines shows its first six."""
    error = ("file <b>x.csv</b>: this is not a text export (an image?)\n  expected: a CSV or xlsx file\n"
             "  what to do: export the analytics again & point the workbook at it")
    records = [{"client": "b", "name": "B", "status": "failed", "error": error, "failed_cell": 3, "report": None},
               {"client": "c", "name": "C", "status": "failed", "report": None,
                "error": "\n".join(f"line {n}" for n in range(1, 9))}]
    for language, whole in (("en", "the whole error is in"), ("id", "galat lengkapnya ada di")):
        page = index_html(records, Translator(language))
        cell = Translator(language).t("cli.cell", number=3)
        assert (f"{cell}: file &lt;b&gt;x.csv&lt;/b&gt;: this is not a text export (an image?)<br>expected: a CSV or"
                " xlsx file<br>what to do: export the analytics again &amp; point the workbook at it<br><em>(") in page
        assert f'{whole} <a href="_failed/b/error.txt">_failed/b/error.txt</a>)</em>' in page
        assert "line 6<br>…<br><em>" in page and "line 7" not in page
        assert live_content(page) == []


def test_a_failure_recorded_without_a_notebook_run_still_leaves_its_error_file(tmp_path):
    """A worker that stopped records the failure directly: error.txt (which the index points to) is written,
    and an executed notebook from an older failure is removed, not shown as this one's."""
    from helpers.render import record_failure

    acme = client()
    old = tmp_path / "_failed" / acme.id
    old.mkdir(parents=True)
    (old / "report.ipynb").write_text("{}", encoding="utf-8")
    (old / "error.txt").write_text("an older error", encoding="utf-8")
    record_failure(tmp_path, acme, "the render worker stopped")
    assert (old / "error.txt").read_text(encoding="utf-8").endswith("\nthe render worker stopped")
    assert not (old / "report.ipynb").exists()


def test_the_pdf_message_says_whether_chromium_is_missing_or_wrongly_named(monkeypatch):
    from helpers.pdf import MISSING_CHROMIUM, missing_chromium_message

    monkeypatch.delenv("WORKBOOK_CHROMIUM", raising=False)
    assert missing_chromium_message() == MISSING_CHROMIUM and "apt-get install chromium" in MISSING_CHROMIUM
    monkeypatch.setenv("WORKBOOK_CHROMIUM", "/nonexistent/chrome")
    assert ("WORKBOOK_CHROMIUM is set to '/nonexistent/chrome', which is not an executable Chromium"
            in missing_chromium_message())


def test_the_pdf_message_speaks_the_commands_language(monkeypatch):
    from helpers.pdf import missing_chromium_message

    indonesian = Translator("id")
    monkeypatch.delenv("WORKBOOK_CHROMIUM", raising=False)
    missing = indonesian.message(missing_chromium_message())
    assert missing != str(missing_chromium_message()) and "belum terpasang" in missing
    assert "sudo apt-get install chromium" in missing  # the command itself stays as it is typed
    monkeypatch.setenv("WORKBOOK_CHROMIUM", "/nonexistent/chrome")
    assert "'/nonexistent/chrome', yang bukan program Chromium" in indonesian.message(missing_chromium_message())


def _fake_chromium(folder, script: str) -> str:
    """A program in Chromium's place that prints no PDF: `script` is its shell body."""
    program = folder / "fake-chromium"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(0o755)
    return str(program)


@pytest.mark.parametrize("script, english, indonesian", [
    ("echo 'cannot open display' >&2; exit 3", "Chromium printed no PDF (exit status 3): cannot open display",
     "Chromium tidak mencetak PDF (status keluar 3): cannot open display"),
    ("exit 0", "and said nothing: check that", "dan tidak memberi keterangan apa pun"),
    ("sleep 30", "did not finish printing within 1 s", "belum selesai mencetak dalam 1 dtk"),
])
def test_a_failed_print_is_explained_in_the_commands_language(tmp_path, script, english, indonesian):
    from helpers.pdf import PdfError, print_pdf

    page = tmp_path / "report.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(PdfError) as error:
        print_pdf(page, tmp_path / "report.pdf", _fake_chromium(tmp_path, script), tmp_path, timeout=1)
    assert english in str(error.value) and english in error.value.problem
    shown = Translator("id").message(Message("cli.problem.pdf", problem=error.value.problem))
    assert shown.startswith("PDF gagal: ") and indonesian in shown and english not in shown


@pytest.mark.parametrize("fragment, indonesian", [
    ("<script>alert(1)</script>", "elemen <script>"),
    ('<svg><g onload="alert(1)"></g></svg>', "<g> dengan atribut event handler onload= (skrip)"),
    ('<a href="javascript:alert(1)">x</a>', "<a> dengan URL javascript: di href="),
    ('<img src="https://tracker.example/pixel.gif">', "yang mengambil 'https://tracker.example/pixel.gif' dari luar berkas"),
    ('<p style="background: url(https://x.example/a.png)">x</p>', "<p> dengan atribut style yang mengambil"),
    ("<style>@import 'https://x.example/a.css';</style>", "stylesheet yang mengambil sesuatu dari luar berkas"),
])
def test_live_content_is_named_in_the_commands_language(fragment, indonesian):
    page = PAGE.replace("{content}", fragment).replace('<script src="https://cdn.example/require.js"></script>', "")
    problems = live_content(page)
    assert len(problems) == 1, problems
    shown = Translator("id").message(problems[0])
    assert indonesian in shown and shown != str(problems[0])
    refused = check_html(page, client())  # as the renderer reports it, in either language
    assert any(p.key == "cli.problem.live_content" and Translator("id").message(p) == f"HTML memuat {shown}"
               for p in refused), refused


def test_every_pdf_and_live_content_text_is_in_both_catalogues_and_translated():
    english, indonesian = catalogue("en"), catalogue("id")
    keys = sorted(k for k in english if k.startswith(("cli.pdf.", "cli.live.")))
    assert {"cli.pdf.missing_chromium", "cli.pdf.no_pdf", "cli.live.element", "cli.live.remote"} <= set(keys)
    assert [k for k in keys if k not in indonesian] == []
    assert [k for k in keys if indonesian[k] == english[k]] == []
    assert not [k for k in indonesian if k.startswith(("cli.pdf.", "cli.live.")) and k not in english]


def test_help_names_the_new_options():
    done = subprocess.run([sys.executable, "-m", "helpers", "render", "--help"], capture_output=True, text=True,
                          cwd=PROJECT_ROOT)
    assert done.returncode == 0
    for option in ("--client", "--jobs", "--pdf", "--out", "--clients"):
        assert option in done.stdout
    assert re.search(r"--jobs.*\n?.*cores", done.stdout)


def test_a_failure_is_recorded_in_the_commands_language(tmp_path):
    """render.json and error.txt hold a failure as the summary shows it: in the command's language, so an
    Indonesian index does not show an English error (the record used to keep a Message's English text)."""
    from helpers.index_page import write_index
    from helpers.render import Renderer, Task

    renderer = Renderer.__new__(Renderer)  # a refused client fails before any kernel is asked for
    refused = Message("cli.problem.refused", account="Harbour Books", other="harbour-books")
    result = renderer.render(Task(client(), str(tmp_path), refused=refused, language="id"))
    assert not result.ok and result.error == refused  # the summary translates it itself
    shown = Translator("id").message(refused)
    assert shown != str(refused) and "Harbour Books" in shown and "di daftar klien (" in shown  # not "roster"
    record = json.loads((tmp_path / "_records" / "acme.json").read_text(encoding="utf-8"))
    assert record["error"] == shown
    # no good report yet: the record keeps the period asked for, which the index shows instead of n/a
    assert record["report"] is None
    assert record["asked"] == {"period_start": "2026-09-01", "period_end": "2026-10-31"}
    assert (tmp_path / "_failed" / "acme" / "error.txt").read_text(encoding="utf-8").splitlines()[1] == shown
    page = write_index(tmp_path, "id").read_text(encoding="utf-8")
    assert "its exports hold posts" not in page and "ekspornya memuat unggahan akun &#x27;Harbour Books&#x27;" in page
    assert "<td>Sep hingga Okt 2026</td>" in page


def test_the_error_file_names_the_cell_in_the_commands_language_without_empty_brackets(tmp_path):
    from helpers.render import Renderer, Task

    renderer = Renderer.__new__(Renderer)
    task = Task(client(), str(tmp_path), language="id")
    work = tmp_path / "work"
    work.mkdir()
    renderer._fail(task, work, 0.0, {}, "berkas x.csv: kosong", failed_cell=3)
    assert (tmp_path / "_failed" / "acme" / "error.txt").read_text(encoding="utf-8").splitlines()[1] == \
        "sel 3: berkas x.csv: kosong"
    renderer._fail(task, work, 0.0, {}, "ValueError: x", failed_cell=4, failed_source="posts = load(x)")
    assert (tmp_path / "_failed" / "acme" / "error.txt").read_text(encoding="utf-8").splitlines()[1] == \
        "sel 4 (posts = load(x)): ValueError: x"


def _finished_run(tmp_path):
    """A render whose report and executed notebook wait in the work folder, and the last good report of
    the client (report, notebook, record) in place."""
    from helpers.index_page import write_record
    from helpers.render import Renderer, Task, new_record

    renderer = Renderer.__new__(Renderer)
    task = Task(client(), str(tmp_path / "reports"), language="id")
    work = tmp_path / "reports" / ".work"
    work.mkdir(parents=True)
    (work / "report.html").write_text("new report", encoding="utf-8")
    (work / "report.ipynb").write_text("new notebook", encoding="utf-8")
    executed = tmp_path / "reports" / "_executed" / "acme"
    executed.mkdir(parents=True)
    (executed / "report.ipynb").write_text("good notebook", encoding="utf-8")
    target = tmp_path / "reports" / "acme"
    target.mkdir()
    good = {"html": "report.html", "period_start": "2026-09-01", "period_end": "2026-10-31"}
    write_record(tmp_path / "reports", "acme", new_record(None, client="acme", name="Acme Coffee", ok=True,
                                                         attempted_at="2026-11-01T10:00:00+07:00", seconds=9.0,
                                                         timings={}, report=good))
    return renderer, task, work, target, executed


def test_a_report_that_cannot_be_put_in_place_fails_the_client_with_what_to_do(tmp_path):
    """A folder where the report goes: the client fails, in the command's language, with its real time and
    what to do; the executed notebook stays the good report's, and the index shows the failure."""
    from helpers.index_page import write_index

    renderer, task, work, target, executed = _finished_run(tmp_path)
    (target / "report.html").mkdir()
    with pytest.raises(WorkbookError) as info:
        renderer._commit(task, work, 0.0, {}, "")
    assert Translator("en").message(info.value.args[0]) == (
        f"{target / 'report.html'} is a folder, where the report goes: the new report was not kept; move or"
        " remove that folder, then render again")
    assert (executed / "report.ipynb").read_text(encoding="utf-8") == "good notebook"
    assert (work / "report.html").read_text(encoding="utf-8") == "new report"
    failed = renderer._fail(task, work, 12.5, {}, info.value.args[0])
    assert not failed.ok and failed.seconds > 0
    page = write_index(tmp_path / "reports", "id").read_text(encoding="utf-8")
    assert 'class="failed">gagal</span>' in page and "adalah sebuah folder, padahal laporan disimpan di sana" in page
    assert '<a href="acme/report.html">' in page  # the last good report is still linked


def test_a_client_folder_that_refuses_writes_is_named_and_its_failure_still_reaches_the_index(tmp_path, monkeypatch):
    import errno
    import tempfile

    from helpers import render
    from helpers.index_page import write_index

    renderer, task, work, target, executed = _finished_run(tmp_path)
    real_mkstemp, real_write = tempfile.mkstemp, render.write_json_atomically

    def mkstemp(*args, dir=None, **kwargs):  # reports/acme/ is read-only (as root, chmod would not stop us)
        if dir is not None and Path(dir) == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(target / ".write-check-x"))
        return real_mkstemp(*args, dir=dir, **kwargs)

    def write(path, data):
        if path.parent == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_write(path, data)

    monkeypatch.setattr(render.tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(render, "write_json_atomically", write)
    with pytest.raises(WorkbookError) as info:
        renderer._commit(task, work, 0.0, {}, "")
    assert Translator("id").message(info.value.args[0]).startswith(
        f"laporan baru tidak dapat disimpan di {target} (izin ditolak): periksa izin folder itu")
    assert (executed / "report.ipynb").read_text(encoding="utf-8") == "good notebook"
    renderer._fail(task, work, 3.0, {}, info.value.args[0])
    # the record is kept outside the refusing folder: the failure is recorded, beside the last good report
    record = json.loads((tmp_path / "reports" / "_records" / "acme.json").read_text(encoding="utf-8"))
    assert record["status"] == "failed" and record["report"]["html"] == "report.html"
    assert sorted(p.name for p in target.iterdir()) == []
    page = write_index(tmp_path / "reports", "id").read_text(encoding="utf-8")
    assert 'class="failed">gagal</span>' in page and "laporan baru tidak dapat disimpan" in page
    assert '<a href="acme/report.html">' in page


def test_a_file_where_the_reports_folder_goes_is_named_and_its_failure_reaches_the_index(tmp_path):
    """reports/acme made a file: the message names that file and says to move or rename it (not the
    permissions of reports/), and the index, which finds the failure under _failed/acme/, shows acme failed."""
    import shutil

    from helpers.index_page import write_index

    renderer, task, work, target, executed = _finished_run(tmp_path)
    shutil.rmtree(target)
    target.write_text("x\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as info:
        renderer._commit(task, work, 0.0, {}, "")
    assert Translator("en").message(info.value.args[0]) == (
        f"{target} is a file, where the report's folder goes: the new report was not kept; move or rename that"
        " file, then render again")
    assert Translator("id").message(info.value.args[0]) == (
        f"{target} adalah sebuah berkas, padahal folder laporan disimpan di sana: laporan baru tidak disimpan;"
        " pindahkan atau ganti nama berkas itu, lalu render lagi")
    assert (executed / "report.ipynb").read_text(encoding="utf-8") == "good notebook"
    renderer._fail(task, work, 3.0, {}, info.value.args[0])
    assert target.read_text(encoding="utf-8") == "x\n"  # the file is left as it was
    records = collect_records(tmp_path / "reports")
    assert [(r["client"], r["status"], r["report"]) for r in records] == [("acme", "failed", None)]
    page = write_index(tmp_path / "reports", "en").read_text(encoding="utf-8")
    assert 'class="failed">failed</span>' in page and "is a file, where the report&#x27;s folder goes" in page
    assert '<a href="acme/' not in page  # nothing to link: reports/acme is no folder


def test_the_index_lists_a_failure_whose_client_folder_is_missing(tmp_path):
    """A failure recorded only under _failed/<id>/ (its folder gone) still has a row; _failed/ entries
    without a record (an executed notebook only) have none, and a folder's own record wins when newer."""
    (tmp_path / "_failed" / "gone").mkdir(parents=True)
    (tmp_path / "_failed" / "gone" / "render.json").write_text(
        '{"client": "gone", "name": "Gone Books", "status": "failed", "attempted_at": "2026-11-02T10:00:00+00:00",'
        ' "error": "e", "report": {"html": "report.html"}}', encoding="utf-8")
    (tmp_path / "_failed" / "notebook-only").mkdir()
    (tmp_path / "_failed" / "notebook-only" / "report.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / "render.json").write_text(
        '{"client": "here", "name": "Here", "status": "ok", "attempted_at": "2026-11-03T10:00:00+00:00",'
        ' "report": {"html": "report.html"}}', encoding="utf-8")
    (tmp_path / "_failed" / "here").mkdir()
    (tmp_path / "_failed" / "here" / "render.json").write_text(
        '{"client": "here", "status": "failed", "attempted_at": "2026-11-01T10:00:00+00:00"}', encoding="utf-8")
    records = collect_records(tmp_path)
    assert [(r["client"], r["status"], r["report"]) for r in records] == [
        ("gone", "failed", None), ("here", "ok", {"html": "report.html"})]
    # an older version's records are moved out of the client folders once read, and read from there again
    assert not (tmp_path / "here" / "render.json").exists()
    assert not (tmp_path / "_failed" / "here" / "render.json").exists()
    assert sorted(p.name for p in (tmp_path / "_records").iterdir()) == ["gone.json", "here.json"]
    assert [(r["client"], r["status"], r["report"]) for r in collect_records(tmp_path)] == [
        ("gone", "failed", None), ("here", "ok", {"html": "report.html"})]


def test_an_older_version_rendering_after_this_one_has_its_later_record_kept(tmp_path):
    """A second clone of an older version renders into the folder after this one: its reports/<id>/render.json
    is newer than reports/_records/<id>.json. The later attempt is kept (moved to _records/), the other removed,
    so the index shows the period of the report the folder holds and the client's folder holds no record."""
    from helpers.index_page import read_record, write_index

    def record(name, status, when, period=None):
        report = {"html": "report.html", "period_start": period[0], "period_end": period[1]} if period else None
        return json.dumps({"client": "kopi", "name": name, "status": status, "attempted_at": when,
                           "report": report})

    (tmp_path / "_records").mkdir()
    (tmp_path / "kopi").mkdir()
    (tmp_path / "kopi" / "report.html").write_text("<p>November</p>", encoding="utf-8")
    (tmp_path / "_records" / "kopi.json").write_text(
        record("Kopi Senja", "ok", "2026-11-02T09:00:00+07:00", ("2026-10-01", "2026-10-31")), encoding="utf-8")
    # the older version's, a day later; written at 03:00 UTC = 10:00 +07:00, later than 09:00 +07:00
    (tmp_path / "kopi" / "render.json").write_text(
        record("Kopi Senja", "ok", "2026-11-02T03:00:00+00:00", ("2026-11-01", "2026-11-30")), encoding="utf-8")
    assert read_record(tmp_path, "kopi")["report"]["period_start"] == "2026-11-01"
    assert not (tmp_path / "kopi" / "render.json").exists()
    assert sorted(p.name for p in (tmp_path / "kopi").iterdir()) == ["report.html"]
    kept = json.loads((tmp_path / "_records" / "kopi.json").read_text(encoding="utf-8"))
    assert kept["attempted_at"] == "2026-11-02T03:00:00+00:00"
    page = write_index(tmp_path, "en").read_text(encoding="utf-8")
    assert "<td>Nov 2026</td>" in page and "Oct 2026" not in page

    # an older render.json left behind, earlier than the record kept: removed, the record stays
    (tmp_path / "kopi" / "render.json").write_text(
        record("Kopi Senja", "ok", "2026-10-02T09:00:00+07:00", ("2026-09-01", "2026-09-30")), encoding="utf-8")
    assert read_record(tmp_path, "kopi")["report"]["period_start"] == "2026-11-01"
    assert not (tmp_path / "kopi" / "render.json").exists()

    # the older version's failure, later still, knows no report (it did not read _records/): the last good
    # report stays linked, and a failure of another business with that id does not take it over
    (tmp_path / "kopi" / "render.json").write_text(
        record("Kopi Senja", "failed", "2026-11-03T09:00:00+07:00"), encoding="utf-8")
    failed = read_record(tmp_path, "kopi")
    assert (failed["status"], failed["attempted_at"]) == ("failed", "2026-11-03T09:00:00+07:00")
    assert failed["report"]["period_start"] == "2026-11-01"
    (tmp_path / "kopi" / "render.json").write_text(
        record("Toko Lain", "failed", "2026-11-04T09:00:00+07:00"), encoding="utf-8")
    assert read_record(tmp_path, "kopi")["report"] is None


def test_the_command_names_its_roster_and_one_left_unread_in_the_folder(tmp_path, monkeypatch, capsys):
    """Run from a folder holding a clients.yml, without --clients: the project's roster is read, and said so."""
    from helpers.paths import DEFAULT_ROSTER
    (tmp_path / "clients.yml").write_text("clients:\n  - {id: mine}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--client", "nobody"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out == [f"Roster: {DEFAULT_ROSTER}",
                   f"This folder holds clients.yml, which is not the roster read: the command reads the project's"
                   f" {DEFAULT_ROSTER} unless told otherwise; to read the one here, add --clients clients.yml"]
    assert main(["render", "--client", "nobody", "--language", "id"]) == 2
    assert capsys.readouterr().out.splitlines()[1].startswith("Folder ini berisi clients.yml, yang bukan daftar klien")
    assert main(["render", "--clients", "clients.yml"]) == 2  # the one here, named: no second line
    assert capsys.readouterr().out.splitlines() == ["Roster: clients.yml"]
    monkeypatch.chdir(DEFAULT_ROSTER.parent)  # the project's own roster, from its folder: nothing to point out
    assert main(["render", "--client", "nobody"]) == 2
    assert capsys.readouterr().out.splitlines() == ["Roster: clients.yml"]


def test_a_path_of_this_machine_is_found_without_its_leading_slash_and_unescaped(tmp_path):
    """A label relative to '/' shows a path without its first '/'; a folder holding '&' or an apostrophe is
    escaped in the HTML ('Sales &amp; Marketing') and found in the page's visible text."""
    import html

    folder = tmp_path / "Sales & Marketing" / "Bob's clients"
    me = client(exports=(f"{folder}/*.csv",))
    base = PAGE.replace('<script src="https://cdn.example/require.js"></script>', "")
    for content in (f"{str(folder).lstrip('/')}/posts.csv", html.escape(f"{folder}/posts.csv"),
                    html.escape(f"{str(folder).lstrip('/')}/posts.csv")):
        problems = check_html(base.replace("{content}", content), me)
        assert any("a path of this machine" in p and str(folder) in p for p in problems), (content, problems)
    assert check_html(base.replace("{content}", f"{folder.name}/posts.csv"), me) == []


def _within(element: dict, outer: dict) -> bool:
    return any(e is outer for e in element["inside"])


def test_a_light_accent_colours_text_in_a_readable_shade_and_rules_in_the_brand_colour():
    """#F0E442 on white is 1.32:1: headings and the brand name take its shade #7F7823 (4.55:1, worked out in
    test_clients), borders keep the brand's yellow. A readable accent is its own text colour."""
    exported = PAGE.replace("{content}", "report body")
    css = next(e["text"] for e in reversed(page_elements(finish_page(exported, client(accent_colour="#F0E442"))))
               if e["tag"] == "style")
    assert "--report-accent: #F0E442;" in css and "--report-accent-text: #7F7823;" in css
    coloured = re.findall(r"([^{}]+)\{[^}]*(?<![-\w])color: var\((--report-accent[\w-]*)\)", css)
    assert {var for _, var in coloured} == {"--report-accent-text"}  # no text in the light brand colour
    assert any(".report-brand-name" in rule for rule, _ in coloured)
    assert any("h1" in rule and "h2" in rule for rule, _ in coloured)
    assert re.search(r"h2 \{ border-bottom: 1px solid var\(--report-accent\)", css)
    assert re.search(r"\.report-brand \{[^}]*border-bottom: 4px solid var\(--report-accent\)", css)
    readable = finish_page(exported, client(accent_colour="#0072B2"))
    assert "--report-accent: #0072B2; --report-accent-text: #0072B2;" in readable


def test_the_logo_is_not_read_before_the_brand_name_it_stands_beside(tmp_path):
    """The brand's name follows the logo as text: its alt text is empty, where "Kopi Senja logo" read the name
    twice, and in English on an Indonesian page."""
    from helpers.report_page import brand_header

    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    header = brand_header(client(brand_name="Kopi Senja", logo=str(logo), language="id"))
    (image,) = re.findall(r"<img [^>]*>", header)
    assert image.endswith(' alt="">') and "logo" not in header.replace('class="report-logo"', "")
    assert '<p class="report-brand-name">Kopi Senja</p>' in header


OUTPUTS = ('<div class="jp-Cell-outputWrapper"><div class="jp-OutputArea">'
           '<div class="jp-OutputArea-child"><div class="jp-RenderedHTMLCommon jp-OutputArea-output"'
           ' data-mime-type="text/html" tabindex="0"><h2>Summary</h2><div class="x"><p>text</p></div></div></div>'
           '<div class="jp-OutputArea-child"><div class="jp-RenderedHTMLCommon jp-OutputArea-output"'
           ' data-mime-type="text/html" tabindex="0"><div><table class="report-table"><tr><td>1</td></tr></table>'
           '</div></div></div>'
           '<div class="jp-OutputArea-child"><div class="jp-RenderedHTMLCommon jp-OutputArea-output'
           ' jp-OutputArea-executeResult" data-mime-type="text/html" tabindex="0"><figure><img alt="a figure"'
           ' src="data:image/png;base64,iVBORw0KGgo="></figure></div></div></div></div>')


def test_only_outputs_holding_a_table_stay_focusable():
    """The exporter makes every output focusable (tabindex="0"), none of them interactive; an output holding a
    table keeps it, to be scrolled with the keyboard when it is wider than the screen."""
    page = finish_page(PAGE.replace("<p>{content}</p>", OUTPUTS), client())
    elements = page_elements(page)
    outputs = [e for e in elements if "jp-OutputArea-output" in e["attrs"].get("class", "")]
    holds_table = [any(t["tag"] == "table" and _within(t, o) for t in elements) for o in outputs]
    assert len(outputs) == 3 and holds_table == [False, True, False]
    assert [o["attrs"].get("tabindex") for o in outputs] == [None, "0", None]
    assert live_content(page) == []


def test_a_focusable_table_output_is_a_region_named_by_its_caption():
    """A kept tab stop was an unnamed group to a screen reader. It is a region named by its table's caption
    (given an id, one per table, none the page has already); a caption's own id is kept; a table without a
    caption names its region "Tabel" on an Indonesian page."""
    table = '<table class="report-table">{caption}<tr><th scope="row">reach</th><td>1</td></tr></table>'
    outputs = "".join(
        '<div class="jp-OutputArea-child"><div class="jp-RenderedHTMLCommon jp-OutputArea-output"'
        f' data-mime-type="text/html" tabindex="0">{content}</div></div>'
        for content in ('<h2 id="table-caption-1">Summary</h2>', table.format(caption="<caption>Reach</caption>"),
                        table.format(caption=""), table.format(caption='<caption id="own">Posts</caption>'),
                        table.format(caption="<caption>Formats</caption>")))
    page = finish_page(PAGE.replace("<p>{content}</p>", f'<div class="jp-OutputArea">{outputs}</div>'),
                       client(language="id"))
    elements = page_elements(page)
    outputs = [e for e in elements if "jp-OutputArea-output" in e["attrs"].get("class", "")]
    assert [(o["attrs"].get("role"), o["attrs"].get("aria-labelledby"), o["attrs"].get("aria-label"))
            for o in outputs] == [(None, None, None), ("region", "table-caption-2", None), ("region", None, "Tabel"),
                                  ("region", "own", None), ("region", "table-caption-5", None)]
    captions = [(e["attrs"].get("id"), e["text"]) for e in elements if e["tag"] == "caption"]
    assert captions == [("table-caption-2", "Reach"), ("own", "Posts"), ("table-caption-5", "Formats")]
    ids = [e["attrs"]["id"] for e in elements if "id" in e["attrs"]]
    assert len(ids) == len(set(ids))
    assert [o["attrs"].get("tabindex") for o in outputs] == [None, "0", "0", "0", "0"]
    assert live_content(page) == []


def test_the_index_has_a_main_landmark_holding_its_heading_and_table():
    """A screen reader's user jumps to the page's main content: the index had no <main>."""
    record = {"client": "kopi-senja", "name": "Kopi Senja", "status": "ok", "attempted_at": "2026-11-01T10:00:00+00:00",
              "report": {"html": "report.html", "period_start": "2026-09-01", "period_end": "2026-10-31"}}
    elements = page_elements(index_html([record]))
    (main,) = [e for e in elements if e["tag"] == "main"]
    assert {e["tag"] for e in elements if _within(e, main)} >= {"h1", "p", "table", "caption"}
    assert not [e["tag"] for e in elements if e["tag"] in ("h1", "table") and not _within(e, main)]


def test_the_index_table_is_captioned_and_scoped_and_each_pdf_link_names_its_client():
    """A screen reader's list of links reads "Kopi Senja (PDF)", "Harbour Books (PDF)", not "PDF" twice; the
    page scales on a phone (viewport) and its table says what it lists and which cells head what."""
    records = [{"client": cid, "name": name, "status": "ok", "attempted_at": "2026-11-01T10:00:00+00:00",
                "report": {"html": "report.html", "pdf": "report.pdf", "period_start": "2026-09-01",
                           "period_end": "2026-10-31"}}
               for cid, name in (("kopi-senja", "Kopi Senja"), ("harbour", "Harbour <Books>"))]
    for language, caption, names in (
            ("en", "Each client's latest good report, with the status of its last render",
             ["Kopi Senja", "Kopi Senja (PDF)", "Harbour <Books>", "Harbour <Books> (PDF)"]),
            ("id", "Laporan terakhir yang berhasil dari setiap klien, dengan status render terakhirnya",
             ["Kopi Senja", "PDF Kopi Senja", "Harbour <Books>", "PDF Harbour <Books>"])):
        page = index_html(records, Translator(language))
        elements = page_elements(page)
        assert any(e["tag"] == "meta" and e["attrs"].get("name") == "viewport"
                   and "width=device-width" in e["attrs"].get("content", "") for e in elements)
        assert [e["text"] for e in elements if e["tag"] == "caption"] == [caption]
        headers = [e for e in elements if e["tag"] == "th"]
        assert [h["attrs"].get("scope") for h in headers] == ["col"] * 5 + ["row"] * 2
        assert [" ".join(h["text"].split()) for h in headers[5:]] == [
            "Kopi Senja (PDF)kopi-senja", "Harbour <Books> (PDF)harbour"]  # the id below a <br>
        assert [e["attrs"].get("aria-label") or e["text"] for e in elements if e["tag"] == "a"] == names
        assert live_content(page) == []
    assert "tbody th { font-weight: normal; }" in page  # a client's cell looks as it did


def test_the_index_table_scrolls_in_a_region_named_by_its_caption_and_an_error_wraps_anywhere():
    """On a phone the index's table scrolls sideways inside its own region, a keyboard stop named by the table's
    caption (as a report's tables are), not the whole page; the page keeps a margin, and the status cell, where a
    failed client's error shows its path, may break that path anywhere."""
    record = {"client": "kopi-senja", "name": "Kopi Senja", "status": "failed", "attempted_at": "2026-11-01T10:00:00+00:00",
              "error": "No such file: /home/consultant/" + "x" * 120 + ".csv", "report": None}
    page = index_html([record], Translator("id"))
    elements = page_elements(page)
    (region,) = [e for e in elements if e["attrs"].get("role") == "region"]
    (table,) = [e for e in elements if e["tag"] == "table"]
    (caption,) = [e for e in elements if e["tag"] == "caption"]
    assert region["tag"] == "div" and region["attrs"].get("tabindex") == "0" and _within(table, region)
    assert region["attrs"]["aria-labelledby"] == caption["attrs"]["id"]
    assert caption["text"] == "Laporan terakhir yang berhasil dari setiap klien, dengan status render terakhirnya"
    assert region["attrs"].get("class") == "table-scroll" and ".table-scroll { overflow-x: auto;" in page
    (status,) = [e for e in elements if e["tag"] == "td" and "status" in e["attrs"].get("class", "")]
    assert "x" * 120 in status["text"] and "td.status { overflow-wrap: anywhere; }" in page
    assert "margin: 2em auto; padding: 0 1em;" in page
    assert live_content(page) == []


def test_a_path_or_another_clients_post_id_split_by_word_breaks_is_still_caught():
    """Tables put <wbr> into long words so a file name can wrap in print (display.breakable): a path of this
    machine, or another client's page-and-post id, with break points after its '/' and '_' must still be
    found, as the reader sees it whole."""
    from helpers.display import breakable

    me = client()
    base = PAGE.replace('<script src="https://cdn.example/require.js"></script>', "")
    path = breakable(f"{PROJECT_ROOT}/data/raw/acme_coffee_posts_2026.csv")
    assert "<wbr>" in path
    assert any("a path of this machine" in p for p in check_html(base.replace("{content}", path), me))
    post = "100000000000042_700000000000001"
    foreign = Foreign(post_ids=frozenset({post}), names=frozenset(), own_names=frozenset({"Acme Coffee"}))
    shown = base.replace("{content}", f"top post {breakable(post)}")
    assert "<wbr>" in shown and any(post in p for p in check_html(shown, me, foreign))
