"""Which of two overlapping exports is the newer: the one downloaded last, told by the files' modification
times where they can be download times and lie far enough apart, else by the dates in their names.

The exports are written by hand in the Business Suite format with invented content; their modification times
are set with os.utime, as a browser's download, a copy or a git checkout would leave them.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from conftest import FIXTURES
from helpers.__main__ import main
from helpers.daily import import_daily_series
from helpers.i18n import translator
from helpers.importers import import_exports
from helpers.importers.recency import by_recency, download_time
from helpers.paid import import_paid_delivery
from helpers.report import replaced_cell

ZONE = "Asia/Jakarta"
PAGE = "100088245511032"
#: The older download: 15 August to 30 September, downloaded on 2 October.
SEPTEMBER = f"Aug-15-2026_Sep-30-2026_{PAGE}.csv"
#: August downloaded again on 10 October to correct it, its reach doubled; the browser added " (1)".
AUGUST_AGAIN = f"Aug-01-2026_Aug-31-2026_{PAGE} (1).csv"


def _at(text: str) -> float:
    """A moment in UTC ("2026-10-02 09:00") as a file's modification time."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


def _export(path: Path, rows, modified: str) -> Path:
    """A Facebook post export of `rows` (post id, publish time, reach), modified at `modified` (UTC)."""
    header = ('"Post ID","Page ID","Page name",Title,"Publish time",Permalink,"Post type",Date,Views,Reach,'
              'Reactions,Comments,Shares')
    body = "\n".join(f'{post},{PAGE},"Harbour Books",Post,"{published}",https://www.facebook.com/{post},'
                     f'Photos,Lifetime,{reach * 2},{reach},10,2,1' for post, published, reach in rows)
    path.write_bytes(("\ufeff" + header + "\n" + body + "\n").encode("utf-8"))
    os.utime(path, (_at(modified), _at(modified)))
    return path


def _downloads(folder: Path, september: str, august: str) -> tuple[Path, Path]:
    """The two downloads, modified at `september` and `august`: the September one holds two August posts the
    August one holds again with their reach doubled (20 and 25 August), and one September post; the August
    one holds one post before the 15th too."""
    older = _export(folder / SEPTEMBER, [(5222658631558566, "08/20/2026 17:01", 2618),
                                         (5222658631558567, "08/25/2026 09:00", 1000),
                                         (5222658631558568, "09/10/2026 09:00", 700)], september)
    newer = _export(folder / AUGUST_AGAIN, [(5222658631558565, "08/05/2026 09:00", 400),
                                            (5222658631558566, "08/20/2026 17:01", 5236),
                                            (5222658631558567, "08/25/2026 09:00", 2000)], august)
    return older, newer


def test_august_downloaded_again_after_september_replaces_its_august_posts(tmp_path):
    """Downloaded 8 days after the September export, the August one is the newer, though its name ends a month
    earlier: its three posts are all kept, with the doubled reach, and the September export keeps one post."""
    older, newer = _downloads(tmp_path, "2026-10-02 09:00", "2026-10-10 00:00")
    result = import_exports([older, newer], timezone=ZONE)
    reach = result.posts.set_index("post_id")["reach"]
    assert reach.to_dict() == {"5222658631558565": 400, "5222658631558566": 5236, "5222658631558567": 2000,
                               "5222658631558568": 700}
    reports = {r.path.name: r for r in result.reports}
    assert (reports[SEPTEMBER].superseded, reports[AUGUST_AGAIN].superseded) == (2, 0)
    summary = result.summary().set_index("file")
    assert summary.loc[AUGUST_AGAIN, "imported"] == 3 and summary.loc[SEPTEMBER, "imported"] == 1
    (count, why), = reports[SEPTEMBER].superseded_by.values()
    assert count == 2 and why == (f"{AUGUST_AGAIN}, downloaded later (modified 10 October 2026, 07:00; this file "
                                  "2 October 2026, 16:00)")  # on Jakarta's clock
    assert replaced_cell(reports[SEPTEMBER], translator("en")) == "2 (downloaded later)"
    assert replaced_cell(reports[SEPTEMBER], translator("id")) == "2 (diunduh lebih akhir)"
    # the times decided against the names: said, as a copy saved later would win the same way
    assert any(note.startswith(f"{AUGUST_AGAIN} replaced this export where the two overlap: it counts as the newer "
                               "export because it was downloaded later") and
               "though the dates in its name end earlier (31 August 2026; this file's 30 September 2026)" in note
               for note in reports[SEPTEMBER].warnings)


def test_the_summary_is_in_the_active_language(tmp_path):
    """After use_language("id") the import summary's headings and its why-newer cell are Indonesian, as the
    report's Data coverage words them, not English headings around an English reason."""
    from helpers.i18n import use_language

    older, newer = _downloads(tmp_path, "2026-10-02 09:00", "2026-10-10 00:00")
    result = import_exports([older, newer], timezone=ZONE)
    try:
        use_language("id")
        summary = result.summary().set_index("berkas")
    finally:
        use_language("en")
    assert list(summary.columns[:4]) == ["jenis ekspor", "platform", "baris dalam berkas", "diimpor"]
    assert summary.loc[SEPTEMBER, "digantikan ekspor yang lebih baru"] == 2
    assert summary.loc[SEPTEMBER, "ekspor yang lebih baru, dan alasannya"] == (
        f"{AUGUST_AGAIN}, yang diunduh lebih akhir (terakhir diubah 10 Oktober 2026 07.00; berkas ini 2 Oktober 2026 "
        "16.00)")
    assert "superseded by a newer export" in result.summary().columns  # English again once English is active


def test_times_within_ten_minutes_are_a_copy_and_the_names_decide(tmp_path):
    """A folder copied (or checked out) gives its files times seconds or minutes apart: 9 minutes say nothing
    of which was downloaded later, so the September export, whose name ends later, stays the newer."""
    older, newer = _downloads(tmp_path, "2026-11-28 14:49", "2026-11-28 14:58")
    result = import_exports([older, newer], timezone=ZONE)
    assert result.posts.set_index("post_id").loc["5222658631558566", "reach"] == 2618
    reports = {r.path.name: r for r in result.reports}
    assert (reports[SEPTEMBER].superseded, reports[AUGUST_AGAIN].superseded) == (0, 2)
    (count, why), = reports[AUGUST_AGAIN].superseded_by.values()
    assert why == f"{SEPTEMBER}, whose name's dates end later (30 September 2026; this file's 31 August 2026)"
    assert replaced_cell(reports[AUGUST_AGAIN], translator("en")) == "2 (later dates in its name)"
    assert replaced_cell(reports[AUGUST_AGAIN], translator("id")) == "2 (tanggal dalam namanya lebih akhir)"
    assert not any("downloaded later" in note for note in reports[AUGUST_AGAIN].warnings + reports[SEPTEMBER].warnings)


def test_a_time_before_the_last_day_a_name_gives_is_no_download_and_the_names_decide(tmp_path):
    """The September export modified on 2 September cannot have been downloaded then (its name runs to 30
    September): its time is not its download's, and the names decide, though the August one's is 10 October."""
    older, newer = _downloads(tmp_path, "2026-09-02 09:00", "2026-10-10 00:00")
    result = import_exports([newer, older], timezone=ZONE)
    assert result.posts.set_index("post_id").loc["5222658631558566", "reach"] == 2618
    assert {r.path.name: r.superseded for r in result.reports} == {SEPTEMBER: 0, AUGUST_AGAIN: 2}


def test_a_download_time_is_not_before_the_start_of_the_last_day_named_on_the_zones_clock_or_utcs(tmp_path):
    """An export may be downloaded on the last day it names; its days may be UTC's or the zone's. 30 September
    starts at 29 September 17:00 UTC in Jakarta, the earlier of the two."""
    path = tmp_path / SEPTEMBER
    path.write_text("x", encoding="utf-8")
    for moment, taken in (("2026-09-29 17:00", True), ("2026-09-29 16:59", False), ("2026-10-02 09:00", True)):
        os.utime(path, (_at(moment), _at(moment)))
        assert (download_time(path, ZONE) is not None) == taken, moment
    os.utime(path, (_at("2026-09-29 23:00"), _at("2026-09-29 23:00")))
    assert download_time(path, None) is None  # UTC alone: 30 September starts at midnight


def _files(folder: Path, named: dict[str, str]) -> list[Path]:
    paths = []
    for name, modified in named.items():
        path = folder / name
        path.write_text("x", encoding="utf-8")
        os.utime(path, (_at(modified), _at(modified)))
        paths.append(path)
    return paths


def test_files_each_within_ten_minutes_of_the_next_are_one_copy(tmp_path):
    """Three files 8 minutes apart each (16 from first to last) are one copy: the names order them, not the
    16 minutes between the first and the last."""
    a, b, c = _files(tmp_path, {"posts_2026-08-31.csv": "2026-10-10 09:16", "posts_2026-09-15.csv": "2026-10-10 09:08",
                                "posts_2026-09-30.csv": "2026-10-10 09:00"})
    assert by_recency([c, b, a], ZONE).order == [a, b, c]


def test_download_times_that_contradict_the_names_around_a_file_without_one_leave_the_names_to_decide(tmp_path):
    """August (downloaded 10 October) is newer than September (2 October) by download; the file of mid-September,
    modified in January (no download time), is newer than August and older than September by name: no order
    keeps all three, and the names order them all."""
    august, september, middle = _files(tmp_path, {"posts_2026-08-31.csv": "2026-10-10 00:00",
                                                  "posts_2026-09-30.csv": "2026-10-02 09:00",
                                                  "posts_2026-09-15.csv": "2026-01-05 09:00"})
    assert by_recency([august, september, middle], ZONE).order == [august, middle, september]
    # without the file in between, the download times order the two
    assert by_recency([august, september], ZONE).order == [september, august]


def test_an_ad_report_downloaded_again_replaces_the_one_whose_name_ends_later(tmp_path):
    """Ads Manager reports of the same delivery: the one named 3 May, downloaded again on 1 June, replaces the
    one named 10 May, downloaded on 11 May; its five rows are kept."""
    first, again = _files(tmp_path, {"ads_2024-05-10.csv": "2024-05-11 08:00",
                                     "ads_2024-05-03.csv": "2024-06-01 08:00"})
    for path in (first, again):
        modified = path.stat().st_mtime
        path.write_bytes((FIXTURES / "ads_manager" / "days_by_platform.csv").read_bytes())
        os.utime(path, (modified, modified))
    table, reports = import_paid_delivery([first, again])
    assert set(table["source_file"]) == {str(again)}
    assert {r.path.name: r.superseded for r in reports} == {"ads_2024-05-10.csv": 5, "ads_2024-05-03.csv": 0}
    replaced = next(r for r in reports if r.superseded)
    assert replaced_cell(replaced, translator("en")) == "5 (downloaded later)"


def test_a_daily_files_replaced_values_say_why_the_other_file_is_newer(tmp_path):
    """Two daily files of one metric whose names give no date, downloaded 8 days apart: the later one's value
    of 10 March (7) replaces the other's (0), the one day both hold."""
    older, newer = _files(tmp_path, {"Reach.csv": "2025-03-20 08:00", "Reach (1).csv": "2025-03-28 08:00"})
    older_bytes = (FIXTURES / "daily" / "instagram_reach_utf16.csv").read_bytes()
    newer_bytes = ('sep=,\n"Instagram reach"\n"Date","Primary"\n"2025-03-10T00:00:00","7"\n'
                   '"2025-03-11T00:00:00","9"\n').encode("utf-16")
    for path, raw in ((older, older_bytes), (newer, newer_bytes)):
        modified = path.stat().st_mtime
        path.write_bytes(raw)
        os.utime(path, (modified, modified))
    daily, reports = import_daily_series([newer, older])
    replaced = next(r for r in reports if r.path == older)
    assert replaced.superseded == 1 and daily.set_index("date").loc["2025-03-10", "source_file"] == str(newer)
    assert replaced_cell(replaced, translator("en"), values=True) == "1 value (downloaded later)"
    assert replaced_cell(replaced, translator("id"), values=True) == "1 nilai (diunduh lebih akhir)"


def test_inspect_says_which_export_replaced_a_files_rows_and_why(tmp_path, capsys):
    older, newer = _downloads(tmp_path, "2026-10-02 09:00", "2026-10-10 00:00")
    assert main(["inspect", str(older), str(newer), "--timezone", ZONE]) == 0
    out = capsys.readouterr().out
    assert (f"2 rows replaced by the same data in a newer export: {AUGUST_AGAIN}, downloaded later (modified 10 "
            "October 2026, 07:00; this file 2 October 2026, 16:00)") in out
