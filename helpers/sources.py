"""Sorting a client's export files into the three canonical tables: posts, daily series, paid delivery.

A roster lists a client's exports without saying which is which; each file is recognised by its header.
A file that is none of the three gets the post-level error, which names the closest known family.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import ExportFormatError


@dataclass
class Sources:
    post_files: list[Path] = field(default_factory=list)
    daily_files: list[Path] = field(default_factory=list)
    paid_files: list[Path] = field(default_factory=list)
    daily: pd.DataFrame | None = None
    daily_warnings: list[str] = field(default_factory=list)
    paid: pd.DataFrame | None = None
    paid_reports: list = field(default_factory=list)


def split_exports(files: list[Path], *, client: str = "client", timezone: str | None = None,
                  **options) -> Sources:
    """Recognise each file (post, daily or paid family) and load the daily and paid tables."""
    from .daily import detect_daily_family, import_daily_series
    from .importers import detect_family
    from .paid import detect_paid_family, import_paid_delivery

    sources = Sources()
    for path in files:
        try:
            detect_family(path)
            sources.post_files.append(path)
            continue
        except ExportFormatError as post_error:
            error = post_error
        for detect, bucket in ((detect_daily_family, sources.daily_files), (detect_paid_family, sources.paid_files)):
            try:
                detect(path)
                bucket.append(path)
                break
            except ExportFormatError:
                continue
        else:
            raise error
    if sources.daily_files:
        result = import_daily_series(sources.daily_files, client=client, **options)
        sources.daily, sources.daily_warnings = result.daily, result.warnings()
    if sources.paid_files:
        result = import_paid_delivery(sources.paid_files, client=client)
        sources.paid, sources.paid_reports = result.table, result.reports
    return sources
