"""The demo exports are generated deterministically and committed as generated."""
from helpers.demo import write_demo_exports
from helpers.paths import DEMO_DIR
from helpers.importers import detect_family, import_exports
from helpers.compare import rank_agreement
from helpers.compare import compare_groups


def test_generator_reproduces_the_committed_files(tmp_path):
    written = write_demo_exports(tmp_path)
    assert written
    for path in written:
        committed = DEMO_DIR / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), f"{committed} differs: run `make demo` and commit"


def test_demo_files_are_in_business_suite_format_and_show_the_lenses_disagreeing():
    for folder in DEMO_DIR.iterdir():
        for path in folder.glob("*.csv"):
            assert path.read_bytes().startswith(b"\xef\xbb\xbf\"Post ID\"")
            assert detect_family(path).name == "meta_business_suite_posts"
    posts = import_exports(DEMO_DIR / "kopi-senja" / "*.csv", client="kopi-senja", timezone="Asia/Jakarta").posts
    agreement = rank_agreement(posts)
    assert ((agreement["rho"] > 0.2) & (agreement["rho"] < 0.9)).all()  # related, but far from the same
    instagram = posts[posts["platform"] == "instagram"]
    by_reach = compare_groups(instagram, "format", "reach")["medians"]
    by_rate = compare_groups(instagram, "format", "engagement_rate_by_reach")["medians"]
    assert by_reach["format"].iloc[0] != by_rate["format"].iloc[0]  # the lenses crown different formats


def test_the_demo_names_the_files_it_writes(tmp_path):
    """demo_exports, which the lesson checks data/demo/ against, names exactly the files the demo writes."""
    from helpers.demo import demo_exports

    assert [path for _, _, path in demo_exports(tmp_path)] == write_demo_exports(tmp_path)
    assert sorted(path.relative_to(DEMO_DIR).as_posix() for _, _, path in demo_exports()) == [
        "harbour-books/Jul-01-2026_Oct-31-2026_100088245511032.csv",
        "kopi-senja/Jul-01-2026_Oct-31-2026_104512873300219.csv",
        "kopi-senja/Jul-01-2026_Oct-31-2026_17841402288113456.csv"]
