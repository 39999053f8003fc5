"""What a file is: the text `python -m helpers inspect FILE...` prints for each export.

Per file: the family, rows imported and dropped (and why), the period covered, which canonical metrics
are present and which are not, and data-quality warnings. A file that cannot be read gets its error,
and the other files are still described.
"""
from __future__ import annotations

from pathlib import Path


from .errors import WorkbookError
from .importers import FileReport, check_timezone, detect_family, expand_paths, family_named, import_exports
from .paths import display_path
from .schema import COUNT_COLUMNS

POST_METRICS = COUNT_COLUMNS + ("watch_time_seconds", "spend")


def _report_lines(report: FileReport, label: str, rows_word: str, period_format: str, zone_note: str = "",
                  absent: tuple[str, ...] = ()) -> list[str]:
    """The lines describing one file's import report."""
    lines = [f"  family:       {label} [{report.family}]",
             f"  platform:     {report.platform or 'n/a'}",
             f"  {rows_word + ':':<14}{report.rows_in_file} in file, {report.rows_imported} imported,"
             f" {sum(report.dropped.values())} dropped"]
    lines += [f"    dropped {count}: {why}" for why, count in report.dropped.items()]
    if report.superseded:
        lines.append(f"  superseded:   {report.superseded} row(s) replaced by the same data in a newer export")
    if report.period:
        first, last = report.period
        lines.append(f"  period:       {first:{period_format}} to {last:{period_format}} {zone_note}".rstrip())
    present = report.metrics_present
    lines.append(f"  metrics:      {', '.join(present) or 'none'}")
    missing = [m for m in absent if m not in present]
    if absent:
        lines.append(f"  not reported: {', '.join(missing) or 'none'} (NA in the post table, never 0)")
    lines += [f"  warning:      {warning}" for warning in report.warnings]
    return lines


def _kind_of(path: Path, family: str | None) -> str:
    """'posts', 'daily' or 'paid': which table a file goes to, by its header (or by the family given)."""
    from .daily import daily_family_named, detect_daily_family
    from .paid import detect_paid_family, paid_family_named

    kinds = (("posts", detect_family, family_named), ("daily", detect_daily_family, daily_family_named),
             ("paid", detect_paid_family, paid_family_named))
    first_error = None
    for kind, detect, named in kinds:
        try:
            if family:
                named(family)
            else:
                detect(path)
            return kind
        except WorkbookError as error:  # ExportFormatError from detection, WorkbookError for an unknown name
            first_error = first_error or error
    raise first_error


def describe(paths, *, timezone: str | None = None, family: str | None = None, **options) -> tuple[str, int]:
    """A description of each file and the number of files that could not be read."""
    from .daily import daily_family_named, import_daily_series
    from .paid import import_paid_delivery, paid_family_named

    check_timezone(timezone)
    files = expand_paths(paths)
    blocks, failures, post_files = [], 0, []
    zone_note = f"({timezone})" if timezone else "(UTC: pass --timezone for exports that write local times)"
    for path in files:
        header = [display_path(path)]
        try:
            kind = _kind_of(path, family)
            if kind == "posts":
                report = import_exports(path, timezone=timezone or "UTC", family=family, **options).reports[0]
                header += _report_lines(report, family_named(report.family).label, "rows", "%Y-%m-%d %H:%M",
                                        zone_note, POST_METRICS)
                post_files.append(path)
            elif kind == "daily":
                report = import_daily_series(path, family=family, **options).reports[0]
                header += _report_lines(report, daily_family_named(report.family).label + " (daily series)",
                                        "days", "%Y-%m-%d")
            else:
                report = import_paid_delivery(path, family=family).reports[0]
                header += _report_lines(report, paid_family_named(report.family).label + " (paid delivery)",
                                        "rows", "%Y-%m-%d")
        except WorkbookError as error:
            failures += 1
            header.append("  cannot be read:")
            header += [f"    {line}" for line in str(error).splitlines()]
        blocks.append("\n".join(header))
    if len(post_files) > 1:
        together = import_exports(post_files, timezone=timezone or "UTC", family=family, **options)
        superseded = sum(r.superseded for r in together.reports)
        blocks.append(f"together: {len(together.posts)} distinct posts from {len(post_files)} files;"
                      f" {superseded} row(s) superseded by the same post in a more recent export")
    return "\n\n".join(blocks), failures
