"""A folder holding only daily series (a page's Reach.csv) or Ads Manager reports, no post export, in the explorer.

The analyst sees what the folder holds: the daily and paid tables, and a post table with the canonical columns
and no rows. The workspace's warnings say once that no post export was read, which files were, and which post
export to add; every view of posts gives the same words, as its caption or as its error, never a pandas
traceback. The client report's loader (the roster) still refuses such files: a report is measured on posts.
The fixtures are copies of the test suite's Meta page series (Reach.csv, Follows.csv: Facebook, from 20
February 2025) and Ads Manager report (campaigns_usd.csv)."""
import shutil

import pytest

from helpers import explore, metrics, schema
from helpers.errors import WorkbookError
from helpers.i18n import translator
from helpers.sources import load_client
from tests.conftest import FIXTURES

PACIFIC = FIXTURES / "daily" / "pacific"
ADS = FIXTURES / "ads_manager" / "campaigns_usd.csv"

NOTE = ("no post export was read, only daily series (Follows.csv, Reach.csv): the post table is empty, so the views "
        "of posts (summary_view, report_view, select_posts and the other recipes) have no post to show. To explore "
        "posts, add a Business Suite export of the Facebook Page's posts to the folder")
NOTE_ID = ("tidak ada ekspor unggahan yang dibaca, hanya deret harian (Follows.csv, Reach.csv): tabel unggahan kosong, "
           "sehingga tampilan unggahan (summary_view, report_view, select_posts, dan resep lainnya) tidak memiliki "
           "unggahan untuk ditampilkan. Untuk menjelajahi unggahan, tambahkan ekspor unggahan Halaman Facebook dari "
           "Business Suite ke folder ini")


@pytest.fixture
def daily_only(tmp_path):
    """A folder of a Facebook Page's daily reach and follows, and no post export."""
    for name in ("Reach.csv", "Follows.csv"):
        shutil.copy(PACIFIC / name, tmp_path / name)
    return tmp_path


def test_a_folder_of_daily_series_alone_loads_with_an_empty_post_table_and_says_so_once(daily_only):
    workspace = explore.load_folder(daily_only, client="page", timezone="Asia/Jakarta")
    assert workspace.posts.empty
    assert list(workspace.posts.columns[:len(schema.POST_COLUMNS)]) == list(schema.POST_COLUMNS)
    assert str(workspace.posts["published_at"].dt.tz) == "Asia/Jakarta"
    assert set(workspace.daily["metric"]) == {"reach", "follows_gained"}
    assert sorted(workspace.files()["file"]) == ["Follows.csv", "Reach.csv"]
    [note] = workspace.warnings()
    assert str(note) == NOTE
    assert note.in_language(translator("id")) == NOTE_ID
    assert metrics.kpis(workspace.posts).empty
    with pytest.raises(WorkbookError, match="none of the export files is a post-level export"):
        load_client(sorted(daily_only.iterdir()), client="page", timezone="Asia/Jakarta")  # the report's loader
    with_posts = explore.load_folder(PACIFIC, client="page", timezone="Africa/Johannesburg")  # a post export too
    assert len(with_posts.posts) and not [n for n in with_posts.warnings() if "no post export was read" in str(n)]


def test_every_view_of_posts_of_such_a_folder_gives_the_same_words(daily_only, tmp_path, monkeypatch):
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path / "derived"))
    workspace = explore.load_folder(daily_only, client="page", timezone="Asia/Jakarta")
    posts = workspace.posts
    caption = NOTE[0].upper() + NOTE[1:] + "."
    assert explore.summary_view(posts).caption == caption.replace("'", "&#x27;")  # escaped, as HTML
    assert explore.summary_view(posts, by="format").caption == caption.replace("'", "&#x27;")
    assert explore.summary_view(posts, language="id").caption == NOTE_ID[0].upper() + NOTE_ID[1:] + "."
    for call in (lambda: explore.select_posts(posts, platform="facebook"),
                 lambda: explore.select_posts(posts, start="2025-02-20", end="2025-02-28"),
                 lambda: explore.most_posted(posts), lambda: explore.last_days(posts, 30),
                 lambda: explore.engagement_rate_of(posts, "facebook"), lambda: explore.posts_behind(posts, "reach"),
                 lambda: explore.exports_span(workspace), lambda: explore.report_view(workspace)):
        with pytest.raises(WorkbookError) as error:
            call()
        assert str(error.value) == NOTE
    assert explore.select_posts(posts).empty  # nothing asked of the posts: the empty table itself
    assert "Accounts reached per day, 20 February 2025 to 13 March 2025" in explore.daily_shown(workspace).data
    saved = explore.save_table(metrics.kpis(posts), "page-kpis.csv")
    assert saved.read_text(encoding="utf-8-sig").splitlines()[0].startswith("platform,kpi,")
    assert explore.shown(posts[explore.OVERVIEW_COLUMNS]).data.empty


def test_a_folder_of_ads_manager_reports_alone_names_them(tmp_path):
    shutil.copy(ADS, tmp_path / ADS.name)
    workspace = explore.load_folder(tmp_path, client="page", timezone="UTC")
    assert workspace.posts.empty and len(workspace.paid)
    assert [str(note) for note in workspace.warnings()] == [
        "no post export was read, only Ads Manager reports (campaigns_usd.csv): the post table is empty, so the "
        "views of posts (summary_view, report_view, select_posts and the other recipes) have no post to show. To "
        "explore posts, add a Business Suite export of the Facebook Page's posts to the folder"]
    shutil.copy(PACIFIC / "Reach.csv", tmp_path / "Reach.csv")
    both = explore.load_folder(tmp_path, client="page", timezone="UTC")
    assert str(both.warnings()[0]).startswith(
        "no post export was read, only daily series and Ads Manager reports (Reach.csv, campaigns_usd.csv): ")


def test_the_explore_notebook_shows_the_daily_series_and_stops_at_the_report_view_with_the_note(daily_only, tmp_path,
                                                                                               monkeypatch):
    """papermill given a folder of daily series: the files, the note among the warnings and the reach per day
    are shown; the report view, which needs posts, stops the run with the same words (no traceback of pandas)."""
    import papermill

    from helpers.paths import NOTEBOOKS_DIR, PROJECT_ROOT

    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path / "derived"))
    out = tmp_path / "out.ipynb"
    with pytest.raises(papermill.PapermillExecutionError) as error:
        papermill.execute_notebook(str(NOTEBOOKS_DIR / "explore.ipynb"), str(out),
                                   parameters={"folder": str(daily_only), "timezone": "Asia/Jakarta"},
                                   cwd=str(PROJECT_ROOT), kernel_name="python3", progress_bar=False)
    assert error.value.ename == "WorkbookError" and error.value.evalue == NOTE
    shown = out.read_text(encoding="utf-8")
    assert "Accounts reached per day, 20 February 2025 to 13 March 2025" in shown
    assert "no post export was read, only daily series (Follows.csv, Reach.csv)" in shown  # the warnings' cell
