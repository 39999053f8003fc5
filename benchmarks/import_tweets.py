"""Benchmark: importing a 1,000,000-row X tweet activity export against a bare pandas.read_csv of it.

Generates a file in the exact legacy format (40 columns, every field quoted, float-written counts,
scientific-notation engagement rates, "-" in the promoted columns except for a few promoted tweets,
multi-line text with emoji and `&amp;`, newest first) in a temporary folder, then measures each reader in
its own subprocess so that each gets its own peak memory (ru_maxrss, the whole process: interpreter and
libraries included). Targets: import <= 2x the bare read, peak < 2 GB.

    .venv/bin/python benchmarks/import_tweets.py [--rows N] [--profile] [--keep DIR]
"""
from __future__ import annotations

import argparse
import csv
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
ORGANIC = ["impressions", "engagements", "engagement rate", "retweets", "replies", "likes",
           "user profile clicks", "url clicks", "hashtag clicks", "detail expands", "permalink clicks",
           "app opens", "app installs", "follows", "email tweet", "dial phone", "media views",
           "media engagements"]
HEADER = ["Tweet id", "Tweet permalink", "Tweet text", "time"] + ORGANIC + [f"promoted {c}" for c in ORGANIC]
# counts the legacy export writes as floats ("1938.0"); the others it writes as integers ("0")
FLOAT_WRITTEN = {"impressions", "engagements", "retweets", "replies", "likes", "user profile clicks",
                 "url clicks", "hashtag clicks", "detail expands", "permalink clicks"}
TEXTS = [
    "New release of our package on CRAN https://t.co/abcdEFGH12 - release notes https://t.co/ijklMNOP34",
    "Community call next week! Topic: testing &amp; CI \U0001F389 Join us https://t.co/qrstUVWX56",
    "Thread \U0001F9F5\n1/ What we learned this year\n2/ What comes next &amp; how to help",
    "Blog post: \"Reading messy CSV files\" https://t.co/yzABCDEF78 #rstats #python",
    "Thanks to everyone who came \u2764\ufe0f &lt;3 slides: https://t.co/GHIJKLMN90",
]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """Write a legacy tweet activity export of `rows` tweets, built column-wise with numpy and pandas."""
    rng = np.random.default_rng(seed)
    ids = (np.int64(1_430_000_000_000_000_000) - np.arange(rows, dtype=np.int64) * 1_000_003).astype(str)
    minutes = np.datetime64("2021-08-31T07:35") - (np.arange(rows) * 3).astype("timedelta64[m]")
    times = pd.Series(np.datetime_as_string(minutes, unit="m")).str.replace("T", " ", regex=False) + " +0000"
    text = pd.Series(np.array(TEXTS, dtype=object)[rng.integers(0, len(TEXTS), rows)]) + " #" + pd.Series(ids).str[-6:]
    cols: dict[str, object] = {
        "Tweet id": ids,
        "Tweet permalink": "https://twitter.com/benchaccount/status/" + pd.Series(ids),
        "Tweet text": text,
        "time": times,
    }
    impressions = np.round(rng.lognormal(7.5, 1.0, rows))
    for name in ORGANIC:
        if name == "impressions":
            values = impressions
        elif name == "engagement rate":
            continue
        else:
            values = rng.poisson(3 if name != "engagements" else 25, rows).astype(float)
        cols[name] = values if name in FLOAT_WRITTEN else values.astype(np.int64)
    rate = cols["engagements"] / np.maximum(impressions, 1)
    small = (rate > 0) & (rate < 1e-3)  # the export writes these like "7.35E-4"
    exponent = np.floor(np.log10(np.where(small, rate, 1.0))).astype(np.int64)
    mantissa = np.round(rate / 10.0 ** exponent, 2)
    cols["engagement rate"] = pd.Series(rate.astype(str)).where(
        ~small, pd.Series(mantissa.astype(str)) + "E" + pd.Series(exponent.astype(str)))
    promoted = rng.random(rows) < 0.01
    for name in ORGANIC:
        column = pd.Series("-", index=range(rows), dtype=object)
        column[promoted] = rng.poisson(50, int(promoted.sum())).astype(str)
        cols[f"promoted {name}"] = column
    frame = pd.DataFrame({name: cols[name] for name in HEADER})
    frame.to_csv(path, index=False, quoting=csv.QUOTE_ALL, lineterminator="\n", chunksize=100_000)


def measure(kind: str, path: str) -> dict:
    """Run one reader in this (fresh) process; wall time and the process's peak resident memory.

    kind "baseline" only imports pandas and the workbook: the memory every process starts with.
    """
    sys.path.insert(0, str(ROOT))
    from helpers.importers import import_exports

    start, cpu_start = time.perf_counter(), time.process_time()
    if kind == "read":
        rows = len(pd.read_csv(path))
    elif kind == "import":
        rows = len(import_exports(path, family="x_tweet_activity").posts)
    else:
        rows = 0
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"kind": kind, "rows": rows, "seconds": seconds, "cpu": cpu, "peak_mb": peak_resident_mb()}


def peak_resident_mb() -> float:
    """This process's peak resident memory. VmHWM starts afresh at exec; ru_maxrss would carry over the
    parent's peak (the generator's) on Linux, so it is only the fallback off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def profile(path: str, top: int = 25) -> None:
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from helpers.importers import import_exports

    profiler = cProfile.Profile()
    profiler.enable()
    import_exports(path, family="x_tweet_activity")
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def run_child(kind: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--measure", kind, str(path)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="alternate the two readers this many times"
                        " and compare the best time of each (the machine may be shared)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the import")
    parser.add_argument("--keep", type=Path, help="write the generated file into this folder and keep it")
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        if args.measure[0] == "profile":
            profile(args.measure[1])
        else:
            print(json.dumps(measure(*args.measure)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "tweet_activity_metrics_benchaccount_20210101_20210901_en.csv"
        start = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {args.rows:,} rows, {path.stat().st_size / 2**20:,.0f} MiB"
              f" in {time.perf_counter() - start:.1f} s")
        runs: dict[str, list[dict]] = {"read": [], "import": []}
        for _ in range(args.repeat):
            for kind in ("read", "import"):
                runs[kind].append(run_child(kind, path))
                assert runs[kind][-1]["rows"] == args.rows, runs[kind][-1]
        read = min(runs["read"], key=lambda r: r["seconds"])
        imported = min(runs["import"], key=lambda r: r["seconds"])
        baseline = run_child("baseline", path)["peak_mb"]
        for label, run in (("pandas.read_csv(path)", read), ("import_exports(path, family=...)", imported)):
            print(f"{label:33s}: wall {run['seconds']:6.2f} s  cpu {run['cpu']:6.2f} s"
                  f"  peak {run['peak_mb']:6.0f} MB")
        print(f"(peak memory is the whole process; importing pandas and the workbook alone: {baseline:.0f} MB)")
        ratio = imported["seconds"] / read["seconds"]
        print(f"ratio import / read: wall {ratio:.2f}x, cpu {imported['cpu'] / read['cpu']:.2f}x"
              f" (target <= 2x: {'met' if ratio <= 2 else 'NOT met'});"
              f" import peak < 2048 MB: {'met' if imported['peak_mb'] < 2048 else 'NOT met'}")
        if args.profile:
            subprocess.run([sys.executable, __file__, "--measure", "profile", str(path)], check=True)


if __name__ == "__main__":
    main()
