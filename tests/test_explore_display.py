"""What the explorer shows: counts as whole numbers with missing kept missing, rates of interactions as
percentages (the numbers underneath unchanged), formulas that name what was counted (views), one-sided
periods said as they were asked, and a test run that saves no table into the project."""
import re

import pandas as pd
import pytest

from helpers import compare, explore, metrics, schema
from helpers.errors import WorkbookError
from helpers.i18n import translator, use_language
from helpers.paths import PROJECT_ROOT
from tests.conftest import real_export


def posts_of(rows: list[dict], timezone: str = "UTC") -> pd.DataFrame:
    """Canonical posts (schema.conform) with the per-post metrics added, from a few hand-written rows."""
    frame = pd.DataFrame(rows)
    frame["published_at"] = pd.to_datetime(frame["published_at"]).dt.tz_localize(timezone)
    base = {"client": "c", "account": "a", "published_precision": "minute", "source_file": "f.csv"}
    frame = frame.assign(**{k: v for k, v in base.items() if k not in frame})
    frame["post_id"] = frame.get("post_id", pd.Series([str(i) for i in range(len(frame))]))
    return metrics.post_metrics(schema.conform(frame, timezone))


@pytest.fixture()
def two_posts():
    """A photo: 14 reached, 5 reactions and no comment (interactions 5, ER by reach 5 ÷ 14 = 35.71%).
    A video: 1,200 reached, 2 reactions and 1 comment (3; 3 ÷ 1,200 = 0.25%). Both counted as views; their
    export reports no shares or saves, which are left out of interactions."""
    return posts_of([
        {"platform": "facebook", "format": "photo", "published_at": "2025-05-02 09:00", "reach": 14,
         "impressions": 20, "impressions_kind": "views", "reactions": 5, "comments": 0,
         "text": "<script>alert(1)</script>"},
        {"platform": "facebook", "format": "video", "published_at": "2025-05-20 10:00", "reach": 1200,
         "impressions": 3000, "impressions_kind": "views", "reactions": 2, "comments": 1, "text": None},
    ])


def test_interactions_are_a_whole_count_and_missing_when_no_component_is_reported():
    posts = posts_of([  # one export reporting reactions, comments and shares; saves it does not carry
        {"platform": "x", "published_at": "2025-05-01 09:00", "reactions": 4, "comments": 1, "shares": 0},  # 5
        {"platform": "x", "published_at": "2025-05-02 09:00", "reactions": 0, "comments": 0, "shares": 2},  # 2
        {"platform": "x", "published_at": "2025-05-03 09:00"},  # nothing reported: missing, not 0
        {"platform": "x", "published_at": "2025-05-04 09:00", "reactions": 0, "comments": 0, "shares": 0},  # 0
    ])
    assert posts["interactions"].dtype == "Int64"
    assert posts["interactions"].tolist()[:2] == [5, 2] and posts["interactions"].iloc[3] == 0
    assert posts["interactions"].isna().tolist() == [False, False, True, False]
    shown = posts[explore.OVERVIEW_COLUMNS].to_string()
    assert "5.0" not in shown and "<NA>" in shown
    behind = explore.posts_behind(posts, "interactions")
    assert behind["interactions"].tolist() == [5, 2, 0] and behind["interactions"].dtype == "Int64"
    # the rates still divide it as a number: 5 ÷ 20 impressions
    rated = posts.assign(impressions=pd.array([20, 10, None, 4], dtype="Int64"))
    assert metrics.rate(rated, "engagement_rate_by_impressions").tolist()[:2] == [0.25, 0.2]


def test_interactions_of_real_exports_show_as_whole_numbers():
    posts = explore.load_folder(real_export("instagram"), client="i", timezone="Africa/Johannesburg").posts
    assert posts["interactions"].dtype == "Int64"
    assert ".0 " not in posts[explore.OVERVIEW_COLUMNS].to_string().replace(".0\n", ".0 ")


def test_the_posts_behind_a_rate_show_it_as_a_percentage_and_keep_the_fraction(two_posts):
    behind = explore.posts_behind(two_posts, "engagement_rate_by_reach")
    assert behind["engagement_rate_by_reach"].tolist() == pytest.approx([5 / 14, 3 / 1200])  # numbers, to compute
    view = explore.shown(behind)
    html = view.to_html()
    assert "35.71%" in html and "0.25%" in html and "0.357" not in html
    assert ">1,200<" in html and ">5<" in html and "5.0" not in html  # counts: whole, with separators
    assert "&lt;script&gt;" in html and "<script>" not in html  # the post's text, escaped
    assert ">not reported<" in html and "n/a" not in html  # the video's missing text, as summary_view says it
    assert ">tidak dilaporkan<" in explore.shown(behind, language="id").to_html()
    assert view.data is behind
    assert "35,71%" in explore.shown(behind, language="id").to_html()  # the Indonesian decimal comma


def test_format_medians_are_shown_in_the_unit_of_the_rate_compared(two_posts):
    more = pd.concat([two_posts] * 3, ignore_index=True).assign(post_id=[str(i) for i in range(6)])
    groups = compare.compare_groups(more, "format", "engagement_rate_by_reach")
    html = explore.shown(groups["medians"], measure=groups["measure"]).to_html()
    assert "35.71%" in html and "0.25%" in html and ">3<" in html  # medians as rates, posts as counts
    assert groups["medians"]["median"].tolist() == pytest.approx([5 / 14, 3 / 1200])
    by_reach = compare.compare_groups(more, "format", "reach")
    assert ">1,200.00<" in explore.shown(by_reach["medians"], measure="reach").to_html()  # no percent for reach


def test_format_medians_shown_without_their_measure_are_in_its_unit_and_a_misspelt_measure_is_refused(two_posts):
    """The photo's engagement rate by reach is 5 ÷ 14 = 35.71% (three copies), the video's 3 ÷ 1,200 = 0.25%:
    compare_groups' medians shown as they come (the notebook's `formats["medians"]`), or its whole result, read
    as percentages, not 0.36 and 0.00; a misspelt measure is an error naming the one meant, not plain numbers."""
    more = pd.concat([two_posts] * 3, ignore_index=True).assign(post_id=[str(i) for i in range(6)])
    groups = compare.compare_groups(more, "format", "engagement_rate_by_reach")
    for table in (groups["medians"], groups):
        html = explore.shown(table).to_html()
        assert ">35.71%<" in html and ">0.25%<" in html and ">0.36<" not in html and ">3<" in html
    assert explore.shown(groups).data is groups["medians"]
    assert ">35,71%<" in explore.shown(groups, language="id").to_html()
    with pytest.raises(WorkbookError) as error:
        explore.shown(groups["medians"], measure="engagment_rate_by_reach")
    assert str(error.value).startswith(
        "measure (a column of the post table, or a rate of metrics.RATES) 'engagment_rate_by_reach' is not one the "
        "workbook knows: did you mean 'engagement_rate_by_reach'? Expected one of: reach, impressions, ")
    assert "source_row" not in str(error.value)
    assert error.value.args[0].in_language(translator("id")).startswith(
        "ukuran (kolom tabel unggahan, atau tingkat dalam metrics.RATES) 'engagment_rate_by_reach' tidak dikenali "
        "buku kerja ini: maksud Anda 'engagement_rate_by_reach'?")
    # medians of a count carry their measure too, and stay numbers, not percentages
    assert ">1,200.00<" in explore.shown(compare.compare_groups(more, "format", "reach")).to_html()


def test_an_interval_too_few_posts_give_is_not_applicable_not_unreported(two_posts):
    """Two posts a format: the exports report every figure, but no 95% interval comes from two values; the
    interval's cells read "n/a", where a post's missing figure reads "not reported"."""
    groups = compare.compare_groups(two_posts, "format", "engagement_rate_by_reach")
    assert groups["medians"]["ci_low"].isna().all()
    html = explore.shown(groups["medians"], measure=groups["measure"]).to_html()
    assert ">n/a<" in html and "not reported" not in html
    assert ">t/a<" in explore.shown(groups["medians"], measure=groups["measure"], language="id").to_html()


def test_the_frequency_formula_names_views_where_the_exports_count_views(two_posts):
    html = explore.summary_view(two_posts).to_html()
    assert "frequency (Σ views ÷ Σ reach)" in html and "Σ interactions ÷ Σ views" in html
    assert "Σ impressions" not in html
    assert f"{3020 / 1214:.2f}" in html  # the figure itself: Σ views ÷ Σ reach
    counted = two_posts.assign(impressions_kind=pd.array(["impressions"] * 2, dtype="string"))
    assert "frequency (Σ impressions ÷ Σ reach)" in explore.summary_view(counted).to_html()
    # the numbers keep the names analysts index them by
    assert explore.summary_view(two_posts).data.loc["frequency (Σ impressions ÷ Σ reach)", "facebook"] == \
        pytest.approx(3020 / 1214)
    # Facebook before and after Meta's switch: each post its own count, not one sum of two counts
    mixed = pd.concat([two_posts, counted.assign(post_id=["2", "3"])], ignore_index=True)
    view = explore.summary_view(mixed)
    assert "frequency (Σ impressions or views ÷ Σ reach)" in _row_heads(view)
    assert not [head for head in _row_heads(view) if "+" in head]
    assert ">impressions + views<" in view.to_html()  # the column's impressions kind says what it mixes


def _row_heads(view) -> list[str]:
    """The row headings summary_view shows, in order."""
    return re.findall(r'class="row_heading [^"]*" >([^<]*)</th>', view.to_html())


def test_a_heading_over_platforms_counting_different_things_names_each_ones_count():
    """Facebook counts impressions (2014): 100 reached, 150 impressions, 3 reactions; Instagram counts views
    (2025): 200 reached, 500 views, 10 reactions. One heading heads both columns, so it sums "impressions or
    views", each column its own, which the row 'impressions kind' names: frequency 150 ÷ 100 = 1.50 and
    500 ÷ 200 = 2.50, ER by impressions 3 ÷ 150 = 2.00% and 10 ÷ 500 = 2.00%."""
    posts = posts_of([
        {"platform": "facebook", "published_at": "2014-05-02 09:00", "reach": 100, "impressions": 150,
         "impressions_kind": "impressions", "reactions": 3},
        {"platform": "instagram", "published_at": "2025-05-02 09:00", "reach": 200, "impressions": 500,
         "impressions_kind": "views", "reactions": 10},
    ])
    view = explore.summary_view(posts)
    heads = _row_heads(view)
    assert "frequency (Σ impressions or views ÷ Σ reach)" in heads
    assert "ER by impressions, Σ interactions ÷ Σ impressions or views" in heads
    assert "ER by impressions, mean of post rates" in heads
    assert not [head for head in heads if "+" in head]
    assert list(view.data.loc["impressions kind"]) == ["impressions", "views"]
    assert list(view.data.loc["frequency (Σ impressions ÷ Σ reach)"]) == pytest.approx([1.5, 2.5])
    assert list(view.data.loc["ER by impressions, Σ interactions ÷ Σ impressions"]) == pytest.approx([0.02, 0.02])
    body = view.to_html()
    assert ">1.50<" in body and ">2.50<" in body and ">impressions<" in body and ">views<" in body
    indonesian = _row_heads(explore.summary_view(posts, language="id"))
    assert "frekuensi (Σ impresi atau tayangan ÷ Σ jangkauan)" in indonesian
    assert "tingkat interaksi terhadap impresi, Σ interaksi ÷ Σ impresi atau tayangan" in indonesian
    assert not [head for head in indonesian if "+" in head]


def test_youtubes_thumbnail_note_stays_off_a_heading_it_shares_with_other_platforms():
    """A YouTube video: 1,000 thumbnail impressions, 10 likes; an X post: 400 impressions, 8 likes. The heading
    of ER by impressions heads both columns: it carries no note on thumbnails, which would stand over X's
    column too; YouTube's column says what it counts in the row 'impressions kind'. Neither reports reach,
    so no frequency: its heading names no count the posts it covers have (none), as before."""
    posts = posts_of([
        {"platform": "youtube", "published_at": "2025-05-02 09:00", "video_views": 100, "impressions": 1000,
         "impressions_kind": "thumbnail_impressions", "reactions": 10},
        {"platform": "x", "published_at": "2025-05-03 09:00", "impressions": 400, "impressions_kind": "impressions",
         "reactions": 8},
    ])
    view = explore.summary_view(posts)
    heads = _row_heads(view)
    assert "ER by impressions, Σ interactions ÷ Σ impressions or views" in heads
    assert "ER by impressions, mean of post rates" in heads
    assert not [head for head in heads if "thumbnail" in head]
    assert list(view.data.loc["impressions kind"]) == ["impressions", "thumbnail_impressions"]  # x, youtube
    assert list(view.data.loc["ER by impressions, Σ interactions ÷ Σ impressions"]) == pytest.approx([0.02, 0.01])
    assert ">thumbnail impressions<" in view.to_html()
    assert not [head for head in _row_heads(explore.summary_view(posts, language="id")) if "gambar mini" in head]


def test_a_heading_names_the_count_of_the_posts_its_figure_covers():
    """An X post counts impressions (400) and reports no reach; a Facebook post counts views (300) over 100
    reached. Frequency covers the Facebook post alone: Σ views ÷ Σ reach, 3.00. ER by impressions covers
    both, each its own count: 8 ÷ 400 = 2.00% and 6 ÷ 300 = 2.00%."""
    posts = posts_of([
        {"platform": "x", "published_at": "2025-05-03 09:00", "impressions": 400, "impressions_kind": "impressions",
         "reactions": 8},
        {"platform": "facebook", "published_at": "2025-05-03 09:00", "reach": 100, "impressions": 300,
         "impressions_kind": "views", "reactions": 6},
    ])
    view = explore.summary_view(posts)
    heads = _row_heads(view)
    assert "frequency (Σ views ÷ Σ reach)" in heads
    assert "ER by impressions, Σ interactions ÷ Σ impressions or views" in heads
    assert list(view.data.loc["frequency (Σ impressions ÷ Σ reach)"])[0] == pytest.approx(3.0)  # facebook, x
    assert pd.isna(view.data.loc["frequency (Σ impressions ÷ Σ reach)", "x"])


def test_the_summary_by_format_keeps_each_platforms_formats_apart():
    """A Facebook reel: 100 reached, 5 reactions (5%); a Facebook photo: 200 reached, 4 reactions (2%); an
    Instagram reel: 300 reached, 30 reactions (10%). Pooled, the reels would read 35 ÷ 400 = 8.75%."""
    posts = posts_of([
        {"platform": "facebook", "format": "reel", "published_at": "2025-05-02 09:00", "reach": 100, "reactions": 5},
        {"platform": "facebook", "format": "photo", "published_at": "2025-05-03 09:00", "reach": 200, "reactions": 4},
        {"platform": "instagram", "format": "reel", "published_at": "2025-05-04 09:00", "reach": 300, "reactions": 30},
    ])
    view = explore.summary_view(posts, by="format")
    table = view.data
    assert list(table.columns) == [("facebook", "photo"), ("facebook", "reel"), ("instagram", "reel")]
    assert list(table.loc["summed reach (not unique people)"]) == [200, 100, 300]
    assert list(table.loc["ER by reach, Σ interactions ÷ Σ reach"]) == pytest.approx([4 / 200, 5 / 100, 30 / 300])
    html = view.to_html()
    assert ">2.00%<" in html and ">5.00%<" in html and ">10.00%<" in html and "8.75%" not in html
    assert ">Instagram<" in html and ">reel<" in html  # the platform above, the format below, by their names
    assert ">instagram<" not in html and ">platform<" not in html and ">format<" not in html
    indonesian = explore.summary_view(posts, by="format", language="id").to_html()
    assert ">Facebook<" in indonesian and ">foto<" in indonesian and ">photo<" not in indonesian
    assert list(explore.summary_view(posts).data.columns) == ["facebook", "instagram"]  # by platform: as it was
    # a post whose export gives no format is the platform's "unknown" column, with what its impressions count
    unknown = posts_of([{"platform": "x", "published_at": "2025-05-01 09:00", "impressions": 10,
                         "impressions_kind": "impressions", "reactions": 1}])
    table = explore.summary_view(unknown, by="format").data
    assert list(table.columns) == [("x", "unknown")]
    assert table.loc["impressions kind", ("x", "unknown")] == "impressions"
    assert ">X<" in explore.summary_view(unknown, by="format").to_html()
    assert ">tidak diketahui<" in explore.summary_view(unknown, by="format", language="id").to_html()


def test_the_summary_by_any_column_keeps_the_platforms_apart():
    """Two Friday posts on Facebook (100 and 300 reached, 1 and 3 reactions: 1%) and one on Instagram (100
    reached, 20 reactions: 20%): by weekday, two columns, not one Friday of 3 posts at 24 ÷ 500 = 4.8%."""
    posts = posts_of([
        {"platform": "facebook", "published_at": "2025-05-02 09:00", "reach": 100, "reactions": 1},
        {"platform": "facebook", "published_at": "2025-05-09 09:00", "reach": 300, "reactions": 3},
        {"platform": "instagram", "published_at": "2025-05-02 10:00", "reach": 100, "reactions": 20},
    ])
    posts["weekday"] = posts["published_at"].dt.day_name()
    table = explore.summary_view(posts, by="weekday").data
    assert list(table.columns) == [("facebook", "Friday"), ("instagram", "Friday")]
    assert list(table.loc["posts"]) == [2, 1]
    assert list(table.loc["ER by reach, Σ interactions ÷ Σ reach"]) == pytest.approx([0.01, 0.2])


def test_the_summary_in_indonesian_has_indonesian_labels_and_comma_decimals(two_posts):
    """ER by reach (5 + 3) ÷ (14 + 1,200) = 0.66%, its mean of post rates (35.71% + 0.25%) ÷ 2 = 17.98%;
    frequency Σ views 3,020 ÷ Σ reach 1,214 = 2.49; comments per post (0 + 1) ÷ 2 = 0.50."""
    view = explore.summary_view(two_posts, language="id")
    html = view.to_html()
    assert "tingkat interaksi terhadap jangkauan, Σ interaksi ÷ Σ jangkauan" in html
    assert "frekuensi (Σ tayangan ÷ Σ jangkauan)" in html  # what the exports counted, in Indonesian
    assert ">0,66%<" in html and ">17,98%<" in html and ">2,49<" in html and ">0,50<" in html
    assert ">1.214<" in html and ">3.020<" in html  # counts: whole, with the Indonesian thousands separator
    assert ">tidak dilaporkan<" in html and ">tayangan<" in html  # not reported; impressions kind: views
    assert "not reported" not in html and "ER by" not in html and "posts with" not in html
    # the numbers keep channel_summary's English labels, for code that indexes by them
    assert view.data.loc["ER by reach, Σ interactions ÷ Σ reach", "facebook"] == pytest.approx(8 / 1214)
    english = explore.summary_view(two_posts).to_html()
    assert ">0.66%<" in english and ">17.98%<" in english and ">2.49<" in english and ">1,214<" in english


def test_the_frequency_formula_of_real_meta_exports_counts_views():
    posts = explore.load_folder(real_export("instagram"), client="i", timezone="Africa/Johannesburg").posts
    html = explore.summary_view(posts).to_html()
    assert "frequency (Σ views ÷ Σ reach)" in html and "÷ Σ impressions" not in html


@pytest.mark.parametrize("language, start, end, said", [
    ("en", "2025-06-01", None, "no posts from 2025-06-01: no export covers these days (the exports cover 2 May"
                               " 2025 to 20 May 2025)"),
    ("en", None, "2025-04-30", "no posts up to 2025-04-30: no export covers"),
    ("en", "2025-06-01", "2025-06-30", "no posts between 2025-06-01 and 2025-06-30: no export covers"),
    ("id", "2025-06-01", None, "tidak ada unggahan mulai 2025-06-01: tidak ada ekspor yang mencakup hari-hari ini"
                               " (ekspor mencakup 2 Mei 2025 hingga 20 Mei 2025)"),
    ("id", None, "2025-04-30", "tidak ada unggahan hingga 2025-04-30: tidak ada ekspor yang mencakup"),
])
def test_a_one_sided_period_is_said_as_it_was_asked(two_posts, language, start, end, said):
    try:
        use_language(language)
        with pytest.raises(WorkbookError) as error:
            explore.select_posts(two_posts, start=start, end=end)
        assert str(error.value).startswith(said) and "…" not in str(error.value)
    finally:
        use_language("en")


def test_saved_tables_go_where_workbook_derived_dir_says(two_posts, tmp_path, monkeypatch):
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path / "tables"))
    assert explore.save_table(two_posts, "x.csv") == tmp_path / "tables" / "x.csv"
    monkeypatch.delenv(explore.DERIVED_DIR_VARIABLE)
    assert explore.derived_dir() == PROJECT_ROOT / "data" / "derived"  # an analyst's default


def test_a_test_run_saves_no_table_into_the_project():
    """The explorer notebook's recipe saves a table; run by the test suite (nbval), it must not land in the
    project's data/derived/, where it could replace an analyst's table of the same name."""
    folder = explore.derived_dir().resolve()
    assert not folder.is_relative_to(PROJECT_ROOT.resolve()), folder


def test_the_command_line_and_the_test_suites_conftest_load_no_plotting_or_notebook_modules():
    """`python -m helpers inspect` reads folders with explore.export_files and the root conftest.py reads
    WORKBOOK_DERIVED_DIR's name at collection: neither loads matplotlib or IPython (the conftest not even pandas)."""
    import subprocess
    import sys

    code = ("import importlib.util, sys\n"
            "spec = importlib.util.spec_from_file_location('root_conftest', 'conftest.py')\n"
            "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
            "assert 'pandas' not in sys.modules\n"
            "import helpers.describe, helpers.explore\n"
            "print(sorted(m for m in ('matplotlib', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_shown_writes_p_values_as_the_report_does_and_escapes_categories():
    table = pd.DataFrame({"a": pd.Categorical(["<b>reel</b>", "photo"]), "p_value": [0.0004, 0.1234],
                          "p_holm": [0.0008, float("nan")], "effect": [0.25, 0.5]})
    body = explore.shown(table).to_html()
    assert "&lt; 0.001" in body or "< 0.001" in body.replace("&lt;", "<")
    assert "0.123" in body and "0.00<" not in body and "n/a" in body  # never "0.00" for p < 0.005
    assert "&lt;b&gt;reel&lt;/b&gt;" in body and "<b>reel</b>" not in body  # a category is text: escaped
    assert "0.25" in body  # other floats keep two decimals


def test_per_post_rates_and_durations_carry_the_decimals_their_size_has():
    """Two decimals below 10 (1.23 reached per person), one below 100, none from 100 on: 231 reactions per
    post, not 231.00; 164.83 hours of watch time read 165. The same rule in both languages."""
    from helpers.display import metric_text
    from helpers.i18n import Translator

    en, id_ = Translator("en"), Translator("id")
    assert metric_text(en, "frequency", 1.234) == "1.23"
    assert metric_text(en, "conversation_rate", 12.345) == "12.3"
    assert metric_text(en, "applause_rate", 231.0) == "231"
    assert metric_text(en, "watch_time_hours", 164.83) == "165"
    assert metric_text(en, "average_view_duration_seconds", -58.44) == "-58.4"
    assert metric_text(id_, "conversation_rate", 12.345) == "12,3"
    assert metric_text(en, "applause_rate", float("nan")) == "n/a"


def test_formats_of_posts_without_a_format_are_said_not_compared_without_a_test_of_no_format():
    """Three X posts, none with a format: compare_groups lists them as 'unknown' and tests nothing; the
    explorer shows the report's sentence instead of a Kruskal result of NaN and a pseudo-format."""
    posts = posts_of([{"platform": "x", "published_at": f"2025-05-0{day} 09:00", "impressions": 100 * day,
                       "impressions_kind": "impressions", "reactions": day} for day in (1, 2, 3)])
    formats = compare.compare_groups(posts, "format", "engagement_rate_by_impressions")
    assert formats["medians"]["format"].tolist() == ["unknown"] and formats["kruskal"]["groups"] == 0
    body = explore.formats_shown(formats, posts).data
    assert "On X, the exports do not give a post&#x27;s format, so formats are not compared." in body
    assert "unknown" not in body and "nan" not in body.lower() and "<table" not in body
    assert "ekspor tidak mencantumkan format unggahan" in explore.formats_shown(formats, posts, language="id").data
    one = posts.assign(format=pd.array(["video"] * 3, dtype="string"))
    assert "every post is a video, so formats are not compared" in explore.formats_shown(
        compare.compare_groups(one, "format", "engagement_rate_by_impressions"), one).data


def test_formats_compared_name_the_posts_of_no_format_and_say_the_test_in_words():
    """Photos reach 100 and draw 1 to 4 reactions (1% to 4%), videos 10 to 13 (10% to 13%), and one post gives
    no format. Kruskal–Wallis over the two formats, ranks 1-4 against 5-8: H = 12 / (8 · 9) · (10² / 4 +
    26² / 4) − 3 · 9 = 5.33; its p, from the 70 splits of the 8 posts into two groups of 4 (groups this small
    are tested by permutation), is 2 / 70 = 0.029 (the chi-square approximation said 0.021), as Mann–Whitney's,
    so video is ahead. The post of no format is listed as such, untested."""
    reactions = [("photo", 1), ("photo", 2), ("photo", 3), ("photo", 4), ("video", 10), ("video", 11),
                 ("video", 12), ("video", 13), (None, 5)]
    posts = posts_of([{"platform": "instagram", "format": fmt, "published_at": f"2025-05-{day:02d} 09:00",
                       "reach": 100, "reactions": n} for day, (fmt, n) in enumerate(reactions, start=1)])
    formats = compare.compare_groups(posts, "format", "engagement_rate_by_reach")
    assert formats["kruskal"]["H"] == pytest.approx(16 / 3)
    body = explore.formats_shown(formats, posts).data
    assert ">(not named in the export)<" in body and ">unknown<" not in body
    assert ">11.50%<" in body and ">2.50%<" in body  # the medians, as rates
    # the rate by its label, as the report names it, not by its column's name
    assert ("Across the 2 formats with enough posts to test, the differences in engagement rate by reach are beyond"
            " chance: Kruskal–Wallis H = 5.3, p = 0.029.") in body
    assert "The format ahead of every other format tested, beyond chance: video.</p>" in body
    assert ">0.029<" in body and ">photo<" in body and ">video<" in body  # the pair, by the formats' names
    # Cliff's delta of video over photo is 1 (every video post above every photo post), but 4 posts a format
    # are too few for its interval, and so for a size in words; the two formats tested, the post of no format not
    assert ">not sized (too few posts for an interval)<" in body and body.count(">yes<") == 2 and body.count(">no<") == 1 and "True" not in body
    indonesian = explore.formats_shown(formats, posts, language="id").data
    assert ">foto<" in indonesian and "engagement_rate_by_reach" not in indonesian
    assert ">tidak diukur (unggahan terlalu sedikit untuk interval)<" in indonesian and ">large<" not in indonesian
    assert indonesian.count(">ya<") == 2 and indonesian.count(">tidak<") == 1 and "True" not in indonesian
    assert "lain yang diuji: video.</p>" in indonesian and "clear_leader" not in indonesian
    assert "(2 format), tingkat interaksi terhadap jangkauan berbeda secara bermakna: Kruskal–Wallis H = 5,3" \
        in indonesian
    even = posts.assign(format=pd.array(["photo", "video"] * 4 + [None], dtype="string"))
    unclear = explore.formats_shown(compare.compare_groups(even, "format", "engagement_rate_by_reach"), even).data
    assert "the differences in engagement rate by reach are within chance" in unclear
    assert "No format is ahead" in unclear
    assert "None" not in unclear and "None" not in explore.formats_shown(
        compare.compare_groups(even, "format", "engagement_rate_by_reach"), even, language="id").data


def test_formats_compared_by_metas_views_name_the_measure_as_the_report_does():
    """Meta's views, counted in `impressions`: photos shown 100, 110, 120, 130 times with 1 to 4 reactions,
    videos 200, 210, 220, 230 times with 10 to 13. Either measure ranks the photos 1-4 and the videos 5-8, so
    H = 5.3 and p = 0.029 as above. The report's words: "engagement rate by impressions (views)" (rate_label)
    and "views" (broadcast_word), not "engagement rate by impressions" or the catalogue's "impressions (or
    views)"."""
    rows = [("photo", 100, 1), ("photo", 110, 2), ("photo", 120, 3), ("photo", 130, 4), ("video", 200, 10),
            ("video", 210, 11), ("video", 220, 12), ("video", 230, 13)]
    posts = posts_of([{"platform": "instagram", "format": fmt, "published_at": f"2025-05-{day:02d} 09:00",
                       "impressions": count, "impressions_kind": "views", "reactions": n}
                      for day, (fmt, count, n) in enumerate(rows, start=1)])
    rate = explore.formats_shown(compare.compare_groups(posts, "format", "engagement_rate_by_impressions"), posts)
    assert ("Across the 2 formats with enough posts to test, the differences in engagement rate by impressions"
            " (views) are beyond chance: Kruskal–Wallis H = 5.3, p = 0.029.") in rate.data
    views = explore.formats_shown(compare.compare_groups(posts, "format", "impressions"), posts).data
    assert "the differences in views are beyond chance: Kruskal–Wallis H = 5.3, p = 0.029." in views
    assert "(or views)" not in views
    indonesian = explore.formats_shown(compare.compare_groups(posts, "format", "impressions"), posts,
                                       language="id").data
    assert "(2 format), tayangan berbeda secara bermakna" in indonesian
    shown_impressions = posts.assign(impressions_kind="impressions")  # a count of impressions: named as such
    plain = explore.formats_shown(compare.compare_groups(shown_impressions, "format", "impressions"),
                                  shown_impressions).data
    assert "the differences in impressions are beyond chance" in plain


def test_a_saved_rate_by_metas_views_is_defined_with_the_reports_label():
    from helpers.i18n import Translator

    definition = explore.kpi_definition("engagement_rate_by_impressions", "rate", "views", Translator("en"))
    assert definition.startswith("engagement rate by impressions (views): Σ interactions ÷ Σ views over the posts")
    reach = explore.kpi_definition("engagement_rate_by_reach", "rate", "views", Translator("en"))
    assert reach.startswith("engagement rate by reach: Σ interactions ÷ Σ reach over the posts")


@pytest.mark.parametrize("language, said", [
    ("en", "frequency: Σ impressions or views ÷ Σ reach over the posts that report both (value: this ratio of sums;"
           " mean_of_post_rates: the mean of each post's impressions or views ÷ reach)"),
    ("id", "frekuensi: Σ impresi atau tayangan ÷ Σ jangkauan atas unggahan yang melaporkan keduanya (value: jumlah"
           " dibagi jumlah ini; mean_of_post_rates: rata-rata impresi atau tayangan ÷ jangkauan tiap unggahan)")])
def test_a_saved_rate_over_posts_counting_impressions_and_views_sums_each_posts_own_count(language, said):
    """A channel whose posts count impressions on some, views on others (Facebook across Meta's switch): each
    post adds its own count, "Σ impressions or views", not a sum of both as "Σ impressions and views" reads."""
    from helpers.i18n import Translator

    assert explore.kpi_definition("frequency", "rate", "impressions_and_views", Translator(language)) == said


def test_a_rank_agreement_without_rho_says_why_and_shows_its_figures_as_the_report_writes_them():
    """YouTube posts with views and no likes or comments: no ranking by interactions, said in the caption;
    X posts ranked by impressions: rho 1 (identical rankings), p-value as the report writes it."""
    youtube = posts_of([{"platform": "youtube", "published_at": f"2025-05-0{day} 09:00", "video_views": 10 * day,
                         "impressions": 50 * day, "impressions_kind": "thumbnail_impressions"} for day in (1, 2, 3)])
    x = posts_of([{"platform": "x", "published_at": f"2025-05-0{day} 09:00", "impressions": 100 * day,
                   "impressions_kind": "impressions", "reactions": day} for day in (1, 2, 3, 4)])
    posts = pd.concat([youtube, x], ignore_index=True)
    agreement = compare.rank_agreement_by_broadcast(posts)
    assert agreement.loc["youtube", "n"] == 0 and pd.isna(agreement.loc["youtube", "rho"])
    view = explore.agreement_shown(agreement, posts)
    assert view.data is agreement
    assert view.caption == ("On YouTube, the exports report no interactions (no reactions, comments, shares or "
                            "saves), so the rankings cannot be compared here.")
    body = view.to_html()
    assert ">video views<" in body and ">impressions<" in body and "video_views" not in body
    cells = re.findall(r">([^<]*)</t[hd]>", body)
    # headings in words, the bounds' and confidence level's columns left out (the headings say 95%); X's rho of
    # identical rankings, too few posts for an interval, its p-value of 0 escaped as the report writes it
    assert cells == ["&nbsp;", "posts", "posts compared", "Spearman ρ (95% CI)", "p-value of ρ", "Kendall τ (95% CI)",
                     "ranked by", "X", "4", "4", "1.00", "&lt; 0.001", "1.00", "impressions",
                     "YouTube", "3", "0", "n/a", "n/a", "n/a", "video views"]
    assert "ci_low" not in body and "confidence" not in body and "< 0.001" not in body
    assert list(view.data.columns) == list(agreement.columns)  # the numbers keep every column
    indonesian = explore.agreement_shown(agreement, posts, language="id")
    assert "tidak melaporkan interaksi" in indonesian.caption
    assert ">Spearman ρ (IK 95%)<" in indonesian.to_html() and ">&lt; 0,001<" in indonesian.to_html()
    assert explore.agreement_shown(agreement[agreement.index == "x"], posts).caption is None


def test_a_rank_agreement_s_interval_is_shown_in_the_coefficient_s_cell_as_the_report_writes_it():
    agreement = pd.DataFrame({"posts": [40], "n": [38], "rho": [0.6219], "ci_low": [0.4812], "ci_high": [0.7344],
                              "p_value": [0.0123], "tau": [0.4501], "tau_ci_low": [0.0004], "tau_ci_high": [0.5377],
                              "confidence": [0.95], "compared by": ["reach"]},
                             index=pd.Index(["facebook"], name="platform"))
    posts = posts_of([{"platform": "facebook", "published_at": "2025-05-01 09:00", "reach": 10, "reactions": 1}])
    cells = re.findall(r">([^<]*)</td>", explore.agreement_shown(agreement, posts).to_html())
    # tau's lower bound would read 0.00 with two decimals: it keeps the digits that show it is not 0; the
    # estimate and the upper bound keep two (as the report writes them)
    assert cells == ["40", "38", "0.62 (0.48 to 0.73)", "0.012", "0.45 (0.0004 to 0.54)", "reach"]
    assert re.findall(r">([^<]*)</td>", explore.agreement_shown(agreement, posts, language="id").to_html())[2] == \
        "0,62 (0,48 hingga 0,73)"


def test_rates_over_youtubes_thumbnail_impressions_say_they_are_no_views_of_the_video():
    """Two YouTube videos: 1,000 and 3,000 thumbnail impressions, 10 and 30 likes: ER by impressions 1%, but
    over thumbnails shown, which its rows say; an X post's rows by impressions stay as they were."""
    youtube = posts_of([{"platform": "youtube", "published_at": f"2025-05-0{day} 09:00", "video_views": 100 * day,
                         "impressions": 1000 * day, "impressions_kind": "thumbnail_impressions",
                         "reactions": 10 * day} for day in (1, 3)])
    body = explore.summary_view(youtube).to_html()
    flag = "(thumbnail impressions: times a thumbnail was shown, not views of the video)"
    assert f"ER by impressions, mean of post rates {flag}" in body
    assert f"ER by impressions, Σ interactions ÷ Σ thumbnail impressions {flag}" in body
    assert "posts with ER by impressions<" in body and ">1.00%<" in body
    assert "bukan tayangan videonya" in explore.summary_view(youtube, language="id").to_html()
    x = youtube.assign(platform="x", impressions_kind=pd.array(["impressions"] * 2, dtype="string"))
    assert "thumbnail" not in explore.summary_view(x).to_html()


def test_the_summary_gives_each_column_the_days_of_its_posts_and_reads_nothing_into_them():
    """Facebook posts of 14 January and 15 April 2025 (92 days, both counted), Instagram posts of 18 March and
    14 April (28 days). The posts do not say which days the exports cover (both may cover January to April, the
    Instagram account quiet until March), so the table gives the days and no caption about them."""
    posts = posts_of([
        {"platform": "facebook", "published_at": "2025-01-14 09:00", "reach": 100, "reactions": 1},
        {"platform": "facebook", "published_at": "2025-04-15 09:00", "reach": 200, "reactions": 2},
        {"platform": "instagram", "published_at": "2025-03-18 09:00", "reach": 200, "reactions": 4},
        {"platform": "instagram", "published_at": "2025-04-14 09:00", "reach": 300, "reactions": 6},
    ])
    view = explore.summary_view(posts)
    assert list(view.data.index[:3]) == ["posts", "days from its first to its last post",
                                         "summed reach (not unique people)"]
    assert list(view.data.loc["days from its first to its last post"]) == [92, 28]
    body = view.to_html()
    assert ">days from its first to its last post<" in body
    assert ">14 Jan 2025 – 15 Apr 2025 (92 days)<" in body and ">18 Mar 2025 – 14 Apr 2025 (28 days)<" in body
    assert view.caption is None and "span different days" not in body
    indonesian = explore.summary_view(posts, language="id")
    assert ">hari dari unggahan pertama hingga terakhir<" in indonesian.to_html()
    assert "(92 hari)<" in indonesian.to_html() and indonesian.caption is None
    # one post is one day
    one = explore.summary_view(posts.iloc[:1])
    assert ">14 Jan 2025 (1 day)<" in one.to_html() and one.caption is None  # one day, not a span of it
    # by format within one platform: a photo of each of 14 January and 15 April (92 days), one video of 2 March
    # (1 day), both formats of the same export's days
    formats = posts.iloc[:2].assign(format="photo")
    video = posts.iloc[:1].assign(format="video", published_at=pd.Timestamp("2025-03-02 09:00", tz="UTC"))
    view = explore.summary_view(pd.concat([formats, video], ignore_index=True), by="format")
    assert list(view.data.loc["days from its first to its last post"]) == [92, 1]
    assert ">2 Mar 2025 (1 day)<" in view.to_html()
    assert view.caption is None


def test_the_explorers_tables_follow_the_language_in_use_as_the_table_saved_does(two_posts, tmp_path, monkeypatch):
    """After use_language("id"), the tables shown without language= read Indonesian, as the KPI file
    save_table writes of them does: the summary's frequency and the saved definition both say Σ tayangan
    (Meta's views) ÷ Σ jangkauan, the photo's 5 ÷ 14 reads 35,71%, and the rankings of two posts cannot be
    compared (too few), in Indonesian. language= still chooses."""
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    agreement = compare.rank_agreement_by_broadcast(two_posts)
    formats = compare.compare_groups(two_posts, "format", "engagement_rate_by_reach")
    try:
        use_language("id")
        summary = explore.summary_view(two_posts).to_html()
        saved = pd.read_csv(explore.save_table(metrics.kpis(two_posts), "kpis.csv"))
        shown = explore.shown(two_posts[["engagement_rate_by_reach", "shares"]]).to_html()
        agreement_caption = explore.agreement_shown(agreement, two_posts).caption
        formats_said = explore.formats_shown(formats, two_posts).data
        english = explore.summary_view(two_posts, language="en").to_html()
    finally:
        use_language("en")
    assert "frekuensi (Σ tayangan ÷ Σ jangkauan)" in summary
    assert saved.set_index("kpi").loc["frequency", "definition"].startswith("frekuensi: Σ tayangan ÷ Σ jangkauan")
    assert ">35,71%<" in shown and ">tidak dilaporkan<" in shown
    assert agreement_caption.startswith("Di Facebook, kedua peringkat tidak dapat dibandingkan")
    assert formats_said.startswith("<p>Di Facebook, tidak ada dua format")
    assert "frequency (Σ views ÷ Σ reach)" in english


def test_a_kpi_table_shows_each_figure_in_its_kpis_unit():
    """metrics.kpis holds counts and rates in one float column: a count reads as a whole number (2 posts,
    1,234 summed reach), not 2.00; a rate of interactions as a percentage, in either language. Two posts:
    reach 1,000 and 234, reactions 10 and 2: engagement rate by reach 12 / 1,234 = 0.97%."""
    posts = posts_of([{"platform": "instagram", "format": "photo", "published_at": "2025-05-01 09:00",
                       "reach": 1000, "reactions": 10},
                      {"platform": "instagram", "format": "photo", "published_at": "2025-05-02 09:00",
                       "reach": 234, "reactions": 2}])
    kpis = metrics.kpis(posts)
    for language, count, reach, rate in (("en", "2", "1,234", "0.97%"), ("id", "2", "1.234", "0,97%")):
        cells = dict(zip(kpis["kpi"], re.findall(r'class="data row\d+ col3" >([^<]*)<',
                                                 explore.shown(kpis, language=language).to_html())))
        assert (cells["posts"], cells["summed_reach"], cells["engagement_rate_by_reach"]) == (count, reach, rate)
    # a total has no mean of post rates: that does not apply (n/a), it is not something the export left out
    column = list(kpis.columns).index("mean_of_post_rates")
    for language, na, left_out in (("en", "n/a", "not reported"), ("id", "t/a", "tidak dilaporkan")):
        cells = dict(zip(kpis["kpi"], re.findall(rf'class="data row\d+ col{column}" >([^<]*)<',
                                                 explore.shown(kpis, language=language).to_html())))
        assert cells["posts"] == cells["summed_reach"] == na and left_out not in cells.values()


def test_a_period_changes_post_counts_are_whole_numbers_where_a_group_is_in_one_period_only():
    """A format posted in one period only leaves the other period's side of its rows empty, so pandas holds
    the post counts as floats: they still read 2 and 1, not 2.00 and 1.00 (and a count the other period lacks
    reads n/a). Now: two photos; before: one photo and one video."""
    now = posts_of([{"platform": "instagram", "format": "photo", "published_at": f"2025-05-0{day} 09:00",
                     "reach": 100, "reactions": 5} for day in (1, 2)])
    before = posts_of([{"platform": "instagram", "format": fmt, "published_at": "2025-04-01 09:00",
                        "reach": 100, "reactions": 5} for fmt in ("photo", "video")])
    change = metrics.period_change(now, before, by="format")
    assert change["posts"].dtype == float  # why the display must not take the dtype's word for it
    rows = change.index[change["kpi"].eq("summed_reach")]
    html_table = explore.shown(change.loc[rows]).to_html()
    cells = {name: re.findall(rf'class="data row\d+ col{list(change.columns).index(name)}" >([^<]*)<', html_table)
             for name in ("posts", "posts_covered", "posts_previous", "posts_covered_previous")}
    assert cells == {"posts": ["2", "n/a"], "posts_covered": ["2", "n/a"], "posts_previous": ["1", "1"],
                     "posts_covered_previous": ["1", "1"]}


@pytest.mark.parametrize("language, paid, organic, unknown", [
    ("en", "paid", "organic", "(paid or organic not reported)"),
    ("id", "berbayar", "organik", "(berbayar atau organik tidak dilaporkan)")])
def test_a_table_grouped_by_the_paid_flag_says_paid_and_organic_not_true_and_false(language, paid, organic,
                                                                                    unknown):
    """Grouped by `paid`, the summary's headings and a KPI table's column name paid and organic posts in
    words, and the posts whose export does not say (paid missing) as not known."""
    posts = posts_of([{"platform": "facebook", "format": "photo", "published_at": f"2025-05-0{day} 09:00",
                       "reach": 100, "reactions": 5, "paid": flag}
                      for day, flag in ((1, True), (2, False), (3, None))])
    headings = re.findall(r'<th[^>]*col_heading level1[^>]*>([^<]*)<',
                          explore.summary_view(posts, by="paid", language=language).to_html())
    assert headings == [organic, paid, unknown]
    table = metrics.kpis(posts, by="paid")
    table = table[table["kpi"].eq("posts")].reset_index(drop=True)
    column = list(table.columns).index("paid")
    assert re.findall(rf'class="data row\d+ col{column}" >([^<]*)<',
                      explore.shown(table, language=language).to_html()) == [organic, paid, unknown]


def test_a_table_made_from_format_medians_is_shown_in_its_own_units(two_posts):
    """pandas copies the medians' attrs to what is made of them: describe()'s count of the 2 formats is 2, not
    200.00%, and a column assigned beside them leaves the medians no longer compare_groups' own. Filtered, or
    with the format as their index, they are still its medians: 5 ÷ 14 = 35.71%."""
    more = pd.concat([two_posts] * 3, ignore_index=True).assign(post_id=[str(i) for i in range(6)])
    medians = compare.compare_groups(more, "format", "engagement_rate_by_reach")["medians"]
    described = explore.shown(medians.describe()).to_html()
    assert ">2.00<" in described and ">0.18<" in described and "%</td>" not in described  # (5/14 + 3/1200) ÷ 2
    assigned = explore.shown(medians.assign(double=medians["median"] * 2)).to_html()
    assert ">0.36<" in assigned and ">0.71<" in assigned and "%</td>" not in assigned
    assert ">35.71%<" in explore.shown(medians[medians["posts"] == 3].set_index("format")).to_html()


def test_some_columns_of_format_medians_are_still_shown_in_the_unit_of_the_rate(two_posts):
    """Selecting the medians' columns keeps them compare_groups' medians: 5 ÷ 14 = 35.71% and 3 ÷ 1,200 = 0.25%,
    not 0.36 and 0.00. A column computed beside them, or describe()'s statistics of them, are not."""
    more = pd.concat([two_posts] * 3, ignore_index=True).assign(post_id=[str(i) for i in range(6)])
    medians = compare.compare_groups(more, "format", "engagement_rate_by_reach")["medians"]
    for table in (medians[["median", "ci_low", "ci_high"]], medians.drop(columns="tested"),
                  medians[["format", "median"]], medians.set_index("format")[["ci_high", "median"]]):
        html = explore.shown(table).to_html()
        assert ">35.71%<" in html and ">0.25%<" in html and ">0.36<" not in html
    computed = explore.shown(medians.assign(double=medians["median"] * 2).drop(columns="format")).to_html()
    assert ">0.36<" in computed and ">0.71<" in computed and "%</td>" not in computed
    described = explore.shown(medians.describe()[["median"]]).to_html()
    assert ">2.00<" in described and ">0.18<" in described and "%</td>" not in described  # (5/14 + 3/1200) ÷ 2


def test_a_dict_or_a_list_given_to_shown_is_an_error_saying_what_it_shows():
    with pytest.raises(WorkbookError) as error:
        explore.shown({"a": [1]})
    assert str(error.value) == (
        "shown shows compare_groups' result through its 'medians' table, which this dict does not hold: give shown"
        " a DataFrame, or compare_groups' result as it comes")
    with pytest.raises(WorkbookError, match=r"\(a dict holding its 'medians' table\), not an object of type list$"):
        explore.shown([1, 2])


def _kpi_cells(table: pd.DataFrame, kpi: str, columns: tuple[str, ...], language: str = "en") -> list[str]:
    """The cells `shown` writes for one KPI's row of a KPI table, in `columns`' order."""
    html_table = explore.shown(table, language=language).to_html()
    row = list(table["kpi"]).index(kpi)
    return [re.search(rf'class="data row{row} col{list(table.columns).index(c)}" >([^<]*)<', html_table).group(1)
            for c in columns]


CHANGES = ("change", "relative_change", "ci_low", "ci_high", "relative_ci_low", "relative_ci_high")


def test_a_period_changes_rate_moves_in_percentage_points_and_its_relative_change_is_a_percentage():
    """Now two photos reached 100 each drew 3 and 5 reactions (8 ÷ 200 = 4.00%), before 1 and 1 (2 ÷ 200 = 1.00%):
    engagement rate by reach rose by 3.00 percentage points, 300% of the 1.00% before; reactions rose by 6, a
    count (8 against 2, +300%); summed reach stayed 200 (0, 0.0%). Two posts a period are too few for an
    interval: n/a. The other way round, the rate fell by 3.00 pp, 75.0% of the 4.00% before."""
    now = posts_of([{"platform": "instagram", "format": "photo", "published_at": f"2025-05-0{day} 09:00",
                     "reach": 100, "reactions": n} for day, n in ((1, 3), (2, 5))])
    before = posts_of([{"platform": "instagram", "format": "photo", "published_at": f"2025-04-0{day} 09:00",
                        "reach": 100, "reactions": 1} for day in (1, 2)])
    change = metrics.period_change(now, before)
    assert _kpi_cells(change, "engagement_rate_by_reach", CHANGES) == ["+3.00 pp", "+300%"] + ["n/a"] * 4
    assert _kpi_cells(change, "reactions", ("change", "relative_change")) == ["+6", "+300%"]
    assert _kpi_cells(change, "summed_reach", ("change", "relative_change")) == ["0", "0.0%"]
    assert _kpi_cells(change, "engagement_rate_by_reach", ("value", "value_previous")) == ["4.00%", "1.00%"]
    fall = metrics.period_change(before, now)
    assert _kpi_cells(fall, "engagement_rate_by_reach", ("change", "relative_change")) == ["-3.00 pp", "-75.0%"]
    assert _kpi_cells(fall, "engagement_rate_by_reach", ("change", "relative_change"), "id") == [
        "-3,00 poin persentase", "-75,0%"]


def test_the_interval_of_a_rates_change_is_in_points_and_an_unbounded_end_is_said_in_words():
    """A period_change as metrics writes it (the figures of a real Instagram export's two halves): engagement
    rate by reach 3.01% against 3.92%, a change of -0.91 percentage points (95% CI -2.30 to 0.36 pp), -23.3% of
    the rate before (-48.1% to no upper bound: the rate before was 0 in many resamples); applause per post 2.00
    against 4.41, -2.41 reactions a post (-3.88 to -1.14), a relative change of -54.6% (-68.1% to -34.1%)."""
    change = pd.DataFrame({
        "platform": ["instagram"] * 2, "kpi": ["engagement_rate_by_reach", "applause_rate"],
        "kind": ["rate", "per post"], "value": [0.030056, 2.0], "value_previous": [0.039175, 4.408163],
        "change": [-0.009119, -2.408163], "relative_change": [-0.23278, -0.546296], "ci_low": [-0.023007, -3.878958],
        "ci_high": [0.003569, -1.137212], "relative_ci_low": [-0.481179, -0.680502],
        "relative_ci_high": [float("inf"), -0.341321]})
    assert _kpi_cells(change, "engagement_rate_by_reach", CHANGES) == [
        "-0.91 pp", "-23.3%", "-2.30 pp", "0.36 pp", "-48.1%", "no upper bound"]
    assert _kpi_cells(change, "applause_rate", CHANGES) == ["-2.41", "-54.6%", "-3.88", "-1.14", "-68.1%", "-34.1%"]
    assert _kpi_cells(change, "engagement_rate_by_reach", CHANGES, "id") == [
        "-0,91 poin persentase", "-23,3%", "-2,30 poin persentase", "0,36 poin persentase", "-48,1%",
        "tanpa batas atas"]
    assert "∞" not in explore.shown(change).to_html()


def test_formats_compared_read_as_the_reports_tables_with_headings_and_intervals_in_one_cell():
    """Six photos reached 100 each drew 1 to 6 reactions (1% to 6%), six videos 11 to 16 (11% to 16%). Each
    median is the mean of its 3rd and 4th post: 3.50% and 13.50%; with six posts the 95% interval of order
    statistics runs from the lowest to the highest (coverage 1 − 2 · ½⁶ = 96.9%; the 2nd to the 5th cover only
    78.1%): 1.00% to 6.00%, 11.00% to 16.00%. Every photo is below every video: Mann–Whitney's exact p is
    2 / C(12, 6) = 2 / 924 = 0.002, Holm's the same over one pair, Cliff's δ of photo over video -1 (Newcombe's
    interval ends at -0.38). Headings say what a cell holds, in the language asked, not the columns' names."""
    rows = [("photo", n) for n in range(1, 7)] + [("video", n) for n in range(11, 17)]
    posts = posts_of([{"platform": "instagram", "format": fmt, "published_at": f"2025-05-{day:02d} 09:00",
                       "reach": 100, "reactions": n} for day, (fmt, n) in enumerate(rows, start=1)])
    formats = compare.compare_groups(posts, "format", "engagement_rate_by_reach")

    def read(language: str) -> tuple[list[str], list[str]]:
        body = explore.formats_shown(formats, posts, language=language).data
        return re.findall(r"<th [^>]*col_heading[^>]*>([^<]*)<", body), re.findall(r"<td [^>]*>([^<]*)<", body)

    headings, cells = read("en")
    assert headings == ["format", "posts", "median engagement rate by reach (95% CI)", "tested",
                        "formats compared", "posts", "p (Mann–Whitney, before the Holm adjustment)",
                        "Cliff&#x27;s δ (95% CI)", "effect size", "p (Holm-adjusted)"]
    assert cells == ["video", "6", "13.50% (11.00% to 16.00%)", "yes", "photo", "6", "3.50% (1.00% to 6.00%)", "yes",
                     "photo – video", "6 – 6", "0.002", "-1.00 (-1.00 to -0.38)", "medium to large", "0.002"]
    headings, cells = read("id")
    assert headings == ["format", "unggahan", "median tingkat interaksi terhadap jangkauan (IK 95%)", "diuji",
                        "format yang dibandingkan", "unggahan", "p (Mann–Whitney, sebelum penyesuaian Holm)",
                        "Cliff&#x27;s δ (IK 95%)", "ukuran efek", "p (disesuaikan dengan Holm)"]
    assert cells[2] == "13,50% (11,00% hingga 16,00%)" and cells[8:12] == [
        "foto – video", "6 – 6", "0,002", "-1,00 (-1,00 hingga -0,38)"]
    by_reach = explore.formats_shown(compare.compare_groups(posts, "format", "reach"), posts).data
    assert ">median reach (95% CI)<" in by_reach and ">100<" in by_reach  # a count's median, whole


def test_a_date_only_post_is_shown_by_its_date_and_a_month_dated_one_by_its_month():
    """A LinkedIn post whose export gives its day only is stored at midnight of 24 June 2025 in Amsterdam
    (+02:00 in summer), a UCI post dated to August 2014 only on a stand-in day, an Instagram post at 15:13 on 18
    March 2025 (+01:00). The overview and posts_behind, shown, write the day ("24 Jun 2025"), the month ("Aug
    2014") and the day with its time ("18 Mar 2025 15:13"): no invented midnight, no offset. The stored times stay
    as they are, for computing."""
    posts = posts_of([
        {"platform": "linkedin", "published_at": "2025-06-24 00:00", "published_precision": "day", "reach": 300},
        {"platform": "facebook", "published_at": "2014-08-05 04:00", "published_precision": "month", "reach": 200},
        {"platform": "instagram", "published_at": "2025-03-18 15:13", "published_precision": "minute", "reach": 100},
    ], timezone="Europe/Amsterdam")

    def dates(table: pd.DataFrame, language: str = "en") -> list[str]:
        column = list(table.columns).index("published_at")
        return re.findall(rf'class="data row\d+ col{column}" >([^<]*)<',
                          explore.shown(table, language=language).to_html())

    overview = posts[explore.OVERVIEW_COLUMNS]
    assert dates(overview) == ["24 Jun 2025", "Aug 2014", "18 Mar 2025 15:13"]
    assert dates(overview, "id") == ["24 Jun 2025", "Agu 2014", "18 Mar 2025 15.13"]
    assert dates(explore.posts_behind(posts, "reach")) == ["24 Jun 2025", "Aug 2014", "18 Mar 2025 15:13"]
    assert "00:00" not in explore.shown(overview).to_html()
    assert posts["published_at"].iloc[0] == pd.Timestamp("2025-06-24 00:00", tz="Europe/Amsterdam")
    # a table of times without their precision cannot tell a date-only post's midnight from a post's: as stored
    assert dates(posts[["platform", "published_at"]]) == ["2025-06-24 00:00:00+02:00", "2014-08-05 04:00:00+02:00",
                                                          "2025-03-18 15:13:00+01:00"]


def test_publish_times_read_back_as_text_are_written_as_dates_and_a_blank_precision_by_the_time():
    """A table read back with pd.read_csv holds its publish times as text. A minute-precise post at 21:59 on 24
    June 2025 is written "24 Jun 2025 21:59", a date-only one "25 Jun 2025"; of two rows whose precision is blank,
    the one at exactly midnight of 26 June by its day (what a date-only export stores), the one at 08:30 on 27
    June with its time; a time that reads as no date ("soon") as it stands, a blank time n/a."""
    table = pd.DataFrame({
        "platform": ["x"] * 6,
        "published_at": ["2025-06-24 21:59:00+02:00", "2025-06-25 00:00:00+02:00", "2025-06-26 00:00:00+02:00",
                         "2025-06-27 08:30:00+02:00", "soon", None],
        "published_precision": ["minute", "day", None, None, None, None]})
    html = explore.shown(table).to_html()
    assert re.findall(r'class="data row\d+ col1" >([^<]*)<', html) == [
        "24 Jun 2025 21:59", "25 Jun 2025", "26 Jun 2025", "27 Jun 2025 08:30", "soon", "n/a"]


def test_a_publish_time_is_written_from_a_timestamp_a_datetime_a_date_or_text():
    """display.published_text reads each kind of moment alike: 18 March 2025 at 15:13 is "18 Mar 2025 15:13" with
    its time, "18 Mar 2025" without; a date (no time of day) of a row without precision is its day; pd.NA as the
    precision counts as missing."""
    import datetime as dt

    from helpers.display import published_text
    from helpers.i18n import Translator

    tr = Translator("en")
    for when in (pd.Timestamp("2025-03-18 15:13", tz="Europe/Amsterdam"), dt.datetime(2025, 3, 18, 15, 13),
                 "2025-03-18 15:13", " 2025-03-18T15:13:00+01:00 "):
        assert published_text(tr, when, "minute", time=True) == "18 Mar 2025 15:13"
        assert published_text(tr, when, pd.NA, time=True) == "18 Mar 2025 15:13"
        assert published_text(tr, when, "minute") == "18 Mar 2025"
    assert published_text(tr, dt.date(2025, 3, 18), None, time=True) == "18 Mar 2025"
    assert published_text(tr, "2014-08-05", "month") == "Aug 2014"
    assert published_text(tr, "", "minute") == published_text(tr, pd.NaT, "day") == "n/a"
