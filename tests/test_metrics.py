"""Metric formulas against a small table worked out by hand, NA and zero denominators included."""
import math

import numpy as np
import pandas as pd
import pytest

from helpers import metrics, schema
from helpers.errors import WorkbookError
from helpers.i18n import translator
from helpers.importers import import_exports
from tests.conftest import FIXTURES


def posts_table(rows):
    frame = pd.DataFrame(rows)
    frame["published_at"] = pd.Timestamp("2026-01-01", tz="UTC")
    frame["post_id"] = [str(i) for i in range(len(frame))]
    frame["source_file"] = "hand.csv"
    frame["source_row"] = range(2, len(frame) + 2)
    frame["client"] = "c"
    frame["published_precision"] = "minute"
    return schema.conform(frame)


@pytest.fixture
def posts():
    na = pd.NA
    return posts_table([
        # reach impressions reactions comments shares saves
        dict(platform="facebook", reach=100, impressions=150, reactions=8, comments=1, shares=1, saves=na),  # 10
        dict(platform="facebook", reach=400, impressions=500, reactions=10, comments=6, shares=4, saves=na),  # 20
        dict(platform="facebook", reach=na, impressions=80, reactions=3, comments=na, shares=na, saves=na),  # NA
        dict(platform="instagram", reach=0, impressions=0, reactions=0, comments=0, shares=0, saves=0),  # 0
        dict(platform="instagram", reach=50, impressions=na, reactions=na, comments=na, shares=na, saves=na),  # NA
    ])


def test_interactions_sum_reported_components_and_keep_missing_as_na(posts):
    got = metrics.interactions(posts)
    assert got.tolist()[:2] == [10, 20] and got.iloc[3] == 0  # saves, which no facebook post reports, left out
    # the third post leaves comments and shares blank where its file reports them for the other facebook
    # posts: its interactions are not known (not 3 + 0 + 0)
    assert pd.isna(got.iloc[2])
    assert pd.isna(got.iloc[4])
    assert str(got.dtype) == "Int64"  # a count shows as 10, not 10.0


def test_interactions_of_averaged_components_keep_their_fractions(posts):
    averaged = posts.astype({c: "Float64" for c in metrics.INTERACTION_COMPONENTS})
    averaged.loc[averaged.index[0], "comments"] = 2.5  # e.g. a table of mean counts per format
    got = metrics.interactions(averaged)
    assert got.iloc[0] == pytest.approx(11.5) and pd.isna(got.iloc[4])  # 8 + 2.5 + 1, no saves reported


def test_frequency_needs_both_and_a_positive_reach(posts):
    got = metrics.frequency(posts)
    assert got.iloc[0] == pytest.approx(1.5)
    assert got.iloc[1] == pytest.approx(1.25)
    assert pd.isna(got.iloc[2])  # no reach
    assert pd.isna(got.iloc[3])  # reach 0: undefined, not 0 and not infinite
    assert pd.isna(got.iloc[4])  # no impressions


def test_engagement_rates_per_post(posts):
    by_reach = metrics.engagement_rate_by_reach(posts)
    assert by_reach.iloc[0] == pytest.approx(0.10)
    assert by_reach.iloc[1] == pytest.approx(0.05)
    assert by_reach.isna().tolist()[2:] == [True, True, True]
    by_impr = metrics.engagement_rate_by_impressions(posts)
    assert by_impr.iloc[0] == pytest.approx(10 / 150)
    assert pd.isna(by_impr.iloc[2])  # impressions 80, but interactions not known (blank comments and shares)


def test_rate_over_posts_both_ways_with_coverage(posts):
    fb = posts[posts["platform"] == "facebook"]
    got = metrics.rate_over_posts(fb, metrics.interactions(fb), fb["reach"])
    assert got["mean_of_post_rates"] == pytest.approx((0.10 + 0.05) / 2)  # 0.075
    assert got["ratio_of_sums"] == pytest.approx(30 / 500)  # 0.06
    assert (got["posts_covered"], got["posts_total"]) == (2, 3)


def test_rate_over_no_covered_post_is_nan_not_zero(posts):
    ig = posts[posts["platform"] == "instagram"]
    got = metrics.rate_over_posts(ig, metrics.interactions(ig), ig["reach"])
    assert math.isnan(got["mean_of_post_rates"]) and math.isnan(got["ratio_of_sums"])
    assert got["posts_covered"] == 0


def test_kpis_read_what_impressions_count_from_the_posts_reporting_them():
    """A channel's impressions kind comes from its posts that report impressions; a rate by impressions takes
    the kind of the posts it covers. Here two posts count impressions; a third is marked views but reports
    none (its kind says nothing), a fourth counts views but reports no reach (frequency leaves it out)."""
    na = pd.NA
    table = posts_table([
        dict(platform="facebook", reach=100, impressions=150, impressions_kind="impressions"),
        dict(platform="facebook", reach=200, impressions=300, impressions_kind="impressions"),
        dict(platform="facebook", reach=50, impressions=na, impressions_kind="views"),
        dict(platform="facebook", reach=na, impressions=90, impressions_kind="views"),
    ])
    got = metrics.kpis(table).set_index("kpi")
    assert got.loc["posts", "impressions_kind"] == "impressions_and_views"  # posts 1, 2 and 4 report impressions
    assert got.loc["frequency", "impressions_kind"] == "impressions"  # (150 + 300) ÷ (100 + 200) = 1.5
    assert got.loc["frequency", "value"] == pytest.approx(1.5) and got.loc["frequency", "posts_covered"] == 2
    only = metrics.kpis(table.iloc[:3]).set_index("kpi")
    assert only.loc["posts", "impressions_kind"] == "impressions"  # the third post's 'views' reports nothing


def test_a_post_whose_rate_is_infinity_over_infinity_is_not_covered():
    """A hand-built table may hold ∞: ∞ ÷ ∞ is no rate, so the post is left out of both ways of the rate, in
    kpis as in rate_over_posts (1.5 from the other post alone); ∞ ÷ 100 is a rate of ∞ and counts."""
    inf = float("inf")
    table = posts_table([dict(platform="facebook", reach=1, impressions=1),
                         dict(platform="facebook", reach=100, impressions=150)]).astype({"reach": float, "impressions": float})
    table.loc[table.index[0], ["reach", "impressions"]] = inf
    got = metrics.kpis(table).set_index("kpi").loc["frequency"]
    assert got["value"] == pytest.approx(1.5) and got["posts_covered"] == 1
    assert metrics.rate_over_posts(table, "impressions", "reach")["posts_covered"] == 1
    table.loc[table.index[0], "reach"] = 100.0
    assert metrics.rate_over_posts(table, "impressions", "reach")["ratio_of_sums"] == inf


def test_kaushik_rates_count_only_posts_reporting_them(posts):
    fb = posts[posts["platform"] == "facebook"]
    assert metrics.conversation_rate(fb) == {"rate": pytest.approx(3.5), "posts_covered": 2, "posts_total": 3}
    assert metrics.amplification_rate(fb)["rate"] == pytest.approx(2.5)
    assert metrics.applause_rate(fb)["rate"] == pytest.approx(7.0)


def test_channel_summary_labels_summed_reach_and_gives_nan_for_unreported(posts):
    table = metrics.channel_summary(posts)
    assert table.loc["facebook", "summed reach (not unique people)"] == 500
    assert table.loc["facebook", "posts with reach"] == 2
    assert table.loc["facebook", "ER by reach, Σ interactions ÷ Σ reach"] == pytest.approx(0.06)
    assert table.loc["facebook", "frequency (Σ impressions ÷ Σ reach)"] == pytest.approx(650 / 500)
    assert table.loc["instagram", "interactions"] == 0  # reported zeros stay zero
    assert math.isnan(table.loc["instagram", "ER by reach, mean of post rates"])


def test_floats_gives_nan_for_every_value_not_reported_and_keeps_the_length():
    """The one conversion metrics, compare and statistics share: an Int64 column with a blank, a list with
    None and a text, and a float array with NaN all come out as floats of their own length, NaN where no
    number is reported; the comparisons' pairs keep the positions where both are reported."""
    from helpers import compare

    assert np.array_equal(metrics.floats(pd.Series([3, pd.NA, 0], dtype="Int64")), [3.0, np.nan, 0.0],
                          equal_nan=True)
    assert np.array_equal(metrics.floats([1, None, np.nan, 2.5]), [1.0, np.nan, np.nan, 2.5], equal_nan=True)
    # a blank cell, spaces or a written NaN are not reported, as pandas' NA is
    assert np.array_equal(metrics.floats(pd.Series([1, "", " ", "NaN", "3"], dtype=object)),
                          [1.0, np.nan, np.nan, np.nan, 3.0], equal_nan=True)
    assert np.array_equal(metrics.floats(pd.Series(["", "2"], dtype="string")), [np.nan, 2.0], equal_nan=True)
    # a number typed as text is refused, not read as missing (it would leave its post out of a total unsaid)
    with pytest.raises(WorkbookError) as error:
        metrics.floats(pd.Series([100, "1,234", 50, "x"], name="impressions", dtype=object))
    assert str(error.value).startswith(
        "2 values are text, not numeric, in column impressions (first: '1,234')")
    assert np.array_equal(metrics.floats(np.array([np.nan, 4.0])), [np.nan, 4.0], equal_nan=True)
    xs, ys = compare._pairs(pd.Series([1, pd.NA, 3, 4], dtype="Int64"), pd.Series([10.0, 20.0, np.nan, 40.0]))
    assert xs.tolist() == [1.0, 4.0] and ys.tolist() == [10.0, 40.0]


def test_channel_summary_of_a_table_without_impressions_kind_says_not_reported():
    """A table of the post columns without impressions_kind, which kpis takes (its kind NA): three Facebook
    posts, interactions 1 + 3 + 4 = 8 over reach 600 = 0.0133, impressions 150 + 250 + 400 = 800. The summary
    gives those figures and "not reported" as the impressions kind, as for posts whose kind is missing."""
    table = pd.DataFrame({"platform": ["facebook"] * 3, "reach": [100, 200, 300], "impressions": [150, 250, 400],
                          "reactions": [1, 2, 3], "comments": [0, 1, 0], "shares": [0, 0, 1]}
                         | {column: [pd.NA] * 3 for column in ("saves", "clicks", "video_views",
                                                               "watch_time_seconds", "spend", "followers")})
    assert metrics.kpis(table)["impressions_kind"].isna().all()
    summary = metrics.channel_summary(table)
    assert summary.loc["facebook", "ER by reach, Σ interactions ÷ Σ reach"] == pytest.approx(8 / 600)
    assert summary.loc["facebook", "impressions or views"] == 800
    assert summary.loc["facebook", "impressions kind"] == "not reported"


def test_cost_rates_count_paid_posts_only():
    """CPM, cost per reached person and cost per engagement are over paid posts (METRICS.md): an organic
    post's spend of 0 does not dilute them. Paid: flag True, or flag unknown with spend above 0."""
    na = pd.NA
    table = posts_table([
        dict(platform="facebook", reach=1000, impressions=2000, reactions=40, paid=True, spend=50.0),
        dict(platform="facebook", reach=6000, impressions=8000, reactions=60, paid=False, spend=0.0),
        dict(platform="facebook", reach=400, impressions=500, reactions=10, paid=na, spend=5.0),
        dict(platform="facebook", reach=300, impressions=400, reactions=9, paid=na, spend=0.0),
    ])
    per_post = metrics.post_metrics(table)
    assert per_post["cpm"].tolist()[:3:2] == [pytest.approx(25.0), pytest.approx(10.0)]
    assert per_post["cpm"].isna().tolist() == [False, True, False, True]
    kpis = metrics.kpis(table).set_index("kpi")
    assert kpis.loc["cpm", "value"] == pytest.approx((50 + 5) / (2000 + 500) * 1000)  # 22, not 5.5 over all four
    assert kpis.loc["cpm", "posts_covered"] == 2
    assert kpis.loc["cost_per_reached_person", "value"] == pytest.approx(55 / 1400)
    assert kpis.loc["cost_per_engagement", "value"] == pytest.approx(55 / 50)
    assert kpis.loc["spend", "value"] == 55  # the total spend is still every post's


def test_a_post_with_spend_and_no_paid_flag_counts_as_paid_everywhere():
    """paid_flag: the export's flag where given; where not, spend above 0 is paid and spend 0 organic;
    otherwise unknown (not False)."""
    from helpers.compare import paid_vs_organic

    na = pd.NA
    table = posts_table([
        dict(platform="facebook", reach=100 * (i + 1), reactions=5, paid=na, spend=10.0 if i < 3 else 0.0)
        for i in range(7)] + [dict(platform="facebook", reach=50, reactions=5, paid=False, spend=na)])
    table.loc[6, "spend"] = pd.NA
    assert metrics.paid_flag(table).tolist() == [True, True, True, False, False, False, na, False]
    comparison = paid_vs_organic(table).iloc[0]
    assert (comparison["paid posts"], comparison["organic posts"]) == (3, 4)



def formats_of_two_platforms():
    """Every post reached 1,000. Facebook: 20 photos of 10 to 14 reactions (Σ 240: 1.2%), 3 reels of 2 to 4
    (Σ 9: 0.3%). Instagram: 3 photos of 100 to 102 (Σ 303: 10.1%), 20 reels of 50 to 54 (Σ 1,040: 5.2%).
    On each platform photos engage more; pooled, reels would: (9 + 1,040) ÷ 23,000 = 4.56% against
    (240 + 303) ÷ 23,000 = 2.36%, since most reels are Instagram's and most photos Facebook's."""
    def post(platform, format, reactions):
        return dict(platform=platform, format=format, reach=1000, reactions=reactions, comments=0, shares=0, saves=0)
    return posts_table([post("facebook", "photo", 10 + i % 5) for i in range(20)]
                       + [post("facebook", "reel", r) for r in (2, 3, 4)]
                       + [post("instagram", "photo", r) for r in (100, 101, 102)]
                       + [post("instagram", "reel", 50 + i % 5) for i in range(20)])


def test_kpis_by_format_keep_each_platforms_formats_apart():
    posts = formats_of_two_platforms()
    got = metrics.kpis(posts, by="format")
    assert list(got.columns[:3]) == ["platform", "format", "kpi"]
    rates = got[got["kpi"] == "engagement_rate_by_reach"].set_index(["platform", "format"])["value"]
    assert rates.to_dict() == pytest.approx({("facebook", "photo"): 0.012, ("facebook", "reel"): 0.003,
                                             ("instagram", "photo"): 0.101, ("instagram", "reel"): 0.052})
    table = metrics.channel_summary(posts, by="format")
    assert table.index.names == ["platform", "format"]
    assert table["posts"].tolist() == [20, 3, 3, 20]  # not 23 photos and 23 reels
    assert table.loc[("instagram", "reel"), "ER by reach, Σ interactions ÷ Σ reach"] == pytest.approx(0.052)
    assert table.loc[("facebook", "reel"), "impressions kind"] == "not reported"
    # a period against another, format by format, within each platform
    change = metrics.period_change(posts, posts.iloc[:-1], by="format").set_index(["platform", "format", "kpi"])
    assert change.loc[("instagram", "reel", "posts"), ["value", "value_previous"]].tolist() == [20, 19]
    assert change.loc[("facebook", "photo", "engagement_rate_by_reach"), "change"] == pytest.approx(0)
    assert metrics.kpis(posts)["platform"].nunique() == 2  # by platform: as it was
    # a table of the analyst's without a platform column has no platforms to keep apart
    own = metrics.kpis(posts.drop(columns="platform"), by="format")
    assert own[own["kpi"] == "posts"].set_index("format")["value"].to_dict() == {"photo": 23, "reel": 23}
    with pytest.raises(WorkbookError, match="column 'formats'"):
        metrics.kpis(posts, by="formats")


def test_kpis_by_a_column_keep_the_posts_whose_group_is_missing():
    table = posts_table([dict(platform="facebook", format=f, reach=100, reactions=5, comments=0, shares=0,
                              saves=pd.NA) for f in ("photo", "photo", None)])
    got = metrics.kpis(table, by="format")
    posts = got[got["kpi"] == "posts"].set_index("format")["value"]
    assert posts.to_dict() == {"photo": 2.0, "unknown": 1.0}


BLANKS = FIXTURES / "blank_interactions"


def test_a_blank_component_leaves_the_posts_interactions_unknown_and_out_of_every_rate():
    """Business Suite export, four Facebook posts, of which post 2 leaves Reactions blank (comments 3,
    shares 1) and post 3 leaves Shares blank (reactions 5, comments 0). Interactions: 10+2+1 = 13, NA, NA,
    6+1+2 = 9 (not 4 and 5: a blank is not 0). Engagement rate by reach over the two known posts:
    Σ 22 ÷ Σ (400 + 300) = 0.0314286; mean of 13/400 = 0.0325 and 9/300 = 0.03 is 0.03125; 2 posts covered of
    4. The per-post rates of each component keep every post reporting it: applause (10+5+6)/3 = 7,
    amplification (1+1+2)/3, conversation (2+3+0+1)/4 = 1.5."""
    result = import_exports(BLANKS / "*.csv", timezone="Europe/London")
    posts = metrics.post_metrics(result.posts, result.interaction_components())
    assert posts["interactions"].tolist()[0::3] == [13, 9] and posts["interactions"].isna().tolist() == [
        False, True, True, False]
    assert posts["saves"].isna().all()  # Facebook reports no saves: left out of the sum, not a blank
    kpis = metrics.kpis(posts).set_index("kpi")
    assert kpis.loc["interactions", "value"] == 22 and kpis.loc["interactions", "posts_covered"] == 2
    rate = kpis.loc["engagement_rate_by_reach"]
    assert rate["value"] == pytest.approx(22 / 700) and rate["mean_of_post_rates"] == pytest.approx(0.03125)
    assert (rate["posts_covered"], rate["posts"]) == (2, 4)
    assert kpis.loc["applause_rate", "value"] == pytest.approx(7.0) and kpis.loc["applause_rate", "posts_covered"] == 3
    assert kpis.loc["amplification_rate", "value"] == pytest.approx(4 / 3)
    assert kpis.loc["conversation_rate", "value"] == pytest.approx(1.5)
    # the table alone (no import report) judges the file by its posts: the same answer
    assert metrics.interactions(result.posts).isna().tolist() == [False, True, True, False]
    warnings = [translator("en").message(w) for w in result.warnings()]
    assert any("2 posts have a blank cell in an interaction count this file reports for its other posts "
               "(reactions 1, shares 1; rows 3, 4)" in w for w in warnings), warnings
    assert any("2 unggahan memiliki sel kosong pada hitungan interaksi" in translator("id").message(w)
               for w in result.warnings())


def test_a_component_the_export_does_not_carry_is_left_out_even_when_an_older_export_filled_it():
    """Two posts won by new.csv, which carries reactions, comments and shares but not saves; the first
    post's saves came from an older export of it. By the files' own columns (carried): 4+1+0+2 = 7 and
    3+1+1 = 5. Judged from the table alone, new.csv would seem to carry saves and the second post's would
    be a blank."""
    table = posts_table([dict(platform="x", reactions=4, comments=1, shares=0, saves=2),
                         dict(platform="x", reactions=3, comments=1, shares=1, saves=pd.NA)])
    table["source_file"] = "new.csv"
    carried = {"new.csv": ("reactions", "comments", "shares")}
    assert metrics.interactions(table, carried).tolist() == [7, 5]
    assert metrics.interactions(table).isna().tolist() == [False, True]
    assert metrics.blank_components(table, carried).to_numpy().sum() == 0
    # a file the mapping does not name is judged by its posts
    assert metrics.interactions(table, {"other.csv": ("reactions",)}).isna().tolist() == [False, True]


def test_a_series_break_reaches_the_posts_of_no_format_too():
    """Views this period, impressions before: no impression-based change for any group, the posts without a
    format (grouped as 'unknown', as kpis groups them) included; the change would compare views with impressions."""
    def posts(kind):
        return posts_table([dict(platform="facebook", format=f, reach=100 + i, impressions=150 + i, impressions_kind=kind,
                                 reactions=8 + i, comments=1, shares=1, saves=pd.NA)
                            for i, f in enumerate(["photo", None, None, "photo"])])

    current, previous = posts("views"), posts("impressions")
    assert metrics.series_breaks(current, previous, "format") == {("facebook", "unknown"), ("facebook", "photo")}
    change = metrics.period_change(current, previous, by="format")
    impressions = change[change["kpi"] == "impressions"]
    assert impressions["series_break"].all() and impressions["change"].isna().all() and len(impressions) == 2


def test_a_rate_few_posts_report_has_the_interval_of_those_posts_alone():
    """A rate 6 of 40 posts report (video views) is resampled over those 6, as often as 6 posts need: the
    interval change_intervals gives is the one the interval function gives on the 6 posts alone."""
    import numpy as np

    from helpers.statistics import ratio_of_sums_change_interval

    def period(seed):
        rng = np.random.default_rng(seed)
        views = [pd.NA] * 40
        for i in rng.choice(40, 6, replace=False):
            views[i] = int(rng.integers(500, 5000))
        return posts_table([dict(platform="facebook", reach=int(rng.integers(100, 2000)), reactions=int(r),
                                 comments=0, shares=0, saves=pd.NA, video_views=v)
                            for r, v in zip(rng.poisson(30, 40), views)])

    current, previous = period(1), period(2)
    got = metrics.change_intervals(current, previous).set_index("kpi").loc["engagement_rate_by_views"]
    now, before = (posts[posts["video_views"].notna()] for posts in (current, previous))
    alone = ratio_of_sums_change_interval(metrics.interactions(now), now["video_views"],
                                          metrics.interactions(before), before["video_views"])
    assert (alone["n_a"], alone["n_b"]) == (6, 6) and np.isfinite(alone["ci_low"])
    assert (got["ci_low"], got["ci_high"], got["relative_ci_low"], got["relative_ci_high"]) == (
        alone["ci_low"], alone["ci_high"], alone["relative_ci_low"], alone["relative_ci_high"])


def test_the_organic_change_leaves_out_paid_posts_and_posts_of_unknown_paid_status():
    """metrics.organic_change: period_change over the posts known to be organic of the platforms whose periods
    hold a paid post. Facebook now: 2 organic posts of 100 reach (Σ 200); before: 2 organic of 100, a paid one
    of 1,000 and one of unknown status of 500 (no flag, no spend). Organic against organic: 200 against 200,
    unchanged (mixed: 200 against 1,700). Instagram has no paid post: no row."""
    na = pd.NA
    now = posts_table([dict(platform="facebook", reach=100, reactions=5, paid=False) for _ in range(2)]
                      + [dict(platform="instagram", reach=100, reactions=5, paid=False)])
    before = posts_table([dict(platform="facebook", reach=100, reactions=5, paid=False) for _ in range(2)]
                         + [dict(platform="facebook", reach=1000, reactions=5, paid=True),
                            dict(platform="facebook", reach=500, reactions=5, paid=na),
                            dict(platform="instagram", reach=100, reactions=5, paid=False)])
    assert metrics.paid_mixed_platforms(now, before) == ["facebook"]
    organic = metrics.organic_change(now, before).set_index("kpi")
    assert set(organic["platform"]) == {"facebook"}
    assert (organic.loc["posts", "value"], organic.loc["posts", "value_previous"]) == (2, 2)
    assert organic.loc["summed_reach", "value_previous"] == 200 and organic.loc["summed_reach", "change"] == 0
    mixed = metrics.period_change(now, before).set_index(["platform", "kpi"])
    assert mixed.loc[("facebook", "summed_reach"), "value_previous"] == 1700
    assert metrics.organic_change(now, now).empty  # no paid post in either period: nothing to set apart


def test_the_organic_change_resamples_only_the_rates_the_report_quotes():
    """The organic change's intervals are the engagement rates' alone, the rate of each broadcast measure the
    period-change sentence quotes (compare.RATE_OF_MEASURE): the same interval as period_change gives them;
    the other rates keep their change, without an interval (resampling them would double the analysis)."""
    from helpers import compare

    assert set(metrics.ORGANIC_INTERVALS) == set(compare.RATE_OF_MEASURE.values())
    now = posts_table([dict(platform="facebook", reach=100 + 10 * i, impressions=150 + 20 * i, reactions=i,
                            comments=i % 3, paid=i == 0) for i in range(8)])
    before = posts_table([dict(platform="facebook", reach=120 + 5 * i, impressions=160 + 10 * i, reactions=i % 4,
                               comments=1, paid=False) for i in range(8)])
    organic = metrics.organic_change(now, before).set_index("kpi")
    full = metrics.period_change(now[now["paid"].eq(False)], before).set_index(["platform", "kpi"])
    rate = "engagement_rate_by_reach"
    assert organic.loc[rate, "ci_low"] == full.loc[("facebook", rate), "ci_low"]  # the same resamples
    assert organic.loc[rate, "ci_high"] == full.loc[("facebook", rate), "ci_high"]
    assert pd.notna(organic.loc["frequency", "change"]) and pd.isna(organic.loc["frequency", "ci_low"])
    assert pd.isna(organic.loc["conversation_rate", "ci_low"])
    assert pd.notna(full.loc[("facebook", "conversation_rate"), "ci_low"])


def _by_format_periods():
    """Facebook now: 2 photos (reach 100 and 300, 5 and 7 reactions) and a reel (reach 200, 4 reactions);
    before: a photo (reach 200, 6 reactions) and 2 carousels (reach 100 and 300, 3 and 9 reactions). No
    comments, shares or saves reported beside them."""
    def post(format, reach, reactions):
        return dict(platform="facebook", format=format, reach=reach, reactions=reactions, comments=0, shares=0,
                    saves=pd.NA)

    now = posts_table([post("photo", 100, 5), post("photo", 300, 7), post("reel", 200, 4)])
    before = posts_table([post("photo", 200, 6), post("carousel", 100, 3), post("carousel", 300, 9)])
    return now, before


def test_a_period_change_keeps_the_groups_of_either_period_with_0_posts_where_the_exports_cover_it():
    """The carousels stopped and the reel started: both keep their rows, whichever period is the current one.
    Where the exports cover both periods (select_posts' attrs, here set by hand), the side without posts has 0
    posts, and the change of the count is known: carousels 2 -> 0 is -2 (-100%), the reel 0 -> 1 is +1 (no
    relative change from 0). Sums and rates of no posts stay NaN, and so do their changes and intervals.
    Photos: 2 against 1 post, Σ reach 400 against 200, engagement rate by reach 12 ÷ 400 = 3% against
    6 ÷ 200 = 3%."""
    from helpers.sources import COVERED_PLATFORMS

    now, before = _by_format_periods()
    for period in (now, before):
        period.attrs[COVERED_PLATFORMS] = ["facebook"]
    change = metrics.period_change(now, before, by="format")
    assert change["format"].unique().tolist() == ["carousel", "photo", "reel"]  # sorted, as kpis sorts them
    assert change[change["format"] == "reel"]["kpi"].tolist() == metrics.kpis(now, by="format").query(
        "format == 'reel'")["kpi"].tolist()  # each group's KPIs in kpis' order
    table = change.set_index(["format", "kpi"])
    carousels, reel, photos = table.loc["carousel"], table.loc["reel"], table.loc["photo"]
    assert carousels.loc["posts", ["value", "value_previous", "change", "relative_change"]].tolist() == [0, 2, -2, -1]
    assert (carousels["posts"] == 0).all() and (carousels["posts_covered"] == 0).all()
    assert carousels.loc["summed_reach", "value_previous"] == 400 and pd.isna(carousels.loc["summed_reach", "value"])
    assert carousels.loc["engagement_rate_by_reach", "value_previous"] == pytest.approx(0.03)  # 12 ÷ 400
    assert carousels.drop(index="posts")["change"].isna().all()
    assert carousels[list(metrics.INTERVAL_COLUMNS)].isna().all().all()
    assert reel.loc["posts", ["value", "value_previous", "change"]].tolist() == [1, 0, 1]
    assert pd.isna(reel.loc["posts", "relative_change"])  # from 0: NaN, as any relative change from 0
    assert (reel["posts_previous"] == 0).all() and pd.isna(reel.loc["summed_reach", "value_previous"])
    assert reel.drop(index="posts")["change"].isna().all() and reel["ci_low"].isna().all()
    assert photos.loc["posts", ["change", "relative_change"]].tolist() == [1, 1]
    assert photos.loc["summed_reach", "change"] == 200
    assert photos.loc["engagement_rate_by_reach", "change"] == pytest.approx(0)
    # the other way round: the same groups, the counts' changes turned round
    back = metrics.period_change(before, now, by="format").set_index(["format", "kpi"])
    assert back.loc[("carousel", "posts"), ["value", "value_previous", "change"]].tolist() == [2, 0, 2]
    assert back.loc[("reel", "posts"), ["value", "value_previous", "change", "relative_change"]].tolist() == [0, 1, -1, -1]
    # too few posts to compare (min_posts=2): the photos' 2 against 1 is not compared; a count from or to
    # nothing is (no estimate: every post of the group)
    few = metrics.period_change(now, before, by="format", min_posts=2).set_index(["format", "kpi"])["change"]
    assert pd.isna(few[("photo", "posts")]) and few[("carousel", "posts")] == -2 and few[("reel", "posts")] == 1


def test_a_period_change_keeps_a_group_of_one_period_without_a_count_where_its_coverage_is_not_known():
    """Tables that do not say which days their exports cover (built by hand): the carousels of the previous
    period only and the reel of this period only keep their rows, their missing side's counts NaN (its days
    may be ones no export covers), and no change."""
    now, before = _by_format_periods()
    table = metrics.period_change(now, before, by="format").set_index(["format", "kpi"])
    assert table.loc[("carousel", "posts"), "value_previous"] == 2 and pd.isna(table.loc[("carousel", "posts"), "value"])
    carousels, reel = table.loc["carousel"], table.loc["reel"]
    assert carousels["posts"].isna().all() and reel["posts_previous"].isna().all()
    assert carousels["change"].isna().all() and reel["change"].isna().all()
    assert table.loc[("photo", "posts"), "change"] == 1


def test_grouping_by_a_boolean_column_with_missing_keys_keeps_them_as_the_unknown_group():
    """Paid: 2 posts (reach 100 and 300), organic: 2 (reach 50 and 70), one of unknown status (reach 500). The
    missing key is the group 'unknown', the others stay True and False: a period whose keys are all known
    meets them (True against True: 2 posts against 2, Σ reach 400 against 400)."""
    na = pd.NA
    rows = [dict(platform="facebook", paid=paid, reach=reach, reactions=5, comments=0, shares=0, saves=na)
            for paid, reach in ((True, 100), (True, 300), (False, 50), (False, 70), (na, 500))]
    now, before = posts_table(rows), posts_table(rows[:4])
    assert metrics.group_keys(now, "paid").tolist() == [True, True, False, False, metrics.UNKNOWN_GROUP]
    reach = metrics.kpis(now, by="paid").query("kpi == 'summed_reach'").set_index("paid")["value"]
    assert reach.to_dict() == {False: 120, True: 400, "unknown": 500}
    change = metrics.period_change(now, before, by="paid").set_index(["paid", "kpi"])
    assert change.loc[(True, "posts"), ["value", "value_previous", "change"]].tolist() == [2, 2, 0]
    assert change.loc[(True, "summed_reach"), "change"] == 0
    assert change.loc[("unknown", "posts"), "value"] == 1 and pd.isna(change.loc[("unknown", "posts"), "change"])


def test_a_period_change_by_a_number_column_with_unknown_keys_in_one_period_compares_the_numbers():
    """Hour 9 in both periods (2 posts, then 1), and one post of unknown hour in the current period only: its
    keys are objects (9 beside 'unknown'), the previous period's plain numbers; 9 meets 9 (posts 1 -> 2)."""
    now = posts_table([dict(platform="facebook", reach=10), dict(platform="facebook", reach=20),
                       dict(platform="facebook", reach=30)])
    now["hour"] = [9.0, 9.0, float("nan")]
    before = posts_table([dict(platform="facebook", reach=40)])
    before["hour"] = [9.0]
    got = metrics.period_change(now, before, by="hour")
    posts = got[got["kpi"] == "posts"].set_index("hour")
    assert posts.loc[9.0, "value"] == 2 and posts.loc[9.0, "value_previous"] == 1 and posts.loc[9.0, "change"] == 1
    assert posts.loc[metrics.UNKNOWN_GROUP, "value"] == 1 and pd.isna(posts.loc[metrics.UNKNOWN_GROUP, "value_previous"])


def test_the_conversion_the_refusal_advises_keeps_the_numbers_already_there():
    """A column read from a sheet holds numbers and texts side by side: [100, '1,234', 50]. The advised
    conversion must give 100, 1234 and 50, not NaN for the numbers (as .str.replace would)."""
    import re

    posts = pd.DataFrame({"impressions": pd.Series([100, "1,234", 50], dtype=object)})
    with pytest.raises(WorkbookError) as error:
        metrics.floats(posts["impressions"])
    advice = re.search(r"e\.g\. (posts\['impressions'\] = .*)$", str(error.value)).group(1)
    exec(advice, {"pd": pd, "posts": posts})
    assert metrics.floats(posts["impressions"]).tolist() == [100.0, 1234.0, 50.0]
