"""Deterministic demo exports for the bundled demo clients, in the exact Meta Business Suite format.

The numbers are simulated but shaped like real pages: reach is heavy-tailed (log-normal), interactions grow
less than proportionally with reach (elasticity below 1), and formats differ under the two lenses (reels
reach far and engage thinly; carousels and conversation posts reach less and engage more), so the report
has something true to show. Same seed, same bytes: `python -m helpers demo` rewrites data/demo/.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .importers.clocks import instagram_shortcode
from .paths import DEMO_DIR

FACEBOOK_HEADER = [
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time", "Caption type",
    "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels", "Funded content status",
    "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares", "Reactions", "Comments",
    "Shares", "Total clicks", "Link Clicks", "Other Clicks", "Matched Audience Targeting Consumption (Photo Click)",
    "Seconds viewed", "Average Seconds viewed", "Estimated earnings (USD)", "Ad impressions",
]
INSTAGRAM_HEADER = [
    "Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)", "Publish time",
    "Permalink", "Post type", "Data comment", "Date", "Views", "Reach", "Likes", "Shares", "Comments", "Saves",
    "Follows",
]


@dataclass(frozen=True)
class FormatProfile:
    """How a format behaves: reach and engagement multipliers and how interactions split."""

    share_of_posts: float
    reach: float
    engagement: float
    split: tuple[float, float, float, float]  # reactions, comments, shares, saves
    duration: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class DemoChannel:
    platform: str
    account_id: str
    account_name: str
    username: str
    followers: int
    posts: int
    formats: dict[str, FormatProfile]
    base_reach_rate: float = 0.05
    elasticity: float = 0.72
    paid_share: float = 0.06


@dataclass(frozen=True)
class DemoClient:
    id: str
    name: str
    timezone: str
    seed: int
    captions: tuple[str, ...]
    channels: tuple[DemoChannel, ...] = field(default_factory=tuple)


START, END = pd.Timestamp("2026-07-01"), pd.Timestamp("2026-10-31 23:59")

FB_FORMATS = {
    "Photos": FormatProfile(0.45, 1.0, 1.0, (0.78, 0.10, 0.12, 0.0)),
    "Reels": FormatProfile(0.20, 2.6, 0.45, (0.80, 0.06, 0.14, 0.0), (12, 75)),
    "Links": FormatProfile(0.20, 0.75, 0.55, (0.70, 0.10, 0.20, 0.0)),
    "Text": FormatProfile(0.15, 0.55, 1.9, (0.45, 0.47, 0.08, 0.0)),
}
IG_FORMATS = {
    "IG reel": FormatProfile(0.40, 2.3, 0.5, (0.80, 0.05, 0.08, 0.07), (8, 60)),
    "IG image": FormatProfile(0.35, 1.0, 1.0, (0.84, 0.08, 0.03, 0.05)),
    "IG carousel": FormatProfile(0.25, 0.8, 1.8, (0.62, 0.08, 0.08, 0.22)),
}

DEMO_CLIENTS = (
    DemoClient(
        id="kopi-senja", name="Kopi Senja", timezone="Asia/Jakarta", seed=20260701,
        captions=(
            "Pagi ini kami seduh arabika Gayo baru. Sudah coba?", "Which do you prefer: kopi susu or black?",
            "Behind the bar: how our baristas dial in espresso every morning.",
            "Promo akhir pekan: beli 2 gratis 1 di semua cabang Jakarta & Bandung.",
            "Tell us your first coffee memory in the comments.", "Latte art, step by step.",
            "New branch in Yogyakarta opens Friday.", "Meet the farmers behind our Toraja beans.",
            "Cold brew season is here.", "Tebak rasa: kami beri petunjuk, kamu jawab di komentar!",
            "Five ways to brew at home (save this for later).", "Our roastery, from green bean to cup.",
        ),
        channels=(
            DemoChannel("facebook", "104512873300219", "Kopi Senja", "kopisenja", 38000, 118, FB_FORMATS),
            DemoChannel("instagram", "17841402288113456", "Kopi Senja", "kopisenja.id", 61000, 146, IG_FORMATS,
                        base_reach_rate=0.07),
        ),
    ),
    DemoClient(
        id="harbour-books", name="Harbour Books", timezone="Europe/London", seed=20260702,
        captions=(
            "This week's staff pick: a quiet novel about a lighthouse keeper.", "What are you reading this weekend?",
            "Signed copies just arrived. First come, first served.", "Our autumn reading list <3",
            "Author evening on Thursday: tickets at the till.", "Tell us the book that changed your mind.",
            "Storytime for under-fives, Saturdays at 10.", "Ten books under £10.",
            "Poetry corner: share a line you love.", "Behind the shelves: how we choose what to stock.",
        ),
        channels=(
            DemoChannel("facebook", "100088245511032", "Harbour Books", "harbourbooks", 12500, 96, FB_FORMATS,
                        base_reach_rate=0.06, elasticity=0.68),
        ),
    ),
)


def simulate_posts(client: DemoClient, channel: DemoChannel, rng: np.random.Generator) -> pd.DataFrame:
    """One channel's posts: times, formats, reach, views, interactions and clicks."""
    n = channel.posts
    names = list(channel.formats)
    weights = np.array([channel.formats[f].share_of_posts for f in names])
    fmt = rng.choice(names, size=n, p=weights / weights.sum())
    span = (END - START).total_seconds()
    offsets = np.sort(rng.uniform(0, span, size=n))
    hours = rng.choice([7, 8, 9, 12, 13, 17, 18, 19, 20, 21], size=n)
    times = [(START + pd.Timedelta(seconds=float(s))).normalize() + pd.Timedelta(hours=int(h),
             minutes=int(rng.integers(0, 60))) for s, h in zip(offsets, hours)]
    reach_mult = np.array([channel.formats[f].reach for f in fmt])
    eng_mult = np.array([channel.formats[f].engagement for f in fmt])
    paid = rng.random(n) < channel.paid_share
    reach = channel.followers * channel.base_reach_rate * reach_mult * rng.lognormal(0.0, 0.85, n)
    reach = np.where(paid, reach * rng.uniform(3, 6, n), reach)
    reach = np.maximum(1, np.round(reach)).astype(int)
    # interactions ~ c * reach^b: b < 1 makes engagement rate fall as reach grows; paid reach engages less
    scale = 0.05 * (channel.followers * channel.base_reach_rate) ** (1 - channel.elasticity)
    expected = scale * reach ** channel.elasticity * eng_mult * np.where(paid, 0.6, 1.0)
    expected *= rng.lognormal(0.0, 0.35, n)
    split = np.array([channel.formats[f].split for f in fmt])
    counts = rng.poisson(expected[:, None] * split)
    views = np.round(reach * (1 + rng.gamma(2.0, 0.2, n) + np.where(fmt == "Reels", 0.4, 0.0))).astype(int)
    duration = np.array([rng.integers(*channel.formats[f].duration) if channel.formats[f].duration[1] else 0
                         for f in fmt])
    link_clicks = np.where(fmt == "Links", rng.poisson(reach * 0.012), 0)
    other_clicks = rng.poisson(reach * 0.004)
    photo_clicks = np.where(fmt == "Photos", rng.poisson(reach * 0.006), 0)
    seconds_viewed = np.where(duration > 0, np.round(views * duration * rng.uniform(0.15, 0.45, n)), 0)
    return pd.DataFrame({
        "published": times, "format": fmt, "paid": paid, "reach": reach, "views": views,
        "reactions": counts[:, 0], "comments": counts[:, 1], "shares": counts[:, 2], "saves": counts[:, 3],
        "link_clicks": link_clicks, "other_clicks": other_clicks, "photo_clicks": photo_clicks,
        "duration": duration, "seconds_viewed": seconds_viewed.astype(int),
        "caption": rng.choice(list(client.captions), size=n),
        "follows": rng.poisson(reach * 0.0015),
    })


def _ids(rng: np.random.Generator, n: int, digits: int) -> list[str]:
    """n distinct numeric post ids of `digits` digits, as text."""
    values = set()
    while len(values) < n:
        values.update(int(v) for v in rng.integers(10 ** (digits - 1), 10 ** digits, size=n - len(values)))
    return [str(v) for v in sorted(values, key=lambda v: v % 7919)]


def _blank_if_zero(value: int) -> str:
    return "" if value == 0 else str(int(value))


def facebook_rows(client: DemoClient, channel: DemoChannel, posts: pd.DataFrame,
                  rng: np.random.Generator) -> list[list[str]]:
    ids = _ids(rng, len(posts), 16)
    rows = []
    for post_id, p in zip(ids, posts.itertuples()):
        kind = "reel" if p.format == "Reels" else "posts"
        is_video = p.duration > 0
        total_clicks = p.link_clicks + p.other_clicks + p.photo_clicks
        row = [
            post_id, channel.account_id, channel.account_name, p.caption, "", str(p.duration),
            p.published.strftime("%m/%d/%Y %H:%M"), "N/A",
            f"https://www.facebook.com/{channel.username}/{kind}/{post_id}", "0", "0", p.format, "", "",
            "Boosted" if p.paid else "", "", "Lifetime", str(p.views), str(p.reach),
            str(p.reactions + p.comments + p.shares), str(p.reactions), str(p.comments), str(p.shares),
            str(total_clicks), _blank_if_zero(p.link_clicks), _blank_if_zero(p.other_clicks),
            _blank_if_zero(p.photo_clicks),
            str(p.seconds_viewed) if is_video else "",
            f"{p.seconds_viewed / p.views:.2f}" if is_video and p.views else "",
            "", "",
        ]
        if not is_video and rng.random() < 0.03:
            row = row[:-4]  # Business Suite drops the trailing blank cells of some rows (ragged rows)
        rows.append(row)
    return rows


def instagram_rows(client: DemoClient, channel: DemoChannel, posts: pd.DataFrame,
                   rng: np.random.Generator) -> list[list[str]]:
    ids = _ids(rng, len(posts), 17)
    alphabet = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"))
    rows = []
    for post_id, p in zip(ids, posts.itertuples()):
        # as in a real link, the code holds the time Instagram received the post: up to 5 minutes before the
        # time written, at the page's clock, so the importer can check that clock (importers/clocks.py)
        draw = int.from_bytes("".join(rng.choice(alphabet, size=11)).encode(), "big")
        received = p.published.tz_localize(client.timezone) - pd.Timedelta(seconds=draw % 300)
        code = instagram_shortcode(received, draw)
        kind = "reel" if p.format == "IG reel" else "p"
        rows.append([
            post_id, channel.account_id, channel.username, channel.account_name, p.caption, str(p.duration),
            p.published.strftime("%m/%d/%Y %H:%M"), f"https://www.instagram.com/{kind}/{code}/", p.format, "",
            "Lifetime", str(p.views), str(p.reach), str(p.reactions), str(p.shares), str(p.comments),
            str(p.saves), _blank_if_zero(p.follows),
        ])
    return rows


def _cell(value: str) -> str:
    """Quote a cell the way Business Suite does: when it holds a space, comma, quote or line break."""
    if any(ch in value for ch in ' ,"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def business_suite_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """A Business Suite CSV: UTF-8 with BOM, LF line ends, minimal quoting as Meta writes it."""
    lines = [",".join(_cell(c) for c in header)] + [",".join(_cell(c) for c in row) for row in rows]
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def export_path(target: Path, client: DemoClient, channel: DemoChannel) -> Path:
    """Where write_demo_exports writes a channel's export: `target/<client id>/<period>_<account id>.csv`, named
    as Business Suite names a download."""
    return Path(target) / client.id / f"{START:%b-%d-%Y}_{END:%b-%d-%Y}_{channel.account_id}.csv"


def demo_exports(target: Path = DEMO_DIR,
                 clients: tuple[DemoClient, ...] = DEMO_CLIENTS) -> list[tuple[DemoClient, DemoChannel, Path]]:
    """Each demo channel with the file write_demo_exports writes for it (whether or not it is there): what a
    reader of the demo, such as the lesson, can check the folder against."""
    return [(client, channel, export_path(target, client, channel)) for client in clients
            for channel in client.channels]


def write_demo_exports(target: Path = DEMO_DIR, clients: tuple[DemoClient, ...] = DEMO_CLIENTS) -> list[Path]:
    """Write every demo client's exports under `target/<client id>/`; return the files written. `clients`: other
    made-up clients (the render benchmark's, each with its own posts and accounts)."""
    written = []
    for client in clients:
        rng = np.random.default_rng(client.seed)
        folder = Path(target) / client.id
        folder.mkdir(parents=True, exist_ok=True)
        for channel in client.channels:
            posts = simulate_posts(client, channel, rng)
            posts = posts.iloc[::-1]  # Business Suite lists the newest post first
            if channel.platform == "facebook":
                content = business_suite_csv(FACEBOOK_HEADER, facebook_rows(client, channel, posts, rng))
            else:
                content = business_suite_csv(INSTAGRAM_HEADER, instagram_rows(client, channel, posts, rng))
            path = export_path(target, client, channel)
            path.write_bytes(content)
            written.append(path)
    return written
