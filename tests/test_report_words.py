"""What the client report says a platform's figures count: X's clicks (every click, not link clicks), X's and
LinkedIn's shares (reposts), the totals a length-of-period note names, and which of YouTube's views is used."""
from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from helpers.i18n import Message, Translator
from helpers.importers import import_exports
from helpers.report import COVERAGE_METRICS, build_report
from helpers.schema import PLATFORMS
from tests.conftest import FIXTURES, real_export

X_CONTENT = FIXTURES / "x" / "account_analytics_content_2025-10-15_2025-11-12.csv"
X_CLICKS = ("URL clicks, profile visits, hashtag clicks, detail expands and permalink clicks together, not link"
            " clicks alone")


@pytest.fixture(scope="module")
def x_report():
    return build_report(client="grocer", client_name="Grocer", exports=[str(X_CONTENT)], timezone="UTC",
                        period_start="2025-10-01", period_end="2025-11-30")


def test_x_clicks_are_named_as_what_they_count(x_report):
    """The fixture's two posts with figures: clicks 7 + 20 + 10 + 1 + 0 (profile visits, detail expands, URL,
    hashtag and permalink clicks) and 0 + 2 + 0 + 0 + 0, 40 in all, of which 10 are URL clicks: the click-through
    rate divides all of them, and Definitions and Data coverage say so."""
    assert x_report.kpi("x", "clicks") == 40
    definitions = x_report.definitions().set_index("metric")
    assert definitions.loc["click-through rate by impressions", "caveat"] == (
        "what counts as a click differs between platforms: on X, " + X_CLICKS)
    assert f"X: clicks are {X_CLICKS}." in x_report.coverage_notes()


@pytest.mark.parametrize("language", ["en", "id"])
def test_x_clicks_of_a_file_with_url_clicks_alone_are_named_link_clicks(language, tmp_path):
    """An X content export whose only click column is URL Clicks: its clicks are link clicks (10 + 0 over the
    fixture's two posts with figures), and Data coverage and Definitions say so, naming no profile visits."""
    rows = list(csv.reader(io.StringIO(X_CONTENT.read_text(encoding="utf-8"), newline="")))
    dropped = {"Profile visits", "Detail Expands", "Hashtag Clicks", "Permalink Clicks"}
    keep = [i for i, name in enumerate(rows[0]) if name not in dropped]
    assert len(keep) == len(rows[0]) - 4 and "URL Clicks" in rows[0]
    path = tmp_path / X_CONTENT.name
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows([[row[i] for i in keep] for row in rows])
    report = build_report(client="grocer", client_name="Grocer", exports=[str(path)], timezone="UTC",
                          period_start="2025-10-01", period_end="2025-11-30", language=language)
    assert report.kpi("x", "clicks") == 10
    counted = {"en": "link clicks alone (URL clicks)", "id": "klik tautan saja (klik URL)"}[language]
    coverage = {"en": f"X: clicks are {counted}.", "id": f"X: klik adalah {counted}."}[language]
    assert coverage in report.coverage_notes()
    tr = Translator(language)
    definitions = report.definitions().set_index(tr.t("definitions.metric"))
    caveat = {"en": f"what counts as a click differs between platforms: on X, {counted}",
              "id": f"definisi klik berbeda antarplatform: di X, {counted}"}[language]
    assert definitions.loc[tr.metric("click_through_rate"), tr.t("definitions.caveat")] == caveat


@pytest.mark.parametrize("language", ["en", "id"])
def test_clicks_counted_differently_by_a_platforms_exports_are_one_note_naming_each_ones_exports(language):
    """X's two tweet activity fixtures sum seven click columns, its content export five: one note on X's clicks,
    each definition once with the exports it holds for, not two notes that differ in a few words."""
    exports = sorted((FIXTURES / "x").glob("*.csv"))
    report = build_report(client="grocer", client_name="Grocer", exports=[str(p) for p in exports], timezone="UTC",
                          period_start="2015-01-01", period_end="2025-11-30", language=language)
    activity = ("URL clicks, profile clicks, hashtag clicks, detail expands, permalink clicks, app opens and app"
                " installs together, not link clicks alone")
    expected = {
        "en": "X: clicks are counted differently from one export to another: in"
              " tweet_activity_metrics_examplebakery_20150801_20150901_en.csv and"
              f" tweet_activity_metrics_examplebakery_20190801_20190901_en.csv, {activity}; in {X_CONTENT.name},"
              f" {X_CLICKS}.",
        "id": "X: klik dihitung berbeda dari satu ekspor ke ekspor lain: di"
              " tweet_activity_metrics_examplebakery_20150801_20150901_en.csv dan"
              " tweet_activity_metrics_examplebakery_20190801_20190901_en.csv, gabungan klik URL, klik profil,"
              " klik tagar, klik untuk membuka detail, klik tautan permanen, pembukaan aplikasi, dan pemasangan"
              f" aplikasi, bukan hanya klik tautan; di {X_CONTENT.name}, gabungan klik URL, kunjungan profil, klik"
              " tagar, klik untuk membuka detail, dan klik tautan permanen, bukan hanya klik tautan."}[language]
    word = {"en": "X: clicks", "id": "X: klik"}[language]
    assert [note for note in report.coverage_notes() if note.startswith(word)] == [expected]
    # Definitions says it once for X, pointing to that note, not "on X, …; on X, …"
    tr = Translator(language)
    caveat = report.definitions().set_index(tr.t("definitions.metric")).loc[tr.metric("click_through_rate"),
                                                                           tr.t("definitions.caveat")]
    assert caveat == {"en": "what counts as a click differs between platforms: on X, what counts as a click differs"
                            " between its exports (Data coverage says which export counts what)",
                      "id": "definisi klik berbeda antarplatform: di X, yang dihitung sebagai klik berbeda dari satu"
                            " ekspor ke ekspor lain (Cakupan data menyebutkan apa yang dihitung tiap ekspor)"}[language]


def test_x_shares_are_named_reposts_wherever_the_report_names_them_per_platform(x_report):
    table = x_report.lens_table("x", x_report.engagement_kpis("x"))
    assert "amplification rate (reposts per post)" in set(table["metric"])
    assert x_report.metrics_table().loc["shares", "X"] == "✓ (reposts)"
    row = pd.Series({"platform": "x", "same_components": False})
    assert x_report._components_counted(row) == "reactions + comments + reposts + saves"
    definitions = x_report.definitions().set_index("metric")
    assert definitions.loc["interactions", "caveat"].endswith("; on X, shares are reposts")
    assert definitions.loc["amplification rate (shares per post)", "caveat"] == (
        "not the same as virality rate; on X, shares are reposts")


@pytest.mark.parametrize("language", ["en", "id"])
def test_linkedin_and_x_name_their_shares_as_their_daily_series_name_reposts(language):
    tr = Translator(language)
    for platform in ("x", "linkedin"):
        assert tr.metric("shares", platform=platform) == tr.metric("reposts")
    assert tr.metric("shares", platform="facebook") == tr.metric("shares") != tr.metric("reposts")
    assert tr.metric("amplification_rate", platform="linkedin") == {
        "en": "amplification rate (reposts per post)",
        "id": "tingkat amplifikasi (jumlah dibagikan ulang per unggahan)"}[language]


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_metrics_table_names_x_reposts_without_a_bracket_inside_its_own(language):
    """Data coverage's metrics table marks X's shares with the word X uses: "✓ (reposts)". In Indonesian the
    label "jumlah dibagikan ulang (repost)" read "✓ (jumlah dibagikan ulang (repost))", a bracket inside a
    bracket; the cell now takes the label's short variant, "✓ (repost)". No metric the table names
    with a platform's own word (metrics_table) reads with nested brackets, on any platform."""
    report = build_report(client="grocer", client_name="Grocer", exports=[str(X_CONTENT)], timezone="UTC",
                          period_start="2025-10-01", period_end="2025-11-30", language=language)
    tr = Translator(language)
    assert report.metrics_table().loc[tr.metric("shares"), "X"] == {"en": "✓ (reposts)",
                                                                    "id": "✓ (repost)"}[language]
    for platform in PLATFORMS:
        for name in (n for n in COVERAGE_METRICS if tr.metric(n, platform=platform) != tr.metric(n)):
            cell = tr.t("coverage.metric_named", word=tr.metric_word(name, platform=platform))
            assert cell.count("(") == 1 and cell.endswith(")") and ")" not in cell[:-1], (platform, cell)


def _youtube_export(tmp_path, engaged: bool = False):
    """Seven videos in February 2025 and seven in March, from 1 February to 31 March, with views, watch time and thumbnail impressions and
    no likes, comments or shares (as buildwithadi's export); `engaged`: an Engaged views column beside Views."""
    header = "Content,Video title,Video publish time,Views," + ("Engaged views," if engaged else "") + \
             "Watch time (hours),Impressions"
    rows = ["Total,,,1400," + ("1200," if engaged else "") + "14.0,14000"]
    days = [f"Feb {d}, 2025" for d in (1, 5, 9, 13, 17, 21, 28)] + [f"Mar {d}, 2025" for d in (1, 6, 11, 16, 21, 26, 31)]
    for n, day in enumerate(days):  # the first and last days of both periods: the export covers them whole
        rows.append(f'vid{n:08d}x,Video {n},"{day}",100,' + ("80," if engaged else "") + "1.0,1000")
    path = tmp_path / "Table data.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _youtube_report(path, **options):
    return build_report(client="yt", client_name="YT", exports=[str(path)], timezone="UTC",
                        period_start="2025-03-01", period_end="2025-03-31", comparison_start="2025-02-01",
                        comparison_end="2025-02-28", **options)


def test_the_length_of_period_note_names_the_totals_the_tables_compare(tmp_path):
    """31 days against 28, an export without interactions: the totals compared are posts, thumbnail impressions,
    video views and watch time, not 'interactions', which the report never shows for it."""
    report = _youtube_report(_youtube_export(tmp_path))
    assert ("The period has 31 days and the comparison period 28: totals (posts, thumbnail impressions, video views"
            " and watch time) are compared as they are") in " ".join(report.coverage_notes())
    indonesian = _youtube_report(_youtube_export(tmp_path), language="id")
    assert ("total (unggahan, impresi gambar mini, tayangan video, dan waktu tonton) dibandingkan apa adanya"
            in " ".join(indonesian.coverage_notes()))


YOUTUBE_VIEWS = ("YouTube: video views are the export's Views, which since 31 March 2025 count every start or replay"
                 " of a Short, not its Engaged views (Shorts watched past their first seconds, as Views were counted"
                 " before).")


def test_an_export_with_views_and_engaged_views_says_which_is_used(tmp_path):
    both = tmp_path / "both"
    both.mkdir()
    result = import_exports(_youtube_export(both, engaged=True), timezone="UTC")
    assert result.reports[0].counted["video_views"].key == "imports.youtube_studio.views_not_engaged"
    assert YOUTUBE_VIEWS in _youtube_report(both / "Table data.csv").coverage_notes()
    views = tmp_path / "views"
    views.mkdir()
    assert not any("Engaged views" in note for note in _youtube_report(_youtube_export(views)).coverage_notes())


#: Twelve videos of March 2025: (views, engaged views, likes). By video views the top 3 is v0 (3,000), v1 (2,000)
#: and v2 (1,500); by likes v0 (50), v3 (40) and v4 (30). On top under one lens only: v1 and v2 by views, v3 and
#: v4 by likes. Of these, v1 (2,000 views, 800 engaged: 2.5 times) and v4 (400 of 100: 4 times) count views far
#: above engaged views; v2 (1,500 of 1,490) does not. v0, the best post, counts 3,000 of 1,000.
REPLAYED = [(3000, 1000, 50), (2000, 800, 2), (1500, 1490, 3), (500, 500, 40), (400, 100, 30), (300, 300, 5),
            (290, 290, 4), (280, 280, 6), (270, 270, 7), (260, 260, 8), (250, 250, 9), (240, 240, 1)]


def _replayed_export(tmp_path, reach: bool = False, untitled: int | None = None):
    """REPLAYED as a YouTube Content table, one video a day from 2 March; `reach`: with Unique viewers, which
    the posts are then ranked by (a tenth of their views); `untitled`: the video whose title is left blank."""
    header = "Content,Video title,Video publish time,Views,Engaged views,Likes" + (",Unique viewers" if reach else "")
    rows = [f'vid{n:08d}x,{"" if n == untitled else f"Video {n}"},"Mar {n + 2}, 2025",{views},{engaged},{likes}'
            + (f",{views // 10}" if reach else "") for n, (views, engaged, likes) in enumerate(REPLAYED)]
    path = tmp_path / "Table data.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _replayed_report(path, language: str = "en"):
    return build_report(client="yt", client_name="YT", exports=[str(path)], timezone="UTC", period_start="2025-03-01",
                        period_end="2025-03-31", top_n=3, language=language)


REPLAYS_WHY = ("since 31 March 2025, YouTube counts every start or replay of a Short as a view, while engaged views"
               " count views as they were counted before")


def test_posts_on_top_whose_views_are_mostly_replays_are_named_below_the_table(tmp_path):
    report = _replayed_report(_replayed_export(tmp_path))
    assert list(report.divergent_posts("youtube")["text"]) == ["Video 1", "Video 2", "Video 3", "Video 4"]
    assert report.divergent_notes("youtube") == [
        "In this table, 2 posts have far more video views than engaged views: “Video 1” (3 Mar 2025: 2,000 video"
        " views against 800 engaged views) and “Video 4” (6 Mar 2025: 400 video views against 100 engaged views)."
        " S" + REPLAYS_WHY[1:] + ". They are ranked by their video views, as every post is."]
    indonesian = _replayed_report(_replayed_export(tmp_path), language="id").divergent_notes("youtube")
    assert indonesian[0].startswith("Dalam tabel ini, 2 unggahan memiliki tayangan video yang jauh lebih banyak"
                                    " daripada tayangan video yang terus ditonton (Engaged views): “Video 1” (3"
                                    " Mar 2025: 2.000 tayangan video berbanding 800 tayangan video yang terus"
                                    " ditonton) dan “Video 4” (6 Mar 2025: 400 tayangan video berbanding 100 tayangan"
                                    " video yang terus ditonton). Sejak 31 Maret 2025")
    untitled = _replayed_report(_replayed_export(tmp_path, untitled=4)).divergent_notes("youtube")[0]
    assert "and the post of 6 Mar 2025 (400 video views against 100 engaged views). Since" in untitled


def test_a_best_post_whose_views_are_mostly_replays_says_so(tmp_path):
    (best,) = [f for f in _replayed_report(_replayed_export(tmp_path)).findings() if f.key.startswith("finding.best")]
    assert best.text == ("Your YouTube post with the most video views was also first of 12 by interactions. That"
                         f" post has 3,000 video views but 1,000 engaged views: {REPLAYS_WHY}.")
    assert best.values["replays"]
    (best,) = [f for f in _replayed_report(_replayed_export(tmp_path), "id").findings()
               if f.key.startswith("finding.best")]
    assert best.text.endswith("Unggahan itu memiliki 3.000 tayangan video, tetapi hanya 1.000 tayangan video yang"
                              " terus ditonton (Engaged views): sejak 31 Maret 2025, YouTube menghitung setiap kali"
                              " Short mulai diputar atau diputar ulang sebagai tayangan video, sedangkan tayangan"
                              " video yang terus ditonton masih dihitung dengan cara lama.")


def test_posts_ranked_by_reach_get_no_note_on_their_views(tmp_path):
    """With Unique viewers the posts are ranked by reach: their video views rank nothing, and are not named."""
    report = _replayed_report(_replayed_export(tmp_path, reach=True))
    assert report.measures["youtube"] == "reach" and len(report.divergent_posts("youtube"))
    assert report.divergent_notes("youtube") == []
    assert not any(f.values.get("replays") for f in report.findings())


# ------------------------------------------------------------------------------------------- real exports
def test_real_x_clicks_are_mostly_not_link_clicks():
    """Wormhole, January 2025 at UTC: 131 clicks, of which 12 URL clicks, 73 detail expands and 46 profile visits
    (the export's columns summed by hand over the month's 96 posts, placed by the times their ids hold: post
    1874279758705680748, dated 31 December by X, was created at 02:21 UTC on 1 January)."""
    folder = real_export("x/content-2025-02")
    report = build_report(client="wormhole", client_name="Wormhole", exports=[str(folder / "*.csv")],
                          timezone="UTC", period_start="2025-01-01", period_end="2025-01-31")
    assert report.kpi("x", "clicks") == 131 == 12 + 73 + 46
    assert f"X: clicks are {X_CLICKS}." in report.coverage_notes()
    assert "yours counts reactions + comments + reposts + saves" in report.benchmark_sentence()


def test_real_youtube_without_interactions_names_the_totals_it_compares():
    path = real_export("youtube/buildwithadi/Table data.csv")
    report = build_report(client="adi", client_name="adi", exports=[str(path)], timezone="UTC",
                          period_start="2021-01-01", period_end="2021-05-31")
    assert ("The period has 151 days and the comparison period 153: totals (posts, thumbnail impressions, video"
            " views and watch time) are compared as they are") in " ".join(report.coverage_notes())


def test_real_youtube_export_with_engaged_views_says_views_are_used():
    path = real_export("youtube/areikher/Table data.csv")
    report = build_report(client="areikher", client_name="areikher", exports=[str(path)], timezone="UTC",
                          period_start="2025-01-01", period_end="2025-03-31")
    assert YOUTUBE_VIEWS in report.coverage_notes()


def test_real_post_on_top_by_views_from_replays_is_named_with_both_counts():
    """areikher, January to March 2025: 'Pointallism Portrait of Dua Lipa' (31 March) is on top by video views
    only, with Views 1,424 and Engaged views 532 (2.7 times; the period's other posts 1.00 to 1.04, but for
    e9eYl9ZhkrI's 165 of 105, in no top). Its best post (F3HVs95pagk, 2,775 of 2,766) gets no such sentence."""
    path = real_export("youtube/areikher/Table data.csv")
    report = build_report(client="areikher", client_name="areikher", exports=[str(path)], timezone="UTC",
                          period_start="2025-01-01", period_end="2025-03-31")
    assert report.divergent_notes("youtube") == [
        "In this table, “Pointallism Portrait of Dua Lipa #art #portrait” (31 Mar 2025) has 1,424 video views but"
        f" 532 engaged views: {REPLAYS_WHY}. It is ranked by its video views, as every post is."]
    (best,) = [f for f in report.findings() if f.key.startswith("finding.best")]
    assert best.text == "Your YouTube post with the most video views was also first of 37 by interactions."


def test_real_youtube_export_without_engaged_views_gets_no_such_note():
    path = real_export("youtube/buildwithadi/Table data.csv")
    report = build_report(client="adi", client_name="adi", exports=[str(path)], timezone="UTC",
                          period_start="2021-01-01", period_end="2021-05-31")
    assert report.divergent_notes("youtube") == []


@pytest.mark.parametrize("account", ["Carol \u202eLI team", "مقهى القمر"])
def test_an_account_name_in_a_cell_is_isolated_so_the_minus_stays_with_its_number(account):
    # a right-to-left override would print the interval backwards ("(08.0 ot 99.0-) 62.0-"), and a right-to-left
    # name would draw the slope's minus sign to its far side ("0.26- مقهى القمر"): set apart by U+2068 ... U+2069
    tr = Translator("en")
    cell = tr.t("agreement.elasticity_account", account=account, value="-0.26 (-0.99 to 0.80)")
    assert cell == "\u2068" + account + "\u2069 -0.26 (-0.99 to 0.80)"
    # a list of names isolates each, once, and a plain name is left as it is
    assert tr.join([account, "carol"]) == "\u2068" + account + "\u2069 and carol"
    assert tr.t("agreement.elasticity_account", account="carol", value="n/a") == "carol n/a"


def test_a_file_name_in_a_note_is_isolated():
    note = Message("imports.file_note", file="tool \u202ev2 final.csv", note="1 row not imported")
    assert Translator("id").message(note) == "\u2068tool \u202ev2 final.csv\u2069: 1 row not imported"


def test_a_pattern_or_a_path_with_a_right_to_left_name_is_shown_as_it_is_copied():
    # a pattern copied into clients.yml, or a path, must not carry U+2066-2069; a name beside it is still isolated
    tr = Translator("en")
    pattern = "مقهى/**/*.csv"
    assert tr.t("cli.left_out_detail_one", files="x.csv", folder="f", pattern=pattern).endswith(
        "to read it, add مقهى/**/*.csv to its exports (or the file itself)")
    note = Message("imports.file_note", file="مقهى/posts.csv", note="1 row not imported")
    assert Translator("id").message(note) == "مقهى/posts.csv: 1 row not imported"
    assert str(note) == "مقهى/posts.csv: 1 row not imported"
    # a direction override in a path would turn the sentence around: it is still set apart
    assert Message("imports.file_note", file="a\u202eb.csv", note="x") == "\u2068a\u202eb.csv\u2069: x"
    assert tr.t("agreement.elasticity_account", account="مقهى القمر", value="-0.26") == "\u2068مقهى القمر\u2069 -0.26"
