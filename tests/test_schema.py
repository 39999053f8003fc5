"""The canonical post table's contract: a violation names the file, the column and the rows."""
import pandas as pd
import pytest

from helpers import schema
from tests.test_metrics import posts_table


def test_conform_gives_every_column_with_na_for_unreported():
    posts = posts_table([dict(platform="x", reach=pd.NA, impressions=10)])
    assert list(posts.columns) == list(schema.POST_COLUMNS)
    assert posts["reach"].isna().all() and posts["saves"].isna().all()
    schema.validate_posts(posts)


def test_violation_names_file_column_and_rows():
    posts = posts_table([dict(platform="facebook", reach=5), dict(platform="facebook", reach=-3),
                         dict(platform="myspace", reach=1)])
    with pytest.raises(schema.SchemaViolation) as info:
        schema.validate_posts(posts)
    message = str(info.value)
    assert "column 'reach'" in message and "must not be negative" in message
    assert "hand.csv rows 3" in message  # the second data row is spreadsheet row 3
    assert "column 'platform'" in message and "myspace" in message


def test_duplicate_posts_are_a_violation():
    posts = posts_table([dict(platform="facebook", reach=1), dict(platform="facebook", reach=2)])
    posts["post_id"] = "same"
    with pytest.raises(schema.SchemaViolation, match="post_id"):
        schema.validate_posts(posts)


def test_naive_times_are_refused():
    posts = posts_table([dict(platform="facebook", reach=1)])
    posts["published_at"] = posts["published_at"].dt.tz_localize(None)
    with pytest.raises(schema.SchemaViolation, match="time-zone aware"):
        schema.validate_posts(posts)
