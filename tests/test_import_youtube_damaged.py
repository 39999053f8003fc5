"""YouTube Studio Content tables damaged after download: rows deleted, ids turned into spreadsheet error values,
a totals row of the user's own. Small hand-made tables, figures worked out by hand."""
from __future__ import annotations

from helpers.i18n import Translator
from helpers.importers import import_exports

HEADER = "Content,Video title,Video publish time,Views,Likes\n"


def _warnings(result, language: str = "en") -> list[str]:
    tr = Translator(language)
    return [tr.message(w) for w in result.reports[0].warnings]


def _table(write_file, *videos: str):
    return write_file("Table data.csv", HEADER + "Total,,,100,9\n" + "".join(v + "\n" for v in videos))


def test_a_table_whose_videos_fall_far_short_of_its_total_is_said_to_be_incomplete(write_file):
    """Total 100 views, videos 60 + 30 = 90: 10 short, 10% of the Total, past the 5% allowed. Videos 60 + 37 = 97
    (3% short) keep the gentle note; so do a dated video of 60 and an undated one of 38 (dropped, not imported),
    since the file lists 98 views, 2% short: the note gives the imported video's 60."""
    path = _table(write_file, 'a1B2c3D4e5F,Bread,"Mar 15, 2025",60,5', 'b2C3d4E5f6G,Crumb,"Apr 2, 2025",30,4')
    warnings = _warnings(import_exports(path))
    assert any(w.startswith("the file's Total row counts 100 views, but the 2 videos the file lists sum to 90 "
                            "views, 10% short of it: the table looks incomplete") and "Download the table again" in w
               for w in warnings), warnings
    assert not any("the total also covers" in w for w in warnings)
    indonesian = _warnings(import_exports(path), "id")
    assert any("10% lebih sedikit" in w and "tidak lengkap" in w for w in indonesian), indonesian

    path = _table(write_file, 'a1B2c3D4e5F,Bread,"Mar 15, 2025",60,5', 'b2C3d4E5f6G,Crumb,"Apr 2, 2025",37,4')
    warnings = _warnings(import_exports(path))
    assert ("the file's Total row counts 100 views; the 2 imported videos sum to 97 views (the total also covers "
            "videos not listed or not imported)") in warnings
    assert not any("incomplete" in w for w in warnings)

    path = _table(write_file, 'a1B2c3D4e5F,Bread,"Mar 15, 2025",60,5', "b2C3d4E5f6G,Private,,38,4")
    warnings = _warnings(import_exports(path))
    assert ("the file's Total row counts 100 views; the 1 imported video sums to 60 views (the total also covers "
            "videos not listed or not imported)") in warnings
    assert not any("incomplete" in w for w in warnings)


def test_a_users_own_totals_row_is_counted_as_one_not_as_a_video_without_a_publish_time(write_file):
    """'Summe' and 'Grand total:' in Content with no publish time are rows summing the videos (2 totals rows);
    'abcdefghijk', letters alone but a video id's 11 characters, is a video YouTube lists without a publish time
    (1 such row). Studio's own Total row stays counted apart (1)."""
    path = write_file("Table data.csv", HEADER + "Total,,,100,9\n"
                      'a1B2c3D4e5F,Bread,"Mar 15, 2025",60,5\n'
                      "abcdefghijk,Private,,40,4\n"
                      "Summe,,,100,9\n"
                      "Grand total:,,,100,9\n")
    result = import_exports(path)
    tr = Translator("en")
    dropped = {tr.message(reason): count for reason, count in result.reports[0].dropped.items()}
    assert dropped == {
        "'Total' row (the channel total, not a video)": 1,
        "totals row added in a spreadsheet ('Summe' in 'Content', with no publish time): not a video, left out so "
        "its sums are not counted twice": 1,
        "totals row added in a spreadsheet ('Grand total:' in 'Content', with no publish time): not a video, left "
        "out so its sums are not counted twice": 1,
        "blank 'Video publish time' (YouTube leaves it blank for videos it does not list as published, e.g. "
        "private or unlisted): cannot be placed in time": 1,
    }
    assert result.posts["post_id"].tolist() == ["a1B2c3D4e5F"]
    indonesian = [Translator("id").message(reason) for reason in result.reports[0].dropped]
    assert any("baris total yang ditambahkan" in r and "'Summe'" in r for r in indonesian), indonesian
