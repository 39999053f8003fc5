"""Time and peak memory of the full two-lens analysis, measured, not assumed.

1. 1,000,000 synthetic posts across six platforms (the canonical post table, built vectorised): per-post
   metrics plus every comparison of the report (helpers.report.analyse). Target: under 30 s and 2 GB on a
   2-core machine. Printed beside a baseline on the same table: a bare pandas groupby of medians.
2. A 500-post client: the same analysis against the full render of its report (papermill + HTML export).
   Target: the analysis under a tenth of the render time.

Each measurement runs in its own process so that its peak memory (ru_maxrss) is its own.
Run: .venv/bin/python benchmarks/analysis.py [--posts 1000000]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
PLATFORMS = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
FORMATS = ["photo", "video", "reel", "carousel", "link", "text"]


def synthetic_posts(n: int, seed: int = 1) -> pd.DataFrame:
    """n canonical posts, two periods, heavy-tailed reach, sublinear interactions, some metrics missing."""
    from helpers import schema

    rng = np.random.default_rng(seed)
    platform = rng.choice(PLATFORMS, n)
    reach = np.round(rng.lognormal(7, 1.3, n)).astype("int64")
    inter = rng.poisson(0.4 * reach ** 0.75)
    split = rng.dirichlet([6, 1, 1, 1], n)
    start = pd.Timestamp("2026-07-01", tz="UTC")
    frame = pd.DataFrame({
        "client": "bench", "platform": platform, "post_id": np.arange(n).astype(str),
        "published_at": start + pd.to_timedelta(rng.integers(0, 122 * 86400, n), unit="s"),
        "published_precision": "minute", "format": rng.choice(FORMATS, n),
        "paid": rng.random(n) < 0.05, "reach": reach,
        "impressions": np.round(reach * rng.uniform(1, 2.5, n)).astype("int64"),
        "impressions_kind": "impressions",
        "reactions": np.round(inter * split[:, 0]).astype("int64"), "comments": np.round(inter * split[:, 1]).astype("int64"),
        "shares": np.round(inter * split[:, 2]).astype("int64"), "saves": np.round(inter * split[:, 3]).astype("int64"),
        "clicks": rng.poisson(reach * 0.01), "video_views": np.round(reach * 0.6).astype("int64"),
        "watch_time_seconds": reach * rng.uniform(0, 20, n), "followers": rng.integers(5_000, 500_000, n),
        "spend": np.where(rng.random(n) < 0.05, rng.uniform(5, 500, n), np.nan),
        "source_file": "synthetic.csv", "source_row": np.arange(2, n + 2),
    })
    frame.loc[platform == "x", "reach"] = pd.NA  # X reports no reach
    return schema.conform(frame, "UTC")


def measure_analysis(n: int) -> dict:
    from helpers import metrics
    from helpers.report import analyse

    posts = synthetic_posts(n)
    started = time.perf_counter()
    posts = metrics.post_metrics(posts)
    split = pd.Timestamp("2026-09-01", tz="UTC")
    current, previous = posts[posts["published_at"] >= split], posts[posts["published_at"] < split]
    analyse(current, previous, top_n=10)
    analysis = time.perf_counter() - started
    started = time.perf_counter()
    current.groupby(["platform", "format"])[["reach", "interactions"]].median()
    baseline = time.perf_counter() - started
    return {"seconds": analysis, "baseline_seconds": baseline, "posts": n}


def measure_client(export: str) -> dict:
    from helpers import metrics
    from helpers.importers import load_exports
    from helpers.report import analyse

    posts = metrics.post_metrics(load_exports(export, timezone="Asia/Jakarta"))
    started = time.perf_counter()
    split = pd.Timestamp("2026-09-01", tz="Asia/Jakarta")
    analyse(posts[posts["published_at"] >= split], posts[posts["published_at"] < split], top_n=10)
    return {"seconds": time.perf_counter() - started, "posts": len(posts)}


def in_subprocess(kind: str, argument: str) -> dict:
    code = (f"import json, resource, sys; sys.path.insert(0, {str(ROOT)!r}); "
            f"from benchmarks.analysis import measure_{kind}; r = measure_{kind}({argument}); "
            "r['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; print(json.dumps(r))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def write_client_export(folder: Path, posts: int) -> str:
    """A 500-post Business Suite export in the demo format (the demo generator with more posts)."""
    from dataclasses import replace

    from helpers import demo

    client = demo.DEMO_CLIENTS[0]
    channel = replace(client.channels[0], posts=posts)
    rng = np.random.default_rng(7)
    frame = demo.simulate_posts(client, channel, rng).iloc[::-1]
    path = folder / "Jul-01-2026_Oct-31-2026_104512873300219.csv"
    path.write_bytes(demo.business_suite_csv(demo.FACEBOOK_HEADER, demo.facebook_rows(client, channel, frame, rng)))
    return str(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    args = parser.parse_args()

    big = in_subprocess("analysis", str(args.posts))
    print(f"full analysis of {big['posts']:,} posts on six platforms: {big['seconds']:.1f} s, "
          f"peak memory {big['peak_mb']:,.0f} MB (target: < 30 s and < 2,048 MB)")
    print(f"  baseline, a bare pandas groupby-median on the same table: {big['baseline_seconds']:.2f} s "
          f"(analysis = {big['seconds'] / big['baseline_seconds']:.0f}x the baseline)")

    with tempfile.TemporaryDirectory() as tmp:
        export = write_client_export(Path(tmp), 500)
        small = in_subprocess("client", repr(export))
        import papermill
        from helpers.render import REPORT_NOTEBOOK, export_html
        import nbformat

        started = time.perf_counter()
        papermill.execute_notebook(str(REPORT_NOTEBOOK), str(Path(tmp) / "out.ipynb"), parameters={
            "client": "bench", "client_name": "Bench", "exports": [export], "timezone": "Asia/Jakarta",
            "period_start": "2026-09-01", "period_end": "2026-10-31", "comparison_start": "2026-07-01",
            "comparison_end": "2026-08-31"}, cwd=str(ROOT), kernel_name="python3", progress_bar=False)
        export_html(nbformat.read(Path(tmp) / "out.ipynb", as_version=4), "Bench")
        render = time.perf_counter() - started
    print(f"a {small['posts']}-post client: analysis {small['seconds']:.2f} s, full report render {render:.1f} s "
          f"-> analysis = {small['seconds'] / render:.1%} of the render (target: < 10%)")


if __name__ == "__main__":
    main()
