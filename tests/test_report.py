"""The client report: each summary sentence against the number it quotes; awkward clients render."""
import csv
import dataclasses
import datetime as dt
import io
import math
import re
from pathlib import Path

import numpy as np
import papermill
import pandas as pd
import pytest

from helpers import compare, metrics
from helpers.errors import ExportFormatError
from helpers.i18n import Translator
from helpers.paths import DEMO_DIR, PROJECT_ROOT
from helpers.render import REPORT_NOTEBOOK
from helpers.report import ENGAGEMENT_KPIS, build_report
from tests.conftest import FIXTURES

DEMO = dict(client="kopi-senja", client_name="Kopi Senja", exports=[str(DEMO_DIR / "kopi-senja" / "*.csv")],
            timezone="Asia/Jakarta", period_start="2026-09-01", period_end="2026-10-31",
            comparison_start="2026-07-01", comparison_end="2026-08-31", top_n=10)


@pytest.fixture(scope="module")
def report():
    return build_report(**DEMO)


def test_five_to_eight_findings(report):
    findings = report.findings()
    assert 5 <= len(findings) <= 8
    assert len({f.text for f in findings}) == len(findings)


def test_each_finding_quotes_the_number_it_comes_from(report):
    tr = report.tr
    checked = 0
    for finding in report.findings():
        values = finding.values
        if finding.key.startswith("finding.best_post"):
            ranks = compare.rank_table(report.posts)
            mine = ranks[ranks["platform"] == values["platform"]].sort_values(["rank by reach", "rank by interactions"])
            assert values["rank"] == mine["rank by interactions"].iloc[0]
            assert tr.ordinal(values["rank"]) in finding.text and f"of {values['posts']}" in finding.text
        elif finding.key.startswith("finding.elasticity"):
            platform = next(p for p in report.platforms if tr.platform(p) in finding.text)
            fit = compare.elasticity(report.posts[report.posts["platform"] == platform])
            assert values["slope"] == pytest.approx(fit["slope"])
            assert tr.number(fit["slope"], 2) in finding.text and tr.times(10 ** fit["slope"]) in finding.text
            low, high = 10 ** fit["ci_low"], 10 ** fit["ci_high"]  # the multiplier's interval, from the slope's
            assert (f"(95% CI {tr.number(low, 1 if low < 10 else 0)} to {tr.number(high, 1 if high < 10 else 0)}"
                    " times;") in finding.text
            assert f"over {tr.number(fit['n'])} posts" in finding.text  # the fit's own n
        elif finding.key.startswith("finding.formats"):
            assert tr.percent(values["rate_median"], 1) in finding.text
            assert tr.number(values["reach_median"]) in finding.text
            platform = next(p for p in report.platforms if tr.platform(p) in finding.text)
            mine = report.posts[report.posts["platform"] == platform]
            medians = mine.groupby("format")["reach"].median()
            assert medians[values["reach_format"]] == pytest.approx(values["reach_median"])
        elif finding.key == "finding.overlap":
            assert re.match(rf"{values['overlap']} of the {values['n']} ", finding.text)
            platform = next(p for p in report.platforms if tr.platform(p) in finding.text)
            compared = report.overlaps[platform]["posts_compared"]
            # two unrelated top-n lists of N posts share n·n/N posts on average (hypergeometric mean)
            assert (f"would share about {tr.number(values['n'] ** 2 / compared, 1)} of the {values['n']} (over {compared}"
                    " posts)") in finding.text
        elif finding.key == "finding.coverage":
            assert values["posts"] == len(report.posts) and str(len(report.posts)) in finding.text
        else:
            continue
        checked += 1
    assert checked >= 5


def test_the_coverage_notes_say_what_a_post_figure_counts(report):
    notes = report.coverage_notes()
    assert notes[1].startswith("Each post's figures are what it had collected from its publication to the day its"
                               " export was downloaded")


def test_posts_close_to_their_exports_download_make_the_period_understated_in_coverage_and_summary(report):
    import dataclasses

    from helpers.i18n import Translator
    from helpers.report import SETTLING_DAYS

    # the demo exports are named Jul-01-2026_Oct-31-2026_…: downloaded on 31 October 2026 or later; a post of
    # 25 October had 6 days to collect by then (fewer than 7), one of 24 October 7
    assert SETTLING_DAYS == 7
    day = report.posts["published_at"].dt.date
    for platform, count in (("facebook", 6), ("instagram", 3)):
        mine = report.posts["platform"] == platform
        fresh = report.near_download(platform)
        assert len(fresh) == count == int((mine & (day >= dt.date(2026, 10, 25))).sum())
        assert fresh["export last"].eq(pd.Timestamp("2026-10-31")).all()
    notes = [n for n in report.coverage_notes() if "went out fewer than" in n]
    # the download may have come much later (the exports do not say when), so the posts *may* have had little
    # time; totals only grow with time, so they may be understated (a fall overstated), and so may a rate per
    # post (Σ comments ÷ posts: the posts do not grow in number), while a rate of two growing counts, Σ
    # interactions ÷ Σ reach, may move either way: the sentence quoting a fall of summed reach and two rates
    # must not call all its figures understated
    assert notes == [f"{name}: {count} of the period's {posts} posts went out fewer than 7 days before the last day"
                     " their export covers (31 October 2026; it was downloaded that day or later, the exports do not"
                     " say when), and may have had little time to collect reach and interactions: the period's totals"
                     " and its rates per post (comments, shares or reactions per post) may be understated against the"
                     " comparison period (a rise too small, a fall too large), and its rates dividing one count by"
                     " another (engagement rates, frequency) may still move either way."
                     for name, count, posts in (("Facebook", 6, 52), ("Instagram", 3, 66))]
    changes = {f.values["platform"]: f.text for f in report.findings() if f.key.startswith("finding.change")}
    assert "summed reach fell 33% against" in changes["facebook"]
    # the caveat follows the figures it is about; the note on paid posts (Facebook's only) comes after it
    assert (
        "(95% CI -0.63 to 3.11), within chance. Of the 52 Facebook posts, 6 went out fewer than 7 days before the last day their"
        " export covers (31 October 2026) and may have had little time to collect reach and interactions: the"
        " period's totals and its rates per post (comments, shares or reactions per post) may be understated (a"
        " rise too small, a fall too large), and its rates dividing one count by another (engagement rates,"
        " frequency) may still move either way (see Data coverage). These figures include paid posts") in changes["facebook"]
    assert changes["instagram"].endswith("Of the 66 Instagram posts, 3 went out fewer than 7 days before the last day"
                                         " their export covers (31 October 2026) and may have had little time to"
                                         " collect reach and interactions: the period's totals and its rates per"
                                         " post (comments, shares or reactions per post) may be understated (a rise"
                                         " too small, a fall too large), and its rates dividing one count by another"
                                         " (engagement rates, frequency) may still move either way (see Data"
                                         " coverage).")
    assert not any("These figures may be understated" in text for text in changes.values())
    indonesian = dataclasses.replace(report, tr=Translator("id"))
    assert any(("Dari 52 unggahan Facebook, 6 dipublikasikan kurang dari 7 hari sebelum hari terakhir"
                               " yang dicakup ekspornya (31 Oktober 2026) dan mungkin hanya punya sedikit waktu untuk"
                               " mengumpulkan jangkauan dan interaksi: total periode ini dan tingkat per unggahannya"
                               " (komentar, jumlah dibagikan, atau reaksi per unggahan) mungkin tampak lebih kecil"
                               " dari seharusnya (kenaikan terlalu kecil, penurunan terlalu besar), sedangkan tingkat"
                               " yang membagi satu hitungan dengan hitungan lain (tingkat interaksi, frekuensi) masih"
                               " dapat bergeser ke arah mana pun (lihat Cakupan data).") in f.text
               for f in indonesian.findings())
    assert any(n.startswith("Facebook: 6 dari 52 unggahan periode ini dipublikasikan kurang dari 7 hari sebelum hari"
                            " terakhir yang dicakup ekspornya (31 Oktober 2026; ekspor diunduh pada hari itu atau"
                            " sesudahnya, tanpa keterangan kapan tepatnya), dan mungkin hanya punya sedikit waktu")
               for n in indonesian.coverage_notes())
    # without the posts of the last week: neither says so
    early = dataclasses.replace(report, posts=report.posts[day < dt.date(2026, 10, 25)])
    assert early.near_download("facebook").empty and early.near_download("instagram").empty
    assert not any("understated" in f.text for f in early.findings())
    assert not any("went out fewer than" in n for n in early.coverage_notes())


def test_the_timing_heat_map_says_whether_its_slots_differ_beyond_chance(report):
    from helpers import compare

    sentences = report.timing_test_sentences()
    mapped = sorted(set(report.day_hour.loc[report.day_hour["reporting"] > 0, "platform"]))
    assert len(sentences) == len(mapped) >= 1
    for platform, sentence in zip(mapped, sentences):
        mine = compare.with_broadcast(report.posts[report.posts["platform"] == platform])
        test = compare.slot_test(mine, "engagement_rate_by_broadcast").iloc[0]
        reporting = int(report.day_hour.loc[report.day_hour["platform"] == platform, "reporting"].sum())
        assert sentence.startswith(f"On {report.tr.platform(platform)},")
        # the demo's posts spread thinly over slots: a test over a few of them would speak for too few
        assert 2 * test["posts"] < reporting
        assert f"only {test['posts']} of the {reporting} posts on the map" in sentence and "too few" in sentence
    # enough posts in enough slots: the test's result is said
    tests, day_hour = report.slot_tests, report.day_hour
    try:
        report.slot_tests = pd.DataFrame([{"platform": mapped[0], "slots": 5, "days": 17, "posts": 40, "H": 3.2,
                                              "p_value": 0.52}])
        report.day_hour = day_hour[day_hour["platform"] == mapped[0]].assign(reporting=8).head(6)
        assert ("does not differ between weekday-and-hour slots beyond chance: Kruskal–Wallis H = 3.2, p = 0.520"
                " across 5 slots with posts on 3 or more days each (40 posts on 17 slot-days; a slot's posts of one"
                " day count once, at their pooled rate, since they share that day's audience)"
                ) in report.timing_test_sentences()[0]
    finally:
        report.slot_tests, report.day_hour = tests, day_hour


def test_a_heat_map_with_no_slot_of_enough_posts_says_no_slot_holds_that_many(report):
    """Where no weekday-and-hour slot holds posts of 3 days, the sentence says so, not "only 0 of the 8 posts ...
    (0 such slots)", in both languages."""
    tests, day_hour = report.slot_tests, report.day_hour
    platform = sorted(set(day_hour.loc[day_hour["reporting"] > 0, "platform"]))[0]
    name = report.tr.platform(platform)
    try:  # 4 slots of 2 posts each: 8 posts on the map, none in a slot of 3
        report.slot_tests = pd.DataFrame([{"platform": platform, "slots": 0, "days": 0, "posts": 0, "H": float("nan"),
                                           "p_value": float("nan")}])
        report.day_hour = day_hour[day_hour["platform"] == platform].head(4).assign(posts=2, reporting=2)
        assert report.timing_test_sentences() == [
            f"On {name}, no weekday-and-hour slot holds posts of 3 or more days among the 8 posts on the map (a slot's"
            " posts of one day count once, at their pooled rate, since they share that day's audience): too few to"
            " tell whether timing matters, so the map's colours are no guide to when to post."]
        indonesian = dataclasses.replace(report, tr=Translator("id"))
        assert indonesian.timing_test_sentences() == [
            f"Di {name}, tidak ada slot hari dan jam yang berisi unggahan dari 3 hari atau lebih di antara 8 unggahan"
            " di peta (unggahan satu hari dalam satu slot dihitung sekali, dengan tingkat gabungannya, karena berbagi"
            " audiens hari itu): terlalu sedikit untuk menilai apakah waktu unggah berpengaruh, sehingga warna peta"
            " bukan panduan kapan sebaiknya mengunggah."]
        # 4 of the 8 in one slot of 4 and too few slots: the count is said
        report.slot_tests = pd.DataFrame([{"platform": platform, "slots": 1, "days": 3, "posts": 4, "H": float("nan"),
                                           "p_value": float("nan")}])
        assert report.timing_test_sentences()[0].startswith(
            f"On {name}, only 4 of the 8 posts on the map fall in weekday-and-hour slots with posts on 3 or more days"
            " (1 such slot;")
        # posts dated to the month (the UCI dataset): a month's posts of a slot are one unit, as their days are
        # unknown; the sentence said they "share that day's audience", as though they fell on one day
        report.slot_tests = pd.DataFrame([{"platform": platform, "slots": 0, "days": 0, "posts": 0, "H": float("nan"),
                                           "p_value": float("nan")}])
        monthly = report.posts.assign(published_precision="month")
        assert dataclasses.replace(report, posts=monthly).timing_test_sentences() == [
            f"On {name}, the exports give each post's month, weekday and hour but not its day, so a slot's posts of"
            " one month count once, at their pooled rate, as which of them share a day is unknown; no slot holds"
            " posts of 3 or more months among the 8 posts on the map (a period of 3 months or more would allow it):"
            " too few to tell whether timing matters, so the map's colours are no guide to when to post."]
    finally:
        report.slot_tests, report.day_hour = tests, day_hour


def _timed_posts(report, platform: str, precision: str, stamps: list[str], interactions: list[int]) -> pd.DataFrame:
    """The demo's first posts of `platform`, one per stamp, made over by hand: published at `stamps` (the
    report's time zone) to `precision`, each reaching 1,000 accounts with `interactions`."""
    mine = report.posts[report.posts["platform"] == platform].head(len(stamps)).copy()
    zone = report.posts["published_at"].dt.tz
    return mine.assign(published_at=pd.to_datetime(stamps).tz_localize(zone).array,
                       published_precision=pd.array([precision] * len(stamps), dtype="string"),
                       reach=pd.array([1000] * len(stamps), dtype="Int64"),
                       interactions=pd.array(interactions, dtype="Int64"))


def _timed_report(report, posts: pd.DataFrame):
    """The report over `posts` alone, its heat map and timing tests worked out from them as build_report does."""
    measured = compare.with_broadcast(posts)
    return dataclasses.replace(report, posts=measured,
                               day_hour=compare.day_hour(measured, "engagement_rate_by_broadcast"),
                               slot_tests=compare.slot_test(measured, "engagement_rate_by_broadcast", 3))


#: Three slots (Monday 10:00, Wednesday 14:00, Friday 19:00) in each of four months, January to April 2014,
#: each dated to the month's first such weekday: the month is known, the day is a stand-in.
MONTH_STAMPS = ["2014-01-06 10:00", "2014-02-03 10:00", "2014-03-03 10:00", "2014-04-07 10:00",
                "2014-01-01 14:00", "2014-02-05 14:00", "2014-03-05 14:00", "2014-04-02 14:00",
                "2014-01-03 19:00", "2014-02-07 19:00", "2014-03-07 19:00", "2014-04-04 19:00"]


def test_posts_dated_to_the_month_are_timed_by_months_not_days(report):
    """The UCI dataset's posts give month, weekday and hour but no day: a slot's posts of one month are one unit
    (compare.slot_days), so the heat map's sentence, its panel title and the timing test count months. One post
    per slot and month, reaching 1,000 with 10 to 120 interactions: rates 1-4% at Monday 10:00, 5-8% at
    Wednesday 14:00, 9-12% at Friday 19:00. Ranks 1-4, 5-8, 9-12 sum to 10, 26 and 42 of N = 12:
    H = 12 / (12 · 13) · (10² + 26² + 42²) / 4 − 3 · 13 = 635 / 13 − 39 = 9.85, p = e^(−9.85 / 2) = 0.007."""
    import matplotlib.pyplot as plt

    months = _timed_report(report, _timed_posts(report, "facebook", "month", MONTH_STAMPS,
                                                [10 * k for k in range(1, 13)]))
    assert months.month_dated_platforms() == ["facebook"]
    assert months.timing_sentence() == (
        "The 12 posts with a known publish time went out in 3 weekday-and-hour slots; the busiest holds 4 posts and"
        " half hold 4 or fewer. The exports give each post's month, weekday and hour but not its day, so a cell's"
        " posts of one month count once: a cell whose posts reporting engagement rate by reach fall in fewer than"
        " 3 months shows its count without colour, too few to judge.")
    assert months.timing_test_sentences() == [
        "On Facebook, engagement rate by reach differs between weekday-and-hour slots beyond chance: Kruskal–Wallis"
        " H = 9.8, p = 0.007 across 3 slots with posts of 3 or more months each (12 posts in 12 slot-months; the"
        " exports give each post's month but not its day, so a slot's posts of one month count once, at their"
        " pooled rate). Each cell's median rests on a few posts: take the bright cells as times to test, not as a"
        " schedule."]
    assert [test.name for test in months.chance_tests() if test.kind == "timing"] == ["timing.slots_differ_months"]
    fig, _ = months.figure_day_hour()
    assert fig.axes[0].get_title(loc="left").replace("\n", " ") == ("Facebook: median engagement rate by reach of a cell's months (%),"
                                                 " with the number of posts in each cell")
    plt.close(fig)
    indonesian = dataclasses.replace(months, tr=Translator("id"))
    assert indonesian.timing_sentence().endswith(
        " Ekspor memuat bulan, hari dalam seminggu, dan jam setiap unggahan, tetapi tidak tanggalnya, sehingga"
        " unggahan satu bulan dalam satu sel dihitung sekali: sel dengan unggahan yang melaporkan tingkat interaksi"
        " terhadap jangkauan pada kurang dari 3 bulan hanya menampilkan jumlahnya tanpa warna,"
        " terlalu sedikit untuk dinilai.")
    assert indonesian.timing_test_sentences()[0].startswith(
        "Di Facebook, tingkat interaksi terhadap jangkauan berbeda secara bermakna antarslot hari dan jam:"
        " Kruskal–Wallis H = 9,8, p = 0,007 di 3 slot yang masing-masing berisi unggahan dari sedikitnya 3 bulan"
        " (12 unggahan dalam 12 slot-bulan; ekspor memuat bulan setiap unggahan tetapi tidak tanggalnya")
    fig, _ = indonesian.figure_day_hour()
    assert fig.axes[0].get_title(loc="left").replace("\n", " ").startswith("Facebook: median tingkat interaksi terhadap jangkauan"
                                                        " dari bulan-bulan dalam sel (%)")
    plt.close(fig)
    # the same rates interleaved, each slot holding ranks of every size (1, 6, 7, 12; 2, 5, 8, 11; 3, 4, 9, 10):
    # rank sums 26 each, H = 0 and p = 1; every rate the same: no test, every slot-month equal
    for interactions, expected in (([10, 60, 70, 120, 20, 50, 80, 110, 30, 40, 90, 100],
                                    "On Facebook, engagement rate by reach does not differ between weekday-and-hour"
                                    " slots beyond chance: Kruskal–Wallis H = 0.0, p = 1.000 across 3 slots with posts"
                                    " of 3 or more months each (12 posts in 12 slot-months;"),
                                   ([50] * 12, "On Facebook, every slot-month in the slots with posts of 3 or more"
                                               " months has the same engagement rate by reach, so no slot is ahead.")):
        other = _timed_report(report, _timed_posts(report, "facebook", "month", MONTH_STAMPS, interactions))
        assert other.timing_test_sentences()[0].startswith(expected)
        assert "days" not in other.timing_test_sentences()[0] and "days" not in other.timing_sentence()
        indonesian = dataclasses.replace(other, tr=Translator("id"))
        assert "slot-bulan" in indonesian.timing_test_sentences()[0]
        assert "hari atau lebih" not in indonesian.timing_test_sentences()[0]


#: Six Instagram slots in October 2026, three posts each on three days (the sixth on two: too few to colour),
#: each post reaching 1,000 with these interactions: medians 2%, 5%, 8%, 2.5%, 11% (and 0.5%, uncoloured).
SLOT_STAMPS = {"Monday 10": (["2026-10-05 10:00", "2026-10-12 10:00", "2026-10-19 10:00"], [10, 20, 30]),
               "Tuesday 9": (["2026-10-06 09:00", "2026-10-13 09:00", "2026-10-20 09:00"], [40, 50, 60]),
               "Wednesday 14": (["2026-10-07 14:00", "2026-10-14 14:00", "2026-10-21 14:00"], [70, 80, 90]),
               "Thursday 8": (["2026-10-01 08:00", "2026-10-08 08:00", "2026-10-15 08:00"], [15, 25, 35]),
               "Friday 19": (["2026-10-02 19:00", "2026-10-09 19:00", "2026-10-16 19:00"], [100, 110, 120]),
               "Saturday 11": (["2026-10-03 11:00", "2026-10-10 11:00"], [5, 5])}


def _slots_report(report, slots: list[str]):
    stamps = [stamp for slot in slots for stamp in SLOT_STAMPS[slot][0]]
    interactions = [count for slot in slots for count in SLOT_STAMPS[slot][1]]
    return _timed_report(report, _timed_posts(report, "instagram", "minute", stamps, interactions))


def test_the_heat_maps_alt_text_names_its_coloured_cells_highest_first_and_the_lowest(report):
    """The colours' values are read from the colour alone: the alt text names the coloured cells, highest median
    first, each with its weekday, hour, median and posts. Five coloured cells are more than four: the top three
    (Friday 19:00 at 110 ÷ 1,000 = 11%, Wednesday 14:00 at 8%, Tuesday 9:00 at 5%) and the lowest (Monday 10:00,
    2%), with 1 more between (Thursday 8:00, 2.5%); Saturday 11:00, on two days only, is not coloured."""
    import matplotlib.pyplot as plt

    every = _slots_report(report, list(SLOT_STAMPS))
    fig, alt = every.figure_day_hour()
    plt.close(fig)
    assert (" Instagram's coloured cells, highest median first: Friday 19:00, 11.00% (3 posts); Wednesday 14:00,"
            " 8.00% (3 posts); Tuesday 09:00, 5.00% (3 posts); and 1 more, down to the lowest, Monday 10:00, 2.00%"
            " (3 posts).") in alt
    assert "Saturday" not in alt and "Thursday" not in alt
    fig, alt = dataclasses.replace(every, tr=Translator("id")).figure_day_hour()
    plt.close(fig)
    assert (" Sel berwarna Instagram, dari median tertinggi: Jumat pukul 19.00, 11,00% (3 unggahan); Rabu pukul"
            " 14.00, 8,00% (3 unggahan); Selasa pukul 09.00, 5,00% (3 unggahan); dan 1 sel lainnya, hingga yang"
            " terendah, Senin pukul 10.00, 2,00% (3 unggahan).") in alt
    # four or fewer: each of them; one: said as one
    fig, alt = _slots_report(report, ["Monday 10", "Thursday 8", "Saturday 11"]).figure_day_hour()
    plt.close(fig)
    assert (" Instagram's coloured cells, highest median first: Thursday 08:00, 2.50% (3 posts); Monday 10:00, 2.00%"
            " (3 posts).") in alt
    fig, alt = _slots_report(report, ["Tuesday 9", "Saturday 11"]).figure_day_hour()
    plt.close(fig)
    assert (" Instagram has one coloured cell, Tuesday 09:00 (3 posts), with a median of 5.00%, so there is only one"
            " colour and no colour scale.") in alt
    assert "every" not in alt and "highest" not in alt and alt.count("5.00%") == 1


def test_a_map_of_month_dated_and_day_dated_platforms_names_those_whose_cells_count_months(report):
    """Facebook's posts dated to the month (as above), Instagram's to the minute on four days of October 2026 in
    the same three slots: the general sentence keeps days and adds that Facebook's cells count months; each
    platform's test and panel title speak of its own unit."""
    import matplotlib.pyplot as plt

    days = ["2026-10-05 10:00", "2026-10-12 10:00", "2026-10-19 10:00", "2026-10-26 10:00",
            "2026-10-07 14:00", "2026-10-14 14:00", "2026-10-21 14:00", "2026-10-28 14:00",
            "2026-10-02 19:00", "2026-10-09 19:00", "2026-10-16 19:00", "2026-10-23 19:00"]
    rates = [10 * k for k in range(1, 13)]
    mixed = _timed_report(report, pd.concat([_timed_posts(report, "facebook", "month", MONTH_STAMPS, rates),
                                             _timed_posts(report, "instagram", "minute", days, rates)],
                                            ignore_index=True))
    assert mixed.month_dated_platforms() == ["facebook"]
    sentence = mixed.timing_sentence()
    assert sentence.startswith(
        "The 24 posts with a known publish time went out in 6 weekday-and-hour slots; the busiest holds 4 posts and"
        " half hold 4 or fewer. A cell whose posts reporting engagement rate by reach fall on fewer than 3 days"
        " shows its count without colour: too few to judge, as posts of one day (a thread) share that day's"
        " audience. For Facebook, whose exports give each post's month but not its day, a cell counts months"
        " instead of days: its posts of one month count once, and it is coloured from 3 months. Slots are counted"
        " per platform")
    facebook, instagram = mixed.timing_test_sentences()
    assert "across 3 slots with posts of 3 or more months each (12 posts in 12 slot-months;" in facebook
    assert "across 3 slots with posts on 3 or more days each (12 posts on 12 slot-days;" in instagram
    assert [test.name for test in mixed.chance_tests() if test.kind == "timing"] == [
        "timing.slots_differ_months", "timing.slots_differ"]
    fig, _ = mixed.figure_day_hour()
    assert [ax.get_title(loc="left").replace("\n", " ").split(" (%)")[0] for ax in fig.axes if ax.get_title(loc="left")] == [
        "Facebook: median engagement rate by reach of a cell's months",
        "Instagram: median engagement rate by reach of a cell's days"]
    plt.close(fig)
    assert " Untuk Facebook, yang ekspornya memuat bulan setiap unggahan tetapi tidak tanggalnya, sel menghitung" \
           " bulan, bukan hari: unggahan satu bulan dalam satu sel dihitung sekali, dan sel diberi warna mulai dari" \
           " 3 bulan." in dataclasses.replace(mixed, tr=Translator("id")).timing_sentence()
    # one median over a cell's days, not one median per day; the posts that report the rate, not posts "with" it
    indonesian = dataclasses.replace(mixed, tr=Translator("id"))
    assert " Sel dengan unggahan yang melaporkan tingkat interaksi terhadap jangkauan pada kurang" \
           " dari 3 hari hanya menampilkan jumlahnya tanpa warna" in indonesian.timing_sentence()
    fig, _ = indonesian.figure_day_hour()
    assert [ax.get_title(loc="left").replace("\n", " ").split(" (%)")[0] for ax in fig.axes
            if ax.get_title(loc="left")] == [
        "Facebook: median tingkat interaksi terhadap jangkauan dari bulan-bulan dalam sel",
        "Instagram: median tingkat interaksi terhadap jangkauan dari hari-hari dalam sel"]
    plt.close(fig)


def test_the_overlap_cell_gives_what_unrelated_rankings_would_share(report):
    """The glossary says the overlap comes with what chance alone would give: the table's cell gives it, n·n/N
    (two unrelated top-10 lists of 52 Facebook posts share 10·10/52 = 1.9 posts on average)."""
    table = report.agreement_table().set_index("platform")["top-N overlap"]
    assert report.overlaps["facebook"]["posts_compared"] == 52 and report.overlaps["facebook"]["n"] == 10
    assert report.overlaps["facebook"]["overlap"] == 5
    # and how often they share 5 or more: Σ over k ≥ 5 of C(10,k)·C(42,10−k) ÷ C(52,10) = 0.0153
    p = sum(math.comb(10, k) * math.comb(42, 10 - k) for k in range(5, 11)) / math.comb(52, 10)
    assert report.overlaps["facebook"]["p_value"] == pytest.approx(p) and round(p, 3) == 0.015
    assert table["Facebook"] == "5 of 10 (about 1.9 by chance), p = 0.015"
    assert re.search(r" of 10 \(about 1\.5 by chance\)(, p [=<] [0-9.]+)?$", table["Instagram"])  # 10·10/66
    # the summary's sentence says it as the lists cut short by ties do: "among the 10 with the most interactions"
    text = report._finding_overlap("facebook").text
    assert " posts with the most reach are also among the 10 with the most interactions; rankings unrelated" in text
    assert text.endswith("(over 52 posts), and 5 or more only with probability p = 0.015: an overlap beyond chance.")
    assert "p_value" in report.glossary_terms()  # the p the cell and the sentence give is explained


def test_an_overlap_within_chance_says_so_and_one_of_none_gives_no_p(report):
    """4 in common where unrelated rankings share about 3.4 reads as agreement unless the sentence says that
    chance alone gives 4 or more nearly half the time; an overlap of 0 gets no p ('0 or more' always holds)."""
    overlaps = report.overlaps
    try:
        report.overlaps = {**overlaps, "facebook": {**overlaps["facebook"], "overlap": 4, "n": 10, "size_a": 10,
                                                    "size_b": 10, "posts_compared": 29, "chance": 100 / 29,
                                                    "p_value": 0.478}}
        finding = report._finding_overlap("facebook")
        assert finding.text.endswith("would share about 3.4 of the 10 (over 29 posts), and 4 or more with"
                                     " probability p = 0.478: an overlap within chance, which does not show the"
                                     " two lenses agreeing on their top posts.")
        assert finding.values["beyond_chance"] is False
        assert report._overlap_cell("facebook") == "4 of 10 (about 3.4 by chance), p = 0.478"
        report.overlaps["facebook"].update(overlap=0, p_value=1.0)
        finding = report._finding_overlap("facebook")
        assert finding.text.endswith("would share about 3.4 of the 10 (over 29 posts).")
        assert finding.values["beyond_chance"] is None
        assert report._overlap_cell("facebook") == "0 of 10 (about 3.4 by chance)"
    finally:
        report.overlaps = overlaps


def test_an_overlap_shortened_by_ties_names_its_lists_and_their_chance(report):
    overlaps = report.overlaps
    platform = next(p for p in report.platforms if report._finding_overlap(p))
    try:
        # 2 or more of a list of 4 among 10 of 58 posts: 1 − (C(48,4) + 10·C(48,3)) ÷ C(58,4) = 0.134
        p = 1 - (math.comb(48, 4) + 10 * math.comb(48, 3)) / math.comb(58, 4)
        report.overlaps = {**overlaps, platform: {**overlaps[platform], "overlap": 2, "n": 10, "size_a": 10,
                                                  "size_b": 4, "posts_compared": 58, "chance": 10 * 4 / 58,
                                                  "p_value": p}}
        text = report._finding_overlap(platform).text
        assert text.startswith(f"2 of the 10 {report.tr.platform(platform)} posts with the most reach are"
                               " also among the 4 with the most interactions")
        assert ("would share about 0.7 (over 58 posts), and 2 or more with probability p = 0.134: an overlap within"
                " chance, which does not show the two lenses agreeing on their top posts. Posts tied at the cut-off"
                " of the top 10 are left out") in text
        row = report.agreement_table().set_index("platform").loc[report.tr.platform(platform)]
        assert row["top-N overlap"] == ("2 (lists of 10 and 4: posts tied at the cut-off of the top 10 left out;"
                                        " about 0.7 by chance), p = 0.134")
        name = report.tr.platform(platform)
        assert report.divergent_caption(platform) == (f"{name}: posts in the top 10 under one lens only (lists of 10"
                                                      " and 4: posts tied at the cut-off left out)")
        report.overlaps[platform]["overlap"] = 1  # one post: "is also among"
        assert " posts with the most reach is also among the 4 " in report._finding_overlap(platform).text
    finally:
        report.overlaps = overlaps
    assert report.divergent_caption(platform) == f"{name}: posts in the top 10 under one lens only"


def test_the_report_shows_an_overlap_cell_cut_short_by_ties_in_full(report):
    """The report notebook's agreement table, with lists cut short by ties: the cell names the lists and what
    chance would give, 91 characters in English and 120 in Indonesian. Cut at 90, Oigetit's Facebook cell ended
    in 'about 1.3 by chanc…' and an Indonesian one lost its chance figure altogether."""
    import ast
    import dataclasses
    import json

    from helpers import display
    from helpers.i18n import Translator

    cells = json.loads(REPORT_NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = next("".join(c["source"]) for c in cells if "report.agreement_table()" in "".join(c["source"]))
    line = next(node for node in ast.parse(code).body if "agreement_table" in ast.unparse(node))
    shown = ast.Expression(line.value.args[0])  # display.show(display.table(report.agreement_table(), ...))
    overlaps = report.overlaps
    platform = next(p for p in report.platforms if report.top_n_telling(p))
    try:
        report.overlaps = {**overlaps, platform: {**overlaps[platform], "overlap": 2, "n": 10, "size_a": 9,
                                                  "size_b": 7, "posts_compared": 48, "chance": 9 * 7 / 48,
                                                  "p_value": 0.2}}
        for language in ("en", "id"):
            tr = Translator(language)
            cell = dataclasses.replace(report, tr=tr)._overlap_cell(platform)
            html = eval(compile(shown, "client_report.ipynb", "eval"),
                        {"display": display, "report": dataclasses.replace(report, tr=tr), "tr": tr}).data
            assert len(cell) > 90 and tr.number(9 * 7 / 48, 1) in cell
            assert cell in html.replace("&#x27;", "'") and "…" not in html, language
    finally:
        report.overlaps = overlaps


def _notebook_table(code_holds: str):
    """The expression of the report notebook's cell holding `code_holds` that builds its table: the argument
    of display.show(...) where the cell shows it so, else the expression itself."""
    import ast
    import json

    cells = json.loads(REPORT_NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = next("".join(c["source"]) for c in cells if code_holds in "".join(c["source"]))
    line = next(node for node in ast.parse(code).body if code_holds in ast.unparse(node)).value
    shown = line.args[0] if ast.unparse(line.func) == "display.show" else line
    return compile(ast.Expression(shown), "client_report.ipynb", "eval")


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_report_shows_every_definition_and_glossary_entry_whole(report, monkeypatch, language):
    """The Definitions section's two tables, as the report notebook builds them, with every metric and every
    statistical word in them: no text is cut. Cut at 220 characters, the Indonesian caveat of interactions
    (231) lost its last clause, that the platform's own engagement figure ('keterlibatan') is kept apart."""
    import dataclasses
    import html as html_module

    from helpers import display
    from helpers.i18n import Translator
    from helpers.report import GLOSSARY, Report

    monkeypatch.setattr(Report, "defined_metrics", lambda self: [name for name, _ in metrics.DEFINITIONS])
    monkeypatch.setattr(Report, "glossary_terms", lambda self: list(GLOSSARY))
    tr = Translator(language)
    shown = dataclasses.replace(report, tr=tr)
    namespace = {"display": display, "report": shown, "tr": tr}
    for code_holds, frame in (("report.definitions()", shown.definitions()), ("report.glossary()", shown.glossary())):
        # a long word's places to break (display.breakable) are markup, not a cut
        page = html_module.unescape(eval(_notebook_table(code_holds), namespace).data.replace("<wbr>", ""))
        texts = [text for column in frame.columns for text in frame[column]]
        assert len(texts) >= 2 * len(frame) and "…" not in page, code_holds
        assert [text for text in texts if text not in page] == [], code_holds
    caveat = tr.t("metric.interactions.caveat")
    assert len(caveat) > 200 and {"en": "'engagements'", "id": "keterlibatan"}[language] in caveat.rsplit(";", 1)[1]


def test_periods_of_unequal_length_are_said_to_be(report):
    """1 Sep–31 Oct (61 days) against 1 Jul–31 Aug (62 days): the totals' comparison says so."""
    assert any(note.startswith("The period has 61 days and the comparison period 62") for note in report.coverage_notes())


def test_period_lengths_are_calendar_days_across_a_clock_change(report):
    import dataclasses

    day = lambda text: pd.Timestamp(text, tz="Europe/London")  # noqa: E731
    spring = dataclasses.replace(report, period_start=day("2026-03-15"), period_end=day("2026-04-14"),
                                 comparison_start=day("2026-02-12"), comparison_end=day("2026-03-14"))
    assert not any("The period has" in note for note in spring.coverage_notes())  # 31 days each, clocks changed 29 March


def test_period_and_comparison_hold_the_right_posts(report):
    assert report.posts["published_at"].min() >= pd.Timestamp("2026-09-01", tz="Asia/Jakarta")
    assert report.previous["published_at"].max() < pd.Timestamp("2026-09-01", tz="Asia/Jakarta")
    assert report.outside_period == 0  # the demo exports cover exactly both periods


def test_no_change_across_the_switch_from_impressions_to_views(report):
    """The previous period counted impressions, this one views: neither the KPI change nor the change in the
    median post rate is computed for impression-based rates; reach-based ones still are."""
    from helpers.report import analyse

    previous = report.previous.assign(impressions_kind="impressions")
    results = analyse(report.posts, previous, 10, "all industries")
    kpis = results["kpis"]
    by_impressions = kpis[kpis["kpi"] == "engagement_rate_by_impressions"]
    assert by_impressions["series_break"].all() and by_impressions["change"].isna().all()
    changes = results["rate_changes"].set_index(["platform", "kpi"])
    for platform in report.platforms:
        assert pd.isna(changes.loc[(platform, "engagement_rate_by_impressions"), "difference"])
        assert pd.notna(changes.loc[(platform, "engagement_rate_by_reach"), "difference"])


def test_the_elasticity_finding_counts_the_posts_left_out_for_zero_reach(report):
    """Posts with 0 reach have no engagement rate and are left out of the fit, and said; posts with 0
    interactions count in their bin (compare.elasticity_fit), so the note names reach alone."""
    fits, tr = report.elasticity, report.tr
    try:
        report.elasticity = {**fits, "facebook": {**fits["facebook"], "n": 12000, "left_out_zero": 3}}
        assert "over 12,000 posts; 3 with zero reach left out, having no engagement rate)" in \
            report._finding_elasticity("facebook").text
        report.tr = Translator("id")
        assert ("atas 12.000 unggahan; 3 dengan jangkauan nol tidak diikutkan karena tidak memiliki tingkat"
                " interaksi)") in report._finding_elasticity("facebook").text
    finally:
        report.elasticity, report.tr = fits, tr


def test_seven_linkedin_posts_are_too_few_for_an_elasticity_as_for_the_rank_agreement():
    """June 2025 of a real LinkedIn page: 7 posts. The rank agreement says they are too few (10 needed); the
    summary quoted an elasticity of 1.72 from them all the same. Now the elasticity needs as many posts, and
    the table and the scatter say it in the same words."""
    from tests.conftest import real_export

    path = real_export("linkedin/company-page/leaf-space_content_1753863379800.xlsx")
    seven = build_report(client="leaf", client_name="Leaf Space", exports=[str(path)], timezone="UTC",
                         period_start="2025-06-01", period_end="2025-06-30")
    assert seven.elasticity["linkedin"]["n"] == 7 and seven.elasticity["linkedin"]["unfitted"] == "too_few"
    assert not [f.key for f in seven.findings() if f.key.startswith("finding.elasticity")]
    assert seven.agreement_table()["elasticity (Theil–Sen)"].tolist() == ["too few posts (7; 10 needed)"]
    assert seven.scatter_title() == ("Interactions against impressions. No slope b for LinkedIn: too few posts"
                                     " (7; 10 needed)")
    assert ("only 7 posts report both impressions and interactions: too few to judge how the two rankings agree,"
            " or how interactions scale with impressions") in seven.agreement_sentence()


def test_a_real_linkedin_june_against_a_may_with_a_boosted_post_quotes_the_organic_change():
    """Leaf Space's LinkedIn page, June 2025 against May (checked with openpyxl over the sheet's cells, not the
    importer): May holds 12 posts, 29,844 impressions and 470 interactions, one of them boosted on 13 May
    (Total 6,725 impressions, 5,199 sponsored, 46 likes, none from the campaign); June 7 organic posts, 20,305
    impressions, 458 interactions. Mixed: -32%, 1.57% to 2.26%. The 11 organic posts of May: 23,119
    impressions and 422 interactions, so -12.2% and 1.83% to 2.26% (+0.43 pp). The boosted post is left out
    whole: the post table holds its Total row, not its Organic row's 1,526 impressions (with them, May's
    organic delivery would be 24,645 and the change -17.6%)."""
    from tests.conftest import real_export

    path = real_export("linkedin/company-page/leaf-space_content_1753863379800.xlsx")
    june = build_report(client="leafspace", client_name="Leaf Space", exports=[str(path)], timezone="Europe/Rome",
                        period_start="2025-06-01", period_end="2025-06-30")
    assert (june.paid_split("linkedin"), june.paid_split("linkedin", previous=True)) == ((0, 7, 0), (1, 11, 0))
    organic = june.organic_kpis.set_index("kpi")
    assert (organic.loc["impressions", "value"], organic.loc["impressions", "value_previous"]) == (20305, 23119)
    assert organic.loc["impressions", "relative_change"] == pytest.approx(20305 / 23119 - 1)  # -12.2%
    assert organic.loc["interactions", "value_previous"] == 422
    assert organic.loc["engagement_rate_by_impressions", "change"] == pytest.approx(458 / 20305 - 422 / 23119)
    finding = next(f.text for f in june.findings() if f.key.startswith("finding.change"))
    assert "impressions fell 32% against the previous period, with 7 posts against 12" in finding
    assert ("These figures include paid posts (this period: 0; the previous period: 1), so the change mixes boosted"
            " delivery with organic. Organic posts alone (7 against 11): impressions fell 12% and engagement rate"
            " by impressions went from 1.83% to 2.26%, a change of +0.43 pp (95% CI ") in finding
    assert ("the figures count paid posts (this period: 0; the previous period: 1)"
            in june.paid_sentence())
    assert any("count the paid posts (this period: 0; the previous period: 1) with the organic ones" in n
               for n in june.coverage_notes())


def test_an_elasticity_of_too_few_interactions_per_post_is_said_so_instead_of_a_verdict(report):
    """Small counts read on a log scale look like a rate falling with reach: with too few interactions per
    post (compare's 'few_interactions'), the report says it cannot tell, in both languages."""
    fits, tr = report.elasticity, report.tr
    try:
        report.elasticity = {**fits, "facebook": {**fits["facebook"], "slope": np.nan, "ci_low": np.nan,
                                                  "ci_high": np.nan, "n": 40, "left_out_zero": 0,
                                                  "unfitted": "few_interactions", "interactions": 29.0, "bins": 0}}
        finding = report._finding_elasticity("facebook")
        assert finding.key == "finding.elasticity_few_interactions"
        assert finding.text == ("On Facebook, the 40 posts with reach drew 29 interactions in all, about 0.7 a post:"
                                " too few to tell whether engagement rate falls or rises with reach, so no elasticity"
                                " is given (with so few, a flat rate and a falling one look alike).")
        assert report.elasticity_cell("facebook") == "none: 29 interactions over 40 posts, too few per post"
        assert report.scatter_title().endswith(". No slope b for Facebook: 29 interactions over 40 posts, too few"
                                               " per post")
        report.tr = Translator("id")
        assert report._finding_elasticity("facebook").text == (
            "Di Facebook, 40 unggahan yang memiliki jangkauan memperoleh 29 interaksi seluruhnya, sekitar 0,7 per"
            " unggahan: terlalu sedikit untuk mengetahui apakah tingkat interaksi menurun atau meningkat seiring"
            " bertambahnya jangkauan, sehingga elastisitasnya tidak diberikan (dengan interaksi sesedikit itu,"
            " tingkat yang tetap dan tingkat yang menurun tampak sama).")
        assert report.elasticity_cell("facebook") == "tidak ada: 29 interaksi atas 40 unggahan, terlalu sedikit per unggahan"
    finally:
        report.elasticity, report.tr = fits, tr


def test_a_comparison_period_months_before_is_not_called_the_previous_period():
    """August 2014 against March 2014 (the research dataset's page): the summary, the lens tables and their
    captions name the comparison period and its dates, not 'the previous period'."""
    from tests.conftest import real_export

    path = real_export("uci-facebook-metrics/dataset_Facebook.csv")
    august = build_report(client="uci", client_name="Cosmetics", exports=[str(path)], timezone="UTC",
                          period_start="2014-08-01", period_end="2014-08-31", comparison_start="2014-03-01",
                          comparison_end="2014-03-31")
    assert not august.comparison_is_previous
    findings = {f.key: f.text for f in august.findings()}
    assert ("On Facebook, summed reach fell 13% against the comparison period (1 March 2014 to 31 March 2014),"
            " with 34 posts against 36,") in findings["finding.change_down"]
    # the sentence after it, about the same changes, leaves out the dates it just gave
    # 4 other figures and the rate it quotes with its median post's change, of the 12 changes the tables give with
    # an interval (frequency, reach rate, the four engagement rates, conversation, amplification, applause,
    # click-through rate; the median post's by reach and by impressions). Virality's interval reaches to
    # -0.0022 pp (-0.0022 to -0.0026 pp with 400,000 resamples under three seeds): within chance; 2,000
    # resamples had put that end at +0.0014 pp, beyond chance by Monte Carlo noise
    assert ("4 other figures in the tables below changed beyond chance against the comparison period (6 of the 12"
            " figures with an interval changed beyond chance, both changes above included; chance alone would give"
            " about 0.60 such changes)" in findings["finding.other_changes_more"])
    tables = [august.lens_table("facebook", names) for names in (august.broadcast_kpis("facebook"),
                                                                 august.engagement_kpis("facebook"))]
    assert all("comparison period" in table.columns for table in tables)
    assert august.table_caption("facebook", "engagement") == ("Facebook: engagement, this period against the"
                                                              " comparison period (1 March 2014 to 31 March 2014)")
    assert august.table_caption("facebook", "attention") == ("Facebook: attention, this period against the"
                                                             " comparison period (1 March 2014 to 31 March 2014)")
    shown = [*findings.values(), *(str(list(t.columns)) + t.to_string() for t in tables)]
    assert not [text for text in shown if "previous" in text]
    september = build_report(client="uci", client_name="Cosmetics", exports=[str(path)], timezone="UTC",
                             period_start="2014-09-01", period_end="2014-09-30", comparison_start="2014-08-01",
                             comparison_end="2014-08-31", language="id")  # the month just before
    assert september.comparison_is_previous and september.compared() == "periode sebelumnya"
    assert september.table_caption("facebook", "broadcast") == ("Facebook: lensa siaran, periode ini dibandingkan"
                                                                " dengan periode sebelumnya")


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_rate_by_impressions_names_its_denominator(language):
    """Click-through and virality rates divide by impressions (views on Meta's newer exports) as the
    engagement rate by impressions does, and their labels say so as its label does."""
    from helpers.i18n import Translator

    tr = Translator(language)
    word = {"en": " by impressions", "id": " terhadap impresi"}[language]
    assert tr.metric("engagement_rate_by_impressions").endswith(word)
    rates = [name for name in metrics.IMPRESSION_BASED if name in metrics.PERCENT_RATES]
    assert set(rates) == {"engagement_rate_by_impressions", "virality_rate", "click_through_rate"}
    assert [tr.metric(name) for name in rates if not tr.metric(name).endswith(word)] == []
    assert tr.metric("click_through_rate") == {"en": "click-through rate by impressions",
                                               "id": "rasio klik-tayang (CTR) terhadap impresi"}[language]


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_rate_by_followers_names_its_denominator(language):
    """Reach rate divides reach by followers, as the engagement rate by followers divides interactions by
    them: its label names followers wherever it is shown (the lens tables, the summary, Definitions)."""
    from helpers.i18n import Translator

    tr = Translator(language)
    word = {"en": " by followers", "id": " terhadap pengikut"}[language]
    rates = [name for name, (_, denominator, _) in metrics.RATES.items() if denominator == "followers"]
    assert set(rates) == {"reach_rate", "engagement_rate_by_followers"}
    assert [tr.metric(name) for name in rates if not tr.metric(name).endswith(word)] == []
    assert tr.metric("reach_rate") == {"en": "reach rate by followers",
                                       "id": "tingkat jangkauan terhadap pengikut"}[language]


UCI_HEADER = ("Page total likes;Type;Category;Post Month;Post Weekday;Post Hour;Paid;Lifetime Post Total Reach;"
              "Lifetime Post Total Impressions;Lifetime Engaged Users;Lifetime Post Consumers;Lifetime Post"
              " Consumptions;Lifetime Post Impressions by people who have liked your Page;Lifetime Post reach by"
              " people who like your Page;Lifetime People who have liked your Page and engaged with your post;"
              "comment;like;share;Total Interactions")


def test_a_reach_rate_counting_paid_posts_is_said_to_be_no_match_for_its_organic_source(tmp_path):
    """Reach rate's source (Ogilvy 2014) measured organic reach alone. December 2014: an organic post (reach
    100 of 5,000 followers) and a paid one (300 of 5,000): reach rate 400 ÷ 10,000 = 4.00%, counting the paid
    post; November: one organic post. Definitions say so beside the source; with both December posts organic
    they do not."""
    rows = ["5000;Photo;1;12;2;9;0;100;150;10;8;12;90;60;5;1;9;2;12",
            "5000;Photo;1;12;3;9;{paid};300;450;30;22;41;200;150;14;0;25;3;28",
            "4990;Status;2;11;1;23;0;200;260;20;15;30;100;80;9;2;6;1;9"]
    reports = {}
    for paid in (1, 0):
        path = tmp_path / f"paid-{paid}.csv"
        path.write_text("\n".join([UCI_HEADER] + rows).format(paid=paid) + "\n", encoding="utf-8")
        for language in ("en", "id"):
            reports[paid, language] = build_report(client="u", client_name="U", exports=[str(path)], timezone="UTC",
                                                   period_start="2014-12-01", period_end="2014-12-31",
                                                   language=language)
    kpis = reports[1, "en"].kpis.set_index(["platform", "kpi"])
    assert kpis.loc[("facebook", "reach_rate"), "value"] == pytest.approx(0.04)
    definitions = reports[1, "en"].definitions().set_index("metric")
    assert definitions.loc["reach rate by followers", "caveat"] == (
        "reach includes people who do not follow the account; on Facebook, the rate counts paid posts (this period:"
        " 1; the previous period: 0), whose reach includes paid delivery, while Ogilvy's figures are of organic"
        " reach alone, so they are no benchmark for it")
    assert reports[1, "id"].definitions().set_index("metrik").loc["tingkat jangkauan terhadap pengikut", "catatan"] == (
        "jangkauan mencakup orang yang tidak mengikuti akun; di Facebook, tingkat ini menghitung unggahan berbayar"
        " (periode ini: 1; periode sebelumnya: 0), yang jangkauannya mencakup distribusi berbayar, sedangkan angka"
        " Ogilvy hanya mencakup jangkauan organik, sehingga angka itu bukan tolok ukur baginya")
    organic = reports[0, "en"].definitions().set_index("metric")
    assert organic.loc["reach rate by followers", "caveat"] == "reach includes people who do not follow the account"


def test_no_overlap_finding_when_every_post_is_in_both_tops(report):
    overlaps = report.overlaps
    try:
        report.overlaps = {**overlaps, "facebook": {**overlaps["facebook"], "n": 8, "posts_compared": 8, "overlap": 8}}
        assert report._finding_overlap("facebook") is None  # "8 of the 8 ... among the 8" says nothing
        assert report._finding_overlap("instagram") is not None
    finally:
        report.overlaps = overlaps


def test_the_scatter_title_claims_a_shape_only_when_every_interval_shows_it(report):
    fits = report.elasticity
    try:
        report.elasticity = {p: {**fits[p], "slope": 0.4, "ci_low": 0.2, "ci_high": 0.7} for p in report.platforms}
        assert report.scatter_title().startswith("Interactions grow less than in proportion to reach")
        assert "Slope b (95% CI): Facebook 0.40 (0.20 to 0.70); Instagram 0.40" in report.scatter_title()
        report.elasticity[report.platforms[0]] = {**fits[report.platforms[0]], "slope": 0.9, "ci_low": 0.6,
                                                  "ci_high": 1.3}  # the interval holds 1: no shape for both
        assert report.scatter_title().startswith("Interactions against reach: a slope b below 1")
        report.elasticity = {p: {**fits[p], "slope": 0.9, "ci_low": 0.6, "ci_high": 1.3} for p in report.platforms}
        assert report.scatter_title().startswith("Interactions rise with reach, not told apart from rising in step")
        # below 1 but not above 0 (views on TikTok, say): the rate falls, and interactions do not grow at all
        report.elasticity = {p: {**fits[p], "slope": -0.03, "ci_low": -0.41, "ci_high": 0.31} for p in report.platforms}
        assert report.scatter_title().startswith("Engagement rate falls with more reach, beyond chance (slope b below"
                                                 " 1); whether interactions rise with reach at all is within chance.")
        finding = report._finding_elasticity(report.platforms[0])
        assert finding.key == "finding.elasticity_not_rising"
        # the claim beyond chance is the one the interval (-0.41 to 0.31) supports: below 1, so the rate falls;
        # it holds 0, so whether interactions rise is within chance (10^-0.03 = 0.93, 10^-0.41 = 0.39, 10^0.31 = 2.04: 0.9, 0.4 and 2.0 times)
        assert finding.text.startswith(
            "On Facebook, engagement rate falls with more reach, beyond chance: the elasticity lies below 1 (elasticity"
            " -0.03, 95% CI -0.41 to 0.31, over")
        assert finding.text.endswith("whether interactions rise with reach at all is within chance (ten times the reach"
                                     " went with about 0.9 times the interactions, 95% CI 0.4 to 2.0 times).")
        assert "grow less than in proportion" not in report.scatter_title()
        # one platform rising less than in proportion, the other not rising: the rate falls on both
        report.elasticity[report.platforms[0]] = {**fits[report.platforms[0]], "slope": 0.4, "ci_low": 0.2,
                                                  "ci_high": 0.7}
        assert report.scatter_title().startswith("Interactions grow less than in proportion to reach, or not at all:"
                                                 " engagement rate falls with more reach.")
        # an interval holding 0 as well as 1 tells nothing: no shape, and the finding says so
        report.elasticity = {p: {**fits[p], "slope": 0.0, "ci_low": 0.0, "ci_high": 1.62} for p in report.platforms}
        assert report.scatter_title().startswith("Interactions against reach: too few or too scattered posts")
        finding = report._finding_elasticity(report.platforms[0])
        assert finding.key == "finding.elasticity_unclear"
        assert "holds both 1 (in step) and 0 (no link) (elasticity 0.00, 95% CI 0.00 to 1.62" in finding.text
        # most posts left out for zero interactions: the fit describes the few others, so no finding
        report.elasticity = {p: {**fits[p], "slope": 0.4, "ci_low": 0.2, "ci_high": 0.7, "n": 11, "left_out_zero": 47}
                             for p in report.platforms}
        assert report._finding_elasticity(report.platforms[0]) is None
    finally:
        report.elasticity = fits


def test_the_format_test_sentence_says_differ_only_below_the_significance_level(report):
    platform = report.platforms[0]
    kruskal, measure = report.formats[platform]["rate"]["kruskal"], report.measures[platform]
    try:
        report.formats[platform]["rate"]["kruskal"] = {**kruskal, "H": 3.42, "p_value": 0.168}
        sentence = report.format_sentence(platform)
        # the rate is named, as the finding beside it names it
        assert ("Across formats, engagement rate by reach does not differ clearly: Kruskal–Wallis H = 3.4,"
                " p = 0.168") in sentence
        report.formats[platform]["rate"]["kruskal"] = {**kruskal, "H": 25.0, "p_value": 0.0001}
        assert ("Across formats, engagement rate by reach differs: Kruskal–Wallis H = 25.0, p < 0.001"
                in report.format_sentence(platform))
        report.measures[platform] = "impressions"  # a platform compared by impressions: its rate is named
        assert ("Across formats, engagement rate by impressions (views) differs: Kruskal–Wallis H = 25.0"
                in report.format_sentence(platform))
        indonesian = dataclasses.replace(report, tr=Translator("id"))
        assert "Antarformat, tingkat interaksi terhadap impresi (tayangan) berbeda: Kruskal–Wallis H = 25,0" in (
            indonesian.format_sentence(platform))
    finally:
        report.formats[platform]["rate"]["kruskal"] = kruskal
        report.measures[platform] = measure


def test_the_period_change_finding_carries_the_median_post_rate_change_with_its_interval(report):
    from helpers.statistics import median_difference_interval

    platform = report.platforms[0]
    finding = report._finding_change(platform)
    mine, before = (frame[frame["platform"] == platform] for frame in (report.posts, report.previous))
    by_hand = median_difference_interval(mine["engagement_rate_by_reach"], before["engagement_rate_by_reach"])
    tr = report.tr
    assert (f"the median post's rate changed by {tr.signed(tr.number(by_hand['difference'] * 100, 2))} pp"
            f" (95% CI {tr.number(by_hand['ci_low'] * 100, 2)} to {tr.number(by_hand['ci_high'] * 100, 2)})") in finding.text


def test_the_period_change_finding_and_lens_table_carry_the_rate_change_with_its_interval(report):
    platform = report.platforms[0]
    row = report.kpis[(report.kpis["platform"] == platform) & (report.kpis["kpi"] == "engagement_rate_by_reach")]
    row = row.iloc[0]
    assert pd.notna(row["ci_low"]) and row["ci_low"] < row["change"] < row["ci_high"]
    tr = report.tr
    text = (f"{tr.signed(tr.number(row['change'] * 100, 2))} pp (95% CI {tr.number(row['ci_low'] * 100, 2)}"
            f" to {tr.number(row['ci_high'] * 100, 2)})")
    # its interval holds 0 (asserted above): within chance, and the sentence says so
    assert f"to {tr.percent(row['value'], 2)}, a change of {text}, within chance;" in report._finding_change(platform).text
    table = report.lens_table(platform, ("engagement_rate_by_reach", "conversation_rate", "summed_reach"))
    changes = dict(zip(table[tr.t("kpi.metric")], table[tr.t("kpi.change")]))
    assert changes[tr.metric("engagement_rate_by_reach")] == text
    assert "95% CI" in changes[tr.metric("conversation_rate")]  # relative, with its interval
    assert "CI" not in changes[tr.metric("summed_reach")]  # a total has none


def test_the_paid_finding_names_its_denominator_and_intervals(report):
    paid = report.paid
    try:
        report.paid = pd.DataFrame([{"platform": "facebook", "paid posts": 5, "organic posts": 40, "reach lift": 3.2,
                                     "reach lift low": 2.1, "reach lift high": 4.8, "engagement-rate lift": 0.6,
                                     "engagement-rate lift low": 0.4, "engagement-rate lift high": 0.9}])
        text = report._finding_paid("facebook").text
        assert "reached 3.20 (2.10 to 4.80) times as many accounts" in text
        assert "engagement rate by reach was 0.60 (0.40 to 0.90) times organic posts'" in text
        # the sentence quotes the table's figures, and the table names the rate it divides
        report.paid.loc[0, ["engagement-rate lift", "engagement-rate lift low"]] = [0.648, 0.475]
        table = report.paid_table().iloc[0]
        assert table["engagement rate by reach lift (paid ÷ organic medians)"] == "0.65 (0.48 to 0.90)"
        assert "engagement rate by reach was 0.65 (0.48 to 0.90) times" in report._finding_paid("facebook").text
    finally:
        report.paid = paid


def paid_lifts(reach: tuple, rate: tuple) -> pd.DataFrame:
    """A paid_vs_organic row for Facebook, 8 paid and 8 organic posts, with the lifts given (ratio, low, high)."""
    counts = {"paid posts": 8, "organic posts": 8, "paid with reach": 8, "organic with reach": 8,
              "paid with rate": 8, "organic with rate": 8}
    lifts = {f"{column}{end}": value for column, lift in (("reach lift", reach), ("engagement-rate lift", rate))
             for end, value in zip(("", " low", " high"), lift)}
    return pd.DataFrame([{"platform": "facebook", **counts, **lifts}])


@pytest.mark.parametrize("reach, rate, en, id_", [
    # both intervals hold 1 (paid and organic posts drawn from one distribution): within chance, said so
    ((2.07, 0.75, 8.29), (0.93, 0.79, 1.27),
     "On Facebook, paid posts reached 2.07 (0.75 to 8.29) times as many accounts as organic ones, a difference"
     " within chance, and their engagement rate by reach was 0.93 (0.79 to 1.27) times organic posts', a difference"
     " within chance; ratios of medians, 95% CI in brackets.",
     "Di Facebook, unggahan berbayar menjangkau akun sebanyak 2,07 (0,75 hingga 8,29) kali jangkauan unggahan"
     " organik, perbedaan yang tidak bermakna, dan tingkat interaksi terhadap jangkauannya 0,93 (0,79 hingga 1,27)"
     " kali tingkat unggahan organik, perbedaan yang tidak bermakna; rasio median, IK 95% dalam kurung."),
    # the reach lift wholly above 1, the rate lift wholly below it: each beyond chance
    ((3.2, 2.1, 4.8), (0.6, 0.4, 0.9),
     "On Facebook, paid posts reached 3.20 (2.10 to 4.80) times as many accounts as organic ones, a difference"
     " beyond chance, and their engagement rate by reach was 0.60 (0.40 to 0.90) times organic posts', a difference"
     " beyond chance; ratios of medians, 95% CI in brackets.",
     "Di Facebook, unggahan berbayar menjangkau akun sebanyak 3,20 (2,10 hingga 4,80) kali jangkauan unggahan"
     " organik, perbedaan yang bermakna, dan tingkat interaksi terhadap jangkauannya 0,60 (0,40 hingga 0,90) kali"
     " tingkat unggahan organik, perbedaan yang bermakna; rasio median, IK 95% dalam kurung."),
    # no upper bound (+inf): above 1 only where the lower end is
    ((2.5, 1.4, np.inf), (1.1, 0.7, np.inf),
     "On Facebook, paid posts reached 2.50 (1.40 to no upper bound) times as many accounts as organic ones,"
     " a difference beyond chance, and their engagement rate by reach was 1.10 (0.70 to no upper bound) times"
     " organic posts', a difference within chance; ratios of medians, 95% CI in brackets.",
     "Di Facebook, unggahan berbayar menjangkau akun sebanyak 2,50 (1,40 hingga tanpa batas atas) kali jangkauan"
     " unggahan organik, perbedaan yang bermakna, dan tingkat interaksi terhadap jangkauannya 1,10 (0,70 hingga"
     " tanpa batas atas) kali tingkat unggahan organik, perbedaan yang tidak bermakna; rasio median, IK 95% dalam"
     " kurung."),
    # paid posts reaching half as many accounts: "times as many", never "more" ("lebih banyak")
    ((0.5, 0.3, 0.8), (1.5, 1.1, 2.0),
     "On Facebook, paid posts reached 0.50 (0.30 to 0.80) times as many accounts as organic ones, a difference"
     " beyond chance, and their engagement rate by reach was 1.50 (1.10 to 2.00) times organic posts', a difference"
     " beyond chance; ratios of medians, 95% CI in brackets.",
     "Di Facebook, unggahan berbayar menjangkau akun sebanyak 0,50 (0,30 hingga 0,80) kali jangkauan unggahan"
     " organik, perbedaan yang bermakna, dan tingkat interaksi terhadap jangkauannya 1,50 (1,10 hingga 2,00) kali"
     " tingkat unggahan organik, perbedaan yang bermakna; rasio median, IK 95% dalam kurung."),
])
def test_the_paid_finding_says_whether_each_lift_is_beyond_chance(report, reach, rate, en, id_):
    """A lift quoted with its interval alone reads as paid posts doing better or worse: each carries the
    verdict of its interval against 1, as the period-change sentence's changes carry theirs against 0."""
    import dataclasses

    from helpers.i18n import Translator

    changed = dataclasses.replace(report, paid=paid_lifts(reach, rate))
    assert changed._finding_paid("facebook").text == en
    assert changed.paid_sentence() == en + " " + DEMO_PAID_PERIODS
    assert dataclasses.replace(changed, tr=Translator("id"))._finding_paid("facebook").text == id_


def test_a_lift_without_upper_bound_reads_so_in_the_paid_table(report):
    import dataclasses

    from helpers.i18n import Translator

    changed = dataclasses.replace(report, paid=paid_lifts((2.5, 1.4, np.inf), (1.1, 0.7, 1.6)))
    row = changed.paid_table().iloc[0]
    assert row["reach lift (paid ÷ organic medians)"] == "2.50 (1.40 to no upper bound)"
    assert row["engagement rate by reach lift (paid ÷ organic medians)"] == "1.10 (0.70 to 1.60)"
    indonesian = dataclasses.replace(changed, tr=Translator("id")).paid_table().iloc[0]
    assert "2,50 (1,40 hingga tanpa batas atas)" in list(indonesian)


def test_a_lift_by_impressions_says_whether_it_is_beyond_chance(report):
    import dataclasses

    from helpers.i18n import Translator

    changed = dataclasses.replace(report, paid=paid_lifts((1.6, 0.9, 2.8), (0.7, 0.5, 0.95)),
                                  measures={**report.measures, "facebook": "impressions"})
    by = changed.ranked_by("facebook")
    assert changed._finding_paid("facebook").text == (
        f"On Facebook, paid posts drew 1.60 (0.90 to 2.80) times the {by} of organic ones, a difference within"
        f" chance, and their engagement rate by impressions ({by}) was 0.70 (0.50 to 0.95) times organic posts', a"
        " difference beyond chance; ratios of medians, 95% CI in brackets.")
    indonesian = dataclasses.replace(changed, tr=Translator("id"))
    by = indonesian.ranked_by("facebook")
    assert indonesian._finding_paid("facebook").text == (
        f"Di Facebook, unggahan berbayar memperoleh {by} sebanyak 1,60 (0,90 hingga 2,80) kali perolehan"
        f" unggahan organik, perbedaan yang tidak bermakna, dan tingkat interaksi terhadap impresi ({by}) unggahan"
        " berbayar 0,70 (0,50 hingga 0,95) kali tingkat unggahan organik, perbedaan yang bermakna; rasio median,"
        " IK 95% dalam kurung.")


@pytest.mark.parametrize("measure", ["reach", "impressions"])
def test_a_lift_below_one_never_reads_as_more_in_indonesian(report, measure):
    """Paid posts with half the reach (or impressions) of organic ones: the Indonesian sentence says "0,50
    kali" of the organic posts' figure, with no comparative ("lebih banyak": more) that would turn it around."""
    import dataclasses

    from helpers.i18n import Translator

    changed = dataclasses.replace(report, paid=paid_lifts((0.5, 0.3, 0.8), (0.6, 0.4, 0.9)),
                                  measures={**report.measures, "facebook": measure}, tr=Translator("id"))
    text = changed._finding_paid("facebook").text
    assert "0,50 (0,30 hingga 0,80) kali" in text and "0,60 (0,40 hingga 0,90) kali" in text
    assert "lebih" not in text


def test_a_lift_without_interval_carries_no_verdict(report):
    import dataclasses

    changed = dataclasses.replace(report, paid=paid_lifts((2.0, np.nan, np.nan), (0.9, np.nan, np.nan)))
    assert changed._finding_paid("facebook").text == (
        "On Facebook, paid posts reached 2.00 times as many accounts as organic ones, and their engagement rate by"
        " reach was 0.90 times organic posts'; ratios of medians, 95% CI in brackets.")


#: The demo's paid posts per period, after its paid sentence: 1 on Facebook in the period, 7 before it.
DEMO_PAID_PERIODS = ("On Facebook, the figures count paid posts (this period: 1; the previous"
                     " period: 7), so the changes between the two periods mix boosted delivery with organic, and"
                     " Data coverage gives the organic posts' change beside them.")


def test_too_few_paid_posts_are_counted_not_called_unmarked(report):
    """The demo marks 1 paid Facebook post: the sentence gives the counts and the minimum, as the table does,
    then each period's paid posts (7 in the comparison period)."""
    assert report.paid_sentence() == ("Too few posts to compare paid with organic ones (Facebook: 1 paid, 51 organic,"
                                      " 0 unknown): each needs at least 6 posts on a platform. " + DEMO_PAID_PERIODS)


def boosted_may_workbook(tmp_path):
    """A LinkedIn page export of May and June 2025, by hand. May: 6 organic posts of 1,000 impressions and 10,
    20, 30, 10, 20, 30 likes, and one post boosted on 13 May (Organic row 1,000 impressions and 10 likes, a
    Sponsored row of 5,000 impressions and none, Total 6,000 and 10). June: 6 organic posts of 1,200
    impressions and 18, 30, 42, 18, 30, 42 likes. No comment or repost anywhere; the Metrics sheet runs from 1
    May to 31 July, so the export covers both months in full.
    Mixed: impressions 7,200 against 12,000 (-40%), engagement rate 180 ÷ 7,200 = 2.50% against 130 ÷ 12,000
    = 1.08% (+1.42 pp). Organic posts alone: 7,200 against 6,000 (+20%), 2.50% against 120 ÷ 6,000 = 2.00%
    (+0.50 pp)."""
    from tests.test_import_linkedin import METRICS_HEADER, build_workbook, post

    rows, n = [], 7100000000000000100
    for day, likes in zip((2, 6, 9, 16, 20, 23), (10, 20, 30, 10, 20, 30)):
        n += 1
        rows.append(post(f"May {day}", n, "Organic", f"05/{day:02d}/2025", 1000, 50, likes, 0, 0))
    n += 1
    rows += [post("Boosted", n, "Organic", "05/13/2025", 1000, 50, 10, 0, 0),
             post("Boosted", n, "Sponsored", "05/13/2025", 5000, 10, 0, 0, 0, 0, "Spring boost"),
             post("Boosted", n, "Total", "05/13/2025", 6000, 60, 10, 0, 0, 0)]
    for day, likes in zip((3, 6, 10, 17, 20, 24), (18, 30, 42, 18, 30, 42)):
        n += 1
        rows.append(post(f"June {day}", n, "Organic", f"06/{day:02d}/2025", 1200, 50, likes, 0, 0))
    days = [["05/01/2025", 100, 0, 100, 80, 4, 0, 4], ["07/31/2025", 100, 0, 100, 80, 4, 0, 4]]
    return build_workbook(tmp_path / "acme_content_1754000000000.xlsx", rows, metrics_header=METRICS_HEADER,
                          metrics_days=days)


def test_a_change_against_a_period_with_a_boosted_post_says_so_with_the_organic_change_beside_it(tmp_path):
    """The comparison period holds a boosted post, the period none: the period-change finding, Data coverage
    and the paid sentence say each period's paid posts, and the first two quote the change of the organic
    posts alone (metrics.organic_change, the same period_change), in both languages."""
    path = boosted_may_workbook(tmp_path)
    june = build_report(client="acme", client_name="Acme", exports=[str(path)], timezone="UTC",
                        period_start="2025-06-01", period_end="2025-06-30")
    assert june.mixes_paid("linkedin")
    assert (june.paid_split("linkedin"), june.paid_split("linkedin", previous=True)) == ((0, 6, 0), (1, 6, 0))
    organic = june.organic_kpis.set_index("kpi")
    assert (organic.loc["impressions", "value"], organic.loc["impressions", "value_previous"]) == (7200, 6000)
    assert organic.loc["impressions", "relative_change"] == pytest.approx(0.20)
    assert organic.loc["engagement_rate_by_impressions", "value_previous"] == pytest.approx(0.02)
    assert organic.loc["engagement_rate_by_impressions", "change"] == pytest.approx(0.005)
    assert pd.notna(organic.loc["engagement_rate_by_impressions", "ci_low"])  # as the mixed rate's
    mixed = june.kpis.set_index("kpi")
    assert mixed.loc["impressions", "relative_change"] == pytest.approx(-0.40)
    assert mixed.loc["engagement_rate_by_impressions", "change"] == pytest.approx(0.025 - 130 / 12000)
    finding = next(f.text for f in june.findings() if f.key.startswith("finding.change"))
    assert "impressions fell 40% against the previous period, with 6 posts against 7" in finding
    assert ("These figures include paid posts (this period: 0; the previous period: 1), so the change mixes"
            " boosted delivery with organic. Organic posts alone (6 against 6): impressions rose 20") in finding
    assert ("engagement rate by impressions went from 2.00% to 2.50%, a change of +0.50 pp (95% CI ") in finding
    assert "unknown" not in finding  # every post's paid status is known
    note = next(n for n in june.coverage_notes() if "boosted" in n)
    assert note.startswith("LinkedIn: the totals and rates count the paid posts (this period: 0;"
                           " the previous period: 1) with the organic ones, so their changes in the tables mix"
                           " boosted delivery with organic. Organic posts alone (6 against 6): impressions rose 20")
    assert june.paid_sentence().endswith(
        "On LinkedIn, the figures count paid posts (this period: 0; the previous period: 1), so the"
        " changes between the two periods mix boosted delivery with organic, and Data coverage gives the organic"
        " posts' change beside them.")
    june.tr = Translator("id")
    finding = next(f.text for f in june.findings() if f.key.startswith("finding.change"))
    assert ("Angka-angka ini ikut menghitung unggahan berbayar (periode ini: 0; periode sebelumnya: 1), sehingga"
            " perubahannya mencampur distribusi berbayar dengan distribusi organik. Jika hanya unggahan organik yang"
            " dihitung (6 dibandingkan 6): impresi naik 20") in finding
    assert "berubah dari 2,00% menjadi 2,50%, selisih +0,50 poin persentase (IK 95% " in finding
    assert ("Di LinkedIn, angka-angkanya ikut menghitung unggahan berbayar (periode ini: 0; periode sebelumnya: 1),"
            " sehingga perubahan di antara kedua periode mencampur distribusi berbayar dengan organik; bagian Cakupan"
            " data juga menyajikan perubahan khusus unggahan organik.") in june.paid_sentence()


def test_posts_of_unknown_paid_status_stay_out_of_the_organic_change_and_are_said_to(tmp_path):
    """One May organic post whose paid status is taken away (as an export without a flag leaves it): it is
    neither paid nor organic, so the organic posts are 6 against 5, too few for a change (6 needed), and the
    notes say so and count the post as unknown."""
    june = build_report(client="acme", client_name="Acme", exports=[str(boosted_may_workbook(tmp_path))],
                        timezone="UTC", period_start="2025-06-01", period_end="2025-06-30")
    previous = june.previous.copy()
    previous["paid"] = previous["paid"].astype("boolean")
    previous.loc[previous["text"] == "May 2", "paid"] = pd.NA
    june.previous = previous
    june.organic_kpis = metrics.organic_change(june.posts, previous, min_posts=6)
    assert june.paid_split("linkedin", previous=True) == (1, 5, 1)
    note = next(n for n in june.coverage_notes() if "boosted" in n)
    assert note.endswith("(this period: 0; the previous period: 1 paid, 1 of unknown status) with the organic ones,"
                         " so their changes in the tables mix boosted delivery with organic. Organic posts alone are"
                         " too few to compare (6 against 5; each period needs 6). Posts whose exports do not say"
                         " whether they were paid are left out of the organic figures, as not known to be organic.")
    # Data coverage gives no organic change here, so the paid sentence does not point to one
    assert june.paid_sentence().endswith(
        "On LinkedIn, the figures count paid posts (this period: 0; the previous period: 1 paid, 1"
        " of unknown status), so the changes between the two periods mix boosted delivery with organic.")


def test_a_period_whose_paid_status_is_all_unknown_is_not_said_to_hold_no_paid_post(tmp_path):
    """June's 6 posts lose their paid status (as an export without a paid flag leaves them), May keeps its 1
    boosted and 6 organic posts: June's count reads '0 paid, 6 of unknown status', not a bare 0 that would mean
    none was paid, in the finding, Data coverage and the paid sentence alike. Organic posts: 0 against 6, too
    few, so the paid sentence points to no organic change in Data coverage. Both languages."""
    import dataclasses

    from helpers.report import analyse

    june = build_report(client="acme", client_name="Acme", exports=[str(boosted_may_workbook(tmp_path))],
                        timezone="UTC", period_start="2025-06-01", period_end="2025-06-30")
    posts = june.posts.copy()
    posts["paid"] = pd.array([pd.NA] * len(posts), dtype="boolean")
    june = dataclasses.replace(june, posts=posts, **analyse(posts, june.previous, 10, "all industries"))
    assert (june.paid_split("linkedin"), june.paid_split("linkedin", previous=True)) == ((0, 0, 6), (1, 6, 0))
    counts = "(this period: 0 paid, 6 of unknown status; the previous period: 1)"
    organic = ("Organic posts alone are too few to compare (0 against 6; each period needs 6). Posts whose exports do"
               " not say whether they were paid are left out of the organic figures, as not known to be organic.")
    finding = next(f.text for f in june.findings() if f.key.startswith("finding.change"))
    assert finding.endswith(f"These figures include paid posts {counts}, so the change mixes boosted delivery with"
                            f" organic. {organic}")
    assert (f"LinkedIn: the totals and rates count the paid posts {counts} with the organic ones, so"
            f" their changes in the tables mix boosted delivery with organic. {organic}") in june.coverage_notes()
    assert june.paid_sentence() == (
        "The exports do not mark paid and organic posts in a way that allows a comparison. On LinkedIn, the figures"
        f" count paid posts {counts}, so the changes between the two periods mix boosted delivery"
        " with organic.")
    june.tr = Translator("id")
    counts = "(periode ini: 0 berbayar, 6 yang status berbayarnya tidak diketahui; periode sebelumnya: 1)"
    finding = next(f.text for f in june.findings() if f.key.startswith("finding.change"))
    assert f"Angka-angka ini ikut menghitung unggahan berbayar {counts}, sehingga perubahannya mencampur" in finding
    assert any(n.startswith(f"LinkedIn: total dan tingkat ikut menghitung unggahan berbayar {counts} bersama"
                            " unggahan organik") for n in june.coverage_notes())
    assert june.paid_sentence().endswith(
        f"Di LinkedIn, angka-angkanya ikut menghitung unggahan berbayar {counts}, sehingga perubahan di antara kedua"
        " periode mencampur distribusi berbayar dengan organik.")


def test_paid_counts_name_the_unknowns_beside_an_organic_change_that_is_given(report):
    """The demo's Facebook posts: 1 paid and 51 organic in the period, 7 paid and 59 organic before it. Three
    of the period's organic posts lose their paid status: 1 paid, 48 organic, 3 unknown. The counts name the 3
    (the previous period's, with none unknown, stays a bare 7); 48 against 59 organic posts are enough for a
    change, which Data coverage gives, so the paid sentence points to it. Both languages."""
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    posts["paid"] = posts["paid"].astype("boolean")
    organic = posts.index[(posts["platform"] == "facebook") & posts["paid"].eq(False).fillna(False)]
    posts.loc[organic[:3], "paid"] = pd.NA
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert changed.paid_split("facebook") == (1, 48, 3)
    counts = "(this period: 1 paid, 3 of unknown status; the previous period: 7)"
    finding = next(f.text for f in changed.findings() if f.key.startswith("finding.change")
                   and f.values["platform"] == "facebook")
    assert (f"These figures include paid posts {counts}, so the change mixes boosted delivery with organic. Organic"
            " posts alone (48 against 59): summed reach ") in finding
    assert finding.endswith("Posts whose exports do not say whether they were paid are left out of the organic"
                            " figures, as not known to be organic.")
    note = next(n for n in changed.coverage_notes() if "boosted" in n)
    assert note.startswith(f"Facebook: the totals and rates count the paid posts {counts} with the"
                           " organic ones, so their changes in the tables mix boosted delivery with organic. Organic"
                           " posts alone (48 against 59): summed reach ")
    assert changed.paid_sentence().endswith(
        f"On Facebook, the figures count paid posts {counts}, so the changes between the two"
        " periods mix boosted delivery with organic, and Data coverage gives the organic posts' change beside them.")
    changed.tr = Translator("id")
    assert changed.paid_sentence().endswith(
        "Di Facebook, angka-angkanya ikut menghitung unggahan berbayar (periode ini: 1 berbayar, 3 yang status"
        " berbayarnya tidak diketahui; periode sebelumnya: 7), sehingga perubahan di antara kedua periode mencampur"
        " distribusi berbayar dengan organik; bagian Cakupan data juga menyajikan perubahan khusus unggahan"
        " organik.")


def test_lens_sentences_leave_out_what_is_not_reported(report):
    kpis = report.kpis
    try:
        gone = kpis["kpi"].isin(["impressions", "frequency", "conversation_rate"]) & (kpis["platform"] == "facebook")
        report.kpis = kpis.assign(value=kpis["value"].mask(gone))
        broadcast, engagement = report.lens_sentence("broadcast"), report.lens_sentence("engagement")
        assert broadcast.startswith("On Facebook, 52 posts reached a summed 164,235 accounts (not unique people);"
                                    " the exports report no impressions or views for them, so no frequency.")
        assert "(Σ interactions ÷ Σ reach). On Instagram" in engagement  # no comments clause for Facebook
        assert "n/a" not in broadcast + engagement
    finally:
        report.kpis = kpis


def test_a_platform_without_reach_is_ranked_by_its_impressions_or_views(report):
    """Instagram's reach blanked: its rankings use what its exports count (views, in the demo), and every
    sentence, table and figure label says so; Facebook keeps reach."""
    import dataclasses

    from scipy import stats

    from helpers.metrics import interactions
    from helpers.report import analyse

    posts = report.posts.copy()
    instagram = posts["platform"] == "instagram"
    posts.loc[instagram, ["reach", "engagement_rate_by_reach"]] = pd.NA
    results = analyse(posts, report.previous, 10, "all industries")
    assert results["measures"] == {"facebook": "reach", "instagram": "impressions"}
    mine = posts[instagram]
    by_hand = stats.spearmanr(mine["impressions"].astype(float), interactions(mine).astype(float)).statistic
    assert results["agreement"].loc["instagram", "rho"] == pytest.approx(by_hand)
    assert results["agreement"].loc["facebook", "rho"] == pytest.approx(report.agreement.loc["facebook", "rho"])
    changed = dataclasses.replace(report, posts=posts, **results)
    assert "On Instagram, views and interactions rank posts with" in changed.agreement_sentence()
    assert "On Facebook, reach and interactions rank posts with" in changed.agreement_sentence()
    assert changed._finding_overlap("instagram").text.startswith("of the 10 Instagram posts with the most views are"
                                                                 " also among", len(str(results["overlaps"]["instagram"]["overlap"])) + 1)
    table = changed.divergent_posts("instagram")
    assert {"views", "rank by views"} <= set(table.columns) and set(table["on top by"]) <= {"views only",
                                                                                          "interactions only"}
    assert "engagement rate by reach" not in table.columns  # n/a on every row without reach: left out
    agreement = changed.agreement_table().set_index("platform")["ranked by"]
    assert agreement.to_dict() == {"Facebook": "reach", "Instagram": "views"}


def test_a_platform_counting_plays_only_is_described_and_ranked_by_video_views(report):
    """TikTok's exports report neither reach nor impressions, only video views: the sentences and the
    rankings use those, named as such."""
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    instagram = posts["platform"] == "instagram"
    posts.loc[instagram, "video_views"] = posts.loc[instagram, "impressions"]
    posts.loc[instagram, ["reach", "impressions"]] = pd.NA
    posts["engagement_rate_by_views"] = posts["interactions"] / posts["video_views"]
    results = analyse(posts, report.previous, 10, "all industries")
    assert results["measures"]["instagram"] == "video_views"
    changed = dataclasses.replace(report, posts=posts, **results)
    broadcast, engagement = changed.lens_sentence("broadcast"), changed.lens_sentence("engagement")
    assert "On Instagram, the exports report neither reach nor impressions: 66 posts were played" in broadcast
    assert "an engagement rate by video views of" in engagement and "(Σ interactions ÷ Σ video views;" in engagement
    assert "On Instagram, video views and interactions rank posts with" in changed.agreement_sentence()


def test_youtube_is_described_by_its_video_views_not_its_thumbnail_impressions(report):
    """YouTube's impressions count thumbnails shown: the sentences, the tables and the rankings all use video
    views, and the thumbnail count is labelled as such wherever it is shown."""
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    instagram = posts["platform"] == "instagram"
    posts.loc[instagram, "video_views"] = (posts.loc[instagram, "impressions"] // 4).astype("Int64")
    posts.loc[instagram, "reach"] = pd.NA
    posts.loc[instagram, "impressions_kind"] = "thumbnail_impressions"
    posts = compare.with_broadcast(metrics.post_metrics(posts))
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert changed.measures["instagram"] == "video_views"
    views = int(posts.loc[instagram, "video_views"].sum())
    broadcast = changed.lens_sentence("broadcast")
    assert (f"On Instagram, the exports report no reach, and their impressions count thumbnails shown, not the"
            f" video: 66 posts were played {changed.tr.number(views)} times (video views)") in broadcast
    engagement = changed.lens_sentence("engagement")
    assert "On Instagram, the posts drew" in engagement and "an engagement rate by video views of" in engagement
    assert "thumbnail" not in engagement
    table = changed.lens_table("instagram", changed.broadcast_kpis("instagram")).set_index("metric")
    assert table.loc["video views", "this period"] == changed.tr.number(views)  # the sentence's number, in a table
    assert "thumbnail impressions" in table.index and "impressions (or views)" not in table.index
    rates = changed.lens_table("instagram", ("engagement_rate_by_impressions", "engagement_rate_by_views"))
    assert rates["metric"].tolist() == ["engagement rate by impressions (thumbnail impressions)",
                                        "engagement rate by video views"]
    assert "video_views" not in changed.broadcast_kpis("facebook")  # reach platforms: the table as before
    # the engagement lens leaves out rates per thumbnail shown (interactions, shares, clicks per thumbnail)
    engagement_rows = changed.engagement_kpis("instagram")
    assert "engagement_rate_by_views" in engagement_rows
    assert not {"engagement_rate_by_impressions", "virality_rate", "click_through_rate"} & set(engagement_rows)
    assert changed.engagement_kpis("facebook") == ENGAGEMENT_KPIS
    # alone, such a platform's Definitions leave those rates out, and say why rather than "not given"
    alone = posts[instagram]
    previous = report.previous[report.previous["platform"] == "instagram"]
    only = dataclasses.replace(report, posts=alone, previous=previous, **analyse(alone, previous, 10, "all industries"))
    assert only.kpi("instagram", "engagement_rate_by_impressions") > 0  # computed
    assert not {"engagement_rate_by_impressions", "virality_rate"} & set(only.defined_metrics())
    note = only.definitions_note()
    assert ("Left out although computed: engagement rate by impressions and virality rate by impressions, as the"
            " impressions of Instagram count thumbnails shown") in note
    assert "virality rate" not in note.split("Left out although computed")[0]


def test_a_platform_without_a_lift_is_explained_beside_one_with_a_lift(report):
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    for platform, paid in (("facebook", 10), ("instagram", 2)):
        mine = posts["platform"] == platform
        posts.loc[mine, "paid"] = posts.loc[mine, "published_at"].rank(method="first") <= paid
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    sentence = changed.paid_sentence()
    assert sentence.startswith("On Facebook, paid posts reached ")
    assert "Too few posts to compare paid with organic ones (Instagram: 2 paid, 64 organic, 0 unknown)" in sentence


def test_a_platform_with_reach_on_few_posts_is_described_by_the_count_it_is_compared_by(report):
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    facebook = posts.index[posts["platform"] == "facebook"]
    posts.loc[facebook[16:], "reach"] = pd.NA  # reach on 16 of 52 posts: compared by what the export counts
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert changed.measures["facebook"] == "impressions"
    broadcast, engagement = changed.lens_sentence("broadcast"), changed.lens_sentence("engagement")
    assert "On Facebook, reach is reported for 16 of 52 posts only, so posts are compared by views: 52 posts" in broadcast
    assert "On Facebook, the posts drew" in engagement and "an engagement rate by impressions (views) of" in engagement


def test_the_paid_sentence_gives_its_reason_when_no_lift_can_be_computed(report):
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    facebook = posts["platform"] == "facebook"
    posts.loc[facebook, "paid"] = posts.loc[facebook, "published_at"].rank(method="first") <= 6  # 6 paid, 46 not
    posts.loc[facebook, ["reach", "impressions", "video_views"]] = pd.NA  # no broadcast count at all
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert changed.paid_sentence() == ("On Facebook, 6 paid and 46 organic posts are marked, but the exports report"
                                       " no reach for them, so their reach and engagement rate by reach cannot be"
                                       " compared. On Facebook, the figures count paid posts (this"
                                       " period: 6; the previous period: 7), so the changes between the two periods"
                                       " mix boosted delivery with organic.")  # no reach: no organic change either
    note = next(n for n in changed.coverage_notes() if n.startswith("Facebook: the totals and rates count the paid"))
    assert note.endswith("Organic posts alone (46 against 59): their engagement rate by reach cannot be computed in"
                         " both periods, so no change is given.")  # not "from 4.12% to n/a, a change of n/a"
    posts = report.posts.copy()
    posts["paid"] = pd.array([False if p == "facebook" else pd.NA for p in posts["platform"]], dtype="boolean")
    posts["spend"] = pd.NA  # every Facebook post marked organic, Instagram's unknown
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert changed.paid_sentence().startswith("Too few posts to compare paid with organic ones (Facebook: 0 paid,"
                                              " 52 organic, 0 unknown)")
    posts = report.posts.copy()  # 6 paid, 46 organic with no interactions: reach is there, the rate's median is 0
    facebook = posts["platform"] == "facebook"
    posts.loc[facebook, "paid"] = posts.loc[facebook, "published_at"].rank(method="first") <= 6
    organic = facebook & ~posts["paid"].fillna(False).astype(bool)
    posts.loc[organic, ["reactions", "comments", "shares", "saves"]] = 0
    posts["interactions"] = posts[["reactions", "comments", "shares", "saves"]].sum(axis=1, min_count=1)
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert "the organic posts' median reach or engagement rate by reach is 0" in changed.paid_sentence()
    posts = report.posts.copy()  # 8 paid posts, 5 of them without reach: 3 report it, 6 are needed
    facebook = posts["platform"] == "facebook"
    posts.loc[facebook, "paid"] = posts.loc[facebook, "published_at"].rank(method="first") <= 8
    paid = facebook & posts["paid"].fillna(False).astype(bool)
    posts.loc[posts.index[paid][:5], "reach"] = pd.NA
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert ("On Facebook, 8 paid and 44 organic posts are marked, but only 3 and 44 of them report reach above 0"
            " and interactions: each group needs 6.") in changed.paid_sentence()
    posts.loc[posts.index[paid][:5], "reach"] = 0  # reach 0: counted as reported, but no rate
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert "but only 3 and 44 of them report reach above 0 and interactions" in changed.paid_sentence()


def test_the_agreement_sentence_says_when_a_measure_does_not_vary(report):
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    posts.loc[posts["platform"] == "facebook", ["reactions", "comments", "shares", "saves"]] = [1, 0, 0, 0]
    posts["interactions"] = posts[["reactions", "comments", "shares", "saves"]].sum(axis=1, min_count=1)
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert ("On Facebook, the rankings cannot be compared: over the 52 posts that report both, reach or"
            " interactions are the same for every post.") in changed.agreement_sentence()
    # nor does anything else compare them: no best-post or overlap finding, no divergent posts
    assert changed._finding_best_post("facebook") is None and changed._finding_overlap("facebook") is None
    assert changed.divergent_posts("facebook").empty and not changed.divergent_posts("instagram").empty


def test_definitions_hold_the_reach_metrics_when_the_exports_report_reach(report):
    defined = report.defined_metrics()
    assert {"reach", "summed_reach", "frequency", "engagement_rate_by_reach", "interactions"} <= set(defined)
    assert len(report.definitions()) == len(defined)
    left_out = [report.tr.metric(name) for name, _ in metrics.DEFINITIONS if name not in defined]
    assert report.definitions_note() == ("Not in this report, as the exports do not give what they need: "
                                         + ", ".join(left_out[:-1]) + " and " + left_out[-1] + ".")


def test_post_text_reaches_html_only_escaped(report):
    from helpers import display

    table = report.divergent_posts("facebook").copy()
    text_column = report.tr.t("divergent.text")
    table.loc[table.index[0], text_column] = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    html = display.table(table, caption="caption with <b>tags</b> and a \\1 backslash", index=False).data
    assert "<script>" not in html and "<img src=x" not in html
    # escaped, with a place to break after the '/' of the long word it is (display.breakable)
    assert "&lt;script&gt;alert(1)&lt;/<wbr>script&gt;" in html
    assert "caption with &lt;b&gt;tags&lt;/b&gt; and a \\1 backslash" in html


def test_benchmarks_by_impressions_are_not_compared_with_views(report):
    buffer = report.benchmarks[report.benchmarks["source"] == "Buffer"]
    assert len(buffer) and buffer["client"].isna().all()  # the demo exports report views, not impressions
    assert (buffer["reason"] == "views").all()
    assert "repeat views" in report._benchmark_note(buffer.iloc[0])


def single_post_export(tmp_path):
    source = next((DEMO_DIR / "harbour-books").glob("*.csv"))
    lines = source.read_text(encoding="utf-8-sig").split("\n")
    path = tmp_path / "Sep-01-2026_Sep-30-2026_100088245511032.csv"
    header, rows = lines[0], [line for line in lines[1:] if '"09/' in line]
    path.write_text("\ufeff" + header + "\n" + rows[0] + "\n", encoding="utf-8")
    return path


def run_notebook(tmp_path, **parameters):
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(str(REPORT_NOTEBOOK), str(out), parameters=parameters, cwd=str(PROJECT_ROOT),
                               kernel_name="python3", progress_bar=False)
    return out.read_text(encoding="utf-8")


def test_a_client_with_a_single_post_renders(tmp_path):
    path = single_post_export(tmp_path)
    single = build_report(**{**DEMO, "exports": [str(path)], "timezone": "Europe/London",
                             "period_start": "2026-09-01", "period_end": "2026-09-30"})
    assert len(single.posts) == 1
    assert pd.isna(single.agreement["rho"]).all()
    executed = run_notebook(tmp_path, **{**DEMO, "exports": [str(path)], "timezone": "Europe/London",
                                         "period_start": "2026-09-01", "period_end": "2026-09-30"})
    assert "This report covers 1 posts" in executed or "covers 1 post" in executed


def test_a_platform_without_reach_renders_and_says_so(tmp_path):
    exports = [str(FIXTURES / "x" / "tweet_activity_metrics_examplebakery_20190801_20190901_en.csv")]
    params = {**DEMO, "client": "bakery", "client_name": "Example Bakery", "exports": exports, "timezone": "UTC",
              "period_start": "2019-08-01", "period_end": "2019-08-31", "comparison_start": "2019-07-01",
              "comparison_end": "2019-07-31"}
    x_report = build_report(**params)
    assert x_report.posts["reach"].isna().all()
    assert any("report no reach" in note for note in x_report.coverage_notes())
    # no 'n/a' in the headline sentences: what the exports lack is said, and the rate divides by impressions
    assert x_report.lens_sentence("broadcast") == ("On X, the exports report no reach: 2 posts counted 13,850"
                                                   " impressions, and neither summed reach nor frequency can be given.")
    engagement = x_report.lens_sentence("engagement")
    assert "an engagement rate by impressions of 0.04% (Σ interactions ÷ Σ impressions; the exports report no reach)" \
        in engagement and "n/a" not in engagement
    assert x_report.agreement_sentence() == ("On X, fewer than 3 posts report reach, impressions or video views"
                                             " together with interactions, so the rankings cannot be compared here.")
    # Definitions define what the report shows: no reach-based metric for X, and the left-out ones are named
    defined = x_report.defined_metrics()
    assert "engagement_rate_by_impressions" in defined and "impressions" in defined
    assert not {"reach", "summed_reach", "frequency", "engagement_rate_by_reach"} & set(defined)
    assert list(x_report.definitions()["metric"]) == [x_report.tr.metric(name) for name in defined]
    assert x_report.definitions_note().startswith("Not in this report, as the exports do not give what they need:"
                                                  " reach, summed reach (not unique people), frequency")
    executed = run_notebook(tmp_path, **params)
    assert "report no reach" in executed and "Not in this report, as the exports do not give" in executed


def test_a_platform_without_interactions_says_so_and_names_what_it_counts(tmp_path):
    """A YouTube export of views only: no interaction to rank by, said as such; the table ranks by video views
    (not reach, which YouTube never reports) and compares no top N ('0 of 0' would read as a finding)."""
    params = {**DEMO, "client": "views", "client_name": "Views Only", "timezone": "UTC",
              "exports": [str(FIXTURES / "youtube" / "no_watch_time.csv")], "language": "en",
              "period_start": "2024-01-01", "period_end": "2024-01-31", "comparison_start": "2023-12-01",
              "comparison_end": "2023-12-31"}
    report = build_report(**params)
    assert report.agreement_sentence() == ("On YouTube, the exports report no interactions (no reactions, comments,"
                                           " shares or saves), so the rankings cannot be compared here.")
    assert report.agreement_table().empty  # a row of 'n/a' would repeat the sentence, less clearly
    assert report._overlap_cell("youtube") == "not compared (0 posts)"  # not '0 of 0', which reads as a finding
    assert not any("of the" in f.text and "most" in f.text for f in report.findings())
    indonesian = build_report(**{**params, "language": "id"})
    assert indonesian.agreement_sentence().startswith("Di YouTube, ekspor tidak melaporkan interaksi")


def test_paid_delivery_outside_the_period_is_named_and_left_out():
    """The real Ads Manager report covers April 2023 to March 2024: beside exports of 2026 its delivery is not
    the period's, and the report says so instead of quoting it; over its own span its totals come out."""
    from helpers.report import paid_in_period
    from tests.conftest import real_export

    ads = real_export("facebook/ads-manager/Untitled-report-Apr-1-2023-to-Mar-11-2024.xlsx")
    with_ads = build_report(**{**DEMO, "exports": DEMO["exports"] + [str(ads)]})
    assert with_ads.paid_delivery.empty
    assert with_ads.paid_delivery_sentences() == [
        f"The Ads Manager report {ads.name} covers 1 April 2023 to 11 March 2024, outside the period: its delivery"
        " is left out."]
    assert "cpm" not in with_ads.defined_metrics()
    assert len(with_ads.posts) == len(build_report(**DEMO).posts)  # the ads file adds no posts
    from helpers.paid import import_paid_delivery

    table, reports = import_paid_delivery([ads])
    summary, outside, same = paid_in_period(table, reports, "2023-04-01", "2024-03-11")
    # 77,818.01 UAH over 3,159,843 impressions and 1,211,188 reported unique accounts
    row = summary.iloc[0]
    assert outside == same == [] and row["impressions"] == 3_159_843 and row["reported total reach"] == 1_211_188
    assert row["CPM"] == pytest.approx(24.63, abs=0.005) and row["frequency"] == pytest.approx(2.61, abs=0.005)
    # one month of its monthly rows: their impressions and spend add up, but the report's unique reach
    # counts every month, so none is given for the month (the sentence says why)
    october, _, _ = paid_in_period(table, reports, "2023-10-01", "2023-10-31")
    assert october["rows"].iloc[0] == int(((table["period_start"] == "2023-10-01")).sum())
    assert pd.isna(october["reported total reach"].iloc[0]) and pd.isna(october["frequency"].iloc[0])


def shifted_ads(folder, month: str = "2025-03"):
    """The campaigns fixture (February 2024) moved to `month`, so that it falls within a report's period."""
    text = (FIXTURES / "ads_manager" / "campaigns_usd.csv").read_text(encoding="utf-8-sig")
    text = text.replace("2024-02-01", f"{month}-01").replace("2024-02-29", f"{month}-28").replace(
        "2024-02-20", f"{month}-20").replace("2024-02-03", f"{month}-03")
    path = folder / "campaigns_usd.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_paid_delivery_within_the_period_is_quoted_with_its_unique_reach(tmp_path):
    exports = [str(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv"), str(shifted_ads(tmp_path))]
    report = build_report(client="t", client_name="T", exports=exports, timezone="UTC", period_start="2025-03-01",
                          period_end="2025-03-31", year=2025)
    (sentence,) = report.paid_delivery_sentences()
    assert sentence.startswith("Paid delivery (Ads Manager, all 3 rows of the report, covering 1 March 2025 to"
                               " 28 March 2025, within the period): 9,875 impressions for US$212.57")
    assert sentence.endswith("The Ads Manager data end on 28 March 2025, before the period does: they say nothing"
                             " of its last 3 days.")
    assert "5,210 unique accounts" in sentence
    report.paid_delivery["reported total reach"] = pd.array([pd.NA], dtype="Int64")  # as for part of a report
    (sentence,) = report.paid_delivery_sentences()
    assert sentence.startswith("Paid delivery (Ads Manager, the 3 report rows within the period, covering 1 March"
                               " 2025 to 28 March 2025): 9,875 impressions")
    assert "neither cost per reached person nor frequency is given" in sentence
    # the same report in a period that holds only part of its rows' days: nothing is split by day
    part = build_report(client="t", client_name="T", exports=exports, timezone="UTC", period_start="2025-03-16",
                        period_end="2025-03-31", comparison_start="2025-02-01", comparison_end="2025-02-16",
                        year=2025)
    # its rows run past the period's start: not outside it, left out whole and said so
    assert part.paid_delivery_sentences() == [
        "Paid delivery (Ads Manager): no report row lies within the period. Left out, as a row's delivery cannot be"
        " split by day: 3 report rows running past the period's start or end (1 Mar to 28 Mar 2025), with 9,875"
        " impressions and US$212.57. The Ads Manager data end on 28 March 2025, before the period does: they say"
        " nothing of its last 3 days."]
    assert "cpm" not in part.defined_metrics()


def test_paid_delivery_in_another_currency_than_the_clients_is_said_in_data_coverage(tmp_path):
    """The client's currency is IDR; the Ads Manager report's amounts are in USD (its 'Amount spent (USD)'):
    they are quoted in USD, as given, and Data coverage says why, in either language. In the client's own
    currency, nothing is said."""
    exports = [str(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv"), str(shifted_ads(tmp_path))]
    options = dict(client="t", client_name="T", exports=exports, timezone="UTC", period_start="2025-03-01",
                   period_end="2025-03-31", year=2025)
    english = build_report(**options, currency="IDR")
    assert english.paid_delivery_sentences()[0].startswith(
        "Paid delivery (Ads Manager, all 3 rows of the report, covering 1 March 2025 to 28 March 2025, within the"
        " period): 9,875 impressions for US$212.57")
    assert ("Paid delivery is shown in USD, the currency of its Ads Manager data, not in IDR, this report's"
            " currency: no amount is converted") in " ".join(english.coverage_notes())
    indonesian = build_report(**options, currency="IDR", language="id")
    assert ("Distribusi berbayar ditampilkan dalam USD, mata uang data Ads Manager-nya, bukan dalam IDR, mata uang"
            " laporan ini: tidak ada jumlah yang dikonversi") in " ".join(indonesian.coverage_notes())
    assert not any("USD" in note for note in build_report(**options, currency="USD").coverage_notes())


def test_a_daily_follower_series_gives_growth_and_engagement_rate_by_followers():
    exports = [str(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv"),
               str(FIXTURES / "daily" / "FollowerHistory.csv")]
    tiktok = build_report(client="t", client_name="T", exports=exports, timezone="UTC", period_start="2025-03-01",
                          period_end="2025-03-31", year=2025)
    # followers: 301 at the end of 28 February, 305 from 1 March on; the series ends on 19 March, 12 days
    # before the period does: no growth over the period
    assert tiktok.follower_sentences() == [
        "On TikTok, the daily series holds follower totals from 27 February 2025 to 19 March 2025; growth over the"
        " period needs one from the 7 days before it starts and one from the 7 days up to its last day, so none"
        " is given."]
    # to 25 March: the total of 19 March, within 7 days, is taken and its day named
    to_25 = build_report(client="t", client_name="T", exports=exports, timezone="UTC", period_start="2025-03-01",
                         period_end="2025-03-25", year=2025)
    assert to_25.follower_sentences()[0].startswith(
        "On TikTok, followers went from 301 at the end of 28 February 2025 to 305 at the end of 19 March 2025 (1.3%):")
    post = tiktok.posts.iloc[0]
    assert post["published_at"].day == 20 and post["followers"] == 305  # the total at the end of 19 March
    assert post["engagement_rate_by_followers"] == pytest.approx((88 + 4 + 2) / 305)


def test_the_files_read_list_the_daily_series_and_ad_reports_beside_the_post_exports():
    exports = [str(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv"),
               str(FIXTURES / "daily" / "FollowerHistory.csv"), str(FIXTURES / "ads_manager" / "campaigns_usd.csv")]
    for language, words in (("en", ("posts", "days of a daily series: followers, followers net change",
                                     "rows of ad delivery (Ads Manager)")),
                            ("id", ("unggahan", "deret harian, per hari: pengikut, perubahan bersih pengikut",
                                    "baris distribusi iklan (Ads Manager)"))):
        tiktok = build_report(client="t", client_name="T", exports=exports, timezone="UTC",
                              period_start="2025-03-01", period_end="2025-03-31", year=2025, language=language)
        files = tiktok.coverage_table()
        file, content, imported = files.columns[0], files.columns[2], files.columns[4]
        assert list(files[file]) == ["Content_2025-01-01_2025-03-31.csv", "FollowerHistory.csv", "campaigns_usd.csv"]
        assert list(files[content]) == list(words)
        assert files[imported].iloc[1] == "4"  # four days of follower totals
        assert "—" not in " ".join(files[content])
        assert list(files[files.columns[-2:]].iloc[1]) == ["27 Feb 2025", "19 Mar 2025"]


def test_definitions_and_files_read_with_an_ads_report_read_twice(tmp_path):
    """The Ads Manager sentence quotes CPM, reach and frequency: Definitions define them though the TikTok posts
    report no reach. The same report in two folders is listed by its path, and only the newer copy's rows count."""
    import shutil

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(shifted_ads(tmp_path), tmp_path / folder / "campaigns_usd.csv")
    (tmp_path / "campaigns_usd.csv").unlink()
    exports = [str(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv"), str(tmp_path / "*" / "*.csv")]
    tiktok = build_report(client="t", client_name="T", exports=exports, timezone="UTC", period_start="2025-03-01",
                          period_end="2025-03-31", year=2025)
    assert {"impressions", "reach", "frequency", "cpm", "cost_per_reached_person"} <= set(tiktok.defined_metrics())
    assert "CPM" not in tiktok.definitions_note() and "frequency" not in tiktok.definitions_note()
    files = tiktok.coverage_table().set_index("file")
    assert {"a/campaigns_usd.csv", "b/campaigns_usd.csv"} <= set(files.index)
    imported = files.loc[["a/campaigns_usd.csv", "b/campaigns_usd.csv"], "imported"]
    assert sorted(imported) == ["0", "3"]  # the older copy's rows are replaced by the newer's


def _export_with_problems(folder):
    """The Harbour Books demo export with one Post ID blanked and one post's reach above its views."""
    source = next((DEMO_DIR / "harbour-books").glob("*.csv"))
    frame = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.loc[0, "Post ID"] = ""
    frame.loc[1, "Reach"] = str(int(frame.loc[1, "Views"]) + 500)
    path = folder / source.name
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path


@pytest.mark.parametrize("language, dropped, above, english", [
    ("en", "1 row not imported: empty Post ID", "post reports reach above impressions/views", None),
    ("id", "1 baris tidak diimpor: Post ID kosong", "unggahan melaporkan jangkauan di atas impresi/tayangan",
     "not imported"),
])
def test_import_notes_and_dropped_rows_are_shown_in_the_reports_language(tmp_path, language, dropped, above,
                                                                         english):
    path = _export_with_problems(tmp_path)
    problem = build_report(**{**DEMO, "exports": [str(path)], "timezone": "Europe/London", "language": language})
    notes = "\n".join(problem.coverage_notes())
    assert dropped in notes and above in notes
    assert english is None or english not in notes
    assert all(text.key.startswith("imports.") for text in problem.imported.warnings() + problem.imported.drops())


def test_an_error_about_a_file_speaks_the_reports_language(tmp_path):
    from helpers.errors import WorkbookError

    bad = tmp_path / "bad.csv"
    bad.write_text("Post ID,Reach\n1,2\n", encoding="utf-8")
    shown = {}
    for language in ("en", "id"):  # an error is worded when shown, in the language of the time: show it now
        with pytest.raises(WorkbookError) as error:
            build_report(**{**DEMO, "exports": [str(bad)], "language": language})
        shown[language] = str(error.value)
    assert shown["en"].startswith(f"file {bad}: this is not an export")
    assert shown["id"].startswith(f"berkas {bad}: ini bukan ekspor")
    assert "check that this is" in shown["en"] and "check that this is" not in shown["id"]


def test_only_a_best_post_below_the_top_tenth_is_called_only_that(report):
    import dataclasses

    def with_rank(rank):
        ranks = report.ranks.copy()
        mine = ranks.index[ranks["platform"] == "facebook"]
        top = ranks.loc[mine, "top order"].idxmin()
        ranks.loc[top, ["rank by interactions", "last rank by interactions"]] = rank
        return dataclasses.replace(report, ranks=ranks)._finding_best_post("facebook").text

    posts = int((report.ranks["platform"] == "facebook").sum())
    assert posts // 10 >= 4  # the demo's Facebook: 4th is within the top tenth
    assert with_rank(4) == f"Your Facebook post with the most reach was 4th of {posts} by interactions."
    assert with_rank(posts // 10 + 1).startswith("Your Facebook post with the most reach was only")


@pytest.mark.parametrize("language, expected", [
    ("en", "Your Facebook post with the most reach was 4th–5th (tied) of {posts} by interactions."),
    ("id", "Unggahan Facebook Anda dengan jangkauan tertinggi berada di peringkat ke-4–5 (seri) dari {posts} menurut"
           " interaksi.")])
def test_a_tied_best_post_reads_naturally(report, language, expected):
    """A best post tied with another for 4th and 5th by interactions: 'ke-4–5 (seri)', not 'di peringkat
    sama-sama di urutan ke-4 hingga ke-5'."""
    import dataclasses

    from helpers.i18n import Translator

    ranks = report.ranks.copy()
    mine = ranks.index[ranks["platform"] == "facebook"]
    top = ranks.loc[mine, "top order"].idxmin()
    ranks.loc[top, ["rank by interactions", "last rank by interactions"]] = [4, 5]
    tied = dataclasses.replace(report, ranks=ranks, tr=Translator(language))
    assert tied._finding_best_post("facebook").text == expected.format(posts=len(mine))


@pytest.mark.parametrize("language, expected", [
    ("en", "Your Facebook post with the most reach was 1st–2nd (tied) of {posts} by interactions."),
    ("id", "Unggahan Facebook Anda dengan jangkauan tertinggi berada di peringkat ke-1–2 (seri) dari {posts} menurut"
           " interaksi.")])
def test_a_best_post_tied_for_first_is_not_called_also_first(report, language, expected):
    """rOpenSci's post with the most impressions drew 26 interactions, as did another: tied 1st–2nd, not
    "also first"."""
    import dataclasses

    from helpers.i18n import Translator

    ranks = report.ranks.copy()
    mine = ranks.index[ranks["platform"] == "facebook"]
    top = ranks.loc[mine, "top order"].idxmin()
    ranks.loc[top, ["rank by interactions", "last rank by interactions"]] = [1, 2]
    tied = dataclasses.replace(report, ranks=ranks, tr=Translator(language))
    assert tied._finding_best_post("facebook").text == expected.format(posts=len(mine))
    ranks.loc[top, ["rank by interactions", "last rank by interactions"]] = [1, 1]  # first alone: "also first"
    alone = dataclasses.replace(report, ranks=ranks)._finding_best_post("facebook")
    assert alone.key == "finding.best_post_also_top" and "was also first of" in alone.text


@pytest.mark.parametrize("language, beyond, within, small, relative", [
    ("en", "+0.05 pp (95% CI 0.004 to 0.08), beyond chance", "+0.03 pp (95% CI 0.00 to 0.05), within chance",
     "0.00 pp (95% CI -0.01 to 0.02)", "+38.2% (95% CI 0.004% to 90.0%)"),
    ("id", "+0,05 poin persentase (IK 95% 0,004 hingga 0,08), yang berbeda secara bermakna dari nol",
     "+0,03 poin persentase (IK 95% 0,00 hingga 0,05), yang tidak berbeda secara bermakna dari nol",
     "0,00 poin persentase (IK 95% -0,01 hingga 0,02)", "+38,2% (IK 95% 0,004% hingga 90,0%)")])
def test_an_intervals_bounds_show_whether_it_holds_zero(report, language, beyond, within, small, relative):
    """Two intervals that printed alike, "0.00 to 0.08" beyond chance and "0.00 to 0.05" within: UCI's virality
    rate (lower bound +0.0045 pp) and rOpenSci's (-0.0001 pp). One leaving 0 out shows its end nearest 0 with
    the digits it needs, the estimate and its other end their usual two; one
    holding 0 keeps two decimals, an end that rounds to 0 reading 0.00: it touches 0, and holds it."""
    import dataclasses

    from helpers.i18n import Translator

    shown = dataclasses.replace(report, tr=Translator(language))

    def change(kpi, row):
        return shown._fmt_change(kpi, row) + shown._chance_verdict(*shown._change_interval(kpi, row))

    assert change("virality_rate", {"change": 0.0005, "ci_low": 0.0000449, "ci_high": 0.0008}) == beyond
    assert change("virality_rate", {"change": 0.0003, "ci_low": -0.000001, "ci_high": 0.0005}) == within
    # a change within chance shows two decimals: +0.002 pp between -0.01 and 0.02 is 0.00, not a precision it
    # does not have (beyond chance, an estimate that rounds to 0 keeps its digit, as the lower bound above)
    assert shown._fmt_change("virality_rate", {"change": 0.00002, "ci_low": -0.0001, "ci_high": 0.0002}) == small
    row = {"change": 1.0, "relative_change": 0.382, "relative_ci_low": 0.00004, "relative_ci_high": 0.9}
    assert shown._fmt_change("conversation_rate", row) == relative


def test_a_median_ending_in_half_is_rounded_up_as_a_spreadsheet_does(report):
    """Kopi Senja's 8 Facebook reels: median reach 4,714.5, which Excel shows as 4,715 (Babel alone: 4,714)."""
    reels = report.posts[(report.posts["platform"] == "facebook") & (report.posts["format"] == "reel")]
    assert len(reels) == 8 and reels["reach"].median() == 4714.5
    table = report.format_table("facebook").set_index("format")
    assert table.loc["reel", "median reach (95% CI)"].startswith("4,715 (")


def test_a_median_and_interval_all_zero_say_how_many_posts_drew_nothing(report):
    """20 of Kopi Senja's 24 Facebook photos drawing nothing: the median is 0 and so are both bounds (with 24
    values the order-statistic interval runs from the 7th to the 18th, both 0), which alone reads as a rate
    measured to be exactly 0."""
    import dataclasses

    from helpers.i18n import Translator
    from helpers.report import analyse

    posts = report.posts.copy()
    photos = posts.index[(posts["platform"] == "facebook") & (posts["format"] == "photo")]
    assert len(photos) == 24
    posts.loc[photos[:20], ["reactions", "comments", "shares"]] = 0  # Facebook's exports carry no saves
    posts = metrics.post_metrics(posts.drop(columns=["interactions"]))
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    table = changed.format_table("facebook").set_index("format")
    assert table.loc["photo", "median engagement rate by reach (95% CI)"] == (
        "0.0% (0.0% to 0.0%): 20 of 24 posts drew no interactions")
    assert "drew no" not in table.loc["reel", "median engagement rate by reach (95% CI)"]
    indonesian = dataclasses.replace(changed, tr=Translator("id")).format_table("facebook")
    assert indonesian.iloc[:, 3].str.endswith(": 20 dari 24 unggahan tidak memperoleh interaksi").sum() == 1


def test_a_change_beyond_chance_on_reach_spread_wider_than_measured_says_so(report):
    """HTUPY's rate change rested on video views spread with σ of log 2.07 and 1.70, beyond the 1.5 its interval
    was measured at: the verdict gets the caveat a benchmark verdict on uneven reach gets. Here half of Kopi
    Senja's 52 Facebook posts reach 100 and half 5,000: log reach ln 100 ± ln(50)/2, so its standard deviation
    is ln(50)/2 × √(52/51) = 1.9752; the previous period's stays at 1.09."""
    import dataclasses

    from helpers.report import analyse

    assert "checked in simulation" not in report._finding_change("facebook").text  # σ 1.04 and 1.09: no caveat
    posts = report.posts.copy()
    facebook = posts.index[posts["platform"] == "facebook"]
    reach = np.where(np.arange(len(facebook)) % 2 == 0, 100, 5000)
    posts.loc[facebook, "reach"] = reach
    posts.loc[facebook, ["reactions", "comments", "shares", "saves"]] = np.c_[reach // 50, np.zeros((len(facebook), 3))]
    posts = metrics.post_metrics(posts.drop(columns=["interactions"]))  # every post's rate 2%
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    finding = changed._finding_change("facebook")
    assert finding.values["beyond_chance"] and "went from 2.98% to 2.00%" in finding.text
    assert changed._uneven_change("facebook", "engagement_rate_by_reach")[0] == pytest.approx(np.log(50) / 2 * np.sqrt(52 / 51))
    assert ("(standard deviation of log reach 1.98 in this period and 1.09 in the previous one, where the report's"
            " intervals of a change were checked in simulation only up to 1.5), so the verdict on its change may be"
            " weaker than its 95% says.") in finding.text
    # within chance: no verdict to weaken
    other = changed.kpis["kpi"] != "engagement_rate_by_reach"
    within = dataclasses.replace(changed, kpis=changed.kpis.assign(ci_low=changed.kpis["ci_low"].where(other, -0.01),
                                                                   ci_high=changed.kpis["ci_high"].where(other, 0.01)))
    assert not within._finding_change("facebook").values["beyond_chance"]
    assert "checked in simulation" not in within._finding_change("facebook").text


def test_a_best_post_without_interactions_is_not_given_a_tied_rank(report):
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    facebook = posts.index[posts["platform"] == "facebook"]
    by_reach = posts.loc[facebook, "reach"].sort_values(ascending=False).index
    silent = by_reach[:20]  # the 20 Facebook posts with the most reach drew nothing
    posts.loc[silent, ["reactions", "comments", "shares", "saves"]] = 0
    posts["interactions"] = posts[["reactions", "comments", "shares", "saves"]].sum(axis=1, min_count=1)
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    none = int(changed.ranks.loc[changed.ranks["platform"] == "facebook", "interactions"].eq(0).sum())
    assert none >= 20
    assert changed._finding_best_post("facebook").text == (
        f"Your Facebook post with the most reach drew no interactions at all, like {none} of the 52 posts.")
    # none of the 20 is "among the 10 with most interactions": the overlap is 0, whatever the ties
    assert changed.overlaps["facebook"]["overlap"] == 0
    listed = changed.divergent_posts("facebook")
    assert len(listed) and not set(silent) & set(changed.overlaps["facebook"]["top_b_only"])


def test_the_agreement_sentence_claims_only_what_the_interval_shows(report):
    agreement = report.agreement
    five = [1, 2, 3, 4, 5]
    perfect = compare.spearman_with_interval(pd.Series(five), pd.Series([10, 20, 30, 40, 50]))
    assert perfect["rho"] == 1.0 and np.isnan(perfect["ci_low"])  # not 0.9999999999999999 with a 0-width interval
    rows = {
        "facebook": dict(n=52, rho=0.65, ci_low=0.43, ci_high=0.79),   # moderate to strong: "at least moderate"
        "instagram": dict(n=66, rho=0.85, ci_low=0.81, ci_high=0.90),  # very strong throughout
    }
    try:
        report.agreement = pd.DataFrame.from_dict(rows, orient="index")
        text = report.agreement_sentence()
        assert "On Facebook, reach and interactions rank posts with at least moderate agreement: Spearman ρ = 0.65" in text
        assert "On Instagram, reach and interactions rank posts with very strong agreement: Spearman ρ = 0.85" in text
        report.agreement = pd.DataFrame.from_dict({"facebook": dict(n=12, rho=0.3, ci_low=-0.33, ci_high=0.74)},
                                                  orient="index")
        assert report.agreement_sentence() == ("On Facebook, reach and interactions show no clear agreement: Spearman"
                                               " ρ = 0.30, and its 95% CI (-0.33 to 0.74) holds 0, over 12 posts.")
        report.agreement = pd.DataFrame.from_dict({"facebook": dict(n=5, rho=1.0, ci_low=np.nan, ci_high=np.nan)},
                                                  orient="index")
        assert report.agreement_sentence() == (
            "On Facebook, only 5 posts report both reach and interactions: too few to judge how the two rankings"
            " agree, or how interactions scale with reach (Spearman ρ = 1.00; an interval, an elasticity and a verdict"
            " need 10 posts).")
        report.agreement = pd.DataFrame.from_dict({"facebook": dict(n=7, rho=-0.64, ci_low=np.nan, ci_high=np.nan)},
                                                  orient="index")
        assert "only 7 posts report both" in report.agreement_sentence()  # no "strong agreement" for -0.64
        report.agreement = pd.DataFrame.from_dict({"facebook": dict(n=25, rho=1.0, ci_low=np.nan, ci_high=np.nan)},
                                                  orient="index")
        assert report.agreement_sentence() == ("On Facebook, reach and interactions rank the 25 posts in exactly the"
                                               " same order (Spearman ρ = 1.00).")
        report.agreement = pd.DataFrame.from_dict({"facebook": dict(n=40, rho=-0.5, ci_low=-0.7, ci_high=-0.22)},
                                                  orient="index")
        assert "rank posts in opposite orders, with at least weak disagreement: Spearman ρ = -0.50" in report.agreement_sentence()
    finally:
        report.agreement = agreement


def test_an_agreement_interval_reaching_next_to_0_is_not_called_at_least_weak(report):
    """Oigetit's Facebook: ρ = 0.31 (95% CI 0.02 to 0.56), τ 0.26 (0.06 to 0.44). A bound of 0.02 is negligible
    (below 0.1), so "at least weak" claimed more than the interval shows: anything from negligible to moderate
    (0.56). An interval below 0.1 throughout is negligible; one from 0.095 (written 0.10) is at least weak."""
    from helpers.report import interval_strength

    en, indonesian = Translator("en"), Translator("id")
    assert [compare.agreement_strength(r) for r in (0.09, -0.05, 0.094, 0.095, 0.1)] == [
        "negligible", "negligible", "negligible", "weak", "weak"]
    assert interval_strength(en, 0.02, 0.56) == "anything from negligible to moderate"
    assert interval_strength(en, -0.85, -0.04) == "anything from negligible to very strong"
    assert interval_strength(en, 0.02, 0.08) == "negligible"
    assert interval_strength(en, 0.095, 0.56) == "at least weak"
    assert interval_strength(indonesian, 0.02, 0.85) == "yang besarnya belum pasti, dari nyaris nol hingga sangat kuat"
    agreement = report.agreement
    try:
        report.agreement = pd.DataFrame.from_dict({"facebook": dict(
            n=47, rho=0.31, ci_low=0.02, ci_high=0.56, tau=0.26, tau_ci_low=0.064, tau_ci_high=0.44)}, orient="index")
        assert report.agreement_sentence() == (
            "On Facebook, reach and interactions rank posts with anything from negligible to moderate agreement:"
            " Spearman ρ = 0.31 (95% CI 0.02 to 0.56) over 47 posts.")
        report.agreement = pd.DataFrame.from_dict({"facebook": dict(
            n=47, rho=-0.31, ci_low=-0.56, ci_high=-0.02, tau=-0.26, tau_ci_low=-0.44, tau_ci_high=-0.064)},
            orient="index")
        assert "rank posts in opposite orders, with anything from negligible to moderate disagreement: Spearman" \
            in report.agreement_sentence()
    finally:
        report.agreement = agreement


def test_no_agreement_is_claimed_where_kendall_tau_holds_0_and_spearman_rho_does_not(report):
    """rOpenSci's X (13 posts): ρ = 0.63 (95% CI 0.07 to 0.89) leaves 0 out, τ = 0.52 (95% CI -0.0046 to 0.82)
    holds it; its table cell reads "0.52 (0.00 to 0.82)", as every interval holding 0 shows a bound rounding to 0
    (no signed zero: Translator.number writes -0.00 as 0.00). The sentence said "at least weak agreement"; it now
    says the two measures disagree on whether there is a link. Without τ's interval, ρ alone speaks."""
    from helpers.report import estimate_cell
    from tests.conftest import real_export

    assert estimate_cell(Translator("en"), 0.5195, -0.0046, 0.8197) == "0.52 (0.00 to 0.82)"
    agreement = report.agreement
    rows = {"facebook": dict(n=13, rho=0.6336, ci_low=0.0682, ci_high=0.8910, tau=0.5195, tau_ci_low=-0.0046,
                             tau_ci_high=0.8197)}
    try:
        report.agreement = pd.DataFrame.from_dict(rows, orient="index")
        assert report.agreement_sentence() == (
            "On Facebook, reach and interactions show no clear agreement: Spearman ρ = 0.63 (95% CI 0.07 to 0.89)"
            " leaves out 0, but Kendall τ = 0.52 (95% CI 0.00 to 0.82) holds it, over 13 posts, so the two measures"
            " disagree on whether there is a link at all.")
        rows["facebook"].update(tau_ci_low=np.nan, tau_ci_high=np.nan)
        report.agreement = pd.DataFrame.from_dict(rows, orient="index")
        assert "rank posts with anything from negligible to very strong agreement" in report.agreement_sentence()
    finally:
        report.agreement = agreement
    folder = real_export("x/tweet-activity-ropensci")
    ropensci = build_report(client="r", client_name="rOpenSci", exports=[str(folder / "*.csv")], timezone="UTC",
                            period_start="2021-08-01", period_end="2021-08-31", language="id")
    assert ropensci.agreement_sentence() == (
        "Di X, impresi dan interaksi tidak menunjukkan kesesuaian yang jelas: Spearman ρ = 0,63 dengan IK 95% (0,07"
        " hingga 0,89) yang tidak mencakup 0, tetapi Kendall τ = 0,52 dengan IK 95% (0,00 hingga 0,82) yang"
        " mencakupnya, atas 13 unggahan, sehingga kedua ukuran itu tidak sepakat apakah memang ada kaitan sama"
        " sekali.")

def test_correlation_intervals_start_at_ten_pairs():
    x, y = pd.Series(range(9)), pd.Series([0, 2, 1, 3, 5, 4, 6, 8, 7])
    assert np.isnan(compare.spearman_with_interval(x, y)["ci_low"])
    assert np.isnan(compare.kendall_with_interval(x, y)["ci_low"])
    x, y = pd.Series(range(10)), pd.Series([0, 2, 1, 3, 5, 4, 6, 8, 7, 9])
    got = compare.spearman_with_interval(x, y)
    assert got["ci_low"] < got["rho"] < got["ci_high"]


def test_the_formats_finding_names_a_leader_only_beyond_chance(report):
    platform = "facebook"
    saved = {lens: report.formats[platform][lens]["pairs"].copy() for lens in ("reach", "rate")}
    try:
        for lens in ("reach", "rate"):
            report.formats[platform][lens]["pairs"]["p_holm"] = 0.5
        finding = report._finding_formats(platform)
        assert finding.key == "finding.formats_unclear"
        assert finding.text.startswith("On Facebook, under neither lens is a single format ahead of every other")
        report.formats[platform]["rate"]["pairs"]["p_holm"] = 0.001
        finding = report._finding_formats(platform)
        assert finding.key == "finding.formats_rate_only" and finding.values["rate_leader"] == finding.values["rate_format"]
        report.formats[platform]["reach"]["pairs"]["p_holm"] = 0.001
        assert report._finding_formats(platform).key in ("finding.formats_agree", "finding.formats_disagree")
    finally:
        for lens, pairs in saved.items():
            report.formats[platform][lens]["pairs"] = pairs


def test_a_total_names_the_posts_it_covers_and_no_na_inside_a_sentence(report):
    kpis = report.kpis
    try:
        partial = (kpis["platform"] == "facebook") & (kpis["kpi"] == "summed_reach")
        report.kpis = kpis.assign(posts_covered=kpis["posts_covered"].mask(partial, 40))
        assert report.lens_sentence("broadcast").startswith("On Facebook, 40 of 52 posts reached a summed 164,235")
        gone = kpis["kpi"].eq("minutes_per_1000_reached")
        report.kpis = kpis.assign(value=kpis["value"].mask(gone))
        attention = report.attention_sentence()
        assert "n/a" not in attention and "so no minutes per 1,000 accounts reached" in attention
    finally:
        report.kpis = kpis


def test_the_coverage_notes_name_the_accounts_when_a_platform_holds_several(report):
    posts = report.posts
    try:
        report.posts = posts.assign(account=posts["account"].where(posts.index % 2 == 0, "Harbour Books"))
        notes = " ".join(str(n) for n in report.coverage_notes())
        assert "Facebook: the exports hold posts of 2 accounts (Harbour Books, Kopi Senja); every Facebook figure" in notes
    finally:
        report.posts = posts


def test_a_post_dated_to_the_month_only_is_in_a_period_only_with_its_whole_month():
    from helpers.periods import within as _within

    zone = "Asia/Jakarta"
    posts = pd.DataFrame({
        "published_at": pd.to_datetime(["2014-07-03 10:00", "2014-08-05 09:00", "2014-09-02 11:00",
                                        "2014-07-20 08:00"]).tz_localize(zone),
        "published_precision": ["month", "month", "month", "minute"],
    })
    first = pd.Timestamp("2014-07-08").tz_localize(zone)
    after_last = pd.Timestamp("2014-09-22").tz_localize(zone)
    inside, cut = _within(posts, first, after_last)
    # July and September are cut by 8 July to 21 September: their day is unknown, so neither in nor out
    assert inside.tolist() == [False, True, False, True]
    assert cut.tolist() == [True, False, True, False]
    inside, cut = _within(posts, pd.Timestamp("2014-07-01").tz_localize(zone), pd.Timestamp("2014-10-01").tz_localize(zone))
    assert inside.all() and not cut.any()
    # a bound left open (the explorer's start or end not given): only the other bound can cut a month
    inside, cut = _within(posts, first, None)
    assert inside.tolist() == [False, True, True, True] and cut.tolist() == [True, False, False, False]
    inside, cut = _within(posts, None, after_last)
    assert inside.tolist() == [True, True, False, True] and cut.tolist() == [False, False, True, False]
    inside, cut = _within(posts.drop(columns="published_precision"), first, None)  # no precision: exact days
    assert inside.tolist() == [False, True, True, True] and not cut.any()


def test_a_platform_without_posts_in_the_comparison_period_is_named(report):
    previous = report.previous
    try:
        report.previous = previous[previous["platform"] != "instagram"]
        notes = " ".join(report.coverage_notes())
        # the exports' file names cover the comparison period: the account published nothing then
        assert ("Instagram: no posts were published in the comparison period (1 July 2026 to 31 August 2026),"
                " which the exports cover") in notes
        assert "Facebook: no posts were published" not in notes
    finally:
        report.previous = previous


def test_a_comparison_period_without_posts_shows_0_posts_not_n_a(report):
    """The exports cover July and August, and the account published nothing then on Instagram: the lens table
    says 0 posts, as Data coverage does ('has 0 posts'); totals of no posts stay n/a, and so does the count when
    the exports do not reach back that far (posts unknown, not none)."""
    import dataclasses

    from helpers.report import analyse

    previous = report.previous[report.previous["platform"] != "instagram"]
    changed = dataclasses.replace(report, previous=previous, **analyse(report.posts, previous, 10, "all industries"))
    table = changed.lens_table("instagram", changed.broadcast_kpis("instagram")).set_index("metric")
    assert table.loc["posts", "previous period"] == "0" and table.loc["posts", "change"] == "n/a"
    assert table.loc["summed reach (not unique people)", "previous period"] == "n/a"
    earlier = dataclasses.replace(changed, comparison_start=pd.Timestamp("2026-05-01", tz=report.comparison_start.tz))
    assert not earlier._posted_nothing_before("instagram")  # May and June: no export covers them
    assert earlier.lens_table("instagram", ("posts",)).set_index("metric").loc["posts", "previous period"] == "n/a"
    facebook = changed.lens_table("facebook", ("posts",)).set_index("metric")
    assert facebook.loc["posts", "previous period"] == "66"


def test_ties_show_their_span_and_the_rank_shift_draws_the_overlaps_posts(report):
    import matplotlib.pyplot as plt

    from helpers import plots

    ranks = compare.rank_table(pd.DataFrame({"platform": "facebook", "reach": [900, 800, 700, 600],
                                             "reactions": [5, 2, 2, 0], "comments": 0, "shares": 0, "saves": pd.NA,
                                             "published_at": pd.Timestamp("2026-09-01", tz="UTC"),
                                             "post_id": ["a", "b", "c", "d"]}))
    assert ranks["rank by interactions"].tolist() == [1, 2, 2, 4]
    assert ranks["last rank by interactions"].tolist() == [1, 3, 3, 4]
    assert report.tr.rank(2, 3) == "2–3" and report.tr.rank(4, 4) == "4"
    mine = report.ranks[report.ranks["platform"] == "facebook"]
    fig = plots.rank_shift(report.ranks, "facebook", 10, "t", report.tr, kept=set(report.overlaps["facebook"]["both"]))
    kept_lines = [line for line in fig.axes[0].get_lines() if line.get_color() == "#0072B2"]
    assert len(kept_lines) == report.overlaps["facebook"]["overlap"]  # the figure draws the overlap it illustrates
    assert len(mine)
    plt.close(fig)


def test_no_change_is_given_against_fewer_than_six_posts(report):
    import dataclasses

    from helpers.report import analyse

    previous = report.previous
    two = previous[previous["platform"] == "facebook"].head(2)
    previous = pd.concat([previous[previous["platform"] != "facebook"], two])
    changed = dataclasses.replace(report, previous=previous, **analyse(report.posts, previous, 10, "all industries"))
    facebook = changed.kpis[changed.kpis["platform"] == "facebook"]
    assert facebook["change"].isna().all() and facebook["value_previous"].notna().any()
    assert changed.kpis[changed.kpis["platform"] == "instagram"]["change"].notna().any()
    assert "Facebook: only 2 posts in the comparison period, too few to compare with (6 needed)" in " ".join(
        changed.coverage_notes())
    assert changed._finding_change("facebook") is None  # no "went from ... to ..." against two posts


def test_no_change_is_given_for_fewer_than_six_posts_in_the_period():
    """One post against 51: the period's figures are shown, but no change of them (it would have no interval)."""
    one = build_report(client="hb", client_name="HB", exports=[str(DEMO_DIR / "harbour-books" / "*.csv")],
                       timezone="Europe/London", period_start="2026-10-27", period_end="2026-10-31",
                       comparison_start="2026-07-01", comparison_end="2026-08-31", top_n=3)
    facebook = one.kpis[one.kpis["platform"] == "facebook"]
    assert facebook["change"].isna().all() and facebook["value"].notna().any()
    assert one.rate_changes["ci_low"].isna().all()
    assert one._finding_change("facebook") is None
    assert "Facebook: only 1 post in this period, too few to compare with the comparison period (6 needed)" in (
        " ".join(one.coverage_notes()))
    table = one.lens_table("facebook", one.broadcast_kpis("facebook"))
    assert set(table["change"]) == {"n/a"}
    # the summary still says what the period held: its one post's reach and interactions
    post = one.posts.iloc[0]
    assert (post["reach"], post["interactions"]) == (8543, 58)
    assert [f.text for f in one.findings()][1] == (
        "On Facebook, the period's 1 post drew a summed reach of 8,543 and 58 interactions; no change against the"
        " comparison period (1 July 2026 to 31 August 2026) is given (Data coverage says why).")
    # against the days just before (2 posts): both periods' counts are said, and the period is the previous one
    default = build_report(client="hb", client_name="HB", exports=[str(DEMO_DIR / "harbour-books" / "*.csv")],
                           timezone="Europe/London", period_start="2026-10-27", period_end="2026-10-31")
    assert "no change against the previous period is given" in default.findings()[1].text
    assert ("Facebook: only 1 post in this period and 2 in the comparison period, too few to compare (6 needed in"
            " each), so no change is given for Facebook.") in default.coverage_notes()


def test_a_platform_without_interactions_says_so_in_the_summary(tmp_path):
    """A YouTube export of views and watch time only: the summary gives the period's views and says the
    engagement lens has nothing to show, rather than stopping after the post count."""
    from tests.conftest import real_export

    path = real_export("youtube/buildwithadi/Table data.csv")
    for language, text in (("en", "On YouTube, the period's 7 posts drew 901 video views; the exports report no"
                                  " reactions, comments, shares or saves, so the engagement lens has nothing to show."),
                           ("id", "Di YouTube, 7 unggahan periode ini memperoleh 901 tayangan video; ekspor tidak"
                                  " melaporkan reaksi, komentar, jumlah dibagikan, atau jumlah disimpan, sehingga"
                                  " lensa interaksi tidak dapat menampilkan apa pun.")):
        report = build_report(client="a", client_name="Adi", exports=[str(path)], timezone="UTC",
                              period_start="2021-01-01", period_end="2021-06-30", language=language)
        views = report.posts["video_views"].sum()
        assert views == 901 and report.posts["interactions"].isna().all()
        assert [f.text for f in report.findings()][1] == text
        assert report.agreement_table().empty  # no row of 'n/a' under the sentence saying why


def test_the_coverage_notes_say_when_the_exports_cover_part_of_the_periods():
    report = build_report(client="k", client_name="Kopi Senja", exports=[str(DEMO_DIR / "kopi-senja" / "*.csv")],
                          timezone="Asia/Jakarta", period_start="2026-09-01", period_end="2026-11-30",
                          comparison_start="2026-06-01", comparison_end="2026-08-31")
    notes = " ".join(report.coverage_notes())
    # the exports' file names name 1 July to 31 October 2026
    assert ("Facebook: of the two periods (1 June 2026 to 31 August 2026, and 1 September 2026 to 30 November 2026),"
            " the exports cover 1 July 2026 to 31 October 2026; totals cover only those days, so their changes are not"
            " given.") in notes
    report.other_notes = ["a note without a stop", "a note with one."]
    imported = [n for n in report.coverage_notes() if n.startswith("Import note: a note")]
    assert imported == ["Import note: a note without a stop.", "Import note: a note with one."]
    change = report._finding_change("facebook")
    assert ("Totals are not compared: the exports cover only part of the two periods (see Data"
            " coverage). Of the 52 Facebook posts, 6 went out fewer than 7 days before the last"
            " day their export covers (31 October 2026) and may have had little time to collect"
            " reach and interactions: the period's rates per post (comments, shares or reactions"
            " per post) may be understated (a rise too small, a fall too large), and its rates"
            " dividing one count by another (engagement rates, frequency) may still move either"
            " way (see Data coverage). These figures include paid posts") in change.text  # the caveat: of the rates
    # nor does the organic posts' change beside them quote a total
    assert "Organic posts alone (51 against 59): engagement rate by reach went from" in change.text
    assert "rose" not in change.text and "fell" not in change.text
    # Data coverage gives the organic posts' rate alone, and the paid sentence says so
    assert "Organic posts alone (51 against 59): engagement rate by reach went from" in notes
    assert report.paid_sentence().endswith(
        "On Facebook, the figures count paid posts (this period: 1; the previous period: 7), so the"
        " changes between the two periods mix boosted delivery with organic, and Data coverage gives the change of"
        " the organic posts' engagement rate by reach beside them.")
    report.tr = Translator("id")
    assert report.paid_sentence().endswith(
        "bagian Cakupan data juga menyajikan perubahan tingkat interaksi terhadap jangkauan khusus unggahan"
        " organik.")


def test_each_period_is_judged_covered_on_its_own(tmp_path):
    """A comparison months before the period: the days between them need no export."""
    import shutil

    source = DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_104512873300219.csv"
    for name in ("Jul-01-2026_Jul-31-2026_104512873300219.csv", "Oct-01-2026_Oct-31-2026_104512873300219.csv"):
        shutil.copy(source, tmp_path / name)
    report = build_report(client="k", client_name="Kopi Senja", exports=[str(tmp_path / "*.csv")],
                          timezone="Asia/Jakarta", period_start="2026-10-01", period_end="2026-10-31",
                          comparison_start="2026-07-01", comparison_end="2026-07-31")
    assert not report._partly_covered("facebook")
    assert not any("of the two periods" in note for note in report.coverage_notes())
    assert "Totals are not compared" not in report._finding_change("facebook").text
    august = build_report(client="k", client_name="Kopi Senja", exports=[str(tmp_path / "*.csv")],
                          timezone="Asia/Jakarta", period_start="2026-10-01", period_end="2026-10-31",
                          comparison_start="2026-08-01", comparison_end="2026-08-31")
    assert august._partly_covered("facebook")  # no export names August


def test_posts_dated_to_the_month_cover_their_whole_month():
    from tests.conftest import real_export

    path = real_export("uci-facebook-metrics/dataset_Facebook.csv")  # its last post is dated 7 December 2014
    report = build_report(client="u", client_name="UCI", exports=[str(path)], timezone="UTC",
                          period_start="2014-07-01", period_end="2014-12-31")
    assert report._export_spans("facebook", dt.date(2014, 1, 1), dt.date(2014, 12, 31)) == [
        (dt.date(2014, 1, 1), dt.date(2014, 12, 31))]
    assert not report._partly_covered("facebook")
    # its export covers up to 31 December; a post of December, day unknown, is not said to have gone out within
    # a week of it (as of 1 December, it had 30 days)
    assert report.near_download("facebook").empty


def test_the_change_finding_warns_of_exports_covering_part_of_the_periods_only_when_they_do(report):
    import dataclasses

    assert "cover only part" not in report._finding_change("facebook").text  # the demo covers both periods
    assert "summed reach fell 33% against" in report._finding_change("facebook").text
    narrower = dataclasses.replace(report, comparison_start=report.comparison_start - pd.Timedelta(days=30))
    text = narrower._finding_change("facebook").text  # a total over part of a period: not compared
    # the comparison starts 30 days before the exports: the sentence says which period is short, and by what
    assert (" Totals are not compared: the exports cover only 1 July 2026 to 31 August 2026 of the comparison period"
            " (see Data coverage). Of the 52 Facebook posts, 6 went out") in text  # the period ends as the exports do
    assert "rates dividing one count by another (engagement rates, frequency) may still move either way" in text
    assert "rates per post (comments, shares or reactions per post) may be understated" in text
    assert "totals and its rates per post" not in text
    assert "summed reach" not in text and "engagement rate by reach (Σ interactions ÷ Σ reach) went from" in text
    # the lens tables agree with the finding: totals' changes are not given, rates' are
    for table in (narrower.lens_table("facebook", narrower.broadcast_kpis("facebook")),
                  narrower.lens_table("facebook", ENGAGEMENT_KPIS)):
        changes = table.set_index("metric")["change"]
        kinds = narrower.kpis[narrower.kpis["platform"] == "facebook"].set_index("kpi")["kind"]
        for name in changes.index:
            kpi = next(k for k in kinds.index if narrower._label("facebook", k) == name)
            assert (changes[name] == "not compared (see Data coverage)") == (
                kinds[kpi] == "total" and changes[name] != "n/a"), name
    full = report.lens_table("facebook", ENGAGEMENT_KPIS).set_index("metric")["change"]
    assert not full.str.startswith("not compared").any()


def test_unequal_periods_are_noted_only_where_totals_are_compared(report):
    """61 days against 62: the note says totals are compared as they are. With the comparison period starting
    before the exports, no lens table compares totals, and the note would contradict the tables' 'not compared';
    the note on the exports' days says their changes are not given, as the tables do."""
    import dataclasses

    # the totals the lens tables give a change for, as their rows name them (Meta's impressions count views)
    assert any(note.startswith("The period has 61 days and the comparison period 62: totals (posts, summed reach,"
                               " views, interactions, saves, clicks and watch time) are compared")
               for note in report.coverage_notes())
    # platforms compared by video views: the note still names the totals the tables compare (no video views
    # here, which the demo's exports do not report), not the measure the posts are ranked by
    by_views = dataclasses.replace(report, measures={p: "video_views" for p in report.platforms})
    assert any("totals (posts, summed reach, views, interactions, saves, clicks and watch time) are compared" in note
               for note in by_views.coverage_notes())
    narrower = dataclasses.replace(report, comparison_start=report.comparison_start - pd.Timedelta(days=30))
    notes = narrower.coverage_notes()
    assert not any("are compared as they are" in note for note in notes)
    spans = [note for note in notes if "of the two periods" in note]
    assert len(spans) == 2 and all(note.endswith("; totals cover only those days, so their changes are not given.")
                                   for note in spans)
    assert not any(narrower._compares_totals(p) for p in narrower.platforms)


def test_a_change_not_given_for_want_of_previous_posts_reporting_it_says_so(report):
    """Clicks on 3 of the comparison period's 66 Facebook posts: both periods show a figure, and the change
    cell says why there is none, rather than a bare n/a beside two numbers (Oigetit's watch time, 3 posts)."""
    import dataclasses

    from helpers.report import analyse

    previous = report.previous.copy()
    facebook = previous.index[previous["platform"] == "facebook"]
    previous.loc[facebook[3:], "clicks"] = pd.NA
    changed = dataclasses.replace(report, previous=previous, **analyse(report.posts, previous, 10, "all industries"))
    table = changed.lens_table("facebook", ENGAGEMENT_KPIS).set_index("metric")
    for name in ("clicks", "click-through rate by impressions (views)"):  # the demo's Facebook impressions count views
        assert table.loc[name, "previous period"] != "n/a"
        assert table.loc[name, "change"] == "n/a: reported by 3 of the previous period's posts (6 needed)", name
    assert "CI" in table.loc["engagement rate by reach", "change"]  # the others keep theirs
    full = report.lens_table("facebook", ENGAGEMENT_KPIS).set_index("metric")
    # whole percents as Facebook's other relative changes: minutes per 1,000 reached has an interval up to 158%
    assert full.loc["clicks", "change"] == "-36%"


def test_a_degenerate_elasticity_is_shown_nowhere(report):
    fits = report.elasticity
    try:
        report.elasticity = {p: {**fits[p], "slope": 0.0, "ci_low": 0.0, "ci_high": 0.0} for p in report.platforms}
        assert report._finding_elasticity("facebook") is None
        assert report.scatter_title() == "Interactions against reach"
        assert set(report.agreement_table()["elasticity (Theil–Sen)"]) == {"n/a"}
    finally:
        report.elasticity = fits


def _without(report, columns, paid_first: int = 0):
    """The report recomputed on its posts with `columns` blanked (and Facebook's first posts marked paid)."""
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.assign(**{c: pd.array([pd.NA] * len(report.posts), dtype="Int64") for c in columns})
    facebook = posts["platform"] == "facebook"
    if paid_first:
        posts.loc[facebook, "paid"] = posts.loc[facebook, "published_at"].rank(method="first") <= paid_first
    posts = compare.with_broadcast(metrics.post_metrics(posts))  # every rate afresh
    return dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))


def test_a_platform_without_reach_is_compared_by_what_its_exports_count_under_every_heading(report):
    changed = _without(report, ["reach"], paid_first=6)
    assert changed.measures == {"facebook": "impressions", "instagram": "impressions"}  # the demo counts views
    assert changed.figure_plan() == report.figure_plan()  # every figure still drawn
    by_hand = compare.elasticity(changed.posts[changed.posts["platform"] == "facebook"], x="impressions")
    assert changed.elasticity["facebook"]["slope"] == by_hand["slope"]  # interactions against views
    finding = changed._finding_elasticity("facebook").text
    assert "ten times the views went with about" in finding and "reach" not in finding
    assert changed.scatter_title().startswith("Interactions grow less than in proportion to views")
    assert list(changed.format_table("facebook").columns[2:]) == ["median views (95% CI)",
                                                                  "median engagement rate by impressions (views)"
                                                                  " (95% CI)"]
    assert "reach" not in changed._finding_formats("facebook").text
    assert "above median on views only" in changed.quadrant_sentence()
    assert set(changed.quadrants.columns) >= {"broadcast", "rate", "median broadcast", "median rate"}
    assert changed.day_hour["reporting"].sum() > 0  # the heat map maps engagement rate by views
    assert "median engagement rate by impressions (views) per weekday and hour" in changed.figure_html("day_hour").data
    assert changed.paid_sentence().startswith("On Facebook, paid posts drew ")
    assert re.search(r"times the views of organic ones, a difference (within|beyond) chance, and their engagement rate by"
                     r" impressions \(views\) was", changed.paid_sentence())
    assert "views lift (paid ÷ organic medians)" in changed.paid_table().columns
    # the headline change follows the same count: views and engagement rate by impressions (views)
    change = changed._finding_change("facebook").text
    assert re.search(r"On Facebook, views (rose|fell) \d+\.\d% against the previous period, with 52 posts against 66, and"
                     r" engagement rate by impressions \(views\)",
                     change) and "reach" not in change
    # and so does the caveat of posts close to the download, in the summary and in Data coverage
    assert "may have had little time to collect views and interactions" in change
    fresh = [n for n in changed.coverage_notes() if "went out fewer than" in n]
    assert len(fresh) == 2 and all("to collect views and interactions" in n and "reach" not in n for n in fresh)


def test_a_platform_whose_posts_have_one_format_gets_the_sentence_not_a_single_box(report):
    import dataclasses

    from helpers.report import analyse

    for formats, sentence in ((pd.NA, "On Facebook, the exports do not give a post's format, so formats are not compared."),
                              ("reel", "On Facebook, every post is a reel, so formats are not compared.")):
        posts = report.posts.assign(format=report.posts["format"].where(report.posts["platform"] != "facebook", formats))
        changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
        plan = changed.figure_plan()
        assert ("formats", "facebook") not in plan and ("formats", "instagram") in plan
        assert "<img" not in changed.figure_html("formats", "facebook").data
        assert changed.format_sentence("facebook") == sentence


def test_sentences_about_several_platforms_name_only_the_counts_of_the_platforms_they_cover(report):
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    instagram = posts["platform"] == "instagram"
    posts.loc[instagram, "reach"] = pd.NA  # Instagram compared by views, Facebook by reach
    posts.loc[instagram, "paid"] = posts.loc[instagram, "published_at"].rank(method="first") <= 8
    posts = compare.with_broadcast(metrics.post_metrics(posts))
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert "reach / views" in changed.scatter_title()  # both platforms drawn and fitted
    fits = changed.elasticity
    changed.elasticity = {**fits, "facebook": {**fits["facebook"], "slope": float("nan")}}
    assert "reach" not in changed.scatter_title().split("Slope")[0]  # the title's claim is Instagram's alone
    assert list(changed.paid_table().columns)[3] == "views lift (paid ÷ organic medians)"  # Instagram's row only
    assert changed.paid_table()["platform"].tolist() == ["Instagram"]


def test_zero_medians_and_thin_figures_say_so_plainly(report):
    import dataclasses

    import matplotlib.pyplot as plt

    from helpers import plots
    from helpers.report import analyse

    posts = report.posts.copy()
    facebook = posts["platform"] == "facebook"
    keep = posts.loc[facebook].groupby("format").head(1).index  # one post of each format keeps its interactions
    posts.loc[facebook & ~posts.index.isin(keep), ["reactions", "comments", "shares", "saves"]] = 0
    posts = compare.with_broadcast(metrics.post_metrics(posts))
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    finding = changed._finding_formats("facebook")
    assert "drew no interactions, so formats are not told apart by engagement rate by reach (every median is 0)" in (
        finding.text) and "0.0% (0.0% to 0.0%)" not in finding.text
    assert "posts are not drawn: with 0 interactions or 0 reach, a post has no place on a log scale" in changed.scatter_title()
    zero = {"difference": 0.0, "ci_low": 0.0, "ci_high": 0.0, "median_a": 0.0, "median_b": 0.0}
    tied = {"difference": 0.0, "ci_low": 0.0, "ci_high": 0.0, "median_a": 0.02, "median_b": 0.02}
    assert changed._median_change_text(tied) == "0.00 pp (95% CI 0.00 to 0.00)"  # tied at 2%: not "none"
    assert changed._median_change_text(zero) == "none: the median post drew no interactions in either period"
    table = pd.DataFrame({"platform": "facebook", "weekday": pd.Categorical(["Monday"] * 2, plots.WEEKDAYS),
                          "hour": [9, 10], "posts": 4, "reporting": 4, "days": 4, "median": 0.0})
    fig = plots.day_hour_heatmap(table, "t", changed.tr)
    # all 0%: one colour named beside the panel, no scale that would only tell 0% from nothing
    assert len(fig.axes) == 1 and fig.axes[0].get_legend().get_texts()[0].get_text().replace("\n", " ") == (
        "every coloured cell: 0%")
    plt.close(fig)
    timing = changed.timing_sentence()
    assert "half hold" in timing and (
        "A cell whose posts reporting engagement rate by reach fall on fewer than 3 days shows its count without colour" in timing)


def test_the_format_table_marks_formats_too_small_to_compare_and_keeps_small_rates_apart(report):
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    posts.loc[posts.index[posts["platform"] == "instagram"][:2], "format"] = "story"  # two posts: too few
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    table = changed.format_table("instagram")
    medians = changed.formats["instagram"]["reach"]["medians"].set_index("format")
    untested = medians.index[~medians["tested"]]
    assert list(untested) == ["story"]
    for name in untested:
        row = table[table["format"] == report.tr.format_name(name)].iloc[0]
        assert row["posts"].endswith("(too few to compare)")
    # posts whose format the export does not give: listed, never compared as a format of their own
    posts.loc[posts.index[posts["platform"] == "instagram"][2:12], "format"] = pd.NA
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    row = changed.format_table("instagram").set_index("format").loc[report.tr.format_name("unknown")]
    assert row["posts"] == "10 (format not given by the export: not compared)"
    pairs = changed.formats["instagram"]["reach"]["pairs"]
    assert not (pairs["a"].eq("unknown") | pairs["b"].eq("unknown")).any()
    small = pd.Series({"median": 0.0028, "ci_low": 0.0021, "ci_high": 0.0035})
    assert report._interval_text(small, report.tr.percent_significant) == "0.28% (0.21% to 0.35%)"
    usual = pd.Series({"median": 0.064, "ci_low": 0.041, "ci_high": 0.09})
    assert report._interval_text(usual, report.tr.percent_significant) == "6.4% (4.1% to 9.0%)"


def test_the_rank_shift_has_whole_ranks_and_one_label_per_tie(report):
    import matplotlib.pyplot as plt

    from helpers import plots

    ranks = pd.DataFrame({"platform": "x", "rank by broadcast": [1, 2, 3, 4], "rank by interactions": [12, 12, 12, 2],
                          "last rank by interactions": [14, 14, 14, 2], "top order": [1, 2, 3, 4]})
    fig = plots.rank_shift(ranks, "x", 4, "t", report.tr)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels.count("#12–14") == 1 and "#2" in labels
    low, high = sorted(fig.axes[0].get_ylim())
    shown = [label.get_text() for tick, label in zip(fig.axes[0].get_yticks(), fig.axes[0].get_yticklabels())
             if low <= tick <= high]
    assert shown and all(text.isdigit() and int(text) >= 1 for text in shown)  # no rank 0 or 2.5
    plt.close(fig)


def test_a_platform_counting_nothing_broadcast_gets_sentences_not_empty_figures_and_tables(report):
    changed = _without(report, ["reach", "impressions", "video_views"])
    plan = changed.figure_plan()
    assert ("reach_vs_interactions",) not in plan and ("quadrant",) not in plan and ("day_hour",) not in plan
    assert not [key for key in plan if key[0] in ("formats", "rank_shift")]
    # the section's opening says why for each platform, so the scatter it cannot draw adds no sentence
    assert changed.figure_html("reach_vs_interactions").data == ""
    assert changed.agreement_sentence().startswith(
        "On Facebook, fewer than 3 posts report reach, impressions or video views together with interactions, so"
        " the rankings cannot be compared here.")
    assert "no post reports reach, impressions or views together with interactions, so formats are not compared" in (
        changed.figure_html("formats", "facebook").data)
    from helpers import display
    assert display.table(changed.format_table("facebook")).data == ""  # no caption above an empty grid


def test_benchmark_notes_name_the_components_in_the_reports_language():
    report = build_report(**{**DEMO, "language": "id"})
    row = {"platform": "facebook", "reason": None, "denominator": "followers", "statistic": "median", "posts": 52}
    same = report._benchmark_note(pd.Series({**row, "same_components": True, "components": "likes + comments + shares"}))
    assert "interaksi dihitung sebagai reaksi + komentar + jumlah dibagikan, sama seperti sumbernya" in same
    other = report._benchmark_note(pd.Series({**row, "same_components": False, "components": "as defined"}))
    # Facebook exports carry no saves: the note lists what they do report
    assert "interaksi dihitung sebagai reaksi + komentar + jumlah dibagikan (yang dilaporkan ekspor)" in other


@pytest.mark.parametrize("language, expected", [
    ("en", ["the exports carry no interactions for YouTube posts", "the exports carry no impressions for YouTube posts",
            "the exports carry neither interactions nor impressions for YouTube posts",
            "no YouTube post carries both interactions and impressions above 0",
            "the YouTube posts leave blank an interaction count their exports report for other posts (a blank is"
            " not a 0), so none of their interactions is known"]),
    ("id", ["ekspor tidak memuat interaksi untuk unggahan YouTube", "ekspor tidak memuat impresi untuk unggahan YouTube",
            "ekspor tidak memuat interaksi maupun impresi untuk unggahan YouTube",
            "tidak ada unggahan YouTube yang memuat interaksi sekaligus impresi di atas 0",
            "unggahan YouTube mengosongkan jumlah interaksi yang dilaporkan ekspornya untuk unggahan lain (sel kosong"
            " bukan 0), sehingga interaksinya tidak diketahui"])])
def test_a_benchmark_not_compared_names_what_the_exports_lack(report, language, expected):
    """Adi's YouTube export carries thumbnail impressions and no likes or comments: its note named the
    impressions as missing; it names the interactions."""
    import dataclasses

    from helpers.benchmarks import MISSING_REASONS
    from helpers.i18n import Translator

    shown = dataclasses.replace(report, tr=Translator(language))
    row = {"platform": "youtube", "denominator": "impressions", "statistic": "median", "posts": 0}
    notes = [shown._benchmark_note(pd.Series({**row, "reason": reason})) for reason in MISSING_REASONS]
    assert dict(zip(MISSING_REASONS, notes)) == dict(zip(
        ("no_interactions", "no_denominator", "no_either", "no_pair", "blank_components"), expected))


def test_a_benchmark_finding_gives_the_clients_interval_and_years_and_says_when_it_is_rough(report):
    from helpers.benchmarks import compare_with_benchmarks

    benchmarks = report.benchmarks
    posts = report.posts[report.posts["platform"] == "facebook"].assign(followers=10_000, platform_engagements=pd.NA)
    rate = posts["interactions"].astype(float) / 10_000
    try:
        report.benchmarks = table = compare_with_benchmarks(posts)
        rival = table[table["source"].str.startswith("Rival") & (table["data year"] == 2023)].iloc[0]
        assert rival["client"] == pytest.approx(rate.median()) and not rival["same_components"]
        assert rival["client low"] < rival["client"] < rival["client high"]
        social = table[table["source"] == "Socialinsider"].iloc[0]  # reactions + comments + shares: like the exports
        assert social["same_components"] and social["client"] == pytest.approx(rate.mean())
        text = report._finding_benchmark("facebook").text  # the like-for-like row first
        tr = report.tr
        # the demo's Facebook reach spreads with σ of log reach 1.04: above 1.0, the verdict is weaker
        sd = np.log(posts["reach"].astype(float)).std(ddof=1)
        assert social["log reach sd"] == pytest.approx(sd) and sd == pytest.approx(1.04, abs=0.005)
        assert text == (f"On Facebook, your mean engagement rate by followers was {tr.rate_percent(social['client'])}"
                        f" (95% CI {tr.rate_percent(social['client low'])} to {tr.rate_percent(social['client high'])};"
                        " your posts of 2026), against 0.15% in Socialinsider 2026 (its data of 2025); your 95%"
                        " interval lies above it, so yours is above it beyond chance. A mean of rates per follower"
                        " follows how many people each post reached, and your posts' reach is very uneven (standard"
                        " deviation of log reach 1.04, above 1.0); for accounts whose reach is this uneven, such an"
                        " interval held the true mean only 79% to 96% of the time in simulation, less often the more"
                        " uneven reach is, so this verdict is weaker than its 95% says.")
        assert social["client low"] > social["benchmark"]  # the verdict's ground
        report.benchmarks = table[table["source"].str.startswith("Rival")].assign(**{
            "client (platform engagements)": [0.05, 0.05]})
        text = report._finding_benchmark("facebook").text
        # counted otherwise than the source: where the interval lies, but no "beyond chance" verdict on it
        assert "(its data of 2023); your 95% interval lies above it. Your posts" \
               " and its data are 3 years apart, and platforms' reach and engagement have changed in that time, so" \
               " this comparison is weak. Rival IQ Social Media Industry Benchmark Report counts engagement its own way, so" \
               " this is only a rough comparison, not a verdict: yours counts reactions + comments + shares. Counted" \
               " with Facebook's own engagements instead (clicks included), yours was 5.00%." in text
        assert "beyond chance" not in text
        # with its 95% interval, as the client's figure gets (compare_with_benchmarks): where that lies too
        rough = report.benchmarks
        report.benchmarks = rough.assign(**{"client (platform engagements) low": [0.04, 0.04],
                                            "client (platform engagements) high": [0.06, 0.06]})
        row = report.benchmarks[report.benchmarks["data year"] == 2023].iloc[0]
        assert report._finding_benchmark("facebook").text.endswith(
            " with Facebook's own engagements instead (clicks included), yours was 5.00% (95% CI 4.00% to 6.00%);"
            f" that interval lies above {tr.rate_percent(row['benchmark'])}.")
        assert report._benchmark_note(row).endswith("; with Facebook's own engagements (clicks included) in place of"
                                                    " interactions: 5.00% (4.00% to 6.00%)")
        report.benchmarks = rough.assign(**{"client (platform engagements) low": [0.0005, 0.0005],
                                            "client (platform engagements) high": [0.06, 0.06]})
        assert row["benchmark"] == 0.00063 and report._finding_benchmark("facebook").text.endswith(
            "(95% CI 0.050% to 6.00%); that interval holds 0.063%.")
        report.benchmarks = rough
        # both Rival IQ rows are rough, the finding tells of one: the summing-up says that some are rough
        assert "2 could be compared only roughly" in report.benchmark_sentence()
        report.benchmarks = report.benchmarks[report.benchmarks["data year"] == 2023]  # the finding's row alone
        assert report.benchmark_sentence() == (text + " The one published figure could not be compared like with"
                                               " like.")
    finally:
        report.benchmarks = benchmarks


def test_a_benchmark_interval_bound_that_would_round_to_the_published_figure_takes_more_digits(report):
    """An interval from 0.1518% to 0.2118% lies above a published 0.15%: its lower bound reads 0.152%, not
    0.15%, in the finding and in the table, so that the figures quoted agree with the verdict; an estimate of
    0.1504% beside 0.15% reads 0.1504% (at three decimals both are 0.150%)."""
    from helpers.benchmarks import compare_with_benchmarks

    benchmarks = report.benchmarks
    posts = report.posts[report.posts["platform"] == "facebook"].assign(followers=10_000, platform_engagements=pd.NA)
    try:
        table = compare_with_benchmarks(posts)
        social = table[table["source"] == "Socialinsider"].iloc[[0]]
        report.benchmarks = social.assign(**{"client": 0.001734, "client low": 0.001518, "client high": 0.002118,
                                             "benchmark": 0.0015, "data year": 2025})
        text = report._finding_benchmark("facebook").text
        assert ("your mean engagement rate by followers was 0.17% (95% CI 0.152% to 0.21%; your posts of 2026),"
                " against 0.15% in Socialinsider 2026 (its data of 2025); your 95% interval lies above it") in text
        row = report.benchmark_table().iloc[0]
        assert (row["benchmark"], row["you"]) == ("0.15%", "0.17% (0.152% to 0.21%)")
        report.benchmarks = social.assign(**{"client": 0.001504, "client low": 0.001501, "client high": 0.002118,
                                             "benchmark": 0.0015, "data year": 2025})
        assert "was 0.1504% (95% CI 0.1501% to 0.21%; your posts of 2026), against 0.15%" in \
               report._finding_benchmark("facebook").text
    finally:
        report.benchmarks = benchmarks


def test_the_uci_benchmark_bound_reads_apart_from_the_published_figure():
    """The UCI page's mean rate by followers: 95% CI from 0.1518% (unrounded) above Socialinsider's 0.15%, which
    the finding said as '0.15% to 0.21%' beside 'lies above it'."""
    from helpers import explore
    from tests.conftest import real_export

    folder = real_export("uci-facebook-metrics")
    view = explore.report_view(explore.load_folder(folder, client="uci", timezone="UTC"))
    text = view._finding_benchmark("facebook").text
    assert "your mean engagement rate by followers was 0.17% (95% CI 0.152% to 0.21%; your posts of 2014)," \
           " against 0.15% in Socialinsider" in text and "your 95% interval lies above it" in text


def test_the_formats_finding_mentions_brackets_only_when_it_has_them(report):
    platform = "facebook"
    medians = {lens: report.formats[platform][lens]["medians"].copy() for lens in ("reach", "rate")}
    try:
        assert report._finding_formats(platform).text.endswith("Medians, 95% CI in brackets.")
        for lens in ("reach", "rate"):
            report.formats[platform][lens]["medians"] = medians[lens].assign(ci_low=np.nan, ci_high=np.nan)
        text = report._finding_formats(platform).text
        assert "brackets" not in text
    finally:
        for lens, table in medians.items():
            report.formats[platform][lens]["medians"] = table


def test_an_x_export_names_the_day_after_its_last():
    import datetime as dt

    from conftest import real_export

    source = real_export("x/tweet-activity-ropensci/tweet_activity_metrics_rOpenSci_20170501_20170601_en.csv")
    report = build_report(client="x", client_name="X", exports=[str(source)], timezone="UTC",
                          period_start="2017-05-16", period_end="2017-06-15")
    assert report._export_spans("x", dt.date(2017, 4, 15), dt.date(2017, 6, 15)) == [(dt.date(2017, 5, 1),
                                                                                    dt.date(2017, 5, 31))]


def test_attention_tables_only_for_platforms_reporting_watch_time_and_trend_lines_only_where_drawn(report):
    assert report.attention_platforms() == ("facebook",)  # the demo's Instagram export has no watch time
    fits = report.elasticity
    try:
        _, alt = report.figure_reach_vs_interactions()
        assert "Robust (Theil–Sen) trend line: Facebook and Instagram." in alt
        report.elasticity = {**fits, "facebook": {**fits["facebook"], "slope": float("nan")}}
        _, alt = report.figure_reach_vs_interactions()
        assert "trend line: Instagram." in alt and "Facebook, Instagram" not in alt
    finally:
        report.elasticity = fits


def test_the_scatters_alt_text_reads_the_words_of_its_title(report):
    """As every figure's, the scatter's alt text ends with its title, the slopes and intervals drawn in the image;
    it ended with the agreement sentence, which the section's opening just above reads, and the slopes were not
    in it."""
    import matplotlib.pyplot as plt

    fig, alt = report.figure_reach_vs_interactions()
    title = ("Interactions grow less than in proportion to reach: engagement rate falls with more reach. Slope b"
             " (95% CI): Facebook 0.59 (0.37 to 0.76); Instagram 0.55 (0.26 to 0.80)")
    assert fig._suptitle.get_text().replace("\n", " ") == title
    assert alt == ("Scatter plot of reach against interactions per post, both on log scales, 118 posts. Robust"
                   " (Theil–Sen) trend line: Facebook and Instagram. " + title)
    plt.close(fig)


def test_the_benchmark_sentence_counts_its_figures_in_words_that_fit(report):
    benchmarks = report.benchmarks
    try:
        # (rows, like with like, only roughly: the source counts engagement its own way, expected)
        for rows, like, rough, expected in (
                (1, 0, 0, "The one published figure could not be compared like with like; the table's note says why"),
                (4, 0, 0, "None of the 4 published figures could be compared like with like; the table's notes"),
                (1, 1, 0, "The one published figure could be compared like with like."),
                (3, 3, 0, "Every published figure (3) could be compared like with like."),
                (3, 1, 0, "1 of 3 published figures could be compared like with like. 2 of the 3 could not be"
                          " compared at all; the table's notes say why"),
                # X: Buffer's figure compared roughly (a finding says so), two by followers not at all: no
                # "the other 2" after "none of the 3"
                (3, 0, 1, "None of the 3 published figures could be compared like with like. One of them could be"
                          " compared only roughly: its source counts engagement its own way, and the note says what"
                          " yours counts. 2 of the 3 could not be compared at all;"),
                (1, 0, 1, "The one published figure could not be compared like with like. It could be compared only"
                          " roughly: its source counts engagement its own way"),
                (3, 1, 1, "1 of 3 published figures could be compared like with like. One of them could be"
                          " compared only roughly: its source counts engagement its own way"),
                (4, 1, 2, "1 of 4 published figures could be compared like with like. 2 could be compared only"
                          " roughly: their sources count engagement their own way, and the notes say what yours"
                          " counts. 1 of the 4 could not be compared at all"),
                (3, 0, 3, "None of the 3 published figures could be compared like with like. 3 could be compared"
                          " only roughly")):
            table = benchmarks.head(0).reindex(range(rows)).assign(
                platform="zz", client=[0.01] * (like + rough) + [float("nan")] * (rows - like - rough),
                same_components=[True] * like + [False] * (rows - like))
            report.benchmarks = table
            assert report.benchmark_sentence().startswith(expected), (rows, like, rough)
    finally:
        report.benchmarks = benchmarks


def test_a_daily_file_with_no_series_says_so_in_the_files_read():
    from tests.conftest import real_export

    folder = real_export("facebook/business-suite-page-daily")
    posts = real_export("facebook/business-suite-posts")
    report = build_report(client="t", client_name="T", exports=[str(posts / "*.csv"), str(folder / "*.csv")],
                          timezone="UTC", period_start="2025-03-01", period_end="2025-03-31")
    files = report.coverage_table().set_index("file")
    assert files.loc["Audience.csv", "content"] == "no daily series (see the import notes)"
    assert files.loc["Follows.csv", "content"] == "days of a daily series: follows gained"


def test_file_labels_show_no_folder_above_each_files_own(tmp_path):
    """Two files of one name are told apart by their own folders, however far apart they are ('/' their common
    folder names the machine's user); a counter tells apart two whose folders share a name too."""
    from helpers.importers.base import file_labels

    assert file_labels(["/srv/workbook/data/raw/acme/posts.csv", "/home/alice/Clients/ACME confidential/posts.csv",
                        "/srv/other.csv"]) == ["acme/posts.csv", "ACME confidential/posts.csv", "other.csv"]
    assert file_labels(["/a/2025/posts.csv", "/b/2025/posts.csv", "/c/2026/posts.csv", "/a/2025/posts.csv"]) == [
        "2025/posts.csv (1)", "2025/posts.csv (2)", "2026/posts.csv", "2025/posts.csv (1)"]
    # one file listed twice (a LinkedIn workbook: its posts and its daily series) is one file: its name alone
    assert file_labels(["/a/x/acme.xlsx", "/a/x/acme.xlsx", "/a/x/other.csv"]) == ["acme.xlsx", "acme.xlsx", "other.csv"]
    import shutil

    for folder in ("secret-folder/a/2025", "b/2025"):
        (tmp_path / folder).mkdir(parents=True)
        shutil.copy(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv", tmp_path / folder / "posts.csv")
    tiktok = build_report(client="t", client_name="T", exports=[str(tmp_path / "*" / "2025" / "posts.csv"),
                                                                str(tmp_path / "*" / "*" / "2025" / "posts.csv")],
                          timezone="UTC", period_start="2025-03-01", period_end="2025-03-31", year=2025)
    assert sorted(tiktok.coverage_table()["file"]) == ["2025/posts.csv (1)", "2025/posts.csv (2)"]


def test_the_files_read_give_the_dates_imported_not_the_days_the_export_covers():
    """Harbour Books' export is named for 1 July to 31 October 2026, its posts run from 2 July to 28 October:
    the table's dates are those of the first and last rows imported from the file (a row replaced by a newer
    export is not), and say so, beside a note on the last day the export covers."""
    harbour = build_report(client="h", client_name="Harbour Books", exports=[str(DEMO_DIR / "harbour-books" / "*.csv")],
                           timezone="Europe/London", period_start="2026-09-01", period_end="2026-10-31")
    row = harbour.coverage_table().iloc[0]
    assert (row["first date imported"], row["last date imported"]) == ("2 Jul 2026", "28 Oct 2026")
    assert "the last day their export covers (31 October 2026;" in " ".join(harbour.coverage_notes())


def test_the_divergent_posts_table_is_introduced_or_said_to_be_empty(report):
    import dataclasses

    assert report.divergent_intro("facebook").startswith("The posts on top under one lens only")
    same_tops = {**report.overlaps["facebook"], "top_a_only": [], "top_b_only": []}
    changed = dataclasses.replace(report, overlaps={**report.overlaps, "facebook": same_tops})
    assert changed.divergent_posts("facebook").empty
    assert changed.divergent_intro("facebook") == ("On Facebook, no post is in the top 10 under one lens only: the two"
                                                   " lenses put the same posts on top.")


def test_a_comparison_period_of_one_day_is_not_compared_by_totals():
    """X content export: the account's first 12 posts all fall on 31 December at UTC (X dates a 13th there, created
    at 02:21 UTC on 1 January); January against that day would read 'impressions rose 248%'. Totals
    are not compared, rates are, and Data coverage says why."""
    from tests.conftest import real_export

    folder = real_export("x/content-2025-02")
    report = build_report(client="x", client_name="X", exports=[str(folder / "*.csv")], timezone="UTC",
                          period_start="2025-01-01", period_end="2025-01-31")
    assert str(report._previous_one_day("x")) == "2024-12-31"
    change = report._finding_change("x").text
    assert "rose" not in change and change.endswith("every post of the comparison period falls on one day, and one"
                                                    " day of posts is no sample of a whole period (see Data coverage).")
    assert ("X: all 12 posts of the comparison period fall on one day, 31 December 2024" in
            " ".join(report.coverage_notes()))
    table = report.lens_table("x", report.broadcast_kpis("x")).set_index("metric")["change"]
    assert table["impressions (or views)"] == "not compared (see Data coverage)"
    assert report._previous_one_day("x") is not None and report._both_covered(report._period_spans("x"))


def test_a_comparison_period_of_one_day_gives_no_change_a_chance_verdict():
    """Wormhole's X content export: the 12 posts of December fall on 31 December, the account's launch (7 drew no
    interaction). Resampling them as a sample of a month put the median post's change, +6.78 pp (95% CI 1.29 to
    8.70), 'beyond chance'. Neither change is judged, the sentence says why, and the figures keep their intervals
    as the tables show them; no other change is listed as beyond chance either, even where one leaves 0 out."""
    from helpers.report import analyse
    from tests.conftest import real_export

    folder = real_export("x/content-2025-02")
    report = build_report(client="x", client_name="X", exports=[str(folder / "*.csv")], timezone="UTC",
                          period_start="2025-01-01", period_end="2025-01-31")
    finding = report._finding_change("x")
    assert finding.text == (
        "On X, engagement rate by impressions (Σ interactions ÷ Σ impressions) went from 4.07% to 6.12%, a change of"
        " +2.05 pp (95% CI -5.59 to 5.16); the median post's rate changed by +6.78 pp (95% CI 1.29 to 8.70). Totals"
        " are not compared, and these changes are not judged against chance: every post of the comparison period"
        " falls on one day, and one day of posts is no sample of a whole period (see Data coverage).")
    assert finding.values["beyond_chance"] is None
    assert report._quoted_beyond_chance("x") == (False, False)  # the median post's change was (False, True)
    assert "their changes are not judged against chance" in " ".join(report.coverage_notes())
    # ten times the impressions on launch day: engagement rate by impressions and virality rate fall tenfold
    previous = report.previous.copy()
    previous["impressions"] = previous["impressions"] * 10
    previous = compare.with_broadcast(metrics.post_metrics(previous))
    tenfold = dataclasses.replace(report, previous=previous,
                                  **analyse(report.posts, previous, report.top_n, report.benchmark_industry))
    row = tenfold.kpis.set_index(["platform", "kpi"]).loc[("x", "virality_rate")]
    assert row["relative_ci_low"] > 0  # an interval leaving 0 out, in the table
    assert tenfold._previous_one_day("x") is not None
    assert tenfold.changes_beyond_chance("x").empty and tenfold._finding_other_changes("x") is None
    assert not [f.key for f in tenfold.findings() if "changes" in f.key]  # no "changed beyond chance" finding
    assert "chance" not in tenfold._finding_change("x").text.replace("judged against chance", "")

def test_the_engagement_sentence_names_the_posts_a_rate_covers_when_some_lack_its_denominator(report):
    import dataclasses

    from helpers.report import analyse

    posts = report.posts.copy()
    facebook = posts.index[posts["platform"] == "facebook"]
    posts.loc[facebook[:2], "reach"] = pd.NA  # two posts report no reach: their interactions still count
    posts = compare.with_broadcast(metrics.post_metrics(posts))
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    count = len(facebook)
    sentence = changed.lens_sentence("engagement")
    assert f"an engagement rate by reach of {changed.tr.percent(changed.kpi('facebook', 'engagement_rate_by_reach'), 2)}" \
           f" over {count - 2} of {count} posts (Σ interactions ÷ Σ reach)" in sentence
    assert "Instagram" in sentence and " of 146 posts" not in sentence  # every Instagram post reports reach


def test_the_reports_parameters_are_checked_at_once_by_name():
    from helpers.errors import WorkbookError

    bad = {**DEMO, "top_n": "ten", "period_start": "2026-13-01", "timezone": "UTC+7", "currency": "XYZ",
           "accent_colour": "red", "logo": "data/no-such-logo.png", "benchmark_industry": "Foo", "year": 3}
    with pytest.raises(WorkbookError) as error:
        build_report(**bad)
    text = str(error.value)
    assert text.startswith("the report's parameters need fixing: top_n is 'ten', expected a whole number")
    for part in ("period_start is '2026-13-01', expected a date written YYYY-MM-DD", "timezone is 'UTC+7'",
                 "a UTC offset is no time zone",
                 "currency is 'XYZ'", "accent_colour is 'red'", "logo is 'data/no-such-logo.png'",
                 "benchmark_industry is 'Foo', expected one of", "year is 3"):
        assert part in text
    # a comparison that is not before the period; in the report's language
    with pytest.raises(WorkbookError, match="periode pembanding \\(2026-09-15 hingga 2026-10-15\\) harus berakhir"):
        build_report(**{**DEMO, "language": "id", "comparison_start": "2026-09-15", "comparison_end": "2026-10-15"})
    with pytest.raises(WorkbookError, match="periode pembanding"):  # a language written as its name or in capitals
        build_report(**{**DEMO, "language": "Bahasa Indonesia", "comparison_start": "2026-09-15",
                        "comparison_end": "2026-10-15"})
    for date in ("20260901", "2026-W36-2"):  # Python reads these; the report asks for YYYY-MM-DD
        with pytest.raises(WorkbookError, match=f"period_start is '{date}', expected a date"):
            build_report(**{**DEMO, "period_start": date})
    with pytest.raises(WorkbookError, match="period_start is '01/09/2026', expected a date written YYYY-MM-DD;"
                                            " either '2026-09-01' \\(day first\\) or '2026-01-09'"):
        build_report(**{**DEMO, "period_start": "01/09/2026"})
    with pytest.raises(WorkbookError, match="language is \\['en'\\], expected one of"):
        build_report(**{**DEMO, "language": ["en"]})
    with pytest.raises(WorkbookError, match="comparison_start and comparison_end go together"):
        build_report(**{**DEMO, "comparison_end": None})
    assert build_report(**{**DEMO, "currency": "usd"}).currency == "USD"
    # a currency's name or symbol gets the roster's hint, in the report's language
    with pytest.raises(WorkbookError, match="currency is 'rupiah', expected an ISO 4217 code such as IDR, USD or EUR;"
                                            " probably 'IDR' \\(Indonesian Rupiah\\)"):
        build_report(**{**DEMO, "currency": "rupiah"})
    with pytest.raises(WorkbookError, match="currency bernilai 'Rp', .*; kemungkinan 'IDR' \\(Rupiah Indonesia\\)"):
        build_report(**{**DEMO, "currency": "Rp", "language": "id"})
    with pytest.raises(WorkbookError, match="'dollar' is the name of several currencies, such as 'USD'"):
        build_report(**{**DEMO, "currency": "dollar"})


def test_a_bad_parameter_given_to_papermill_stops_the_report_with_its_name(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as error:
        run_notebook(tmp_path, **{**DEMO, "top_n": "ten"})
    assert error.value.ename == "WorkbookError" and "top_n is 'ten', expected a whole number" in error.value.evalue
    # shown as its message, not as a traceback through the workbook's code (errors.show_briefly_in_notebooks)
    assert error.value.traceback == [f"WorkbookError: {error.value.evalue}"]


def test_a_top_n_holding_most_posts_is_not_compared_anywhere(report):
    overlaps = report.overlaps
    platform = report.platforms[0]
    try:  # a top 10 of 12 posts
        report.overlaps = {**overlaps, platform: {**overlaps[platform], "n": 10, "posts_compared": 12}}
        assert not report.top_n_telling(platform)
        assert report.divergent_intro(platform).startswith(
            f"On {report.tr.platform(platform)}, a top 10 of 12 posts holds most of them")
        assert report.divergent_posts(platform).empty
        row = report.agreement_table().set_index("platform").loc[report.tr.platform(platform)]
        assert row["top-N overlap"] == "not compared (12 posts)"
        assert report.figure_note("rank_shift", platform).endswith("since a top 10 of 12 posts holds most of them (a"
                                                                   " top N says something when it is half the posts or fewer).")
        # 8 posts and a top 10: the top holds all of them, not most (the top N is cut to the 8)
        report.overlaps = {**overlaps, platform: {**overlaps[platform], "n": 8, "posts_compared": 8}}
        name = report.tr.platform(platform)
        assert report.divergent_intro(platform) == (f"On {name}, all 8 posts compared fit in a top 10, so each is on"
                                                    " top under both lenses and none under one lens only.")
        assert report.figure_note("rank_shift", platform) == (
            f"{name}: no rank-shift chart, since all 8 posts compared fit in a top 10 (a top N says something when"
            " it is half the posts or fewer).")
        indonesian = dataclasses.replace(report, tr=Translator("id"))
        assert indonesian.divergent_intro(platform).startswith(
            f"Di {name}, 8 unggahan yang dibandingkan semuanya masuk dalam 10 teratas,")
        assert "karena 8 unggahan yang dibandingkan semuanya masuk dalam 10 teratas" in indonesian.figure_note(
            "rank_shift", platform)
    finally:
        report.overlaps = overlaps


def _with_changes(report, platform, changes):
    """The report's KPI table with the platform's intervals cleared (no change beyond chance) but for the rate
    its change sentence quotes, then `changes` set: kpi -> (change, ci_low, ci_high, relative change,
    relative ci_low, relative ci_high)."""
    kpis = report.kpis.copy()
    mine = (kpis["platform"] == platform) & (kpis["kpi"] != "engagement_rate_by_reach")
    kpis.loc[mine, ["ci_low", "ci_high", "relative_ci_low", "relative_ci_high"]] = np.nan
    for name, values in changes.items():
        row = (kpis["platform"] == platform) & (kpis["kpi"] == name)
        kpis.loc[row, ["change", "ci_low", "ci_high", "relative_change", "relative_ci_low", "relative_ci_high"]] = values
    return kpis


#: Instagram's changes in the synthetic KPI table (change, its 95% CI, relative change, its 95% CI), with the
#: least relative change each interval allows worked out by hand ("sure"):
CHANGES = {
    # a percent rate in pp: relative CI 20.9% to 171% -> sure 0.209 (first)
    "engagement_rate_by_impressions": (0.0044, 0.0015, 0.0069, 0.84, 0.209, 1.71),
    # relative CI -53.5% to -16.9% -> sure 0.169 (second; first by change ÷ distance to the CI's end nearer 0:
    # 0.0559 / 0.0351 = 1.59 against 0.0044 / 0.0029 = 1.52)
    "reach_rate": (-0.0559, -0.0902, -0.0208, -0.38, -0.535, -0.169),
    # a per-post figure, judged by its relative CI: -51.7% to -12.2% -> sure 0.122 (third)
    "applause_rate": (-73.0, -111.0, -26.0, -0.339, -0.517, -0.122),
    # second by relative change (+64%) but sure only 0.041 (fourth)
    "virality_rate": (0.000455, 0.000045, 0.000783, 0.64, 0.041, 1.39),
    # known precisely (many posts: the largest change ÷ distance, 3.3) but small: sure 0.002 (fifth)
    "frequency": (-0.01, -0.013, -0.003, -0.007, -0.009, -0.002),
    # the largest relative change, but its pp CI holds 0: not beyond chance
    "click_through_rate": (0.03, -0.01, 0.07, 3.0, -0.2, 9.0),
    # beyond chance but in no lens table of Instagram (its exports report no watch time): left out
    "average_view_duration_seconds": (-13.0, -16.0, -10.0, -0.61, -0.70, -0.50),
    # a total with an interval (none has one): not a rate, left out
    "interactions": (-8299, -9000, -7000, -0.31, -0.33, -0.29),
}


def test_the_summary_names_the_largest_other_changes_beyond_chance(report):
    kpis = report.kpis
    try:
        report.kpis = _with_changes(report, "instagram", CHANGES)
        assert list(report.changes_beyond_chance("instagram")["kpi"]) == [
            "engagement_rate_by_impressions", "reach_rate", "applause_rate", "virality_rate", "frequency"]
        finding = report._finding_other_changes("instagram")
        assert finding.text == (
            "On Instagram, 5 figures in the tables below changed beyond chance against the previous period (of the 9"
            " figures with an interval, where chance alone would give about 0.45 such changes); the clearest two: engagement rate by"
            " impressions (views) +0.44 pp (95% CI 0.15 to 0.69) and reach rate by followers -5.59 pp (95% CI -9.02 to -2.08).")
        # it follows the platform's change sentence in the summary, which quotes engagement rate by reach
        keys = [f.key for f in report.findings()]
        assert keys.index("finding.changes_more") == keys.index("finding.change_down", 2) + 1
        report.kpis = _with_changes(report, "instagram", {k: CHANGES[k] for k in ("applause_rate", "frequency")})
        assert report._finding_other_changes("instagram").text == (
            "On Instagram, two figures in the tables below changed beyond chance against the previous"
            " period (of the 5 figures with an interval, where chance alone would give about 0.25 such changes): applause rate (reactions per post) -33.9% (95% CI -51.7% to -12.2%) and frequency -0.7%"
            " (95% CI -0.9% to -0.2%).")
        report.kpis = _with_changes(report, "instagram", {"reach_rate": CHANGES["reach_rate"]})
        assert report._finding_other_changes("instagram").text.endswith(
            "one figure in the tables below changed beyond chance against the previous period (of the 4 figures"
            " with an interval, where chance alone would give about 0.20 such changes): reach rate by followers"
            " -5.59 pp (95% CI -9.02 to -2.08).")
        # nothing beyond chance: no sentence; an interval touching 0 is not beyond chance
        report.kpis = _with_changes(report, "instagram", {"reach_rate": (-0.0559, -0.0902, 0.0, -0.38, -0.535, 0.0),
                                                         **{k: CHANGES[k] for k in ("click_through_rate",
                                                                                    "average_view_duration_seconds")}})
        assert report._finding_other_changes("instagram") is None
        assert not [f.key for f in report.findings() if "changes_one" in f.key]
        # without its change sentence (no summed reach change), the rate it would quote is a candidate too
        table = _with_changes(report, "instagram", {})
        quoted = (table["platform"] == "instagram") & (table["kpi"] == "engagement_rate_by_reach")
        table.loc[quoted, ["change", "ci_low", "ci_high", "relative_change", "relative_ci_low", "relative_ci_high"]] = (
            -0.005, -0.009, -0.001, -0.18, -0.3, -0.04)
        report.kpis = table
        assert report._finding_other_changes("instagram") is None  # quoted by the change sentence
        table.loc[(table["platform"] == "instagram") & (table["kpi"] == "summed_reach"), "relative_change"] = np.nan
        report.kpis = table  # set again: a report keeps its answers until a field is given anew
        assert report._finding_change("instagram") is None
        assert report._finding_other_changes("instagram").values["kpis"] == ["engagement_rate_by_reach"]
    finally:
        report.kpis = kpis


def test_the_other_changes_sentence_in_indonesian():
    report = build_report(**{**DEMO, "language": "id"})
    report.kpis = _with_changes(report, "instagram", {k: CHANGES[k] for k in ("reach_rate", "applause_rate",
                                                                              "virality_rate")})
    # Instagram's change sentence quotes -0,50 pp (IK 95% -1,35 hingga 0,41): within chance, so no "lain" here
    assert report._finding_other_changes("instagram").text == (
        "Di Instagram, 3 angka dalam tabel di bawah berubah secara bermakna dibandingkan periode sebelumnya"
        " (dari 6 angka yang memiliki interval; secara kebetulan saja, sekitar 0,30 angka diperkirakan berubah"
        " secara bermakna); dua yang paling jelas:"
        " tingkat jangkauan terhadap pengikut"
        " -5,59 poin persentase (IK 95% -9,02 hingga -2,08) dan tingkat apresiasi (reaksi per unggahan) -33,9%"
        " (IK 95% -51,7% hingga -12,2%).")
    # the quoted rate beyond chance: the other three and it are 4 of the 6 changes with an interval (the median
    # post's two within chance), said to have changed, so "3 angka lain" beside "4 dari 6" reads as no contradiction
    rate = (report.kpis["platform"] == "instagram") & (report.kpis["kpi"] == "engagement_rate_by_reach")
    report.kpis.loc[rate, ["ci_low", "ci_high"]] = (-0.0135, -0.0005)
    report.kpis = report.kpis  # set again: a report keeps its answers until a field is given anew
    assert report._finding_other_changes("instagram").text.startswith(
        "Di Instagram, 3 angka lain dalam tabel di bawah berubah secara bermakna dibandingkan periode sebelumnya"
        " (4 dari 6 angka yang memiliki interval berubah secara bermakna, termasuk tingkat di atas; secara kebetulan"
        " saja, sekitar 0,30 angka diperkirakan berubah secara bermakna);")
    report.benchmarks = _benchmark_rows(0.0030, 0.0021, 0.0040, 2022)
    assert report._finding_benchmark("facebook").text == (
        "Di Facebook, rata-rata tingkat interaksi Anda terhadap pengikut adalah 0,30% (IK 95% 0,21% hingga 0,40%;"
        " dari unggahan Anda tahun 2026), dibandingkan dengan 0,15% dalam Socialinsider 2026 (dari data tahun"
        " 2022); IK 95% Anda seluruhnya di atas angka itu, jadi angka Anda lebih tinggi secara bermakna. Unggahan"
        " Anda dan data sumber itu berjarak 4 tahun, dan jangkauan serta interaksi di platform telah berubah"
        " selama itu, sehingga perbandingan ini lemah.")
    report.benchmarks = _benchmark_rows(0.0017, 0.0014, 0.0022, 2025)  # the interval holds the published 0.15%
    assert report._finding_benchmark("facebook").text.endswith(
        "; IK 95% Anda mencakup angka itu, jadi angka Anda tidak lebih tinggi atau lebih rendah secara bermakna"
        " (yang tidak berarti keduanya sama).")


@pytest.mark.parametrize("low, high, verdict", [
    (0.0014, 0.0022, "in_line"),  # holds the published 0.15%
    (0.0015, 0.0022, "in_line"),  # its end on the published figure: holds it
    (0.0016, 0.0022, "above"),
    (0.0010, 0.00149, "below"),
    (np.nan, np.nan, None),  # too few posts for an interval: no verdict
])
def test_a_benchmark_verdict_comes_from_the_clients_interval(low, high, verdict):
    from helpers.report import benchmark_verdict

    assert benchmark_verdict(pd.Series({"client": 0.0017, "client low": low, "client high": high,
                                        "benchmark": 0.0015})) == verdict
    # no published figure: nothing to stand against, not 'in line' with a missing number
    assert benchmark_verdict(pd.Series({"client": 0.0017, "client low": low, "client high": high,
                                        "benchmark": np.nan})) is None


def _benchmark_rows(client, low, high, data_year, log_reach_sd=0.8, posts=52):
    """One like-for-like Facebook benchmark row (Socialinsider's 0.15% mean by followers) with the client's
    figure and interval as given, over `posts` posts whose reach is as even as most accounts' (σ of log reach
    0.8). A figure without interval over 6 posts or more is one whose posts all had the same rate."""
    return pd.DataFrame([{
        "platform": "facebook", "source": "Socialinsider", "edition": 2026, "data year": data_year,
        "industry": "all industries", "statistic": "mean", "denominator": "followers",
        "components": "reactions + comments + shares", "benchmark": 0.0015, "client": client, "client low": low,
        "client high": high, "client (platform engagements)": np.nan, "client ÷ benchmark": client / 0.0015,
        "posts": posts, "same_components": True, "reason": None, "log reach sd": log_reach_sd}])


def test_the_benchmark_table_gives_the_verdict_its_sentence_gives(report):
    import dataclasses

    from helpers.i18n import Translator

    benchmarks = report.benchmarks
    rows = {  # client, low, high, data year, same components -> the verdict column
        "in_line": (0.0017, 0.0014, 0.0022, 2025, True, "neither above nor below it beyond chance"),
        "above": (0.0017, 0.0016, 0.0022, 2025, True, "above it, beyond chance"),
        "below": (0.0012, 0.0010, 0.00149, 2025, True, "below it, beyond chance"),
        "rough": (0.0017, 0.0016, 0.0022, 2025, False, "only a rough comparison, not a verdict"),
        "no_interval": (0.0017, np.nan, np.nan, 2025, True, "no verdict: 5 posts, too few for a 95% interval (6 needed)"),
        "no_spread": (0.0017, np.nan, np.nan, 2025, True,
                      "no verdict: every post has the same rate, so no 95% interval"),
        "weak": (0.0017, 0.0016, 0.0022, 2022, True, "above it, beyond chance; weak: data 4 years from your posts"),
    }
    try:
        for name, (client, low, high, year, same, verdict) in rows.items():
            report.benchmarks = _benchmark_rows(client, low, high, year, posts=5 if name == "no_interval" else 52
                                                ).assign(same_components=same)
            table = report.benchmark_table()
            assert list(table.columns) == ["platform", "source", "industry", "definition", "benchmark", "you",
                                           "verdict", "how compared"]
            assert table["verdict"].tolist() == [verdict], name
            finding = report._finding_benchmark("facebook")  # the sentence says the same
            expected = {"in_line": "yours is neither above nor below it beyond chance",
                        "above": "so yours is above it beyond chance", "below": "so yours is below it beyond chance",
                        "rough": "only a rough comparison, not a verdict", "no_interval": "rests on only 5 posts",
                        "no_spread": "had this same rate, so no 95% interval can be given",
                        "weak": "so this comparison is weak"}[name]
            assert expected in finding.text, name
        # no client figure: no verdict, and the note says why
        report.benchmarks = _benchmark_rows(np.nan, np.nan, np.nan, 2025).assign(reason="no_denominator")
        table = report.benchmark_table()
        assert table["verdict"].tolist() == ["no comparison"]
        assert table["how compared"].tolist() == ["the exports carry no followers for Facebook posts"]
        assert report._finding_benchmark("facebook") is None
        report.benchmarks = _benchmark_rows(0.0017, 0.0016, 0.0022, 2022)
        indonesian = dataclasses.replace(report, tr=Translator("id")).benchmark_table()
        assert indonesian["kesimpulan"].tolist() == [
            "lebih tinggi secara bermakna; lemah: data berjarak 4 tahun dari unggahan Anda"]
    finally:
        report.benchmarks = benchmarks


def test_benchmarks_not_compared_for_one_reason_share_a_row_that_says_why(report):
    # the demo's exports carry no follower counts and count views: eight published figures, none compared,
    # for two reasons on each of two platforms
    assert len(report.benchmarks) == 8 and report.benchmarks["client"].isna().all()
    table = report.benchmark_table()
    assert table[["platform", "verdict", "how compared"]].values.tolist() == [
        ["Facebook", "no comparison", "the exports carry no followers for Facebook posts"],
        ["Facebook", "no comparison", "the exports report views for Facebook (repeat views counted), the source"
                                      " impressions"],
        ["Instagram", "no comparison", "the exports carry no followers for Instagram posts"],
        ["Instagram", "no comparison", "the exports report views for Instagram (repeat views counted), the source"
                                       " impressions"]]
    followers = table.iloc[0]
    assert followers["source"] == ("Rival IQ Social Media Industry Benchmark Report 2023 (data 2022); Rival IQ Social"
                                   " Media Industry Benchmark Report 2024 (data 2023); Socialinsider 2026 (data 2025)")
    # each published figure in its source's order, with its statistic where the sources differ in it
    assert followers["benchmark"] == "median 0.060%; median 0.063%; mean 0.15%"
    assert followers["definition"] == "median / mean engagement rate by followers"
    assert table.iloc[1]["source"] == "Buffer 2025 (data 2024)" and table.iloc[1]["benchmark"] == "5.07%"
    assert table["you"].eq("n/a").all()
    # the sentence still counts every published figure
    assert report.benchmark_sentence().startswith("None of the 8 published figures could be compared like with like")


def test_uncompared_figures_of_one_statistic_share_a_row_without_repeating_it(report):
    benchmarks = report.benchmarks
    try:  # the two Rival IQ medians alone: one statistic, so the figures are listed without it
        report.benchmarks = benchmarks[benchmarks["source"].str.startswith("Rival")]
        table = report.benchmark_table()
        assert len(table) == 2  # Facebook and Instagram, each one row for its two editions
        facebook = table.iloc[0]
        assert facebook["benchmark"] == "0.060%; 0.063%"
        assert facebook["definition"] == "median engagement rate by followers"
        assert facebook["source"] == ("Rival IQ Social Media Industry Benchmark Report 2023 (data 2022); Rival IQ"
                                      " Social Media Industry Benchmark Report 2024 (data 2023)")
    finally:
        report.benchmarks = benchmarks


def test_the_report_shows_every_source_and_note_of_a_benchmark_row_in_full(report):
    """The report notebook's benchmark cell, run on four published figures that share a row (no follower counts):
    each source is listed whole, so the fourth figure keeps its source. Cut at 220 characters, the list ended in
    'Socialinsider 2026 (d…' (a TikTok export beside four sources)."""
    import ast
    import json

    from helpers import display

    cells = json.loads(REPORT_NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = next("".join(c["source"]) for c in cells if "report.benchmark_table()" in "".join(c["source"]))
    shown = ast.Expression(ast.parse(code).body[-1].value)  # the cell's last line: the table it shows
    sources = [("Rival IQ Social Media Industry Benchmark Report", 2023, 2022),
               ("Rival IQ Social Media Industry Benchmark Report", 2024, 2023),
               ("Rival IQ Social Media Industry Benchmark Report", 2025, 2024), ("Socialinsider", 2026, 2025)]
    benchmarks = report.benchmarks
    try:
        report.benchmarks = pd.concat(
            [_benchmark_rows(np.nan, np.nan, np.nan, year).assign(source=source, edition=edition,
                                                                  reason="no_denominator")
             for source, edition, year in sources], ignore_index=True)
        html = eval(compile(shown, "client_report.ipynb", "eval"),
                    {"display": display, "report": report, "tr": report.tr}).data
    finally:
        report.benchmarks = benchmarks
    listed = "; ".join(f"{source} {edition} (data {year})" for source, edition, year in sources)
    assert len(listed) > 220 and listed in html
    assert "…" not in html


def test_a_post_whose_export_span_is_unknown_counts_as_near_its_download(report, monkeypatch):
    from helpers.report import Report

    # no export's span known: every post is taken to have been downloaded the day it went out (the safe side)
    monkeypatch.setattr(Report, "_export_periods_by_file", lambda self, platform: {})
    fresh = report.near_download("facebook")
    mine = report.posts[report.posts["platform"] == "facebook"]
    assert len(fresh) == len(mine)
    assert (fresh["export last"] == fresh["published_at"].dt.tz_localize(None).dt.normalize()).all()


# A TikTok account's two Content exports of March 2025 (tests/fixtures/tiktok/near-download, year=2025): one named
# Content_2025-03-01_2025-03-31, covering to 31 March (downloaded then or later), with posts of 3, 24, 25 and 31
# March; Content.csv, naming no days, whose newest post is of 28 March, with posts of 5, 21, 22 and 28 March.
# Close to their export's end (fewer than 7 days): the 25th's and 31st's of the first, the 22nd's and 28th's of
# the second, only the first two to a known last covered day.
TIKTOK_NEAR = FIXTURES / "tiktok" / "near-download"
NEAR_TAIL = (" and may have had little time to collect video views and interactions: the period's totals and its"
             " rates per post (comments, shares or reactions per post) may be understated (a rise too small, a fall"
             " too large), and its rates dividing one count by another (engagement rates, frequency) may still move"
             " either way (see Data coverage).")
NEAR_RATES_TAIL = (" and may have had little time to collect video views and interactions: the period's rates per post"
                   " (comments, shares or reactions per post) may be understated (a rise too small, a fall too large),"
                   " and its rates dividing one count by another (engagement rates, frequency) may still move either"
                   " way (see Data coverage).")
# March alone: no February to compare with, so the totals are not said to be understated "against" it
NEAR_NOTE_TAIL = (", and may have had little time to collect video views and interactions: the period's totals and its"
                  " rates per post (comments, shares or reactions per post) may be understated, and its rates dividing"
                  " one count by another (engagement rates, frequency) may still move either way.")


def _tiktok_march(exports: str, language: str = "en"):
    return build_report(client="shop", client_name="Shop", exports=[str(TIKTOK_NEAR / exports)], timezone="UTC",
                        period_start="2025-03-01", period_end="2025-03-31", year=2025, language=language)


def _near_download_said(report) -> tuple[list, str, str]:
    """The Data coverage notes on posts close to the download, and the summary's caveat, both ways."""
    notes = [n for n in report.coverage_notes() if " 7 " in n and ("went out" in n or "dipublikasikan" in n)]
    return notes, report._near_download_caveat("tiktok"), report._near_download_caveat("tiktok", rates_only=True)


def test_posts_close_to_the_last_day_an_exports_name_gives_are_said_to_be_so():
    notes, caveat, rates = _near_download_said(_tiktok_march("Content_2025-03-01_2025-03-31.csv"))
    before = "before the last day their export covers (31 March 2025"
    assert notes == [f"TikTok: 2 of the period's 4 posts went out fewer than 7 days {before}; it was downloaded that"
                     " day or later, the exports do not say when)" + NEAR_NOTE_TAIL]
    assert caveat == f" Of the 4 TikTok posts, 2 went out fewer than 7 days {before})" + NEAR_TAIL
    assert rates == f" Of the 4 TikTok posts, 2 went out fewer than 7 days {before})" + NEAR_RATES_TAIL


def test_posts_close_to_the_newest_post_of_an_export_naming_no_days_are_not_said_to_be_close_to_its_download():
    report = _tiktok_march("Content.csv")
    assert report.near_download("tiktok")["published_at"].dt.day.tolist() == [22, 28]
    notes, caveat, rates = _near_download_said(report)
    before = ("before the newest post of their export (28 March 2025; the export does not name the days it covers,"
              " so it may have been downloaded later, and then they had longer)")
    assert notes == [f"TikTok: 2 of the period's 4 posts went out fewer than 7 days {before}" + NEAR_NOTE_TAIL]
    assert caveat == f" Of the 4 TikTok posts, 2 went out fewer than 7 days {before}" + NEAR_TAIL
    assert rates == f" Of the 4 TikTok posts, 2 went out fewer than 7 days {before}" + NEAR_RATES_TAIL
    notes, caveat, _ = _near_download_said(_tiktok_march("Content.csv", "id"))
    before = ("sebelum unggahan terbaru dalam ekspornya (28 Maret 2025; ekspor itu tidak menyebutkan hari-hari yang"
              " dicakupnya, jadi mungkin diunduh lebih akhir, dan bila demikian unggahan tersebut punya waktu lebih"
              " lama)")
    assert notes[0].startswith(f"TikTok: 2 dari 4 unggahan periode ini dipublikasikan kurang dari 7 hari {before},"
                               " dan mungkin hanya punya sedikit waktu")
    assert caveat.startswith(f" Dari 4 unggahan TikTok, 2 dipublikasikan kurang dari 7 hari {before} dan mungkin")


def test_close_posts_of_a_named_and_an_unnamed_export_say_which_are_close_only_to_a_newest_post():
    notes, caveat, rates = _near_download_said(_tiktok_march("*.csv"))
    newest = (" or, for 2 of them, before the newest post of their export (28 March 2025; that export does not name"
              " the days it covers, so it may have been downloaded later, and then they had longer)")
    assert notes == ["TikTok: 4 of the period's 8 posts went out fewer than 7 days before the last day their export"
                     " covers (31 March 2025; it was downloaded that day or later, the exports do not say when)"
                     + newest + NEAR_NOTE_TAIL]
    assert caveat == (" Of the 8 TikTok posts, 4 went out fewer than 7 days before the last day their export covers"
                      " (31 March 2025)" + newest + NEAR_TAIL)
    assert rates == (" Of the 8 TikTok posts, 4 went out fewer than 7 days before the last day their export covers"
                     " (31 March 2025)" + newest + NEAR_RATES_TAIL)
    notes, caveat, _ = _near_download_said(_tiktok_march("*.csv", "id"))
    newest = (" atau, untuk 2 di antaranya, sebelum unggahan terbaru dalam ekspornya (28 Maret 2025; ekspor itu tidak"
              " menyebutkan hari-hari yang dicakupnya, jadi mungkin diunduh lebih akhir, dan bila demikian unggahan"
              " tersebut punya waktu lebih lama)")
    assert caveat.startswith(" Dari 8 unggahan TikTok, 4 dipublikasikan kurang dari 7 hari sebelum hari terakhir yang"
                             " dicakup ekspornya (31 Maret 2025)" + newest + " dan mungkin")
    assert notes[0].startswith("TikTok: 4 dari 8 unggahan periode ini dipublikasikan kurang dari 7 hari sebelum hari"
                               " terakhir yang dicakup ekspornya (31 Maret 2025; ekspor diunduh pada hari itu atau"
                               " sesudahnya, tanpa keterangan kapan tepatnya)" + newest + ", dan mungkin")


def test_rates_per_post_are_said_to_be_understated_like_totals_near_the_download():
    """A rate per post (comments ÷ posts reporting them) divides a count that only grows as posts collect by a
    number of posts that does not: posts close to the download can only pull it down, as they do a total. A
    rate of two growing counts (interactions ÷ video views) may move either way. The summary's caveat, with
    totals or without, and Data coverage say so in both languages."""
    for language, understated, alone, either_way, all_rates in (
            ("en", "its rates per post (comments, shares or reactions per post) may be understated",
             "the period's rates per post (comments, shares or reactions per post) may be understated",
             "rates dividing one count by another (engagement rates, frequency) may still move either way",
             "its rates may"),
            ("id", "tingkat per unggahannya (komentar, jumlah dibagikan, atau reaksi per unggahan) mungkin tampak"
                   " lebih kecil dari seharusnya",
             "tingkat per unggahan periode ini (komentar, jumlah dibagikan, atau reaksi per unggahan) mungkin tampak"
             " lebih kecil dari seharusnya",
             "tingkat yang membagi satu hitungan dengan hitungan lain (tingkat interaksi, frekuensi) masih dapat"
             " bergeser ke arah mana pun", "tingkatnya masih")):
        notes, caveat, rates = _near_download_said(_tiktok_march("Content_2025-03-01_2025-03-31.csv", language))
        assert len(notes) == 1
        for text in (*notes, caveat):
            assert understated in text and either_way in text and all_rates not in text, text
        assert alone in rates and either_way in rates and all_rates not in rates, rates  # no totals quoted


def test_the_real_tiktok_post_close_to_a_small_exports_newest_post_is_not_said_to_be_close_to_its_download():
    from tests.conftest import real_export

    folder = real_export("tiktok/studio-htupycollabs")
    report = build_report(client="htupy", client_name="Hailey", exports=[str(folder / "Content*.csv")],
                          timezone="America/Chicago", period_start="2025-07-01", period_end="2025-12-31", year=2025)
    # Content 4.csv, 12 videos, names no days and its newest post is of 6 October 2025, while Content.csv of the
    # same account lists posts to 1 February 2026: the 6 October post may have had months to collect
    fresh = report.near_download("tiktok")
    assert [(Path(f).name, str(d.date()), named) for f, d, named in
            zip(fresh["source_file"], fresh["export last"], fresh["last from name"])] == [
        ("Content 4.csv", "2025-10-06", False)]
    said = [n for n in report.coverage_notes() if "went out fewer than" in n]
    said += [f.text for f in report.findings() if "went out fewer than" in f.text]
    assert len(said) == 2
    assert said[0].startswith("TikTok: 1 of the period's 12 posts went out") and " 1 went out" in said[1]
    for text in said:
        assert "last day their export covers" not in text
        assert ("went out fewer than 7 days before the newest post of their export (6 October 2025; the export"
                " does not name the days it covers, so it may have been downloaded later, and then they had longer)"
                in text)


def test_the_near_download_caveat_goes_with_the_other_changes_when_there_is_no_period_change_sentence(
        report, monkeypatch):
    from helpers.report import Report

    caveat = "Of the 52 Facebook posts, 6 went out fewer than 7 days before the last day their export covers"
    # pretend two other Facebook figures changed beyond chance
    monkeypatch.setattr(Report, "changes_beyond_chance", lambda self, platform: pd.DataFrame(
        {"kpi": ["posts", "interactions"], "change": [0.5, 0.2], "ci_low": [0.1, 0.05], "ci_high": [0.9, 0.4]}))
    monkeypatch.setattr(Report, "_fmt_change", lambda self, kpi, row: "+50%")
    with_change = report._finding_other_changes("facebook")
    assert caveat not in with_change.text  # it is said once, after the period-change sentence
    assert caveat in report._finding_change("facebook").text
    monkeypatch.setattr(Report, "_finding_change", lambda self, platform: None)
    assert caveat in report._finding_other_changes("facebook").text


def test_a_benchmark_verdict_comes_before_the_overlap_and_paid_sentences_and_a_weaker_comparison_after(monkeypatch):
    from helpers.report import Finding, Report

    harbour = build_report(client="harbour-books", client_name="Harbour Books",
                           exports=[str(DEMO_DIR / "harbour-books" / "*.csv")], timezone="Europe/London",
                           period_start="2026-09-01", period_end="2026-10-31", top_n=8)
    # coverage, change, other changes, best post, elasticity, formats, overlap: seven; a paid sentence makes eight
    monkeypatch.setattr(Report, "_finding_paid", lambda self, p: Finding("finding.paid", "Paid.", {}))
    keys = [f.key for f in harbour.findings()]
    assert keys[-2:] == ["finding.overlap", "finding.paid"] and len(keys) == 8
    # like with like, above beyond chance, data of 2025 for posts of 2026: ahead of both, and the paid one drops
    harbour.benchmarks = _benchmark_rows(0.0017, 0.0016, 0.0022, 2025)
    assert Report.benchmark_is_verdict(harbour._finding_benchmark("facebook"))
    assert [f.key for f in harbour.findings()][-2:] == ["finding.benchmark", "finding.overlap"]
    # an interval holding the figure, data 4 years apart, or a rough comparison: after them, and cut
    for rows in (_benchmark_rows(0.0017, 0.0014, 0.0022, 2025), _benchmark_rows(0.0017, 0.0016, 0.0022, 2022),
                 _benchmark_rows(0.0017, 0.0016, 0.0022, 2025).assign(same_components=False)):
        harbour.benchmarks = rows
        assert not Report.benchmark_is_verdict(harbour._finding_benchmark("facebook"))
        assert "finding.benchmark" not in [f.key for f in harbour.findings()]


def test_the_benchmark_finding_gives_a_verdict_and_warns_of_data_years_apart(report):
    benchmarks = report.benchmarks
    start = "On Facebook, your mean engagement rate by followers was"
    try:
        # the report's posts are of 2026: data of 2024 are 2 years apart (no warning), of 2023 3 (a warning)
        report.benchmarks = _benchmark_rows(0.0017, 0.0014, 0.0022, 2024)
        finding = report._finding_benchmark("facebook")
        assert finding.text == (f"{start} 0.17% (95% CI 0.14% to 0.22%; your posts of 2026), against 0.15% in"
                                " Socialinsider 2026 (its data of 2024); your 95% interval holds it, so yours is"
                                " neither above nor below it beyond chance (which does not show the two are alike).")
        assert "in line" not in finding.text  # an interval holding the figure shows no difference, not likeness
        assert finding.values["verdict"] == "in_line" and finding.values["years_apart"] == 2
        report.benchmarks = _benchmark_rows(0.0017, 0.0016, 0.0022, 2023)
        assert report._finding_benchmark("facebook").text.endswith(
            "(its data of 2023); your 95% interval lies above it, so yours is above it beyond chance. Your posts and"
            " its data are 3 years apart, and platforms' reach and engagement have changed in that time, so this"
            " comparison is weak.")
        report.benchmarks = _benchmark_rows(0.0012, 0.0010, 0.00149, 2030)  # data after the posts count too
        text = report._finding_benchmark("facebook").text
        assert "yours is below it beyond chance. Your posts and its data are 4 years apart" in text
        assert text in report.benchmark_sentence()
        report.benchmarks = _benchmark_rows(0.0017, np.nan, np.nan, 2025, posts=5)
        assert report._finding_benchmark("facebook").text == (
            "On Facebook, your mean engagement rate by followers rests on only 5 posts (your posts of 2026): too few"
            " to set beside 0.15% in Socialinsider 2026 (its data of 2025), as a 95% interval needs 6 posts. Its"
            " value, 0.17%, does not tell whether yours is above or below it.")
        report.benchmarks = _benchmark_rows(0.0017, np.nan, np.nan, 2025, posts=1)
        assert report._finding_benchmark("facebook").text.startswith(
            "On Facebook, your mean engagement rate by followers rests on only one post (your posts of 2026)")
        assert report._benchmark_verdict_cell(report.benchmarks.iloc[0]) == (
            "no verdict: 1 post, too few for a 95% interval (6 needed)")
        # 52 posts and no interval: every post had the same rate (statistics.mean_interval gives none then)
        report.benchmarks = _benchmark_rows(0.0017, np.nan, np.nan, 2025)
        assert report._finding_benchmark("facebook").text == (
            f"{start} 0.17% (your posts of 2026), against 0.15% in Socialinsider 2026 (its data of 2025); the 52"
            " posts it is computed from all had this same rate, so no 95% interval can be given (posts all alike"
            " cannot show how far the rate could vary), and whether yours is above or below it is not judged.")
    finally:
        report.benchmarks = benchmarks


def test_a_verdict_on_a_mean_per_follower_is_weaker_when_reach_is_uneven_or_unknown(report):
    """A mean of rates per follower follows reach: its interval held the true mean 79% to 93% of the time at σ
    of log reach 1.5 (benchmarks/interval_coverage.py), so such a verdict says so and is not ranked as a real
    one; even reach, a median, another denominator or an interval holding the figure are left as they are."""
    from helpers.report import Report

    benchmarks = report.benchmarks
    weaker = "so this verdict is weaker than its 95% says."
    try:
        for sd, statistic, denominator, low, caveat in [
                (1.2, "mean", "followers", 0.0016, "standard deviation of log reach 1.20, above 1.0"),
                (np.nan, "mean", "followers", 0.0016, "fewer than two of these posts report reach"),
                (1.0, "mean", "followers", 0.0016, None),     # at the limit: as measured, 85% to 96%
                (1.2, "median", "followers", 0.0016, None),   # a median's interval is exact
                (1.2, "mean", "reach", 0.0016, None),         # a rate by reach does not follow reach
                (1.2, "mean", "followers", 0.0014, None)]:    # holds the figure: a wider interval would too
            report.benchmarks = _benchmark_rows(0.0017, low, 0.0022, 2025, sd).assign(
                statistic=statistic, denominator=denominator)
            finding = report._finding_benchmark("facebook")
            verdict = report.benchmark_table()["verdict"].iloc[0]
            if caveat:
                assert caveat in finding.text and finding.text.endswith(("weaker than its 95% says.",
                                                                         "may be weaker than its 95% says."))
                assert verdict == "above it, beyond chance; weaker: reach very uneven or unknown"
                assert not Report.benchmark_is_verdict(finding)  # not ranked ahead of the overlap and paid
            else:
                assert weaker not in finding.text and "uneven" not in verdict and "weaker" not in verdict
                assert Report.benchmark_is_verdict(finding) == (low > 0.0015)
    finally:
        report.benchmarks = benchmarks


def test_the_spread_of_log_reach_is_worked_out_by_hand():
    from helpers.benchmarks import log_sd

    # ln 10, ln 100, ln 1000 = 2.303, 4.605, 6.908: mean 4.605, deviations ±2.303, sd √(2·2.303²/2) = 2.303
    assert log_sd(pd.Series([10, 100, 1000, 0, None])) == pytest.approx(np.log(10))  # 0 and missing left out
    assert np.isnan(log_sd(pd.Series([10, None])))


# ------------------------------------------------------------------------------------------- plain words
def test_the_glossary_explains_the_words_the_report_shows_and_no_other(report):
    import dataclasses

    from helpers.report import GLOSSARY, analyse

    # the demo shows every word: reach, changes in pp, the agreement table, format tests, Kruskal–Wallis
    assert report.glossary_terms() == list(GLOSSARY)
    table = report.glossary()
    assert list(table.columns) == ["term", "what it tells you"] and len(table) == len(GLOSSARY)
    terms = dict(zip(table["term"], table["what it tells you"]))
    assert terms["pp (percentage points)"].startswith("The gap between two percentages: a rate that goes from 3% to 4%"
                                                      " has risen by 1 pp")
    assert "summed reach (not unique people)" in terms and "Cliff's δ (effect size)" in terms
    assert "the N posts with the most reach" in terms["top-N overlap"]  # the report's own broadcast word
    # no post's format known: no two formats are tested, so no Cliff's δ, Mann–Whitney or Holm, and no format
    # table, whose caption names the order statistics
    posts = report.posts.assign(format=pd.Series(pd.NA, index=report.posts.index, dtype="string"))
    unformatted = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert not any(len(unformatted.format_tests(p)) for p in unformatted.platforms)
    left = unformatted.glossary_terms()
    assert not {"cliffs_delta", "mann_whitney", "holm"} & set(left)
    assert "order_statistics" not in left and not any(len(unformatted.format_table(p)) for p in unformatted.platforms)
    assert {"points", "interval", "median", "spearman", "overlap", "elasticity"} <= set(left)
    # Kruskal–Wallis stays only where a timing sentence still names it
    assert ("kruskal_wallis" in left) == any("Kruskal–Wallis" in s for s in unformatted.timing_test_sentences())
    assert "Cliff's δ (effect size)" not in set(unformatted.glossary()["term"])
    # no reach reported in either period: no summed reach to explain
    previous = report.previous.assign(reach=pd.array([pd.NA] * len(report.previous), dtype="Int64"))
    no_reach = _without(dataclasses.replace(report, previous=metrics.post_metrics(previous)), ["reach"])
    assert "summed_reach" not in no_reach.glossary_terms() and "points" in no_reach.glossary_terms()


def test_the_glossary_explains_sums_and_the_normal_approximation_where_the_lens_note_writes_them(report, monkeypatch):
    import dataclasses

    from helpers.i18n import Translator
    from helpers.report import Report

    # the lens tables' note, in every report: "a rate … is Σ numerator ÷ Σ denominator …; a normal approximation
    # above 2,000 posts"
    assert "Σ numerator ÷ Σ denominator" in report.lens_note() and "a normal approximation" in report.lens_note()
    terms = report.glossary_terms()
    assert terms[:5] == ["summed_reach", "sum", "points", "interval", "normal_approximation"]
    meanings = dict(zip(*report.glossary().T.values))
    assert meanings["Σ (sum)"].startswith("Added up over the posts: Σ interactions ÷ Σ reach is all the posts'"
                                          " interactions divided by all their reach, so the posts with the most reach"
                                          " weigh more in it than in the mean of the posts' own rates.")
    # a plural count reads as well: "the posts with the most views", not "a post with much views"
    views = dict(zip(*_without(report, ["reach"]).glossary().T.values))["Σ (sum)"]
    assert "Σ interactions ÷ Σ views" in views and "the posts with the most views weigh more" in views
    assert meanings["normal approximation"].startswith("A quicker way to a 95% interval when a period has very many")
    indonesian = dataclasses.replace(report, tr=Translator("id"))
    assert {"Σ (jumlah)", "pendekatan normal"} <= set(indonesian.glossary()["istilah"])
    # a note without them: no entry for either
    monkeypatch.setattr(Report, "lens_note", lambda self: "How to read the tables.")
    assert not {"sum", "normal_approximation"} & set(report.glossary_terms())


def test_the_glossary_leaves_out_pp_when_no_change_is_shown(report):
    import dataclasses

    from helpers.report import analyse

    empty = report.previous.iloc[:0]  # no comparison period: no change in any table or sentence
    alone = dataclasses.replace(report, previous=empty, **analyse(report.posts, empty, 10, "all industries"))
    assert "points" not in alone.glossary_terms() and "points" in report.glossary_terms()


def test_both_languages_explain_every_glossary_word(report):
    import dataclasses

    from helpers.i18n import Translator
    from helpers.report import GLOSSARY

    english = report.glossary()
    indonesian = dataclasses.replace(report, tr=Translator("id")).glossary()
    assert list(indonesian.columns) == ["istilah", "apa artinya bagi Anda"] and len(indonesian) == len(GLOSSARY)
    assert "poin persentase" in set(indonesian["istilah"])
    for en, id_ in zip(english.itertuples(index=False), indonesian.itertuples(index=False)):
        assert en[1] and id_[1] and en[1] != id_[1]  # a sentence in each language, not a copy
    assert "secara bermakna" in " ".join(indonesian.iloc[:, 1])  # "beyond chance"


def test_the_lens_tables_say_once_how_to_read_them_and_their_captions_stay_short(report):
    from helpers.i18n import Translator

    values = {"platform": "Facebook", "lens": "engagement"}
    assert Translator("en").t("kpi.caption", **values) == "Facebook: engagement, this period against the previous one"
    assert ("Changes are worked out from the unrounded figures, so one may differ in its last digit from the"
            " difference of the rounded figures shown.") in report.lens_note()
    assert "A metric the exports carry in neither period has no row" in report.lens_note()
    # the thresholds it quotes are the ones the intervals use, formatted for the reader's language
    assert "a normal approximation above 2,000 posts" in report.lens_note()
    assert "rests on fewer than 6 posts in a period" in report.lens_note()
    assert "Perubahan dihitung dari angka sebelum dibulatkan" in Translator("id").t("kpi.how_to_read")
    assert "Σ" not in Translator("id").t("kpi.caption", **values)


def test_a_lens_table_leaves_out_a_metric_reported_in_neither_period_and_keeps_one_reported_in_either(report):
    import dataclasses

    table = report.lens_table("facebook", report.broadcast_kpis("facebook"))
    # the demo's Facebook exports carry no followers and no spend: no row of "not reported", "n/a", "n/a";
    # their impressions count views, and the row says so, as the sentences do
    assert table["metric"].tolist() == ["posts", "summed reach (not unique people)", "views", "frequency"]
    assert "not reported" not in table["this period"].tolist()
    # saves reported only in the comparison period: the row stays, "not reported" beside the earlier figure
    kpis = report.kpis.copy()
    saves = (kpis["platform"] == "facebook") & (kpis["kpi"] == "saves")
    kpis.loc[saves, "value_previous"] = 12.0
    row = dataclasses.replace(report, kpis=kpis).lens_table("facebook", ("saves",)).iloc[0]
    assert (row["this period"], row["previous period"]) == ("not reported", "12")


def test_the_summary_quotes_a_total_change_and_watch_time_as_the_tables_show_them(report):
    table = report.lens_table("facebook", report.broadcast_kpis("facebook")).set_index("metric")
    change = table.loc["summed reach (not unique people)", "change"]  # -33%
    assert change.startswith("-") and f"summed reach fell {change[1:]} against" in report._finding_change("facebook").text
    hours = report.lens_table("facebook", ("watch_time_hours",)).iloc[0]["this period"]  # 374.75
    assert f"people watched {hours} hours of 8 posts" in report.attention_sentence()


def test_the_elasticity_finding_gives_the_multiplier_as_precisely_as_its_interval(report):
    import dataclasses

    fit = {"slope": 1.08, "ci_low": 0.71, "ci_high": 1.51, "n": 28, "left_out_zero": 0, "sampled": False}
    text = dataclasses.replace(report, elasticity={"facebook": fit})._finding_elasticity("facebook").text
    # 10^1.08 = 12.02, 10^0.71 = 5.13, 10^1.51 = 32.4: whole numbers from 10 on, one decimal below
    assert "went with about 12 times the interactions (95% CI 5.1 to 32 times)." in text
    fit = fit | {"slope": 0.38, "ci_low": 0.15, "ci_high": 0.66}  # 2.40, 1.41, 4.57
    text = dataclasses.replace(report, elasticity={"facebook": fit})._finding_elasticity("facebook").text
    assert "about 2.4 times the interactions (95% CI 1.4 to 4.6 times;" in text


def test_a_platform_of_several_accounts_states_an_elasticity_shape_only_where_its_accounts_agree(report):
    """X pooled rOpenSci (1.11, 0.98 to 1.33) with Wormhole_BR (0.75, 0.56 to 0.93) into one slope of 0.56 that
    neither account has: a platform whose posts come from several accounts gives each account's slope, and a
    shape only where every account's interval shows it; the scatter's title and the table's cell follow."""
    import dataclasses

    def fit(slope, low, high, n, unfitted=None):
        return {"slope": slope, "ci_low": low, "ci_high": high, "n": n, "left_out_zero": 0, "unfitted": unfitted,
                "intercept": 0.0, "minimum": 10, "interactions": 500.0}

    differ = {"Wormhole_BR": fit(0.75, 0.56, 0.93, 139), "rOpenSci": fit(1.11, 0.98, 1.33, 322)}
    pooled = dataclasses.replace(report, elasticity_accounts={"facebook": differ})
    finding = pooled._finding_elasticity("facebook")
    assert finding.key == "finding.elasticity_accounts_mixed"
    assert finding.text == (
        "On Facebook, the 2 accounts fitted differ in how interactions scale with reach (elasticity by account, 95%"
        " CI in brackets: Wormhole_BR 0.75 (0.56 to 0.93) over 139 posts; rOpenSci 1.11 (0.98 to 1.33) over 322 posts;"
        " below 1, engagement rate falls with more reach), so no one shape is given for Facebook. Each account is"
        " fitted on its own posts: pooled, accounts of different size make a slope none of them has.")
    assert pooled.elasticity_cell("facebook") == "Wormhole_BR 0.75 (0.56 to 0.93); rOpenSci 1.11 (0.98 to 1.33)"
    title = pooled.scatter_title()
    assert title.startswith("Interactions against reach: a slope b below 1 means engagement rate falls with more"
                            " reach. Slope b (95% CI): Facebook (Wormhole_BR) 0.75 (0.56 to 0.93); Facebook"
                            " (rOpenSci) 1.11 (0.98 to 1.33); Instagram ")
    # both below 1: the shape is stated, with each account's slope; one account too small is named
    agree = {"Page A": fit(0.60, 0.40, 0.80, 40), "Page B": fit(0.70, 0.50, 0.90, 30),
             "Page C": fit(float("nan"), float("nan"), float("nan"), 4, "too_few")}
    finding = dataclasses.replace(report, elasticity_accounts={"facebook": agree})._finding_elasticity("facebook")
    assert finding.text == (
        "On Facebook, engagement rate falls with more reach on each of the 2 accounts fitted: interactions grow less"
        " than in proportion (elasticity by account, 95% CI in brackets: Page A 0.60 (0.40 to 0.80) over 40 posts;"
        " Page B 0.70 (0.50 to 0.90) over 30 posts). Each account is fitted on its own posts: pooled, accounts of"
        " different size make a slope none of them has. Too few posts or interactions for an elasticity: Page C.")
    # one account fitted: its own sentence, under its name
    one = {"Page A": agree["Page A"], "Page C": agree["Page C"]}
    text = dataclasses.replace(report, elasticity_accounts={"facebook": one})._finding_elasticity("facebook").text
    assert text.startswith("On Facebook (Page A), ten times the reach went with about 4.0 times the interactions")
    assert text.endswith("Too few posts or interactions for an elasticity: Page C.")
    # a platform of one account keeps its own slope, sentence and title
    assert report.elasticity_accounts == {}
    facebook = report.elasticity["facebook"]
    assert (f"Facebook {report.tr.interval(facebook['slope'], facebook['ci_low'], facebook['ci_high'])};"
            in report.scatter_title())


def test_the_glossary_says_holm_keeps_the_chance_of_any_false_difference_below_5_percent():
    """Holm adjusts the pairs of one lens on one platform together (compare.compare_groups), not every pair of
    the report: the 5% holds within that family, and the glossary says so."""
    from helpers.i18n import Translator

    en, id_ = Translator("en").t("glossary.holm.meaning"), Translator("id").t("glossary.holm.meaning")
    assert "is at most 5% over the pairs of one lens on one platform together" in en
    assert "Each lens on each platform is adjusted on its own, and the report's other tests not at all" in en
    assert "paling banyak 5% untuk semua pasangan dari satu lensa di satu platform sekaligus" in id_
    assert "over all the pairs together" not in en
    assert "is not one of those chance ones" not in Translator("en").t("glossary.holm.meaning")


def test_the_rank_shift_draws_as_many_posts_as_its_title_counts_when_reach_ties_across_the_last_place(report):
    """Two Facebook posts tied on reach at 10th and 11th place may or may not be in the top 10: the overlap
    leaves both out (9 posts), and the chart draws those 9, not the first 10 in publication order."""
    import dataclasses

    import matplotlib.pyplot as plt

    from helpers.report import analyse

    posts = report.posts.copy()
    facebook = report.ranks[report.ranks["platform"] == "facebook"].sort_values("top order")
    tenth, eleventh = facebook.index[9], facebook.index[10]
    posts.loc[eleventh, "reach"] = posts.loc[tenth, "reach"]
    posts = compare.with_broadcast(metrics.post_metrics(posts))
    tied = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    overlap = tied.overlaps["facebook"]
    assert overlap["size_a"] == 9
    fig, alt = tied.figure_rank_shift("facebook")
    title = fig._suptitle.get_text().replace("\n", " ")
    counted = int(re.match(r"\d+ of the (\d+) Facebook posts", title).group(1))
    drawn = [line for line in fig.axes[0].get_lines() if line.get_marker() == "o"]  # a post: a line, two dots
    assert counted == len(drawn) == 9
    assert tenth not in overlap["top_a"] and eleventh not in overlap["top_a"]  # the tied pair is what is left out
    assert alt.startswith("Rank-shift chart: the 9 Facebook posts with the most reach on the left")
    assert "surely" not in title
    assert title.endswith("Posts tied at the cut-off of the top 10 are left out: they may or may not belong in it.")
    plt.close(fig)


def test_no_catalogue_text_says_surely():
    from helpers.i18n import LANGUAGES, catalogue

    for language, word in (("en", r"\bsurely\b"), ("id", r"\bpasti (masuk|di|termasuk)\b")):
        assert language in LANGUAGES
        found = [key for key, text in catalogue(language).items() if re.search(word, text, flags=re.IGNORECASE)]
        assert not found, f"{language}: {found}"


def test_a_relative_change_of_100_percent_or_more_drops_its_decimal_with_its_interval(report):
    from helpers.report import relative_digits

    assert relative_digits(0.382) == 1 and relative_digits(-0.999, -0.5, 0.2) == 1
    assert relative_digits(3.81, 0.85, 23.05) == 0 and relative_digits(0.2, -0.1, np.inf) == 1
    assert relative_digits(0.9996) == 0 and relative_digits(0.9994) == 1  # "+100%", not "+100.0%"; "+99.9%"
    row = {"change": 1.0, "relative_change": 3.81, "relative_ci_low": 0.85, "relative_ci_high": 23.05}
    assert report._fmt_change("conversation_rate", row) == "+381% (95% CI 85% to 2,305%)"
    row = {"change": 1.0, "relative_change": 0.382, "relative_ci_low": 0.05, "relative_ci_high": 0.9}
    assert report._fmt_change("conversation_rate", row) == "+38.2% (95% CI 5.0% to 90.0%)"
    row = {"change": 1.0, "relative_change": 0.382, "relative_ci_low": 0.05, "relative_ci_high": 1.4}
    assert report._fmt_change("conversation_rate", row) == "+38% (95% CI 5% to 140%)"  # one precision per figure


def test_no_format_table_when_the_exports_give_no_post_its_format(report):
    import dataclasses

    assert len(report.format_table("instagram")) > 1
    posts = report.posts.copy()
    posts.loc[posts["platform"] == "instagram", "format"] = pd.NA
    formatless = dataclasses.replace(report, posts=posts)
    assert formatless.format_table("instagram").empty  # not one 'unknown' row repeating the platform's medians
    assert not formatless.format_table("facebook").empty
    assert "order_statistics" in formatless.glossary_terms()  # Facebook's table still uses them


def test_the_posts_covered_cell_gives_the_comparison_periods_coverage_where_either_is_partial():
    """Kopi Senja's watch time: 8 of 52 Facebook posts (its videos) report it, against 10 of 66 before; the
    total's fall of 46.6% comes partly from fewer videos, which the cell shows. Fully covered rows stay short."""
    report = build_report(**DEMO)
    table = report.lens_table("facebook", ("posts", "watch_time_hours")).set_index("metric")
    assert table.loc["posts", "posts covered"] == "52 / 52"
    assert table.loc["watch time (hours)", "posts covered"] == "8 / 52 (before: 10 / 66)"
    row = report.kpis[(report.kpis["platform"] == "facebook") & (report.kpis["kpi"] == "watch_time_hours")].iloc[0]
    assert (row["posts_covered"], row["posts"], row["posts_covered_previous"], row["posts_previous"]) == (8, 52, 10, 66)


def test_what_chance_would_share_keeps_its_first_digit_however_small(report):
    # n² ÷ posts: 10·10 ÷ 52 = 1.92 reads 1.9; 10·10 ÷ 2,500 = 0.04 reads 0.04, not 0.0
    assert report._chance_text(100 / 52) == "1.9"
    assert report._chance_text(0.04) == "0.04" and report._chance_text(0.0123) == "0.01"
    assert report._chance_text(0.097) == "0.1" and report._chance_text(0.0) == "0.0"


def test_the_files_table_shows_month_dated_posts_by_their_month():
    from tests.conftest import real_export

    folder = real_export("uci-facebook-metrics")
    report = build_report(client="uci", client_name="UCI", exports=[str(folder / "*.csv")], timezone="UTC",
                          period_start="2014-12-01", period_end="2014-12-31")
    row = report.coverage_table().iloc[0]
    # the last post's day (7 December) is a stand-in: the table says December, as the error and the explorer do
    assert (row["first date imported"], row["last date imported"]) == ("Jan 2014", "Dec 2014")


def test_harbour_books_amplification_change_has_the_same_verdict_whatever_the_seed(monkeypatch):
    """Harbour Books' Facebook amplification rate fell 27.8%; its 95% interval's upper end lies about 0.4% below
    0 (-0.38% with 400,000 resamples). With 2,000 resamples that end moved from -1.7% to +0.6% from seed to
    seed, so the change was beyond chance or within it by Monte Carlo noise; the interval now draws more
    resamples until its ends are clear of 0 by three of their Monte Carlo errors (settling_resamples)."""
    from helpers import statistics

    params = dict(client="harbour-books", client_name="Harbour Books", exports=[str(DEMO_DIR / "harbour-books" / "*.csv")],
                  timezone="Europe/London", period_start="2026-09-01", period_end="2026-10-31", top_n=8, currency="GBP")
    highs = []
    for seed in (statistics.SEED, 1000, 1001, 1004, 1009):
        monkeypatch.setattr(statistics, "SEED", seed)
        built = build_report(**params)
        row = built.kpis[(built.kpis["platform"] == "facebook") & (built.kpis["kpi"] == "amplification_rate")].iloc[0]
        assert row["relative_change"] == pytest.approx(-0.278457, abs=1e-6)
        highs.append(row["relative_ci_high"])
        assert "amplification_rate" in set(built.changes_beyond_chance("facebook")["kpi"])
    assert max(highs) < 0, highs


def test_the_period_change_sentence_says_whether_its_change_is_beyond_chance(report):
    """The demo's Facebook rate went from 2.98% to 3.92%: +0.93 pp, 95% CI -0.64 to 2.49 (20,000 resamples;
    -0.62 to 2.37 with the 2,000 drawn before), which holds 0, so
    within chance (and so is the median post's +0.99 pp, -0.63 to 3.11); the figures beyond chance beside it
    are then not 'other' ones. An interval leaving 0 out (or touching it) is judged as the lens tables are."""
    finding = report._finding_change("facebook")
    assert ("went from 2.98% to 3.92%, a change of +0.93 pp (95% CI -0.64 to 2.49), within chance; the median"
            " post's rate changed by +0.99 pp (95% CI -0.63 to 3.11), within chance.") in finding.text
    assert finding.values["beyond_chance"] is False
    kpis = report.kpis
    try:
        table = _with_changes(report, "instagram", {"reach_rate": CHANGES["reach_rate"]})
        rate = (table["platform"] == "instagram") & (table["kpi"] == "engagement_rate_by_reach")
        table.loc[rate, ["ci_low", "ci_high"]] = (-0.0135, -0.0005)  # the pp interval leaves 0 out: beyond
        report.kpis = table
        finding = report._finding_change("instagram")
        assert "a change of -0.50 pp (95% CI -1.35 to -0.05), beyond chance;" in finding.text
        assert finding.values["beyond_chance"] is True
        assert report._finding_other_changes("instagram").text.startswith(
            "On Instagram, one other figure in the tables below changed beyond chance")
        # the tables give four changes with an interval, reach rate, the quoted rate and the median post's two
        # changes (within chance), and the first two leave out 0
        assert ("against the previous period (2 of the 4 figures with an interval changed beyond chance, the rate"
                " above included; chance alone would give about 0.20 such changes): reach rate by followers -5.59 pp"
                ) in report._finding_other_changes("instagram").text
        table.loc[rate, ["ci_low", "ci_high"]] = (-0.0135, 0.0)  # touching 0: not beyond chance
        report.kpis = table  # set again: a report keeps its answers until a field is given anew
        assert "(95% CI -1.35 to 0.00), within chance;" in report._finding_change("instagram").text
        assert report._finding_other_changes("instagram").text.startswith(
            "On Instagram, one figure in the tables below changed beyond chance against the previous period (of the"
            " 4 figures with an interval,")  # the quoted rate's interval is in the tables, touching 0 or not
        table.loc[rate, ["ci_low", "ci_high"]] = np.nan  # no interval: no verdict either way
        report.kpis = table  # set again: a report keeps its answers until a field is given anew
        text = report._finding_change("instagram").text
        assert "a change of -0.50 pp;" in text and report._finding_change("instagram").values["beyond_chance"] is None
        assert report._finding_other_changes("instagram").text.startswith("On Instagram, one figure in")
    finally:
        report.kpis = kpis
    indonesian = build_report(**{**DEMO, "language": "id"})
    assert ("selisih +0,93 poin persentase (IK 95% -0,64 hingga 2,49), yang tidak berbeda secara bermakna dari nol;"
            in indonesian._finding_change("facebook").text)


def test_a_summed_counts_change_names_the_posts_it_sums_over_when_their_number_changed(report):
    """Summed reach falls with fewer posts however well each did: the demo's Facebook has 52 posts in the
    period and 66 in the comparison period (counted here from the posts), so the sentence says so beside
    its fall of 33% (-33.2%, whole as Facebook's other relative changes); with as many posts in both, it says nothing more."""
    posts = int((report.posts["platform"] == "facebook").sum())
    previous = int((report.previous["platform"] == "facebook").sum())
    assert (posts, previous) == (52, 66)
    assert ("On Facebook, summed reach fell 33% against the previous period, with 52 posts against 66, and"
            " engagement rate by reach") in report._finding_change("facebook").text
    kpis = report.kpis
    try:
        table = kpis.copy()
        table.loc[(table["platform"] == "facebook") & (table["kpi"] == "summed_reach"),
                  ["posts_covered_previous", "posts_previous"]] = 52
        report.kpis = table
        assert ("summed reach fell 33% against the previous period, and engagement rate"
                in report._finding_change("facebook").text)
    finally:
        report.kpis = kpis
    indonesian = build_report(**{**DEMO, "language": "id"})
    assert ("jangkauan yang dijumlahkan turun 33% dibandingkan periode sebelumnya, dengan 52 unggahan dibandingkan"
            " 66, dan" in indonesian._finding_change("facebook").text)


def test_the_formats_section_states_once_how_many_posts_a_format_needs(report):
    """One rule, said in the section's opening: tested from 3 posts, a median's 95% interval from 6. Formats of
    2, 3 and 6 posts: the first listed but not tested, the second tested without an interval, the third both."""
    assert report.formats_intro().endswith(
        "A format is compared with the others from 3 posts on, and its median carries a 95% interval from 6 posts"
        " on: a format with fewer than 3 posts is listed as too few to compare, and a median over fewer than 6"
        " posts is shown without an interval.")
    posts = pd.DataFrame({"format": ["story"] * 2 + ["reel"] * 3 + ["photo"] * 6,
                          "reach": [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]})
    medians = compare.compare_groups(posts, "format", "reach")["medians"].set_index("format")
    assert medians["tested"].to_dict() == {"photo": True, "reel": True, "story": False}
    assert medians["ci_low"].notna().to_dict() == {"photo": True, "reel": False, "story": False}
    # the captions and sentences below no longer repeat a number of their own
    tr = report.tr
    assert "6 posts" not in tr.t("formats.table_caption", platform="Facebook")
    assert tr.t("formats.too_few", platform="Facebook") == (
        "On Facebook, no two formats have enough posts to be compared, so formats are not compared.")
    assert "Each sentence comes from the numbers shown further down." in tr.t("section.summary_intro")
    indonesian = build_report(**{**DEMO, "language": "id"})
    assert "mulai dari 3 unggahan, dan mediannya diberi interval 95% mulai dari 6 unggahan" in indonesian.formats_intro()


def test_the_broadcast_lens_says_when_the_exports_cover_the_period_in_part(report):
    """Totals over part of a period read as the whole period's otherwise: the demo's exports end on 31 October,
    so a period to 15 November is covered from 1 September to 31 October only, and the sentence says so."""
    assert "exports cover only" not in report.lens_sentence("broadcast")  # the demo's period is covered whole
    longer = build_report(**{**DEMO, "period_end": "2026-11-15"})
    sentence = longer.lens_sentence("broadcast")
    for platform in ("Facebook", "Instagram"):
        assert (f"The {platform} exports cover only 1 September 2026 to 31 October 2026 of this period: these totals"
                " count those days only (see Data coverage).") in sentence
    assert "exports cover only" not in longer.lens_sentence("engagement")


def test_the_summary_keeps_a_platforms_formats_on_which_the_lenses_disagree(report):
    """Kopi Senja: Instagram's reel leads on reach and another format on engagement rate, both beyond chance.
    Eight sentences hold it ahead of the round's elasticities and Facebook's rate-only formats sentence."""
    findings = report.findings()
    assert len(findings) == 8
    assert findings[5].key == "finding.formats_disagree" and findings[5].text.startswith(
        "On Instagram, the lenses disagree on formats: the reel format has the highest median reach")
    elasticities = [f.text for f in findings if f.key.startswith("finding.elasticity")]
    assert len(elasticities) == 1 and elasticities[0].startswith("On Facebook")  # the round's last is cut


def test_a_benchmark_figure_with_no_upper_bound_says_so(report):
    """A mean of rates whose interval has no upper bound (+inf) reads 'no upper bound' in the benchmark
    table and its sentence, not '∞%'."""
    import dataclasses

    benchmarks = report.benchmarks.copy()  # the demo has no follower counts: give one row a client figure
    mine = benchmarks.index == benchmarks.index[benchmarks["benchmark"].notna()][0]
    benchmarks.loc[mine, ["client", "client low", "client high", "reason"]] = [0.012, 0.004, np.inf, None]
    changed = dataclasses.replace(report, benchmarks=benchmarks)
    cells = " ".join(changed.benchmark_table().astype(str).to_numpy().ravel())
    assert "1.20% (0.40% to no upper bound)" in cells and "∞" not in cells
    platform = benchmarks.loc[mine, "platform"].iloc[0]
    text = changed._finding_benchmark(platform).text
    assert "to no upper bound;" in text and "∞" not in text


def test_the_median_change_needs_six_posts_reporting_the_rate_as_the_change_does(tmp_path):
    """Reach left blank on all but 3 of October's posts: the change of engagement rate by reach is n/a (3 of
    this period's posts report it), and so is its median post's change, which 3 posts against 29 cannot give."""
    source = next((DEMO_DIR / "harbour-books").glob("*.csv"))
    with open(source, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    october = [row for row in rows if row["Publish time"].startswith("10/")]
    for row in october[3:]:
        row["Reach"] = ""
    copy = tmp_path / source.name
    with open(copy, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report = build_report(client="hb", client_name="HB", exports=[str(copy)], timezone="Europe/London",
                          period_start="2026-10-01", period_end="2026-10-31")
    assert report.kpi("facebook", "engagement_rate_by_reach", "posts_covered") == 3
    row = report.lens_table("facebook", report.engagement_kpis("facebook")).set_index("metric").loc[
        report._label("facebook", "engagement_rate_by_reach")]
    assert row["change"] == "n/a: reported by 3 of this period's posts (6 needed)"
    assert row["change in median post rate"] == "n/a"


def test_the_summary_opens_with_the_days_a_partly_covered_period_has():
    """Kopi Senja's exports end on 31 October: a period from 15 October to 15 November (17 + 15 = 32 days) is
    covered on 15 to 31 October, 17 days, on both platforms. The summary's first sentence says so, in either
    language, and the index of reports gets the same days; a period covered whole says nothing of it."""
    longer = build_report(**{**DEMO, "period_start": "2026-10-15", "period_end": "2026-11-15",
                             "comparison_start": None, "comparison_end": None})
    first = longer.findings()[0]
    assert first.text == (
        "This report covers 26 posts: Facebook (15) and Instagram (11)."
        " The Facebook exports cover only 15 October 2026 to 31 October 2026, 17 of the period's 32 days: the"
        " period's Facebook figures count those days only."
        " The Instagram exports cover only 15 October 2026 to 31 October 2026, 17 of the period's 32 days: the"
        " period's Instagram figures count those days only.")
    assert first.values["partial"] == {"facebook": 17, "instagram": 17}
    assert longer.index_facts() == {"posts": 26, "platform_posts": {"facebook": 15, "instagram": 11},
                                    "partial": {"facebook": {"days": 17, "period_days": 32},
                                                "instagram": {"days": 17, "period_days": 32}}}
    indonesian = build_report(**{**DEMO, "period_start": "2026-10-15", "period_end": "2026-11-15",
                                 "comparison_start": None, "comparison_end": None, "language": "id"})
    assert ("Ekspor Instagram hanya mencakup 15 Oktober 2026 hingga 31 Oktober 2026, 17 dari 32 hari periode ini:"
            " angka Instagram periode ini hanya menghitung hari-hari tersebut.") in indonesian.findings()[0].text


def test_a_period_the_exports_cover_whole_is_not_called_partly_covered(report):
    assert report.findings()[0].text == "This report covers 118 posts: Facebook (52) and Instagram (66)."
    assert report.partly_covered_period() == {} and report.index_facts() == {
        "posts": 118, "platform_posts": {"facebook": 52, "instagram": 66}}  # as the sentence counts them


def test_days_covered_in_two_runs_are_added_up(tmp_path):
    """Two exports named July and October, a period from 15 July to 10 October (17 + 31 + 30 + 10 = 88 days):
    the days their posts cover within it are two runs, and the count adds both."""
    import shutil

    source = DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_104512873300219.csv"
    for name in ("Jul-01-2026_Jul-31-2026_104512873300219.csv", "Oct-01-2026_Oct-31-2026_104512873300219.csv"):
        shutil.copy(source, tmp_path / name)
    report = build_report(client="k", client_name="Kopi Senja", exports=[str(tmp_path / "*.csv")],
                          timezone="Asia/Jakarta", period_start="2026-07-15", period_end="2026-10-10")
    runs = report.partly_covered_period()["facebook"]
    assert runs[0] == (dt.date(2026, 7, 15), dt.date(2026, 7, 31)) and runs[-1][1] == dt.date(2026, 10, 10)
    days = sum((last - first).days + 1 for first, last in runs)  # 17 in July, the rest in October
    assert report.index_facts()["partial"] == {"facebook": {"days": days, "period_days": 88}}
    assert f"{days} of the period's 88 days" in report.findings()[0].text


def _cut_off_export(folder):
    """A Business Suite post export of two posts whose download stopped in its last row's Views cell."""
    header = ('"Post ID","Page ID","Page name",Title,"Publish time",Permalink,"Post type",Date,Views,Reach,'
              'Reactions,Comments,Shares,"3-second video views"')
    rows = [(900000000000001, '"04/02/2025 08:00"', 500, 320, 10, 2, 1),
            (900000000000002, '"04/03/2025 08:00"', 210, 150, 4, 0, 0)]
    body = "\n".join(f"{post},100000000000042,Example Bakery,Post,{when},https://www.facebook.com/{post},Photos,"
                     f"Lifetime,{views},{reach},{reactions},{comments},{shares}," for post, when, views, reach,
                     reactions, comments, shares in rows)
    text = "\ufeff" + header + "\n" + body + "\n"
    path = folder / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    path.write_text(text[:text.rindex(",Lifetime,") + 12], encoding="utf-8")  # cut in the last row's Views
    return path


def test_a_download_cut_off_mid_row_stops_the_report_instead_of_reporting_its_rows(tmp_path):
    """Read, the cut file would give the last post a views count of 21 where it holds 210 and lose any post
    after it, and the report would compare periods on that: it is refused, naming the row and what to do."""
    path = _cut_off_export(tmp_path)
    with pytest.raises(ExportFormatError) as info:
        build_report(client="b", client_name="Example Bakery", exports=[str(path)], timezone="Africa/Johannesburg",
                     period_start="2025-04-01", period_end="2025-04-14")
    assert (info.value.path, info.value.row, info.value.column) == (path, 3, "Views")
    assert "download the export again" in str(info.value)


def _short_row_export(folder):
    """X's tweet activity export of two tweets whose first row keeps 20 of the header's 40 cells, the file
    ending as X ends it: a damaged file, read with a note."""
    source = FIXTURES / "x" / "tweet_activity_metrics_examplebakery_20190801_20190901_en.csv"
    header, first, second = csv.reader(source.read_text(encoding="utf-8").splitlines(keepends=True))
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows([header, first[:20], second])
    path = folder / source.name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("language, said, row, told", [
    ("en", "a complete download of the export would hold them", "(row 2 has only 20)", "Download the export again"),
    ("id", "unduhan ekspor yang utuh akan memuatnya", "(baris 2 hanya memiliki 20)", "Unduh ulang ekspor tersebut")])
def test_the_reports_import_notes_state_facts_where_the_explorer_tells_the_analyst_what_to_do(tmp_path, language,
                                                                                                said, row, told):
    """The report goes to the client unedited: a row short of cells is said in its Data coverage without the
    analyst's "download the export again", which the import's own note (explorer, inspect) keeps."""
    from helpers.i18n import Translator
    from helpers.importers import import_exports

    path = _short_row_export(tmp_path)
    tr = Translator(language)
    assert any(told in tr.message(note) for note in import_exports(path, timezone="UTC").warnings())
    report = build_report(client="bakery", client_name="Example Bakery", exports=[str(path)], timezone="UTC",
                          period_start="2019-08-01", period_end="2019-08-31", language=language)
    notes = [n for n in report.coverage_notes() if said in n]
    assert len(notes) == 1 and path.name in notes[0] and row in notes[0]
    assert not any(told in note for note in report.coverage_notes())


def test_posts_with_a_blank_interaction_count_are_out_of_the_engagement_rows_and_coverage_says_so():
    """The fixture's September: four Facebook posts, post 2 without reactions and post 3 without shares (see
    test_metrics). Interactions 13 + 9 = 22 over 2 of 4 posts; by reach 22 ÷ (400 + 300) = 3.14%, by views
    22 ÷ (600 + 420) = 2.16%; applause (10 + 5 + 6) ÷ 3 = 7.00 over the 3 posts reporting reactions."""
    import dataclasses

    from helpers.i18n import Translator

    report = build_report(client="blanks", client_name="Blanks", exports=[str(FIXTURES / "blank_interactions" / "*.csv")],
                          timezone="Europe/London", period_start="2026-09-01", period_end="2026-09-30")
    table = report.lens_table("facebook", report.engagement_kpis("facebook")).set_index("metric")
    assert table.loc["interactions", ["this period", "posts covered"]].tolist() == ["22", "2 / 4"]
    assert table.loc["engagement rate by reach", ["this period", "posts covered"]].tolist() == ["3.14%", "2 / 4"]
    assert table.loc["engagement rate by impressions (views)", "this period"] == "2.16%"
    assert table.loc["applause rate (reactions per post)", ["this period", "posts covered"]].tolist() == ["7.00", "3 / 4"]
    assert ("Facebook: 2 of the period's 4 posts leave blank an interaction count the exports report for other posts"
            " (reactions, shares); a blank is not 0, so their interactions are not known") in " ".join(report.coverage_notes())
    indonesian = dataclasses.replace(report, tr=Translator("id"))
    assert ("Facebook: 2 dari 4 unggahan periode ini mengosongkan hitungan interaksi yang dilaporkan ekspor untuk"
            " unggahan lain (reaksi, jumlah dibagikan); sel kosong bukan 0") in " ".join(indonesian.coverage_notes())


def test_exports_that_name_no_period_are_said_to_hold_posts_on_part_of_it_not_to_cover_it():
    """A YouTube Studio table names no period: the days it covers are known only from its posts (15 March and
    2 April 2025). April 2025 with the comparison March: the export's posts reach 2 April, 2 of April's 30 days;
    the days after may have had no video, so the summary says the posts fall within those days, not that the
    export covers only them, and the index that those 2 days are counted from the first to the last post, not
    that videos went out on 2 days (the period holds one)."""
    from helpers.i18n import Translator
    from helpers.index_page import report_marks
    from helpers.render import recorded_facts

    report = build_report(client="yt", client_name="Channel", exports=[str(FIXTURES / "youtube" / "videos_and_shorts.csv")],
                          timezone="UTC", period_start="2025-04-01", period_end="2025-04-30")
    assert report.findings()[0].text == (
        "This report covers 1 post: YouTube (1). The YouTube exports do not name the days they cover, and their posts"
        " fall only within 1 April 2025 to 2 April 2025, 2 of the period's 30 days: the other days may have had no"
        " posts, or the exports may not reach them.")
    facts = recorded_facts(report.index_facts())
    assert facts["partial"] == {"youtube": {"days": 2, "period_days": 30, "from_posts": True}}
    assert report_marks(facts, Translator("en")) == [
        "exports cover part of the period: YouTube, 2 of 30 days, counted from its first to its last post, as the"
        " exports do not name the days they cover"]
    assert report_marks(facts, Translator("id")) == [
        "ekspor hanya mencakup sebagian periode: YouTube, 2 dari 30 hari, dihitung dari unggahan pertama hingga"
        " terakhirnya, karena ekspor tidak menyebutkan hari-hari yang dicakupnya"]


def test_exports_of_which_only_some_name_no_period_are_named_not_all_said_to_name_none():
    """A legacy Insights export (posts 4 to 7 March 2016, no period in its name) beside a Business Suite file
    naming 1 to 14 April 2025: 4 + 14 = 18 days of the period's 3,332 (1 March 2016 to 14 April 2025). Only the
    legacy file names no days, and the summary and the index say so of it, not of every Facebook export."""
    from helpers.i18n import Translator
    from helpers.index_page import report_marks
    from helpers.render import recorded_facts

    legacy = FIXTURES / "facebook_legacy" / "Facebook Insights Data Export (Post Level) - Example Bakery - 2016-03-08.csv"
    report = build_report(client="mixed", client_name="Mixed", timezone="UTC", period_start="2016-03-01",
                          period_end="2025-04-14",
                          exports=[str(legacy), str(FIXTURES / "meta" / "Apr-01-2025_Apr-14-2025_100000000000042.csv")])
    assert report.findings()[0].text.endswith(
        " The Facebook exports cover only 4 March 2016 to 7 March 2016; 1 April 2025 to 14 April 2025, 18 of the"
        " period's 3,332 days; one of them, Facebook Insights Data Export (Post Level) - Example Bakery -"
        " 2016-03-08.csv, does not name the days it covers, which are known only from its first to its last post:"
        " days beyond may have had no posts, or that export may not reach them.")
    facts = recorded_facts(report.index_facts())
    assert facts["partial"] == {"facebook": {"days": 18, "period_days": 3332, "from_posts": "some"}}
    assert report_marks(facts, Translator("en")) == [
        "exports cover part of the period: Facebook, 18 of 3,332 days, and some of the exports do not name the days"
        " they cover"]


def test_a_broadcast_count_is_named_by_what_the_exports_count():
    """Impressions are named as the posts' impressions_kind says; posts that do not say (no kind recorded)
    count impressions, not 'impressions and views'."""
    from helpers.i18n import translator
    from helpers.report import broadcast_word
    en, id_ = translator("en"), translator("id")
    assert broadcast_word(en, "impressions", ["views", "views"]) == "views"
    assert broadcast_word(en, "impressions", ["views", "impressions"]) == "impressions and views"
    assert broadcast_word(en, "impressions", []) == "impressions"
    assert broadcast_word(id_, "impressions", []) == "impresi"
    assert broadcast_word(en, "video_views", []) == "video views"


def test_a_comparison_period_without_posts_is_said_once_and_nothing_is_understated_against_it():
    """Kopi Senja's exports cover July to October 2026; set beside May, which they do not reach, each platform's
    coverage says once that no change is given (not also that totals cover only some days of the two periods),
    and the near-download note on October's last days says the totals may be understated, not understated
    'against the comparison period (a rise too small, a fall too large)': there is no comparison."""
    report = build_report(client="kopi-senja", client_name="Kopi Senja", exports=[str(DEMO_DIR / "kopi-senja" / "*.csv")],
                          timezone="Asia/Jakarta", period_start="2026-10-01", period_end="2026-10-31",
                          comparison_start="2026-05-01", comparison_end="2026-05-31")
    notes = report.coverage_notes()
    for platform in ("Facebook", "Instagram"):
        mine = [n for n in notes if n.startswith(f"{platform}: ")]
        assert sum("so no change is given" in n for n in mine) == 1
        assert not any("of the two periods" in n for n in mine)
        [near] = [n for n in mine if "may have had little time" in n]
        assert near.endswith("the period's totals and its rates per post (comments, shares or reactions per post) may"
                             " be understated, and its rates dividing one count by another (engagement rates,"
                             " frequency) may still move either way.")
    assert not any("against the comparison period" in n or "a rise too small" in n for n in notes)
    assert notes[1] == ("Each post's figures are what it had collected from its publication to the day its export was"
                        " downloaded: posts published shortly before the download had less time, so a period that ends"
                        " close to that day is understated.")  # not "against the one before it": May holds none


def test_the_timing_sentence_says_a_single_post_where_half_the_slots_hold_one():
    """The slots counted are those holding posts, so none holds 0: Kopi Senja's 118 posts in 74 slots, with a
    median of 1 post a slot (counted in the table the sentence comes from), read 'at least half hold a single
    post', not 'half hold 1 or fewer'."""
    report = build_report(**DEMO)
    table = report.day_hour
    assert len(table) == 74 and table["posts"].sum() == 118 and table["posts"].median() == 1
    sentence = report.timing_sentence()
    assert "at least half hold a single post" in sentence and "or fewer" not in sentence


def test_the_timing_sentence_writes_no_half_post_where_the_median_falls_between_two_counts(report):
    """Two slots of 3 and 4 posts have a median of 3.5 posts; half the slots hold 3 or fewer, so the sentence says
    that, never '3.5 posts' (nor 'separuh slot berisi 3,5 unggahan'). Slots of 1 and 2 posts (median 1.5): at least
    half hold a single post."""
    table = report.day_hour[report.day_hour["platform"] == "facebook"].head(2).assign(posts=[3, 4])
    sentence = dataclasses.replace(report, day_hour=table).timing_sentence()
    assert "The 7 posts with a known publish time went out in 2 weekday-and-hour slots; the busiest holds 4 posts" \
           " and half hold 3 or fewer." in sentence and "3.5" not in sentence
    indonesian = dataclasses.replace(report, day_hour=table, tr=Translator("id")).timing_sentence()
    assert "separuh slot berisi 3 unggahan atau kurang" in indonesian and "3,5" not in indonesian
    single = dataclasses.replace(report, day_hour=table.assign(posts=[1, 2])).timing_sentence()
    assert "the busiest holds 2 posts and at least half hold a single post" in single


def test_a_period_of_one_day_leaves_the_heat_map_out_with_a_sentence():
    """Kopi Senja's 11 August 2026 holds 6 posts in 6 weekday-and-hour slots (Facebook at 7, 17, 19 and 20,
    Instagram at 17 and 18): a cell is coloured from posts on 3 days, which one day cannot hold, so the map would
    be an empty grid. It is left out, with a sentence saying why in place of the timing tests' (which would speak
    of posts 'on the map')."""
    one_day = build_report(**(DEMO | dict(period_start="2026-08-11", period_end="2026-08-11",
                                          comparison_start=None, comparison_end=None)))
    assert len(one_day.day_hour) == 6 and one_day.day_hour["posts"].sum() == 6
    assert ("day_hour",) not in one_day.figure_plan()
    assert one_day.figure_note("day_hour") == (
        "The 6 posts with a known publish time went out in 6 weekday-and-hour slots over a period of 1 day: a slot"
        " is judged from posts on 3 or more days, as posts of one day share that day's audience, so no heat map is"
        " drawn and these posts cannot tell whether timing matters.")
    assert one_day.timing_test_sentences() == []
    indonesian = dataclasses.replace(one_day, tr=Translator("id"))
    assert indonesian.figure_note("day_hour").startswith(
        "6 unggahan dengan jam publikasi yang diketahui tersebar di 6 slot hari dan jam dalam periode 1 hari:")


def test_the_heat_map_of_one_platform_is_not_called_heat_maps_one_per_platform(report):
    """With Facebook's slots alone, the alt text speaks of one heat map."""
    table = report.day_hour[report.day_hour["platform"] == "facebook"]
    _, alt = dataclasses.replace(report, day_hour=table).figure_day_hour()
    assert alt.startswith("A heat map of median engagement rate by reach per weekday and hour, each cell labelled"
                          " with its number of posts.") and "one per platform" not in alt
    _, indonesian = dataclasses.replace(report, day_hour=table, tr=Translator("id")).figure_day_hour()
    assert indonesian.startswith("Peta panas median tingkat interaksi terhadap jangkauan per hari dan jam;")
    assert report.figure_day_hour()[1].startswith("Heat maps, one per platform,")


def test_a_run_of_one_day_is_written_as_that_day():
    """'19 January 2017', not '19 January 2017 to 19 January 2017', among the runs of days a note lists."""
    report = build_report(**DEMO)
    one, first, last = dt.date(2017, 1, 19), dt.date(2017, 2, 1), dt.date(2017, 2, 3)
    assert report._spans_text([(one, one), (first, last)]) == (
        "19 Januari 2017; 1 Februari 2017 hingga 3 Februari 2017" if report.tr.language == "id" else
        "19 January 2017; 1 February 2017 to 3 February 2017")


def test_figures_count_the_posts_they_draw_as_the_tables_do_and_say_why_others_are_not_drawn(report):
    """The demo's 118 posts all report reach and interactions. With 0 interactions on three Facebook posts, the
    scatter's alt text no longer counts its 115 dots as the report's posts: 115 of the 118, the other 3 having
    no place on a log scale (as its title says). With interactions not reported for two of Instagram's 24
    photos, the format boxes name 24 photos, as the format table counts them (posts reporting reach), and say
    that 2 are under the broadcast lens only; before, the axis read "photo (22)" beside a table of 24."""
    import dataclasses

    import matplotlib.pyplot as plt

    from helpers.report import analyse

    fig, alt = report.figure_reach_vs_interactions()
    assert "both on log scales, 118 posts." in alt
    assert fig.legends[0].get_title().get_text() == "platform (posts drawn)"
    plt.close(fig)
    posts = report.posts.copy()
    facebook = posts.index[posts["platform"] == "facebook"][:3]
    posts.loc[facebook, ["reactions", "comments", "shares"]] = 0  # Facebook's export gives no saves
    photos = posts.index[(posts["platform"] == "instagram") & (posts["format"] == "photo")][:2]
    posts.loc[photos, ["reactions", "comments", "shares", "saves"]] = pd.NA
    posts = compare.with_broadcast(metrics.post_metrics(posts))
    changed = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    fig, alt = changed.figure_reach_vs_interactions()  # the two photos report no interactions: 116 report both
    assert alt.startswith("Scatter plot of reach against interactions per post, both on log scales: 113 of the 116"
                          " posts reporting both are drawn, the other 3 having 0 interactions or 0 reach, which has no"
                          " place on a log scale.")
    assert "(3 of 116 posts are not drawn" in fig._suptitle.get_text().replace("\n", " ")  # the title's count
    plt.close(fig)
    table = changed.format_table("instagram").set_index("format")
    assert table.loc["photo", "posts"] == "24"
    fig, alt = changed.figure_formats("instagram")
    assert "photo (24)" in [t.get_text() for t in fig.axes[0].get_yticklabels()]
    note = ("Under the broadcast lens only, reporting no interactions (so no engagement rate by reach): photo,"
            " 2 posts.")
    assert fig._supxlabel.get_text().replace("\n", " ") == note and note in alt
    plt.close(fig)


def _without_interactions(report):
    """The report recomputed with no reaction, comment, share or save in either period (a YouTube Studio
    export's posts): no interactions, so no engagement rate and no ranking by interactions."""
    import dataclasses

    from helpers.report import analyse

    parts = list(metrics.INTERACTION_COMPONENTS)
    blank = {c: lambda frame: pd.array([pd.NA] * len(frame), dtype="Int64") for c in parts}
    posts, previous = (compare.with_broadcast(metrics.post_metrics(frame.assign(**blank)))
                       for frame in (report.posts, report.previous))
    return dataclasses.replace(report, posts=posts, previous=previous,
                               **analyse(posts, previous, 10, "all industries"))


def test_definitions_hold_only_the_metrics_the_tables_show(report):
    """Watch time reported in the comparison period only (the demo's Facebook videos, blanked in this period):
    the attention section says only the comparison period's posts report it and shows no table, so Definitions does not define watch
    time or minutes per 1,000 reached, and names them among the metrics not in the report."""
    assert {"watch_time_hours", "minutes_per_1000_reached"} <= set(report.defined_metrics())
    before_only = _without(report, ["watch_time_seconds", "watch_time_hours"])
    row = before_only.kpis[(before_only.kpis["platform"] == "facebook")
                           & (before_only.kpis["kpi"] == "watch_time_hours")].iloc[0]
    assert pd.isna(row["value"]) and row["value_previous"] > 0  # reported before, not now
    assert not before_only.has_attention()
    assert before_only.attention_sentence() == (  # the comparison period's 10 videos with watch time, named
        "None of this period's posts has watch time in the exports, so attention cannot be measured for this period;"
        " the exports report it only for 10 posts of the previous period, on Facebook.")
    defined = before_only.defined_metrics()
    assert "watch_time_hours" not in defined and "minutes_per_1000_reached" not in defined
    assert "watch time (hours)" not in set(before_only.definitions()["metric"])
    assert before_only.definitions_note().endswith(
        "cost per engagement, watch time (hours), average view duration (seconds) and minutes invested per 1,000"
        " reached.")


def test_the_metrics_tables_corner_names_its_column_and_its_marks_are_read_as_words(report):
    """The corner header was empty (<th scope="col"></th>): it names the metrics' column, "metric" ("metrik"), in
    the one header row. A screen reader says "✓" as "check mark", or nothing, and "—" as nothing: each cell holds
    its word, "carried" or "not carried" ("tersedia", "tidak tersedia"), hidden from sight, the mark hidden from
    screen readers, so that what is seen stays as it was."""
    from bs4 import BeautifulSoup

    from helpers import display

    def read(language):
        changed = dataclasses.replace(report, tr=Translator(language))
        html = display.table(changed.metrics_table(), caption="c", spoken=changed.metrics_marks()).data
        soup = BeautifulSoup(html, "html.parser")
        (header,) = soup.thead("tr")
        saves = soup.tbody("tr")[5]
        cells = saves("td")
        seen = [cell.get_text() for cell in BeautifulSoup(re.sub(
            rf'<span style="{re.escape(display.SCREEN_READER_ONLY)}">[^<]*</span>', "", html), "html.parser")
            .tbody("tr")[5]("td")]
        for hidden in saves.select('[aria-hidden="true"]'):
            hidden.decompose()
        return [th.get_text() for th in header("th")], saves.th.get_text(), [c.get_text() for c in cells], seen

    assert read("en") == (["metric", "Facebook", "Instagram"], "saves", ["not carried", "carried"], ["—", "✓"])
    assert read("id") == (["metrik", "Facebook", "Instagram"], "jumlah disimpan", ["tidak tersedia", "tersedia"],
                          ["—", "✓"])


def test_a_metric_no_export_reports_has_no_row_in_the_metrics_table_and_one_sentence(report):
    """The demo's exports report no video views, followers or spend; Facebook's watch time is blanked here too.
    Those get no row of — in the metrics table; one note names them, in the table's order, and says they are
    not 0. Saves and clicks, reported on one platform of two, keep their rows with — for the other."""
    blanked = _without(report, ["watch_time_seconds", "watch_time_hours"])
    table = blanked.metrics_table()
    assert list(table.index) == ["reach", "impressions (or views)", "reactions", "comments", "shares", "saves",
                                 "clicks"]
    assert (table.loc["saves", "Facebook"], table.loc["clicks", "Instagram"]) == ("—", "—")
    assert blanked.unreported_metrics() == ["video_views", "watch_time_seconds", "followers", "spend"]
    assert blanked.coverage_notes()[2] == (
        "No export reports video views, watch time, followers or spend for this period's posts, so the metrics table"
        " above has no row for them: not reported, which is not 0.")
    assert "watch time" in report.metrics_table().index  # Facebook's videos report it
    indonesian = dataclasses.replace(blanked, tr=Translator("id"))
    assert indonesian.coverage_notes()[2].startswith(
        "Tidak ada ekspor yang melaporkan tayangan video, waktu tonton, pengikut, atau biaya untuk unggahan periode ini")


def test_the_glossary_leaves_out_the_ranking_words_when_no_export_reports_interactions(report):
    """No interactions (YouTube Studio's exports): the agreement table has no row, so no ρ, τ, top-N overlap or
    elasticity is explained; the report shows no engagement rate, so Σ is explained without one."""
    silent = _without_interactions(report)
    assert silent.agreement_table().empty
    terms = silent.glossary_terms()
    assert not {"spearman", "kendall", "overlap", "elasticity"} & set(terms)
    assert "sum" in terms  # the lens note's "Σ numerator ÷ Σ denominator" (frequency: impressions ÷ reach)
    meanings = dict(zip(*silent.glossary().T.values))
    assert meanings["Σ (sum)"] == (
        "Added up over the posts: a rate written Σ numerator ÷ Σ denominator is all the posts' numerators divided by"
        " all their denominators, so the posts with the largest denominators weigh more in it than in the mean of"
        " the posts' own rates.")
    assert "interaksi" not in dict(zip(*dataclasses.replace(silent, tr=Translator("id")).glossary().T.values))[
        "Σ (jumlah)"]


def test_where_no_ranking_can_be_compared_the_section_says_why_once(report):
    """No interactions on either platform: the section's opening says for each that the exports report none,
    and the scatter, the quadrant and the rank shifts it cannot draw add no sentence saying it again."""
    silent = _without_interactions(report)
    assert silent.agreement_sentence() == (
        "On Facebook, the exports report no interactions (no reactions, comments, shares or saves), so the rankings"
        " cannot be compared here. On Instagram, the exports report no interactions (no reactions, comments, shares"
        " or saves), so the rankings cannot be compared here.")
    assert silent.figure_note("reach_vs_interactions") == "" and silent.figure_note("quadrant") == ""
    assert silent.figure_note("rank_shift", "facebook") == silent.figure_note("rank_shift", "instagram") == ""
    assert silent.figure_plan() == [key for key in silent.figure_plan() if key[0] not in (
        "reach_vs_interactions", "quadrant", "rank_shift")]  # none of them drawn
    assert str(silent.figure_html("quadrant").data) == ""
    # one platform's rankings compared, the other's not: that one's missing chart still says why
    posts = report.posts.copy()
    instagram = posts["platform"] == "instagram"
    for part in metrics.INTERACTION_COMPONENTS:
        posts[part] = posts[part].astype("Int64").mask(instagram)
    posts = compare.with_broadcast(metrics.post_metrics(posts))
    from helpers.report import analyse

    half = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert half.rankings_compared("facebook") and not half.rankings_compared("instagram")
    assert half.figure_note("rank_shift", "instagram") == (
        "Instagram: no rank-shift chart, since the two rankings cannot be compared (see above).")


def test_the_posts_on_top_under_one_lens_leave_out_a_column_no_row_fills(report):
    """The UCI dataset's posts have no text, X's exports give no format: the table of posts on top under one
    lens only has no such empty column, and its opening sentence promises their text only where it is given."""
    columns = ["on top by", "published", "format", "reach", "interactions", "rank by reach", "rank by interactions",
               "engagement rate by reach", "text"]
    assert list(report.divergent_posts("facebook").columns) == columns
    assert report.divergent_intro("facebook") == ("The posts on top under one lens only, with their text, so you can"
                                                  " see what each lens rewards.")
    blank = pd.Series(pd.NA, index=report.posts.index, dtype="string")
    bare = dataclasses.replace(report, posts=report.posts.assign(text=blank.mask(report.posts["text"].isna(), "  ")))
    # texts of blanks only ("  ") are none either
    assert list(bare.divergent_posts("facebook").columns) == [c for c in columns if c != "text"]
    assert bare.divergent_intro("facebook") == ("The posts on top under one lens only, so you can see what each lens"
                                                " rewards (the exports give none of them a text).")
    assert dataclasses.replace(bare, tr=Translator("id")).divergent_intro("facebook") == (
        "Unggahan yang unggul hanya menurut satu lensa, sehingga Anda dapat melihat apa yang dihargai oleh"
        " masing-masing lensa (ekspor tidak memuat teks untuk unggahan ini).")
    formatless = dataclasses.replace(report, posts=report.posts.assign(format=blank))
    assert list(formatless.divergent_posts("facebook").columns) == [c for c in columns if c != "format"]
    # one listed post with a format keeps the column, blank on the others
    listed = report.overlaps["facebook"]["top_a_only"][0]
    one = dataclasses.replace(report, posts=report.posts.assign(format=blank.mask(blank.index == listed, "reel")))
    table = one.divergent_posts("facebook")
    assert list(table["format"]) == ["reel"] + [""] * (len(table) - 1)


def test_the_posts_on_top_under_one_lens_are_named_by_their_text_else_by_their_date_and_rank(report):
    """A screen reader names each cell of the table by its row's header: the post's text, the last column; where
    no post listed gives a text (the UCI dataset's), the column is left out, and the last one, a rate ("0.44%"),
    named the rows: the date and the rank by reach name them instead. A post without text among posts with some
    says "(no text)" where its empty cell named its row with nothing (Oigetit's Facebook post of 2 April 2025)."""
    from bs4 import BeautifulSoup

    from helpers import display

    def row_headers(table, labels):
        html = display.table(table, index=False, row_labels=labels).data
        rows = BeautifulSoup(html, "html.parser").tbody("tr")
        return [[cell.get_text() for cell in row.find_all("th")] for row in rows]

    assert report.divergent_labels("facebook") == (8,)
    blank = pd.Series(pd.NA, index=report.posts.index, dtype="string")
    bare = dataclasses.replace(report, posts=report.posts.assign(text=blank))
    assert bare.divergent_labels("facebook") == (1, 5)  # published, rank by reach
    assert row_headers(bare.divergent_posts("facebook"), bare.divergent_labels("facebook"))[:2] == [
        ["13 Sept 2026", "4"], ["13 Sept 2026", "5"]]  # two posts of one day, told apart by their rank
    # the first post listed (Meet the farmers behind our Toraja beans.) without text, the others with theirs
    first = report.overlaps["facebook"]["top_a_only"][0]
    one = dataclasses.replace(report, posts=report.posts.assign(text=report.posts["text"].mask(
        report.posts.index == first, "")))
    table = one.divergent_posts("facebook")
    assert list(table["text"][:2]) == ["(no text)", "Tebak rasa: kami beri petunjuk, kamu jawab di komentar!"]
    assert row_headers(table, one.divergent_labels("facebook"))[0] == ["(no text)"]
    html = display.table(table, index=False, row_labels=one.divergent_labels("facebook")).data
    assert '<th scope="row" class="text prose row-label">(no text)</th>' in html  # still a column of words
    indonesian = dataclasses.replace(one, tr=Translator("id")).divergent_posts("facebook")
    assert indonesian["teks"][0] == "(tanpa teks)"


def test_an_estimate_and_its_interval_share_one_precision(report):
    """+0.03 pp between -0.0001 and 0.05 holds 0: all three with two decimals, the lower end reading 0.00 (it
    touches 0, within chance, as the sentence says). An interval leaving 0 out keeps its end nearest 0 from
    reading 0 with the decimals that end needs; the estimate and the other end keep two, the digits they need."""
    from helpers.report import estimate_cell, shared_estimates

    tr = report.tr
    assert shared_estimates(tr, 0.03, -0.0001, 0.05) == ("0.03", "0.00", "0.05")
    assert report._points_text(0.0003, -0.000001, 0.0005) == "+0.03 pp (95% CI 0.00 to 0.05)"
    # 0.046 pp, 0.004 to 0.078: the lower end needs three decimals to show it is above 0, the others two
    assert report._points_text(0.00046, 0.00004, 0.00078) == "+0.05 pp (95% CI 0.004 to 0.08)"
    assert report._points_text(-0.0559, -0.0902, -0.0208) == "-5.59 pp (95% CI -9.02 to -2.08)"
    assert report._points_text(0.0003, None, None) == "+0.03 pp"  # no interval: the estimate alone
    assert estimate_cell(tr, 0.2, 0.004, 0.4) == "0.20 (0.004 to 0.40)"
    assert estimate_cell(tr, 0.05, -0.0001, 0.3) == "0.05 (0.00 to 0.30)"
    assert estimate_cell(tr, 2.07, 1.2, np.inf) == "2.07 (1.20 to no upper bound)"
    assert estimate_cell(Translator("id"), 0.2, 0.004, 0.4) == "0,20 (0,004 hingga 0,40)"


def test_relative_changes_share_one_precision_across_a_platforms_tables(report):
    """The demo's Instagram changes all lie below 100%: one decimal each (summed reach -18.5%: its relative
    change is -0.18468). A conversation rate of -2% (95% CI -85% to 391%) makes every relative change of its tables,
    and the summary's, whole percents: -18%, -12% (95% CI -44% to 37%), not -11.8% beside -2%."""
    narrow = {"amplification_rate": (-0.5, -2.0, 1.6, -0.118, -0.443, 0.37)}
    wide = {**narrow, "conversation_rate": (-0.004, -0.16, 0.74, -0.02, -0.85, 3.91)}
    kpis = report.kpis
    try:
        report.kpis = _with_changes(report, "instagram", narrow)
        assert report.relative_digits("instagram") == 1
        table = report.lens_table("instagram", report.engagement_kpis("instagram")).set_index("metric")["change"]
        assert table["amplification rate (shares per post)"] == "-11.8% (95% CI -44.3% to 37.0%)"
        assert "summed reach fell 18.5% against" in report._finding_change("instagram").text
        report.kpis = _with_changes(report, "instagram", wide)
        assert report.relative_digits("instagram") == 0
        table = report.lens_table("instagram", report.engagement_kpis("instagram")).set_index("metric")["change"]
        assert table["conversation rate (comments per post)"] == "-2% (95% CI -85% to 391%)"
        assert table["amplification rate (shares per post)"] == "-12% (95% CI -44% to 37%)"
        assert table["interactions"] == "-31%"  # -0.307
        broadcast = report.lens_table("instagram", report.broadcast_kpis("instagram")).set_index("metric")["change"]
        assert broadcast["summed reach (not unique people)"] == "-18%"
        assert "summed reach fell 18% against" in report._finding_change("instagram").text
        # a fall to 0 (-100%: this period's rate 0 in many resamples) and no upper bound: worded, and left out of
        # the choice of decimals, so the others keep theirs
        report.kpis = _with_changes(report, "instagram", {
            **narrow, "conversation_rate": (-0.004, -0.16, np.inf, -0.24, -1.0, np.inf)})
        assert report.relative_digits("instagram") == 1
        row = report.kpis[(report.kpis["platform"] == "instagram") & (report.kpis["kpi"] == "conversation_rate")].iloc[0]
        assert report._fmt_change("conversation_rate", row) == (
            "-24.0% (95% CI from -100%, a fall to 0, to no upper bound)")
        indonesian = dataclasses.replace(report, tr=Translator("id"))
        assert indonesian._fmt_change("conversation_rate", row) == (
            "-24,0% (IK 95% dari -100%, yaitu turun menjadi 0, hingga tanpa batas atas)")
    finally:
        report.kpis = kpis


X_CONTENT_HEADER = ("Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,"
                    "Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks")


def _x_report(folder, posts, language="en"):
    """A report of February 2025 against January from an X content export of `posts`, (day, impressions,
    likes) each, January's days first: '' impressions is a blank cell; likes are the only interactions. Each
    id holds noon (UTC) of its day, as X's ids hold the moment a post was created."""
    lines = [X_CONTENT_HEADER]
    for i, (day, impressions, likes) in enumerate(posts):
        noon = pd.Timestamp(day, tz="UTC") + pd.Timedelta(hours=12)
        post_id = ((noon.value // 1_000_000 - 1288834974657) << 22) + i
        date = pd.Timestamp(day).strftime('"%a, %b %-d, %Y"')
        lines.append(f"{post_id},{date},post {i},https://x.com/shop/status/{post_id},{impressions},{likes},{likes},"
                     "0,0,0,0,0,0,0,0,0,0")
    (folder / "account_analytics_content_2025-01-01_2025-02-28.csv").write_text("\n".join(lines) + "\n")
    return build_report(client="shop", client_name="Shop", exports=[str(folder / "*.csv")], timezone="UTC",
                        period_start="2025-02-01", period_end="2025-02-28", comparison_start="2025-01-01",
                        comparison_end="2025-01-31", language=language)


def _findings(report) -> dict:
    return {finding.key: finding.text for finding in report.findings()}


def test_a_total_over_part_of_the_posts_says_how_many_it_counts(tmp_path):
    """12 February posts, 3 of them reporting impressions (100 + 200 + 300 = 600), each with 5 likes (60
    interactions): the sentence quoting the 600 says it counts 3 of the 12 posts, not that the 12 drew 600
    (the other 9 posts' impressions are unknown, not 0). Too few report them for a change (6 needed)."""
    january = [(f"2025-01-{d:02d}", 100, 5) for d in range(1, 13)]
    february = [(f"2025-02-{d:02d}", [100, 200, 300][d - 1] if d <= 3 else "", 5) for d in range(1, 13)]
    for language, expected in (
            ("en", "On X, the period's 12 posts drew 600 impressions (counted over only 3 of the 12 posts: the"
                   " others do not report it) and 60 interactions; no change against the previous period is"
                   " given (Data coverage says why)."),
            ("id", "Di X, 12 unggahan periode ini memperoleh 600 impresi (dihitung hanya atas 3 dari 12 unggahan:"
                   " unggahan lainnya tidak melaporkannya) dan 60 interaksi; perubahan terhadap periode sebelumnya"
                   " tidak diberikan (alasannya ada di Cakupan data).")):
        report = _x_report(tmp_path, january + february, language)
        assert _findings(report)["finding.period"] == expected
    every = _x_report(tmp_path, january + [(day, 100, 5) for day, _, _ in february[:4]])  # 4 posts, all reporting
    assert "the period's 4 posts drew 400 impressions and 20 interactions;" in _findings(every)["finding.period"]


def test_every_sentence_quoting_a_total_says_over_how_many_posts_it_is_counted(tmp_path):
    """January: 12 X posts of 100 impressions and 5 likes (1,200 impressions, 60 interactions, 5.00%).
    February: 12 posts, the first 2 with blank impressions, the next 3 with blank likes, the other 7 with 200
    impressions and 5 likes. Impressions 10 × 200 = 2,000 over 10 of 12 posts (+66.7% on 1,200 over 12);
    interactions 9 × 5 = 45 over 9 of 12; the rate 7 × 5 ÷ (7 × 200) = 2.50% over the 7 posts with both. A
    blank is unknown, not 0: neither total is the 12 posts', and each sentence says so, as the tables do."""
    january = [(f"2025-01-{d:02d}", 100, 5) for d in range(1, 13)]
    february = [(f"2025-02-{d:02d}", "" if d <= 2 else 200, "" if 3 <= d <= 5 else 5) for d in range(1, 13)]
    report = _x_report(tmp_path, january + february)
    table = report.lens_table("x", report.engagement_kpis("x")).set_index("metric")
    assert table.loc["interactions", ["this period", "posts covered"]].tolist() == ["45", "9 / 12 (before: 12 / 12)"]
    assert report._finding_change("x").text.startswith(
        "On X, impressions rose 66.7% against the previous period, with 10 of 12 posts reporting impressions"
        " against 12, and engagement rate by impressions (Σ interactions ÷ Σ impressions) went from 5.00% to"
        " 2.50%")
    assert report.lens_sentence("engagement").startswith(
        "On X, the posts drew 45 interactions (counted over only 9 of the 12 posts: the others do not report"
        " it), an engagement rate by impressions of 2.50% over 7 of 12 posts (Σ interactions ÷ Σ impressions;")
    assert report.lens_sentence("broadcast").startswith(
        "On X, the exports report no reach: 10 of 12 posts counted 2,000 impressions")
    indonesian = _x_report(tmp_path, january + february, "id")
    assert ("Di X, impresi naik 66,7% dibandingkan periode sebelumnya, dengan 10 dari 12 unggahan yang melaporkan"
            " impresi dibandingkan 12, dan") in indonesian._finding_change("x").text
    assert indonesian.lens_sentence("engagement").startswith(
        "Di X, unggahan memperoleh 45 interaksi (dihitung hanya atas 9 dari 12 unggahan: unggahan lainnya tidak"
        " melaporkannya), dengan tingkat interaksi terhadap impresi sebesar 2,50% atas 7 dari 12 unggahan")
    # every post reporting both, in both months: the figures alone, the posts the same in number
    every = _x_report(tmp_path, january + [(day, 200, 5) for day, _, _ in february])
    assert every._finding_change("x").text.startswith(
        "On X, impressions rose 100% against the previous period, and engagement rate by impressions")
    assert every.lens_sentence("engagement").startswith("On X, the posts drew 60 interactions, an engagement rate")


def test_posts_all_alike_give_no_interval_and_an_unchanged_total_reads_unchanged(tmp_path):
    """12 posts in each month, each with 100 impressions and 7 likes: the rate is 7% on every post, then and
    now. Resampling posts alike gives 7% every time, so no change of it has an interval (an interval of zero
    width would read as certainty), nor has the median against Buffer's 2.31%, and the sentences say why;
    1,200 impressions in both months is no rise of 0.0%. All posts at 0 likes: the same for a rate of 0."""
    posts = [(f"2025-{m:02d}-{d:02d}", 100, 7) for m in (1, 2) for d in range(1, 13)]
    report = _x_report(tmp_path, posts)
    findings = _findings(report)
    assert findings["finding.change_same"] == (
        "On X, impressions stayed unchanged against the previous period, and engagement rate by impressions"
        " (Σ interactions ÷ Σ impressions) went from 7.00% to 7.00%, a change of 0.00 pp (no 95% interval: within"
        " each period every post had the same rate, so resampling the posts gives the same figure every time);"
        " the median post's rate changed by 0.00 pp (no 95% interval, for the same reason).")
    assert findings["finding.benchmark"].startswith(
        "On X, your median engagement rate by impressions was 7.00% (your posts of 2025), against 2.31% in Buffer"
        " 2025 (its data of 2024); the 12 posts it is computed from all had this same rate, so no 95% interval"
        " can be given")
    assert "lies above" not in findings["finding.benchmark"]
    table = report.benchmark_table()
    assert table.loc[table["benchmark"] == "2.31%", "verdict"].tolist() == [
        "no verdict: every post has the same rate, so no 95% interval"]
    rows = report.lens_table("x", report.engagement_kpis("x")).set_index("metric")["change"]
    assert rows["engagement rate by impressions"] == "0.00 pp"
    assert rows["applause rate (reactions per post)"] == "0.0%"  # 7 likes a post, then and now: no interval
    indonesian = _findings(_x_report(tmp_path, posts, "id"))["finding.change_same"]
    assert indonesian.startswith("Di X, impresi tidak berubah dibandingkan periode sebelumnya, dan")
    assert "(tanpa IK 95%, dengan alasan yang sama)" in indonesian
    silent = _findings(_x_report(tmp_path, [(day, impressions, 0) for day, impressions, _ in posts]))
    assert "the 12 posts it is computed from all had this same rate" in silent["finding.benchmark"]
    assert "0.000% (95% CI" not in silent["finding.benchmark"]


def test_the_agreement_table_says_no_broadcast_count_is_reported_rather_than_reach(tmp_path):
    """X posts none of which reports impressions (X reports no reach): compare.broadcast_measure falls back
    to 'reach', which no post has; the table says none is reported."""
    posts = [(f"2025-{m:02d}-{d:02d}", "", 5) for m in (1, 2) for d in range(1, 13)]
    for language, word in (("en", "none reported"), ("id", "tidak ada yang dilaporkan")):
        report = _x_report(tmp_path, posts, language)
        table = report.agreement_table()
        assert table[report.tr.t("agreement.measure")].tolist() == [word]
    reported = _x_report(tmp_path, [(day, 100 + i, 5) for i, (day, _, _) in enumerate(posts)]).agreement_table()
    assert reported["ranked by"].tolist() == ["impressions"]


def test_a_rate_by_views_has_one_label_in_the_sentence_and_in_its_table_row(report):
    """The demo's Facebook posts with this period's reach blank are compared by their impressions, which
    count views (Business Suite): the change sentence and the table row holding the same rate both say
    'engagement rate by impressions (views)', its Definitions label with what the count is, as
    quality.impressions_word words the kind; so do the rows of the rates by the same count, and the count
    itself is 'views'."""
    import dataclasses

    changed = _without(report, ["reach"])
    sentence = changed._finding_change("facebook")
    table = changed.lens_table("facebook", changed.engagement_kpis("facebook")).set_index("metric")
    now = table.loc["engagement rate by impressions (views)", "this period"]
    assert "engagement rate by impressions (views) (Σ interactions ÷ Σ views) went from" in sentence.text
    assert f"to {now}, a change of" in sentence.text
    assert "engagement rate by impressions" not in table.index
    assert {"virality rate by impressions (views)", "click-through rate by impressions (views)"} <= set(table.index)
    broadcast = changed.lens_table("facebook", changed.broadcast_kpis("facebook"))["metric"].tolist()
    assert "views" in broadcast and "impressions (or views)" not in broadcast
    indonesian = dataclasses.replace(changed, tr=Translator("id"))
    rows = indonesian.lens_table("facebook", changed.engagement_kpis("facebook"))[indonesian.tr.t("kpi.metric")]
    assert "tingkat interaksi terhadap impresi (tayangan)" in rows.tolist()


def test_a_rate_by_metas_views_is_labelled_as_the_rate_by_impressions_it_is_defined_as():
    """Harbour Books' Facebook exports report views in place of impressions: its engagement rate by
    impressions is 1,589 interactions ÷ 99,116 views = 1.60%. Labelled 'engagement rate by views' it read as
    the rate by video views (TikTok's, which Definitions lists as not in the report); it is the Definitions
    row 'engagement rate by impressions', with what the count is beside it, as are the other rates by it."""
    import dataclasses

    from helpers.i18n import Translator
    from helpers.report import rate_label

    harbour = build_report(client="harbour-books", client_name="Harbour Books",
                           exports=[str(DEMO_DIR / "harbour-books" / "*.csv")], timezone="Europe/London",
                           period_start="2026-09-01", period_end="2026-10-31", top_n=8)
    assert (harbour.kpi("facebook", "interactions"), harbour.kpi("facebook", "impressions")) == (1589, 99116)
    table = harbour.lens_table("facebook", harbour.engagement_kpis("facebook")).set_index("metric")
    assert table.loc["engagement rate by impressions (views)", "this period"] == "1.60%"
    labels = [name for name in table.index if " by " in name]
    assert labels == ["engagement rate by reach", "engagement rate by impressions (views)",
                      "virality rate by impressions (views)", "click-through rate by impressions (views)"]
    defined = set(harbour.definitions()["metric"])
    assert all(label.removesuffix(" (views)") in defined for label in labels)
    assert "engagement rate by video views" in harbour.definitions_note()  # not in the report, and no row says so
    indonesian = dataclasses.replace(harbour, tr=Translator("id"))
    rows = indonesian.lens_table("facebook", harbour.engagement_kpis("facebook"))[indonesian.tr.t("kpi.metric")]
    assert "tingkat interaksi terhadap impresi (tayangan)" in rows.tolist()
    assert "tingkat interaksi terhadap impresi" in set(indonesian.definitions()[indonesian.tr.t("definitions.metric")])
    # one label for every count: impressions as they are, both kinds, thumbnails; video views have their own rate
    tr = Translator("en")
    assert [rate_label(tr, "engagement_rate_by_impressions", kinds) for kinds in
            ({"impressions"}, set(), {"impressions", "views"}, {"thumbnail_impressions"})] == [
        "engagement rate by impressions", "engagement rate by impressions",
        "engagement rate by impressions (impressions and views)",
        "engagement rate by impressions (thumbnail impressions)"]
    assert rate_label(tr, "engagement_rate_by_views", {"views"}) == "engagement rate by video views"


def test_the_timing_sentence_names_a_colour_scale_only_where_every_panel_has_one(report):
    """A panel whose coloured cells share one median has a one-colour key instead of a colour scale
    (plots.uniform_cells), so the sentence no longer tells the reader each platform has its own scale."""
    from helpers import plots

    assert report.day_hour["platform"].nunique() == 2
    assert "its own panel and colour scale" in report.timing_sentence()
    table = report.day_hour.copy()
    table.loc[table["platform"] == "facebook", "median"] = 0.02
    one_value = dataclasses.replace(report, day_hour=table)
    assert plots.uniform_cells(table) == {"facebook": 0.02}
    sentence = one_value.timing_sentence()
    assert "each platform has its own panel: compare its slots with each other" in sentence
    assert "colour scale" not in sentence


def test_a_tiny_change_of_the_totals_is_written_with_the_digits_it_needs_as_in_its_table(report):
    """A total that rose by 0.04% read "rose 0.0%" in the summary while its table row read "+0.04%": the
    sentence now writes the change as the table does (Translator.estimate: extra digits for a number that
    would read 0)."""
    kpis = report.kpis.copy()
    platform = report.platforms[0]
    total = "summed_reach" if report.measures.get(platform, "reach") == "reach" else "impressions"
    mask = (kpis["platform"] == platform) & (kpis["kpi"] == total)
    kpis.loc[mask, "relative_change"] = 0.0004
    tiny = dataclasses.replace(report, kpis=kpis)
    text = tiny._finding_change(platform).text
    percent = "0,04%" if report.tr.language == "id" else "0.04%"
    assert percent in text and "0.0%" not in text.replace(percent, "")


def test_the_note_on_reading_the_lens_tables_gives_every_reason_a_change_has_no_interval(report):
    """A table cell shows a change without its interval for three reasons, and the note read once above the
    tables names all three: too few posts, none of what the rate counts, or every post at the same rate
    (statistics.no_spread), which the sentences already gave and the tables did not."""
    note = report.lens_note()
    if report.tr.language == "id":
        assert "kurang dari 6 unggahan" in note and "tingkatnya sama semua dalam tiap periode" in note
    else:
        assert "fewer than 6 posts in a period, on none of what it counts, or on posts that all had the same rate" in note


def test_an_elasticity_of_too_few_reach_values_says_so_not_too_few_interactions(report):
    """60 posts at three values of reach with some 430 interactions a post (compare's 'few_reach_values'):
    the report says reach takes too few values to group the posts, in both languages, where it said "too few
    interactions"."""
    fits, tr = report.elasticity, report.tr
    try:
        report.elasticity = {**fits, "facebook": {**fits["facebook"], "slope": np.nan, "ci_low": np.nan,
                                                  "ci_high": np.nan, "n": 60, "left_out_zero": 0,
                                                  "unfitted": "few_reach_values", "interactions": 26_000.0,
                                                  "bins": 0, "reach_values": 3}}
        finding = report._finding_elasticity("facebook")
        assert finding.key == "finding.elasticity_few_reach_values"
        assert finding.text == ("On Facebook, the 60 posts with reach take 3 different values of reach between them,"
                                " and posts of the same reach stay in one group: too few values, or too many posts"
                                " sharing one, to sort the posts into the 5 or more groups of similar reach, several"
                                " posts in each, that the elasticity is fitted on, so no elasticity is given.")
        assert report.elasticity_cell("facebook") == "none: 3 different values of reach over 60 posts cannot make 5 groups"
        assert report.scatter_title().endswith(". No slope b for Facebook: 3 different values of reach over 60 posts"
                                               " cannot make 5 groups")
        assert "interactions" not in report.elasticity_cell("facebook")
        report.tr = Translator("id")
        assert report._finding_elasticity("facebook").text == (
            "Di Facebook, 60 unggahan yang memiliki jangkauan mencakup 3 nilai jangkauan yang berbeda, dan unggahan"
            " dengan jangkauan yang sama tetap dalam satu kelompok: nilainya terlalu sedikit, atau terlalu banyak"
            " unggahan berbagi satu nilai, untuk membagi unggahan itu menjadi 5 kelompok atau lebih dengan jangkauan"
            " serupa, masing-masing berisi beberapa unggahan, yang menjadi dasar perhitungan elastisitas, sehingga"
            " elastisitasnya tidak diberikan.")
        assert report.elasticity_cell("facebook") == ("tidak ada: 3 nilai jangkauan yang berbeda atas 60 unggahan"
                                                      " tidak dapat membentuk 5 kelompok")
    finally:
        report.elasticity, report.tr = fits, tr


def test_all_posts_fit_in_the_top_only_when_both_tops_hold_every_post(report):
    """6 posts and a top 10, one of them with 0 interactions: the top by reach holds all 6, the top by
    interactions 5 (a post with none is in no such top), so that post is on top by reach only, and "each is on
    top under both lenses and none under one lens only" would be untrue, and "a top 6 of 6 posts holds most of
    them" reads oddly: the sentence and the rank-shift note say the top takes in every post, and that only a
    post with none of a lens's measure falls outside it. Both tops of 6: every post is on both."""
    overlaps = report.overlaps
    platform = report.platforms[0]
    name = report.tr.platform(platform)
    try:
        report.overlaps = {**overlaps, platform: {**overlaps[platform], "n": 6, "posts_compared": 6, "size_a": 6,
                                                  "size_b": 5, "overlap": 5}}
        assert not report._top_n_holds_all(platform)
        assert report.divergent_intro(platform) == (
            f"On {name}, a top 6 takes in all 6 posts compared, so the posts on top under one lens only are not"
            " listed: a post falls outside a top only when it has none of that lens's measure.")
        assert report.figure_note("rank_shift", platform) == (
            f"{name}: no rank-shift chart, since a top 6 takes in all 6 posts compared (a top N says something"
            " when it is half the posts or fewer).")
        report.overlaps = {**overlaps, platform: {**overlaps[platform], "n": 6, "posts_compared": 8, "size_a": 6,
                                                  "size_b": 6, "overlap": 5}}  # a top 6 of 8: most of them
        assert report.divergent_intro(platform) == (
            f"On {name}, a top 6 of 8 posts holds most of them, so the posts on top under one lens only are not"
            " listed: any two rankings share most of such a top.")
        report.overlaps = {**overlaps, platform: {**overlaps[platform], "n": 6, "posts_compared": 6, "size_a": 6,
                                                  "size_b": 6, "overlap": 6}}
        assert report._top_n_holds_all(platform)
        assert report.divergent_intro(platform) == (f"On {name}, all 6 posts compared fit in a top 10, so each is on"
                                                    " top under both lenses and none under one lens only.")
    finally:
        report.overlaps = overlaps


def test_answers_kept_per_report_follow_a_changed_field_and_cannot_be_changed_by_their_callers(report):
    """The report keeps answers its cells ask for hundreds of times (which platforms report watch time, what
    their impressions count, the lens tables' rows); a field given a new value, or a report made from another
    with dataclasses.replace, must not answer from the old values."""
    assert report.attention_platforms() == ("facebook",)
    assert "watch_time_hours" in report.lens_kpis("facebook")
    blind = report.posts.assign(watch_time_seconds=np.nan)
    assert dataclasses.replace(report, posts=blind).attention_platforms() == ()
    posts = report.posts
    try:
        report.posts = blind
        assert report.attention_platforms() == ()
        assert "watch_time_hours" not in report.lens_kpis("facebook")
    finally:
        report.posts = posts
    assert report.attention_platforms() == ("facebook",)
    kinds = report._impression_kinds("instagram")
    with pytest.raises(AttributeError):
        kinds.add("views")  # a frozenset: a caller cannot change what the next one is told
    assert report.ranked_by("facebook") == "reach"
    indonesian = dataclasses.replace(report, tr=Translator("id"))
    assert indonesian.ranked_by("facebook") == "jangkauan"
    # the export periods and partly covered platforms, kept from before the memo, follow a new period too
    covered, end = report.partly_covered_period(), report.period_end
    assert covered == {} and not report._partly_covered("facebook")
    try:
        report.period_end = end + pd.Timedelta(days=30)  # 30 November: past the exports' last day
        assert report._partly_covered("facebook") and set(report.partly_covered_period()) == {"facebook", "instagram"}
    finally:
        report.period_end = end
    assert report.partly_covered_period() == {} and not report._partly_covered("facebook")


def _with_medians(report, platform, medians):
    """The report's median-post changes with `medians` set: kpi -> (ci_low, ci_high) of the platform's
    median post's change, in rate units (its difference and medians as the demo has them)."""
    changes = report.rate_changes.copy()
    for name, (low, high) in medians.items():
        row = (changes["platform"] == platform) & (changes["kpi"] == name)
        changes.loc[row, ["ci_low", "ci_high"]] = (low, high)
    return changes


def test_the_count_of_changes_beyond_chance_takes_in_the_median_post_changes_the_tables_show(report):
    """Instagram's tables (the demo's, intervals cleared but for reach rate -5.59 pp beyond chance and the
    rate the period-change sentence quotes, engagement rate by reach -0.50 pp) show 4 changes with an interval:
    reach rate's and the quoted rate's in the change column, and the median post's change beside each rate
    with one (engagement rate by reach -0.52 pp, by views -0.33 pp; by video views has none). Chance alone:
    4 × 0.05 = 0.20. Whichever of the quoted rate's two changes the sentence before calls beyond chance is
    counted with the others and makes them 'other' ones; neither: no 'other'."""
    kpis, medians = report.kpis, report.rate_changes
    rate = ("engagement_rate_by_reach",)
    try:
        report.kpis = _with_changes(report, "instagram", {"reach_rate": CHANGES["reach_rate"]})
        quoted = (report.kpis["platform"] == "instagram") & (report.kpis["kpi"] == rate[0])
        within_rate, beyond_rate = (-0.0135, 0.0041), (-0.0135, -0.0005)
        within_median, beyond_median = (-0.0161, 0.0076), (-0.0161, -0.0010)
        reach_rate = "reach rate by followers -5.59 pp (95% CI -9.02 to -2.08)."
        cases = [  # summed rate's interval, median post's interval, the sentence expected
            (within_rate, within_median, "one figure in the tables below changed beyond chance against the previous"
             " period (of the 4 figures with an interval, where chance alone would give about 0.20 such changes): " + reach_rate),
            (beyond_rate, within_median, "one other figure in the tables below changed beyond chance against the"
             " previous period (2 of the 4 figures with an interval changed beyond chance, the rate above included;"
             " chance alone would give about 0.20 such changes): " + reach_rate),
            (within_rate, beyond_median, "one other figure in the tables below changed beyond chance against the"
             " previous period (2 of the 4 figures with an interval changed beyond chance, the median post's rate"
             " above included; chance alone would give about 0.20 such changes): " + reach_rate),
            (beyond_rate, beyond_median, "one other figure in the tables below changed beyond chance against the"
             " previous period (3 of the 4 figures with an interval changed beyond chance, both changes above"
             " included; chance alone would give about 0.20 such changes): " + reach_rate),
        ]
        for summed, median, expected in cases:
            report.kpis.loc[quoted, ["ci_low", "ci_high"]] = summed
            report.rate_changes = _with_medians(report, "instagram", {rate[0]: median})
            change = report._finding_change("instagram").text
            said_summed = "-0.50 pp (95% CI -1.35 to -0.05), beyond chance" in change
            said_median = "-0.52 pp (95% CI -1.61 to -0.10), beyond chance" in change
            assert (said_summed, said_median) == (summed == beyond_rate, median == beyond_median)
            assert report.changes_tested("instagram") == 4
            assert report._finding_other_changes("instagram").text == "On Instagram, " + expected
        # the quoted rate's two changes beyond chance and nothing else: no sentence of other changes
        report.kpis = _with_changes(report, "instagram", {})
        quoted = (report.kpis["platform"] == "instagram") & (report.kpis["kpi"] == rate[0])
        report.kpis.loc[quoted, ["ci_low", "ci_high"]] = beyond_rate
        assert report.changes_tested("instagram") == 3  # the quoted rate's two, the other median
        assert report._finding_other_changes("instagram") is None
    finally:
        report.kpis, report.rate_changes = kpis, medians


def test_a_median_post_change_the_sentence_before_does_not_quote_counts_as_another_figure(report):
    """The median post's engagement rate by views (-0.33 pp, its interval set to -0.60 to -0.10) is a figure of
    Instagram's engagement table beyond chance that no sentence quotes: named beside reach rate, after it
    (sure: 0.10 pp of a 2.77% median before, 0.036, against reach rate's 0.169)."""
    kpis, medians = report.kpis, report.rate_changes
    try:
        report.kpis = _with_changes(report, "instagram", {"reach_rate": CHANGES["reach_rate"]})
        report.rate_changes = _with_medians(report, "instagram",
                                            {"engagement_rate_by_impressions": (-0.0060, -0.0010)})
        changes = report.changes_beyond_chance("instagram")
        assert list(changes["kpi"]) == ["reach_rate", "engagement_rate_by_impressions"]
        assert list(changes["median"]) == [False, True]
        finding = report._finding_other_changes("instagram")
        assert finding.text == (
            "On Instagram, two figures in the tables below changed beyond chance against the previous period (of"
            " the 4 figures with an interval, where chance alone would give about 0.20 such changes): reach rate by followers -5.59 pp (95% CI"
            " -9.02 to -2.08) and the median post's engagement rate by impressions (views) -0.33 pp (95% CI -0.60 to"
            " -0.10).")
        assert finding.values["medians"] == ["engagement_rate_by_impressions"]
        # without its period-change sentence, the rate it would quote is judged with the others, median included
        table = report.kpis.copy()
        table.loc[(table["platform"] == "instagram") & (table["kpi"] == "summed_reach"), "relative_change"] = np.nan
        report.kpis = table  # set again: a report keeps its answers until a field is given anew
        report.kpis = table
        report.rate_changes = _with_medians(report, "instagram", {"engagement_rate_by_reach": (-0.0161, -0.0010)})
        assert report._finding_change("instagram") is None
        # the median post's by reach: 0.10 pp of 3.73%, sure 0.027, after by views' 0.036
        assert report._finding_other_changes("instagram").text.startswith(
            "On Instagram, 3 figures in the tables below changed beyond chance against the previous period (of the"
            " 4 figures with an interval, where chance alone would give about 0.20 such changes); the clearest two: reach rate by followers"
            " -5.59 pp (95% CI -9.02 to -2.08) and the median post's engagement rate by impressions (views) -0.33 pp"
            " (95% CI -0.60 to -0.10).")
    finally:
        report.kpis, report.rate_changes = kpis, medians


def test_the_median_post_change_above_is_counted_in_indonesian():
    """As in English: 2 of the 4 changes with an interval (reach rate and the median post's), 'lain' beside them;
    both of the quoted rate's changes beyond chance: 3 of the 4."""
    report = build_report(**{**DEMO, "language": "id"})
    report.kpis = _with_changes(report, "instagram", {"reach_rate": CHANGES["reach_rate"]})
    report.rate_changes = _with_medians(report, "instagram", {"engagement_rate_by_reach": (-0.0161, -0.0010)})
    assert report._finding_other_changes("instagram").text == (
        "Di Instagram, satu angka lain dalam tabel di bawah berubah secara bermakna dibandingkan periode sebelumnya"
        " (2 dari 4 angka yang memiliki interval berubah secara bermakna, termasuk tingkat median per unggahan di"
        " atas; secara kebetulan saja, sekitar 0,20 angka diperkirakan berubah secara bermakna): tingkat jangkauan terhadap pengikut"
        " -5,59 poin persentase (IK 95% -9,02 hingga -2,08).")
    rate = (report.kpis["platform"] == "instagram") & (report.kpis["kpi"] == "engagement_rate_by_reach")
    report.kpis.loc[rate, ["ci_low", "ci_high"]] = (-0.0135, -0.0005)
    report.kpis = report.kpis  # set again: a report keeps its answers until a field is given anew
    assert ("(3 dari 4 angka yang memiliki interval berubah secara bermakna, termasuk kedua perubahan di atas;"
            in report._finding_other_changes("instagram").text)
    report.kpis = _with_changes(report, "instagram", {})
    report.rate_changes = _with_medians(report, "instagram",
                                        {"engagement_rate_by_impressions": (-0.0060, -0.0010)})
    assert report._finding_other_changes("instagram").text.endswith(
        ": median tingkat interaksi terhadap impresi (tayangan) per unggahan -0,33 poin persentase (IK 95% -0,60 hingga -0,10).")


def test_a_youtube_channel_whose_median_post_changed_beyond_chance_counts_it_among_the_figures():
    """The real YouTube export, May to July 2025 against February to April: the median post's rate by video
    views fell -2.11 pp (95% CI -3.28 to -0.36), beyond chance, and so did average view duration. Its tables
    show 5 changes with an interval (engagement rate by video views, amplification and applause rates, average
    view duration, and the median post's change): 2 beyond chance, 0.25 by chance alone."""
    from tests.conftest import real_export

    path = real_export("youtube/areikher/Table data.csv")
    report = build_report(client="areikher-yt", client_name="Areikher", exports=[str(path)],
                          timezone="America/New_York", period_start="2025-05-01", period_end="2025-07-31", top_n=5)
    assert ("the median post's rate changed by -2.11 pp (95% CI -3.28 to -0.36), beyond chance."
            in report._finding_change("youtube").text)
    assert report._finding_other_changes("youtube").text == (
        "On YouTube, one other figure in the tables below changed beyond chance against the previous period (2 of"
        " the 5 figures with an interval changed beyond chance, the median post's rate above included; chance"
        " alone would give about 0.25 such changes): average view duration (seconds) -54% (95% CI -70% to -33%).")


def test_import_notes_say_they_concern_the_whole_files_when_posts_outside_both_periods_were_read():
    """A client reading 'rows not imported: extra rows of promoted posts' in a month with no promoted post
    wonders which posts were promoted: the import notes are about the files as read, and where those hold posts
    outside both periods (51 of Harbour Books' demo posts fall before September 2026), a sentence before the
    notes says a note may concern them. With every post of the files inside the periods, no such sentence."""
    narrow = {**DEMO, "client": "harbour-books", "client_name": "Harbour Books",
              "exports": [str(DEMO_DIR / "harbour-books" / "*.csv")], "period_start": "2026-10-01",
              "comparison_start": "2026-09-01", "comparison_end": "2026-09-30"}
    notes = build_report(**narrow).coverage_notes()
    first = next(i for i, n in enumerate(notes) if n.startswith("Import note"))
    assert notes[first - 1] == ("The import notes below are about the export files as read, which also hold 51 posts"
                                " outside both periods: a note may concern posts of other dates than this period's.")
    whole = build_report(**{**narrow, "period_start": "2026-09-01", "comparison_start": "2026-07-01",
                            "comparison_end": "2026-08-31"})
    assert whole.outside_period == 0
    assert any(n.startswith("Import note") for n in whole.coverage_notes())
    assert not any("import notes below" in n for n in whole.coverage_notes())


def test_harbour_books_rank_shift_chart_counts_its_tops_as_its_title_and_alt_text_do():
    """Harbour Books' Facebook, top 8: three posts tie at 7–9 by interactions, across the 8th place, so the
    overlap's lists are the 8 posts with the most reach and the 6 with the most interactions (those ranked 1
    to 6), and the title and alt text say "also among the 6 with the most interactions". The legend said "in
    the top 8 under both lenses", and a post ranked #7–9 was drawn at 7, above the cut-off line, yet dashed as
    out of the top. Now the legend quotes 8 and 6, the #7–9 post ends on the cut-off line (8.5), and the
    posts ending above it are the 2 the title counts in both tops, drawn solid."""
    import matplotlib.pyplot as plt

    harbour = build_report(client="harbour-books", client_name="Harbour Books",
                           exports=[str(DEMO_DIR / "harbour-books" / "*.csv")], timezone="Europe/London",
                           period_start="2026-09-01", period_end="2026-10-31", top_n=8)
    ranks = harbour.ranks[harbour.ranks["platform"] == "facebook"]
    straddling = ranks[(ranks["rank by interactions"] <= 8) & (ranks["last rank by interactions"] > 8)]
    assert len(straddling) == 3 and set(straddling["rank by interactions"]) == {7}
    assert int((ranks["last rank by interactions"] <= 8).sum()) == 6
    overlap = harbour.overlaps["facebook"]
    assert (overlap["size_a"], overlap["size_b"], overlap["overlap"]) == (8, 6, 2)
    fig, alt = harbour.figure_rank_shift("facebook")
    title = fig._suptitle.get_text().replace("\n", " ")
    said = "2 of the 8 Facebook posts with the most reach are also among the 6 with the most interactions"
    assert said in title and said in alt and "the 8 Facebook posts with the most reach on the left" in alt
    assert [t.get_text().replace("\n", " ") for t in fig.legends[0].get_texts()] == [
        "among the 8 with the most reach and the 6 with the most interactions",
        "not among the 6 with the most interactions (a post tied at the cut-off of the top 8 counts as not)"]
    ax = fig.axes[0]
    ends = [(float(line.get_ydata()[1]), line.get_linestyle()) for line in ax.get_lines() if line.get_marker() == "o"]
    assert len(ends) == 8
    assert sorted(style for end, style in ends if end < 8.5) == ["-", "-"]  # the 2 in both tops, and only they
    assert all(style == "--" for end, style in ends if end >= 8.5)
    assert (8.5, "--") in ends and "#7–9" in [t.get_text() for t in ax.texts]
    plt.close(fig)


def test_a_platform_with_posts_only_in_the_comparison_period_is_told_by_its_quiet_finding_alone(report):
    """Facebook's posts of the period left out (its exports still cover the period: a quiet platform). Its
    comparison period's posts are what its quiet finding quotes; the lens tables, the Definitions and every
    other figure read `kpis`, which holds the period's platforms alone (period_change by platform keeps the
    groups of either period: here, no Facebook rows of NaN beside last period's figures), the same as
    compared against those platforms' comparison posts only."""
    from helpers.report import analyse

    posts = report.posts[report.posts["platform"] != "facebook"]
    others = report.previous[report.previous["platform"] != "facebook"]
    quiet = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    alone = dataclasses.replace(report, posts=posts, previous=others, **analyse(posts, others, 10, "all industries"))
    assert quiet.quiet_platforms() == ["facebook"] and "facebook" in set(report.previous["platform"])
    assert set(quiet.kpis["platform"]) == set(posts["platform"]) and quiet.kpis["posts"].dtype == "int64"
    pd.testing.assert_frame_equal(quiet.kpis, alone.kpis)
    pd.testing.assert_frame_equal(quiet.organic_kpis, alone.organic_kpis)
    assert "quiet.finding" in [finding.key for finding in quiet.findings()]
    for platform in quiet.platforms:
        names = quiet.lens_kpis(platform)
        pd.testing.assert_frame_equal(quiet.lens_table(platform, names), alone.lens_table(platform, names))
    assert quiet.definitions_note() == alone.definitions_note()


def _instagram_cut_to_july_august(folder: Path, name: str) -> tuple[int, int]:
    """Kopi Senja's demo Facebook export, and its Instagram one keeping only the posts of July and August, saved
    as `name` in `folder`; (Instagram posts kept, Facebook posts of July and August), counted from the files."""
    import shutil

    facebook = DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_104512873300219.csv"
    shutil.copy(facebook, folder)
    with (DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_17841402288113456.csv").open(
            encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    kept = [r for r in rows if r["Publish time"][:3] in ("07/", "08/")]
    with (folder / name).open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(kept)
    with facebook.open(encoding="utf-8-sig", newline="") as file:
        before = sum(r["Publish time"][:3] in ("07/", "08/") for r in csv.DictReader(file))
    return len(kept), before


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_platform_whose_exports_end_before_the_period_is_said_not_compared(tmp_path, language):
    """Kopi Senja's Instagram export cut to July and August and named for those months, the period September
    and October: Instagram has posts only in the comparison period and no export covering the period, so it is
    no quiet platform. The summary says it is not compared, where its exports end, and what would compare it;
    Data coverage splits the comparison period's posts between the platforms compared and Instagram."""
    instagram, facebook = _instagram_cut_to_july_august(tmp_path, "Jul-01-2026_Aug-31-2026_17841402288113456.csv")
    assert (instagram, facebook) == (80, 66)
    report = build_report(**{**DEMO, "exports": [str(tmp_path / "*.csv")], "language": language})
    assert report.quiet_platforms() == [] and len(report.posts) == 52 and len(report.previous) == 146
    [finding] = [f for f in report.findings() if f.key == "quiet.uncovered"]
    assert finding.values == {"platform": "instagram", "posts": 80}
    assert [f.key for f in report.findings()][:2] == ["finding.coverage", "quiet.uncovered"]
    if language == "en":
        assert finding.text == (
            "Instagram is not compared: its exports end on 31 August 2026, before this period, so nothing of this "
            "period stands beside the 80 posts it had in the comparison period (1 July 2026 to 31 August 2026). "
            "Add Instagram exports covering 1 September 2026 to 31 October 2026 to compare it.")
        assert report.coverage_notes()[0] == (
            "52 posts from 1 September 2026 to 31 October 2026; the comparison period (1 July 2026 to 31 August "
            "2026) has 146 posts: 66 on Facebook, compared here, and 80 on Instagram, whose exports do not cover "
            "this period.")
    else:
        assert finding.text == (
            "Instagram tidak dibandingkan: ekspornya berakhir pada 31 Agustus 2026, sebelum periode ini, sehingga "
            "tidak ada apa pun dari periode ini yang dapat disandingkan dengan 80 unggahannya pada periode "
            "pembanding (1 Juli 2026 hingga 31 Agustus 2026). Tambahkan ekspor Instagram yang mencakup 1 September "
            "2026 hingga 31 Oktober 2026 untuk membandingkannya.")
        assert report.coverage_notes()[0] == (
            "52 unggahan dari 1 September 2026 hingga 31 Oktober 2026; periode pembanding (1 Juli 2026 hingga 31 "
            "Agustus 2026) memiliki 146 unggahan: 66 di Facebook, yang dibandingkan di sini, dan 80 di Instagram, "
            "yang ekspornya tidak mencakup periode ini.")


def test_a_platform_whose_exports_cover_the_period_stays_a_quiet_one(tmp_path):
    """The same Instagram posts of July and August in an export named for July to October: the exports cover
    the period, so Instagram is quiet in it, told by its quiet finding alone, and Data coverage gives the
    comparison period's posts as one count."""
    _instagram_cut_to_july_august(tmp_path, "Jul-01-2026_Oct-31-2026_17841402288113456.csv")
    report = build_report(**{**DEMO, "exports": [str(tmp_path / "*.csv")]})
    assert report.quiet_platforms() == ["instagram"] and report.uncovered_platforms() == {}
    assert [f.key for f in report.findings()][:2] == ["finding.coverage", "quiet.finding"]
    assert "quiet.uncovered" not in [f.key for f in report.findings()]
    assert report.coverage_notes()[0] == ("52 posts from 1 September 2026 to 31 October 2026; the comparison period "
                                          "(1 July 2026 to 31 August 2026) has 146 posts.")


@pytest.mark.parametrize("language, said", [
    ("en", "None of this period's posts has watch time in the exports, so attention cannot be measured for this"
           " period; the exports report it only for {n} posts of the previous period, on Facebook."),
    ("id", "Tidak satu pun unggahan periode ini memiliki waktu tonton dalam ekspor, jadi atensi tidak dapat"
           " diukur untuk periode ini; ekspor hanya melaporkannya untuk {n} unggahan periode sebelumnya, di Facebook.")])
def test_watch_time_of_the_comparison_period_alone_is_not_said_to_be_in_none_of_the_exports(tmp_path, language,
                                                                                           said):
    """Harbour Books' export with 'Seconds viewed' blanked for posts published from September on: this period
    (September, October) has no watch time, the comparison period (July, August) has it on its reels, so the
    Attention section says so, rather than that none of the exports reports watch time."""
    rows = list(csv.reader(io.StringIO(next((DEMO_DIR / "harbour-books").glob("*.csv")).read_text(
        encoding="utf-8-sig"), newline="")))
    header = rows[0]
    seconds, published = header.index("Seconds viewed"), header.index("Publish time")
    for row in rows[1:]:
        if len(row) > seconds and row[published][:2] in ("09", "10"):
            row[seconds] = ""
    before = sum(1 for row in rows[1:] if len(row) > seconds and row[published][:2] in ("07", "08") and row[seconds])
    assert before > 1  # the count is the file's, worked out here from its rows
    path = tmp_path / "Jul-01-2026_Oct-31-2026_100088245511032.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    blanked = build_report(**{**DEMO, "exports": [str(path)], "period_start": "2026-09-01",
                              "period_end": "2026-10-31", "comparison_start": "2026-07-01",
                              "comparison_end": "2026-08-31", "language": language})
    assert not blanked.has_attention()
    assert blanked.attention_sentence() == said.format(n=before)


def two_reports_of_one_delivery(folder: Path) -> tuple[Path, Path]:
    """One ad account's delivery of January to 20 March 2025 (in EUR), exported twice: by region (two regions
    a month) and by month alone, each month's row the sum of its regions'. No total row, so no unique reach."""
    months = (("2025-01-01", "2025-01-31"), ("2025-02-01", "2025-02-28"), ("2025-03-01", "2025-03-20"))
    regions = {"North": ((80, 100, 10.0), (150, 200, 20.0), (200, 300, 30.0)),
               "South": ((40, 50, 5.0), (50, 60, 6.0), (60, 70, 7.0))}
    tail = "2025-01-01,2025-03-20"
    lines = ["Account name,Region,Month,Reach,Impressions,Amount spent (EUR),Reporting starts,Reporting ends"]
    for region, values in regions.items():
        for (start, end), (reach, impressions, spend) in zip(months, values):
            lines.append(f"Shop,{region},{start} - {end},{reach},{impressions},{spend:.2f},{tail}")
    by_region = folder / "by_region.csv"
    by_region.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["Account name,Month,Reach,Impressions,Amount spent (EUR),Reporting starts,Reporting ends"]
    for (start, end), (reach, impressions, spend) in zip(months, ((110, 150, 15.0), (190, 260, 26.0),
                                                                  (250, 370, 37.0))):
        lines.append(f"Shop,{start} - {end},{reach},{impressions},{spend:.2f},{tail}")
    by_month = folder / "by_month.csv"
    by_month.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return by_region, by_month


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_paid_delivery_sentence_gives_the_cpms_own_operands_where_a_row_reports_spend_only(tmp_path, language):
    """January 200 impressions for €20.00, February €6.00 with its impressions blank, March 300 for €30.00: the
    sentence quotes 500 impressions for €56.00, and a CPM of 50 ÷ 500 × 1,000 = €100.00, which 56 ÷ 500 would
    not give (€112.00). It says the CPM counts 500 impressions for €50.00 and that one row reports spend only."""
    lines = ["Account name,Month,Reach,Impressions,Amount spent (EUR),Reporting starts,Reporting ends",
             "Shop,2025-01-01 - 2025-01-31,110,200,20.00,2025-01-01,2025-03-31",
             "Shop,2025-02-01 - 2025-02-28,90,,6.00,2025-01-01,2025-03-31",
             "Shop,2025-03-01 - 2025-03-31,250,300,30.00,2025-01-01,2025-03-31"]
    ads = tmp_path / "by_month.csv"
    ads.write_text("\n".join(lines) + "\n", encoding="utf-8")
    posts = str(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv")
    built = build_report(exports=[posts, str(ads)], period_start="2025-01-01", period_end="2025-03-31", client="t",
                         client_name="T", timezone="UTC", year=2025, language=language)
    [sentence] = built.paid_delivery_sentences()
    assert {"en": "500 impressions for €56.00, a CPM of €100.00.",
            "id": "500 impresi dengan biaya €56,00, CPM €100,00."}[language] in sentence
    assert sentence.endswith({
        "en": " The CPM counts only the rows reporting both impressions and spend, 500 impressions for €50.00: 1 row"
              " reports spend but no impressions.",
        "id": " CPM hanya menghitung baris yang melaporkan impresi sekaligus biaya, 500 impresi dengan biaya €50,00:"
              " 1 baris melaporkan biaya tanpa impresi."}[language])


def test_two_ads_manager_reports_of_one_delivery_are_quoted_once_and_rows_past_the_edges_are_named(tmp_path):
    """Both reports hold the delivery of 1 January to 20 March 2025: 100 + 50 + 200 + 60 + 300 + 70 = 780
    impressions for 10 + 5 + 20 + 6 + 30 + 7 = €78.00 (CPM 78 ÷ 780 × 1,000 = €100.00). Added up they would
    give 1,560 impressions for €156.00; one is quoted, the one broken down by region, and the sentence says so."""
    by_region, by_month = two_reports_of_one_delivery(tmp_path)
    posts = str(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv")
    options = dict(client="t", client_name="T", timezone="UTC", year=2025)
    both = build_report(exports=[posts, str(by_region), str(by_month)], period_start="2025-01-01",
                        period_end="2025-03-31", **options)
    assert both.paid_delivery_sentences() == [
        "Paid delivery (Ads Manager, ad account Shop, the 6 report rows within the period, covering 1 January 2025 to"
        " 20 March 2025):"
        " 780 impressions for €78.00, a CPM of €100.00. The unique accounts reached are not known for these rows (a"
        " report's total counts all of its rows, and reports do not add up), so neither cost per reached person nor"
        " frequency is given. The Ads Manager data end on 20 March 2025, before the period does: they say nothing"
        " of its last 11 days.",
        "The Ads Manager reports by_region.csv (by Region) and by_month.csv (no breakdown) describe the same delivery"
        " (the same account and days: 1 Jan to 20 Mar 2025): only by_region.csv is quoted for those days, as it is"
        " broken down furthest; adding the reports up would count that delivery twice."]
    # no currency given: USD is the default, not one set for the client; the client is not spoken of
    assert ("Paid delivery is shown in EUR, the currency of its Ads Manager data, not in USD, the currency this"
            " report uses when none is chosen: no amount is converted") in " ".join(both.coverage_notes())
    assert "not in USD, this report's currency: no amount" in " ".join(
        build_report(exports=[posts, str(by_region)], period_start="2025-01-01", period_end="2025-03-31",
                     currency="USD", **options).coverage_notes())
    # Definitions say what CPM and impressions are for the account's ad delivery, not for paid posts
    definitions = both.definitions().set_index("metric")
    assert definitions.loc["CPM", "formula"] == ("spend ÷ impressions × 1,000, over the ad account's delivery in the"
                                                 " Ads Manager rows quoted")
    assert "paid posts only" not in definitions.loc["CPM", "caveat"]
    assert definitions.loc["impressions (or views)", "formula"].startswith("times the ads were on screen")
    # the rows carry reach; only the unique reach over them is unknown, which is not 'the exports do not give it'
    note = both.definitions_note()
    assert "Left out although the Ads Manager rows quoted report reach: reach, frequency and cost per reached" in note
    assert "do not give what they need: summed reach (not unique people), reach rate by followers," in note

    # 15 January to 15 March: February's 2 rows are within it (200 + 60 = 260 impressions, 20 + 6 = €26.00);
    # January's and March's 4 rows run past its edges: 100 + 50 + 300 + 70 = 520 impressions, €52.00, left out
    part = build_report(exports=[posts, str(by_region)], period_start="2025-01-15", period_end="2025-03-15",
                        comparison_start="2024-12-01", comparison_end="2024-12-31", **options)
    assert part.paid_delivery_sentences() == [
        "Paid delivery (Ads Manager, ad account Shop, the 2 report rows within the period, covering 1 February 2025 to"
        " 28 February"
        " 2025): 260 impressions for €26.00, a CPM of €100.00. The unique accounts reached are not known for these"
        " rows (a report's total counts all of its rows, and reports do not add up), so neither cost per reached"
        " person nor frequency is given. Left out, as a row's delivery cannot be split by day: 4 report rows running"
        " past the period's start or end (Jan 2025 and 1 Mar to 20 Mar 2025), with 520 impressions and €52.00."]
    indonesian = build_report(exports=[posts, str(by_region), str(by_month)], period_start="2025-01-15",
                              period_end="2025-03-15", comparison_start="2024-12-01", comparison_end="2024-12-31",
                              language="id", **options)
    first, same = indonesian.paid_delivery_sentences()
    assert "2 baris laporan dalam periode ini, mencakup 1 Februari 2025 hingga 28 Februari 2025" in first
    assert "4 baris laporan yang melewati awal atau akhir periode" in first
    assert same.startswith("Laporan Ads Manager by_region.csv (per Region) dan by_month.csv (tanpa rincian)")


def test_a_month_only_one_ads_manager_report_holds_is_quoted_beside_the_month_both_hold(tmp_path):
    """by_region.csv holds January and February 2025, by_age.csv (downloaded later) February and 1 to 20 March:
    the same account's delivery, both holding February. February is quoted from by_age.csv, the newest (both are
    monthly with one breakdown column); January from by_region.csv and March from by_age.csv, the only reports of
    their days: 100 + 50 + 190 + 70 + 300 + 70 = 780 impressions for 10 + 5 + 19 + 7 + 30 + 7 = €78.00 (CPM
    €100.00), over 6 rows. The data start and end with the reports together: 1 January and 20 March."""
    import os

    tail = "2025-01-01,2025-03-20"
    lines = ["Account name,Region,Month,Reach,Impressions,Amount spent (EUR),Reporting starts,Reporting ends",
             f"Shop,North,2025-01-01 - 2025-01-31,80,100,10.00,{tail}", f"Shop,South,2025-01-01 - 2025-01-31,40,50,5.00,{tail}",
             f"Shop,North,2025-02-01 - 2025-02-28,150,200,20.00,{tail}", f"Shop,South,2025-02-01 - 2025-02-28,50,60,6.00,{tail}"]
    by_region = tmp_path / "by_region.csv"
    by_region.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["Account name,Age,Month,Reach,Impressions,Amount spent (EUR),Reporting starts,Reporting ends",
             f"Shop,18-24,2025-02-01 - 2025-02-28,140,190,19.00,{tail}", f"Shop,25-34,2025-02-01 - 2025-02-28,60,70,7.00,{tail}",
             f"Shop,18-24,2025-03-01 - 2025-03-20,200,300,30.00,{tail}", f"Shop,25-34,2025-03-01 - 2025-03-20,60,70,7.00,{tail}"]
    by_age = tmp_path / "by_age.csv"
    by_age.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.utime(by_region, (1_700_000_000, 1_700_000_000))
    os.utime(by_age, (1_700_100_000, 1_700_100_000))
    posts = str(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv")
    options = dict(client="t", client_name="T", timezone="UTC", year=2025, exports=[posts, str(by_region), str(by_age)])
    both = build_report(period_start="2025-01-01", period_end="2025-03-20", **options)
    assert both.paid_delivery_sentences() == [
        "Paid delivery (Ads Manager, ad account Shop, the 6 report rows within the period, covering 1 January 2025 to"
        " 20 March 2025): 780 impressions for €78.00, a CPM of €100.00. The unique accounts reached are not known for"
        " these rows (a report's total counts all of its rows, and reports do not add up), so neither cost per"
        " reached person nor frequency is given.",
        "The Ads Manager reports by_age.csv (by Age) and by_region.csv (by Region) describe the same delivery (the"
        " same account and days: Feb 2025): only by_age.csv is quoted for those days, as it was downloaded last;"
        " adding the reports up would count that delivery twice."]
    # over February and March alone, January's rows are outside: the data start before the period all the same
    spring = build_report(period_start="2025-02-01", period_end="2025-03-20", comparison_start="2024-12-01",
                          comparison_end="2024-12-31", language="id", **options)
    first, same = spring.paid_delivery_sentences()
    assert "4 baris laporan dalam periode ini, mencakup 1 Februari 2025 hingga 20 Maret 2025" in first
    assert "baru dimulai" not in first and "berakhir pada" not in first
    assert same == ("Laporan Ads Manager by_age.csv (per Age) dan by_region.csv (per Region) menggambarkan distribusi"
                    " yang sama (akun dan hari yang sama: Feb 2025): hanya by_age.csv yang dikutip untuk hari-hari"
                    " itu, karena laporan itulah yang terakhir diunduh; menjumlahkan laporan-laporan itu akan"
                    " menghitung distribusi tersebut dua kali.")


@pytest.mark.parametrize("language", ["en", "id"])
def test_ads_manager_reports_by_month_and_over_their_whole_span_are_quoted_once(tmp_path, language):
    """by_region.csv (two_reports_of_one_delivery) by month, and whole.csv by region with one row per region
    over 1 January to 20 March 2025 (North 100 + 200 + 300 = 600 impressions, €60.00; South 50 + 60 + 70 = 180,
    €18.00): the same delivery with the same breakdown. The monthly report is quoted, its rows being the
    shorter spans: 780 impressions for €78.00 over its 6 rows, not 1,560 and €156.00 over 8."""
    by_region, _ = two_reports_of_one_delivery(tmp_path)
    whole = tmp_path / "whole.csv"
    whole.write_text("Account name,Region,Impressions,Amount spent (EUR),Reporting starts,Reporting ends\n"
                     "Shop,North,600,60.00,2025-01-01,2025-03-20\nShop,South,180,18.00,2025-01-01,2025-03-20\n",
                     encoding="utf-8")
    posts = str(FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv")
    report = build_report(exports=[posts, str(by_region), str(whole)], period_start="2025-01-01",
                          period_end="2025-03-20", client="t", client_name="T", timezone="UTC", year=2025,
                          language=language)
    first, same = report.paid_delivery_sentences()
    assert {"en": "the 6 report rows within the period, covering 1 January 2025 to 20 March 2025): 780 impressions"
                  " for €78.00",
            "id": "6 baris laporan dalam periode ini, mencakup 1 Januari 2025 hingga 20 Maret 2025): 780 impresi"
                  " dengan biaya €78,00"}[language] in first
    assert same == {
        "en": "The Ads Manager reports by_region.csv (by Region, by month) and whole.csv (by Region, each row over its"
              " whole span) describe the same delivery (the same account and days: 1 Jan to 20 Mar 2025): only"
              " by_region.csv is quoted for those days, as its rows cover shorter spans of time, which fit the period"
              " (a row cannot be split by day); adding the reports up would count that delivery twice.",
        "id": "Laporan Ads Manager by_region.csv (per Region, per bulan) dan whole.csv (per Region, setiap baris"
              " mencakup seluruh rentangnya) menggambarkan distribusi yang sama (akun dan hari yang sama: 1 Jan"
              " hingga 20 Mar 2025): hanya by_region.csv yang dikutip untuk hari-hari itu, karena baris-barisnya"
              " mencakup rentang waktu yang lebih pendek, yang sesuai dengan periode ini (sebuah baris tidak dapat"
              " dibagi per hari); menjumlahkan laporan-laporan itu akan menghitung distribusi tersebut dua kali."}[language]


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_real_ads_manager_reports_split_by_month_or_by_time_breakdown_are_quoted_once(tmp_path):
    """From the real monthly report by region (figures summed from the sheet by a separate script): X, its rows
    of April to August 2023; Y, those of August 2023 to March 2024 with the breakdown column renamed Age. Over
    July to October 2023 they share August: X's July (337,846 impressions, UAH 8,548.35) beside Y's August to
    October gives 1,412,366 impressions for UAH 37,590.01. And a report by region over the whole span (one row
    per region, each the sum of its months) beside the monthly one: the monthly one is quoted, 3,159,843
    impressions for UAH 77,818.01 with the report's own unique reach, 1,211,188, not twice those figures."""
    from openpyxl import load_workbook

    from helpers.paid import import_paid_delivery
    from helpers.report import paid_in_period
    from tests.conftest import real_export

    real = real_export("facebook/ads-manager/Untitled-report-Apr-1-2023-to-Mar-11-2024.xlsx")
    sheet = load_workbook(real, read_only=True).active
    header, _total, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    month, region = header.index("Month"), header.index("Region")
    impressions, spend = header.index("Impressions"), header.index("Amount spent (UAH)")

    def write(path: Path, head: list, body: list) -> Path:
        with path.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows([head, *body])
        return path

    x = write(tmp_path / "x_region.csv", header, [r for r in rows if str(r[month])[:7] <= "2023-08"])
    y = write(tmp_path / "y_age.csv", [("Age" if n == region else name) for n, name in enumerate(header)],
              [r for r in rows if str(r[month])[:7] >= "2023-08"])
    table, reports = import_paid_delivery([x, y])
    row = paid_in_period(table, reports, "2023-07-01", "2023-10-31").summary.iloc[0]
    assert row["impressions"] == 1_412_366 and row["spend"] == pytest.approx(37_590.01, abs=0.005)
    assert pd.isna(row["data start"]) and pd.isna(row["data end"])
    july = table[(table["period_start"] == "2023-07-01") & (table["source_file"] == str(x))]
    assert july["impressions"].sum() == 337_846 and july["spend"].sum() == pytest.approx(8_548.35, abs=0.005)

    sums: dict[str, list] = {}
    for r in rows:
        values = sums.setdefault(r[region], [0, 0.0])
        values[0] += r[impressions] or 0
        values[1] += r[spend] or 0
    whole = write(tmp_path / "whole.csv", ["Account name", "Region", "Impressions", "Amount spent (UAH)",
                                           "Reporting starts", "Reporting ends"],
                  [["MH4U", name, imp, money, "2023-04-01", "2024-03-11"] for name, (imp, money) in sums.items()])
    table, reports = import_paid_delivery([real, whole])
    summary, _, (one,) = paid_in_period(table, reports, "2023-04-01", "2024-03-11")
    row = summary.iloc[0]
    assert (row["impressions"], row["reported total reach"]) == (3_159_843, 1_211_188)
    assert row["spend"] == pytest.approx(77_818.01, abs=0.005)
    assert (one.quoted.path, [r.path for r in one.left_out], one.reason) == (real, [whole], "time")


def test_real_ads_manager_rows_past_the_period_edges_are_counted_apart():
    """The real monthly report by region, 15 October to 15 December 2023: November's 24 rows are within it
    (212,336 impressions, UAH 10,093.78); October's and December's 48 cross its edges (390,892 + 236,196 =
    627,088 impressions, 11,573.89 + 7,112.07 = UAH 18,685.96), summed from the sheet by a separate script.
    Over 15 January to 31 March 2024 the data end on 11 March, 20 days before the period does."""
    from helpers.paid import import_paid_delivery
    from helpers.report import paid_in_period
    from tests.conftest import real_export

    table, reports = import_paid_delivery([real_export(
        "facebook/ads-manager/Untitled-report-Apr-1-2023-to-Mar-11-2024.xlsx")])
    row = paid_in_period(table, reports, "2023-10-15", "2023-12-15").summary.iloc[0]
    assert (row["rows"], row["impressions"], row["rows across"], row["impressions across"]) == (24, 212_336, 48,
                                                                                              627_088)
    assert row["spend"] == pytest.approx(10_093.78, abs=0.005)
    assert row["spend across"] == pytest.approx(18_685.96, abs=0.005)
    assert (row["first day"], row["last day"]) == (pd.Timestamp("2023-11-01"), pd.Timestamp("2023-11-30"))
    assert pd.isna(row["data end"]) and pd.isna(row["data start"])
    spring = paid_in_period(table, reports, "2024-01-15", "2024-03-31").summary.iloc[0]
    assert spring["data end"] == pd.Timestamp("2024-03-11") and spring["impressions across"] == 435_909
    assert spring["spend across"] == pytest.approx(9_285.91, abs=0.005)


@pytest.mark.parametrize("language, none", [
    ("en", "The folder holds no Ads Manager report that the period&#x27;s report reads"),
    ("id", "Folder ini tidak memuat laporan Ads Manager")])
def test_the_explorer_shows_the_periods_paid_delivery_in_the_reports_words(tmp_path, language, none):
    """explore.paid_shown(view): the report's paid-delivery sentences as a list (the campaigns fixture moved
    to March 2025: 9,875 impressions for US$212.57), and, for a folder without Ads Manager reports, a sentence
    saying so, not an empty cell."""
    from helpers import explore

    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "Content_2025-01-01_2025-03-31.csv").write_bytes(
        (FIXTURES / "tiktok" / "Content_2025-01-01_2025-03-31.csv").read_bytes())
    alone = explore.load_folder(folder, timezone="UTC", year=2025)
    shown = explore.paid_shown(explore.report_view(alone, "2025-03-01", "2025-03-31", language=language)).data
    assert none in shown and "<li>" not in shown
    shifted_ads(folder)
    workspace = explore.load_folder(folder, timezone="UTC", year=2025)
    view = explore.report_view(workspace, "2025-03-01", "2025-03-31", language=language)
    shown = explore.paid_shown(view).data
    assert shown.count("<li>") == len(view.paid_delivery_sentences()) >= 1
    assert "9,875" in shown or "9.875" in shown


def test_watch_time_of_a_platform_quiet_in_this_period_is_said_to_be_of_the_comparison_period(report):
    """The demo's Facebook posts left out of this period (Instagram's kept, which report no watch time):
    Facebook's videos of the comparison period still have theirs (10 posts), and the Attention section says so,
    naming Facebook although it has no post in this period, not that no export reports watch time."""
    from helpers.report import analyse

    posts = report.posts[report.posts["platform"] == "instagram"]
    quiet = dataclasses.replace(report, posts=posts, **analyse(posts, report.previous, 10, "all industries"))
    assert list(quiet.platforms) == ["instagram"]
    assert not quiet.has_attention()
    assert quiet.attention_sentence() == (
        "None of this period's posts has watch time in the exports, so attention cannot be measured for this period;"
        " the exports report it only for 10 posts of the previous period, on Facebook.")


def test_the_format_sentence_quotes_kruskal_wallis_only_from_three_formats(report):
    """With two formats the pairwise Mann–Whitney test beside the sentence already says whether they differ;
    a Kruskal–Wallis sentence of the same two groups could only repeat it or, by another approximation,
    contradict it."""
    platform = next(p for p in report.platforms if report._finding_formats(p) is not None)
    kruskal = report.formats[platform]["rate"]["kruskal"]
    try:
        report.formats[platform]["rate"]["kruskal"] = {**kruskal, "H": 4.4, "p_value": 0.037, "groups": 2}
        sentence = report.format_sentence(platform)
        assert "Kruskal" not in sentence and sentence == report._finding_formats(platform).text
        report.formats[platform]["rate"]["kruskal"] = {**kruskal, "H": 4.4, "p_value": 0.037, "groups": 3}
        assert "Kruskal–Wallis H = 4.4, p = 0.037 (3 formats compared)" in report.format_sentence(platform)
    finally:
        report.formats[platform]["rate"]["kruskal"] = kruskal


def test_the_format_tests_give_cliffs_delta_its_interval_and_size_only_as_far_as_it_allows(report):
    """δ = 0.68 with its 95% interval 0.35 to 0.93 spans medium (0.33 to 0.474) and large: the table shows the
    interval and says "medium to large", not "large"."""
    platform = next(p for p in report.platforms if len(report.formats[p]["rate"]["pairs"]))
    pairs = report.formats[platform]["rate"]["pairs"]
    try:
        report.formats[platform]["rate"]["pairs"] = pairs.head(1).assign(
            cliffs_delta=0.68, delta_low=0.35, delta_high=0.93, effect="medium_to_large")
        row = report.format_tests(platform).iloc[-1]
        assert row["Cliff's δ"] == "0.68 (0.35 to 0.93)" and row["effect size"] == "medium to large"
    finally:
        report.formats[platform]["rate"]["pairs"] = pairs
