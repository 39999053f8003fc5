"""The summary's count of the tests the report judges against chance (Report.chance_tests)."""
import dataclasses

import pandas as pd
import pytest

from helpers.i18n import Translator
from helpers.report import build_report
from tests.test_report import CHANGES, DEMO, _with_changes, paid_lifts


@pytest.fixture(scope="module")
def judged():
    """The demo's Instagram alone, every verdict the report states set by hand:
    - changes with an interval (4): reach rate -5.59 pp (-9.02 to -2.08, beyond chance), engagement rate by
      reach -0.50 pp (-1.39 to 0.44), and the median post's change of each rate with one (-1.61 to 0.76 pp,
      -1.31 to 0.35 pp): 1 beyond chance;
    - format pairs (6, two lenses of 3 pairs each, Holm-adjusted): reach p 0.30, 0.04, 0.01 (2 beyond), rate
      p 0.60, 0.20, 0.049 (1 beyond); Kruskal–Wallis p 0.07 (within);
    - rank correlation ρ 95% CI -0.05 to 0.40 (holds 0: within); top-10 overlap 3 with p 0.02 (beyond);
    - elasticity 95% CI 0.6 to 1.2: rising (leaves out 0: beyond); whether in step (holds 1) is said but not
      counted, as a slope of 0, nothing going on, would put it beyond chance;
    - paid lifts: reach 1.5 (0.8 to 2.9, within), rate 0.6 (0.4 to 0.9, beyond);
    - timing: 4 slots (12 slot-days) holding every mapped post, p 0.01 (beyond);
    - benchmarks: a like-for-like one, 0.60% (0.50% to 0.70%) against 0.48% (above: beyond); one counted
      otherwise (rough: where its interval lies is said, no verdict), not counted.
    18 tests, 9 beyond chance; chance alone: 18 × 0.05 = 0.90."""
    report = build_report(**DEMO)
    posts, previous = (frame[frame["platform"] == "instagram"] for frame in (report.posts, report.previous))
    formats = {lens: dict(result) for lens, result in report.formats["instagram"].items()}
    for lens, ps in (("reach", (0.30, 0.04, 0.01)), ("rate", (0.60, 0.20, 0.049))):
        formats[lens]["pairs"] = formats[lens]["pairs"].assign(p_holm=ps)
    formats["rate"]["kruskal"] = {**formats["rate"]["kruskal"], "p_value": 0.07}
    agreement = report.agreement.copy()
    agreement.loc["instagram", ["ci_low", "ci_high"]] = (-0.05, 0.40)
    reporting = int(report.day_hour.loc[report.day_hour["platform"] == "instagram", "reporting"].sum())
    slots = pd.DataFrame([{"platform": "instagram", "slots": 4, "days": 12, "posts": reporting, "H": 11.3, "p_value": 0.01}])
    benchmarks = report.benchmarks[report.benchmarks["platform"] == "instagram"].copy()
    like = benchmarks.index[benchmarks["same_components"].astype(bool)][0]
    rough = benchmarks.index[~benchmarks["same_components"].astype(bool)][0]
    benchmarks.loc[like, ["client", "client low", "client high", "benchmark", "posts"]] = (0.006, 0.005, 0.007, 0.0048, 66)
    benchmarks.loc[rough, ["client", "client low", "client high", "benchmark", "posts"]] = (0.006, 0.005, 0.007, 0.0036, 66)
    changed = dataclasses.replace(
        report, posts=posts, previous=previous,
        kpis=_with_changes(report, "instagram", {"reach_rate": CHANGES["reach_rate"]}),
        formats={**report.formats, "instagram": formats}, agreement=agreement,
        overlaps={**report.overlaps, "instagram": {**report.overlaps["instagram"], "p_value": 0.02}},
        elasticity={**report.elasticity, "instagram": {**report.elasticity["instagram"], "ci_low": 0.6, "ci_high": 1.2}},
        paid=paid_lifts((1.5, 0.8, 2.9), (0.6, 0.4, 0.9)).assign(platform="instagram"),
        slot_tests=slots, benchmarks=benchmarks)
    assert changed.platforms == ["instagram"] and not changed.mixes_paid("instagram")  # no organic change quoted
    return changed


def test_the_report_counts_every_verdict_it_states(judged):
    tests = judged.chance_tests()
    counted = pd.DataFrame(tests).groupby("kind")["beyond"].agg(["size", "sum"])
    assert counted.to_dict("index") == {
        "change": {"size": 4, "sum": 1}, "format_pair": {"size": 6, "sum": 3}, "kruskal": {"size": 1, "sum": 0},
        "rank_correlation": {"size": 1, "sum": 0}, "overlap": {"size": 1, "sum": 1},
        "elasticity": {"size": 1, "sum": 1}, "paid": {"size": 2, "sum": 1}, "timing": {"size": 1, "sum": 1},
        "benchmark": {"size": 1, "sum": 1}}
    # the verdicts the texts state are those counted
    assert ", beyond chance" not in judged._finding_change("instagram").text.split("These figures")[0]
    assert "an overlap beyond chance" in judged._finding_overlap("instagram").text
    assert "within chance" in judged.format_sentence("instagram")
    assert [key for key, _ in judged._timing_tests()] == ["timing.slots_differ"]
    assert "above it beyond chance" in judged._finding_benchmark("instagram").text


def test_the_summary_says_how_many_tests_chance_alone_would_put_beyond_chance(judged):
    intro = judged.summary_intro()
    assert intro.endswith(
        " This report judges 18 tests against chance, and 9 of them came out beyond chance; were nothing going on,"
        " chance alone would put at most about 0.90 of them beyond chance on average (5% of each test, less for"
        " the 6 pairs of formats, whose tests are Holm-adjusted), so one result just past the bar, such as"
        " p = 0.02, is weak evidence on its own.")
    assert dataclasses.replace(judged, tr=Translator("id")).summary_intro().endswith(
        " Laporan ini menilai 18 uji terhadap kebetulan, dan 9 di antaranya bermakna; seandainya sebenarnya tidak"
        " ada perbedaan apa pun, kebetulan saja rata-rata akan membuat paling banyak sekitar 0,90 uji tampak"
        " bermakna (5% dari setiap uji, lebih sedikit untuk 6 pasangan format, yang ujinya disesuaikan dengan"
        " Holm), sehingga satu hasil yang baru sedikit melewati ambang, seperti p = 0,02, merupakan bukti yang"
        " lemah bila berdiri sendiri.")


def test_one_test_without_holm_is_counted_in_the_singular(judged):
    """Only the timing test left (p 0.01): 1 test, 1 beyond chance, 0.05 by chance; no format pair, no Holm."""
    alone = dataclasses.replace(
        judged, kpis=judged.kpis.assign(ci_low=float("nan"), ci_high=float("nan"), relative_ci_low=float("nan"),
                                        relative_ci_high=float("nan")),
        rate_changes=judged.rate_changes.iloc[:0], formats={}, agreement=judged.agreement.iloc[:0], overlaps={},
        elasticity={}, paid=judged.paid.iloc[:0], benchmarks=judged.benchmarks.iloc[:0])
    assert alone.chance_count_sentence() == (
        "This report judges 1 test against chance, and 1 of them came out beyond chance; were nothing going on,"
        " chance alone would put about 0.05 of them beyond chance on average (5% of each test), so one result"
        " just past the bar, such as p = 0.02, is weak evidence on its own.")


def test_a_report_with_no_test_beyond_chance_says_none_and_weighs_no_lone_result(judged, monkeypatch):
    """Eight tests, none beyond chance (a LinkedIn page's month): 8 × 5% = 0.40 by chance alone. The sentence
    said "0 of them came out beyond chance ... so one result just past the bar ... is weak evidence", weighing a
    result there is none of; it now says none came out beyond chance, and stops at what chance alone gives."""
    from helpers.report import ChanceTest, Report

    tests = tuple(ChanceTest("change", "linkedin", f"kpi {n}", beyond=False) for n in range(8))
    monkeypatch.setattr(Report, "chance_tests", lambda self: tests)
    assert judged.chance_count_sentence() == (
        "This report judges 8 tests against chance, and none of them came out beyond chance; were nothing going"
        " on, chance alone would put about 0.40 of them beyond chance on average (5% of each test).")
    assert dataclasses.replace(judged, tr=Translator("id")).chance_count_sentence() == (
        "Laporan ini menilai 8 uji terhadap kebetulan, dan tidak satu pun di antaranya bermakna; seandainya"
        " sebenarnya tidak ada perbedaan apa pun, kebetulan saja rata-rata akan membuat sekitar 0,40 uji tampak"
        " bermakna (5% dari setiap uji).")
