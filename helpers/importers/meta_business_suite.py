"""Meta Business Suite post exports, Facebook Pages and Instagram accounts.

Quirks handled (see the project README, "Export files"): UTF-8 with BOM; `Publish time` as
MM/DD/YYYY HH:MM with no zone (so a time zone must be given), not always at the page's clock: an Instagram
export's links tell the clock it was written at (see _published); `Date` holds
`Lifetime`; blank cells mean "not reported", not 0; short (ragged) rows; `Views` twice in one header;
older files with `Impressions` and a raw `IMPRESSION:UNIQUE_USERS` (reach) header; rows with an empty
Post ID and an error in `Data comment`, which are dropped and counted.

Spreadsheet edits: a totals row ('Total' where the Post ID goes) is dropped and counted, so its sums are not
added to the posts'; ids rewritten in scientific notation (1.27005E+15) are refused, since such a copy beside
the download would count every post twice; `Publish time` rewritten day-first (DD/MM/YYYY) is read day-first
when an Instagram export's links prove it, and warned about when they contradict the dates otherwise (_written);
a Facebook export's links hold no time, and there the days its file name gives tell instead: read day-first
when every post falls within them so and some fall outside them month-first (_day_first_by_name); publish
times outside the period the file name gives are warned about otherwise. Where neither tells (a renamed
Facebook export) and every date reads both ways, it is read month-first with a note giving both readings and a
post to look up (_order_unchecked).
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, quoted, without_direction_controls
from ..periods import FIRST_YEAR
from .base import Columns, Family, FileReport, ImportedFile, begin_report, table_notes
from .clocks import MIN_CHECKED, MIN_SHARE, instagram_received_time, link_evidence, within_reach, written_zone
from .reading import read_delimited
from .values import DIGIT_ID, LABEL, TOTAL_WORD, digit_ids, is_blank, localize_wall_clock, to_local_datetime, to_number
from .yearless_dates import dates_in_name

FORMATS = {
    "photos": "photo", "photo": "photo", "ig image": "photo", "image": "photo",
    "reels": "reel", "reel": "reel", "ig reel": "reel",
    "ig carousel": "carousel", "carousel": "carousel", "carousel_album": "carousel",
    "videos": "video", "video": "video", "live": "live", "links": "link", "link": "link",
    "text": "text", "status": "text", "statuses": "text",
}
#: Formats without a video, whose "3-second video views" of 0 mean "no video" rather than "nobody watched".
STILL_FORMATS = ("photo", "link", "text")

# canonical column -> header names that carry it (first one present wins)
#: Columns every Business Suite post export that has them writes a figure in for every post (empty_column_notes):
#: reach, and impressions or (since Meta counts them) views.
FILLED = ("Reach", "IMPRESSION:UNIQUE_USERS", "Impressions", "Views")
COUNTS = {
    "reach": ("Reach", "IMPRESSION:UNIQUE_USERS"),
    "reactions": ("Reactions", "Likes"),
    "comments": ("Comments",),
    "shares": ("Shares",),
    "saves": ("Saves",),
    "clicks": ("Total clicks",),
    "video_views": ("3-second video views",),
    "follows_gained": ("Follows",),
}
#: The interaction counts every Business Suite post export of a platform carries (as in every real export
#: seen), with the header that names each: without one, interactions and engagement rates read low.
INTERACTION_HEADERS = {
    "facebook": {"reactions": "Reactions", "comments": "Comments", "shares": "Shares"},
    "instagram": {"reactions": "Likes", "comments": "Comments", "shares": "Shares", "saves": "Saves"},
}
#: The column whose presence tells the platform an export holds (a Page's or an Instagram account's id).
PLATFORM_COLUMNS = (("page id", "facebook"), ("account id", "instagram"))
#: A Post ID: digits (15 for a Page's posts, 17 for Instagram's); also Graph API's page_post form.
POST_ID = rf"{DIGIT_ID}(?:_{DIGIT_ID})?"
ID_EXAMPLE = "939005954986064"
#: `Publish time` as Business Suite writes it, and as a spreadsheet set to day-first dates rewrites it.
MONTH_FIRST = "%m/%d/%Y %H:%M"
DAY_FIRST = "%d/%m/%Y %H:%M"
#: Days a post may fall outside its file name's period: the name's days may be in another time zone.
PERIOD_SLACK = timedelta(days=1)


def read_meta_business_suite(path: Path, *, timezone: str | None = None, clock: str | None = None,
                             **_) -> ImportedFile:
    """Read one Business Suite post export into canonical rows (client not yet set). `clock` is the zone
    another export of the same batch was found written at (see _published)."""
    table = read_delimited(path)
    cols = Columns(table.header, table.keys)
    platform = next((platform for name, platform in PLATFORM_COLUMNS if name in cols), None)
    if platform is None:
        raise ExportFormatError(path, Message("imports.meta_business_suite.no_account_column"), column="Page ID")
    table, report = begin_report(table, FAMILY, platform)
    frame, rows = table.frame, table.source_rows()
    if timezone is None:
        raise ExportFormatError(path, Message("imports.meta_business_suite.no_timezone"), column="Publish time",
                                hint=Message("imports.no_timezone_hint"))

    id_key = cols.key("Post ID")
    post_id = frame[id_key].str.strip().str.lstrip("'")
    time_cells = frame[cols.key("Publish time")] if "Publish time" in cols else pd.Series("", index=frame.index)
    totals = _totals_rows(post_id, frame[table.keys[0]].str.strip(), time_cells, path=path, rows=rows,
                          report=report, id_column=table.header[table.keys.index(id_key)],
                          first_column=table.header[0])
    frame, rows, post_id = frame[~totals], rows[~totals], post_id[~totals]
    no_id = is_blank(post_id)
    if no_id.any():
        comment_key = cols.key("Data comment")
        reasons = (frame.loc[no_id, comment_key].str.strip() if comment_key
                   else pd.Series("", index=frame.index[no_id]))  # Meta's comment says why a row has no id
        for reason, count in reasons.value_counts().items():
            given = without_direction_controls(reason) or Message("imports.meta_business_suite.no_reason_given")
            report.drop(Message("imports.meta_business_suite.empty_post_id", reason=given), count)
        frame, rows, post_id = frame[~no_id], rows[~no_id], post_id[~no_id]
    post_id = digit_ids(post_id, path=path, column=table.header[table.keys.index(id_key)], rows=rows,
                        example=ID_EXAMPLE, pattern=POST_ID)

    def cells(*names: str) -> pd.Series | None:
        key = cols.key(*names)
        return None if key is None else frame[key]

    def number(canonical: str, *names: str, dtype: str = "Int64") -> pd.Series | None:
        key = cols.key(*names)
        if key is None:
            return None
        return to_number(frame[key], path=path, column=table.header[table.keys.index(key)], rows=rows,
                         dtype=dtype, decimal=table.decimal_mark)

    out = pd.DataFrame(index=frame.index)
    out["platform"] = platform
    out["account"] = cells("Page name", "Account name", "Account username")
    out["post_id"] = post_id
    time_key = cols.key("Publish time")
    if time_key is None:
        raise ExportFormatError(path, Message("imports.meta_business_suite.no_publish_time"), column="Publish time")
    links = cells("Permalink")
    out["published_at"] = _published(frame[time_key], links, platform=platform, timezone=timezone, clock=clock,
                                      path=path, rows=rows, ids=post_id, report=report)
    out["published_precision"] = "minute"
    post_type = cells("Post type")
    if post_type is not None:
        lowered = post_type.str.strip().str.casefold()
        out["format"] = lowered.map(FORMATS).fillna(lowered).replace("", pd.NA)
    text = cells("Title")
    description = cells("Description")
    if text is None:
        text = description
    elif description is not None:
        text = text.where(text.str.strip() != "", description)
    out["text"] = text
    out["permalink"] = cells("Permalink")
    for canonical, names in COUNTS.items():
        values = number(canonical, *names)
        if values is not None:
            out[canonical] = values
        elif (misspelt := cols.lookalike(*names)) is not None:
            report.warnings.append(Message("imports.base.column_misspelt", found=misspelt, expected=names[0]))
        elif canonical == "reach":  # every Business Suite post export carries it
            report.warnings.append(Message("imports.meta_business_suite.no_reach_column"))
        elif canonical in INTERACTION_HEADERS[platform]:
            report.warnings.append(Message("imports.meta_business_suite.no_interaction_column",
                                           column=INTERACTION_HEADERS[platform][canonical],
                                           platform=Message(f"platform.{platform}")))
    if "video_views" in out:  # a photo, link or text post has no video: Meta writes 0, which is not a count
        still = out["format"].isin(STILL_FORMATS).fillna(False).astype(bool)
        out["video_views"] = out["video_views"].mask(still & out["video_views"].eq(0).fillna(False))
    out["watch_time_seconds"] = number("watch_time_seconds", "Seconds viewed", dtype="Float64")
    _impressions(out, frame, table, cols, rows, report)
    out["paid"] = _paid(frame, cols, rows, table)

    date_key = cols.key("Date")
    if date_key is not None:
        other = frame[date_key].str.strip().str.casefold().ne("lifetime") & frame[date_key].str.strip().ne("")
        if other.any():
            report.warnings.append(Message("imports.meta_business_suite.date_not_lifetime", count=int(other.sum()),
                                           example=quoted(frame.loc[other, date_key].iloc[0])))
    comment_key = cols.key("Data comment")
    if comment_key is not None:
        commented = frame[comment_key].str.strip().ne("")
        if commented.any():
            report.warnings.append(Message("imports.meta_business_suite.data_comment", count=int(commented.sum()),
                                           example=quoted(frame.loc[commented, comment_key].iloc[0])))
    report.warnings += _outside_named_period(out["published_at"], frame[time_key], path=path, rows=rows)
    out["source_file"] = str(path)
    out["source_row"] = rows
    # Business Suite leaves out trailing cells of some posts: only a cut-off last row is warned about
    report.warnings += table_notes(table, cols, short_rows_expected=True, filled=FILLED, posts=out.index)
    if "clicks" in out:
        report.counted["clicks"] = Message("imports.meta_business_suite.clicks_counted")
    report.rows_imported = len(out)
    return ImportedFile(posts=out, report=report)


def _published(cells: pd.Series, links: pd.Series | None, *, platform: str, timezone: str, clock: str | None,
               path: Path, rows: pd.Series, ids: pd.Series, report: FileReport) -> pd.Series:
    """`Publish time` (no zone written) as times in `timezone`, read at the clock the file was written at
    (month-first, or day-first where the links or the file name prove a spreadsheet rewrote it so: _written).

    Business Suite does not always write the page's time: an Instagram export's links hold the time
    Instagram received each post (clocks.instagram_received_time), and where the file's times fit another
    zone's clock (clocks.written_zone), they are read at it and converted, with a note. A Facebook export's
    links hold no time, and an Instagram export's may hold too few: such a file takes `clock`, found on the
    Instagram exports of the same batch, with a note (Business Suite writes its exports alike), else the zone
    given, which import_exports notes could not be checked (unchecked_clock).
    """
    received = instagram_received_time(links) if platform == "instagram" and links is not None else None
    walls = _written(cells, received, platform=platform, path=path, rows=rows, ids=ids, report=report)
    fit = written_zone(walls, received, timezone) if received is not None else None
    report.clock = fit.zone if fit else None
    zone = fit.zone if fit else clock or timezone
    read = localize_wall_clock(walls, zone, cells=cells, column="Publish time", rows=rows,
                               notes=report.warnings).dt.tz_convert(timezone)
    first = read.first_valid_index()
    if zone == timezone or first is None:
        return read
    example = dict(row=str(int(rows[first])), written=str(cells[first]).strip(),
                   shown=read[first])
    if fit:
        report.warnings.append(Message("imports.meta_business_suite.clock_found", given=timezone, zone=zone,
                                       fits=fit.fits, checked=fit.checked, given_fits=fit.given_fits,
                                       offsets=" / ".join(fit.offsets), **example))
    else:
        report.warnings.append(Message("imports.meta_business_suite.clock_borrowed", given=timezone, zone=zone,
                                       **example))
    return read


def _written(cells: pd.Series, received: pd.Series | None, *, platform: str, path: Path, rows: pd.Series,
             ids: pd.Series, report: FileReport) -> pd.Series:
    """`Publish time` as written (no zone): month-first, as Business Suite writes it, unless the posts' links
    (`received`: the time Instagram received each post, an Instagram export's only) prove the file day-first.

    A spreadsheet that rewrites the dates day-first leaves a file that reads month-first without an error when
    no day is above 12, every date wrong. The links show it: most posts are then written further from the
    time they hold than any clock's offset (clocks.LinkEvidence). The file is read day-first, with a note,
    when that reading fits at least MIN_CHECKED posts and MIN_SHARE of the posts either reading fits
    (_day_first_proven): a post scheduled well ahead (Instagram received it days before it went out) fits
    neither reading and says nothing. Otherwise it is read as written, with a warning naming a row whose date
    its link contradicts: posts scheduled ahead look the same, so the links alone do not prove the dates wrong.
    A file with a day above 12 (not month-first at all) is read day-first on the same evidence, or, where too
    few links hold a time (every Facebook export), when every post falls within the days the file name gives
    read so; without either it is refused, saying it looks day-first. Where too few links hold a time to judge,
    a file that reads month-first is judged by the file name's days too (_day_first_by_name), and where the
    name gives no days, one that reads both ways is read month-first with a note that says so (_order_unchecked).
    """
    text = cells.astype("string").str.strip()
    month_first = pd.to_datetime(text, format=MONTH_FIRST, errors="coerce")
    if received is None:
        received = pd.Series(pd.NaT, index=cells.index, dtype="datetime64[ns, UTC]")
    by_month = link_evidence(month_first, received)
    readable = month_first.notna().all()
    if readable and not by_month.contradicts:
        if by_month.held < MIN_CHECKED:  # the links cannot tell: the file name's days may
            by_name = _day_first_by_name(text, month_first, path=path, rows=rows, report=report)
            if by_name is not None:
                return by_name
            if _named_days(path) is None:
                report.warnings += _order_unchecked(text, month_first, ids=ids, rows=rows)
        return month_first
    day_first = pd.to_datetime(text, format=DAY_FIRST, errors="coerce")
    by_day = link_evidence(day_first, received) if day_first.notna().all() else None
    month_near = within_reach(month_first, received)
    day_near = within_reach(day_first, received)
    if by_day is not None and _day_first_proven(day_near, month_near):
        if readable:
            why = Message("imports.meta_business_suite.day_first_month_far", far=by_month.far)
        else:
            first = month_first.isna().idxmax()
            why = Message("imports.meta_business_suite.day_first_month_unreadable",
                          count=int(month_first.isna().sum()), row=str(int(rows[first])), value=str(text[first]))
        first = within_reach(day_first, received).idxmax()
        report.warnings.append(Message("imports.meta_business_suite.read_day_first", fits=by_day.near,
                                       checked=by_day.held, month_first=why, row=str(int(rows[first])),
                                       written=str(text[first]), read=day_first[first]))
        return day_first
    if readable:  # month-first, and most links say otherwise: dates changed, or posts scheduled well ahead
        far = received.notna() & ~month_near
        first = far.idxmax()
        rescued = int((far & day_near).sum())  # of the posts month-first puts far from their links
        day = (Message("imports.meta_business_suite.links_contradict_not_day_first") if by_day is None
               else Message("imports.meta_business_suite.links_contradict_day_first_none") if not rescued
               else Message("imports.meta_business_suite.links_contradict_day_first", fits=rescued))
        report.warnings.append(Message(
            "imports.meta_business_suite.links_contradict", row=str(int(rows[first])), written=str(text[first]),
            read=month_first[first], received=received[first],
            far=by_month.far, checked=by_month.held, day_first=day))
        return month_first
    if by_day is not None:  # every cell reads day-first, and no link proves it
        first = month_first.isna().idxmax()
        named = _named_days(path) if by_day.held < MIN_CHECKED else None
        if named is not None and not _outside_days(day_first, named).any():  # the file name's days do
            report.warnings.append(Message(
                "imports.meta_business_suite.read_day_first_named_unreadable", count=int(month_first.isna().sum()),
                total=len(text), start=named[0], end=named[1], row=str(int(rows[first])),
                written=str(text[first]), read=day_first[first]))
            return day_first
        if platform == "facebook":
            unproven = Message("imports.meta_business_suite.day_first_facebook")
        elif by_day.held >= MIN_CHECKED:
            unproven = Message("imports.meta_business_suite.day_first_links_disagree", fits=by_day.near,
                               checked=by_day.held)
        else:
            unproven = Message("imports.meta_business_suite.day_first_no_links", minimum=MIN_CHECKED)
        raise ExportFormatError(
            path, Message("imports.meta_business_suite.looks_day_first", count=int(month_first.isna().sum()),
                          value=str(text[first]), read=day_first[first],
                          unproven=unproven),
            row=int(rows[first]), column="Publish time",
            expected=Message("imports.meta_business_suite.month_first_expected",
                             example=pd.Timestamp("2025-03-18 09:48").strftime(MONTH_FIRST)),
            hint=Message("imports.meta_business_suite.dates_edited_hint"))
    return to_local_datetime(cells, fmt=MONTH_FIRST, timezone=None, path=path, column="Publish time", rows=rows)


def _day_first_by_name(text: pd.Series, month_first: pd.Series, *, path: Path, rows: pd.Series,
                       report: FileReport) -> pd.Series | None:
    """`Publish time` (`text`, every cell read month-first as `month_first`) read day-first, with a note, when the
    days the file name gives prove it (_named_days): read month-first, some posts fall outside them, and read
    day-first, every post falls within them (PERIOD_SLACK either side for time zones). A spreadsheet that rewrote
    the dates day-first with no day above 12 leaves a file that reads month-first without an error, and a
    Facebook export's links hold no time to show it. None (read as written) when the name gives no days, or
    the readings do not fall so: _outside_named_period then warns of the posts outside."""
    named = _named_days(path)
    if named is None:
        return None
    month_outside = _outside_days(month_first, named)
    if not month_outside.any():
        return None
    day_first = pd.to_datetime(text, format=DAY_FIRST, errors="coerce")
    if day_first.isna().any() or _outside_days(day_first, named).any():
        return None
    first = month_outside.idxmax()
    report.warnings.append(Message(
        "imports.meta_business_suite.read_day_first_named", outside=int(month_outside.sum()), count=len(text),
        start=named[0], end=named[1], row=str(int(rows[first])), written=str(text[first]),
        read=day_first[first],
        month_first=month_first[first]))
    return day_first


def _order_unchecked(text: pd.Series, month_first: pd.Series, *, ids: pd.Series, rows: pd.Series) -> list:
    """A note when `Publish time` (`text`, read month-first as `month_first`) reads day-first too, as another
    date for some post, and nothing tells which order it is in (no links with a time, no period in the file
    name): a spreadsheet set to day-first dates rewrites them so, and with no day above 12 the file reads
    month-first without an error, every date wrong. The note gives both readings' spans and a post to look
    up; the file stays month-first, as Business Suite writes it."""
    day_first = pd.to_datetime(text, format=DAY_FIRST, errors="coerce")
    if day_first.isna().any():
        return []
    differ = month_first.dt.normalize() != day_first.dt.normalize()
    if not differ.any():
        return []
    first = differ.idxmax()
    return [Message("imports.meta_business_suite.order_unchecked",
                    month_start=month_first.min().date(), month_end=month_first.max().date(),
                    day_start=day_first.min().date(), day_end=day_first.max().date(),
                    post_id=str(ids[first]), row=str(int(rows[first])), written=str(text[first]),
                    month_first=month_first[first].date(), day_first=day_first[first].date())]


def _day_first_proven(day_near: pd.Series, month_near: pd.Series) -> bool:
    """Whether the posts' links prove `Publish time` day-first: read so, at least MIN_CHECKED posts are written
    within a clock's offset of the time Instagram received them, and they are MIN_SHARE of the posts that fit
    either reading. Posts that fit neither (scheduled well ahead) are left out rather than counted against it;
    posts on a day whose number is the month's (04/04) fit both and count for both."""
    either = int((day_near | month_near).sum())
    fits = int(day_near.sum())
    return fits >= MIN_CHECKED and fits >= MIN_SHARE * either


def unchecked_clock(item: ImportedFile, timezone: str, told: list[str]) -> Message:
    """The note for an export read at `timezone`, the zone given, whose clock nothing could check (_published):
    a Facebook export's links hold no time, an Instagram export's told none (_links_untold says why), and the
    batch's Instagram exports told no clock, or several (`told`). Business Suite has written real exports at
    Pacific time, which would shift every time by hours (some posts to another day), and with them the results
    by weekday and hour: the note says so, and how to check, with the file's first post to look up in Business
    Suite."""
    if told:
        why = Message("imports.meta_business_suite.clock_why_disagree", zones=", ".join(told))
    elif item.report.platform == "facebook":
        why = Message("imports.meta_business_suite.clock_why_facebook")
    else:
        why = _links_untold(item, timezone)
    first = item.posts.sort_values("source_row").iloc[0]
    example = dict(row=str(int(first["source_row"])), post_id=str(first["post_id"]),
                   shown=first["published_at"])
    check = (Message("imports.meta_business_suite.clock_check_instagram", **example)
             if item.report.platform == "facebook" and not told
             else Message("imports.meta_business_suite.clock_check", **example))
    return Message("imports.meta_business_suite.clock_unchecked", given=timezone, why=why, check=check)


def _links_untold(item: ImportedFile, timezone: str) -> Message:
    """Why an Instagram export's links told no clock (clocks.written_zone), in true words: too few hold a time;
    or enough do, but too few of them are written within a clock's offset of it (posts scheduled ahead); or
    those that are fit no one clock."""
    walls = item.posts["published_at"].dt.tz_convert(timezone).dt.tz_localize(None)  # as read: at `timezone`
    links = link_evidence(walls, instagram_received_time(item.posts["permalink"]))
    if links.held < MIN_CHECKED:
        return Message("imports.meta_business_suite.clock_why_instagram", minimum=MIN_CHECKED)
    if links.near < MIN_CHECKED:
        return Message("imports.meta_business_suite.clock_why_far", held=links.held, far=links.far,
                       minimum=MIN_CHECKED)
    return Message("imports.meta_business_suite.clock_why_no_zone", checked=links.near, share=f"{MIN_SHARE:.0%}")


def _totals_rows(post_id: pd.Series, first_cell: pd.Series, time_cells: pd.Series, *, path: Path,
                 rows: pd.Series, report: FileReport, id_column: str, first_column: str) -> pd.Series:
    """Rows a spreadsheet user added to sum the posts: words alone where the Post ID goes ('Total'), or a
    totals word alone in the first cell of a row without a Post ID (a file whose columns were moved).
    Dropped and counted: their sums would double every total. A row that says total but also holds what
    may be an id ('Total 45' as Post ID, or 'Total' first with an id and no publish time) cannot be told
    apart from a damaged post, and is refused with what to do."""
    blank = is_blank(post_id)
    label = post_id.str.fullmatch(LABEL).fillna(False).astype(bool) & ~blank  # 'null' is a blank, not a label
    first_says = first_cell.str.fullmatch(rf"{TOTAL_WORD}\s*:?").fillna(False).astype(bool)
    by_first = blank & first_says
    for value, count in pd.concat([post_id[label], first_cell[by_first]]).value_counts().items():
        report.drop(Message("imports.meta_business_suite.totals_row", label=quoted(value)), count)
    id_says = post_id.str.match(TOTAL_WORD).fillna(False).astype(bool)
    unclear = ~label & ~blank & (id_says | (first_says & is_blank(time_cells)))
    if unclear.any():
        first = unclear.idxmax()
        by_id = bool(id_says[first])
        raise ExportFormatError(path, Message("imports.meta_business_suite.totals_unclear",
                                              column=id_column if by_id else first_column,
                                              value=quoted(post_id[first] if by_id else first_cell[first]),
                                              post_id=quoted(post_id[first])),
                                row=int(rows[first]), column=id_column,
                                expected=Message("imports.values.ids_expected", example=ID_EXAMPLE),
                                hint=Message("imports.meta_business_suite.totals_hint"))
    return label | by_first


def _outside_named_period(published: pd.Series, cells: pd.Series, *, path: Path, rows: pd.Series) -> list:
    """A warning when posts fall outside the export period of the file name (`Oct-01-2026_Oct-12-2026_<id>`),
    a day of slack either side: a spreadsheet that rewrote `Publish time` day-first (`10/05/2026` for 10 May)
    is read month-first without an error when no day is above 12, and this is what shows it."""
    named = _named_days(path)
    if named is None:
        return []
    start, end = named
    outside = _outside_days(published, named)
    if not outside.any():
        return []
    first = outside.idxmax()
    return [Message("imports.meta_business_suite.outside_named_period", count=int(outside.sum()),
                    row=str(int(rows[first])), value=quoted(str(cells[first]).strip()),
                    read=published[first].date(), start=start, end=end)]


def _named_days(path: Path) -> tuple[date, date] | None:
    """The first and last day the file name gives (`Oct-01-2026_Oct-12-2026_<id>`, as Business Suite names its
    exports), None when it gives fewer than two."""
    named = dates_in_name(path, first_year=FIRST_YEAR)
    return (min(named), max(named)) if len(named) >= 2 else None


def _outside_days(times: pd.Series, named: tuple[date, date]) -> pd.Series:
    """Whether each time's day (on its own clock) is outside the `named` days by more than PERIOD_SLACK: the
    name's days may be at another time zone's. False where a time is missing."""
    start, end = named
    days = (times.dt.tz_localize(None) if times.dt.tz is not None else times).dt.normalize()
    outside = (days < pd.Timestamp(start - PERIOD_SLACK)) | (days > pd.Timestamp(end + PERIOD_SLACK))
    return outside.fillna(False).astype(bool)


def _impressions(out: pd.DataFrame, frame: pd.DataFrame, table, cols: Columns, rows: pd.Series,
                 report: FileReport) -> None:
    """Impressions, or Meta's Views (which count repeat views): kept in one column, labelled by kind."""
    view_keys = cols.all_keys("Views")
    if view_keys:
        kind, keys = "views", view_keys
    else:
        kind, keys = "impressions", cols.all_keys("Impressions")
    if not keys:
        return
    series = [to_number(frame[k], path=table.path, column=table.header[table.keys.index(k)], rows=rows,
                        decimal=table.decimal_mark)
              for k in keys]
    values = series[0]
    for other in series[1:]:
        both = values.notna() & other.notna()
        differ = both & (values != other)
        if differ.any():
            report.warnings.append(Message("imports.meta_business_suite.column_twice", column=kind.title(),
                                           count=int(differ.sum())))
        values = values.fillna(other)
    out["impressions"] = values  # views of 0 with reach above 0 cannot be true: quality.drop_unseen_zeros
    out["impressions_kind"] = pd.Series(kind, index=out.index, dtype="string").where(values.notna())


def _paid(frame: pd.DataFrame, cols: Columns, rows: pd.Series, table) -> pd.Series:
    """True when boosted reach is positive or Meta marks the post funded; NA when the export cannot say.

    A blank 'Funded content status' means "not funded" only in a file that marks some posts funded; in a
    file where every cell is blank it may simply not be filled in, so the flag stays NA.
    """
    paid = pd.Series(pd.NA, index=frame.index, dtype="boolean")
    boosted_key = cols.key("Reach from Boosted posts")
    if boosted_key is not None:
        boosted = to_number(frame[boosted_key], path=table.path, column="Reach from Boosted posts", rows=rows,
                            decimal=table.decimal_mark)
        paid = boosted.gt(0).astype("boolean").where(boosted.notna(), pd.NA)
    funded_key = cols.key("Funded content status")
    if funded_key is not None:
        funded = ~is_blank(frame[funded_key])
        paid = paid.mask(funded, True)
        if funded.any():  # the export marks funded posts, so an unmarked post in it was not funded
            paid = paid.fillna(False)
    return paid


FAMILY = Family(
    name="meta_business_suite_posts",
    platforms=("facebook", "instagram"),
    platform_columns=PLATFORM_COLUMNS,
    label=Message("imports.family.meta_business_suite"),
    signature=("post id", "publish time", "permalink", "post type", "date"),
    read=read_meta_business_suite,
)
