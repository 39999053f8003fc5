"""LinkedIn company-page content export (xlsx, sheet `All posts`): the real export and built workbooks."""
from __future__ import annotations

import glob

import pandas as pd
import pytest
from openpyxl import Workbook

from conftest import REAL_EXPORTS, detected_family, real_export
from helpers.errors import ExportFormatError
from helpers.importers import detect_family, import_exports
from helpers.importers.linkedin_page import FAMILY, read_linkedin_page

HEADER = ["Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date",
          "Campaign start date", "Campaign end date", "Audience", "Impressions", "Views", "Offsite Views",
          "Clicks", "Click through rate (CTR)", "Likes", "Comments", "Reposts", "Follows", "Engagement rate",
          "Content Type"]
LINK = "https://www.linkedin.com/feed/update/urn:li:activity:"


def post(title, n, kind, created, impressions, clicks, likes, comments, reposts, follows="", campaign="",
         views="", content_type=""):
    """One `All posts` row in LinkedIn's layout (CTR and engagement rate as fractions)."""
    numbers = [v for v in (clicks, likes, comments, reposts) if isinstance(v, int)]
    ctr = clicks / impressions if isinstance(impressions, int) and impressions else 0
    rate = sum(numbers) / impressions if isinstance(impressions, int) and impressions else 0
    return [title, f"{LINK}{n}", kind, campaign, "Jane Doe", created, "", "", "All followers", impressions,
            views, "", clicks, ctr, likes, comments, reposts, follows, rate, content_type]


STANDARD_ROWS = [
    post("Hello world", 7100000000000000001, "Organic", "03/04/2025", 1200, 30, 12, 1, 2),
    # boosted twice: Organic, two Sponsored, Total (= the sum)
    post("Big launch", 7100000000000000002, "Organic", "03/10/2025", 2000, 100, 50, 4, 3),
    post("Big launch", 7100000000000000002, "Sponsored", "03/10/2025", 3000, 20, 0, 0, 0, 0, "Boost A"),
    post("Big launch", 7100000000000000002, "Sponsored", "03/10/2025", 1000, 5, 2, 0, 0, 1, "Boost B"),
    post("Big launch", 7100000000000000002, "Total", "03/10/2025", 6000, 125, 52, 4, 3, 1),
    # a boost that never delivered
    post("Quiet one", 7100000000000000003, "Organic", "03/12/2025", 800, 9, 4, 0, 0),
    post("Quiet one", 7100000000000000003, "Sponsored", "03/12/2025", 0, 0, 0, 0, 0, 0, "Boost C"),
    post("Quiet one", 7100000000000000003, "Total", "03/12/2025", 800, 9, 4, 0, 0, 0),
    # a video, blank likes (not reported) and a content type
    post("Clip", 7100000000000000004, "Organic", "03/20/2025", 500, 7, "", 0, 1, views=210,
         content_type="Video"),
]


#: A `Metrics` sheet in LinkedIn's layout (header, then one row a day), as the daily reader takes it.
METRICS_HEADER = ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)",
                  "Unique impressions (organic)", "Clicks (organic)", "Clicks (sponsored)", "Clicks (total)"]
METRICS_DAYS = [["03/04/2025", 100, 20, 120, 80, 4, 1, 5],
                ["03/05/2025", 90, 0, 90, 70, 3, 0, 3],
                ["03/06/2025", 50, 10, 60, 40, None, None, None]]


def build_workbook(path, rows, *, sheet="All posts", header=HEADER, metrics_header=None, metrics_days=None):
    """An xlsx in LinkedIn's layout: a Metrics sheet, then `sheet` with a sentence on row 1, header row 2. The
    Metrics sheet is a stub that no daily reader takes, unless `metrics_header` and `metrics_days` are given."""
    book = Workbook()
    metrics = book.active
    metrics.title = "Metrics"
    metrics.append(["Aggregated engagement metrics for your organic and sponsored content."])
    metrics.append(metrics_header or ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)"])
    for day in metrics_days or [["03/04/2025", 10, 0, 10]]:
        metrics.append(day)
    posts = book.create_sheet(sheet)
    posts.append(["Engagement metrics for individual posts."])
    posts.append(header)
    for row in rows:
        posts.append([None if v == "" else v for v in row])
    book.save(path)
    return path


def test_real_export_counts_each_post_once():
    path = real_export("linkedin/company-page/leaf-space_content_1753863379800.xlsx")
    assert detect_family(path).name == FAMILY.name
    result = import_exports(path, timezone="Europe/Rome")
    posts, report = result.posts, result.reports[0]
    # reference (openpyxl, independent script): 98 rows, 79 post links, 8 with a Total row
    assert report.rows_in_file == 98
    assert len(posts) == 79 and posts["post_id"].is_unique
    assert posts["impressions"].sum() == 188316  # summing every row would give 236034
    assert posts["clicks"].sum() == 12171
    assert posts["reactions"].sum() == 3203
    assert posts["comments"].sum() == 55
    assert posts["shares"].sum() == 144
    assert posts["paid"].sum() == 7  # 8 boosted posts, one whose only campaign delivered nothing
    assert posts["paid"].notna().all()
    assert posts["reach"].isna().all()
    assert posts["video_views"].isna().all()  # 'Views' is blank on every row
    assert posts["follows_gained"].notna().sum() == 8  # only the Total rows carry Follows
    assert (posts["published_precision"] == "day").all()
    assert posts["post_id"].str.fullmatch(r"urn:li:activity:\d{19}").all()
    # LinkedIn's engagement rate is its own engagements ÷ impressions: every post with an Organic row alone
    sheet = pd.read_excel(path, sheet_name="All posts", header=1)
    organic = sheet.groupby("Post link").filter(lambda rows: len(rows) == 1)
    rate = (posts.set_index("permalink")["platform_engagements"] / posts.set_index("permalink")["impressions"])
    assert len(organic) == 71
    assert rate.loc[organic["Post link"]].to_numpy(float) == pytest.approx(organic["Engagement rate"].to_numpy(float))
    boosted = posts.set_index("post_id").loc["urn:li:activity:7327977736608571394"]
    assert boosted["impressions"] == 6725 and boosted["paid"]
    assert boosted["published_at"] == pd.Timestamp("2025-05-13", tz="Europe/Rome")


def test_real_other_files_do_not_match():
    """No other real export (post-level or daily) is taken for a LinkedIn page export."""
    if not REAL_EXPORTS.is_dir():
        pytest.skip(f"real exports folder {REAL_EXPORTS} is absent")
    for name in glob.glob(str(REAL_EXPORTS / "**" / "*.*"), recursive=True):
        if "linkedin" in name or not name.endswith((".csv", ".xlsx", ".txt")):
            continue
        family = detected_family(name)
        assert family != FAMILY.name, name


def test_built_workbook(tmp_path):
    path = build_workbook(tmp_path / "acme-robotics_content_1741000000000.xlsx", STANDARD_ROWS)
    assert detect_family(path).name == FAMILY.name
    result = import_exports(path)
    posts = result.posts.set_index("post_id")
    report = result.reports[0]
    assert report.rows_in_file == 9 and len(posts) == 4
    launch = posts.loc["urn:li:activity:7100000000000000002"]
    assert launch[["impressions", "clicks", "reactions", "follows_gained"]].tolist() == [6000, 125, 52, 1]
    assert launch["paid"] and launch["source_row"] == 7  # the Total row: header is sheet row 2
    assert launch["text"] == "Big launch"
    quiet = posts.loc["urn:li:activity:7100000000000000003"]
    assert not quiet["paid"]
    assert any("did not run" in w for w in report.warnings)
    hello = posts.loc["urn:li:activity:7100000000000000001"]
    assert not hello["paid"] and pd.isna(hello["follows_gained"])
    clip = posts.loc["urn:li:activity:7100000000000000004"]
    assert pd.isna(clip["reactions"]) and clip["video_views"] == 210 and clip["format"] == "video"
    assert (posts["account"] == "acme-robotics").all()
    assert (posts["impressions_kind"] == "impressions").all()
    # LinkedIn's own engagements: clicks + likes + comments + reposts + follows, a blank adding nothing
    assert posts["platform_engagements"].to_dict() == {
        "urn:li:activity:7100000000000000001": 30 + 12 + 1 + 2, "urn:li:activity:7100000000000000002": 125 + 52 + 4 + 3 + 1,
        "urn:li:activity:7100000000000000003": 9 + 4, "urn:li:activity:7100000000000000004": 7 + 0 + 1}


def test_boosted_post_without_total_row_is_summed(tmp_path):
    rows = [
        post("Spring", 7100000000000000005, "Organic", "04/01/2025", 1000, 10, 8, 1, 0),
        post("Spring", 7100000000000000005, "Sponsored", "04/01/2025", 2500, 12, 3, 0, 1, 2, "Boost D"),
    ]
    result = read_linkedin_page(build_workbook(tmp_path / "page.xlsx", rows))
    row = result.posts.iloc[0]
    assert (row["impressions"], row["clicks"], row["reactions"], row["shares"]) == (3500, 22, 11, 1)
    assert row["follows_gained"] == 2 and row["paid"]
    assert any("were summed" in w for w in result.report.warnings)


def test_bad_number_names_sheet_row_and_column(tmp_path):
    rows = STANDARD_ROWS[:1] + [post("Oops", 7100000000000000006, "Organic", "04/02/2025", "many", 1, 1, 0, 0)]
    with pytest.raises(ExportFormatError) as err:
        read_linkedin_page(build_workbook(tmp_path / "page.xlsx", rows))
    assert err.value.row == 4
    assert err.value.column == "Impressions (sheet All posts)"


def test_bad_date_names_sheet_row_and_column(tmp_path):
    rows = STANDARD_ROWS[:1] + [post("Oops", 7100000000000000006, "Organic", "2025/04/02", 1, 1, 1, 0, 0)]
    with pytest.raises(ExportFormatError) as err:
        read_linkedin_page(build_workbook(tmp_path / "page.xlsx", rows))
    assert err.value.row == 4 and err.value.column == "Created date (sheet All posts)"


def test_unknown_row_kind(tmp_path):
    rows = [post("Odd", 7100000000000000007, "Promoted", "04/02/2025", 1, 1, 1, 0, 0)]
    with pytest.raises(ExportFormatError, match="'Promoted' is not a row kind") as err:
        read_linkedin_page(build_workbook(tmp_path / "page.xlsx", rows))
    assert err.value.row == 3


def test_missing_sheet(tmp_path):
    path = build_workbook(tmp_path / "page.xlsx", STANDARD_ROWS, sheet="Posts")
    with pytest.raises(ExportFormatError, match="no sheet 'All posts'"):
        read_linkedin_page(path)


def test_missing_created_date_column(tmp_path):
    header = [h if h != "Created date" else "Date" for h in HEADER]
    path = build_workbook(tmp_path / "page.xlsx", STANDARD_ROWS, header=header)
    with pytest.raises(ExportFormatError, match="no 'Created date' column"):
        read_linkedin_page(path)


def test_metrics_sheet_alone_does_not_match(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Metrics"
    sheet.append(["Aggregated engagement metrics for your organic and sponsored content."])
    sheet.append(["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)"])
    sheet.append(["03/04/2025", 10, 0, 10])
    book.save(tmp_path / "metrics.xlsx")
    family = detected_family(tmp_path / "metrics.xlsx")
    assert family != FAMILY.name


def test_a_workbook_saved_under_a_csv_name_is_read_as_the_workbook_it_is(tmp_path):
    path = build_workbook(tmp_path / "acme-robotics_content_1741000000000.xlsx", STANDARD_ROWS)
    renamed = path.rename(tmp_path / "acme-robotics_content_1741000000000.csv")
    assert detect_family(renamed).name == FAMILY.name
    assert len(import_exports(renamed).posts) == 4


# ---- one workbook, two tables: posts (`All posts`) and the page's daily series (`Metrics`) ------------------

def test_a_workbook_with_a_metrics_sheet_feeds_the_posts_and_the_daily_series(tmp_path):
    from helpers import explore
    from helpers.describe import describe

    name = "acme-robotics_content_1741000000000.xlsx"
    build_workbook(tmp_path / name, STANDARD_ROWS, metrics_header=METRICS_HEADER, metrics_days=METRICS_DAYS)
    workspace = explore.load_folder(tmp_path, client="acme", timezone="UTC")
    files = workspace.files()
    assert files[["file", "table", "imported"]].values.tolist() == [[name, "posts", 4], [name, "daily series", 3]]
    assert len(workspace.posts) == 4
    daily = workspace.daily.set_index(["metric", "date"])["value"]
    days = list(pd.to_datetime(["2025-03-04", "2025-03-05", "2025-03-06"]))
    assert daily.loc["impressions"].loc[days].tolist() == [120, 90, 60]
    assert daily.loc["reach_organic"].loc[days].tolist() == [80, 70, 40]  # unique members reached, organic
    assert daily.loc["clicks"].loc[days[:2]].tolist() == [5, 3] and pd.isna(daily.loc[("clicks", days[2])])
    assert set(workspace.daily["platform"]) == {"linkedin"}
    # the report's coverage table: one row a table, both naming the file
    coverage = explore.report_view(workspace, "2025-03-01", "2025-03-31").coverage_table()
    assert coverage["file"].tolist() == [name, name]
    assert coverage["content"].tolist()[0] == "posts"
    assert coverage["content"].tolist()[1].startswith("days of a daily series")
    assert coverage["imported"].tolist() == ["4", "3"]
    # inspect describes both
    text, failures = describe(tmp_path / name)
    assert failures == 0
    assert "[linkedin_page_posts]" in text and "[linkedin_page_metrics]" in text
    assert "days:         3 in file, 3 imported, 0 dropped" in text


def test_a_workbook_whose_metrics_sheet_is_no_daily_series_feeds_the_posts_only(tmp_path):
    from helpers import explore

    build_workbook(tmp_path / "page.xlsx", STANDARD_ROWS)  # the stub Metrics sheet lacks 'Clicks (total)'
    workspace = explore.load_folder(tmp_path, client="acme", timezone="UTC")
    assert workspace.files()["table"].tolist() == ["posts"] and workspace.daily is None


def test_real_workbook_feeds_the_posts_and_the_daily_series():
    from helpers import explore

    path = real_export("linkedin/company-page/leaf-space_content_1753863379800.xlsx")
    workspace = explore.load_folder(path, client="leaf", timezone="Europe/Rome")
    files = workspace.files()
    assert files[["table", "imported"]].values.tolist() == [["posts", 79], ["daily series", 240]]
    impressions = workspace.daily[workspace.daily["metric"] == "impressions"]
    assert len(impressions) == 240 and impressions["date"].min() == pd.Timestamp("2024-12-01")


def test_a_renamed_likes_column_is_warned_about_and_leaves_linkedins_engagements_unreported(tmp_path):
    # 'Likes' translated to 'Suka' in a spreadsheet: the likes are not read, so interactions read low; LinkedIn's
    # engagement count (clicks + likes + comments + reposts + follows) would be 30 + 1 + 2 without them
    header = [("Suka" if name == "Likes" else name) for name in HEADER]
    result = import_exports(build_workbook(tmp_path / "page_content_1.xlsx", STANDARD_ROWS[:1], header=header))
    posts, warnings = result.posts, [str(w) for w in result.reports[0].warnings]
    assert "reactions" not in posts or posts["reactions"].isna().all()
    assert posts["platform_engagements"].isna().all()
    assert any("no 'Likes' column" in w and "read lower than they are" in w for w in warnings), warnings
    (tmp_path / "plain").mkdir()
    plain = import_exports(build_workbook(tmp_path / "plain" / "page_content_1.xlsx", STANDARD_ROWS[:1]))
    assert plain.posts["platform_engagements"].tolist() == [30 + 12 + 1 + 2]
    assert not any("read lower" in str(w) for w in plain.reports[0].warnings)


# ---- a CSV saved from the workbook: one sheet, refused as the copy it is -----------------------------------

def sheet_saved_as_csv(workbook, sheet: str, path, *, title_row: bool = True):
    """What a spreadsheet program's 'Save as CSV' writes for one sheet of the workbook: its rows as they are
    (the sentence on row 1 included, unless the user deleted it first)."""
    import csv

    from openpyxl import load_workbook

    rows = [["" if v is None else v for v in row] for row in load_workbook(workbook)[sheet].iter_rows(values_only=True)]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows if title_row else rows[1:])
    return path


@pytest.mark.parametrize("sheet, label", [
    ("Metrics", "the LinkedIn company page export, sheet 'Metrics' (xlsx)"),  # the first sheet: what a CSV keeps
    ("All posts", "the LinkedIn company page content export (xlsx, sheet 'All posts')"),
])
@pytest.mark.parametrize("title_row", [True, False])
def test_a_csv_saved_from_the_workbook_is_named_as_such(tmp_path, sheet, label, title_row):
    from helpers.daily import import_daily_series
    from helpers.i18n import Translator

    workbook = build_workbook(tmp_path / "acme-robotics_content_1741000000000.xlsx", STANDARD_ROWS,
                              metrics_header=METRICS_HEADER, metrics_days=METRICS_DAYS)
    copy = sheet_saved_as_csv(workbook, sheet, tmp_path / "acme-robotics_content_1741000000000.csv",
                              title_row=title_row)
    for load in (import_exports, import_daily_series):  # neither a post export nor a daily file
        with pytest.raises(ExportFormatError) as info:
            load(copy)
        assert str(info.value).splitlines() == [
            f"file {copy}: this is a CSV copy of one sheet of an xlsx download, {label}: a spreadsheet program saves"
            " a single sheet as CSV, so the rest of the download is not in this file",
            "  expected: the LinkedIn company page content export (the xlsx workbook) as downloaded: the whole .xlsx"
            " file, every sheet in it",
            "  what to do: give the .xlsx file as downloaded, not a CSV saved from it: the workbook reads its sheets"
            " itself; download the export again if no copy of the .xlsx is left"]
    assert Translator("id").message(info.value.problem).startswith("ini salinan CSV dari satu lembar unduhan xlsx")
    assert len(import_exports(workbook).posts) == 4  # the workbook itself reads as ever


def test_a_csv_of_the_workbooks_first_sheet_in_a_folder_is_refused_as_the_copy_it_is(tmp_path):
    from helpers import explore

    workbook = build_workbook(tmp_path / "acme.xlsx", STANDARD_ROWS, metrics_header=METRICS_HEADER,
                              metrics_days=METRICS_DAYS)
    folder = tmp_path / "exports"
    folder.mkdir()
    sheet_saved_as_csv(workbook, "Metrics", folder / "acme-robotics_content_1741000000000.csv")
    with pytest.raises(ExportFormatError, match="this is a CSV copy of one sheet of an xlsx download"):
        explore.load_folder(folder, client="acme", timezone="UTC")


@pytest.mark.parametrize("sheet, label", [
    ("Metrics", "the LinkedIn company page export, sheet 'Metrics' (xlsx)"),
    ("All posts", "the LinkedIn company page content export (xlsx, sheet 'All posts')"),
])
def test_a_csv_saved_from_the_workbook_beside_it_is_left_out_with_a_note(tmp_path, sheet, label):
    from helpers import explore
    from helpers.i18n import Translator

    folder = tmp_path / "exports"
    folder.mkdir()
    workbook = build_workbook(folder / "acme-robotics_content_1741000000000.xlsx", STANDARD_ROWS,
                              metrics_header=METRICS_HEADER, metrics_days=METRICS_DAYS)
    copy = sheet_saved_as_csv(workbook, sheet, folder / "acme-robotics_content_1741000000000.csv")
    result = import_exports([copy, workbook])
    assert len(result.posts) == 4 and set(result.posts["source_file"]) == {str(workbook)}
    assert [r.path for r in result.reports] == [workbook]
    note = ("acme-robotics_content_1741000000000.csv, beside this file, was not read: it is a CSV copy of one of"
            f" this file's sheets, {label}, and this file is the export as downloaded, whose sheets are read from it")
    assert [str(w) for w in result.reports[0].warnings if "beside this file" in str(w)] == [note]
    indonesian = Translator("id").message(next(w for w in result.reports[0].warnings if "beside" in str(w)))
    assert indonesian.startswith("acme-robotics_content_1741000000000.csv, yang ada di sebelah berkas ini, tidak dibaca")
    workspace = explore.load_folder(folder, client="acme", timezone="UTC")  # posts and the Metrics days
    assert len(workspace.posts) == 4 and set(workspace.posts["source_file"]) == {str(workbook)}
    assert len(workspace.daily) and set(workspace.daily["source_file"]) == {str(workbook)}
    # inspect says the same of the folder: the copy not read, the workbook read (it refused the copy)
    from helpers.describe import describe
    text, failures = describe([copy, workbook], timezone="UTC")
    assert failures == 0
    assert f"not read: a CSV copy of a sheet of {workbook}, beside it, which is the export as downloaded" in text


def test_a_csv_saved_from_another_workbook_is_refused_beside_it(tmp_path):
    # the .xlsx beside it is another download (another name): the copy's own workbook is not there
    workbook = build_workbook(tmp_path / "acme-robotics_content_1741000000000.xlsx", STANDARD_ROWS,
                              metrics_header=METRICS_HEADER, metrics_days=METRICS_DAYS)
    copy = sheet_saved_as_csv(workbook, "Metrics", tmp_path / "acme-robotics_content_1730000000000.csv")
    with pytest.raises(ExportFormatError, match="this is a CSV copy of one sheet of an xlsx download"):
        import_exports([copy, workbook])


# ---- the days the export covers: its Metrics sheet's, the one date range chosen for the download ----------

def _daily_rows(first: str, days: int) -> list[list]:
    """`days` Metrics rows from `first` (YYYY-MM-DD), one a day, in METRICS_HEADER's layout."""
    return [[f"{day:%m/%d/%Y}", 10, 0, 10, 8, 1, 0, 1] for day in pd.date_range(first, periods=days)]


def _warned(kind, act):
    """What `act()` returns, and the text of the warnings of `kind` it gave."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = act()
    return result, [str(w.message) for w in caught if isinstance(w.message, kind)]


def test_a_workbook_s_metrics_sheet_names_the_days_its_posts_cover(tmp_path):
    """Metrics rows from 1 to 24 March 2025; posts of 4, 10, 12 and 20 March. The export covers 1 to 24 March,
    not 4 to 20 (its first to its last post): 1 to 9 March is covered in full, so its totals are compared with
    10 to 24 March's (3 posts against 1: +2); 1 to 31 March is covered for 24 of its 31 days. The download was
    on 24 March or later: the post of the 20th had 4 days (fewer than 7), those of the 10th and 12th 14 and 12."""
    from helpers import metrics
    from helpers.errors import NearDownload, PartlyCovered
    from helpers.explore import load_folder, select_posts
    from helpers.sources import export_periods, names_its_period, stated_days

    path = build_workbook(tmp_path / "acme-robotics_content_1741000000000.xlsx", STANDARD_ROWS,
                          metrics_header=METRICS_HEADER, metrics_days=_daily_rows("2025-03-01", 24))
    workspace = load_folder(tmp_path, client="acme", timezone="UTC")
    march = (pd.Timestamp("2025-03-01").date(), pd.Timestamp("2025-03-24").date())
    assert stated_days(path) == march and names_its_period(str(path))
    assert export_periods(workspace.posts, workspace.imported.reports) == {str(path): march}
    early, partly = _warned(PartlyCovered, lambda: select_posts(workspace.posts, start="2025-03-01", end="2025-03-09"))
    assert len(early) == 1 and partly == []
    late = select_posts(workspace.posts, start="2025-03-10", end="2025-03-24")
    change, near = _warned(NearDownload, lambda: metrics.period_change(late, early).set_index("kpi"))
    assert change.loc["posts", ["value", "value_previous", "change"]].tolist() == [3.0, 1.0, 2.0]
    assert not change["partly_covered"].any()
    assert [note.split(", and may have")[0] for note in near] == [
        "LinkedIn: 1 of the 3 posts of the period went out fewer than 7 days before the last day their export covers"
        " (2025-03-24; it was downloaded that day or later, the exports do not say when)"]
    _, partly = _warned(PartlyCovered, lambda: select_posts(workspace.posts, start="2025-03-01", end="2025-03-31"))
    assert [note.split(". ")[0] for note in partly] == [
        "LinkedIn: the exports cover only 1 March 2025 to 24 March 2025 of the days chosen (1 March 2025 to 31 March 2025), "
        "24 of 31 days"]


@pytest.mark.parametrize("metrics_sheet", ["none", "stub"])
def test_a_workbook_without_its_daily_metrics_names_no_days_and_is_read_as_before(tmp_path, metrics_sheet):
    """Without a Metrics sheet (or with one that is no daily series), only the posts tell: 4 to 20 March 2025,
    the export names no days, and its posts of 20 March are close to its newest post, not to a download."""
    from openpyxl import load_workbook

    from helpers import metrics
    from helpers.errors import NearDownload
    from helpers.explore import load_folder, select_posts
    from helpers.sources import export_periods, names_its_period, stated_days

    path = build_workbook(tmp_path / "acme-robotics_content_1741000000000.xlsx", STANDARD_ROWS)
    if metrics_sheet == "none":
        book = load_workbook(path)
        del book["Metrics"]
        book.save(path)
    workspace = load_folder(tmp_path, client="acme", timezone="UTC")
    assert len(workspace.posts) == 4 and workspace.daily is None
    assert stated_days(path) is None and not names_its_period(str(path))
    assert export_periods(workspace.posts, workspace.imported.reports) == {
        str(path): (pd.Timestamp("2025-03-04").date(), pd.Timestamp("2025-03-20").date())}
    late = select_posts(workspace.posts, start="2025-03-10", end="2025-03-20")
    early = select_posts(workspace.posts, start="2025-03-04", end="2025-03-09")
    _, near = _warned(NearDownload, lambda: metrics.period_change(late, early))
    assert [note.split(", and may have")[0] for note in near] == [
        "LinkedIn: 1 of the 3 posts of the period went out fewer than 7 days before the newest post of their export"
        " (2025-03-20; the export does not name the days it covers, so it may have been downloaded later, and then"
        " they had longer)"]


def test_the_real_workbook_covers_the_days_of_its_metrics_sheet_and_its_periods_are_compared():
    """The real export's Metrics sheet runs from 1 December 2024 to 28 July 2025 (240 days), its posts from 16
    December 2024 to 20 July 2025: the comparison of 1 April to 20 July 2025 (37 posts) with the 111 days
    before (11 December 2024 to 31 March 2025, 42 posts) is covered in full, so posts and impressions get a
    change, and no post of the period is within 7 days of 28 July (the newest, of 20 July, had 8)."""
    from helpers import metrics
    from helpers.errors import NearDownload, PartlyCovered
    from helpers.explore import load_folder, select_posts
    from helpers.sources import export_periods, stated_days

    path = real_export("linkedin/company-page/leaf-space_content_1753863379800.xlsx")
    days = (pd.Timestamp("2024-12-01").date(), pd.Timestamp("2025-07-28").date())
    assert stated_days(path) == days
    workspace = load_folder(path, client="leaf", timezone="UTC")
    assert export_periods(workspace.posts, workspace.imported.reports) == {str(path): days}
    (now, before), partly = _warned(PartlyCovered, lambda: (
        select_posts(workspace.posts, start="2025-04-01", end="2025-07-20"),
        select_posts(workspace.posts, start="2024-12-11", end="2025-03-31")))
    assert (len(now), len(before), partly) == (37, 42, [])
    change, near = _warned(NearDownload, lambda: metrics.period_change(now, before).set_index("kpi"))
    assert near == [] and not change["partly_covered"].any()
    assert change.loc["posts", "change"] == -5.0
    assert change.loc["impressions", ["value", "value_previous"]].tolist() == [90800.0, 97516.0]
    assert change.loc["impressions", "change"] == -6716.0


def test_a_daily_series_names_linkedins_impressions_with_linkedins_word(tmp_path):
    """LinkedIn reports impressions, organic and sponsored: the report's list of what the daily series holds and
    `inspect` say impressions, in either language, not the post table's 'impressions (or views)' (Meta's
    word); the platform's engagement rate is said in Indonesian words; the Metrics sheet's family is named in
    the reader's language."""
    from helpers import explore
    from helpers.describe import describe

    name = "acme-robotics_content_1741000000000.xlsx"
    build_workbook(tmp_path / name, STANDARD_ROWS, metrics_header=METRICS_HEADER + ["Engagement rate (total)"],
                   metrics_days=[day + [0.05] for day in METRICS_DAYS])
    workspace = explore.load_folder(tmp_path, client="acme", timezone="UTC")
    contents = {language: explore.report_view(workspace, "2025-03-01", "2025-03-31", language=language)
                .coverage_table().iloc[1, 2] for language in ("en", "id")}  # the content column
    assert contents == {
        "en": "days of a daily series: impressions: organic, impressions: sponsored, impressions and 5 more",
        "id": "deret harian, per hari: impresi: organik, impresi: bersponsor, impresi dan 5 lainnya"}
    text, failures = describe(tmp_path / name, language="id")
    assert failures == 0
    assert ("ekspor halaman perusahaan LinkedIn, lembar 'Metrics' (xlsx; deret harian) [linkedin_page_metrics]"
            in text)
    assert ("  metrik:           impresi: organik (impressions_organic), impresi: bersponsor (impressions_sponsored),"
            " impresi (impressions), jangkauan: organik (reach_organic)") in text
    assert "tingkat keterlibatan versi platform sendiri (platform_engagement_rate)" in text
    assert "atau tayangan" not in text and "engagement" not in text.replace("_engagement", "")
    text, _ = describe(tmp_path / name)
    assert "  metrics:      impressions: organic (impressions_organic), impressions: sponsored" in text
    assert "or views" not in text
    assert ("  warning:      1 post has rows marked 'Sponsored' in the 'Post type' column with no impressions (a"
            " campaign that did not run; sheet row 9): counted as organic") in text


def test_created_dates_a_day_first_spreadsheet_turned_into_dates_are_refused(tmp_path):
    """Opened in a day-first spreadsheet, '03/04/2025' (4 March) and '03/10/2025' (10 March) became 3 April and
    3 October, date cells; '03/12/2025' and '03/20/2025' stayed text ('03/12/2025' too: pasted as text, say).
    Read back month-first, the cells would move two posts by a month or more without a word: refused instead,
    naming the file, the column and its sheet, the date cells and a text date."""
    from datetime import datetime

    day_first = {"03/04/2025": datetime(2025, 4, 3), "03/10/2025": datetime(2025, 10, 3)}
    rows = [row[:5] + [day_first.get(row[5], row[5])] + row[6:] for row in STANDARD_ROWS]
    path = build_workbook(tmp_path / "page_content_1.xlsx", rows)
    with pytest.raises(ExportFormatError) as err:
        import_exports(path)
    assert err.value.path == path and (err.value.row, err.value.column) == (3, "Created date")
    text = str(err.value)
    assert "on sheet 'All posts', 5 cells hold dates of a spreadsheet's own (e.g. row 3: 3 April 2025)" in text
    assert "4 cells hold the export's text dates, written like '03/18/2025' (e.g. row 8: '03/12/2025')" in text
    assert "download it again" in str(err.value.hint)
    # a month-first spreadsheet turns every text date into a date cell: read as the days they are
    us = [row[:5] + [datetime.strptime(row[5], "%m/%d/%Y")] + row[6:] for row in STANDARD_ROWS]
    posts = read_linkedin_page(build_workbook(tmp_path / "us.xlsx", us)).posts
    assert posts["published_at"].dt.strftime("%Y-%m-%d").tolist() == ["2025-03-04", "2025-03-10", "2025-03-12",
                                                                       "2025-03-20"]


def test_metrics_days_a_day_first_spreadsheet_turned_into_dates_are_refused(tmp_path):
    """The Metrics sheet's dates are LinkedIn's month-first text too: '03/05/2025' read day-first is 3 May."""
    from datetime import datetime

    from helpers.importers.daily_linkedin import read_linkedin_metrics

    days = [METRICS_DAYS[0], [datetime(2025, 5, 3)] + METRICS_DAYS[1][1:], METRICS_DAYS[2]]
    path = build_workbook(tmp_path / "page_content_1.xlsx", STANDARD_ROWS, metrics_header=METRICS_HEADER,
                          metrics_days=days)
    with pytest.raises(ExportFormatError, match="on sheet 'Metrics', 1 cell holds dates") as err:
        read_linkedin_metrics(path)
    assert (err.value.row, err.value.column) == (4, "Date")


def test_an_iso_created_date_is_refused_as_not_the_date_linkedin_writes(tmp_path):
    rows = STANDARD_ROWS[:1] + [post("Oops", 7100000000000000006, "Organic", "2025-04-02", 1, 1, 1, 0, 0)]
    with pytest.raises(ExportFormatError) as err:
        read_linkedin_page(build_workbook(tmp_path / "page.xlsx", rows))
    assert err.value.row == 4 and "'2025-04-02'" in str(err.value)
    assert str(err.value.expected) == "a date like '03/18/2025'"
