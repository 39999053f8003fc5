"""What a file is: the text `python -m helpers inspect FILE...` prints for each export.

Per file: the family, rows imported and dropped (and why), the period covered, which canonical metrics
are present and which are not, and data-quality warnings. A file that cannot be read gets its error,
and the other files are still described.
"""
from __future__ import annotations


from .errors import WorkbookError
from .importers import FileReport, expand_paths, family_named, import_exports
from .paths import display_path
from .schema import COUNT_COLUMNS

POST_METRICS = COUNT_COLUMNS + ("watch_time_seconds", "spend")


def _post_lines(report: FileReport, timezone_note: str) -> list[str]:
    family = family_named(report.family)
    lines = [f"  family:       {family.label} [{family.name}]",
             f"  platform:     {report.platform or 'n/a'}",
             f"  rows:         {report.rows_in_file} in file, {report.rows_imported} imported,"
             f" {sum(report.dropped.values())} dropped"]
    for why, count in report.dropped.items():
        lines.append(f"    dropped {count}: {why}")
    if report.superseded:
        lines.append(f"  superseded:   {report.superseded} row(s) replaced by the same post in a newer export")
    if report.period:
        first, last = report.period
        lines.append(f"  period:       {first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} {timezone_note}")
    present = report.metrics_present
    lines.append(f"  metrics:      {', '.join(present) or 'none'}")
    missing = [m for m in POST_METRICS if m not in present]
    lines.append(f"  not reported: {', '.join(missing) or 'none'} (NA in the post table, never 0)")
    for warning in report.warnings:
        lines.append(f"  warning:      {warning}")
    return lines


def _daily_lines(report: FileReport) -> list[str]:
    from .daily import daily_family_named

    family = daily_family_named(report.family)
    lines = [f"  family:       {family.label} [{family.name}] (daily, channel-level series)",
             f"  platform:     {report.platform or 'n/a'}",
             f"  days:         {report.rows_in_file} in file, {report.rows_imported} imported,"
             f" {sum(report.dropped.values())} dropped"]
    for why, count in report.dropped.items():
        lines.append(f"    dropped {count}: {why}")
    if report.period:
        lines.append(f"  period:       {report.period[0]:%Y-%m-%d} to {report.period[1]:%Y-%m-%d}")
    lines.append(f"  metrics:      {', '.join(report.metrics_present) or 'none'}")
    for warning in report.warnings:
        lines.append(f"  warning:      {warning}")
    return lines


def describe(paths, *, timezone: str | None = None, family: str | None = None, **options) -> tuple[str, int]:
    """A description of each file and the number of files that could not be read."""
    from .daily import import_daily_series

    files = expand_paths(paths)
    blocks, failures, post_files = [], 0, []
    zone_note = f"({timezone})" if timezone else "(UTC: pass --timezone for exports that write local times)"
    for path in files:
        header = [display_path(path)]
        try:
            result = import_exports(path, timezone=timezone or "UTC", family=family, **options)
            header += _post_lines(result.reports[0], zone_note)
            post_files.append(path)
        except WorkbookError as post_error:
            try:
                daily = import_daily_series(path, family=family if family else None, **options)
                header += _daily_lines(daily.reports[0])
            except WorkbookError as daily_error:
                failures += 1
                message = post_error if "not an export the workbook knows" not in str(post_error) else daily_error
                if "not an export the workbook knows" in str(post_error) and "not a daily" in str(daily_error):
                    message = post_error
                header.append("  cannot be read:")
                header += [f"    {line}" for line in str(message).splitlines()]
        blocks.append("\n".join(header))
    if len(post_files) > 1:
        together = import_exports(post_files, timezone=timezone or "UTC", family=family, **options)
        superseded = sum(r.superseded for r in together.reports)
        blocks.append(f"together: {len(together.posts)} distinct posts from {len(post_files)} files;"
                      f" {superseded} row(s) superseded by the same post in a more recent export")
    return "\n\n".join(blocks), failures
