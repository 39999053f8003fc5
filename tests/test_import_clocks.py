"""The clock a Business Suite export wrote its times at, told by the times Instagram's links hold."""
from __future__ import annotations

import pandas as pd
import pytest

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
        "'Publish time' is not written at the clock of Asia/Jakarta, the time zone given: 3 of the 3 posts whose"
        " link holds the time Instagram received them match America/Los_Angeles (UTC−7), and 0 match"
        " Asia/Jakarta. The times are read as America/Los_Angeles times and shown in Asia/Jakarta (row 2:"
        " '04/02/2025 09:48' is 2025-04-02 23:48)")
    assert english.message(reports["facebook"].warnings[0]).startswith(
        "'Publish time' is read as America/Los_Angeles times, the clock the Instagram exports read with this file"
        " were found written at, and shown in Asia/Jakarta (row 2: '04/02/2025 08:00' is 2025-04-02 22:00)")
    assert indonesian.message(reports["instagram"].warnings[0]).startswith(
        "'Publish time' tidak ditulis menurut jam Asia/Jakarta")
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
    assert "77 of the 78 posts" in note and "(UTC−7)" in note


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
    assert "period:       2025-04-02 22:00" in block
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
    first row: post 800000000000001, read as 2025-04-02 08:00)."""
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
        " 2025-04-02 08:00) in Business Suite: if the time shown there differs, this file's times are off by the"
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
    assert text.endswith("To check it, look up post 800000000000001 (row 2, read as 2025-04-02 08:00) in Business"
                         " Suite: if the time shown there differs, this file's times are off by the difference")


def test_an_instagram_export_whose_links_cannot_tell_and_no_other_does_says_so(tmp_path):
    silent = _instagram_export(tmp_path, PACIFIC_ROWS)
    silent.write_text(silent.read_text(encoding="utf-8-sig").replace("https://www.instagram.com/p/", "x/"),
                      encoding="utf-8-sig")
    result = import_exports(silent, timezone="Asia/Jakarta")
    assert result.posts["published_at"].min() == pd.Timestamp("2025-04-02 09:48", tz="Asia/Jakarta")
    text = Translator("en").message(unchecked(result)[silent.name])
    assert "could not be checked: fewer than 3 of its links hold the time Instagram received the post" in text
    assert "look up post 18000000000000001 (row 2, read as 2025-04-02 09:48)" in text


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
    assert "Ekspor Instagram akun ini dari unduhan yang sama akan menunjukkan jamnya" in note
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
