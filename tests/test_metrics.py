"""Metric formulas against a small table worked out by hand, NA and zero denominators included."""
import math

import pandas as pd
import pytest

from helpers import metrics, schema


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
        dict(platform="facebook", reach=na, impressions=80, reactions=3, comments=na, shares=na, saves=na),  # 3
        dict(platform="instagram", reach=0, impressions=0, reactions=0, comments=0, shares=0, saves=0),  # 0
        dict(platform="instagram", reach=50, impressions=na, reactions=na, comments=na, shares=na, saves=na),  # NA
    ])


def test_interactions_sum_reported_components_and_keep_missing_as_na(posts):
    got = metrics.interactions(posts)
    assert got.tolist()[:4] == [10, 20, 3, 0]
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
    assert by_impr.iloc[2] == pytest.approx(3 / 80)


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



def test_kpis_by_a_column_keep_the_posts_whose_group_is_missing():
    table = posts_table([dict(platform="facebook", format=f, reach=100, reactions=5, comments=0, shares=0,
                              saves=pd.NA) for f in ("photo", "photo", None)])
    got = metrics.kpis(table, by="format")
    posts = got[got["kpi"] == "posts"].set_index("format")["value"]
    assert posts.to_dict() == {"photo": 2.0, "unknown": 1.0}
