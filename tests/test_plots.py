"""Figures: log axes stay labelled whatever the data's span, in the report's number format."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from helpers import plots  # noqa: E402
from helpers.i18n import Translator  # noqa: E402


def labels(values, language="en"):
    fig, ax = plots.new_figure()
    ax.scatter(values, values)
    plots.log_scale(ax, "x", Translator(language))
    fig.canvas.draw()
    low, high = ax.get_xlim()
    shown = [t.get_text() for t, x in zip(ax.get_xticklabels(), ax.get_xticks()) if low <= x <= high]
    matplotlib.pyplot.close(fig)
    return shown


@pytest.mark.parametrize("values", [[200, 300, 500, 900], [210, 290], [1_000, 1_200]])
def test_a_narrow_log_axis_still_has_labelled_ticks(values):
    assert len(labels(values)) >= 2


def test_a_log_axis_over_most_of_a_decade_gets_at_least_three_labels():
    """Reach from about 27 to 140 (a Facebook page's month): 1, 2 and 5 times a power of ten would label only
    50 and 100; the axis then takes 1, 2, 3 and 5 times."""
    shown = labels([27, 35, 60, 90, 140])
    assert len(shown) >= 3 and "30" in shown and "50" in shown and "100" in shown


def test_a_wide_log_axis_is_labelled_at_powers_of_ten_in_the_reports_format():
    assert labels([1, 100_000]) == ["1", "10", "100", "1,000", "10,000", "100,000"]
    assert labels([1, 100_000], "id")[-1] == "100.000"


def test_linear_axes_and_colour_bars_use_the_reports_decimal_mark():
    fig, ax = plots.new_figure()
    mesh = ax.pcolormesh([[0.0, 7.5], [2.5, 5.0]])
    fig.colorbar(mesh, ax=ax)
    ax.set_ylim(0, 2.5)
    plots.localise_numbers(fig, Translator("id"))
    fig.canvas.draw()
    texts = {t.get_text() for axes in fig.axes for t in axes.get_yticklabels()}
    matplotlib.pyplot.close(fig)
    assert {"0,0", "2,5"} <= texts and not any("." in t for t in texts)


def test_the_timing_heat_map_has_a_panel_and_a_colour_scale_per_platform():
    import pandas as pd

    table = pd.DataFrame({"platform": ["facebook", "facebook", "instagram", "instagram"],
                          "weekday": ["Monday", "Tuesday", "Monday", "Friday"], "hour": [9, 9, 18, 18],
                          "posts": [3, 4, 5, 3], "reporting": [3, 4, 5, 3], "days": [3, 4, 5, 3], "median": [0.2, 0.1, 0.01, 0.03]})
    fig = plots.day_hour_heatmap(table, "title", Translator("en"))
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left").split(":")[0] for ax in panels] == ["Facebook", "Instagram"]
    assert len(fig.axes) == 4  # two panels, two colour bars
    assert all(len(ax.get_xticks()) == 10 for ax in panels)  # the same hours (9 to 18) on both, lined up
    matplotlib.pyplot.close(fig)
    # the hours' clock is named, not called "the client's", and a long panel title is wrapped, not cut
    fig = plots.day_hour_heatmap(table, "title", Translator("id"), zone="Asia/Jakarta")
    assert [ax.get_xlabel() for ax in fig.axes if ax.get_xlabel()] == ["jam publikasi (waktu Asia/Jakarta)"]
    assert all("\n" in ax.get_title(loc="left") for ax in fig.axes if ax.get_title(loc="left"))
    matplotlib.pyplot.close(fig)


def test_a_platform_without_the_rate_gets_no_panel_and_hours_run_without_gaps():
    import pandas as pd

    table = pd.DataFrame({"platform": ["facebook", "facebook", "x"], "weekday": ["Monday", "Tuesday", "Monday"],
                          "hour": [9, 14, 18], "posts": [3, 4, 5], "reporting": [3, 4, 0], "days": [3, 4, 0],
                          "median": [0.2, 0.1, float("nan")]})
    fig = plots.day_hour_heatmap(table, "title", Translator("en"))
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left").split(":")[0] for ax in panels] == ["Facebook"]  # X reports no reach
    assert [t.get_text() for t in panels[0].get_xticklabels()] == [str(h) for h in range(9, 15)]
    matplotlib.pyplot.close(fig)
    thin = table.assign(reporting=[1, 1, 0], days=[1, 1, 0])  # every cell too thin to colour: no colour scale
    fig = plots.day_hour_heatmap(thin, "title", Translator("en"))
    assert len(fig.axes) == 1
    matplotlib.pyplot.close(fig)


def test_the_timing_heat_map_scales_its_colours_from_0_so_a_few_cells_do_not_look_far_apart():
    import pandas as pd

    # two coloured cells, 6% and 10%: a scale from the lowest to the highest would paint them as the palette's
    # two ends; from 0 they sit at 60% and 100% of it
    table = pd.DataFrame({"platform": "facebook", "weekday": ["Monday", "Tuesday", "Monday"], "hour": [9, 9, 10],
                          "posts": [3, 4, 1], "reporting": [3, 4, 1], "days": [3, 4, 1], "median": [0.06, 0.10, 0.5]})
    fig = plots.day_hour_heatmap(table, "title", Translator("en"))
    low, high = fig.axes[0].collections[0].get_clim()
    matplotlib.pyplot.close(fig)
    assert (low, high) == pytest.approx((0, 10))  # percent; the 50% cell has 1 post: not coloured, not scaled


def quadrant_table(platform: str, reach: list, rates: list):
    """compare.quadrants' table for one platform's posts, given their broadcast counts and rates."""
    import pandas as pd

    frame = pd.DataFrame({"platform": platform, "broadcast": reach, "rate": rates})
    medians = frame.groupby("platform")[["broadcast", "rate"]].transform("median")
    high_reach, high_rate = frame["broadcast"] > medians["broadcast"], frame["rate"] > medians["rate"]
    frame["quadrant"] = [("reach and engagement" if r and e else "reach only" if r else "engagement only" if e
                          else "neither") for r, e in zip(high_reach, high_rate)]
    frame["median broadcast"], frame["median rate"] = medians["broadcast"], medians["rate"]
    return frame


#: TikTok Studio's views and engagement rates (a real export): a few posts near 10-30%, most below 0.5%.
TIKTOK_VIEWS = [105, 550, 1_460, 11_300, 11_800, 12_300, 16_400, 19_700, 23_600, 29_800, 149_000, 181_000]
TIKTOK_RATES = [0.279, 0.167, 0.056, 0.0011, 0.00017, 0.0025, 0.00017, 0.0037, 0.0027, 0.062, 0.00095, 0.003]


def test_the_quadrant_legend_lies_outside_the_axes_and_below_them():
    import pandas as pd

    facebook = quadrant_table("facebook", [100 * (i + 1) for i in range(20)], [0.01 * (i % 7 + 1) for i in range(20)])
    table = pd.concat([facebook, quadrant_table("tiktok", TIKTOK_VIEWS, TIKTOK_RATES)])
    fig = plots.quadrant(table, "title", Translator("en"))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    axes = [ax for ax in fig.axes if ax.get_title(loc="left")]
    legends = [legend for panel in fig.subfigs for legend in panel.legends]
    assert len(axes) == len(legends) == 2
    for ax, legend in zip(axes, legends):
        box, where = ax.get_window_extent(renderer), legend.get_window_extent(renderer)
        label = ax.xaxis.label.get_window_extent(renderer)
        assert where.y1 <= label.y0 + 1 and where.y1 < box.y0  # below the axes and their label: covers no point
        assert box.x0 - 5 <= (where.x0 + where.x1) / 2 <= box.x1 + 5  # under its own panel
        assert 0 <= where.y0 and where.x0 >= 0 and where.x1 <= fig.bbox.width  # inside the figure: not cut off
        assert len(legend.get_texts()) == 4  # every quadrant, one without posts with its 0
    matplotlib.pyplot.close(fig)


def test_the_quadrant_rate_axis_is_log_when_a_few_high_rates_would_squeeze_the_rest():
    import pandas as pd

    table = quadrant_table("tiktok", TIKTOK_VIEWS, TIKTOK_RATES)
    fig = plots.quadrant(table, "title", Translator("en"))
    (ax,) = fig.axes
    fig.canvas.draw()
    low, high = ax.get_ylim()
    shown = [t.get_text() for t, y in zip(ax.get_yticklabels(), ax.get_yticks()) if low <= y <= high]
    assert ax.get_yscale() == "log" and "log scale" in ax.get_ylabel()
    assert shown == ["0.1", "1", "10"]  # rates in percent, in plain numbers
    matplotlib.pyplot.close(fig)
    # rates within a factor of a few of their median, or some at 0 (no place on a log axis): linear
    for rates in ([0.02, 0.03, 0.05, 0.04, 0.06, 0.01], [0.0, 0.0, 0.0, 0.02, 0.3, 0.01]):
        fig = plots.quadrant(quadrant_table("facebook", [10, 20, 30, 40, 50, 60], rates), "title", Translator("en"))
        assert fig.axes[0].get_yscale() == "linear" and "log" not in fig.axes[0].get_ylabel()
        matplotlib.pyplot.close(fig)
    assert plots.rate_axis_is_log(pd.Series(TIKTOK_RATES)) and not plots.rate_axis_is_log(pd.Series([0.0, 0.5]))


def test_a_log_axis_below_one_keeps_the_decimals_its_ticks_need():
    assert labels([0.002, 0.05]) == ["0.003", "0.01", "0.03"]  # not 0.00 for 0.003
    assert labels([0.05, 0.5]) == ["0.05", "0.1", "0.2", "0.5"]


def test_a_log_axis_over_two_decades_holding_two_powers_of_ten_gets_intermediate_labels():
    """Rates from 0.8% to 60%: powers of ten alone would label only 1 and 10; 1, 3, 10, 30 are evenly spaced,
    where 1, 2 and 5 times would crowd a narrow panel (1,000 against 2,000)."""
    assert labels([0.8, 60]) == ["1", "3", "10", "30"]
    assert labels([150, 25_000]) == ["300", "1,000", "3,000", "10,000", "30,000"]


def test_posts_in_one_top_only_are_told_apart_without_colour():
    import pandas as pd

    ranks = pd.DataFrame({"platform": "facebook", "broadcast": [50, 40, 30], "interactions": [5, 1, 4],
                          "rank by broadcast": [1, 2, 3], "last rank by broadcast": [1, 2, 3],
                          "rank by interactions": [1, 3, 2], "last rank by interactions": [1, 3, 2],
                          "top order": [0, 1, 2]})
    fig = plots.rank_shift(ranks, "facebook", 2, "title", Translator("en"), kept={0})
    lines = [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) == 2 and line.get_marker() == "o"]
    styles = {(line.get_linestyle(), line.get_markerfacecolor() == "white") for line in lines}
    assert styles == {("-", False), ("--", True)}  # solid and filled in both tops, dashed and hollow in one
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("accent, both, one", [
    # a yellow (1.40:1 on white) in its olive shade, 3.01:1, which deutan readers see as the orange (ΔE 4.7)
    ("#FFD700", "#ae9300", "#0173b2"),
    ("#8C510A", "#8c510a", "#0173b2"),  # the demo's brown: a darker vermillion to protan readers (ΔE 13.9)
    ("#E4002B", "#e4002b", "#0173b2"),  # brand reds, close to it for deutan readers (ΔE 12.2 and 23.1)
    ("#C8102E", "#c8102e", "#0173b2"),
    ("#D55E00", "#d55e00", "#0173b2"),  # the palette's own orange (3.87:1): posts in one top only turn blue
    ("#D45F02", "#d45f02", "#0173b2"),  # ...and so they do beside an orange that looks like it
    ("#0072B2", "#0072b2", "#d55e00"),  # the default blue, as it was
])
def test_the_slope_charts_lines_stand_out_from_the_page_and_from_each_other_whatever_the_accent(accent, both, one):
    """A post in both tops is drawn in the accent, in a shade of at least 3:1 against white (WCAG's contrast for
    graphics), its legend too; a post in one top only in the palette's orange, or its blue where the accent's
    shade looks like the orange (colours.alike), to a reader of normal vision or a colour-blind one."""
    import pandas as pd
    from matplotlib.colors import to_hex

    from helpers.colours import GRAPHIC_CONTRAST, contrast_ratio

    ranks = pd.DataFrame({"platform": "facebook", "broadcast": [50, 40, 30], "interactions": [5, 1, 4],
                          "rank by broadcast": [1, 2, 3], "last rank by broadcast": [1, 2, 3],
                          "rank by interactions": [1, 3, 2], "last rank by interactions": [1, 3, 2],
                          "top order": [0, 1, 2]})
    fig = plots.rank_shift(ranks, "facebook", 2, "title", Translator("en"), accent=accent, kept={0})
    lines = [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) == 2 and line.get_marker() == "o"]
    drawn = {line.get_linestyle(): to_hex(line.get_color()) for line in lines}
    assert drawn == {"-": both, "--": one}
    assert [to_hex(handle.get_color()) for handle in fig.legends[0].legend_handles] == [both, one]
    assert contrast_ratio(both) >= GRAPHIC_CONTRAST and contrast_ratio(one) >= GRAPHIC_CONTRAST
    matplotlib.pyplot.close(fig)


def test_cielab_values_match_published_ones_and_a_colour_blind_view_worked_by_hand():
    """sRGB to CIELAB (D65) as published (Lindbloom's calculator, EasyRGB): #FF0000 is 53.24, 80.09, 67.20;
    #0000FF 32.30, 79.19, -107.86; white 100, 0, 0. Protan #FF0000: linear (1, 0, 0) through Machado's matrix is
    its first column, (0.152286, 0.114503, -0.003882), kept within the screen (0.152286, 0.114503, 0); X, Y, Z over
    the white's: 0.109162, 0.114274, 0.015238; cube roots 0.47792, 0.48527, 0.24792; L* = 116 × 0.48527 − 16 =
    40.29, a* = 500 × (0.47792 − 0.48527) = −3.67, b* = 200 × (0.48527 − 0.24792) = 47.47: a dark olive."""
    from helpers.colours import lab

    assert lab("#FF0000") == pytest.approx([53.24, 80.09, 67.20], abs=0.01)
    assert lab("#0000FF") == pytest.approx([32.30, 79.19, -107.86], abs=0.01)
    assert lab("#FFFFFF") == pytest.approx([100, 0, 0], abs=0.01)
    assert lab("#FFFFFF", "deutan") == pytest.approx([100, 0, 0], abs=0.05)  # white stays white
    assert lab("#FF0000", "protan") == pytest.approx([40.29, -3.67, 47.47], abs=0.01)


def test_colours_are_alike_when_any_reader_sees_them_close():
    """ΔE76 from published CIELAB values: #FF0000 and #0000FF differ by √(20.94² + 0.90² + 175.06²) = 176.3 in
    normal vision. #8C510A (40.38, 19.85, 46.49) and #D55E00 (54.19, 43.27, 63.28): √(13.81² + 23.42² + 16.79²)
    = 32.0 in normal vision, but in protan (36.88, −3.54, 44.59) and (47.50, −4.04, 53.56): √(10.62² + 0.50² +
    8.97²) = 13.9, under 25: alike, where their red, green and blue lie 75 apart (the 64 of before said unlike).
    The palette's blue and orange stay unlike; brand reds #E4002B and #C8102E are alike the orange to deutan
    readers (12.2 and 23.1)."""
    import numpy as np

    from helpers.colours import alike, difference, lab

    assert float(np.linalg.norm(lab("#FF0000") - lab("#0000FF"))) == pytest.approx(176.3, abs=0.1)
    assert float(np.linalg.norm(lab("#8C510A") - lab("#D55E00"))) == pytest.approx(32.0, abs=0.1)
    assert difference("#8C510A", "#D55E00") == pytest.approx(13.9, abs=0.1)
    assert alike("#8C510A", "#D55E00") and alike("#AE9300", "#D55E00")
    assert alike("#E4002B", "#D55E00") and alike("#C8102E", "#D55E00")
    assert not alike("#0173B2", "#D55E00") and not alike("#0072B2", "#D55E00") and not alike("#8C510A", "#0173B2")
    assert difference("#000000", "#FFFFFF") == pytest.approx(100) and difference("#D55E00", "#D55E00") == 0


def test_the_scatter_has_one_legend_below_its_panels():
    import pandas as pd

    posts = pd.DataFrame({"platform": ["facebook"] * 4 + ["instagram"] * 4, "reach": [10, 100, 1000, 10_000] * 2,
                          "reactions": [1, 5, 40, 300, 2, 9, 70, 500], "comments": pd.NA, "shares": pd.NA,
                          "saves": pd.NA})
    fig = plots.reach_vs_interactions(posts, "title", {}, Translator("en"))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    (legend,) = fig.legends
    (ax,) = fig.axes
    assert ax.get_legend() is None and len(legend.get_texts()) == 2
    assert legend.get_window_extent(renderer).y1 <= ax.xaxis.label.get_window_extent(renderer).y0 + 1
    matplotlib.pyplot.close(fig)


def test_a_platform_of_several_accounts_is_drawn_account_by_account_with_each_accounts_line():
    """X's posts of two accounts: each account in X's colour with a marker of its own, named in the legend, and
    its own fit's line (solid, then dashed); no line across them. A fit of slope 1 and intercept log 0.1 is the
    line interactions = 0.1 × reach: at reach 1,000 it reads 100."""
    import math

    import numpy as np
    import pandas as pd

    posts = pd.DataFrame({"platform": "x", "account": ["Big"] * 4 + ["Small"] * 4,
                          "broadcast": [1000, 3000, 10_000, 30_000, 10, 30, 100, 300],
                          "reactions": [100, 300, 1000, 3000, 5, 9, 40, 80], "comments": pd.NA, "shares": pd.NA,
                          "saves": pd.NA})
    fits = {"Big": {"slope": 1.0, "intercept": math.log(0.1)}, "Small": {"slope": 0.8, "intercept": math.log(0.5)}}
    fig = plots.reach_vs_interactions(posts, "title", {}, Translator("en"), x="broadcast", account_fits={"x": fits})
    (ax,) = fig.axes
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == ["X (Big) (4)", "X (Small) (4)"]
    markers = [c.get_paths()[0].vertices.round(3).tolist() for c in ax.collections]
    assert len(ax.collections) == 2 and markers[0] != markers[1]
    big, small = ax.get_lines()
    assert big.get_linestyle() == "-" and small.get_linestyle() == "--"
    assert np.interp(1000, big.get_xdata(), big.get_ydata()) == pytest.approx(100)
    assert small.get_xdata().min() == 10 and small.get_xdata().max() == 300
    matplotlib.pyplot.close(fig)


def assert_axis_label_clear_of_title(fig) -> None:
    """After drawing, the first panel's vertical axis label and the figure's title do not meet, and the label
    fits beside its axes; the figure is then closed."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    label = fig.axes[0].yaxis.label.get_window_extent(renderer)
    heading = fig._suptitle.get_window_extent(renderer)
    assert heading.count_overlaps([label]) == 0 and label.y1 < heading.y0
    assert label.height <= fig.axes[0].get_window_extent(renderer).height
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("top_n", [3, 5, 10, 20])
def test_the_slope_charts_rank_label_stays_clear_of_its_title(language, top_n):
    """A top 5 under a three- or four-line title left the axes shorter than their wrapped label, which ran up
    into the title's last line. After drawing, the label's box and the title's do not meet, and the label
    fits beside the axes, for a top 3 to a top 20 in both languages."""
    import pandas as pd

    tr = Translator(language)
    n = 60
    ranks = pd.DataFrame({"platform": "facebook", "broadcast": range(n, 0, -1), "interactions": range(n),
                          "rank by broadcast": range(1, n + 1), "last rank by broadcast": range(1, n + 1),
                          "rank by interactions": [(7 * i) % n + 1 for i in range(n)],
                          "last rank by interactions": [(7 * i) % n + 1 for i in range(n)], "top order": range(n)})
    title = tr.t("finding.overlap_ties", platform="Facebook", overlap="3", size_a=str(top_n), size_b=str(top_n - 1),
                 by=tr.t("lens.word_reach"), chance="0,5", posts="52", n=str(top_n),
                 verdict=tr.t("finding.overlap_within_chance", overlap="3", p="p = 0,478"))
    fig = plots.rank_shift(ranks, "facebook", top_n, title, tr, kept={0})
    assert_axis_label_clear_of_title(fig)


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("formats", [1, 2, 3, 6])
@pytest.mark.parametrize("sentences", [1, 4, 8])
def test_the_format_boxes_axis_label_stays_clear_of_a_long_title(language, formats, sentences):
    """Kopi Senja's Indonesian Instagram boxes (3 formats, a seven-line title) ran the vertical axis label,
    'format (jumlah unggahan)', up into the title's last line: the title took its lines from the panels. Now
    the figure grows by its title's lines: after drawing, the label's box and the title's do not meet, and
    the label fits beside the axes, for 1 to 6 formats under a one- to eight-line title."""
    import pandas as pd

    tr = Translator(language)
    names = ["photo", "video", "reel", "carousel", "text", "link"][:formats]
    posts = pd.DataFrame({"format": [names[i % formats] for i in range(30)],
                          "reach": [100.0 + 37 * i for i in range(30)],
                          "interactions": [float(1 + i % 7) for i in range(30)]})
    posts["engagement_rate_by_reach"] = posts["interactions"] / posts["reach"]
    title = " ".join(["Di Instagram, kedua lensa tidak sepakat soal format: reel memiliki median tertinggi."] * sentences)
    fig = plots.formats_under_both_lenses(posts, title, tr, x="reach", rate="engagement_rate_by_reach")
    assert_axis_label_clear_of_title(fig)


def test_the_slope_chart_labels_every_rank_and_ticks_its_lowest_one():
    """Ten posts, eight landing at ranks 12, 14, 24, 32, 34, 42 and, tied from 82 to 87, the last: every rank
    is labelled (12 and 14, 32 and 34 are a few points apart, so their labels are moved apart, not left out),
    each label a line from the next; the axis ticks 1 and 82, the lowest rank drawn, not 80 beside it."""
    import pandas as pd

    lands = [1, 2, 4, 12, 14, 24, 32, 34, 42, 82]
    ranks = pd.DataFrame({"platform": "x", "rank by broadcast": range(1, 11), "rank by interactions": lands,
                          "last rank by interactions": [r + 5 if r == 82 else r for r in lands],
                          "top order": range(1, 11)})
    fig = plots.rank_shift(ranks, "x", 10, "t", Translator("en"))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["#1", "#2", "#4", "#12", "#14", "#24", "#32", "#34", "#42", "#82–87"]
    fig.canvas.draw()
    boxes = sorted((t.get_window_extent() for t in ax.texts), key=lambda box: -box.y0)
    assert all(upper.y0 >= lower.y1 - 2 for upper, lower in zip(boxes, boxes[1:]))  # no two labels overlap
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[0] == "1" and ticks[-1] == "82" and "80" not in ticks
    assert plots.rank_ticks(73) == [1, 8, 16, 24, 32, 40, 48, 56, 64, 73]
    assert plots.spread([1, 2, 3, 10], 2.0) == [0.0, 2.0, 4.0, 10.0]  # a crowd moved apart about its middle
    assert plots.spread([1, 2, 3, 10], 2.0, low=0.5) == [0.5, 2.5, 4.5, 10.0]  # and kept below the top
    matplotlib.pyplot.close(fig)


def test_the_format_boxes_name_each_format_with_the_posts_reporting_reach_and_say_which_are_not_drawn():
    """Five photos report reach, one of them no interactions; four videos report reach, one of them 0. The
    names read "photo (5)" and "video (4)", the posts counted as the format table counts them (before, "photo
    (4)", "video (3)": only posts with both a reach above 0 and a rate); the reach boxes hold 5 photos and 3
    videos, the rate boxes 4 and 3; and the note below the panels names what is left out, and why."""
    import pandas as pd

    posts = pd.DataFrame({"format": ["photo"] * 5 + ["video"] * 4,
                          "reach": [100.0, 200, 300, 400, 500, 1_000, 2_000, 0, 3_000],
                          "interactions": [5.0, 6, 7, None, 9, 20, 30, 0, 40]})
    posts["engagement_rate_by_reach"] = posts["interactions"] / posts["reach"].where(posts["reach"] > 0)
    expected = {"en": ("Left out of both panels, with 0 reach (no place on a log scale, and no rate): video, 1 post."
                       " Under the broadcast lens only, reporting no interactions (so no engagement rate by reach):"
                       " photo, 1 post."),
                "id": ("Tidak digambar di kedua panel, dengan 0 jangkauan (tidak punya tempat pada skala log, dan tanpa"
                       " tingkat interaksi): video, 1 unggahan. Hanya pada lensa siaran, karena tidak melaporkan"
                       " interaksi (sehingga tanpa tingkat interaksi terhadap jangkauan): foto, 1 unggahan.")}
    for language, note in expected.items():
        tr = Translator(language)
        fig = plots.formats_under_both_lenses(posts, "t", tr, x="reach", rate="engagement_rate_by_reach")
        reach, rate = fig.axes
        names = [t.get_text() for t in reach.get_yticklabels()]
        assert names == [f"{tr.format_name('video')} (4)", f"{tr.format_name('photo')} (5)"]  # highest median on top
        assert fig._supxlabel.get_text().replace("\n", " ") == note
        assert plots.formats_left_out(posts, tr, "reach", "engagement_rate_by_reach") == note
        # a box's median line spans it at its median: the video reach boxes' is 2,000 (1,000, 2,000, 3,000)
        medians = [line.get_xdata()[0] for line in reach.get_lines() if line.get_color() == "0.15"]
        assert medians == [2_000, 300]
        rates = [line.get_xdata()[0] for line in rate.get_lines() if line.get_color() == "0.15"]
        # video 2%, 1.5% and 1.33%: 1.5; photo 5%, 3%, 2.33% and 1.8% (not the post without interactions): 2.67
        assert rates == pytest.approx([1.5, (7 / 3 + 3) / 2])
        matplotlib.pyplot.close(fig)
    drawn = posts.assign(interactions=[5.0, 6, 7, 8, 9, 20, 30, 1, 40], reach=[100.0] * 9)
    drawn["engagement_rate_by_reach"] = drawn["interactions"] / drawn["reach"]
    assert plots.formats_left_out(drawn, Translator("en"), "reach", "engagement_rate_by_reach") == ""


def test_the_slope_chart_breaks_its_rank_axis_below_the_top_when_posts_land_far_below():
    """UCI's Facebook top 10 lands at ranks 1 to 140: on an unbroken axis from 1 to 140, the ten posts on the
    left were 1.6 points apart and their labels met. Broken below rank 10, ranks 1 to 10 keep a row each, and
    ranks 11 to 140 share a band of 4.6 rows (6 labels there: 0.6 × 6 + 1) below a gap of 0.7: rank 19 sits at
    10.5 + 0.7 + (19 − 10.5) × 4.6 ÷ 130 = 11.5008, rank 140 at 11.2 + 129.5 × 4.6 ÷ 130 = 15.7823."""
    import pandas as pd

    lands = [1, 19, 4, 140, 71, 7, 62, 10, 91, 22]
    last = {140: 142, 71: 72, 62: 63, 91: 93}
    ranks = pd.DataFrame({"platform": "facebook", "rank by broadcast": range(1, 11),
                          "last rank by broadcast": range(1, 11), "rank by interactions": lands,
                          "last rank by interactions": [last.get(r, r) for r in lands], "top order": range(1, 11)})
    fig = plots.rank_shift(ranks, "facebook", 10, "t", Translator("en"), kept={0, 2, 5, 7})
    ax = fig.axes[0]
    posts = [line for line in ax.get_lines() if line.get_marker() == "o"]
    ends = dict(zip(lands, (line.get_ydata()[1] for line in posts)))
    assert ends[1] == 1 and ends[10] == 10
    assert ends[19] == pytest.approx(11.5008, abs=1e-4) and ends[140] == pytest.approx(15.7823, abs=1e-4)
    assert [t.get_text() for t in ax.get_yticklabels()] == [str(r) for r in range(1, 11)] + ["11", "50", "100", "140"]
    fig.canvas.draw()
    one_rank = ax.transData.transform([(0, 1), (0, 2)])
    assert abs(one_rank[0][1] - one_rank[1][1]) * 72 / fig.dpi >= 12  # a rank of the top 10: 12 points or more
    boxes = sorted((t.get_window_extent() for t in ax.texts), key=lambda box: -box.y0)
    assert all(upper.y0 >= lower.y1 - 2 for upper, lower in zip(boxes, boxes[1:]))  # no two labels overlap
    matplotlib.pyplot.close(fig)
    axis = plots.RankAxis(10, 20)  # down to twice the top at most: unbroken, a rank where it is
    assert not axis.broken and axis.position(17) == 17 and axis.bottom == 20.5


def test_the_slope_chart_draws_posts_tied_on_the_left_one_below_the_other():
    """Oigetit's Facebook top: two posts tied at 8–9 by reach, both landing in the tie of 8–47 by
    interactions, were one marker and one line; they now start at 8 and at 9 under one label, "#8–9", and the
    chart shows seven dashed lines for the seven posts in the top by reach only, each from its own place, and
    ending on the cut-off line (10.5): their tie of 8–47 spans it, so they count as not in the top 10."""
    import pandas as pd

    ranks = pd.DataFrame({"platform": "facebook", "rank by broadcast": [1, 2, 3, 4, 5, 6, 7, 8, 8],
                          "last rank by broadcast": [1, 2, 3, 4, 5, 6, 7, 9, 9],
                          "rank by interactions": [8, 8, 8, 8, 1, 8, 1, 8, 8],
                          "last rank by interactions": [47, 47, 47, 47, 3, 47, 3, 47, 47], "top order": range(1, 10)})
    for language in ("en", "id"):
        fig = plots.rank_shift(ranks, "facebook", 10, "t", Translator(language), kept={4, 6}, shown=ranks.index)
        ax = fig.axes[0]
        dashed = [line for line in ax.get_lines() if line.get_marker() == "o" and line.get_linestyle() == "--"]
        assert sorted(line.get_ydata()[0] for line in dashed) == [1, 2, 3, 4, 6, 8, 9]
        assert {line.get_ydata()[1] for line in dashed} == {10.5}
        texts = [t.get_text() for t in ax.texts]
        assert texts.count("#8–9") == 1 and texts.count("#8–47") == 1 and "#1–3" in texts
        matplotlib.pyplot.close(fig)
    places = plots.tied_places(ranks)
    assert places.tolist() == [1, 2, 3, 4, 5, 6, 7, 8, 9]


def test_posts_ending_on_the_cut_off_line_and_the_line_show_whole_where_no_post_lands_below_it():
    """Oigetit's Facebook top 10: the seven posts tied at 8–47 by interactions end on the cut-off line (10.5),
    and no post lands below 10. The axis ended at 10.5 too, so the line lay on the frame, unseen, and the
    seven markers were cut in half by it. The axis now reaches 11 (half a rank below the line): the line lies
    inside the axes and each marker on it, with its radius, above the axes' bottom edge."""
    import pandas as pd

    ranks = pd.DataFrame({"platform": "facebook", "rank by broadcast": [1, 2, 3, 4, 5, 6, 7, 8, 8],
                          "last rank by broadcast": [1, 2, 3, 4, 5, 6, 7, 9, 9],
                          "rank by interactions": [8, 8, 8, 8, 1, 8, 1, 8, 8],
                          "last rank by interactions": [47, 47, 47, 47, 3, 47, 3, 47, 47], "top order": range(1, 10)})
    fig = plots.rank_shift(ranks, "facebook", 10, "t", Translator("en"), kept={4, 6}, shown=ranks.index)
    ax = fig.axes[0]
    fig.canvas.draw()
    assert ax.get_ylim() == (11.0, 0.5)
    cut = [line for line in ax.get_lines() if line.get_marker() in ("None", "") and line.get_linestyle() == "--"]
    assert [tuple(line.get_ydata()) for line in cut] == [(10.5, 10.5)]
    box = ax.get_window_extent()
    line_y = ax.transData.transform((0, 10.5))[1]
    assert box.y0 + 1 < line_y < box.y1
    posts = [line for line in ax.get_lines() if line.get_marker() == "o"]
    ending = [line for line in posts if line.get_ydata()[1] == 10.5]
    assert len(ending) == 7
    for line in ending:
        radius = (line.get_markersize() / 2 + line.get_markeredgewidth()) * fig.dpi / 72
        y = ax.transData.transform((1, 10.5))[1]
        assert y - radius > box.y0, (y, radius, box.y0)
    matplotlib.pyplot.close(fig)
    # every post within the top 10 on both sides: no room added below the line, which lies on the frame as before
    inside = ranks.assign(**{"rank by interactions": range(1, 10), "last rank by interactions": range(1, 10)})
    fig = plots.rank_shift(inside, "facebook", 10, "t", Translator("en"), shown=inside.index)
    assert fig.axes[0].get_ylim() == (10.5, 0.5)
    matplotlib.pyplot.close(fig)
    # a post landing at 12: its rank gives the room below the line, as before
    below = ranks.assign(**{"rank by interactions": [8, 8, 8, 8, 1, 8, 1, 8, 12],
                            "last rank by interactions": [11, 11, 11, 11, 3, 11, 3, 11, 12]})
    fig = plots.rank_shift(below, "facebook", 10, "t", Translator("en"), shown=below.index)
    assert fig.axes[0].get_ylim() == (12.5, 0.5)
    matplotlib.pyplot.close(fig)
    assert plots.RankAxis(10, 10, below_cut=True).bottom == 11.0 and plots.RankAxis(10, 10).bottom == 10.5


def test_a_heat_map_panel_whose_coloured_cells_share_one_median_names_it_instead_of_a_scale():
    """Oigetit's Facebook: every coloured cell at 0%, under a scale from 0.00 to 0.10 that told nothing. A
    panel whose coloured cells (posts on 3 days or more) share one median gets one colour and a key naming it, no
    colour bar; a panel with two medians keeps its scale. The thin cell at 50% (1 post) is not coloured."""
    import pandas as pd

    table = pd.DataFrame({"platform": ["facebook"] * 3 + ["instagram"] * 2, "weekday": "Monday",
                          "hour": [9, 10, 11, 9, 10], "posts": [3, 4, 1, 3, 5], "reporting": [3, 4, 1, 3, 5],
                          "days": [3, 4, 1, 3, 5],
                          "median": [0.02, 0.02, 0.5, 0.01, 0.03]})
    assert plots.uniform_cells(table) == {"facebook": 0.02}
    for language, key in (("en", "every coloured cell: 2.00%"), ("id", "setiap sel berwarna: 2,00%")):
        fig = plots.day_hour_heatmap(table, "title", Translator(language))
        facebook, instagram, *bars = fig.axes
        assert len(bars) == 1 and facebook.get_legend().get_texts()[0].get_text().replace("\n", " ") == key
        assert instagram.get_legend() is None
        matplotlib.pyplot.close(fig)
    one = table[table["platform"] == "facebook"].assign(reporting=[3, 1, 1], days=[3, 1, 1])
    fig = plots.day_hour_heatmap(one, "title", Translator("en"))
    assert fig.axes[0].get_legend().get_texts()[0].get_text().replace("\n", " ") == "the one coloured cell: 2.00%"
    # in a grey no palette holds, so that it never reads as a value on another panel's scale
    assert matplotlib.colors.to_hex(fig.axes[0].get_legend().get_patches()[0].get_facecolor()) == "#b0b0b0"
    matplotlib.pyplot.close(fig)


def test_the_alt_text_of_a_one_median_panel_says_the_median_once_and_lists_its_cells_unranked():
    """Facebook's coloured cells (posts on 3 days or more) all at 0%: six of them, in weekday and hour order
    Monday 9:00 (3 posts), Monday 10:00 (4), Tuesday 9:00 (3), Wednesday 9:00 (3), Thursday 10:00 (1 reporting, on
    3 days) and Friday 9:00 (5). The alt text says 0% once and names the first three, then "and 3 more", with no
    ranking words; four or fewer are each named; a lone cell is one cell, not "every" cell. Thursday 11:00, on
    one day, is not coloured and not named."""
    import pandas as pd

    table = pd.DataFrame({"platform": "facebook",
                          "weekday": ["Friday", "Monday", "Monday", "Tuesday", "Wednesday", "Thursday", "Thursday"],
                          "hour": [9, 10, 9, 9, 9, 10, 11], "reporting": [5, 4, 3, 3, 3, 1, 2],
                          "days": [5, 4, 3, 3, 3, 3, 1], "median": [0.0] * 6 + [0.5]})

    def alt(rows, language="en"):
        cells = plots.coloured_cells(table.iloc[rows])
        return plots.heat_cells_alt(cells, "facebook", Translator(language))

    every = alt(slice(None))
    assert every == (" Facebook's coloured cells all have the same median, 0%, so there is only one colour and no"
                     " colour scale: Monday 09:00 (3 posts), Monday 10:00 (4 posts), Tuesday 09:00 (3 posts) and 3"
                     " more.")
    assert alt(slice(None), "id") == (
        " Semua sel berwarna Facebook memiliki median yang sama, 0%, sehingga hanya ada satu warna dan tidak ada"
        " skala warna: Senin pukul 09.00 (3 unggahan), Senin pukul 10.00 (4 unggahan), Selasa pukul 09.00 (3"
        " unggahan), dan 3 sel lainnya.")
    assert alt([0, 4, 5, 6]) == (" Facebook's coloured cells all have the same median, 0%, so there is only one"
                                 " colour and no colour scale: Wednesday 09:00 (3 posts), Thursday 10:00 (1 post) and"
                                 " Friday 09:00 (5 posts).")
    assert alt([0, 6]) == (" Facebook has one coloured cell, Friday 09:00 (5 posts), with a median of 0%, so there"
                           " is only one colour and no colour scale.")
    assert alt([0, 6], "id") == (" Facebook memiliki satu sel berwarna, Jumat pukul 09.00 (5 unggahan), dengan median"
                                 " 0%, sehingga hanya ada satu warna dan tidak ada skala warna.")
    for text in (every, alt([0, 4, 5, 6]), alt([0, 6])):
        assert "highest" not in text and "lowest" not in text and text.count("0%") == 1


def test_the_slope_chart_by_default_starts_every_line_inside_its_axis():
    """Drawn by default (the first N in 'top order'), posts tied by reach across the N-th place started at
    the places their tie spans, below the axis: 2 of the 4 posts tied at 9–12 started at 9 and 12 on an
    axis ending at 10.5 (their interactions ranks 1 to 10); 10 of 30 posts all tied at 1–30 started at 1 to
    30 by thirds on an axis broken below the top 10 (landing at 21 to 30 by interactions). A tie's posts drawn
    now start within the top N: at 9 and 10, and at 1 to 10 (the best by interactions highest), under the
    tie's own label, and every line's both ends lie inside the axis."""
    import pandas as pd

    def ends(ranks):
        fig = plots.rank_shift(ranks, "facebook", 10, "t", Translator("en"))
        ax = fig.axes[0]
        low, high = sorted(ax.get_ylim())
        lines = [line.get_ydata() for line in ax.get_lines() if line.get_marker() == "o"]
        labels = [t.get_text() for t in ax.texts]
        matplotlib.pyplot.close(fig)
        assert len(lines) == 10 and all(low <= y <= high for line in lines for y in line)
        return sorted(float(line[0]) for line in lines), labels

    across = pd.DataFrame({"platform": "facebook", "rank by broadcast": [*range(1, 9), 9, 9, 9, 9, *range(13, 26)],
                           "last rank by broadcast": [*range(1, 9), 12, 12, 12, 12, *range(13, 26)],
                           "rank by interactions": [*range(10, 0, -1), *range(11, 26)],
                           "top order": range(1, 26)})
    across["last rank by interactions"] = across["rank by interactions"]
    left, labels = ends(across)
    assert left == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] and "#9–12" in labels
    tied = pd.DataFrame({"platform": "facebook", "rank by broadcast": 1, "last rank by broadcast": 30,
                         "rank by interactions": range(30, 0, -1), "top order": range(1, 31)})
    tied["last rank by interactions"] = tied["rank by interactions"]
    assert plots.RankAxis(10, 30).broken
    left, labels = ends(tied)
    assert left == [float(r) for r in range(1, 11)] and "#1–30" in labels
    assert plots.tied_places(tied.head(10), 10).tolist() == list(range(10, 0, -1))  # the 30th by interactions last


def test_each_platforms_trend_line_has_a_dash_of_its_own_shown_in_the_legend():
    """Facebook, X and YouTube's fit lines were all solid, told apart by colour alone, and the legend showed
    their markers only: printed in grey the three lines read alike. Each line now has its platform's dash
    (solid, dotted, dash-dot) and the legend draws each marker over its line; a platform without a fit (TikTok:
    no slope) shows its marker alone, as no line is drawn for it. A fit of slope 1 and intercept log 0.1 is
    the line interactions = 0.1 × reach."""
    import math

    import pandas as pd

    reach = [100, 300, 1000, 3000]
    posts = pd.DataFrame({"platform": ["facebook"] * 4 + ["x"] * 4 + ["youtube"] * 4 + ["tiktok"] * 4,
                          "reach": reach * 4, "reactions": [10, 30, 100, 300] * 4, "comments": pd.NA,
                          "shares": pd.NA, "saves": pd.NA})
    fit = {"slope": 1.0, "intercept": math.log(0.1)}
    fits = {"facebook": fit, "x": fit, "youtube": fit, "tiktok": {"slope": float("nan")}}
    fig = plots.reach_vs_interactions(posts, "title", fits, Translator("en"))
    (ax,) = fig.axes
    (legend,) = fig.legends
    assert [line.get_linestyle() for line in ax.get_lines()] == ["-", ":", "-."]  # Facebook, X, YouTube
    handles = dict(zip((t.get_text() for t in legend.get_texts()), legend.legend_handles))
    assert list(handles) == ["Facebook (4)", "TikTok (4)", "X (4)", "YouTube (4)"]
    shown = {name: (handle.get_linestyle(), handle.get_marker()) for name, handle in handles.items()}
    assert shown == {"Facebook (4)": ("-", "o"), "TikTok (4)": ("None", "X"), "X (4)": (":", "^"),
                     "YouTube (4)": ("-.", "D")}
    assert len({str(style) for style in plots.PLATFORM_LINES.values()}) == len(plots.PLATFORM_LINES)
    matplotlib.pyplot.close(fig)


def test_scatter_and_quadrant_markers_have_a_dark_edge_against_white():
    """Instagram's orange at 70% opacity on white reads at 1.9:1, under the 3:1 graphics want: every marker,
    on the scatter and the quadrants, and in their legends, now has a 0.5-point edge of grey 0.2 (12.6:1
    against white), its face still translucent, so that overlapping markers stay apart."""
    import pandas as pd

    posts = pd.DataFrame({"platform": ["instagram"] * 4, "reach": [10, 100, 1000, 10_000],
                          "reactions": [1, 5, 40, 300], "comments": pd.NA, "shares": pd.NA, "saves": pd.NA})
    scatter = plots.reach_vs_interactions(posts, "title", {}, Translator("en"))
    quadrants = plots.quadrant(quadrant_table("facebook", [10, 20, 30, 40], [0.01, 0.03, 0.02, 0.04]), "title",
                               Translator("en"))
    collections = [c for fig in (scatter, quadrants) for ax in fig.axes for c in ax.collections]
    assert len(collections) == 5
    for collection in collections:
        assert collection.get_linewidths()[0] == 0.5
        assert matplotlib.colors.to_hex(collection.get_edgecolors()[0]) == "#333333"
        assert collection.get_edgecolors()[0][3] == 1 and collection.get_facecolors()[0][3] < 1
    assert plots.contrast_ratio("0.2", "white") == pytest.approx(12.63, abs=0.01)
    (handle,) = scatter.legends[0].legend_handles
    assert handle.get_markeredgecolor() == "0.2" and handle.get_markeredgewidth() == 0.5
    for fig in (scatter, quadrants):
        matplotlib.pyplot.close(fig)


def test_contrast_ratio_follows_wcag():
    """WCAG 2: each channel c (0 to 1) linearised as c / 12.92 up to 0.03928, else ((c + 0.055) / 1.055)^2.4;
    luminance L = 0.2126 R + 0.7152 G + 0.0722 B; contrast (L1 + 0.05) / (L2 + 0.05). #1fa088 (31, 160, 136):
    0.013702, 0.351533 and 0.246201 linear, L = 0.272105; white on it (1.05 / 0.322105) 3.26:1, grey 0.15
    (L = 0.019607) 4.63:1 (0.322105 / 0.069607)."""
    assert plots.relative_luminance("white") == 1 and plots.relative_luminance("black") == 0
    assert plots.contrast_ratio("black", "white") == pytest.approx(21)
    assert plots.relative_luminance("#1fa088") == pytest.approx(0.272105, abs=1e-5)
    assert plots.relative_luminance("0.15") == pytest.approx(0.019607, abs=1e-5)
    assert plots.contrast_ratio("white", "#1fa088") == pytest.approx(3.2598, abs=1e-3)
    assert plots.contrast_ratio("#1fa088", "0.15") == pytest.approx(4.6275, abs=1e-3)  # either order
    assert plots.relative_luminance((0.0, 0.0, 0.0, 0.3)) == 0  # alpha ignored
    # the higher of the two: dark grey on the teal and on yellow, white on viridis' purple
    assert plots.text_colour_on("#1fa088") == "0.15" and plots.text_colour_on("#24aa83") == "0.15"
    assert plots.text_colour_on("#fde725") == "0.15" and plots.text_colour_on("#440154") == "white"


def test_each_heat_map_count_is_written_in_the_colour_of_higher_contrast_with_its_cell():
    """Counts were white on the lower 60% of the scale: on viridis' teal (Kopi Senja's Facebook, Thursday
    12:00, #1fa088) white reads at 3.3:1, dark grey at 4.6:1. Each count now takes the colour of higher
    contrast with its own cell: on a scale of 0 to 10%, a 1% cell (near purple) in white, a 5.5% (teal, white
    before as below 60% of the scale) and a 10% (yellow) in dark grey, as is the count of a cell too thin to
    colour (on white)."""
    import pandas as pd

    table = pd.DataFrame({"platform": "facebook", "weekday": "Monday", "hour": [9, 10, 11, 12],
                          "posts": [3, 3, 3, 1], "reporting": [3, 3, 3, 1], "days": [3, 3, 3, 1],
                          "median": [0.01, 0.055, 0.10, 0.5]})
    fig = plots.day_hour_heatmap(table, "title", Translator("en"))
    ax = fig.axes[0]
    mesh = ax.collections[0]
    written = {t.get_position()[0]: t.get_color() for t in ax.texts}
    assert written == {0.5: "white", 1.5: "0.15", 2.5: "0.15", 3.5: "0.15"}
    teal = mesh.to_rgba(5.5)
    assert plots.contrast_ratio("0.15", teal) > plots.contrast_ratio("white", teal)
    matplotlib.pyplot.close(fig)


def test_the_slope_charts_legend_and_drawing_count_the_tops_as_the_title_does():
    """Twelve posts ranked 1 to 12 by reach, top 4. By interactions: post 0 first (50), post 1 second (40),
    posts 2, 5 and 7 tied at 3–5 (30 each), the rest 10 to 1. The tie spans the 4th place: those posts may or
    may not be in the top 4, so the overlap's lists are the 4 with the most reach and the 2 with the most
    interactions (posts 0 and 1), and posts 0 and 1 are in both. The legend quotes those sizes as the title
    does ("among the 2 with the most interactions", where it said "in the top 4 under both lenses"); post 2,
    ranked #3–5, ends on the cut-off line (4.5), dashed, not above it at 3; above the line on the right lie
    posts 0 and 1 only, both solid."""
    import pandas as pd

    from helpers import compare

    interactions = [50, 40, 30, 10, 9, 30, 8, 30, 7, 6, 5, 4]
    posts = pd.DataFrame({"platform": "facebook", "reach": [120 - 10 * i for i in range(12)],
                          "reactions": interactions, "comments": 0, "shares": 0, "saves": 0,
                          "published_at": pd.Timestamp("2026-09-01", tz="UTC"), "post_id": [str(i) for i in range(12)]})
    overlap = compare.top_n_overlap(posts, 4)
    assert list(overlap["top_a"]) == [0, 1, 2, 3] and list(overlap["top_b"]) == [0, 1]
    assert (overlap["size_a"], overlap["size_b"], set(overlap["both"])) == (4, 2, {0, 1})
    ranks = compare.rank_table(posts).rename(columns={"reach": "broadcast", "rank by reach": "rank by broadcast",
                                                      "last rank by reach": "last rank by broadcast"})
    assert ranks.loc[2, ["rank by interactions", "last rank by interactions"]].tolist() == [3, 5]
    for language, texts in (
            ("en", ["among the 4 with the most reach and the 2 with the most interactions",
                    "not among the 2 with the most interactions (a post tied at the cut-off of the top 4 counts"
                    " as not)"]),
            ("id", ["termasuk 4 dengan jangkauan tertinggi dan 2 dengan interaksi terbanyak",
                    "tidak termasuk 2 dengan interaksi terbanyak (unggahan yang seri di batas 4 teratas dihitung"
                    " tidak termasuk)"])):
        tr = Translator(language)
        fig = plots.rank_shift(ranks, "facebook", 4, "t", tr, kept=set(overlap["both"]), shown=overlap["top_a"],
                               sizes=(overlap["size_a"], overlap["size_b"]))
        (legend,) = fig.legends
        assert [t.get_text().replace("\n", " ") for t in legend.get_texts()] == texts
        ax = fig.axes[0]
        posts_drawn = [line for line in ax.get_lines() if line.get_marker() == "o"]
        ends = {float(line.get_ydata()[0]): (float(line.get_ydata()[1]), line.get_linestyle())
                for line in posts_drawn}
        assert ends == {1: (1, "-"), 2: (2, "-"), 3: (4.5, "--"), 4: (6, "--")}
        above = [start for start, (end, _) in ends.items() if end < 4.5]
        assert above == [1, 2] and all(ends[start][1] == "-" for start in above)
        assert "#3–5" in [t.get_text() for t in ax.texts]
        matplotlib.pyplot.close(fig)
    assert plots.landing(ranks.loc[[0, 2, 3]], 4).tolist() == [1, 4.5, 6]
    # without ties at the cut-off, the legend says the top N, as before
    fig = plots.rank_shift(ranks, "facebook", 4, "t", Translator("en"), kept={0, 1}, shown=[0, 1, 2, 3])
    assert [t.get_text() for t in fig.legends[0].get_texts()][0] == "in the top 4 under both lenses"
    matplotlib.pyplot.close(fig)


def test_a_heat_map_cell_of_one_thread_is_not_coloured():
    """A thread: eight posts of one Monday at 14:00, four with 1 impression and 1 interaction each (Wormhole's X,
    a median post's 51% here), the map's brightest cell, although its posts share one day's audience and the timing test
    counts them once (compare.slot_test). A cell is coloured only when its posts reporting the rate fall on 3 days
    or more; the thread's cell keeps its count, uncoloured."""
    import numpy
    import pandas as pd

    from helpers import compare
    from helpers.schema import conform

    times = ["2025-01-13 14:45"] * 8 + ["2025-01-14 09:10", "2025-01-21 09:20", "2025-01-28 09:05"]
    posts = pd.DataFrame({"platform": "x", "published_precision": "minute",
                          "published_at": pd.to_datetime(times).tz_localize("UTC"),
                          "impressions": [1, 1, 1, 1, 50, 50, 50, 50, 100, 100, 100],
                          "reach": [1, 1, 1, 1, 50, 50, 50, 50, 100, 100, 100],
                          "reactions": [1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4], "comments": 0, "shares": 0})
    table = compare.day_hour(conform(posts)).set_index(["weekday", "hour"])
    assert table.loc[("Monday", 14), ["reporting", "days"]].tolist() == [8, 1]
    # a cell's median is of its days' pooled rates: the thread's day, 8 ÷ 204, not the median post's 51%
    assert table.loc[("Monday", 14), "median"] == pytest.approx(8 / 204)
    assert table.loc[("Tuesday", 9), ["reporting", "days"]].tolist() == [3, 3]
    fig = plots.day_hour_heatmap(table.reset_index(), "title", Translator("en"))
    mesh = fig.axes[0].collections[0]
    values = mesh.get_array()
    coloured = values[~numpy.ma.getmaskarray(values)].tolist()
    matplotlib.pyplot.close(fig)
    assert coloured == pytest.approx([4.0])  # the Tuesday cell alone, 4 ÷ 100 = 4%; not the thread's 51%


def test_a_round_rank_half_a_step_from_the_lowest_is_left_out_so_labels_do_not_touch():
    """Ranks 11 to 22 below a top-10 break: ticks every 4 would put 20 half a step (2) above 22, which a
    compressed band draws almost on it (Oigetit's Instagram chart): 20 is left out."""
    from helpers import plots

    assert plots.RankAxis(10, 22, 2).ticks()[1][10:] == ["11", "16", "22"]
