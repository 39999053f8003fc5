"""Rank agreement and top-N overlap, checked against scipy and against hand-built rankings."""
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from helpers import compare
from helpers.errors import WorkbookError
from helpers.i18n import use_language
from tests.conftest import real_export
from tests.test_metrics import formats_of_two_platforms, posts_table


def test_spearman_matches_scipy_and_interval_matches_bonett_wright():
    rng = np.random.default_rng(1)
    x = pd.Series(rng.lognormal(size=40))
    y = pd.Series(x * rng.lognormal(size=40))
    got = compare.spearman_with_interval(x, y)
    rho = stats.spearmanr(x, y).statistic
    assert got["rho"] == pytest.approx(rho)
    se = np.sqrt((1 + rho ** 2 / 2) / (40 - 3))
    assert got["ci_low"] == pytest.approx(np.tanh(np.arctanh(rho) - 1.959964 * se), abs=1e-6)
    assert got["ci_high"] == pytest.approx(np.tanh(np.arctanh(rho) + 1.959964 * se), abs=1e-6)
    assert got["ci_low"] < rho < got["ci_high"]


def test_spearman_skips_missing_pairs_and_refuses_tiny_samples():
    got = compare.spearman_with_interval(pd.Series([1, 2, None, 4]), pd.Series([1, None, 3, 4]))
    assert got["n"] == 2 and np.isnan(got["rho"])


def test_top_n_overlap_by_hand():
    na = pd.NA
    posts = posts_table([
        dict(platform="facebook", reach=r, reactions=i, comments=c, shares=c, saves=na)
        for r, i, c in [(1000, 1, 0), (900, 50, 0), (800, 40, 0), (100, 60, 0), (50, 2, 0), (10, na, na)]
    ])
    got = compare.top_n_overlap(posts, 3)
    # by reach: rows 0, 1, 2; by interactions (row 5 has none): rows 3, 1, 2
    assert got["posts_compared"] == 5
    assert got["overlap"] == 2 and got["share"] == pytest.approx(2 / 3)
    assert list(got["top_a_only"]) == [0] and list(got["top_b_only"]) == [3]
    # unrelated top-3 lists of 5 posts share at least 1; 2 with chance C(3,2)·C(2,1) ÷ C(5,3) = 6/10 and 3 with
    # 1/10: an overlap of 2 or more comes 7 times in 10
    assert got["chance"] == pytest.approx(9 / 5) and got["p_value"] == pytest.approx(0.7)


def test_a_tie_across_the_last_place_is_not_counted_in_the_top():
    """Interactions 10, 5, 5, 1: the two posts tied for 2nd may or may not be in the top 2 (one of them is),
    so neither is counted; the overlap is what holds however the tie is broken."""
    posts = posts_table([dict(platform="facebook", reach=r, reactions=i, comments=0, shares=0, saves=pd.NA)
                         for r, i in [(1000, 10), (900, 5), (800, 5), (700, 1)]])
    posts["published_at"] = pd.to_datetime(["2026-01-04", "2026-01-03", "2026-01-01", "2026-01-02"], utc=True)
    got = compare.top_n_overlap(posts, 2)
    assert compare.rank_table(posts)["rank by interactions"].tolist() == [1, 2, 2, 4]  # tied posts share 2nd
    assert got["overlap"] == 1 and list(got["top_a_only"]) == [1] and list(got["top_b_only"]) == []
    # the lists hold 2 and 1 posts: unrelated lists of these sizes share 2 · 1 ÷ 4 posts on average
    assert (got["size_a"], got["size_b"], got["chance"]) == (2, 1, 0.5)
    assert got["p_value"] == pytest.approx(0.5)  # the one post of the list of 1 is among the 2 of 4: 2 in 4


def test_the_overlap_p_is_how_often_unrelated_lists_share_as_many_or_more():
    """Ten posts ranked in the same order under both lenses: the top 3 share all 3, which unrelated top-3
    lists of 10 do once in C(10,3) = 120; 2 or more they share in (C(3,2)·C(7,1) + 1) ÷ 120 = 22/120."""
    posts = posts_table([dict(platform="facebook", reach=1000 - 10 * i, reactions=100 - i, comments=0, shares=0,
                              saves=pd.NA) for i in range(10)])
    got = compare.top_n_overlap(posts, 3)
    assert got["overlap"] == 3 and got["p_value"] == pytest.approx(1 / 120)
    reversed_b = posts.assign(reactions=posts["reactions"].to_numpy()[::-1])  # the top 3 by reach share none
    assert compare.top_n_overlap(reversed_b, 3)["p_value"] == pytest.approx(1.0)  # 0 or more: always
    posts.loc[0, "reactions"] = 0  # the first post by reach drops to last by interactions: the tops share 2
    assert compare.top_n_overlap(posts, 3)["p_value"] == pytest.approx(22 / 120)


def test_posts_without_interactions_are_never_among_the_most_interactions():
    """41 of 48 posts drew no interaction: they tie for 8th, and none of them is "in the top 10 by
    interactions"; only the 7 posts with interactions can be."""
    values = [(1000 - 10 * i, 7 - i if i < 7 else 0) for i in range(48)]
    values = values[7:17] + values[:7] + values[17:]  # the 10 with most reach drew none
    values = [(1000 - 10 * place, i) for place, (_, i) in enumerate(values)]
    posts = posts_table([dict(platform="facebook", reach=r, reactions=i, comments=0, shares=0, saves=pd.NA)
                         for r, i in values])
    got = compare.top_n_overlap(posts, 10)
    assert got["overlap"] == 0 and len(got["top_b_only"]) == 7 and len(got["top_a_only"]) == 10


def test_rank_agreement_is_per_platform():
    na = pd.NA
    rows = [dict(platform="facebook", reach=r, reactions=r, comments=0, shares=0, saves=na) for r in range(1, 8)]
    rows += [dict(platform="instagram", reach=r, reactions=10 - r, comments=0, shares=0, saves=0) for r in range(1, 8)]
    table = compare.rank_agreement(posts_table(rows))
    assert table.loc["facebook", "rho"] == pytest.approx(1.0)
    assert table.loc["instagram", "rho"] == pytest.approx(-1.0)
    assert table.loc["facebook", "n"] == 7


def test_broadcast_measure_is_reach_then_impressions_then_video_views():
    na = pd.NA
    rows = [dict(platform="x", reach=r, impressions=i, video_views=v, reactions=5, comments=0, shares=0, saves=na)
            for r, i, v in [(100, 150, na), (200, 260, na), (300, 310, na)]]
    posts = posts_table(rows)
    assert compare.broadcast_measure(posts) == "reach"
    assert compare.broadcast_measure(posts.assign(reach=pd.NA)) == "impressions"
    assert compare.broadcast_measure(posts.assign(reach=pd.NA, impressions=pd.NA, video_views=[9, 8, 7])) == "video_views"
    assert compare.broadcast_measure(posts.assign(reach=pd.NA, impressions=pd.NA)) == "reach"  # none: too few
    assert compare.broadcast_measure(posts.assign(reach=[1, pd.NA, pd.NA])) == "impressions"  # 1 < 3 with reach
    # no interactions at all (a YouTube export of views only): the count the exports carry, not 'reach'
    silent = posts.assign(reactions=na, comments=na, shares=na, saves=na)
    assert compare.broadcast_measure(silent.assign(reach=na)) == "impressions"
    assert compare.broadcast_measure(silent.assign(reach=na, impressions_kind="thumbnail_impressions",
                                                   video_views=[9, 8, 7])) == "video_views"
    assert compare.broadcast_measure(silent) == "reach"
    many = posts_table([dict(platform="x", reach=100 if i < 3 else na, impressions=150 + i, video_views=na,
                             reactions=5, comments=0, shares=0, saves=na) for i in range(200)])
    assert compare.broadcast_measure(many) == "impressions"  # reach on 3 of 200 posts would describe 3 posts
    assert compare.broadcast_measure(many.assign(reach=[100 if i < 100 else na for i in range(200)])) == "reach"


def test_each_platform_is_compared_by_its_own_broadcast_count_and_the_rate_dividing_by_it():
    na = pd.NA
    facebook = [dict(platform="facebook", reach=r, impressions=r * 2, video_views=na, reactions=k, comments=0,
                     shares=0, saves=na) for r, k in [(100, 5), (200, 8), (400, 10)]]
    linkedin = [dict(platform="linkedin", reach=na, impressions=i, video_views=na, reactions=k, comments=1,
                     shares=0, saves=na) for i, k in [(1000, 9), (500, 4), (2000, 19)]]
    got = compare.with_broadcast(posts_table(facebook + linkedin))
    assert got["broadcast_measure"].tolist() == ["reach"] * 3 + ["impressions"] * 3
    assert got["broadcast"].tolist() == [100, 200, 400, 1000, 500, 2000]
    # Facebook: interactions ÷ reach (5/100 ...); LinkedIn: (reactions + comments) ÷ impressions (10/1000 ...)
    assert got["engagement_rate_by_broadcast"].tolist() == pytest.approx([0.05, 0.04, 0.025, 0.01, 0.01, 0.01])
    linkedin_only = got[got["platform"] == "linkedin"]
    assert compare.quadrants(got, x="broadcast", rate="engagement_rate_by_broadcast").groupby("platform")[
        "median broadcast"].first().to_dict() == {"facebook": 200, "linkedin": 1000}
    fit = compare.elasticity(linkedin_only, x="broadcast")
    assert fit["n"] == 3  # too few for a slope, but counted over impressions, not the missing reach
    with pytest.raises(WorkbookError, match=r"^none of the 3 posts \(LinkedIn\) reports 'reach'"):
        compare.elasticity(linkedin_only)  # not a fit over 0 posts without a word


def test_a_ranking_or_fit_by_a_count_no_post_reports_is_an_error_naming_the_way_on():
    """X reports impressions, YouTube impressions and views, never reach: rank_agreement and elasticity by
    reach would compare 0 posts and return NaN."""
    na = pd.NA
    x = posts_table([dict(platform="x", reach=na, impressions=i, reactions=k, comments=0, shares=0, saves=na)
                     for i, k in [(1000, 9), (500, 4), (2000, 19)]])
    with pytest.raises(WorkbookError) as error:
        compare.rank_agreement(x)
    assert str(error.value) == (
        "none of the 3 posts (X) reports 'reach': their exports leave it blank (not reported, which is not 0), so "
        "rank_agreement would compare 0 posts. compare.rank_agreement_by_broadcast(posts) ranks each platform by the "
        "count its exports report (reach, else impressions or video views); or pass x= one of those these posts "
        "report: 'impressions'")
    assert compare.rank_agreement(x, x="impressions").loc["x", "n"] == 3
    assert compare.rank_agreement_by_broadcast(x).loc["x", "compared by"] == "impressions"
    youtube = posts_table([dict(platform="youtube", reach=na, impressions=na, video_views=v, reactions=k, comments=0,
                                shares=0, saves=na) for v, k in [(100, 5), (200, 8), (400, 10)]])
    with pytest.raises(WorkbookError) as error:
        compare.elasticity(youtube)
    assert str(error.value).startswith("none of the 3 posts (YouTube) reports 'reach'")
    assert str(error.value).endswith("Pass x= one of the counts these posts report: 'video_views' (the client report "
                                     "fits each platform's own: compare.elasticity(compare.with_broadcast(posts), "
                                     "x='broadcast'))")
    try:
        use_language("id")
        with pytest.raises(WorkbookError, match=r"^tidak satu pun dari 3 unggahan \(YouTube\) melaporkan 'reach'"):
            compare.elasticity(youtube)
    finally:
        use_language("en")
    # one platform without reach beside one with it: each platform's row says what it can, and a warning why
    both = pd.concat([x, posts_table([dict(platform="facebook", reach=r, impressions=na, reactions=k, comments=0,
                                           shares=0, saves=na) for r, k in [(100, 5), (200, 8), (400, 10)]])])
    with pytest.warns(compare.PlatformsLeftOut):
        assert np.isnan(compare.rank_agreement(both).loc["x", "rho"])


def test_a_tie_by_reach_is_broken_by_date_not_by_interactions():
    """Two posts tied for 3rd by reach: breaking the tie by interactions would put the more engaging one on
    top by reach and build agreement into the comparison. The earlier post goes first in the rank table's
    'top order' (the rank-shift figure and the best-post finding), and the overlap counts neither of them."""
    posts = posts_table([dict(platform="facebook", reach=r, reactions=i, comments=0, shares=0, saves=pd.NA)
                         for r, i in [(1000, 1), (900, 2), (800, 3), (800, 50), (100, 60)]])
    posts["published_at"] = pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-04", "2026-01-03", "2026-01-05"],
                                           utc=True)
    ranks = compare.rank_table(posts)
    assert ranks["top order"].tolist() == [1, 2, 4, 3, 5]  # post 3 is earlier than post 2
    got = compare.top_n_overlap(posts, 3)
    assert list(got["top_a_only"]) == [0, 1] and got["overlap"] == 0
    assert list(got["top_b_only"]) == [4, 3, 2]


def test_a_format_leads_only_when_ahead_of_every_other_beyond_chance():
    rows = ([dict(format="reel", reach=r) for r in (900, 950, 1000, 1100, 1200, 1300)]
            + [dict(format="photo", reach=r) for r in (100, 120, 130, 150, 160, 170)]
            + [dict(format="link", reach=r) for r in (880, 890, 940, 990, 1010, 1020)])
    posts = posts_table([dict(platform="facebook", reactions=1, comments=0, shares=0, saves=pd.NA, **row) for row in rows])
    result = compare.compare_groups(posts, "format", "reach")
    # reel's median is highest, but link's is close: reel vs link is within chance, so no leader
    assert result["medians"]["format"].iloc[0] == "reel"
    assert compare.clear_leader(result) is None
    clear = compare.compare_groups(posts[posts["format"] != "link"], "format", "reach")
    pairs = clear["pairs"]
    assert pairs["p_holm"].iloc[0] < 0.05 and compare.clear_leader(clear) == "reel"
    # a shared highest median is no leader either
    tied = posts[posts["format"] != "link"].copy()
    tied.loc[tied["format"] == "photo", "reach"] = tied.loc[tied["format"] == "reel", "reach"].to_numpy()
    assert compare.clear_leader(compare.compare_groups(tied, "format", "reach")) is None


def test_formats_are_compared_within_one_platform_not_across_a_pooled_table():
    """Pooled, reels would lead (most reels are Instagram's, whose rates are higher); within each platform
    photos lead (formats_of_two_platforms). A table of two platforms is refused, naming them."""
    posts = formats_of_two_platforms()
    with pytest.raises(WorkbookError) as error:
        compare.compare_groups(posts, "format", "engagement_rate_by_reach")
    assert str(error.value) == ("compare_groups compares posts within one platform, and these posts come from "
                                "facebook, instagram: select one, e.g. explore.select_posts(posts, platform='facebook')")
    for platform in ("facebook", "instagram"):
        mine = compare.compare_groups(posts[posts["platform"] == platform], "format", "engagement_rate_by_reach")
        assert compare.clear_leader(mine) == "photo"
    # the answer pooling would give: the other format
    pooled = compare.compare_groups(posts.assign(platform="facebook"), "format", "engagement_rate_by_reach")
    assert compare.clear_leader(pooled) == "reel"


def test_rank_agreement_by_a_column_ranks_within_each_platform():
    posts = formats_of_two_platforms()
    table = compare.rank_agreement(posts, by="format")
    assert table.index.tolist() == [("facebook", "photo"), ("facebook", "reel"), ("instagram", "photo"),
                                    ("instagram", "reel")]
    assert table["posts"].tolist() == [20, 3, 3, 20]


def test_youtube_is_ranked_by_views_not_by_thumbnail_impressions():
    na = pd.NA
    rows = [dict(platform="youtube", reach=na, impressions=i, impressions_kind="thumbnail_impressions", video_views=v,
                 reactions=5, comments=1, shares=0, saves=na) for i, v in [(330, 2070), (900, 400), (120, 5000)]]
    posts = posts_table(rows)
    assert compare.broadcast_measure(posts) == "video_views"
    assert compare.broadcast_measure(posts.assign(impressions_kind="impressions")) == "impressions"


def test_thumbnail_impressions_are_not_set_beside_an_impressions_benchmark():
    from helpers.benchmarks import compare_with_benchmarks, load_benchmarks

    na = pd.NA
    rows = [dict(platform="youtube", reach=na, impressions=i, impressions_kind="thumbnail_impressions", video_views=v,
                 reactions=50, comments=10, shares=2, saves=na) for i, v in [(330, 2070), (900, 400), (120, 5000)]]
    table = load_benchmarks()
    got = compare_with_benchmarks(posts_table(rows), table=table[table["platform"] == "youtube"])
    by_impressions = got[got["denominator"] == "impressions"]
    assert len(by_impressions) and by_impressions["client"].isna().all()
    assert set(by_impressions["reason"]) == {"thumbnails"}


def test_a_figure_not_compared_says_what_the_exports_lack():
    """A YouTube table without likes or comments carries thumbnail impressions but no interactions: the
    reason is the missing interactions (as the Adi channel's export), not a missing denominator."""
    from helpers.benchmarks import compare_with_benchmarks, load_benchmarks, missing_reason

    na = pd.NA
    rows = [dict(platform="youtube", reach=na, impressions=i, impressions_kind="thumbnail_impressions", video_views=v,
                 reactions=na, comments=na, shares=na, saves=na) for i, v in [(330, 2070), (900, 400), (120, 5000)]]
    table = load_benchmarks()
    got = compare_with_benchmarks(posts_table(rows), table=table[table["platform"] == "youtube"])
    assert len(got) and got["client"].isna().all()
    assert set(got["reason"]) == {"no_interactions"}

    counts, none = pd.Series([5, na, 3], dtype="Float64"), pd.Series([na, na, na], dtype="Float64")
    assert missing_reason(counts, pd.Series([na, 100, na], dtype="Float64")) == "no_pair"  # never on one post
    assert missing_reason(counts, pd.Series([0, 0, 0], dtype="Float64")) == "no_pair"  # 0 is no denominator
    assert missing_reason(counts, none) == "no_denominator"
    assert missing_reason(none, counts) == "no_interactions"
    assert missing_reason(none, none) == "no_either"


def test_day_hour_medians_are_per_platform_and_leave_out_posts_without_a_time():
    na = pd.NA
    rows = [dict(platform="facebook", reach=100, reactions=r, comments=0, shares=0, saves=na) for r in (10, 20, 30)]
    rows += [dict(platform="instagram", reach=100, reactions=r, comments=0, shares=0, saves=0) for r in (1, 2)]
    rows += [dict(platform="facebook", reach=100, reactions=90, comments=0, shares=0, saves=na)]
    posts = posts_table(rows)
    posts["published_at"] = pd.to_datetime(["2026-09-07 09:10"] * 5 + ["2026-09-07 00:00"], utc=True)  # a Monday
    posts["published_precision"] = ["minute"] * 5 + ["day"]  # the last has a date only
    table = compare.day_hour(posts).set_index("platform")
    # pooled, Monday 9:00 would hold 5 posts with a median of 0.10; per platform, 0.20 and 0.015
    assert table.loc["facebook", "median"] == pytest.approx(0.20) and table.loc["facebook", "posts"] == 3
    assert table.loc["instagram", "median"] == pytest.approx(0.015) and table.loc["instagram", "posts"] == 2
    assert set(table["hour"]) == {9}


def test_slot_test_compares_the_slots_with_enough_posts_by_kruskal_wallis():
    na = pd.NA
    # Monday 9:00 rates 1, 2, 3% on three Mondays; Tuesday 18:00 rates 4, 5, 6% on three Tuesdays; Wednesday
    # 12:00 two days (too few: left out); a post with a date only has no slot
    reactions = (1, 2, 3, 4, 5, 6, 50, 60, 90)
    posts = posts_table([dict(platform="facebook", reach=100, reactions=r, comments=0, shares=0, saves=na)
                         for r in reactions])
    posts["published_at"] = pd.to_datetime(["2026-09-07 09:10", "2026-09-14 09:10", "2026-09-21 09:10",
                                            "2026-09-08 18:05", "2026-09-15 18:05", "2026-09-22 18:05",
                                            "2026-09-09 12:00", "2026-09-16 12:00", "2026-09-07 00:00"], utc=True)
    posts["published_precision"] = ["minute"] * 8 + ["day"]
    row = compare.slot_test(posts).iloc[0]
    # by hand: ranks 1-3 and 4-6, N = 6: H = 12 / (6 * 7) * (6² / 3 + 15² / 3) - 3 * 7 = 3.857; chi² with 1 df
    assert (row["slots"], row["days"], row["posts"]) == (2, 6, 6)
    assert row["H"] == pytest.approx(27 / 7)
    assert row["p_value"] == pytest.approx(stats.chi2.sf(27 / 7, 1))
    assert row["p_value"] == pytest.approx(0.0495, abs=1e-4)
    one_slot = compare.slot_test(posts.iloc[:3]).iloc[0]
    assert one_slot["slots"] == 1 and pd.isna(one_slot["H"]) and pd.isna(one_slot["p_value"])


def slot_posts(rows):
    """Facebook posts from (published at, reach, interactions as reactions) rows."""
    posts = posts_table([dict(platform="facebook", reach=reach, reactions=reactions, comments=0, shares=0,
                              saves=pd.NA) for _, reach, reactions in rows])
    posts["published_at"] = pd.to_datetime([at for at, _, _ in rows], utc=True)
    return posts


def test_a_thread_in_one_slot_is_one_slot_day_not_a_pattern():
    """Six posts of one thread, all at 50% or more, make their slot stand out post by post; as one day of
    posts, the slot holds too few days to be tested, and the other two slots do not differ."""
    rows = [("2026-09-07 09:10", 100, 1), ("2026-09-14 09:10", 100, 3), ("2026-09-21 09:10", 100, 5),  # Mon 9:00
            ("2026-09-08 18:05", 100, 2), ("2026-09-15 18:05", 100, 4), ("2026-09-22 18:05", 100, 6)]  # Tue 18:00
    rows += [("2026-09-09 12:00", 10, r) for r in (5, 6, 7, 8, 9, 10)]  # Wed 12:00: a thread, one day
    posts = slot_posts(rows)
    # post by post: ranks 1, 3, 5 | 2, 4, 6 | 7-12, N = 12: H = 12 / (12 * 13) * (9² / 3 + 12² / 3 + 57² / 6)
    # - 3 * 13 = 109.5 / 13 = 8.423, p = exp(-8.423 / 2) = 0.015 (chi² with 2 df): "beyond chance"
    by_post = [[0.01, 0.03, 0.05], [0.02, 0.04, 0.06], [0.5, 0.6, 0.7, 0.8, 0.9, 1.0]]
    assert stats.kruskal(*by_post).statistic == pytest.approx(109.5 / 13)
    assert stats.kruskal(*by_post).pvalue == pytest.approx(0.0148, abs=1e-4)
    row = compare.slot_test(posts).iloc[0]
    # by slot-day: Wednesday holds one day (not tested); ranks 1, 3, 5 | 2, 4, 6, N = 6:
    # H = 12 / 42 * (9² / 3 + 12² / 3) - 21 = 3 / 7, p = 0.51: within chance
    assert (row["slots"], row["days"], row["posts"]) == (2, 6, 6)
    assert row["H"] == pytest.approx(3 / 7)
    assert row["p_value"] == pytest.approx(stats.chi2.sf(3 / 7, 1)) and row["p_value"] > 0.5
    days = compare.slot_days(posts)
    thread = days[days["weekday"] == "Wednesday"].iloc[0]
    assert (thread["posts"], thread["value"]) == (6, pytest.approx(45 / 60))  # Σ interactions ÷ Σ reach


def test_slots_that_differ_day_after_day_still_differ_by_slot_day():
    """Two posts a day in each of three slots, three days a slot, their day's rate pooled as Σ ÷ Σ: slots
    whose days are apart still test as different."""
    rows = []
    for slot, start, pairs in (("09:10", 7, [(1, 3), (2, 4), (3, 5)]),  # Monday 9:00, rates 1-5%
                               ("18:05", 8, [(10, 12), (11, 13), (12, 14)]),  # Tuesday 18:00, 10-14%
                               ("12:00", 9, [(20, 22), (21, 23), (22, 24)])):  # Wednesday 12:00, 20-24%
        for week, (first, second) in enumerate(pairs):
            at = f"2026-09-{start + 7 * week:02d} {slot}"
            rows += [(at, 100, first), (at, 300, 3 * second)]
    posts = slot_posts(rows)
    days = compare.slot_days(posts)
    # Monday's first day: (1 + 9) ÷ (100 + 300) = 2.5%, not the mean of 1% and 3%
    assert days.iloc[0]["value"] == pytest.approx(0.025) and days.iloc[0]["posts"] == 2
    row = compare.slot_test(posts).iloc[0]
    # ranks 1-3 | 4-6 | 7-9, N = 9: H = 12 / 90 * (6² / 3 + 15² / 3 + 24² / 3) - 30 = 7.2, p = exp(-3.6) = 0.027
    assert (row["slots"], row["days"], row["posts"]) == (3, 9, 18)
    assert row["H"] == pytest.approx(7.2)
    assert row["p_value"] == pytest.approx(np.exp(-3.6))


def test_a_higher_median_beaten_in_most_pairs_is_no_leader():
    """Reel's median (10,000) is above photo's (9,000), yet photos reach more in 74% of pairs: the test is
    significant, but not for reel."""
    reel = [100] * 49 + [10_000] * 51
    photo = [9_000] * 51 + [100_000] * 49
    rows = [dict(format="reel", reach=r) for r in reel] + [dict(format="photo", reach=r) for r in photo]
    posts = posts_table([dict(platform="facebook", reactions=1, comments=0, shares=0, saves=pd.NA, **row) for row in rows])
    result = compare.compare_groups(posts, "format", "reach")
    assert result["medians"]["format"].iloc[0] == "reel" and result["pairs"]["p_holm"].iloc[0] < 0.05
    assert compare.clear_leader(result) is None


def test_a_benchmark_naming_its_components_judges_what_a_file_carries_on_the_whole_file():
    """Instagram, Socialinsider's likes + comments per follower (a mean). The file carries comments (posts
    outside the period report them), and both of the period's posts leave their comments blank: their counts
    are unknown, so there is no figure, not one of likes alone. Judged on the period's posts only, comments
    would seem not carried and the figure would be (40 + 30) / 2 / 1000 = 0.035, a count short of comments."""
    from helpers.benchmarks import compare_with_benchmarks, load_benchmarks

    na = pd.NA
    table = load_benchmarks()
    table = table[(table["platform"] == "instagram") & (table["components"] == "likes + comments")]
    assert len(table) == 1 and table["denominator"].iloc[0] == "followers"
    rows = [dict(platform="instagram", reach=500, impressions=600, reactions=40, comments=na, shares=na, saves=na,
                 followers=1000),
            dict(platform="instagram", reach=500, impressions=600, reactions=30, comments=na, shares=na, saves=na,
                 followers=1000)]
    posts = posts_table(rows)
    posts["source_file"] = "ig.csv"
    carried = {"ig.csv": ("reactions", "comments")}  # the whole file reports comments for other posts
    got = compare_with_benchmarks(posts, table=table, carried=carried)
    assert got["client"].isna().all() and got["posts"].tolist() == [0]
    assert got["reason"].tolist() == ["blank_components"]  # the posts report likes: not "no interactions"
    # likes and comments blank on every post, shares reported: the file carries none of the counts the
    # benchmark adds up, so "no interactions" (for this benchmark) is what is true
    neither = posts.assign(reactions=pd.NA, shares=5)
    none = compare_with_benchmarks(neither, table=table, carried={"ig.csv": ("shares",)})
    assert none["reason"].tolist() == ["no_interactions"]
    # a file that carries no comments at all: likes alone are the count, (40 + 30) / 2 / 1000
    alone = compare_with_benchmarks(posts, table=table, carried={"ig.csv": ("reactions",)})
    assert alone["client"].tolist() == pytest.approx([0.035]) and alone["posts"].tolist() == [2]


BENCHMARKS_MISSING = {
    "en": "the published benchmarks file data/benchmarks-gone.csv is missing: the client reports, the explorer and"
          " the lesson compare with it, and it comes with the workbook. Restore it with"
          " `git checkout -- data/benchmarks-gone.csv` in the project folder, then run again",
    "id": "berkas tolok ukur yang dipublikasikan, data/benchmarks-gone.csv, tidak ada: laporan klien, notebook"
          " explore, dan pelajaran membandingkan dengannya, dan berkas ini disertakan bersama buku kerja. Pulihkan"
          " dengan `git checkout -- data/benchmarks-gone.csv` di folder proyek, lalu jalankan lagi",
}


@pytest.mark.parametrize("language", sorted(BENCHMARKS_MISSING))
def test_a_missing_benchmarks_file_names_it_and_how_to_restore_it(language, monkeypatch):
    """Every reader of data/benchmarks.csv gives the same error, not a FileNotFoundError traceback:
    load_benchmarks (the client report's comparison, the explorer, the lesson's pitfall 2 and exercise 5) and
    the industries a roster or a report's parameters are checked against (read without pandas)."""
    from helpers import benchmarks, clients
    from helpers.i18n import Translator
    from helpers.paths import PROJECT_ROOT

    monkeypatch.chdir(PROJECT_ROOT)
    missing = PROJECT_ROOT / "data" / "benchmarks-gone.csv"
    assert not missing.exists()
    with pytest.raises(WorkbookError) as caught:
        benchmarks.load_benchmarks(missing)
    assert caught.value.in_language(Translator(language)) == BENCHMARKS_MISSING[language]
    monkeypatch.setattr(clients, "BENCHMARKS_FILE", missing)
    clients.benchmark_industries.cache_clear()
    try:
        with pytest.raises(WorkbookError) as caught:
            clients.benchmark_industries()
    finally:
        clients.benchmark_industries.cache_clear()
    assert caught.value.in_language(Translator(language)) == BENCHMARKS_MISSING[language]


def test_a_benchmark_mean_of_mostly_zero_rates_has_no_upper_bound_and_never_reads_below_zero():
    """11 of 12 posts without an interaction, one with 10 per 5,000 followers (0.2%): the client's mean is
    0.0167%; over a third of resamples draw no interaction at all, so no upper bound (not 5,064,816%), and the
    lower bound of a rate is 0, as at any other scale of the same posts."""
    from helpers.benchmarks import compare_with_benchmarks, load_benchmarks

    rows = [dict(platform="facebook", reach=1000, followers=5000, reactions=r, comments=0, shares=0, saves=pd.NA)
            for r in [0] * 11 + [10]]
    table = load_benchmarks()
    got = compare_with_benchmarks(posts_table(rows), table=table[table["platform"] == "facebook"])
    mean = got[got["statistic"] == "mean"].iloc[0]
    assert mean["client"] == pytest.approx(0.002 / 12)
    assert (mean["client low"], mean["client high"]) == (0.0, np.inf)


def test_the_platforms_own_engagements_beside_a_benchmark_carry_their_interval():
    """Ten LinkedIn posts of 1,000 impressions with 10, 20, …, 100 of LinkedIn's own engagements: rates of 1%
    to 10%, median 5.5%. Its 95% interval from order statistics is the 2nd to the 9th value, 2% to 9%:
    P(B ≤ 1) = 11/1024 < 2.5% ≤ P(B ≤ 2) = 56/1024, B ~ Binomial(10, ½), as the client's own figure gets."""
    from helpers.benchmarks import compare_with_benchmarks, load_benchmarks

    rows = [dict(platform="linkedin", impressions=1000, reactions=1, comments=0, shares=0, saves=pd.NA,
                 platform_engagements=10 * (i + 1)) for i in range(10)]
    table = load_benchmarks()
    got = compare_with_benchmarks(posts_table(rows), table=table[table["platform"] == "linkedin"])
    row = got[got["statistic"] == "median"].iloc[0]
    assert not row["same_components"] and row["client"] == pytest.approx(0.001)
    assert row["client (platform engagements)"] == pytest.approx(0.055)
    assert (row["client (platform engagements) low"], row["client (platform engagements) high"]) == (
        pytest.approx(0.02), pytest.approx(0.09))
    five = compare_with_benchmarks(posts_table(rows[:5]), table=table[table["platform"] == "linkedin"]).iloc[0]
    assert five["client (platform engagements)"] == pytest.approx(0.03)  # 5 posts: too few for an interval
    assert np.isnan(five["client (platform engagements) low"]) and np.isnan(five["client (platform engagements) high"])


def test_the_elasticity_of_several_accounts_is_fitted_on_each_accounts_posts():
    """Two X accounts, each at a flat engagement rate (interactions in proportion to impressions): the small
    one at 10% on 100 to 10,000 impressions, the big one at 1% on 10,000 to 1,000,000. Each account's
    elasticity is 1 exactly (every bin at its account's rate); pooled, the small account fills the bins of
    least impressions and the big one those of most, and the rate seems to fall (a slope below 1 neither has)."""
    rows = [dict(platform="x", account=account, impressions=reach, reactions=rate * reach, comments=0, shares=0,
                 saves=pd.NA)
            for account, rate, levels in [("Small", 0.1, [100, 300, 1000, 3000, 10_000]),
                                          ("Big", 0.01, [10_000, 30_000, 100_000, 300_000, 1_000_000])]
            for reach in levels for _ in range(3)]
    posts = posts_table(rows + [dict(platform="x", account=pd.NA, impressions=500, reactions=5, comments=0,
                                     shares=0, saves=pd.NA)])  # names no account: in no account's fit
    fits = compare.elasticity_by_account(posts, 0.95, x="impressions")
    assert list(fits) == ["Big", "Small"]
    for fit in fits.values():
        assert fit["n"] == 15 and (fit["slope"], fit["ci_low"], fit["ci_high"]) == pytest.approx((1, 1, 1))
    assert compare.elasticity_fit(posts, 0.95, x="impressions")["slope"] < 0.8  # pooled: a falling rate
    assert compare.elasticity_by_account(posts[posts["account"] == "Big"], 0.95, x="impressions") == {}


def test_reach_of_too_few_distinct_values_is_the_reason_given_not_too_few_interactions():
    """60 posts, 20 each at reach 1,000, 5,000 and 20,000, drawing 5% of it (50, 250 and 1,000 a post, 26,000
    in all, about 433 a post): bins by value can be 3 at most, fewer than compare.MIN_ELASTICITY_BINS (5),
    whatever the interactions, so 'few_reach_values', never 'few_interactions'. 56 posts at 1,000 and one at
    each of 2,000 to 5,000 take 5 values, but the 4 posts above 1,000 are bins of 1 merged (a bin of 1 into
    its neighbour of 1, 2 into 1, then 2 into 2) into one bin of 4: 2 bins, the same reason. 30 posts of 100
    to 3,000 drawing 0.1% of it are binnable by reach but draw too few: 'few_interactions' still."""
    reach = np.repeat([1000.0, 5000.0, 20_000.0], 20)
    posts = pd.DataFrame({"platform": "facebook", "reach": reach, "interactions": reach * 0.05})
    fit = compare.elasticity_fit(posts, 0.95, "reach")
    assert (fit["unfitted"], fit["n"], fit["bins"], fit["reach_values"], fit["interactions"]) == (
        "few_reach_values", 60, 0, 3, 26_000)
    assert np.isnan(fit["slope"]) and compare.elasticity_bins(reach, reach * 0.05) is None
    lopsided = np.r_[np.full(56, 1000.0), 2000, 3000, 4000, 5000]
    assert [len(cuts) for cuts in compare.reach_cuts(lopsided)] == []
    fit = compare.elasticity_fit(pd.DataFrame({"platform": "facebook", "reach": lopsided,
                                               "interactions": lopsided * 0.05}), 0.95, "reach")
    assert (fit["unfitted"], fit["reach_values"]) == ("few_reach_values", 5)
    spread = np.arange(1, 31) * 100.0
    few = compare.elasticity_fit(pd.DataFrame({"platform": "facebook", "reach": spread,
                                               "interactions": spread * 0.001}), 0.95, "reach")
    assert (few["unfitted"], few["reach_values"]) == ("few_interactions", 30)


def test_every_elasticity_bin_holds_at_least_min_bin_posts_posts_ties_never_split():
    """30 posts: reach 10, five at 20, 30, five at 40, then 50 to 220 by 10. Ten bins of 3 cut after posts
    3, 6, 9, ..., 27; moved to where reach changes (3 to 1, before the 20s; 9 to 7, before the 40s) they leave
    bins of 1, 5, 1, 5, then six of 3. Each bin of 1 joins its smaller neighbour: the first its only one (1 + 5
    = 6), the post at 30 the five at 40 rather than the six before (1 + 5 = 6): bins of 6, 6 and six of 3,
    the first holding reach 10 + 5 × 20 = 110, the second 30 + 5 × 40 = 230, then 50 + 60 + 70 = 180 and on
    by 90. At 50% of reach every bin has interactions enough, so these 8 bins are the fit's (and b = 1)."""
    reach = np.array([10.0] + [20.0] * 5 + [30.0] + [40.0] * 5 + list(np.arange(50.0, 230.0, 10.0)))
    assert len(reach) == 30
    bins = compare.elasticity_bins(reach, reach * 0.5)
    assert bins["posts"].tolist() == [6, 6, 3, 3, 3, 3, 3, 3]
    assert bins["reach"].tolist() == [110, 230, 180, 270, 360, 450, 540, 630]
    assert bins["rate"].tolist() == pytest.approx([0.5] * 8)
    assert next(compare.reach_cuts(reach)).tolist() == [6, 12, 15, 18, 21, 24, 27]
    fit = compare.elasticity_fit(pd.DataFrame({"platform": "facebook", "reach": reach,
                                               "interactions": reach * 0.5}), 0.95, "reach")
    assert fit["bins"] == 8 and fit["slope"] == pytest.approx(1)
    # a bin of 1 at the end joins the bin before: 15 posts make 5 bins of 3, the cut through the five posts
    # at 10 (after the 12th) moves to before the post at 11 (2 away, against 3), leaving it alone: merged
    # back, 4 bins, fewer than 5, so no cut of these posts makes the bins the fit needs
    ends = np.array(list(range(1, 10)) + [10] * 5 + [11], float)
    assert list(compare.reach_cuts(ends)) == []


def test_groups_of_a_boolean_column_with_a_missing_key_are_compared_beside_the_unknown_group():
    """Paid: reach 900, 1000, 1100; organic: 100, 200, 300; one post of unknown paid status: 5000. The missing
    key is the group 'unknown', listed with its median, never tested; paid against organic is tested (medians
    1000 and 200), not a pandas error on 'unknown' in a boolean column."""
    rows = ([dict(paid=True, reach=r) for r in (900, 1000, 1100)] + [dict(paid=False, reach=r) for r in (100, 200, 300)]
            + [dict(paid=pd.NA, reach=5000)])
    posts = posts_table([dict(platform="facebook", reactions=1, comments=0, shares=0, saves=pd.NA, **row)
                         for row in rows])
    result = compare.compare_groups(posts, "paid", "reach", min_posts=3)
    medians = result["medians"]
    assert medians["paid"].tolist() == ["unknown", True, False]  # highest median first
    assert medians["median"].tolist() == [5000, 1000, 200] and medians["posts"].tolist() == [1, 3, 3]
    assert medians["tested"].tolist() == [False, True, True]
    assert result["kruskal"]["groups"] == 2
    assert result["pairs"][["a", "b", "n_a", "n_b"]].values.tolist() == [[False, True, 3, 3]]


def test_views_with_replays_are_views_at_least_half_again_their_engaged_views():
    """150 views of 100 engaged is 1.5 times: named; 149 of 100 is not; 7 of 3 (2.3 times) is, as 5 of 0; equal
    counts (0 and 0 too) are not, nor a post missing either count; posts without the column never are."""
    posts = pd.DataFrame({"video_views": pd.array([150, 149, 7, 5, 0, 532, None, 80], dtype="Int64"),
                          "engaged_views": pd.array([100, 100, 3, 0, 0, 532, 40, None], dtype="Int64")})
    assert compare.views_with_replays(posts).tolist() == [True, False, True, True, False, False, False, False]
    assert not compare.views_with_replays(posts.drop(columns="engaged_views")).any()


def test_every_comparison_of_the_lenses_refuses_a_count_no_post_reports():
    """X reports impressions, never reach: quadrants, rank_table, top_n_overlap and paid_vs_organic by reach
    would give an empty table, an overlap of 0 posts and lifts of NaN; each says so, as rank_agreement does,
    and works by the count the posts report. By hand, with x='impressions': rates 9/1000, 4/500 and 19/2000
    (0.009, 0.008, 0.0095), medians 1000 and 0.009; only the third post is above both."""
    na = pd.NA
    x = posts_table([dict(platform="x", reach=na, impressions=i, reactions=k, comments=0, shares=0, saves=na,
                          paid=paid) for i, k, paid in [(1000, 9, False), (500, 4, False), (2000, 19, True)]])
    said = ("none of the 3 posts (X) reports 'reach': their exports leave it blank (not reported, which is not 0), "
            "so {what} would compare 0 posts. Pass {x}= one of the counts these posts report: 'impressions'")
    for what, call, name in [("quadrants", lambda: compare.quadrants(x), "x"),
                             ("rank_table", lambda: compare.rank_table(x), "a"),
                             ("top_n_overlap", lambda: compare.top_n_overlap(x, 1), "a")]:
        with pytest.raises(WorkbookError) as error:
            call()
        assert str(error.value).startswith(said.format(what=what, x=name)), what
    with pytest.raises(WorkbookError) as error:
        compare.paid_vs_organic(x)
    assert str(error.value) == (
        "none of the 3 posts (X) reports 'reach': their exports leave it blank (not reported, which is not 0), so"
        " paid_vs_organic would give no reach lift. Pass x= one of the counts these posts report: 'impressions', and"
        " a rate they report (e.g. rate='engagement_rate_by_impressions', rate='engagement_rate_by_views'); or, to"
        " take each platform's own count as the client report does, pass compare.with_broadcast(posts) with"
        " x='broadcast' and rate='engagement_rate_by_broadcast'")
    by_impressions = {"x": "impressions", "rate": "engagement_rate_by_impressions"}
    assert compare.quadrants(x, **by_impressions)["quadrant"].tolist() == ["neither", "neither",
                                                                           "reach and engagement"]
    assert compare.rank_table(x, a="impressions")["rank by impressions"].tolist() == [2, 3, 1]
    assert compare.top_n_overlap(x, 1, a="impressions")["overlap"] == 1  # the third post tops both
    paid = compare.paid_vs_organic(x, 1, **by_impressions).iloc[0]
    assert (paid["paid with reach"], paid["organic with reach"]) == (1, 2)
    assert paid["reach lift"] == pytest.approx(2000 / 750)  # the organic median of 1000 and 500
    # posts of several platforms, one of which reports the count: the others have no row, and a warning says so
    facebook = posts_table([dict(platform="facebook", reach=100, impressions=na, reactions=5, comments=0, shares=0,
                                 saves=na)])
    with pytest.warns(compare.PlatformsLeftOut, match=r"^rank_table compares no post of X \(3 posts\)"):
        assert compare.rank_table(pd.concat([x, facebook]))["platform"].tolist() == ["facebook"]


def test_a_comparison_of_several_platforms_says_which_it_leaves_out_for_not_reporting_x():
    """Facebook reports reach, X impressions alone: by reach, each of the six comparisons leaves X's posts out
    (no rows in quadrants and rank_table; lifts of NaN in paid_vs_organic, n 0 in rank_agreement) and says so in a
    warning,
    naming X, its 3 posts, the platform compared, how to select X and the count X reports; its figures are
    Facebook's as they were. elasticity and top_n_overlap compare one platform, so refuse both (one_platform).
    Reach on every platform, or X selected and compared by impressions: no warning. The client report (its
    private _quadrants and the like, one platform at a time) warns of nothing."""
    import warnings

    from helpers.i18n import Translator

    na = pd.NA
    x = posts_table([dict(platform="x", reach=na, impressions=i, reactions=k, comments=0, shares=0, saves=na,
                          paid=paid) for i, k, paid in [(1000, 9, False), (500, 4, False), (2000, 19, True)]])
    facebook = posts_table([dict(platform="facebook", reach=r, impressions=na, reactions=k, comments=0, shares=0,
                                 saves=na, paid=paid) for r, k, paid in [(100, 5, False), (300, 9, True),
                                                                         (200, 2, False)]])
    both = pd.concat([x, facebook], ignore_index=True)
    said = ("{what} compares no post of X (3 posts): their exports leave 'reach' blank (not reported, which is not 0),"
            " so it compares the posts of Facebook alone. To compare them, select them, e.g."
            " explore.select_posts(posts, platform='x'). Pass {x}= one of the counts these posts report: 'impressions'")
    for what, call, name in [("quadrants", lambda: compare.quadrants(both), "x"),
                             ("rank_table", lambda: compare.rank_table(both), "a")]:
        with pytest.warns(compare.PlatformsLeftOut) as caught:
            table = call()
        [warning] = caught
        assert str(warning.message).startswith(said.format(what=what, x=name)), what
        assert warning.filename == __file__  # said of the analyst's call, not of compare.py
        assert table["platform"].unique().tolist() == ["facebook"], what
    # paid_vs_organic's rate by reach is not X's either: neither lift is X's
    with pytest.warns(compare.PlatformsLeftOut) as caught:
        table = compare.paid_vs_organic(both, 1)
    [warning] = caught
    assert str(warning.message) == (
        "paid_vs_organic gives no reach lift and no engagement-rate lift for X (3 posts): their exports leave"
        " 'reach' and 'engagement_rate_by_reach' blank (not reported, which is not 0), so both lifts are of the"
        " posts of Facebook alone. To give them lifts, select them, e.g. explore.select_posts(posts, platform='x')."
        " Pass x= one of the counts these posts report: 'impressions', and a rate they report (e.g."
        " rate='engagement_rate_by_impressions', rate='engagement_rate_by_views'); or, to take each platform's own"
        " count as the client report does, pass compare.with_broadcast(posts) with x='broadcast' and"
        " rate='engagement_rate_by_broadcast'")
    assert warning.filename == __file__
    assert table.dropna(subset=["reach lift"])["platform"].tolist() == ["facebook"]
    assert table.dropna(subset=["engagement-rate lift"])["platform"].tolist() == ["facebook"]
    with pytest.warns(compare.PlatformsLeftOut, match=r"^rank_agreement compares no post of X \(3 posts\).*"
                                                      r"compare\.rank_agreement_by_broadcast\(posts\) ranks"):
        agreement = compare.rank_agreement(both)
    assert agreement["n"].to_dict() == {"facebook": 3, "x": 0}
    # Facebook's quadrants as alone: reach 100, 300, 200 and rates 5/100, 9/300, 2/200 against medians 200 and 0.03
    with pytest.warns(compare.PlatformsLeftOut):
        assert compare.quadrants(both)["quadrant"].tolist() == ["engagement only", "reach only", "neither"]
    for call in (lambda: compare.elasticity(both), lambda: compare.top_n_overlap(both, 2)):
        with pytest.raises(WorkbookError, match="compares posts within one platform"):
            call()
    one = posts_table([dict(platform="x", reach=na, impressions=1000, reactions=9, comments=0, shares=0, saves=na)])
    with pytest.warns(compare.PlatformsLeftOut) as caught:
        compare.rank_table(pd.concat([one, facebook], ignore_index=True))
    assert str(caught[0].message).startswith("rank_table compares no post of X (1 post): ")
    assert Translator("id").message(caught[0].message.args[0]).startswith(
        "rank_table tidak membandingkan satu pun unggahan X (1 unggahan): ekspornya mengosongkan 'reach' (tidak"
        " dilaporkan, yang bukan 0), jadi yang dibandingkan hanya unggahan Facebook. Untuk membandingkannya, pilih"
        " unggahan itu, misalnya explore.select_posts(posts, platform='x'). Berikan a= ")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare.quadrants(facebook)
        compare.rank_table(both[both["platform"] == "x"], a="impressions")
        compare.quadrants(compare.with_broadcast(both), x="broadcast", rate="engagement_rate_by_broadcast")
        compare._quadrants(both, "reach", "engagement_rate_by_reach")
        compare._rank_table(both, "reach", "interactions")
        compare._paid_vs_organic(both, 1, "reach", "engagement_rate_by_reach")


def test_a_rate_dividing_by_another_count_than_x_is_refused():
    """quadrants splits the posts by `x` against a rate dividing by it: a rate by reach against impressions would
    read as one count's two lenses."""
    x = posts_table([dict(platform="x", reach=pd.NA, impressions=i, reactions=k, comments=0, shares=0,
                          saves=pd.NA) for i, k in [(1000, 9), (500, 4), (2000, 19)]])
    with pytest.raises(WorkbookError) as error:
        compare.quadrants(x, x="impressions")
    assert str(error.value) == (
        "quadrants was given x='impressions' and rate='engagement_rate_by_reach', which divides by 'reach', "
        "not by 'impressions': its figures by x and by rate would be of two different counts. Pass "
        "rate='engagement_rate_by_impressions', which divides by 'impressions'")
    with pytest.raises(WorkbookError, match=r"rate='engagement_rate_by_reach', which divides by 'reach', not by "
                                            r"'broadcast'.* Pass rate='engagement_rate_by_broadcast'"):
        compare.quadrants(compare.with_broadcast(x), x="broadcast")
    # shares ÷ impressions: no rate of shares divides by reach, so the x this rate divides by is named
    with pytest.raises(WorkbookError, match=r"Pass x='impressions', the count this rate divides by$"):
        compare.quadrants(x, rate="virality_rate")
    assert len(compare.quadrants(x, x="impressions", rate="virality_rate")) == 3


def test_paid_vs_organic_gives_the_lift_of_a_rate_dividing_by_another_count_than_x():
    """paid_vs_organic's lifts are two medians apart, not one count's two lenses: the reach lift beside the lift of
    click-through rate (clicks ÷ impressions). By hand: paid reach 1000 and 3000 (median 2000) against organic
    400 and 600 (500), a lift of 4; paid click-through 10/2000 and 30/2000 (median 0.01) against organic 20/1000
    and 40/1000 (0.03), a lift of 1/3."""
    posts = posts_table([dict(platform="facebook", reach=r, impressions=i, clicks=c, reactions=5, comments=0,
                              shares=0, saves=pd.NA, paid=paid)
                         for r, i, c, paid in [(1000, 2000, 10, True), (3000, 2000, 30, True), (400, 1000, 20, False),
                                               (600, 1000, 40, False)]])
    [row] = compare.paid_vs_organic(posts, 2, rate="click_through_rate").to_dict("records")
    assert (row["paid with reach"], row["organic with reach"], row["paid with rate"], row["organic with rate"]) == (
        2, 2, 2, 2)
    assert row["reach lift"] == pytest.approx(4) and row["engagement-rate lift"] == pytest.approx(1 / 3)


def test_paid_vs_organic_says_a_platform_without_reach_loses_its_reach_lift_alone():
    """8 Facebook posts report reach, 8 X posts impressions alone, both clicks: by reach and click-through rate,
    X gets no reach lift, and its click-through lift all the same; the warning says so, not that X is left out,
    nor that the rate must divide by x. By hand (min_posts 3): Facebook's paid reach 400, 500, 600, 700 (median
    550) against organic 100, 100, 200, 200 (150), a lift of 11/3, and no click-through lift (no impressions);
    X's paid clicks 10, 20, 30, 40 per 1000 impressions (median 0.025) against organic 5, 5, 10, 10 (0.0075),
    a lift of 10/3."""
    from helpers.i18n import Translator

    na = pd.NA
    facebook = [dict(platform="facebook", reach=r, impressions=na, clicks=na, reactions=5, comments=0, shares=0,
                     saves=na, paid=paid) for r, paid in [(400, True), (500, True), (600, True), (700, True),
                                                          (100, False), (100, False), (200, False), (200, False)]]
    x = [dict(platform="x", reach=na, impressions=1000, clicks=c, reactions=5, comments=0, shares=0, saves=na,
              paid=paid) for c, paid in [(10, True), (20, True), (30, True), (40, True), (5, False), (5, False),
                                         (10, False), (10, False)]]
    posts = posts_table(facebook + x)
    with pytest.warns(compare.PlatformsLeftOut) as caught:
        table = compare.paid_vs_organic(posts, 3, rate="click_through_rate")
    [warning] = caught
    assert str(warning.message) == (
        "paid_vs_organic gives no reach lift for X (8 posts): their exports leave 'reach' blank (not reported, which"
        " is not 0), so its reach lift is of the posts of Facebook alone. Their engagement-rate lift, of"
        " 'click_through_rate', is given all the same. To give them a reach lift, select them, e.g."
        " explore.select_posts(posts, platform='x'). Pass x= one of the counts these posts report: 'impressions';"
        " or, to take each platform's own count as the client report does, pass compare.with_broadcast(posts) with"
        " x='broadcast'")
    assert warning.filename == __file__
    assert Translator("id").message(warning.message.args[0]).startswith(
        "paid_vs_organic tidak memberikan kelipatan jangkauan untuk X (8 unggahan): ekspornya mengosongkan 'reach'")
    rows = table.set_index("platform")
    assert rows.loc["facebook", "reach lift"] == pytest.approx(11 / 3)
    assert np.isnan(rows.loc["facebook", "engagement-rate lift"])
    assert (rows.loc["x", "paid with reach"], rows.loc["x", "organic with reach"]) == (0, 0)
    assert (rows.loc["x", "paid with rate"], rows.loc["x", "organic with rate"]) == (4, 4)
    assert np.isnan(rows.loc["x", "reach lift"])
    assert rows.loc["x", "engagement-rate lift"] == pytest.approx(10 / 3)
    with pytest.raises(WorkbookError, match=r"^none of the 8 posts \(X\) reports 'reach'.*would give no reach lift\."
                                            r" Pass x= one of the counts these posts report: 'impressions'; or"):
        compare.paid_vs_organic(posts_table(x), 3, rate="click_through_rate")


def test_the_lenses_of_linkedins_real_posts_are_refused_by_reach_and_compared_by_impressions():
    """LinkedIn's content export reports impressions for its 79 posts, never reach."""
    import warnings

    from helpers import explore

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workspace = explore.load_folder(real_export("linkedin/company-page"), timezone="Europe/Rome")
    linkedin = explore.select_posts(workspace.posts, platform="linkedin")
    for call in (compare.quadrants, compare.rank_table, lambda posts: compare.top_n_overlap(posts, 10),
                 compare.paid_vs_organic):
        with pytest.raises(WorkbookError, match=r"^none of the 79 posts \(LinkedIn\) reports 'reach'.*'impressions'"):
            call(linkedin)
    assert len(compare.rank_table(linkedin, a="impressions")) == 79
    paid = compare.paid_vs_organic(linkedin, x="impressions", rate="engagement_rate_by_impressions").iloc[0]
    assert (paid["paid with reach"], paid["organic with reach"]) == (7, 72)
