"""Which of overlapping exports is the newer one: the one downloaded last, as far as the files can tell.

A file's name bounds its download from below (an export is downloaded after the last day it names: a
re-download of August on 10 October names 31 August, an earlier download of mid-August to September names 30
September). Its modification time is its download time when a browser saved it, but a copy (a git checkout,
`cp` without `-p`) gives every file nearly the same one. So the time is evidence only where it fits the name
and sets two files apart by more than a copy takes (COPIED_TOGETHER); otherwise the dates in the names decide
(a cloned or copied folder is ordered by its names alone).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone as dt_timezone
from functools import cmp_to_key
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from ..i18n import Message
from ..periods import FIRST_YEAR
from .yearless_dates import dates_in_name

#: Files modified within this of each other were copied together (a git checkout, a folder copied without
#: keeping times: seconds apart), so their times say nothing of which was downloaded later; two downloads of
#: one sitting, minutes apart, are told apart by their names. A chain of files each this close to the next
#: counts as one copy.
COPIED_TOGETHER = timedelta(minutes=10)

#: How long before the day after its named end a file's time may lie and still be its download: an export may
#: be downloaded on the last day it names, and the name's days may be another zone's than the one read.
NAME_SLACK = timedelta(days=1)


def named_end(path: Path) -> date | None:
    """The latest date a file's name gives (exports name their period), None when it gives none."""
    dates = dates_in_name(path, first_year=FIRST_YEAR)
    return max(dates) if dates else None


def export_recency(path: Path) -> tuple:
    """Sort key of the names' order: the latest date in the file name, then modification time."""
    return (named_end(path) or date.min, Path(path).stat().st_mtime)


def modified_at(path: Path, zone: str | None) -> datetime:
    """A file's modification time, on `zone`'s clock (UTC when None)."""
    return datetime.fromtimestamp(Path(path).stat().st_mtime, ZoneInfo(zone or "UTC"))


def download_time(path: Path, zone: str | None) -> datetime | None:
    """A file's modification time when it can be its download time: not before the day after the last day its
    name gives, less NAME_SLACK, on `zone`'s clock or UTC's (the earlier); None when it lies before (the time
    was set by something else). A name without a date bounds nothing: the time is taken as it is."""
    modified = modified_at(path, zone)
    end = named_end(path)
    if end is None:
        return modified
    day_after = end + timedelta(days=1)
    earliest = min(datetime.combine(day_after, time(), ZoneInfo(zone or "UTC")),
                   datetime.combine(day_after, time(), dt_timezone.utc)) - NAME_SLACK
    return modified if modified >= earliest else None


def _sittings(times: dict[Path, datetime]) -> dict[Path, int]:
    """Files numbered by download, oldest 0: files whose times lie within COPIED_TOGETHER of the one before
    share a number (one copy, or one sitting)."""
    numbers: dict[Path, int] = {}
    number, previous = 0, None
    for path, moment in sorted(times.items(), key=lambda item: item[1]):
        if previous is not None and moment - previous > COPIED_TOGETHER:
            number += 1
        numbers[path], previous = number, moment
    return numbers


@dataclass(frozen=True)
class Recency:
    """Files oldest first (`order`), and why each counts as newer than those before it (`why_newer`).

    `sittings` numbers the files whose modification times are their download times by download (_sittings);
    files of different numbers are ordered by them, all other pairs by the dates in their names (the names'
    order, `named`)."""

    order: list[Path]
    named: list[Path]
    sittings: dict[Path, int] = field(default_factory=dict)
    zone: str | None = None

    def why_newer(self, older: Path, newer: Path) -> Message:
        """What shows `newer` to be the newer of two files (`older` before it in `order`): its later download
        (both times, more than COPIED_TOGETHER apart), the later dates in its name, or, where the names end on
        the same day (or give none), its later modification time or its place in the files given."""
        older, newer = Path(older), Path(newer)
        if older in self.sittings and newer in self.sittings and self.sittings[older] != self.sittings[newer]:
            return Message("imports.recency.downloaded", file=newer.name, at=modified_at(newer, self.zone),
                           before=modified_at(older, self.zone))
        end, before = named_end(newer), named_end(older)
        if end is not None and (before is None or end > before):
            return (Message("imports.recency.named", file=newer.name, end=end, before=before) if before else
                    Message("imports.recency.named_only", file=newer.name, end=end))
        if Path(newer).stat().st_mtime != Path(older).stat().st_mtime:
            return Message("imports.recency.saved", file=newer.name, at=modified_at(newer, self.zone),
                           before=modified_at(older, self.zone))
        return Message("imports.recency.listed", file=newer.name)

    def against_names(self, older: Path, newer: Path) -> bool:
        """Whether the download times put `newer` after `older` though the names' order has it before."""
        return self.named.index(Path(newer)) < self.named.index(Path(older))


def by_recency(paths, zone: str | None = None) -> Recency:
    """The files oldest first by what shows their download order.

    Two files whose modification times are their download times (download_time) and more than
    COPIED_TOGETHER apart (_sittings) are ordered by them; any other two by the dates in their names, then
    by modification time and the order given (export_recency). A file whose time cannot be its download keeps
    its place among the others by its name; when the times of the others would move one across it, the times
    contradict the names and the names decide for all."""
    named = sorted((Path(p) for p in paths), key=export_recency)
    place = {path: number for number, path in enumerate(named)}
    times = {path: moment for path in named if (moment := download_time(path, zone)) is not None}
    sittings = _sittings(times) if len(times) > 1 else {}
    if len(set(sittings.values())) < 2:  # one sitting (a copy, a clone) or none: the names decide
        return Recency(named, named, {}, zone)

    def compare(a: Path, b: Path) -> int:
        if a in sittings and b in sittings and sittings[a] != sittings[b]:
            return sittings[a] - sittings[b]
        return place[a] - place[b]

    order = sorted(named, key=cmp_to_key(compare))
    return Recency(order, named, sittings, zone) if _agrees(order, sittings, place) else Recency(named, named, {}, zone)


def _agrees(order: list[Path], sittings: dict[Path, int], place: dict[Path, int]) -> bool:
    """Whether every two files of `order` are in the order by_recency's rule gives them: the timed ones (in
    `sittings`) by sitting, then by name (`place`), each other one by name before and after all others. A sort
    by a rule that goes round in a circle (three files, each newer than the next) leaves some pair out of it."""
    timed = [(sittings[path], place[path]) for path in order if path in sittings]
    if timed != sorted(timed):
        return False
    places = [place[path] for path in order]
    before, highest = [], -1  # the latest name among the files before each, and the earliest after it
    for number in places:
        before.append(highest)
        highest = max(highest, number)
    after, lowest = [], len(places)
    for number in reversed(places):
        after.append(lowest)
        lowest = min(lowest, number)
    after.reverse()
    return all(before[k] < places[k] < after[k] for k, path in enumerate(order) if path not in sittings)


def record_replaced(reports: dict, older, newer, recency: Recency | None) -> None:
    """Per file (`reports`: {file as str: its FileReport}), the rows or values newer exports replaced: `older`
    holds the file of each one replaced, `newer` the file of the one that replaced it (aligned sequences).
    Each report counts them (`superseded`), and by newer file with why that file is the newer
    (`superseded_by`); where only the download times make it the newer, against the dates in the names, a note
    says so, as a copy saved later than the file it copies would win the same way. Without `recency` (files
    read in an order given), they are counted only."""
    pairs = pd.DataFrame({"older": np.asarray(older, dtype=object), "newer": np.asarray(newer, dtype=object)})
    for (old, new), count in pairs.value_counts(sort=False).items():
        old, new, count = str(old), str(new), int(count)
        report = reports[old]
        report.superseded += count
        if recency is None:
            continue
        why = recency.why_newer(Path(old), Path(new))
        report.superseded_by[new] = (count, why)
        if recency.against_names(Path(old), Path(new)):
            end, before = named_end(Path(new)), named_end(Path(old))
            report.warnings.append(
                Message("imports.recency.against_names", file=Path(new).name, at=modified_at(Path(new), recency.zone),
                        before=modified_at(Path(old), recency.zone), end=end, older_end=before) if end else
                Message("imports.recency.against_names_undated", file=Path(new).name,
                        at=modified_at(Path(new), recency.zone), before=modified_at(Path(old), recency.zone),
                        older_end=before))
