"""What a file is: the text `python -m helpers inspect FILE...` prints for each export (a folder: each file in it,
the files that are no export listed as skipped, as explore.load_folder lists them).

Per file: the family, rows imported and dropped (and why), the period covered, which canonical metrics
are present and which are not, and data-quality warnings. A file that cannot be read gets its error,
and the other files are still described.
"""
from __future__ import annotations

from pathlib import Path


from .errors import ExportFormatError, FileUnreadable, NotReadHere, WorkbookError
from .explore import folder_files
from .i18n import Translator, use_language
from .importers import (FileReport, advice_for, check_timezone, detect_family, expand_paths, family_named,
                        import_exports)
from .importers.reading import archive_files
from .paths import display_path, is_pattern, resolve
from .quality import impressions_word
from .schema import COUNT_COLUMNS

POST_METRICS = COUNT_COLUMNS + ("watch_time_seconds", "spend")
#: Metrics only one platform's exports can carry: another platform's file is not said to lack them.
ONE_PLATFORM_METRICS = {"engaged_views": "youtube"}


LABELS = ("family", "platform", "rows", "days", "superseded", "period", "metrics", "not_reported", "warning")


def _report_lines(report: FileReport, tr: Translator, label, rows_key: str, timed: bool = False,
                  zone_note: str = "", absent: tuple[str, ...] = (), kinds: frozenset = frozenset(),
                  clock: str | None = None) -> list[str]:
    """The lines describing one file's import report, labels aligned in the reader's language. The period is
    written as the language writes dates ("28 February 2025", as the warnings below it), with the time of day
    where `timed` (posts whose exports give it; a date-only export's would all read 00:00), on `clock` when
    given (the zone of a column mapping, _mapping_zone). `kinds`: what
    the file's impressions count (impressions_kind), said beside them when it is not impressions (Meta's
    views since 2025, YouTube's thumbnail impressions), as the post table's impressions_kind says."""
    width = max(len(tr.t(f"cli.inspect.{key}")) for key in LABELS) + 2

    def line(key: str, text) -> str:
        return f"  {tr.t(f'cli.inspect.{key}') + ':':<{width}}{text}"
    lines = [line("family", f"{tr.message(label)} [{report.family}]"),
             line("platform", report.platforms_read or tr.t("common.na")),
             line(rows_key, tr.t("cli.inspect.counts", in_file=tr.number(report.rows_in_file),
                                 imported=tr.number(report.rows_imported),
                                 dropped=tr.number(sum(report.dropped.values()))))]
    lines += ["    " + tr.t("cli.inspect.dropped", count=tr.number(count), why=tr.message(why))
              for why, count in report.dropped.items()]
    if report.superseded:  # by which newer file, and what shows it is the newer
        why = "; ".join(tr.message(reason) for _, reason in report.superseded_by.values())
        lines.append(line("superseded", tr.t("cli.inspect.superseded_text", count=tr.number(report.superseded),
                                             why=why)))
    shown = tr.datetime if timed else tr.date
    written = (lambda moment: shown(moment.tz_convert(clock))) if clock else shown
    if report.period_read and report.period_read != report.period:  # newer exports replaced some of its rows
        whole = dict(file_first=written(report.period_read[0]), file_last=written(report.period_read[1]))
        period = tr.t("cli.inspect.period_kept_text", first=written(report.period[0]), last=written(report.period[1]),
                      **whole) if report.period else tr.t("cli.inspect.period_none_kept", **whole)
        lines.append(line("period", f"{period} {zone_note}".rstrip()))
    elif report.period:
        first, last = report.period
        period = tr.t("cli.inspect.period_text", first=written(first), last=written(last))
        lines.append(line("period", f"{period} {zone_note}".rstrip()))
    present = report.metrics_present
    none = tr.t("cli.inspect.none")
    counted = tr.message(impressions_word(kinds)) if kinds and set(kinds) != {"impressions"} else ""
    word = counted or tr.message(impressions_word(()))
    lines.append(line("metrics", ", ".join(_metric_name(m, tr, counted, word) for m in present) or none))
    missing = [m for m in absent if m not in present and ONE_PLATFORM_METRICS.get(m, report.platform) == report.platform]
    if absent:  # after the names' own brackets, the note follows a semicolon: "biaya (spend); NA di …"
        names = ", ".join(_metric_name(m, tr) for m in missing)
        lines.append(line("not_reported", f"{names}; {tr.t('cli.inspect.not_reported_note')}" if names else none))
    lines += [line("warning", tr.message(warning)) for warning in report.warnings]
    return lines


def _metric_name(column: str, tr: Translator, counted: str = "", word: str | None = None) -> str:
    """A metric as the report names it (Translator.metric), with the post table's column in brackets where
    the name differs, for a notebook that reads it: 'jangkauan (reach)', 'video views (video_views)'.
    Impressions are named by the word for impressions, not the report's label "(or views)": `counted`, when
    given, says what the file's impressions count instead (Meta's views, YouTube's thumbnail impressions);
    `word` names them in a part of them (LinkedIn's organic and sponsored impressions)."""
    if column == "impressions":
        return tr.t("cli.inspect.impressions_counted", kind=counted) if counted else \
            tr.t("cli.inspect.impressions")
    name = tr.metric(column, impressions=word)
    return name if name == column else f"{name} ({column})"


def _kinds_of(path: Path, family: str | None) -> list[str]:
    """'posts', 'daily' or 'paid': the tables a file goes to, by its header (or by the family given). A
    workbook of posts and a daily series (LinkedIn's) goes to both, as sources.split_exports sends it."""
    from .daily import daily_family_named, detect_daily_family
    from .paid import detect_paid_family, paid_family_named
    from .sources import holds_daily_series

    kinds = (("posts", detect_family, family_named), ("daily", detect_daily_family, daily_family_named),
             ("paid", detect_paid_family, paid_family_named))
    first_error = None
    for kind, detect, named in kinds:
        try:
            if family:
                named(family)
                return [kind]
            found = detect(path)
            return ["posts", "daily"] if kind == "posts" and holds_daily_series(path, found) else [kind]
        except WorkbookError as error:  # ExportFormatError from detection, WorkbookError for an unknown name
            first_error = first_error or error
    raise first_error


def _read_together(paths: list[Path], timezone: str | None, family: str | None, options: dict, mapped: dict):
    """The post exports among `paths` imported together, as a folder or a roster reads them (a batch's
    Business Suite clock reaches its Facebook exports), those of `mapped` through their column mapping; None
    when fewer than two, or when one cannot be read (each file is then read alone, and the one that fails says
    why)."""
    from .importers import copied_sheet, read_header_names

    posts = []
    for path in paths:
        try:
            # a CSV copy of a workbook's sheet goes too: left out beside its workbook, refused without it
            if (path in mapped or (not family and copied_sheet(path, read_header_names(path)))
                    or "posts" in _kinds_of(path, family)):
                posts.append(path)
        except WorkbookError:
            continue
    if len(posts) < 2:
        return None
    try:
        return import_exports(posts, timezone=timezone or "UTC", family=family, mapped=mapped, **options)
    except (WorkbookError, OSError):
        return None


def _column_mapping(options: dict) -> Path | None:
    """The column mapping given with no family (--mapping without --family), taken out of `options` and checked
    as explore.load_folder checks its mapping=, every problem of it at once (a relative path starts where the
    command runs: `mapping_here`); None when none was given."""
    from .importers.mapped_csv import load_mapping
    from .paths import PROJECT_ROOT

    given, here = options.pop("mapping", None), options.pop("mapping_here", None)
    if given is None:
        return None
    path = resolve(given, here or PROJECT_ROOT)
    load_mapping(path, None, given=given, typed_here=here is not None)
    return path


def _mapping_zone(path: Path, mapped: dict, family: str | None, options: dict) -> str | None:
    """The time zone the column mapping reading `path` gives (its `timezone:`), in which inspect shows that
    file's times when no --timezone is given, as the mapping reads them; None when no mapping reads the file
    or the mapping gives no zone (or cannot be read: reading the file says why)."""
    from .importers.mapped_csv import read_mapping
    from .paths import PROJECT_ROOT

    given = mapped.get(path) or (options.get("mapping") if family == "mapped_csv" else None)
    if given is None or isinstance(given, dict):
        return None
    try:
        zone = read_mapping(resolve(given, options.get("mapping_here") or PROJECT_ROOT)).get("timezone")
    except WorkbookError:
        return None
    return str(zone) if zone else None


def _read_through(path: Path, files: list[Path], mapping: Path | None) -> bool:
    """Whether `path` is read through the column `mapping`: a CSV file no export family recognises, whose header
    has every column the mapping names (sources.sort_file, as explore.load_folder sorts a folder's files)."""
    from .sources import sort_file

    if mapping is None:
        return False
    try:
        return sort_file(path, files, skip_unknown=True, mapping=mapping)[0] == ("mapped",)
    except (WorkbookError, OSError):
        return False


#: The import notes that say a copy beside an export was left out: a spreadsheet copy of a CSV export, a CSV
#: copy of a workbook's sheet.
LEFT_OUT_NOTES = ("imports.importers.spreadsheet_copy_left_out", "imports.importers.csv_copy_left_out")


def _left_out(joint, path: Path, tr: Translator) -> str | None:
    """The line saying `path` was not read, when the files imported together (`joint`) left it out as a copy
    of the export beside it (a spreadsheet copy of a CSV, a CSV copy of a workbook's sheet); else None."""
    if joint is None or any(r.path == path for r in joint.reports):
        return None
    for report in joint.reports:
        for note in report.warnings:
            if getattr(note, "key", "") in LEFT_OUT_NOTES and note.values.get("copy") == path.name:
                if note.key == "imports.importers.spreadsheet_copy_left_out":
                    return tr.t("cli.inspect.copy_left_out", original=display_path(report.path))
                return tr.t("cli.inspect.csv_copy_left_out", original=display_path(report.path))
    return None


def _cannot_read(name: str, error: WorkbookError | str, tr: Translator) -> str:
    """The block of a file that could not be read: its name, then the error, indented."""
    return "\n".join([name, "  " + tr.t("cli.inspect.cannot_read"), *(f"    {line}" for line in str(error).splitlines())])


def _skipped(name: str, why: WorkbookError | str, tr: Translator) -> str:
    """The block of a file of a folder that is no export, skipped as explore.load_folder skips it (a note, a
    document, YouTube's breakdown beside its totals): its name, then why, indented."""
    return "\n".join([name, "  " + tr.t("cli.inspect.skipped"), *(f"    {line}" for line in str(why).splitlines())])


def describe(paths, *, timezone: str | None = None, family: str | None = None, language: str = "en",
             **options) -> tuple[str, int]:
    """A description of each file, in `language`, and the number of files that could not be read. A folder or
    a pattern is gone through as explore.load_folder goes through it (folder_files, sources.sort_file): a file
    in it that is no export (a note, a document, YouTube's breakdown beside its totals) is listed as skipped,
    with why, and is no failure unless it may hold posts; a file named on its own that is no export is one.
    A `mapping` given without a `family` (--mapping alone) reads through it each CSV file no export family
    recognises whose header has the columns it names, as load_folder's mapping= does, in a folder or named on
    its own; the advice on reading a file no family knows through a mapping is worded for the command line."""
    from .daily import daily_family_named, import_daily_series, series_impressions_kind
    from .paid import import_paid_delivery, paid_family_named

    from .sources import extracted_archive, sort_file

    tr = use_language(language)  # the importers' notes and errors speak it too
    check_timezone(timezone)
    mapping = None if family else _column_mapping(options)  # with --family mapped_csv: that family's own option
    blocks, failures, post_files, items, loose, named = [], 0, [], {}, set(), set()
    for entry in [paths] if isinstance(paths, (str, Path)) else paths:
        try:  # one entry that names nothing does not keep the others from being described
            whole = resolve(entry).is_dir() or is_pattern(resolve(entry))  # a folder or a pattern, as loaded whole
            found = folder_files(entry) if whole else expand_paths(entry)
        except WorkbookError as error:
            items[_cannot_read(display_path(entry), error, tr)] = None
            continue
        items.update(dict.fromkeys(found))
        (loose if whole else named).update(found)
    loose -= named  # a file named on its own is read as one, also when a folder given holds it
    zone_note = f"({timezone})" if timezone else tr.t("cli.inspect.zone_default")
    read = [p for p in items if isinstance(p, Path)]
    mapped = {path: mapping for path in read if _read_through(path, read, mapping)}
    joint = _read_together(read, timezone, family, options, mapped)
    for path in items:
        if isinstance(path, str):  # the block of an entry that names no file
            failures += 1
            blocks.append(path)
            continue
        header = [display_path(path)]
        if (left_out := _left_out(joint, path, tr)) is not None:
            blocks.append("\n".join(header + ["  " + left_out]))
            continue
        try:
            inside = archive_files(path)
            extracted = inside is not None and extracted_archive(path, inside, read)
            if extracted:  # a zip whose files are read where they were extracted
                blocks.append("\n".join(header + ["  " + tr.message(extracted)]))
                continue
            if path in loose and inside is None and not family and path not in mapped:
                # sorted as a folder loaded whole sorts it
                _, why, unread = sort_file(path, read, skip_unknown=True, mapping=mapping, advice="inspect_folder")
                if why is not None:  # a note, a document, a lone copy: listed with why, a failure if it may
                    failures += int(unread)  # hold posts (an unextracted zip stays an error: it holds exports)
                    blocks.append(_cannot_read(header[0], why, tr) if unread else _skipped(header[0], why, tr))
                    continue
            elif mapping is not None and path not in mapped and inside is None:
                sort_file(path, read, mapping=mapping)  # one neither a family nor the mapping reads: why
            for kind in ["posts"] if path in mapped else _kinds_of(path, family):
                if kind == "posts":
                    # as read with the others when they read together (a batch lends one clock), else alone
                    # alone, only its own mapping: another mapped file is not among the files this read holds
                    mine_mapped = {path: mapped[path]} if path in mapped else {}
                    result = joint or import_exports(path, timezone=timezone or "UTC", family=family,
                                                     mapped=mine_mapped, **options)
                    report = next(r for r in result.reports if r.path == path)
                    mine = result.posts[result.posts["source_file"] == str(path)]
                    timed = bool(mine["published_precision"].eq("minute").all())  # not TikTok Studio's dates
                    clock = None if timezone else _mapping_zone(path, mapped, family, options)
                    header += _report_lines(report, tr, family_named(report.family).label, "rows",
                                            timed, f"({clock})" if clock else zone_note, POST_METRICS,
                                            frozenset(mine["impressions_kind"].dropna().astype(str)), clock)
                    post_files.append(path)
                elif kind == "daily":
                    report = import_daily_series(path, family=family, **options).reports[0]
                    label = tr.noted(daily_family_named(report.family).label, tr.t("cli.inspect.daily"))
                    header += _report_lines(report, tr, label, "days",
                                            kinds=frozenset({series_impressions_kind(report.platform)}))
                else:
                    report = import_paid_delivery(path, family=family).reports[0]
                    label = tr.noted(paid_family_named(report.family).label, tr.t("cli.inspect.paid"))
                    header += _report_lines(report, tr, label, "rows")
        except NotReadHere as unread:  # a breakdown beside its download's totals: skipped in a folder
            if path not in loose:
                failures += 1
            header = [(_skipped if path in loose else _cannot_read)(header[0], unread, tr)]
        except WorkbookError as error:  # a file no family knows, or dates without a year: the advice from here
            failures += 1
            advised = advice_for(error, "inspect") if isinstance(error, ExportFormatError) else error
            header = [_cannot_read(header[0], advised, tr)]
        except OSError as error:  # not readable by this user, say: the reason in the reader's language
            failures += 1
            header = [_cannot_read(header[0], FileUnreadable.of(path, error), tr)]
        blocks.append("\n".join(header))
    if len(post_files) > 1:
        together = joint or import_exports(post_files, timezone=timezone or "UTC", family=family,
                                           mapped={p: m for p, m in mapped.items() if p in post_files}, **options)
        superseded = sum(r.superseded for r in together.reports)
        blocks.append(tr.t("cli.inspect.together", posts=tr.number(len(together.posts)),
                           files=tr.number(len(post_files)), superseded=tr.number(superseded)))
    return "\n\n".join(blocks), failures
