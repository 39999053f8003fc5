"""A period whose exports cover it but hold no post published in it renders as a short report saying so, with
what the comparison period held; a period the exports do not cover is still an error.

The fixture (tests/fixtures/quiet) is a Business Suite posts export named for September and October 2026
holding three posts of September, and the page's daily reach in October. By hand, September's posts: reach
1,000 + 500 + 250 = 1,750; interactions (reactions + comments + shares) 13 + 5 + 5 = 23. The daily reach of
October is 100 + the day: 101 to 131, of which the daily figures count 1 to 30 October (31 October, the file's
last day, may be its download day): median 115.5, lowest 101, highest 130."""
import html
import json
import re
from pathlib import Path

import pytest

from helpers.__main__ import main
from helpers.errors import WorkbookError
from helpers.i18n import Translator
from helpers.report import build_report
from tests.conftest import FIXTURES
from tests.test_render import headings

QUIET = FIXTURES / "quiet"
POSTS = str(QUIET / "Sep-01-2026_Oct-31-2026_100000000000042.csv")

NO_POSTS_EN = "No posts were published from 1 October 2026 to 31 October 2026, so there are no posts to measure here."
FINDING_EN = ("Quiet Books published no posts on Facebook from 1 October 2026 to 31 October 2026, and the Facebook "
              "exports cover these days: the account published nothing then, which is no gap in the data. In the "
              "comparison period (1 September 2026 to 30 September 2026), Facebook had 3 posts, with a summed reach "
              "of 1,750 and 23 interactions.")
NO_POSTS_ID = ("Tidak ada unggahan yang dipublikasikan dari 1 Oktober 2026 hingga 31 Oktober 2026, sehingga tidak ada "
               "unggahan yang dapat diukur di sini.")
FINDING_ID = ("Quiet Books tidak memublikasikan unggahan di Facebook dari 1 Oktober 2026 hingga 31 Oktober 2026, dan "
              "ekspor Facebook mencakup hari-hari ini: akun ini memang tidak memublikasikan apa pun saat itu, jadi ini "
              "bukan data yang hilang. Pada periode pembanding (1 September 2026 hingga 30 September 2026), Facebook "
              "memiliki 3 unggahan, dengan jangkauan yang dijumlahkan sebesar 1.750 dan 23 interaksi.")


def visible_text(page: str) -> str:
    """The words a reader sees: the body without its tags, styles and figures' data."""
    body = re.sub(r"<style.*?</style>", " ", page[page.find("<body"):], flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """One batch: the quiet month in English and in Indonesian, and a month the export does not cover: one
    business (one name) three times, as only entries of one business may read the same export."""
    folder = tmp_path_factory.mktemp("quiet")
    roster = folder / "clients.yml"
    roster.write_text(f"""
clients:
  - id: quiet-en
    name: Quiet Books
    exports: ["{POSTS}", "{QUIET / 'Reach.csv'}"]
    timezone: Europe/London
    period: {{start: 2026-10-01, end: 2026-10-31}}
  - id: quiet-id
    name: Quiet Books
    exports: ["{POSTS}"]
    timezone: Europe/London
    language: id
    period: {{start: 2026-10-01, end: 2026-10-31}}
  - id: uncovered
    name: Quiet Books
    exports: ["{POSTS}"]
    timezone: Europe/London
    period: {{start: 2026-06-01, end: 2026-06-30}}
""", encoding="utf-8")
    out = folder / "reports"
    status = main(["render", "--clients", str(roster), "--out", str(out)])
    return status, out


def test_a_quiet_month_renders_as_a_short_report(rendered):
    status, out = rendered
    assert status == 1  # the uncovered client fails, and only it
    record = json.loads((out / "_records" / "quiet-en.json").read_text(encoding="utf-8"))
    assert record["status"] == "ok" and record["error"] == ""
    page = (out / "quiet-en" / "report.html").read_text(encoding="utf-8")
    text = visible_text(page)
    assert "Quiet Books: reach and engagement, 1 October 2026 to 31 October 2026" in text
    for heading in headings("en"):
        assert f">{heading}<" in page, heading
    assert FINDING_EN in text
    # the coverage note under the export table says "No posts", not "0 posts", with the 3 September posts
    assert ("No posts from 1 October 2026 to 31 October 2026; the comparison period (1 September 2026 to"
            " 30 September 2026) has 3 posts.") in text and "0 posts" not in text
    # lenses, disagreement, formats and timing, attention, benchmarks: one sentence each, no table or figure
    assert text.count(NO_POSTS_EN) == 6
    assert "<img" not in page and page.count("<table") == 3  # files read, definitions, glossary
    # the page's daily reach is shown, as in any report whose daily files cover the period: 31 October, the file's
    # last day (perhaps its download day), left out and said so; 101 to 130: median 115.5
    assert ("On Facebook, the page reached 116 accounts on a typical day of the period (the median day; lowest 101, "
            "highest 130; 30 of its 31 days in the daily series).") in text
    assert "Facebook: 31 October 2026, the last day of Reach.csv, is left out of the daily figures" in text
    for word in ("nan", "None", "n/a", "Traceback", "Error"):
        assert not re.search(rf"\b{re.escape(word)}\b", text), word
    # the glossary lists only the words the report shows: summed reach, quoted for the comparison period
    assert "95% CI" not in text and "Spearman" not in text and "median" not in text.replace("the median day", "")
    assert "Each post's reach added up" in text


def test_a_quiet_month_renders_in_indonesian(rendered):
    _, out = rendered
    page = (out / "quiet-id" / "report.html").read_text(encoding="utf-8")
    text = visible_text(page)
    for heading in headings("id"):
        assert f">{heading}<" in page, heading
    assert FINDING_ID in text and text.count(NO_POSTS_ID) == 6
    assert "<img" not in page and "No posts" not in text
    assert ("Tidak ada unggahan dari 1 Oktober 2026 hingga 31 Oktober 2026; periode pembanding (1 September 2026"
            " hingga 30 September 2026) memiliki 3 unggahan.") in text and "0 unggahan" not in text


def test_a_month_the_exports_do_not_cover_still_fails_with_its_reason(rendered):
    _, out = rendered
    record = json.loads((out / "_records" / "uncovered.json").read_text(encoding="utf-8"))
    assert record["status"] == "failed" and not (out / "uncovered" / "report.html").exists()
    assert record["error"] == (
        "no posts for Quiet Books between 2026-06-01 and 2026-06-30: no export covers these days (the exports "
        "cover 1 September 2026 to 31 October 2026). Check the period in the roster or add the exports that cover it.")


def test_the_index_lists_the_quiet_clients_as_rendered(rendered):
    _, out = rendered
    index = (out / "index.html").read_text(encoding="utf-8")
    ok = html.escape(Translator("en").t("cli.index_page.ok"))
    for client in ("quiet-en", "quiet-id"):
        row = next(r for r in index.split("<tr>") if f"<small>{client}</small>" in r)
        assert f'href="{client}/report.html"' in row and f'<span class="ok">{ok}</span>' in row
        # the consultant learns from the index, before opening it, that the report has no post to measure
        assert '<span class="quiet">(no posts in the period)</span>' in row
        assert json.loads((out / "_records" / f"{client}.json").read_text(encoding="utf-8"))["report"]["posts"] == 0


def test_the_command_says_which_reports_have_no_posts(rendered, capsys):
    _, out = rendered
    status = main(["render", "--clients", str(out.parent / "clients.yml"), "--out", str(out), "--client", "quiet-id",
                   "--language", "id"])
    printed = capsys.readouterr().out
    assert status == 0
    line = next(l for l in printed.splitlines() if l.startswith("quiet-id "))
    assert line.endswith("report.html (tidak ada unggahan dalam periode ini)"), line


def test_a_quiet_report_draws_no_figure_nor_forks_to_draw_ahead():
    report = build_report(client="quiet", client_name="Quiet Books", exports=[POSTS], timezone="Europe/London",
                          period_start="2026-10-01", period_end="2026-10-31", draw_ahead=True)
    assert not report.has_posts and report.ahead is None and report.figure_plan() == []
    assert [f.values for f in report.findings()] == [
        {"platform": "facebook", "posts": 3, "summed_reach": 1750.0, "interactions": 23.0}]
    assert report.glossary_terms() == ["summed_reach"]
    assert report.defined_metrics() == ["reach", "summed_reach", "interactions"]


def test_a_period_the_exports_do_not_cover_is_an_error_in_python_too():
    with pytest.raises(WorkbookError, match="no export covers these days"):
        build_report(client="quiet", client_name="Quiet Books", exports=[POSTS], timezone="Europe/London",
                     period_start="2026-12-01", period_end="2026-12-31")


def test_a_platform_without_posts_beside_one_with_posts_gets_the_summarys_sentence(tmp_path):
    """Kopi Senja's demo exports with Instagram's October posts taken out: the report is Facebook's, and the
    summary says Instagram published nothing in October, with its September figures summed here from the file
    (reach; likes + shares + comments + saves)."""
    import csv
    import shutil

    from helpers.paths import DEMO_DIR

    instagram = DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_17841402288113456.csv"
    shutil.copy(DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_104512873300219.csv", tmp_path)
    with instagram.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    with (tmp_path / instagram.name).open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(r for r in rows if not r["Publish time"].startswith("10/"))
    september = [r for r in rows if r["Publish time"].startswith("09/")]
    reach = sum(int(r["Reach"]) for r in september)
    interactions = sum(int(r[c]) for r in september for c in ("Likes", "Shares", "Comments", "Saves"))
    report = build_report(client="kopi", client_name="Kopi Senja", exports=[str(tmp_path / "*.csv")],
                          timezone="Asia/Jakarta", period_start="2026-10-01", period_end="2026-10-31")
    assert report.has_posts and report.platforms == ["facebook"] and report.quiet_platforms() == ["instagram"]
    quiet = [f for f in report.findings() if f.key == "quiet.finding"]
    assert [f.values for f in quiet] == [{"platform": "instagram", "posts": len(september),
                                          "summed_reach": float(reach), "interactions": float(interactions)}]
    tr = report.tr
    assert quiet[0].text == (
        "Kopi Senja published no posts on Instagram from 1 October 2026 to 31 October 2026, and the Instagram exports "
        "cover these days: the account published nothing then, which is no gap in the data. In the comparison "
        f"period (1 September 2026 to 30 September 2026), Instagram had {len(september)} posts, with a summed reach "
        f"of {tr.number(reach)} and {tr.number(interactions)} interactions.")


def test_a_quiet_report_needs_every_platforms_exports_to_cover_the_whole_period(tmp_path):
    """'Published nothing' is said only where it was looked for: an Instagram export of September only beside
    the quiet Facebook one leaves Instagram's October unseen, and a period running past the Facebook export's
    last day (31 October) leaves those days unseen: both are errors naming what the exports cover."""
    instagram = tmp_path / "Sep-01-2026_Sep-30-2026_17800000000000099.csv"
    instagram.write_text(
        '\ufeff"Post ID","Account ID","Account username","Account name",Description,"Duration (sec)","Publish time",'
        'Permalink,"Post type","Data comment",Date,Views,Reach,Likes,Shares,Comments,Saves,Follows\n'
        '18000000000000000,17800000000000099,qb,"Quiet Books","Post 0",0,"09/05/2026 10:00",'
        'https://www.instagram.com/p/X0/,"IG image",,Lifetime,200,100,10,1,1,1,0\n', encoding="utf-8")
    common = {"client": "quiet", "client_name": "Quiet Books", "timezone": "Europe/London"}
    with pytest.raises(WorkbookError) as unseen:
        build_report(exports=[POSTS, str(instagram)], period_start="2026-10-01", period_end="2026-10-31", **common)
    assert str(unseen.value) == (
        "no posts for Quiet Books between 2026-10-01 and 2026-10-31, but some platform's or account's exports do not "
        "cover all of these days (Instagram: no export covers these days (the exports cover 1 September 2026 to 30 September 2026)), so "
        "whether the account published nothing then cannot be told. Check the period in the roster or add the "
        "exports that cover it.")
    with pytest.raises(WorkbookError) as part:
        build_report(exports=[POSTS], period_start="2026-10-15", period_end="2026-11-15", **common)
    assert "(Facebook: the exports cover 15 October 2026 to 31 October 2026 of these days)" in str(part.value)
    indonesian = Translator("id").message(part.value.args[0])
    assert indonesian.startswith("tidak ada unggahan untuk Quiet Books antara 2026-10-15 dan 2026-11-15, tetapi")
    assert "(Facebook: ekspor mencakup 15 Oktober 2026 hingga 31 Oktober 2026 dari hari-hari ini)" in indonesian


def test_each_account_of_a_platform_needs_its_own_exports_to_cover_a_quiet_period(tmp_path):
    """Two Facebook pages: the quiet fixture's page covers October, a second page's export covers September only.
    Facebook as a whole covers October, but the second page was not looked at then: an error naming it."""
    import shutil

    shutil.copy(POSTS, tmp_path)
    lines = open(POSTS, encoding="utf-8-sig").read().splitlines()
    other = [lines[0]] + [line.replace("100000000000042", "100000000000077").replace("Quiet Page", "Other Page")
                          .replace("1000000000000", "2000000000000") for line in lines[1:2]]
    assert "Other Page" in other[1]
    (tmp_path / "Sep-01-2026_Sep-30-2026_100000000000077.csv").write_text("\n".join(other) + "\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as unseen:
        build_report(exports=[str(tmp_path / "*.csv")], period_start="2026-10-01", period_end="2026-10-31",
                     client="quiet", client_name="Quiet Books", timezone="Europe/London")
    assert ("(Facebook, Other Page: no export covers these days (the exports cover 1 September 2026 to 30 September 2026))"
            in str(unseen.value))
    assert "Quiet Page" not in str(unseen.value)  # the page whose export covers October is not named


def test_the_index_and_the_summary_mark_a_report_whose_exports_cover_part_of_its_period(tmp_path):
    """Oigetit, 1 March to 30 April 2025 (61 days): its Facebook exports cover 1 March to 15 April (31 + 15 = 46
    days), its Instagram ones 18 March to 14 April (14 + 14 = 28). The facts its title carried are recorded
    (what is not of their form is left out) and shown beside the status, in the index and the command's summary."""
    from helpers.index_page import index_html
    from helpers.render import RenderResult, recorded_facts, summary_lines

    facts = recorded_facts({"posts": 165, "partial": {"instagram": {"days": 28, "period_days": 61},
                                                      "facebook": {"days": 46, "period_days": 61}}, "other": "x"})
    assert facts == {"posts": 165, "partial": {"instagram": {"days": 28, "period_days": 61},
                                               "facebook": {"days": 46, "period_days": 61}}}
    assert recorded_facts({"posts": 3, "partial": {"facebook": {"days": "46"}}}) == {"posts": 3}
    record = {"client": "oigetit", "name": "Oigetit", "status": "ok", "attempted_at": "2026-11-27T10:00:00",
              "report": {"html": "report.html", "period_start": "2025-03-01", "period_end": "2025-04-30", **facts}}
    assert ('<span class="quiet">(exports cover part of the period: Facebook, 46 of 61 days; Instagram, 28 of 61'
            ' days)</span>') in index_html([record])
    result = RenderResult("oigetit", True, 1.0, html=tmp_path / "report.html", facts=facts)
    line = next(l for l in summary_lines([result], Translator("id")) if l.startswith("oigetit "))
    assert line.endswith("report.html (ekspor hanya mencakup sebagian periode: Facebook, 46 dari 61 hari;"
                         " Instagram, 28 dari 61 hari)"), line
    covered = RenderResult("oigetit", True, 1.0, html=tmp_path / "report.html", facts={"posts": 165})
    assert next(l for l in summary_lines([covered]) if l.startswith("oigetit ")).endswith("report.html")


def test_the_index_and_the_summary_mark_a_report_saying_the_download_may_have_missed_posts(tmp_path):
    """The demo Facebook export (named for 1 July to 31 October 2026) keeping only its posts from 29 August on has
    no post in its first 59 days, which the report tells the client ('Either the account began posting on 29 August
    2026, or the download missed earlier posts'). That export is among the facts the report's title carries and
    the render records, and the index and the command's summary say to check before sending, as they do for
    exports covering part of the period; the whole export, and the Instagram one, are not named."""
    import csv
    import io

    from helpers.index_page import index_html
    from helpers.paths import DEMO_DIR
    from helpers.render import RenderResult, recorded_facts, summary_lines

    facebook = DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_104512873300219.csv"
    header, *rows = facebook.read_text(encoding="utf-8-sig").splitlines()
    column = next(csv.reader([header])).index("Publish time")
    kept = [row for row in rows if next(csv.reader(io.StringIO(row)))[column][:10] >= "08/29/2026"]
    cut = tmp_path / facebook.name
    cut.write_text("\ufeff" + "\n".join([header, *kept]) + "\n", encoding="utf-8")
    instagram = str(DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_17841402288113456.csv")
    options = dict(client="kopi-senja", client_name="Kopi Senja", timezone="Asia/Jakarta",
                   period_start="2026-09-01", period_end="2026-10-31")
    report = build_report(exports=[str(cut), instagram], **options)
    assert any("or the download missed earlier posts" in note for note in report.coverage_notes())
    assert report.index_facts()["named_gaps"] == [facebook.name]
    assert "named_gaps" not in build_report(exports=[str(facebook), instagram], **options).index_facts()

    facts = recorded_facts(report.index_facts())
    assert facts["named_gaps"] == [facebook.name]
    assert "named_gaps" not in recorded_facts({"posts": 3, "named_gaps": [3]})
    record = {"client": "kopi-senja", "name": "Kopi Senja", "status": "ok", "attempted_at": "2026-11-27T10:00:00",
              "report": {"html": "report.html", "period_start": "2026-09-01", "period_end": "2026-10-31", **facts}}
    assert ('<span class="quiet">(check before sending: the export may be incomplete, as'
            f' {facebook.name} has no post in a long stretch at one end of the days its name gives: see Data'
            ' coverage)</span>') in index_html([record])
    result = RenderResult("kopi-senja", True, 1.0, html=tmp_path / "report.html", facts=facts)
    line = next(l for l in summary_lines([result], Translator("id")) if l.startswith("kopi-senja "))
    assert line.endswith(f"report.html (periksa sebelum dikirim: ekspornya mungkin tidak lengkap, karena {facebook.name}"
                         " tidak memuat unggahan selama rentang panjang di salah satu ujung hari-hari yang disebut"
                         " namanya: lihat Cakupan data)"), line
    two = RenderResult("kopi-senja", True, 1.0, html=tmp_path / "report.html", facts={"named_gaps": ["a.csv", "b.csv"]})
    assert next(l for l in summary_lines([two]) if l.startswith("kopi-senja ")).endswith(
        "report.html (check before sending: the exports may be incomplete, as a.csv and b.csv have no post in a"
        " long stretch at one end of the days their names give: see Data coverage)")


def test_an_export_listing_no_post_at_all_asks_for_a_check_rather_than_calling_it_no_gap(tmp_path):
    """An export that lists only its header reads the same as a download that stopped after the header: the
    summary says the exports list no post at all and that either may be so, instead of 'the account published
    nothing then, which is no gap in the data'."""
    header = (QUIET / Path(POSTS).name).read_text(encoding="utf-8-sig").splitlines()[0]
    empty = tmp_path / Path(POSTS).name
    empty.write_text("\ufeff" + header + "\n", encoding="utf-8")
    report = build_report(client="quiet", client_name="Quiet Books", exports=[str(empty)], timezone="Europe/London",
                          period_start="2026-10-01", period_end="2026-10-31")
    assert not report.has_posts and report.quiet_platforms() == ["facebook"]
    [quiet] = [f for f in report.findings() if f.key == "quiet.finding"]
    assert quiet.text == (
        "Quiet Books has no posts on Facebook from 1 October 2026 to 31 October 2026: the Facebook exports named for "
        "these days list no post at all, only their header. Either the account published nothing on Facebook then, "
        "or the download stopped after the header, and its posts are missing here. The Facebook exports cover the "
        "comparison period (1 September 2026 to 30 September 2026) too, and hold no post of it either.")
    assert "no gap in the data" not in " ".join(f.text for f in report.findings())


def test_a_header_only_export_beside_one_with_posts_asks_for_a_check_for_the_days_only_it_covers(tmp_path):
    """Monthly downloads: September and October's export holds posts, November's stopped after its header. For
    November, only that header speaks: the summary says it may be a download cut short; for October, the export holding posts of
    September covers it, and the account published nothing then, as before."""
    header = (QUIET / Path(POSTS).name).read_text(encoding="utf-8-sig").splitlines()[0]
    november = tmp_path / "Nov-01-2026_Nov-30-2026_100000000000042.csv"
    november.write_text("\ufeff" + header + "\n", encoding="utf-8")
    exports = [POSTS, str(november)]
    report = build_report(client="quiet", client_name="Quiet Books", exports=exports, timezone="Europe/London",
                          period_start="2026-11-01", period_end="2026-11-30")
    [quiet] = [f for f in report.findings() if f.key == "quiet.finding"]
    assert quiet.text.startswith("Quiet Books has no posts on Facebook from 1 November 2026 to 30 November 2026: the"
                                 " Facebook exports named for these days list no post at all, only their header.")
    report = build_report(client="quiet", client_name="Quiet Books", exports=exports, timezone="Europe/London",
                          period_start="2026-10-01", period_end="2026-10-31")
    [quiet] = [f for f in report.findings() if f.key == "quiet.finding"]
    assert quiet.text == FINDING_EN


def test_the_facts_of_a_report_without_posts_name_its_exports_when_they_all_list_only_their_header(tmp_path):
    """The renderer keeps a report of posts rather than replace it with a header's (test_render): the report's
    facts give each platform's posts and name the platforms whose exports covering the period all list only
    their header. November: only the header-only file covers it. October: the file of September's posts, named
    for October too, covers it, so the month is quiet, not a header's; September has posts."""
    header = (QUIET / Path(POSTS).name).read_text(encoding="utf-8-sig").splitlines()[0]
    november = tmp_path / "Nov-01-2026_Nov-30-2026_100000000000042.csv"
    november.write_text("\ufeff" + header + "\n", encoding="utf-8")
    facts = {start: build_report(client="quiet", client_name="Quiet Books", exports=[POSTS, str(november)],
                                 timezone="Europe/London", period_start=start, period_end=end).index_facts()
             for start, end in (("2026-11-01", "2026-11-30"), ("2026-10-01", "2026-10-31"),
                                ("2026-09-01", "2026-09-30"))}
    assert facts == {"2026-11-01": {"posts": 0, "platform_posts": {"facebook": 0},
                                    "header_only": {"facebook": [november.name]}},
                     "2026-10-01": {"posts": 0, "platform_posts": {"facebook": 0}},
                     "2026-09-01": {"posts": 3, "platform_posts": {"facebook": 3}}}


def test_the_facts_name_a_platform_whose_exports_list_only_their_header_beside_another_s_posts(tmp_path):
    """Facebook's export of 18 to 31 March 2025 cut to its header, beside Instagram's export of the same days
    holding 3 posts (20, 21 and 22 March): the report has Instagram's 3 posts, and its facts say Facebook has
    none, its export listing only its header, so the renderer can keep a last report that had Facebook's."""
    meta = FIXTURES / "meta"
    header = (meta / "Apr-01-2025_Apr-14-2025_100000000000042.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    facebook = tmp_path / "Mar-18-2025_Mar-31-2025_100000000000042.csv"
    facebook.write_text("\ufeff" + header + "\n", encoding="utf-8")
    instagram = str(meta / "Mar-18-2025_Apr-14-2025_17800000000000099.csv")
    report = build_report(client="bakery", client_name="Example Bakery", exports=[str(facebook), instagram],
                          timezone="Europe/London", period_start="2025-03-18", period_end="2025-03-31")
    assert report.index_facts() == {"posts": 3, "platform_posts": {"facebook": 0, "instagram": 3},
                                    "header_only": {"facebook": [facebook.name]}}

def test_the_facts_name_a_header_only_export_of_a_platform_whose_other_export_holds_posts_of_the_period(tmp_path):
    """Facebook downloaded month by month: March's export (18 to 31 March 2025) cut to its header, April's
    (1 to 14 April) holding 3 posts (2, 3 and 4 April); Instagram's export of 18 March to 14 April holds 3 (20,
    21 and 22 March). Over 18 March to 14 April, Facebook still has April's 3 posts, and the facts name March's
    header-only file beside them, so the renderer can keep a last report that counted March's posts too. Over
    1 to 14 April, March's file covers none of the days: not named."""
    meta = FIXTURES / "meta"
    april = meta / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    march = tmp_path / "Mar-18-2025_Mar-31-2025_100000000000042.csv"
    march.write_text("\ufeff" + april.read_text(encoding="utf-8-sig").splitlines()[0] + "\n", encoding="utf-8")
    exports = [str(march), str(april), str(meta / "Mar-18-2025_Apr-14-2025_17800000000000099.csv")]
    facts = {start: build_report(client="bakery", client_name="Example Bakery", exports=exports,
                                 timezone="Europe/London", period_start=start, period_end="2025-04-14").index_facts()
             for start in ("2025-03-18", "2025-04-01")}
    assert facts == {"2025-03-18": {"posts": 6, "platform_posts": {"facebook": 3, "instagram": 3},
                                    "header_only": {"facebook": [march.name]}},
                     "2025-04-01": {"posts": 3, "platform_posts": {"facebook": 3, "instagram": 0}}}
