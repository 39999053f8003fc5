"""The paid delivery table: what ads bought, one row per row of an ad report (the money side of reach).

Ad reports (Meta Ads Manager) describe delivery per account × breakdown × period, not per post, so they
come apart from the post table (helpers/schema.py). A report's own total row is not a row here: it is kept in
the file's import report (`reported_totals`) and the rows are checked against it.

Reach does not add up. Reach is unique people: someone reached in two regions, or in two months, is one
person in the report's total but counts in both rows. So the total row's reach (1.21 M in a real report) is
far below the sum of its rows' reach (1.85 M). Impressions and spend do add up. `paid_summary` therefore
sums impressions and spend, shows summed reach only under the label "summed reach (not unique people)", and
takes unique reach only from the file's own total row. A blank reach is NA, never 0.
"""
from __future__ import annotations

from functools import lru_cache

import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .errors import ExportFormatError, WorkbookError
from .importers import by_recency, expand_paths, read_header_names, record_replaced
from .importers import meta_ads_manager
from .i18n import Message
from .importers.base import Family, closest_family, file_drops, file_warnings, matching_family
from .importers.meta_ads_manager import ImportedDelivery, PaidFileReport, ReportedTotals
from .importers.recency import Recency
from .schema import PLATFORMS, check_table, conform_columns
from .sources import covered_days_count, merged_days

__all__ = ["PAID_COLUMNS", "PAID_FAMILIES", "PaidFileReport", "ReportedTotals", "detect_paid_family",
           "import_paid_delivery", "load_paid_delivery", "paid_summary", "delivery_rates", "validate_paid",
           "same_delivery_days", "one_per_delivery", "OneDelivery"]

#: Ad placements that are not organic platforms of the post table (Ads Manager's `Platform` breakdown).
AD_PLATFORMS = ("messenger", "audience_network", "threads", "whatsapp")
PAID_PLATFORMS = PLATFORMS + AD_PLATFORMS

#: column -> (pandas dtype, meaning). The order here is the order of the table.
PAID_COLUMNS: dict[str, tuple[str, str]] = {
    "client": ("string", "client id from the roster, or the name given to load_paid_delivery"),
    "platform": ("string", "'facebook' for a report over all Meta placements; the `Platform` breakdown when"
                           " the report has one (facebook, instagram, messenger, audience_network, ...)"),
    "account": ("string", "ad account name as exported"),
    "breakdown": ("string", "the row's breakdown values, 'Region=Cherkasy Oblast; Age=18-24'; NA when none"),
    "period_start": ("datetime64[ns]", "first day the row covers (Day, Week, Month, else Reporting starts)"),
    "period_end": ("datetime64[ns]", "last day the row covers, inclusive"),
    "reach": ("Int64", "unique people reached in this row (Meta: estimated); NA when Meta left it blank"),
    "impressions": ("Int64", "times the ads were on screen"),
    "spend": ("Float64", "amount spent, in `currency`"),
    "currency": ("string", "ISO currency code of the ad account ('UAH', 'USD')"),
    "source_file": ("string", "the report file the row came from"),
    "source_row": ("Int64", "row of the source file, counting the header as row 1 (as a spreadsheet shows it)"),
}

#: Every known paid-delivery family (detected by header, like the post families; kept apart from those).
PAID_FAMILIES: list[Family] = [meta_ads_manager.FAMILY]

SUMMED_REACH = "summed reach (not unique people)"


def paid_family_named(name: str) -> Family:
    for family in PAID_FAMILIES:
        if family.name == name:
            return family
    raise WorkbookError(Message("imports.paid.unknown_family", name=str(name), known=[f.name for f in PAID_FAMILIES]))


def detect_paid_family(path: Path) -> Family:
    """The paid family whose header signature this file carries, or an error listing the known ones."""
    with warnings.catch_warnings():  # Ads Manager workbooks have no default style; openpyxl says so
        warnings.filterwarnings("ignore", message="Workbook contains no default style")
        names = read_header_names(path)
    found = matching_family(PAID_FAMILIES, names)
    if found:
        return found
    closest, missing = closest_family(PAID_FAMILIES, names)
    raise ExportFormatError(
        path, Message("imports.paid.unknown_export"),
        expected=Message("imports.importers.one_of", families=[f.label for f in PAID_FAMILIES]),
        hint=Message("imports.paid.closest_hint", closest=closest.label, missing=[repr(c) for c in missing]))


@dataclass
class PaidImportResult:
    """The paid delivery table and, per file, what was imported, its reported totals and its warnings.

    Unpacks as `(table, reports)`.
    """

    table: pd.DataFrame
    reports: list[PaidFileReport]

    def __iter__(self):
        return iter((self.table, self.reports))

    def warnings(self) -> list[Message]:
        """Each file's data-quality warnings, naming the file."""
        return file_warnings(self.reports)

    def drops(self) -> list[Message]:
        """Each file's dropped rows with the reason, naming the file."""
        return file_drops(self.reports)


def import_paid_delivery(paths, *, client: str = "client", family: str | None = None,
                         **options) -> PaidImportResult:
    """Read ad report files into one validated paid delivery table, with an import report per file.

    `family` forces one family (see PAID_FAMILIES). Reports that overlap (the same account, breakdown and
    period in two files) keep the row of the most recent export (the one downloaded last, as far as the files'
    modification times and the dates in their names tell: importers.recency). Reports of the same account
    over some of the same days, by another breakdown or another time breakdown (by month, or one row over the
    whole span), describe the delivery of those days twice: a warning says so, because summing them would count
    it twice.
    """
    files = expand_paths(paths)
    forced = paid_family_named(family) if family else None
    imported: list[ImportedDelivery] = []
    recency = by_recency(files)
    for path in recency.order:
        fam = forced or detect_paid_family(path)
        imported.append(fam.read_file(path, **options))
    frames = [item.rows for item in imported if len(item.rows)]
    table = pd.concat(frames, ignore_index=True) if frames else empty_paid().drop(columns="client")
    table.insert(0, "client", pd.Series(client, index=table.index, dtype="string"))
    table = conform_paid(table)
    table = _keep_latest(table, imported, recency)
    _warn_double_delivery(table, imported)
    table = table.sort_values(["account", "period_start", "breakdown"], kind="stable",
                              na_position="first").reset_index(drop=True)
    validate_paid(table)
    table.attrs["reported_totals"] = {
        str(item.report.path): {**vars(item.report.reported_totals),
                                "rows": int((table["source_file"] == str(item.report.path)).sum())}
        for item in imported if item.report.reported_totals is not None
    }
    return PaidImportResult(table=table, reports=[item.report for item in imported])


def load_paid_delivery(paths, *, client: str = "client", family: str | None = None, **options) -> pd.DataFrame:
    """The paid delivery table from ad report files (see `import_paid_delivery` for options and the report).

    The files' reported totals ride along in `table.attrs['reported_totals']`, for `paid_summary`.
    """
    return import_paid_delivery(paths, client=client, family=family, **options).table


def _keep_latest(table: pd.DataFrame, imported: list[ImportedDelivery], recency: Recency) -> pd.DataFrame:
    """Across files, one row per (client, platform, account, breakdown, period): the latest export's (files read
    oldest first, `recency`); the files it replaces say which and why (record_replaced)."""
    key = ["client", "platform", "account", "breakdown", "period_start", "period_end"]
    if table.empty:
        return table
    ident = table[key].astype(object).fillna("\x00").astype(str).agg("|".join, axis=1)
    latest_file = table.groupby(ident, sort=False)["source_file"].transform("last")  # files read oldest first
    old = table["source_file"] != latest_file
    if old.any():
        record_replaced({str(item.report.path): item.report for item in imported}, table.loc[old, "source_file"],
                        latest_file[old], recency)
        table = table[~old]
    return table


def _warn_double_delivery(table: pd.DataFrame, imported: list[ImportedDelivery]) -> None:
    """Warn when two files describe the same account's delivery on some of the same days, whatever their
    breakdowns or time breakdowns (same_delivery_days): summing both counts those days twice."""
    reports = {str(item.report.path): item.report for item in imported}
    for (a, b), (first, last) in same_delivery_days(table, list(reports.values())).items():
        reports[a].warnings.append(Message("imports.paid.double_delivery", file=Path(b).name,
                                           first=first.date(), last=last.date(),
                                           theirs=_columns_named(reports[b]), ours=_columns_named(reports[a])))


def _columns_named(report: PaidFileReport) -> list | Message:
    """A report's breakdown columns, its time breakdown among them ('Region, Month'), or 'none'."""
    columns = [*report.dimensions, *([report.time_breakdown] if getattr(report, "time_breakdown", None) else [])]
    return columns or Message("imports.paid.no_breakdown")


@dataclass(frozen=True)
class _Block:
    """The rows of one file for one account over one span of days: what a row cannot be split below, so the
    unit two reports of the same delivery are compared and kept by (a report's breakdown values share it)."""

    file: str
    start: pd.Timestamp
    end: pd.Timestamp
    index: tuple

    def meets(self, other: "_Block") -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _blocks(table: pd.DataFrame) -> list[list[_Block]]:
    """The table's blocks, per client and account (a file naming no account is one account with the others
    naming none)."""
    if table.empty:
        return []
    who = [table[c].astype(object).fillna("\x00") for c in ("client", "account") if c in table]
    groups = table.groupby([*who, table["source_file"], table["period_start"], table["period_end"]], sort=True)
    per_account: dict[tuple, list[_Block]] = {}
    for key, rows in groups.groups.items():
        *account, file, start, end = key
        per_account.setdefault(tuple(account), []).append(_Block(str(file), start, end, tuple(rows)))
    return list(per_account.values())


def _conflicts(blocks: list[_Block]) -> list[tuple[int, int]]:
    """Pairs of blocks (positions in `blocks`, one account's) of different files sharing at least one day."""
    order = sorted(range(len(blocks)), key=lambda i: blocks[i].start)
    active, pairs = [], []
    for i in order:
        active = [j for j in active if blocks[j].end >= blocks[i].start]
        pairs += [(j, i) for j in active if blocks[j].file != blocks[i].file]
        active.append(i)
    return pairs


def same_delivery_days(table: pd.DataFrame, reports: list[PaidFileReport]
                       ) -> dict[tuple[str, str], tuple[pd.Timestamp, pd.Timestamp]]:
    """The pairs of files (source_file values, in the order of `reports`) whose rows in `table` describe the
    same delivery on some days, with the first and last of those days: the same account (or neither names
    one) over the same days, whatever the breakdown (Region, Age, none) or the time breakdown (by month, or
    one row over the report's span). Each file's impressions and spend add up to that delivery, so a sum over
    both counts those days twice."""
    place = {str(r.path): i for i, r in enumerate(reports)}
    days: dict[tuple[str, str], tuple[pd.Timestamp, pd.Timestamp]] = {}
    for blocks in _blocks(table):
        for i, j in _conflicts(blocks):
            a, b = sorted((blocks[i], blocks[j]), key=lambda block: place.get(block.file, len(place)))
            first, last = max(a.start, b.start), min(a.end, b.end)
            seen = days.get((a.file, b.file))
            days[(a.file, b.file)] = (min(first, seen[0]), max(last, seen[1])) if seen else (first, last)
    return dict(sorted(days.items(), key=lambda item: (place.get(item[0][0], 0), place.get(item[0][1], 0))))


#: Why one_per_delivery quotes the file it does over some days, in the order it decides (OneDelivery.reason).
SAME_DELIVERY_REASONS = ("days", "time", "breakdown", "newest")


@dataclass
class OneDelivery:
    """Of files describing the same delivery on some days (same_delivery_days), the one quoted for those days
    (`days`: merged (first, last) spans), the ones left out for them, and why: "days" (its rows within the
    period cover the most of them), "time" (its rows are the shorter spans of time: by month against one row
    for the whole report), "breakdown" (the most breakdown columns: the finest), "newest" (downloaded last)."""

    quoted: PaidFileReport
    left_out: list[PaidFileReport]
    reason: str
    days: list[tuple[pd.Timestamp, pd.Timestamp]]


def one_per_delivery(table: pd.DataFrame, reports: list[PaidFileReport], days_from: pd.DataFrame | None = None
                     ) -> tuple[pd.DataFrame, list[OneDelivery]]:
    """`table` keeping, for each stretch of days two or more files of one account describe, the rows of one
    file, and which file was kept over which for which days. Never the sum over the same days; a file's rows
    for days no other file of the account covers are kept.

    A row cannot be split by day, so files are compared by blocks (a file's rows for one account and span), and
    a stretch is the blocks joined by shared days. Over a stretch, the file kept first is the one whose rows in
    `days_from` (default: `table`; a report passes the rows within its period) cover the most of its days, then
    the one whose longest row is shortest (rows that fit the period: by month rather than one row for the
    whole report), then the one with the most breakdown columns, then the newest download (`reports` come
    oldest first, as import_paid_delivery reads them); each next one keeps its blocks that share no day with
    those kept before. Blocks within `days_from` are decided first, and blocks outside it (rows running past a
    period's edge) only among themselves. Each OneDelivery names days that the files it names all describe."""
    days_from = table if days_from is None else days_from
    inside = set(days_from.index)
    place = {str(r.path): (i, r) for i, r in enumerate(reports)}
    dropped: list = []
    pairs: dict[tuple[str, str, str], list] = {}  # (file kept, file left out, why) -> the days both describe
    for blocks in _blocks(table):
        for stretch in _stretches(blocks):
            mine: dict[str, list[_Block]] = {}
            for block in stretch:
                mine.setdefault(block.file, []).append(block)
            ranks = {file: _rank(own, inside, place[file]) for file, own in mine.items()}
            # the blocks within `days_from` first, then the others among themselves: a row running past the
            # period's edge, left out whole, never displaces another file's row within the period (those days
            # would then be quoted from neither); rows past the edge of two files are not both left out
            # and counted, which would count their shared days twice in what is said to be left out
            for within in (True, False):
                kept: list[_Block] = []
                for file in sorted(mine, key=ranks.get, reverse=True):
                    for block in sorted(mine[file], key=lambda b: b.start):
                        if (block.index[0] in inside) != within:
                            continue
                        hits = [k for k in kept if k.file != file and k.meets(block)]
                        if not hits:
                            kept.append(block)
                            continue
                        dropped += block.index
                        # rows past the edge are left out either way: the same-delivery sentence is about what
                        # is quoted
                        for k in hits if within else ():
                            differs = next(n for n, (a, b) in enumerate(zip(ranks[k.file], ranks[file])) if a != b)
                            pairs.setdefault((k.file, file, SAME_DELIVERY_REASONS[differs]), []).append(
                                (max(k.start, block.start), min(k.end, block.end)))
    decided: dict[tuple, list[str]] = {}  # the files left out for the same days in favour of the same file
    for (quoted, left, reason), spans in pairs.items():
        decided.setdefault((quoted, reason, tuple(merged_days(spans))), []).append(left)
    chosen = [OneDelivery(quoted=place[quoted][1], reason=reason, days=list(days),
                          left_out=[place[f][1] for f in sorted(left, key=lambda f: place[f][0])])
              for (quoted, reason, days), left in decided.items()]
    chosen.sort(key=lambda one: (one.days[0][0], place[str(one.quoted.path)][0]))
    return (table.drop(index=dropped) if dropped else table), chosen


def _rank(blocks: list[_Block], inside: set, place: tuple[int, PaidFileReport]) -> tuple:
    """How one_per_delivery orders a file over a stretch (its `blocks` there), in SAME_DELIVERY_REASONS' order:
    days within the period its rows cover, shortness of its longest row, breakdown columns, download order."""
    shown = [b for b in blocks if b.index[0] in inside]
    days = covered_days_count(merged_days((b.start, b.end) for b in shown))
    return (days, -max(b.days for b in blocks), len(place[1].dimensions), place[0])


def _stretches(blocks: list[_Block]) -> list[list[_Block]]:
    """One account's blocks joined by shared days across files, each group holding blocks of two files or more."""
    parent = list(range(len(blocks)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _conflicts(blocks):
        parent[root(i)] = root(j)
    groups: dict[int, list[_Block]] = {}
    for i, block in enumerate(blocks):
        groups.setdefault(root(i), []).append(block)
    return [group for group in groups.values() if len({b.file for b in group}) > 1]


def empty_paid() -> pd.DataFrame:
    """An empty paid delivery table with the right columns and types."""
    return pd.DataFrame({c: pd.Series(dtype=kind) for c, (kind, _) in PAID_COLUMNS.items()})


def conform_paid(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with exactly the paid columns in order and type (absent columns become NA)."""
    return conform_columns(frame, PAID_COLUMNS)


@lru_cache(maxsize=None)
def _schema() -> pa.DataFrameSchema:
    def period_in_order(df: pd.DataFrame) -> pd.Series:
        return ~(df["period_start"] > df["period_end"])

    at_midnight = pa.Check(lambda s: s == s.dt.normalize(), error="must be a date at midnight")
    non_negative = pa.Check.ge(0, error="must not be negative")
    return pa.DataFrameSchema(
        {
            "client": pa.Column("string", nullable=False),
            "platform": pa.Column("string", pa.Check.isin(PAID_PLATFORMS,
                                                          error=f"must be one of {', '.join(PAID_PLATFORMS)}"),
                                  nullable=False),
            "account": pa.Column("string", nullable=True),
            "breakdown": pa.Column("string", nullable=True),
            "period_start": pa.Column("datetime64[ns]", at_midnight, nullable=False),
            "period_end": pa.Column("datetime64[ns]", at_midnight, nullable=False),
            "reach": pa.Column("Int64", non_negative, nullable=True),
            "impressions": pa.Column("Int64", non_negative, nullable=True),
            "spend": pa.Column("Float64", non_negative, nullable=True),
            "currency": pa.Column("string", pa.Check.str_matches(r"^[A-Z]{3}$", error="must be a 3-letter code"),
                                  nullable=True),
            "source_file": pa.Column("string", nullable=False),
            "source_row": pa.Column("Int64", nullable=False),
        },
        checks=[pa.Check(period_in_order, error="period_start must not be after period_end")],
        strict=True,
        ordered=True,
        unique=["source_file", "source_row"],
        report_duplicates="all",
    )



def validate_paid(table: pd.DataFrame) -> pd.DataFrame:
    """Check the paid delivery table; raise SchemaViolation naming the file, the column and the rows."""
    return check_table(table, _schema(), "paid delivery table", row_check_column="period_start")


def delivery_rates(table: pd.DataFrame) -> pd.DataFrame:
    """Per row: frequency (impressions ÷ reach), CPM (spend ÷ impressions × 1000), cost per reached person
    (spend ÷ reach). NA where a denominator is NA or 0, so a row without reach has no frequency."""
    reach = table["reach"].astype("Float64").mask(table["reach"].eq(0))
    impressions = table["impressions"].astype("Float64").mask(table["impressions"].eq(0))
    return table.assign(frequency=table["impressions"].astype("Float64") / reach,
                        cpm=table["spend"] / impressions * 1000,
                        cost_per_reached_person=table["spend"] / reach)


def paid_summary(table: pd.DataFrame, reports: list[PaidFileReport] | None = None,
                 by: tuple[str, ...] = ("client", "currency")) -> pd.DataFrame:
    """Delivery totals per client and currency (spend in two currencies never adds up).

    Impressions and spend are summed over the rows, of every file given: where two files describe the same
    delivery on some days (same_delivery_days), pass the rows of one for those days (one_per_delivery), or the sum counts it twice. Reach is summed only under the label
    "summed reach (not unique people)". Unique reach comes from the file's own total row ("reported total
    reach"), and only when the group holds every row of exactly one file that has one; `note` says why
    not otherwise. CPM = spend ÷ impressions × 1000 over the rows that have both, whose sums are kept ("CPM
    impressions", "CPM spend") with the rows left out of them ("rows with spend only", "rows with impressions
    only"), as rows without reach are counted: the summed impressions and spend may then not be its operands,
    and a sentence quoting both beside the CPM says so. Cost per reached person = spend ÷ reported total reach;
    frequency = impressions ÷ reported total reach. Reported totals come from
    `reports` (import_paid_delivery) or from `table.attrs['reported_totals']` (load_paid_delivery).
    """
    totals = _reported_totals(table, reports)
    keys = list(by)
    grouping = table[keys].astype(object).fillna("(none)")
    out = []
    for values, group in table.groupby([grouping[k] for k in keys], sort=True):
        values = values if isinstance(values, tuple) else (values,)
        both = group["impressions"].notna() & group["spend"].notna()
        impressions = int(group["impressions"].sum()) if group["impressions"].notna().any() else pd.NA
        spend = float(group["spend"].sum()) if group["spend"].notna().any() else pd.NA
        cpm_impressions, cpm_spend = int(group.loc[both, "impressions"].sum()), float(group.loc[both, "spend"].sum())
        reported, note = _group_reach(group, totals)
        spend_all_rows = spend if group["spend"].notna().all() else pd.NA
        out.append({
            **dict(zip(keys, values)),
            "rows": len(group),
            "files": group["source_file"].nunique(),
            "impressions": impressions,
            "spend": spend,
            SUMMED_REACH: int(group["reach"].sum()) if group["reach"].notna().any() else pd.NA,
            "rows without reach": int(group["reach"].isna().sum()),
            "reported total reach": reported,
            "CPM": cpm_spend / cpm_impressions * 1000 if cpm_impressions else pd.NA,
            "CPM impressions": cpm_impressions,
            "CPM spend": cpm_spend,
            "rows with spend only": int((group["spend"].notna() & group["impressions"].isna()).sum()),
            "rows with impressions only": int((group["impressions"].notna() & group["spend"].isna()).sum()),
            "cost per reached person": (spend_all_rows / reported
                                        if pd.notna(reported) and reported and pd.notna(spend_all_rows) else pd.NA),
            "frequency": (impressions / reported if pd.notna(reported) and reported and pd.notna(impressions)
                          and group["impressions"].notna().all() else pd.NA),
            "note": note,
        })
    summary = pd.DataFrame(out, columns=[*keys, "rows", "files", "impressions", "spend", SUMMED_REACH,
                                         "rows without reach", "reported total reach", "CPM", "CPM impressions",
                                         "CPM spend", "rows with spend only", "rows with impressions only",
                                         "cost per reached person", "frequency", "note"])
    for col in ("rows", "files", "impressions", SUMMED_REACH, "rows without reach", "reported total reach",
                "CPM impressions", "rows with spend only", "rows with impressions only"):
        summary[col] = summary[col].astype("Int64")
    for col in ("spend", "CPM", "CPM spend", "cost per reached person", "frequency"):
        summary[col] = summary[col].astype("Float64")
    summary["note"] = summary["note"].astype("string")
    return summary


def _reported_totals(table: pd.DataFrame, reports: list[PaidFileReport] | None) -> dict[str, dict]:
    if reports is None:
        return dict(table.attrs.get("reported_totals", {}))
    return {str(r.path): {**vars(r.reported_totals), "rows": r.rows_imported - r.superseded}
            for r in reports if getattr(r, "reported_totals", None) is not None}


def _group_reach(group: pd.DataFrame, totals: dict[str, dict]) -> tuple[object, str]:
    """The unique reach of a group from its file's total row, or NA and the reason."""
    files = group["source_file"].unique()
    if len(files) > 1:
        return pd.NA, ("several files: their reported reaches may count the same people and do not add up;"
                       f" {SUMMED_REACH} is shown instead")
    mine = totals.get(str(files[0]))
    if mine is None:
        return pd.NA, "the file has no total row (or it was not passed): unique reach is unknown"
    if mine["rows"] != len(group):
        return pd.NA, ("the table holds only part of the file's rows: the file's total reach covers all of"
                       " them, so unique reach of this part is unknown")
    if not mine.get("rows_add_up", True):
        return pd.NA, ("the file's rows do not add up to its total row (see the import warnings): its total"
                       " reach may cover other rows")
    if pd.isna(mine["reach"]):
        return pd.NA, "the file's total row has no reach"
    return int(mine["reach"]), "reported total reach: from the file's own total row (unique people)"
