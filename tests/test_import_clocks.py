"""The clock a Business Suite export wrote its times at, told by the times Instagram's links hold."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.errors import ExportFormatError
from helpers.i18n import Translator
from helpers.importers import import_exports
from helpers.importers.clocks import instagram_received_time, written_zone
from tests.conftest import FIXTURES, real_export

UNCHECKED = "imports.meta_business_suite.clock_unchecked"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
EPOCH_MS = 1_314_220_021_721  # Instagram's: a media id's bits above the lowest 23 count ms from it


def shortcode(utc: str, shard: int = 1234) -> str:
    """The 11-letter code of a media id received at `utc`: the inverse of instagram_received_time."""
    number = ((int(pd.Timestamp(utc, tz="UTC").value // 1_000_000) - EPOCH_MS) << 23) | shard
    letters = ""
    while number:
        number, digit = divmod(number, 64)
        letters = ALPHABET[digit] + letters
    return letters.rjust(11, "A")


def test_a_link_gives_the_time_instagram_received_the_post():
    links = pd.Series([f"https://www.instagram.com/reel/{shortcode('2025-03-18 16:47:27.959')}/",
                       f"https://www.instagram.com/p/{shortcode('2024-12-31 23:59:00')}/?img_index=1",
                       "https://www.facebook.com/800000000000001", None, "https://www.instagram.com/p/short/"])
    times = instagram_received_time(links)
    assert times[0] == pd.Timestamp("2025-03-18 16:47:27.959", tz="UTC")
    assert times[1] == pd.Timestamp("2024-12-31 23:59:00", tz="UTC")
    assert times[2:].isna().all()  # no Instagram code: no time, never a guess


def _walls(*texts):
    return pd.Series(pd.to_datetime(list(texts)))


def _truth(*texts):
    return pd.Series(pd.to_datetime(list(texts), utc=True))


def test_times_written_at_another_clock_are_found_and_named():
    """Written at Los Angeles' clock: 09:48 on 18 March 2025 (PDT, UTC-7) is 16:48 UTC; each post received
    half a minute to 3 minutes before it went out. Read in Asia/Jakarta (UTC+7) they would be 14 hours off."""
    walls = _walls("2025-03-18 09:48", "2025-03-19 01:03", "2025-03-20 08:30", "2025-03-21 12:00")
    truth = _truth("2025-03-18 16:47:28", "2025-03-19 08:03:29", "2025-03-20 15:27:00", "2025-03-21 19:00:00")
    fit = written_zone(walls, truth, "Asia/Jakarta")
    assert (fit.zone, fit.fits, fit.checked, fit.given_fits, fit.offsets) == ("America/Los_Angeles", 4, 4, 0,
                                                                             ("UTC−7",))
    assert written_zone(walls, truth, "America/Los_Angeles").zone == "America/Los_Angeles"  # as the user said
    assert written_zone(walls, truth, "America/Vancouver").zone == "America/Vancouver"  # the same clock fits too
    assert written_zone(walls[:2], truth[:2], "Asia/Jakarta") is None  # 2 posts: too few to judge


def test_a_clock_across_daylight_saving_is_told_from_a_fixed_one():
    """Los Angeles moved from UTC-8 to UTC-7 on 9 March 2025: times on both sides fit it, not UTC-7 all year."""
    walls = _walls("2025-03-01 10:00", "2025-03-05 10:00", "2025-03-12 10:00", "2025-03-15 10:00")
    truth = _truth("2025-03-01 17:59", "2025-03-05 17:59", "2025-03-12 16:59", "2025-03-15 16:59")
    fit = written_zone(walls, truth, "Europe/London")
    assert fit.zone == "America/Los_Angeles" and fit.offsets == ("UTC−8", "UTC−7")
    fixed = written_zone(walls, _truth("2025-03-01 16:59", "2025-03-05 16:59", "2025-03-12 16:59",
                                       "2025-03-15 16:59"), "Europe/London")
    assert fixed.zone == "America/Phoenix" and fixed.offsets == ("UTC−7",)


def test_posts_that_say_nothing_of_the_clock_are_not_counted_and_unclear_evidence_changes_nothing():
    """A post scheduled two days ahead, and a link whose code is no media id (a time years away), say nothing
    of the clock: 3 of the 3 others fit UTC-7. Where 2 posts of 5 fit one clock and 3 show 3, 5 and 9 hours
    elsewhere, no zone fits 80% of them: none is taken, and the zone given stands."""
    walls = _walls("2025-03-18 09:48", "2025-03-19 01:03", "2025-03-20 08:30", "2025-03-22 12:00",
                   "2025-03-23 12:00")
    truth = _truth("2025-03-18 16:47:28", "2025-03-19 08:03:29", "2025-03-20 15:27:00", "2025-03-20 09:00:00",
                   "2021-06-01 10:00:00")
    fit = written_zone(walls, truth, "Asia/Jakarta")
    assert (fit.zone, fit.fits, fit.checked) == ("America/Los_Angeles", 3, 3)
    assert written_zone(walls[:4], truth[:4].where(truth.index[:4] != 0), "Asia/Jakarta") is None  # 2 left
    mixed = _truth("2025-03-18 16:47:28", "2025-03-19 08:03:29", "2025-03-20 05:29:00", "2025-03-22 07:00:00",
                   "2025-03-23 03:00:00")
    assert written_zone(walls, mixed, "Asia/Jakarta") is None


INSTAGRAM_HEADER = ('"Post ID","Account ID","Account username","Account name",Description,"Duration (sec)",'
                    '"Publish time",Permalink,"Post type","Data comment",Date,Views,Reach,Likes,Shares,Comments,'
                    'Saves,Follows')


def _instagram_export(folder, rows):
    """A Business Suite Instagram export whose posts went out at `rows` (written time, time received UTC)."""
    lines = [INSTAGRAM_HEADER] + [
        f'1800000000000000{n},17800000000000099,examplebakery,"Example Bakery","Post {n}",0,"{written}",'
        f'https://www.instagram.com/p/{shortcode(received)}/,"IG image",,Lifetime,100,80,5,0,1,0,0'
        for n, (written, received) in enumerate(rows, start=1)]
    path = folder / "Mar-18-2025_Apr-14-2025_17800000000000099.csv"
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


PACIFIC_ROWS = [("04/02/2025 09:48", "2025-04-02 16:47:28"), ("04/03/2025 01:03", "2025-04-03 08:03:29"),
                ("04/04/2025 08:30", "2025-04-04 15:27:00")]


def test_an_instagram_export_at_another_clock_is_read_at_it_and_its_facebook_batch_too(tmp_path):
    """Written at UTC-7, shown in Asia/Jakarta (UTC+7): 09:48 written is 23:48 in Jakarta. The Facebook export
    read with it takes the same clock: its 08:00 of 2 April (PDT) is 22:00 in Jakarta; read alone, 08:00."""
    instagram = _instagram_export(tmp_path, PACIFIC_ROWS)
    facebook = FIXTURES / "meta" / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    result = import_exports([instagram, facebook], timezone="Asia/Jakarta")
    posts = result.posts.set_index("post_id")
    assert posts.loc["18000000000000001", "published_at"] == pd.Timestamp("2025-04-02 23:48", tz="Asia/Jakarta")
    assert posts.loc["800000000000001", "published_at"] == pd.Timestamp("2025-04-02 22:00", tz="Asia/Jakarta")
    reports = {report.platform: report for report in result.reports}
    english, indonesian = Translator("en"), Translator("id")
    assert english.message(reports["instagram"].warnings[0]) == (
        "'Publish time' is not written at the clock of Asia/Jakarta, the time zone given: of the 3 posts whose"
        " link holds the time Instagram received them, 3 posts match America/Los_Angeles (UTC−7) and 0 posts"
        " match Asia/Jakarta. The times are read as America/Los_Angeles times and shown in Asia/Jakarta (row 2:"
        " '04/02/2025 09:48' is 2 April 2025, 23:48)")
    assert english.message(reports["facebook"].warnings[0]).startswith(
        "'Publish time' is read as America/Los_Angeles times, the clock the Instagram exports read with this file"
        " were found written at, and shown in Asia/Jakarta (row 2: '04/02/2025 08:00' is 2 April 2025, 22:00)")
    assert indonesian.message(reports["instagram"].warnings[0]).startswith(
        "'Publish time' tidak ditulis menurut Asia/Jakarta, zona waktu yang diberikan:")
    assert not [w for r in result.reports for w in r.warnings if w.key == UNCHECKED]  # its clock was told
    alone = import_exports(facebook, timezone="Asia/Jakarta")
    assert alone.posts["published_at"].iloc[0] == pd.Timestamp("2025-04-02 08:00", tz="Asia/Jakarta")
    assert [w.key for w in alone.reports[0].warnings if "Publish time" in english.message(w)] == [UNCHECKED]


def test_instagram_exports_that_disagree_lend_no_clock(tmp_path):
    """One Instagram export is written at UTC-7, another (its links say) at Jakarta's clock: the batch has no
    one clock, so the Facebook export is read at the zone given, as written (08:00 is 08:00)."""
    pacific = _instagram_export(tmp_path, PACIFIC_ROWS)
    jakarta = tmp_path / "jakarta"
    jakarta.mkdir()
    local = _instagram_export(jakarta, [("04/05/2025 09:00", "2025-04-05 01:59:30"),
                                        ("04/06/2025 10:00", "2025-04-06 02:59:30"),
                                        ("04/07/2025 11:00", "2025-04-07 03:59:30")])
    local = local.rename(jakarta / "Apr-05-2025_Apr-14-2025_17800000000000098.csv")
    facebook = FIXTURES / "meta" / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    result = import_exports([pacific, local, facebook], timezone="Asia/Jakarta")
    clocks = {report.path.name: report.clock for report in result.reports}
    assert clocks == {pacific.name: "America/Los_Angeles", local.name: "Asia/Jakarta", facebook.name: None}
    posts = result.posts.set_index("post_id")
    assert posts.loc["800000000000001", "published_at"] == pd.Timestamp("2025-04-02 08:00", tz="Asia/Jakarta")


def test_an_instagram_export_whose_links_cannot_tell_takes_the_batch_clock(tmp_path):
    """Two exports of one account at UTC-7, one with its links left blank: it cannot tell its own clock and
    takes the other's, with a note, so the account's posts are not read at two clocks (09:48 is 23:48 in
    Jakarta in both)."""
    told = _instagram_export(tmp_path, PACIFIC_ROWS)
    blank = tmp_path / "blank"
    blank.mkdir()
    silent = _instagram_export(blank, PACIFIC_ROWS)
    silent.write_text(silent.read_text(encoding="utf-8-sig").replace("https://www.instagram.com/p/", "x/"),
                      encoding="utf-8-sig")
    result = import_exports([told, silent], timezone="Asia/Jakarta")
    times = result.posts.groupby("source_file")["published_at"].min()
    assert set(times) == {pd.Timestamp("2025-04-02 23:48", tz="Asia/Jakarta")}
    note = next(report for report in result.reports if report.path == silent).warnings[0]
    assert Translator("en").message(note).startswith("'Publish time' is read as America/Los_Angeles times")


def test_an_instagram_export_at_the_clock_given_is_read_as_before(tmp_path):
    instagram = _instagram_export(tmp_path, PACIFIC_ROWS)
    result = import_exports(instagram, timezone="America/Los_Angeles")
    assert result.posts["published_at"].iloc[0] == pd.Timestamp("2025-04-02 09:48", tz="America/Los_Angeles")
    assert result.reports[0].warnings == [] and result.reports[0].clock == "America/Los_Angeles"


def test_the_real_instagram_export_is_found_written_at_pacific_time():
    """Its first reel, written '03/18/2025 09:48', was received 16:47:28 UTC: written at UTC-7; in
    Africa/Johannesburg (UTC+2) it went out at 18:48, not 09:48 (77 of 78 posts fit; one was scheduled)."""
    result = import_exports(real_export("instagram/business-suite-posts/Mar-18-2025_Apr-14-2025_1019826952924933.csv"),
                            timezone="Africa/Johannesburg")
    posts = result.posts.set_index("permalink")
    assert posts.loc["https://www.instagram.com/reel/DHWRIh_CLiR/", "published_at"] == pd.Timestamp(
        "2025-03-18 18:48", tz="Africa/Johannesburg")
    assert result.reports[0].clock == "America/Los_Angeles"
    note = Translator("en").message(result.reports[0].warnings[0])
    assert "of the 78 posts whose link holds the time Instagram received them, 77 posts match" in note
    assert "(UTC−7)" in note


def test_inspect_shows_each_file_as_read_with_the_others(tmp_path):
    """`inspect` of a folder describes each export as the folder's batch reads it: the Facebook export's
    period starts at 22:00 in Jakarta (08:00 at UTC-7), with the note saying why, as in a report."""
    from helpers.describe import describe

    _instagram_export(tmp_path, PACIFIC_ROWS)
    facebook = FIXTURES / "meta" / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    (tmp_path / facebook.name).write_bytes(facebook.read_bytes())
    text, failures = describe([tmp_path], timezone="Asia/Jakarta")
    block = next(b for b in text.split("\n\n") if facebook.name in b.splitlines()[0])
    assert failures == 0
    assert "period:       2 April 2025, 22:00 to 4 April 2025, 22:00 (Asia/Jakarta)" in block
    assert "'Publish time' is read as America/Los_Angeles times" in block


def test_an_export_covers_the_days_of_its_own_posts_in_the_report_s_time_zone():
    """The real Facebook export is named for 14 April (Pacific days), but its last post, at 19:53 Pacific on
    14 April, went out at 04:53 on 15 April in Johannesburg: the report says the export covers 15 April, as
    its posts table shows, not that it stops on the 14th."""
    from helpers.report import build_report

    facebook = real_export("facebook/business-suite-posts/Mar-18-2025_Apr-14-2025_553302954456165.csv")
    instagram = real_export("instagram/business-suite-posts/Mar-18-2025_Apr-14-2025_1019826952924933.csv")
    report = build_report(client="o", client_name="Oigetit", exports=[str(facebook), str(instagram)],
                          timezone="Africa/Johannesburg", period_start="2025-04-12", period_end="2025-04-20")
    last = report.posts.loc[report.posts["platform"] == "facebook", "published_at"].max()
    assert last == pd.Timestamp("2025-04-15 04:53", tz="Africa/Johannesburg")
    assert report._export_periods_by_file("facebook")[str(facebook)] == (pd.Timestamp("2025-03-18").date(),
                                                                        pd.Timestamp("2025-04-15").date())
    notes = " ".join(report.coverage_notes())
    assert "Facebook: of the two periods" in notes and "the exports cover 3 April 2025 to 15 April 2025" in notes
    assert "the last day their export covers (15 April 2025;" in notes


# ------------------------------------------------------------------------------------------- unchecked clocks
FACEBOOK = FIXTURES / "meta" / "Apr-01-2025_Apr-14-2025_100000000000042.csv"


def unchecked(result) -> dict:
    """{file name: its note that the clock could not be checked}, for the files that have one."""
    return {r.path.name: w for r in result.reports for w in r.warnings if w.key == UNCHECKED}


def test_a_facebook_export_read_alone_is_read_at_the_zone_given_and_says_its_clock_was_not_checked():
    """No time in its links, no Instagram export beside it: 08:00 written is 08:00 in Jakarta, as given, and a
    note says that this could not be checked, what a Pacific clock would do, and how to check (the file's
    first row: post 800000000000001, read as 2 April 2025, 08:00)."""
    result = import_exports(FACEBOOK, timezone="Asia/Jakarta")
    assert result.posts["published_at"].min() == pd.Timestamp("2025-04-02 08:00", tz="Asia/Jakarta")
    note = unchecked(result)[FACEBOOK.name]
    assert Translator("en").message(note) == (
        "'Publish time' is read as Asia/Jakarta times, the time zone given, and this could not be checked: a"
        " Facebook export's links hold no time to check it by, and no Instagram export read with it tells the"
        " clock. Business Suite does not always write the page's clock (real exports have been written at Pacific"
        " time, UTC−7 or UTC−8): if this file was written at another clock, every post's time is off by that many"
        " hours, some posts fall on another day, and results by weekday and hour of day are shifted. To check it,"
        " load this file together with the Instagram export of the same account from the same download (its links"
        " tell the clock, and this file then takes it), or look up post 800000000000001 (row 2, read as"
        " 2 April 2025, 08:00) in Business Suite: if the time shown there differs, this file's times are off by the"
        " difference")
    assert Translator("id").message(note).startswith(
        "'Publish time' dibaca sebagai waktu Asia/Jakarta, zona waktu yang diberikan, dan hal ini tidak dapat"
        " diperiksa: tautan dalam ekspor Facebook tidak memuat waktu untuk memeriksanya")
    assert "hasil per hari dalam seminggu dan per jam ikut bergeser" in Translator("id").message(note)


def test_a_facebook_export_beside_an_instagram_export_at_the_clock_given_needs_no_note(tmp_path):
    """The Instagram export's links show it written at Jakarta's clock, the zone given: the Facebook export
    read with it is read as given, and neither says anything of the clock."""
    instagram = _instagram_export(tmp_path, [("04/05/2025 09:00", "2025-04-05 01:59:30"),
                                             ("04/06/2025 10:00", "2025-04-06 02:59:30"),
                                             ("04/07/2025 11:00", "2025-04-07 03:59:30")])
    result = import_exports([instagram, FACEBOOK], timezone="Asia/Jakarta")
    assert {r.platform: r.clock for r in result.reports} == {"instagram": "Asia/Jakarta", "facebook": None}
    assert unchecked(result) == {}
    assert not [w for r in result.reports for w in r.warnings if "Publish time" in str(w)]
    facebook = result.posts[result.posts["platform"] == "facebook"]
    assert facebook["published_at"].min() == pd.Timestamp("2025-04-02 08:00", tz="Asia/Jakarta")


def test_instagram_exports_at_two_clocks_leave_the_facebook_export_unchecked_and_say_why(tmp_path):
    pacific = _instagram_export(tmp_path, PACIFIC_ROWS)
    jakarta = tmp_path / "jakarta"
    jakarta.mkdir()
    local = _instagram_export(jakarta, [("04/05/2025 09:00", "2025-04-05 01:59:30"),
                                        ("04/06/2025 10:00", "2025-04-06 02:59:30"),
                                        ("04/07/2025 11:00", "2025-04-07 03:59:30")])
    local = local.rename(jakarta / "Apr-05-2025_Apr-14-2025_17800000000000098.csv")
    notes = unchecked(import_exports([pacific, local, FACEBOOK], timezone="Asia/Jakarta"))
    assert list(notes) == [FACEBOOK.name]
    text = Translator("en").message(notes[FACEBOOK.name])
    assert ("could not be checked: the Instagram exports read with it were found written at different clocks"
            " (America/Los_Angeles, Asia/Jakarta), so which one this file shares cannot be told.") in text
    assert text.endswith("To check it, look up post 800000000000001 (row 2, read as 2 April 2025, 08:00) in Business"
                         " Suite: if the time shown there differs, this file's times are off by the difference")


def test_an_instagram_export_whose_links_cannot_tell_and_no_other_does_says_so(tmp_path):
    silent = _instagram_export(tmp_path, PACIFIC_ROWS)
    silent.write_text(silent.read_text(encoding="utf-8-sig").replace("https://www.instagram.com/p/", "x/"),
                      encoding="utf-8-sig")
    result = import_exports(silent, timezone="Asia/Jakarta")
    assert result.posts["published_at"].min() == pd.Timestamp("2025-04-02 09:48", tz="Asia/Jakarta")
    text = Translator("en").message(unchecked(result)[silent.name])
    assert "could not be checked: fewer than 3 of its links hold the time Instagram received the post" in text
    assert "look up post 18000000000000001 (row 2, read as 2 April 2025, 09:48)" in text


def test_the_unchecked_clock_reaches_the_explorer_s_warnings_and_the_report_s_coverage_notes():
    from helpers import explore

    workspace = explore.load_folder(FACEBOOK, client="bakery", timezone="Asia/Jakarta")
    said = [str(w) for w in workspace.warnings() if "could not be checked" in str(w)]
    assert len(said) == 1 and said[0].startswith(f"{FACEBOOK.name}: 'Publish time' is read as Asia/Jakarta times")
    for language, words in (("en", "'Publish time' is read as Asia/Jakarta times, the time zone given, and this"
                                   " could not be checked"),
                            ("id", "'Publish time' dibaca sebagai waktu Asia/Jakarta, zona waktu yang diberikan")):
        notes = explore.report_view(workspace, language=language).coverage_notes()
        assert sum(words in note for note in notes) == 1, notes
    # the report goes to the client: what would tell the clock, as a fact, not the analyst's "To check it, load…"
    note = next(n for n in notes if "Asia/Jakarta" in n)
    assert "Ekspor Instagram akun ini dari unduhan yang sama akan menunjukkan zona waktunya" in note
    assert "muat berkas" not in note and "Untuk memeriksanya" not in note
    english = next(n for n in explore.report_view(workspace, language="en").coverage_notes() if "Asia/Jakarta" in n)
    assert "The account's Instagram export from the same download would tell the clock" in english
    assert "To check it" not in english and "load this file" not in english


def test_the_real_facebook_export_is_unchecked_alone_and_takes_the_instagram_clock_beside_it():
    """Read alone, its first post is 13:34 in Johannesburg, with the note; beside the account's Instagram
    export (found written at Pacific time, 77 of 78 posts), 23:34, the note saying it took that clock."""
    facebook = real_export("facebook/business-suite-posts/Jan-14-2025_Apr-14-2025_1396269028466733.csv")
    instagram = real_export("instagram/business-suite-posts/Mar-18-2025_Apr-14-2025_1019826952924933.csv")
    alone = import_exports(facebook, timezone="Africa/Johannesburg")
    assert alone.posts["published_at"].min() == pd.Timestamp("2025-01-14 13:34", tz="Africa/Johannesburg")
    assert list(unchecked(alone)) == [facebook.name]
    beside = import_exports([facebook, instagram], timezone="Africa/Johannesburg")
    theirs = beside.posts[beside.posts["platform"] == "facebook"]
    assert theirs["published_at"].min() == pd.Timestamp("2025-01-14 23:34", tz="Africa/Johannesburg")
    assert unchecked(beside) == {}


def test_the_demo_instagram_export_tells_its_clock_and_the_demo_facebook_export_alone_says_it_cannot():
    """The demo's Instagram links hold the time each post was received, at the page's clock (Asia/Jakarta):
    Kopi Senja's exports are read as written, without a note; Harbour Books has a Facebook export only."""
    from helpers.paths import DEMO_DIR

    kopi = import_exports(sorted((DEMO_DIR / "kopi-senja").glob("*.csv")), timezone="Asia/Jakarta")
    assert {r.platform: r.clock for r in kopi.reports} == {"instagram": "Asia/Jakarta", "facebook": None}
    assert not [w for r in kopi.reports for w in r.warnings if "Publish time" in str(w)]
    harbour = import_exports(sorted((DEMO_DIR / "harbour-books").glob("*.csv")), timezone="Europe/London")
    assert len(unchecked(harbour)) == 1


def test_a_clock_is_named_by_a_zone_its_readers_know():
    """Written at UTC+7 (no daylight saving) and read as UTC: every zone of that offset fits alike; the one named
    is Asia/Jakarta (the workbook's readers' own), not the first in alphabetical order, Antarctica/Davis. An
    offset no preferred zone keeps (UTC+6:30) is named by a city of a continent, not by Indian/Cocos."""
    walls = _walls("2025-03-18 09:48", "2025-03-19 01:03", "2025-03-20 08:30", "2025-03-21 12:00")
    truth = _truth("2025-03-18 02:47:28", "2025-03-18 18:03:29", "2025-03-20 01:27:00", "2025-03-21 05:00:00")
    fit = written_zone(walls, truth, "UTC")
    assert (fit.zone, fit.fits, fit.offsets) == ("Asia/Jakarta", 4, ("UTC+7",))
    yangon = _truth("2025-03-18 03:17:28", "2025-03-18 18:33:29", "2025-03-20 01:57:00", "2025-03-21 05:30:00")
    assert written_zone(walls, yangon, "UTC").zone in {"Asia/Yangon", "Asia/Rangoon"}  # Rangoon: its old name


# ------------------------------------------------------------------------------- dates rewritten day-first
READ_DAY_FIRST = "imports.meta_business_suite.read_day_first"
#: Posted at Jakarta's clock on 2 April 09:00, 5 April 10:00, 7 April 11:00 and 11 March 20:15 (UTC+7), each
#: received half a minute before it went out, and written day-first by a spreadsheet: read month-first, they
#: would be 4 February, 4 May, 4 July and 3 November, weeks or months from their links' times.
SWAPPED_ROWS = [("02/04/2025 09:00", "2025-04-02 01:59:30"), ("05/04/2025 10:00", "2025-04-05 02:59:30"),
                ("07/04/2025 11:00", "2025-04-07 03:59:30"), ("11/03/2025 20:15", "2025-03-11 13:14:30")]


def _renamed(path, name="posts.csv"):
    """The export under a name without its period, so only the links can tell its dates are wrong."""
    return path.rename(path.with_name(name))


def test_dates_a_spreadsheet_rewrote_day_first_are_read_day_first_when_the_links_prove_it(tmp_path):
    """No day is above 12, so every cell reads month-first, and the file name gives no period: the links are
    the only evidence. All 4 month-first dates are months from their links' times; read day-first, all 4 fit."""
    result = import_exports(_renamed(_instagram_export(tmp_path, SWAPPED_ROWS)), timezone="Asia/Jakarta")
    assert result.posts.sort_values("source_row")["published_at"].tolist() == [
        pd.Timestamp("2025-04-02 09:00", tz="Asia/Jakarta"), pd.Timestamp("2025-04-05 10:00", tz="Asia/Jakarta"),
        pd.Timestamp("2025-04-07 11:00", tz="Asia/Jakarta"), pd.Timestamp("2025-03-11 20:15", tz="Asia/Jakarta")]
    report = result.reports[0]
    assert [w.key for w in report.warnings] == [READ_DAY_FIRST] and report.clock == "Asia/Jakarta"
    assert Translator("en").message(report.warnings[0]) == (
        "'Publish time' is read day-first (DD/MM/YYYY), not month-first as Business Suite writes it: of the 4"
        " posts whose link holds the time Instagram received them, 4 posts are written within a time zone's"
        " offset (UTC−12 to UTC+14) of that time when read day-first, and 4 posts are further from it than that"
        " when read month-first. A spreadsheet probably rewrote the dates day-first when the file was saved (row 2:"
        " '02/04/2025 09:00' is read as 2 April 2025, 09:00)")
    assert Translator("id").message(report.warnings[0]).startswith(
        "'Publish time' dibaca dengan hari di depan (DD/MM/YYYY), bukan dengan bulan di depan seperti yang ditulis"
        " Business Suite: dari 4 unggahan yang tautannya memuat waktu Instagram menerimanya, 4 ditulis")


def test_a_day_above_12_read_day_first_when_the_links_prove_it_and_the_clock_is_checked_on_it(tmp_path):
    """'13/03/2025 20:15' is no month-first date; the links prove the file day-first. Given Europe/London
    (UTC+0 on 13 March, UTC+1 from 30 March), the day-first times are found written at Jakarta's clock (UTC+7):
    13 March 20:15 there is 13:15 in London, 2 April 09:00 is 03:00 (BST)."""
    rows = SWAPPED_ROWS[:3] + [("13/03/2025 20:15", "2025-03-13 13:14:30")]
    result = import_exports(_renamed(_instagram_export(tmp_path, rows)), timezone="Europe/London")
    published = result.posts.sort_values("source_row")["published_at"].tolist()
    assert (published[0], published[3]) == (pd.Timestamp("2025-04-02 03:00", tz="Europe/London"),
                                            pd.Timestamp("2025-03-13 13:15", tz="Europe/London"))
    report = result.reports[0]
    assert report.clock == "Asia/Jakarta"
    assert [w.key for w in report.warnings] == [READ_DAY_FIRST, "imports.meta_business_suite.clock_found"]
    assert ("4 posts are written within a time zone's offset (UTC−12 to UTC+14) of that time when read day-first,"
            " and 1 cell cannot be read month-first at all (first: row 5, '13/03/2025 20:15')."
            in Translator("en").message(report.warnings[0]))


def test_a_facebook_export_with_a_day_above_12_is_refused_saying_it_looks_day_first(tmp_path):
    """No link of a Facebook export holds a time: nothing confirms the day-first reading, and the refusal says
    what the dates look like and what to do."""
    path = tmp_path / "posts.csv"
    path.write_text(FACEBOOK.read_text(encoding="utf-8-sig").replace('"04/02/2025 08:00"', '"02/04/2025 08:00"')
                    .replace('"04/03/2025 08:00"', '"13/04/2025 08:00"'), encoding="utf-8-sig")
    with pytest.raises(ExportFormatError) as info:
        import_exports(path, timezone="Asia/Jakarta")
    assert (info.value.row, info.value.column) == (3, "Publish time")
    assert str(info.value) == (
        f"file {path}, row 3, column 'Publish time': 1 cell cannot be read month-first, as Business Suite writes"
        " dates, but every cell reads day-first (first: '13/04/2025 08:00', day-first 13 April 2025, 08:00): a"
        " spreadsheet probably rewrote the dates day-first. A Facebook export's links hold no time to confirm it,"
        " so the file is not read day-first on a guess\n"
        "  expected: dates and times written month-first (MM/DD/YYYY HH:MM), as Business Suite writes them, like"
        " '03/18/2025 09:48'\n"
        "  what to do: use the export as downloaded from Business Suite, unchanged (download it again if this copy"
        " was opened and saved in a spreadsheet); or check this file's dates and links against the posts in"
        " Business Suite and correct them in a copy")


def test_dates_the_links_contradict_and_day_first_does_not_explain_are_read_as_written_with_a_warning(tmp_path):
    """Row 2 fits its link; rows 3 and 4 are written 18 and 17 days before theirs: 2 of 3, most of the posts.
    '04/13/2025' reads month-first only; with '04/12/2025' instead every cell reads day-first (4 January,
    4 March, 4 December), and none of the 3 then fits its link either. Posts scheduled well ahead look the
    same as dates changed after the download, so the file is read as written and the warning says both."""
    rows = [("04/01/2025 09:00", "2025-04-01 01:59:30"), ("04/03/2025 10:00", "2025-04-21 02:59:30"),
            ("04/13/2025 11:00", "2025-04-30 03:59:30")]
    path = _renamed(_instagram_export(tmp_path, rows))
    result = import_exports(path, timezone="Asia/Jakarta")
    assert result.posts.sort_values("source_row")["published_at"].tolist() == [
        pd.Timestamp("2025-04-01 09:00", tz="Asia/Jakarta"), pd.Timestamp("2025-04-03 10:00", tz="Asia/Jakarta"),
        pd.Timestamp("2025-04-13 11:00", tz="Asia/Jakarta")]
    warning = next(w for w in result.reports[0].warnings
                   if w.key == "imports.meta_business_suite.links_contradict")
    assert Translator("en").message(warning) == (
        "'Publish time' does not fit the posts' links: of the 3 posts whose link holds the time Instagram received"
        " them, 2 posts are written further from that time than any time zone's offset (UTC−12 to UTC+14) allows"
        " (row 3: '04/03/2025 10:00', read month-first as Business Suite writes it, 3 April 2025, 10:00; its link:"
        " 21 April 2025, 02:59 UTC); not every cell reads day-first (DD/MM/YYYY), as it would had a spreadsheet"
        " rewritten the dates. Posts scheduled more than 14 hours ahead look like this, and so do dates changed"
        " after the download. The dates are read as written: check a few against the posts in Business Suite, or"
        " use the export as downloaded, unchanged")
    assert Translator("id").message(warning) == (
        "'Publish time' tidak cocok dengan tautan unggahan: dari 3 unggahan yang tautannya memuat waktu Instagram"
        " menerimanya, 2 ditulis lebih jauh dari waktu itu daripada selisih zona waktu mana pun (UTC−12 hingga"
        " UTC+14); contohnya baris 3: '04/03/2025 10:00', yang dibaca dengan bulan di depan seperti yang ditulis"
        " Business Suite menjadi 3 April 2025 10.00, sedangkan tautannya menunjukkan 21 April 2025 02.59 UTC; tidak"
        " setiap sel dapat dibaca dengan hari di depan (DD/MM/YYYY), padahal semuanya akan terbaca begitu bila"
        " program lembar kerja yang menulis ulang tanggalnya. Unggahan yang dijadwalkan lebih dari 14 jam"
        " sebelumnya terlihat seperti ini, begitu pula tanggal yang diubah setelah diunduh. Tanggalnya dibaca"
        " seperti tertulis: periksa beberapa di antaranya dengan unggahan di Business Suite, atau pakai ekspor"
        " sebagaimana diunduh, tanpa diubah")
    rows[2] = ("04/12/2025 11:00", "2025-04-30 03:59:30")
    result = import_exports(_instagram_export(tmp_path, rows), timezone="Asia/Jakarta")
    warning = next(w for w in result.reports[0].warnings
                   if w.key == "imports.meta_business_suite.links_contradict")
    assert "; read day-first, none of them would fit either. Posts scheduled" in Translator("en").message(warning)
    assert ("; bila dibaca dengan hari di depan, tidak satu pun yang cocok. Unggahan yang dijadwalkan"
            in Translator("id").message(warning))


def test_a_few_posts_scheduled_ahead_change_no_date_and_the_clock_note_says_why_it_could_not_check(tmp_path):
    """2 of 4 posts went out 6 and 7 days after Instagram received them (scheduled): not most, so the dates
    stand as written, month-first. The 2 others are too few to judge the clock by, and the note says so: every
    link holds a time, not 'fewer than 3'."""
    rows = [("04/02/2025 09:00", "2025-04-02 01:59:30"), ("04/03/2025 10:00", "2025-04-03 02:59:30"),
            ("04/10/2025 11:00", "2025-04-04 03:59:30"), ("04/12/2025 12:00", "2025-04-05 04:59:30")]
    result = import_exports(_renamed(_instagram_export(tmp_path, rows)), timezone="Asia/Jakarta")
    assert result.posts.sort_values("source_row")["published_at"].tolist()[2:] == [pd.Timestamp("2025-04-10 11:00", tz="Asia/Jakarta"),
                                                         pd.Timestamp("2025-04-12 12:00", tz="Asia/Jakarta")]
    assert [w.key for w in result.reports[0].warnings] == [UNCHECKED]
    text = Translator("en").message(result.reports[0].warnings[0])
    assert ("this could not be checked: of the 4 posts whose link holds the time Instagram received them, 2 posts"
            " are written further from that time than any time zone's offset (UTC−12 to UTC+14), as a post scheduled"
            " ahead is, which leaves fewer than 3 to check the clock by, and no other Instagram export read with it"
            " tells the clock.") in text
    assert "fewer than 3 of its links hold" not in text
    assert "2 dari 4 unggahan yang tautannya memuat waktu Instagram menerimanya ditulis lebih jauh" in (
        Translator("id").message(result.reports[0].warnings[0]))


def test_links_that_fit_no_one_clock_are_said_to(tmp_path):
    """4 posts written 1, 3, 5 and 9 hours after Instagram received them: each within a time zone's offset, but
    no zone fits 80% of them (nor Jakarta's, UTC+7, any)."""
    rows = [("04/02/2025 09:00", "2025-04-02 07:59:30"), ("04/03/2025 09:00", "2025-04-03 05:59:30"),
            ("04/04/2025 09:00", "2025-04-04 03:59:30"), ("04/05/2025 09:00", "2025-04-04 23:59:30")]
    result = import_exports(_renamed(_instagram_export(tmp_path, rows)), timezone="Asia/Jakarta")
    assert result.posts["published_at"].iloc[0] == pd.Timestamp("2025-04-02 09:00", tz="Asia/Jakarta")
    text = Translator("en").message(unchecked(result)["posts.csv"])
    assert ("this could not be checked: the 4 posts whose link holds the time Instagram received them, within a time"
            " zone's offset of the written time, fit no one clock (no time zone matches 80% of them), and no other"
            " Instagram export read with it tells the clock.") in text


REAL_INSTAGRAM = "instagram/business-suite-posts/Mar-18-2025_Apr-14-2025_1019826952924933.csv"


def test_the_real_instagram_export_is_read_month_first_as_written():
    """Its 78 posts, each at its cell read month-first at Pacific time (the clock its links show), no day-first
    note: the links agree with the dates as written."""
    path = real_export(REAL_INSTAGRAM)
    result = import_exports(path, timezone="Africa/Johannesburg")
    cells = pd.read_csv(path, dtype=str, encoding="utf-8-sig").set_index("Post ID")["Publish time"]
    expected = pd.to_datetime(cells, format="%m/%d/%Y %H:%M").dt.tz_localize("America/Los_Angeles")
    posts = result.posts.set_index("post_id")["published_at"]
    assert len(posts) == 78 and sorted(posts.index) == sorted(expected.index)
    assert (posts == expected.dt.tz_convert("Africa/Johannesburg").loc[posts.index]).all()
    assert READ_DAY_FIRST not in [w.key for w in result.reports[0].warnings]


def _day_first_copy(text: str) -> str:
    """An export's text with every `Publish time` rewritten day-first, as a spreadsheet saves it."""
    return re.sub(r'"(\d\d)/(\d\d)/(\d{4} \d\d:\d\d)"', r'"\2/\1/\3"', text)


def test_the_real_instagram_export_rewritten_day_first_reads_as_the_download(tmp_path):
    """Rewritten day-first, the export reads exactly as downloaded: 54 of its cells have a day above 12, and all
    78 posts fit their links read day-first. Its 24 posts of 1 to 12 April alone (no day above 12, read
    month-first without an error) read as downloaded too: 22 of them are days to months from their links read
    month-first (the 2 posts of 4 April read alike both ways)."""
    path = real_export(REAL_INSTAGRAM)
    downloaded = import_exports(path, timezone="Africa/Johannesburg").posts.set_index("post_id")["published_at"]
    text = path.read_text(encoding="utf-8-sig")
    whole = tmp_path / "posts.csv"
    whole.write_text(_day_first_copy(text), encoding="utf-8-sig")
    result = import_exports(whole, timezone="Africa/Johannesburg")
    posts = result.posts.set_index("post_id")["published_at"]
    assert len(posts) == 78 and (posts == downloaded.loc[posts.index]).all()
    note = Translator("en").message(result.reports[0].warnings[0])
    assert ("of the 78 posts whose link holds the time Instagram received them, 78 posts are written within a time"
            " zone's offset (UTC−12 to UTC+14) of that time when read day-first, and 54 cells cannot be read"
            " month-first at all (first: row 2, '18/03/2025 09:48')") in note
    table = pd.read_csv(whole, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    early_april = table[table["Publish time"].str.match(r"(0\d|1[0-2])/04/")]
    april = tmp_path / "april.csv"
    early_april.to_csv(april, index=False, encoding="utf-8-sig")
    result = import_exports(april, timezone="Africa/Johannesburg")
    posts = result.posts.set_index("post_id")["published_at"]
    assert len(posts) == 24 and (posts == downloaded.loc[posts.index]).all()
    assert ("of the 24 posts whose link holds the time Instagram received them, 24 posts are written within a time"
            " zone's offset (UTC−12 to UTC+14) of that time when read day-first, and 22 posts are further from it"
            " than that when read month-first") in Translator("en").message(result.reports[0].warnings[0])


def test_day_first_dates_with_posts_scheduled_ahead_are_read_day_first_as_the_links_that_fit_say(tmp_path):
    """Five dates rewritten day-first, two of them posts scheduled three days ahead (Instagram received them on
    2 and 3 April, they went out on 5 and 6 April): read day-first 3 of 5 fit their links, month-first none.
    The scheduled two fit neither reading and say nothing, so the three that fit decide: day-first."""
    rows = [("02/04/2025 09:00", "2025-04-02 01:59:30"), ("03/04/2025 10:00", "2025-04-03 02:59:30"),
            ("05/04/2025 11:00", "2025-04-02 03:59:30"), ("06/04/2025 12:00", "2025-04-03 04:59:30"),
            ("07/04/2025 13:00", "2025-04-07 05:59:30")]
    result = import_exports(_renamed(_instagram_export(tmp_path, rows)), timezone="Asia/Jakarta")
    assert result.posts.sort_values("source_row")["published_at"].dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2025-04-02 09:00", "2025-04-03 10:00", "2025-04-05 11:00", "2025-04-06 12:00", "2025-04-07 13:00"]
    assert READ_DAY_FIRST in [w.key for w in result.reports[0].warnings]


def test_the_contradicted_dates_note_counts_only_far_posts_that_day_first_would_fit(tmp_path):
    """Two of three posts are written two days after their links' times month-first (4 April against 2 April);
    the third fits month-first. Read day-first (4 April again: day and month are the same) the same third fits,
    and none of the two far ones: the note says none of them would fit, not 'only 1'."""
    rows = [("04/04/2025 09:00", "2025-04-02 01:59:30"), ("04/04/2025 10:00", "2025-04-02 02:59:30"),
            ("04/04/2025 11:00", "2025-04-04 03:59:30")]
    result = import_exports(_renamed(_instagram_export(tmp_path, rows)), timezone="Asia/Jakarta")
    warning = next(w for w in result.reports[0].warnings if w.key == "imports.meta_business_suite.links_contradict")
    text = Translator("en").message(warning)
    assert "of the 3 posts whose link holds the time Instagram received them, 2 posts are written further" in text
    assert "only 1 of them" not in text and "none of them would fit" in text


def test_a_facebook_export_with_a_day_above_12_named_for_its_days_is_read_day_first(tmp_path):
    """The file refused above, under the name Business Suite gives it: read day-first, 2 April and 13 April
    2025 fall within the named 1 to 14 April (read month-first, '13/04/2025' is no date at all), so the file is
    read day-first with a note; named for 1 to 10 April, 13 April falls outside by more than the day of slack,
    and the file is refused as before."""
    text = (FACEBOOK.read_text(encoding="utf-8-sig").replace('"04/02/2025 08:00"', '"02/04/2025 08:00"')
            .replace('"04/03/2025 08:00"', '"13/04/2025 08:00"'))
    path = tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    path.write_text(text, encoding="utf-8-sig")
    result = import_exports(path, timezone="Asia/Jakarta")
    days = sorted(result.posts["published_at"].dt.strftime("%Y-%m-%d %H:%M"))
    assert days[0] == "2025-04-02 08:00" and days[-1] == "2025-04-13 08:00"
    [note] = [w for w in result.reports[0].warnings if w.key.endswith("read_day_first_named_unreadable")]
    assert Translator("en").message(note) == (
        "'Publish time' is read day-first (DD/MM/YYYY), not month-first as Business Suite writes it: 1 of"
        f" {len(result.posts)} cells has a day above 12 and cannot be read month-first, and read day-first, every"
        " post falls within the period the file name gives (1 April 2025 to 14 April 2025, with a day either side for"
        " time zones). A spreadsheet probably rewrote the dates day-first when the file was saved (row 3:"
        " '13/04/2025 08:00' is read as 13 April 2025, 08:00)")
    early = tmp_path / "Apr-01-2025_Apr-10-2025_100000000000042.csv"
    early.write_text(text, encoding="utf-8-sig")
    with pytest.raises(ExportFormatError, match="not read day-first on a guess"):
        import_exports(early, timezone="Asia/Jakarta")
