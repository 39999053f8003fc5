"""Tools shared by the daily-series importers (channel-level series, one value per day and metric).

Each daily importer reads one export file into long rows: platform, date, metric, value, source_file,
source_row (client is set by `helpers.daily`). The contract and the loader live in `helpers/daily.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, metric_label, quoted
from .base import FileReport
from .reading import TextTable, normalise_name
from .values import parse_wall_clock, to_number, to_seconds

#: Canonical metric names every daily importer maps to (meanings in `helpers.daily.METRICS`).
CANONICAL_METRICS = (
    "followers", "follows_gained", "unfollows", "followers_net_change", "reach", "impressions", "views",
    "viewers", "profile_views", "video_views", "watch_time_seconds", "reactions", "comments", "shares",
    "reposts", "saves", "clicks", "platform_engagements",
)

SERIES_COLUMNS = ("platform", "date", "metric", "value", "source_file", "source_row")


@dataclass
class ImportedSeries:
    """What a daily importer returns: long rows (client not yet set) and the file's import report."""

    series: pd.DataFrame  # columns SERIES_COLUMNS
    report: FileReport


def snake_case(name: str) -> str:
    """'Impressions (organic)' -> 'impressions_organic': the name kept for a metric the workbook does not map."""
    text = re.sub(r"[^0-9a-z]+", "_", str(name).casefold()).strip("_")
    return text or "unnamed_metric"


def metric_for(export_name: str, mapping: dict[str, str], platform: str, report: FileReport) -> str:
    """The canonical metric of an export column; an unmapped one keeps a snake_case name, with a warning.

    An unmapped name whose snake_case form is a canonical name (e.g. a bare 'Followers' whose meaning
    the workbook has not checked for that export) gets the platform as prefix, so that it never passes
    silently for the canonical metric.
    """
    key = normalise_name(export_name)
    if key in mapping:
        return mapping[key]
    name = snake_case(export_name)
    if name in CANONICAL_METRICS:
        name = f"{platform}_{name}"
    report.warnings.append(Message("imports.daily_common.unknown_metric", column=quoted(export_name),
                                   metric=quoted(name)))
    return name


def long_rows(path: Path, platform: str, dates: pd.Series, rows: pd.Series,
              metrics: dict[str, pd.Series]) -> pd.DataFrame:
    """Wide daily columns -> long rows (one per date and metric); blank values stay as NA rows."""
    parts = []
    for metric, values in metrics.items():
        parts.append(pd.DataFrame({
            "platform": pd.Series(platform, index=dates.index, dtype="string"),
            "date": dates.astype("datetime64[ns]"),
            "metric": pd.Series(metric, index=dates.index, dtype="string"),
            "value": values.astype("Float64"),
            "source_file": pd.Series(str(path), index=dates.index, dtype="string"),
            "source_row": rows.astype("Int64"),
        }))
    if not parts:
        return empty_series()
    return pd.concat(parts, ignore_index=True)


def empty_series() -> pd.DataFrame:
    return pd.DataFrame({
        "platform": pd.Series(dtype="string"), "date": pd.Series(dtype="datetime64[ns]"),
        "metric": pd.Series(dtype="string"), "value": pd.Series(dtype="Float64"),
        "source_file": pd.Series(dtype="string"), "source_row": pd.Series(dtype="Int64"),
    })


def numbers(table: TextTable, key: str, rows: pd.Series) -> pd.Series:
    """A metric column (rows `rows.index`) as Float64: blank and missing words -> NA; a bad cell names
    its row and column."""
    return to_number(table.frame.loc[rows.index, key], path=table.path, column=table.header[table.keys.index(key)],
                     rows=rows, dtype="Float64", decimal=table.decimal_mark)


def durations_seconds(table: TextTable, key: str, rows: pd.Series) -> pd.Series:
    """'H:MM:SS' or 'M:SS' cells (or plain seconds) -> seconds as Float64; blank -> NA."""
    return to_seconds(table.frame.loc[rows.index, key], path=table.path,
                      column=table.header[table.keys.index(key)], rows=rows)


def parse_dates(cells: pd.Series, formats: tuple[str, ...], *, path: Path, column: str,
                rows: pd.Series, example: str) -> pd.Series:
    """Dates written in one of `formats` (each cell may use any of them) -> midnight, no time zone.

    A time of day, if written, is dropped: the series are per calendar day of the account.
    """
    parsed = parse_wall_clock(cells, formats, path=path, column=column, rows=rows,
                              expected=Message("imports.daily_common.date_like", example=quoted(example)))
    return parsed.astype("datetime64[ns]").dt.normalize()


def reject_platform(path: Path, family_platform: str, platform: str | None) -> str:
    """The family's platform; an error if the caller asked for another one."""
    if platform is not None and platform != family_platform:
        raise ExportFormatError(path, Message("imports.daily_common.wrong_platform", platform=family_platform,
                                              given=quoted(platform)),
                                hint=Message("imports.daily_common.wrong_platform_hint",
                                             platform=quoted(family_platform)))
    return family_platform


def wide_metrics(table: TextTable, rows: pd.Series, mapping: dict[str, str], platform: str,
                 report: FileReport, *, skip: tuple[str, ...] = ("date",), hours: tuple[str, ...] = (),
                 durations: tuple[str, ...] = ()) -> dict[str, pd.Series]:
    """Every column but those in `skip` as a metric: canonical name from `mapping` (normalised export
    name -> metric) or a snake_case name. Columns named in `hours` are converted to seconds, those in
    `durations` read as H:MM:SS. Two columns mapping to one metric keep the first and warn.
    """
    out: dict[str, pd.Series] = {}
    for name, key in zip(table.header, table.keys):
        normal = normalise_name(name)
        if not name or normal in skip:
            continue
        metric = metric_for(name, mapping, platform, report)
        if metric in out:
            report.warnings.append(Message("imports.daily_common.second_column", column=quoted(name),
                                           metric=metric_label(metric)))
            continue
        if normal in durations:
            out[metric] = durations_seconds(table, key, rows)
        elif normal in hours:
            out[metric] = numbers(table, key, rows) * 3600
        else:
            out[metric] = numbers(table, key, rows)
    for metric, values in out.items():
        negative = values.lt(0).fillna(False).astype(bool)
        if negative.any() and metric != "followers_net_change":
            report.warnings.append(Message("imports.daily_common.negative", metric=metric_label(metric),
                                           count=int(negative.sum()), row=str(int(rows[negative].iloc[0]))))
    report.metrics_present = [m for m, v in out.items() if v.notna().any()]
    return out
