"""YouTube Studio Content tables damaged after download: rows deleted, ids turned into spreadsheet error values,
a totals row of the user's own. Small hand-made tables, figures worked out by hand."""
from __future__ import annotations

import pytest

from helpers.errors import ExportFormatError
from helpers.i18n import Translator
from helpers.importers import import_exports
from helpers.importers.youtube_studio import read_youtube_studio

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


def test_a_total_row_with_a_blank_content_and_total_as_its_title_is_the_channel_total(write_file):
    """A blank Content with 'TOTAL' (or 'Total') under Video title and no publish time is Studio's Total row:
    dropped as it, and its 100 views checked against the videos' 60 + 37 = 97 (3% short: the gentle note), not
    counted as a video without an id. A blank id beside a publish date stays a video without an id."""
    tr = Translator("en")
    for title in ("TOTAL", "Total"):
        path = write_file("Table data.csv", HEADER + f",{title},,100,9\n"
                          'a1B2c3D4e5F,Bread,"Mar 15, 2025",60,5\n' 'b2C3d4E5f6G,Crumb,"Apr 2, 2025",37,4\n')
        result = import_exports(path)
        dropped = {tr.message(reason): count for reason, count in result.reports[0].dropped.items()}
        assert dropped == {"'Total' row (the channel total, not a video)": 1}
        assert result.reports[0].summary_rows == 1
        assert ("the file's Total row counts 100 views; the 2 imported videos sum to 97 views (the total also "
                "covers videos not listed or not imported)") in _warnings(result)
        assert result.posts["post_id"].tolist() == ["a1B2c3D4e5F", "b2C3d4E5f6G"]

    path = write_file("Table data.csv", HEADER + "Total,,,100,9\n"
                      'a1B2c3D4e5F,Bread,"Mar 15, 2025",60,5\n' ',Total,"Apr 2, 2025",37,4\n')
    dropped = {tr.message(reason): count for reason, count in import_exports(path).reports[0].dropped.items()}
    assert dropped == {"'Total' row (the channel total, not a video)": 1, "no video id in 'Content'": 1}


def test_ids_a_spreadsheet_turned_into_error_values_are_refused_with_their_cause(write_file):
    """Rows 4 and 5 (the header is row 1, the Total row 2) hold '#NAME?' and '#REF!' in Content: the ids are lost,
    so the file is refused naming both cells, the first one's row and the column, and why; a video id written
    with a leading space (as Studio writes one starting with '-') still reads."""
    path = write_file("Table data.csv", HEADER + "Total,,,100,9\n"
                      ' -a1B2c3D4e5,Bread,"Mar 15, 2025",60,5\n'
                      '#NAME?,Crumb,"Apr 2, 2025",30,4\n'
                      '#REF!,Loaf,"Apr 3, 2025",10,0\n')
    with pytest.raises(ExportFormatError) as err:
        read_youtube_studio(path)
    assert err.value.row == 4 and err.value.column == "Content" and err.value.path == path
    text = err.value.in_language(Translator("en"))
    assert "2 ids were replaced by a spreadsheet's error value, which holds no id: row 4: '#NAME?', row 5: '#REF!'" in text, text
    assert "turned these ids into error values" in text and "download the export again" in text
    assert "nilai galat" in err.value.in_language(Translator("id"))
    path.write_text(HEADER + 'Total,,,100,9\n -a1B2c3D4e5,Bread,"Mar 15, 2025",60,5\n', encoding="utf-8")
    assert read_youtube_studio(path).posts["post_id"].tolist() == ["-a1B2c3D4e5"]


def test_an_id_with_characters_youtube_never_writes_is_refused(write_file):
    """'a1B2 c3D4e5' (a space inside) is no id YouTube writes: refused at row 3, as an id not written as YouTube
    writes them."""
    path = write_file("Table data.csv", HEADER + 'Total,,,60,5\na1B2 c3D4e5,Bread,"Mar 15, 2025",60,5\n')
    with pytest.raises(ExportFormatError) as err:
        read_youtube_studio(path)
    assert err.value.row == 3 and err.value.column == "Content"
    assert "1 id is not written as YouTube writes video ids (letters, digits, '_' and '-'): row 3: 'a1B2 c3D4e5'" in err.value.in_language(Translator("en"))


def test_digit_ids_of_every_family_say_an_error_value_for_what_it_is(tmp_path):
    """The same check serves X's and Meta's digit ids: '#VALUE!' at row 3 beside a real id is an error value."""
    import pandas as pd

    from helpers.importers.values import digit_ids

    cells = pd.Series(["1891234567890123456", "#VALUE!"], dtype="string")
    with pytest.raises(ExportFormatError) as err:
        digit_ids(cells, path=tmp_path / "x.csv", column="Post id", rows=pd.Series([2, 3]), example="1")
    assert err.value.row == 3
    assert "1 id was replaced by a spreadsheet's error value, which holds no id: row 3: '#VALUE!'" in \
        err.value.in_language(Translator("en"))


X_HEADER = "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts\n"


def _x_row(post_id: str, impressions: str) -> str:
    return (f'{post_id},"Sun, Nov 9, 2025",Hello,https://x.com/shop/status/{post_id},{impressions},4,9,0,0,0,1,2\n')


def test_a_column_the_export_always_fills_left_blank_in_every_row_is_said_to_be_edited(write_file):
    """X's Impressions blank in both posts' rows: warned about (in both languages); blank in one row of two it
    is only a blank cell (named by the blank-cell note), not an emptied column."""
    path = write_file("account_analytics_content_2025-11-01_2025-11-30.csv",
                      X_HEADER + _x_row("1987654321098765432", "") + _x_row("1987654321098765433", ""))
    result = import_exports(path, timezone="UTC")
    assert result.posts["impressions"].isna().all()
    assert ("column 'Impressions' is empty in every row, though the export always fills it: the file was likely "
            "edited; download it again") in _warnings(result)
    assert ("kolom 'Impressions' kosong di setiap baris, padahal ekspor ini selalu mengisinya: berkas ini "
            "kemungkinan telah disunting; unduh ulang ekspornya") in _warnings(result, "id")
    path.write_text(X_HEADER + _x_row("1987654321098765432", "") + _x_row("1987654321098765433", "150"),
                    encoding="utf-8")
    assert not any("empty in every row" in w for w in _warnings(import_exports(path, timezone="UTC")))


def test_youtube_views_emptied_are_warned_about_but_unique_viewers_studio_leaves_blank_are_not(write_file):
    """Studio leaves Unique viewers blank on video rows (a real export does): no warning. Views blank on both
    videos while the Total row keeps its 90: warned about, once."""
    header = "Content,Video title,Video publish time,Views,Unique viewers,Likes\n"
    path = write_file("Table data.csv", header + "Total,,,90,0,9\n"
                      'a1B2c3D4e5F,Bread,"Mar 15, 2025",60,,5\n'
                      'b2C3d4E5f6G,Crumb,"Apr 2, 2025",30,,4\n')
    assert not any("empty in every row" in w for w in _warnings(import_exports(path)))
    path.write_text(header + "Total,,,90,0,9\n"
                    'a1B2c3D4e5F,Bread,"Mar 15, 2025",,,5\n'
                    'b2C3d4E5f6G,Crumb,"Apr 2, 2025",,,4\n', encoding="utf-8")
    empty = [w for w in _warnings(import_exports(path)) if "empty in every row" in w]
    assert empty == ["column 'Views' is empty in every row, though the export always fills it: the file was likely "
                     "edited; download it again"]
