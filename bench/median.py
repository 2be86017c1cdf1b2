"""Median ratios over several runs of bench/pages.py, for a machine too noisy for one.

    .venv/bin/python bench/median.py [--database sqlite] RESULT.json [RESULT.json ...]

A neighbour on a shared machine takes the CPU for seconds at a time, so one run's
ratio for a page can be half of the next run's. This prints, per page, the median
ratio to the floor over the given result files with the lowest and highest beside it,
and the median p95, so that fixes are compared on medians of runs taken alternately.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path


def pages_of(path: Path, database: str) -> dict[str, dict[str, float]]:
    run = json.loads(path.read_text()).get(database) or {}
    return {page["name"]: page for page in run.get("pages", []) if page.get("rps")}


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--database", default="sqlite")
    parser.add_argument("results", nargs="+", type=Path)
    args = parser.parse_args()
    runs = [pages_of(path, args.database) for path in args.results]
    names = list(dict.fromkeys(name for run in runs for name in run))
    say(f"{len(runs)} runs ({args.database})")
    say(f"{'page':<32} {'median':>7} {'lowest':>7} {'highest':>7} {'p95 ms':>8}")
    for name in names:
        ratios = [run[name]["ratio"] for run in runs if name in run]
        p95 = statistics.median(run[name]["p95_ms"] for run in runs if name in run)
        say(
            f"{name:<32} {statistics.median(ratios):7.3f} {min(ratios):7.3f}"
            f" {max(ratios):7.3f} {p95:8.1f}"
        )


if __name__ == "__main__":
    main()
