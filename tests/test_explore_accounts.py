"""A folder holding several accounts of one platform: the explorer says so, and lets the analyst choose one.

The fixture tests/fixtures/two_pages holds two Meta Business Suite exports of two Facebook pages:
"Example Bakery" (3 posts, 2-4 April 2025: reach 320, 150, 200; interactions 13, 4, 7) and
"Toko Kue <Manis> & Co" (2 posts, 5 and 10 April 2025: reach 600, 250; interactions 30, 5). The second name
holds HTML's special characters, as an exported page name may.
"""
import shutil

import pandas as pd
import pytest

from helpers import explore
from helpers.errors import WorkbookError
from helpers.i18n import active_language, translator, use_language
from helpers.paths import DEMO_DIR, PROJECT_ROOT
from helpers.sources import several_accounts

TWO_PAGES = PROJECT_ROOT / "tests" / "fixtures" / "two_pages"
BAKERY, TOKO = "Example Bakery", "Toko Kue <Manis> & Co"


@pytest.fixture(scope="module")
def workspace():
    return explore.load_folder(TWO_PAGES, client="two-pages", timezone="Asia/Jakarta")


def account_notes(workspace):
    return [note for note in workspace.warnings() if note.key == "imports.explore.several_accounts"]


def test_a_folder_of_two_pages_says_so_in_the_warnings_in_both_languages(workspace):
    notes = account_notes(workspace)
    assert len(notes) == 1
    assert str(notes[0]) == (
        f"Facebook: the posts come from 2 accounts ({BAKERY}, {TOKO}), and every Facebook figure pools them "
        "(summary_view, last_days, most_posted, report_view; the report's elasticity alone is fitted on each account's "
        "posts). To look at one: explore.select_posts(workspace.posts, "
        f"platform='facebook', account='{BAKERY}'), or its report: explore.report_view(workspace, account='{BAKERY}'); "
        "to set them side by side: "
        "explore.summary_view(workspace.posts, by='account')")
    indonesian = notes[0].in_language(translator("id"))
    assert indonesian.startswith(f"Facebook: unggahan berasal dari 2 akun ({BAKERY}, {TOKO})")
    assert f"account='{BAKERY}'" in indonesian


def test_a_folder_of_one_account_per_platform_gets_no_note(tmp_path):
    shutil.copy(TWO_PAGES / "Apr-01-2025_Apr-14-2025_100000000000042.csv", tmp_path)
    one_page = explore.load_folder(tmp_path, timezone="Asia/Jakarta")
    assert set(one_page.posts["account"]) == {BAKERY} and account_notes(one_page) == []
    # the demo: one page on Facebook and one profile on Instagram, of one name: one account per platform
    demo = explore.load_folder(DEMO_DIR / "kopi-senja", client="kopi-senja", timezone="Asia/Jakarta")
    assert demo.posts["platform"].nunique() == 2 and account_notes(demo) == []
    assert demo.warnings() == demo.imported.warnings()


def test_several_accounts_names_each_platform_with_several_and_ignores_posts_without_a_name():
    posts = pd.DataFrame({"platform": ["facebook", "facebook", "facebook", "instagram", "instagram"],
                          "account": pd.array(["B", "A", None, "A", "A"], dtype="string")})
    assert several_accounts(posts) == {"facebook": ["A", "B"]}
    assert several_accounts(posts[posts["account"] != "B"]) == {}


def test_the_account_filter_keeps_only_that_accounts_posts(workspace):
    posts = workspace.posts
    bakery = explore.select_posts(posts, account=BAKERY)
    assert sorted(bakery["post_id"]) == ["800000000000001", "800000000000002", "800000000000003"]
    assert bakery["reach"].sum() == 320 + 150 + 200 and bakery["interactions"].sum() == 13 + 4 + 7
    toko = explore.select_posts(posts, platform="facebook", account=TOKO, start="2025-04-01", end="2025-04-07")
    assert list(toko["post_id"]) == ["810000000000001"]  # its other post is on 10 April
    assert len(explore.select_posts(posts, account=TOKO)) == 2 and len(posts) == 5
    # the last 7 days of each page end on its own last post: 4 April for the bakery, 10 April for the other
    assert explore.last_days(posts, 7, account=BAKERY) == ("2025-03-29", "2025-04-04")
    assert explore.last_days(posts, 7, account=TOKO) == ("2025-04-04", "2025-04-10")
    behind = explore.posts_behind(posts, "reach", account=TOKO)
    assert list(behind["reach"]) == [600, 250]


def test_an_unknown_account_names_the_accounts_there_are_in_english_and_indonesian(workspace):
    posts = workspace.posts
    with pytest.raises(WorkbookError) as error:
        explore.select_posts(posts, account="Kopi Senja")
    assert str(error.value) == f"account 'Kopi Senja' is not in these posts; they hold '{BAKERY}', '{TOKO}'"
    with pytest.raises(WorkbookError) as error:  # other capitals: the one likely meant
        explore.last_days(posts, account="example bakery")
    assert str(error.value) == (f"account 'example bakery' is not in these posts: did you mean '{BAKERY}'? "
                                f"They hold '{BAKERY}', '{TOKO}'")
    # with a platform chosen, the accounts named are that platform's
    profile = posts[posts["account"] == TOKO].assign(platform="instagram")
    with pytest.raises(WorkbookError) as error:
        explore.select_posts(pd.concat([posts, profile]), platform="instagram", account=BAKERY)
    assert str(error.value) == f"account '{BAKERY}' is not in these posts; they hold '{TOKO}'"
    try:
        use_language("id")
        with pytest.raises(WorkbookError) as error:
            explore.select_posts(posts, account="Kopi Senja")
        assert str(error.value) == f"account='Kopi Senja' tidak ada dalam unggahan ini; yang ada: '{BAKERY}', '{TOKO}'"
        with pytest.raises(WorkbookError) as error:
            explore.select_posts(posts, account="example bakery")
        assert str(error.value) == (f"account='example bakery' tidak ada dalam unggahan ini: mungkin maksud Anda "
                                    f"'{BAKERY}'? Yang ada: '{BAKERY}', '{TOKO}'")
    finally:
        use_language("en")


def test_summary_by_account_gives_one_column_per_platform_and_account_with_names_escaped(workspace):
    view = explore.summary_view(workspace.posts, by="account")
    table = view.data
    assert list(table.columns) == [("facebook", BAKERY), ("facebook", TOKO)]
    assert list(table.loc["posts"]) == [3, 2]
    assert list(table.loc["summed reach (not unique people)"]) == [670, 850]
    assert table.loc["ER by reach, Σ interactions ÷ Σ reach", ("facebook", BAKERY)] == pytest.approx(24 / 670)
    assert table.loc["ER by reach, Σ interactions ÷ Σ reach", ("facebook", TOKO)] == pytest.approx(35 / 850)
    html = view.to_html()
    assert "Toko Kue &lt;Manis&gt; &amp; Co" in html and "<Manis>" not in html and ">Facebook<" in html
    assert "3.58%" in html and "4.12%" in html  # 24 ÷ 670 and 35 ÷ 850, as percentages
    # one name on two platforms is two columns: a page's figures are not pooled with a profile's
    profile = workspace.posts[workspace.posts["account"] == BAKERY].assign(platform="instagram")
    both = explore.summary_view(pd.concat([workspace.posts, profile]), by="account").data
    assert list(both.columns) == [("facebook", BAKERY), ("facebook", TOKO), ("instagram", BAKERY)]
    assert list(both.loc["posts"]) == [3, 2, 3]
    # posts naming no account are one column, headed as such in the reader's language
    unnamed = workspace.posts.assign(account=workspace.posts["account"].where(workspace.posts["account"] == BAKERY))
    view = explore.summary_view(unnamed, by="account")
    assert list(view.data.columns) == [("facebook", BAKERY), ("facebook", "unknown")]
    assert ">(not named in the export)<" in view.to_html() and ">unknown<" not in view.to_html()
    assert ">(tidak disebut dalam ekspor)<" in explore.summary_view(unnamed, by="account", language="id").to_html()


def test_shown_escapes_account_names_in_its_labels(workspace):
    table = workspace.posts.groupby("account")[["reach"]].sum()
    html = explore.shown(table).to_html()
    assert "Toko Kue &lt;Manis&gt; &amp; Co" in html and "<Manis>" not in html
    html = explore.shown(table.T).to_html()  # as column names too
    assert "Toko Kue &lt;Manis&gt; &amp; Co" in html and "<Manis>" not in html


def test_the_report_view_says_so_too_from_the_same_check(workspace, tmp_path):
    notes = explore.report_view(workspace).coverage_notes()
    assert (f"Facebook: the exports hold posts of 2 accounts ({BAKERY}, {TOKO}); every Facebook figure combines them,"
            " but for the elasticity, fitted on each account's posts apart." in notes)
    shutil.copy(TWO_PAGES / "Apr-01-2025_Apr-14-2025_100000000000077.csv", tmp_path)
    one_page = explore.load_folder(tmp_path, timezone="Asia/Jakarta")
    assert not [note for note in explore.report_view(one_page).coverage_notes() if "accounts" in note]


# ------------------------------------------------------------------------------------------- the report of one account
BAKERY_FILE = "Apr-01-2025_Apr-14-2025_100000000000042.csv"
DAILY = PROJECT_ROOT / "tests" / "fixtures" / "daily"
ADS = PROJECT_ROOT / "tests" / "fixtures" / "ads_manager"


def test_the_report_of_one_account_holds_its_posts_only_under_its_name(workspace):
    bakery = explore.report_view(workspace, account=BAKERY)
    assert bakery.client_name == BAKERY and bakery.title.startswith(f"{BAKERY}: reach and engagement, ")
    assert sorted(bakery.posts["post_id"]) == ["800000000000001", "800000000000002", "800000000000003"]
    # its own figures: reach 320 + 150 + 200 = 670, interactions 13 + 4 + 7 = 24
    assert bakery.kpi("facebook", "posts") == 3 and bakery.kpi("facebook", "summed_reach") == 670
    assert bakery.kpi("facebook", "interactions") == 24
    assert bakery.kpi("facebook", "engagement_rate_by_reach") == pytest.approx(24 / 670)
    # by default over the days its own export's name gives, 1 to 14 April, not its posts' 2 to 4 April
    assert (str(bakery.period_start.date()), str(bakery.period_end.date())) == ("2025-04-01", "2025-04-14")
    assert explore.span(bakery.posts) == ("2025-04-02", "2025-04-04")
    assert list(bakery.coverage_table()["file"]) == [BAKERY_FILE]  # the other page's export is not its
    notes = bakery.coverage_notes()
    assert not [note for note in notes if "combines them" in note]  # nothing pooled, so no note that it is
    assert (f"Import note: the report covers {BAKERY} only, leaving out 2 posts of other accounts (or of no named "
            "account) in these exports, and the post exports that hold none of its posts." in notes)
    toko = explore.report_view(workspace, account=TOKO)
    assert toko.client_name == TOKO and sorted(toko.posts["post_id"]) == ["810000000000001", "810000000000002"]
    assert toko.kpi("facebook", "summed_reach") == 600 + 250 and toko.kpi("facebook", "interactions") == 30 + 5
    # without account= nothing changes: both pages pooled, under the workspace's client, and said so
    both = explore.report_view(workspace)
    assert both.client_name == "two-pages" and both.kpi("facebook", "summed_reach") == 670 + 850
    assert [note for note in both.coverage_notes() if "2 accounts" in note and "combines them" in note]


def test_the_report_of_an_unknown_account_is_select_posts_error_in_the_reports_language(workspace):
    with pytest.raises(WorkbookError) as error:
        explore.report_view(workspace, account="Kopi Senja")
    assert str(error.value) == f"account 'Kopi Senja' is not in these posts; they hold '{BAKERY}', '{TOKO}'"
    with pytest.raises(WorkbookError) as error:
        explore.report_view(workspace, account="example bakery")
    assert str(error.value).startswith(f"account 'example bakery' is not in these posts: did you mean '{BAKERY}'?")
    try:
        with pytest.raises(WorkbookError) as error:
            explore.report_view(workspace, account="Kopi Senja", language="id")
        assert str(error.value) == f"account='Kopi Senja' tidak ada dalam unggahan ini; yang ada: '{BAKERY}', '{TOKO}'"
        # the notebook's own language is left as it was: a later view or error is still in English
        assert active_language() == "en"
        assert explore.report_view(workspace, account=BAKERY, language="id").tr.language == "id"
        assert active_language() == "en"
    finally:
        use_language("en")


def test_the_report_of_one_account_leaves_out_daily_and_paid_tables_it_cannot_tell_are_its(tmp_path):
    """A Facebook daily series (follows gained) and an Ads Manager report naming no ad account, beside the two
    pages: whose they are cannot be told, so one page's report leaves them out and says so."""
    for path in [*TWO_PAGES.iterdir(), DAILY / "follows_semicolon_resaved.csv", ADS / "campaigns_usd.csv"]:
        shutil.copy(path, tmp_path)
    folder = explore.load_folder(tmp_path, client="two-pages", timezone="Asia/Jakarta")
    pooled = explore.report_view(folder)
    assert pooled.daily is not None and len(pooled.coverage_table()) == 4  # as before: everything, pooled
    bakery = explore.report_view(folder, account=BAKERY)
    assert bakery.daily is None and bakery.paid_delivery.empty and bakery.paid_outside == []
    assert list(bakery.coverage_table()["file"]) == [BAKERY_FILE]
    notes = bakery.coverage_notes()
    assert (f"Import note: Facebook: the daily series in follows_semicolon_resaved.csv is left out of {BAKERY}'s "
            "report: a daily export names no account, and the Facebook posts here are not "
            f"all {BAKERY}'s, so whose series it is cannot be told (nor whose follower totals it gives)." in notes)
    assert (f"Import note: Ads Manager delivery in campaigns_usd.csv is left out of {BAKERY}'s report for 3 rows "
            f"of an ad account with another name, or naming none: only the ad account named {BAKERY} counts "
            "as its." in notes)
    indonesian = explore.report_view(folder, account=BAKERY, language="id").coverage_notes()
    use_language("en")
    assert [note for note in indonesian
            if note.startswith(f"Catatan impor: Facebook: tidak disertakan dalam laporan {BAKERY}, deret harian")]


def test_the_report_of_the_one_account_of_a_platform_keeps_its_daily_series_and_its_ad_accounts_rows(tmp_path):
    """One page with a Facebook daily series (the only Facebook account here: the series is taken as its), and
    an Ads Manager report of two ad accounts: the bakery's (1,000 impressions for $10.00) and another shop's
    (5,000 for $20.00). Pooled, the delivery would be 6,000 impressions for $30.00, a CPM of $5.00."""
    shutil.copy(TWO_PAGES / BAKERY_FILE, tmp_path)
    shutil.copy(DAILY / "follows_semicolon_resaved.csv", tmp_path)
    (tmp_path / "ads.csv").write_text(
        "Account name,Reporting starts,Reporting ends,Campaign name,Reach,Impressions,Amount spent (USD)\n"
        f"{BAKERY},2025-04-02,2025-04-04,Spring,800,1000,10.00\n"
        "Another Shop,2025-04-02,2025-04-04,Sale,3000,5000,20.00\n", encoding="utf-8")
    folder = explore.load_folder(tmp_path, client="bakery", timezone="Asia/Jakarta")
    assert explore.report_view(folder).paid_delivery[["impressions", "spend"]].values.tolist() == [[6000, 30.0]]
    bakery = explore.report_view(folder, account=BAKERY)
    assert bakery.daily is not None and set(bakery.daily["platform"]) == {"facebook"}
    delivery = bakery.paid_delivery
    assert delivery[["impressions", "spend", "CPM"]].values.tolist() == [[1000, 10.0, 10.0]]  # 10 ÷ 1,000 × 1,000
    notes = bakery.coverage_notes()
    assert not [note for note in notes if "daily series" in note or "leaving out" in note]
    assert [note for note in notes if "Ads Manager delivery in ads.csv is left out of" in note
            and "report for 1 row of an ad account" in note]


def test_the_paid_delivery_of_one_account_says_what_was_left_out_rather_than_no_report(tmp_path):
    """The two pages beside an Ads Manager report of 3 rows naming no ad account: the bakery's view shows no
    delivery, and paid_shown says that it was left out and why (the coverage note's words), not that the
    folder holds no Ads Manager report. With rows of its own ad account (1,000 impressions for $10.00) beside
    another shop's, its delivery is shown and the other's rows are said to be left out."""
    import html

    for path in [*TWO_PAGES.iterdir(), ADS / "campaigns_usd.csv"]:
        shutil.copy(path, tmp_path / path.name)
    folder = explore.load_folder(tmp_path, client="two-pages", timezone="Asia/Jakarta")
    shown = html.unescape(explore.paid_shown(explore.report_view(folder, account=BAKERY)).data)
    assert shown == (
        f"<p>No Ads Manager delivery is shown for this report: Ads Manager delivery in campaigns_usd.csv is left "
        f"out of {BAKERY}'s report for 3 rows of an ad account with another name, or naming none: only the ad "
        f"account named {BAKERY} counts as its. view.coverage_notes() lists everything else the report leaves "
        "out.</p>")
    try:
        indonesian = html.unescape(explore.paid_shown(explore.report_view(folder, account=BAKERY,
                                                                          language="id")).data)
    finally:
        use_language("en")
    assert indonesian == (
        f"<p>Tidak ada distribusi Ads Manager yang ditampilkan untuk laporan ini: tidak disertakan dalam laporan "
        f"{BAKERY}, distribusi Ads Manager dalam campaigns_usd.csv: 3 baris milik akun iklan dengan nama lain, atau "
        f"tanpa nama akun; hanya akun iklan bernama {BAKERY} yang dianggap miliknya. view.coverage_notes() "
        "mencantumkan apa saja lainnya yang tidak disertakan laporan ini.</p>")
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(TWO_PAGES / BAKERY_FILE, own)
    (own / "ads.csv").write_text(
        "Account name,Reporting starts,Reporting ends,Campaign name,Reach,Impressions,Amount spent (USD)\n"
        f"{BAKERY},2025-04-02,2025-04-04,Spring,800,1000,10.00\n"
        "Another Shop,2025-04-02,2025-04-04,Sale,3000,5000,20.00\n", encoding="utf-8")
    shown = html.unescape(explore.paid_shown(explore.report_view(
        explore.load_folder(own, client="bakery", timezone="Asia/Jakarta"), account=BAKERY)).data)
    assert "1,000 impressions" in shown and "holds no Ads Manager report" not in shown
    assert (f"<li>Not counted above: Ads Manager delivery in ads.csv is left out of {BAKERY}'s report for 1 row of an "
            f"ad account with another name, or naming none: only the ad account named {BAKERY} counts as its.</li>"
            in shown)


def test_the_call_a_note_suggests_runs_when_pasted_with_a_right_to_left_account_name(workspace):
    # the call must hold no isolate of its own (U+2068 in Python is a SyntaxError); it is set apart as a whole
    import copy
    import re

    arabic = copy.copy(workspace)
    arabic.posts = workspace.posts.replace({"account": {BAKERY: "مقهى الشمس", TOKO: "مقهى القمر"}})
    note = account_notes(arabic)[0]
    for language in ("en", "id"):
        text = note.in_language(translator(language))
        calls = re.findall(r"\u2066(explore\.[^\u2066-\u2069]*)\u2069", text)
        assert calls == ["explore.select_posts(workspace.posts, platform='facebook', account='مقهى الشمس')",
                         "explore.report_view(workspace, account='مقهى الشمس')"]
        for call in calls:
            compile(call, "<pasted>", "eval")
        # the names listed in the sentence are still set apart each
        assert "(\u2068مقهى الشمس\u2069, \u2068مقهى القمر\u2069)" in text
