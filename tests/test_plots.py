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

    table = pd.DataFrame({"platform": ["facebook", "facebook", "instagram"], "weekday": ["Monday", "Tuesday", "Monday"],
                          "hour": [9, 9, 18], "posts": [3, 4, 5], "reporting": [3, 4, 5], "median": [0.2, 0.1, 0.01]})
    fig = plots.day_hour_heatmap(table, "title", Translator("en"))
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left").split(":")[0] for ax in panels] == ["Facebook", "Instagram"]
    assert len(fig.axes) == 4  # two panels, two colour bars
    assert all(len(ax.get_xticks()) == 10 for ax in panels)  # the same hours (9 to 18) on both, lined up
    matplotlib.pyplot.close(fig)


def test_a_platform_without_the_rate_gets_no_panel_and_hours_run_without_gaps():
    import pandas as pd

    table = pd.DataFrame({"platform": ["facebook", "facebook", "x"], "weekday": ["Monday", "Tuesday", "Monday"],
                          "hour": [9, 14, 18], "posts": [3, 4, 5], "reporting": [3, 4, 0],
                          "median": [0.2, 0.1, float("nan")]})
    fig = plots.day_hour_heatmap(table, "title", Translator("en"))
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left").split(":")[0] for ax in panels] == ["Facebook"]  # X reports no reach
    assert [t.get_text() for t in panels[0].get_xticklabels()] == [str(h) for h in range(9, 15)]
    matplotlib.pyplot.close(fig)
    thin = table.assign(reporting=[1, 1, 0])  # every cell too thin to colour: no colour scale
    fig = plots.day_hour_heatmap(thin, "title", Translator("en"))
    assert len(fig.axes) == 1
    matplotlib.pyplot.close(fig)
