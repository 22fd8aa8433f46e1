"""Run the studio's benchmarks: ``python benchmarks/run.py [NAME ...]``.

Imports every ``benchmarks/bench_*.py``; each defines ``BENCHMARKS`` (name -> callable
returning the median of its own repetitions, in the unit the name ends with). Runs all of
them or the named ones, prints a table of medians, lists the skipped ones with their
reason, and merges the results into ``benchmarks/results.json`` as ``{"name": value}``.
Exit code 1 if a named benchmark does not exist or one fails.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results.json"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import SkipBenchmark  # noqa: E402

Benchmark = Callable[[], float]


def discover() -> tuple[dict[str, Benchmark], list[str]]:
    """Every benchmark by name, and the modules that failed to import (with the reason)."""
    found: dict[str, Benchmark] = {}
    broken: list[str] = []
    for path in sorted(HERE.glob("bench_*.py")):
        module_name = f"benchmarks.{path.stem}"
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:  # one broken file must not hide the others
            broken.append(f"{path.name}: cannot import: {type(exc).__name__}: {exc}")
            continue
        for name, func in getattr(module, "BENCHMARKS", {}).items():
            found[name] = func
    return found, broken


def unit(name: str) -> str:
    for suffix in ("_ms", "_s", "_mb"):
        if name.endswith(suffix):
            return suffix[1:]
    return "ratio"


def merge_results(results: dict[str, float], path: Path = RESULTS) -> dict[str, float]:
    """Update the stored medians with this run's, keeping the others."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(stored, dict):
            stored = {}
    except (OSError, ValueError):
        stored = {}
    stored.update(results)
    path.write_text(json.dumps(dict(sorted(stored.items())), indent=2) + "\n", encoding="utf-8")
    return stored


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--no-save", action="store_true", help="do not update results.json")
    args = parser.parse_args(argv)

    found, broken = discover()
    if args.list:
        print("\n".join(sorted(found)))
        return 0
    unknown = [n for n in args.names if n not in found]
    if unknown:
        print(f"run.py: no benchmark named {', '.join(unknown)} (see --list)", file=sys.stderr)
        return 1
    chosen = args.names or sorted(found)
    results: dict[str, float] = {}
    skipped: list[str] = [] if args.names else list(broken)
    failed: list[str] = []
    width = max((len(n) for n in chosen), default=10)
    print(f"{'benchmark':<{width}}  {'median':>12}  unit   wall")
    for name in chosen:
        start = time.perf_counter()
        try:
            value = float(found[name]())
        except SkipBenchmark as exc:
            skipped.append(f"{name}: {exc}")
            continue
        except Exception as exc:
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
            traceback.print_exc(file=sys.stderr)
            continue
        results[name] = round(value, 3)
        print(
            f"{name:<{width}}  {value:>12.3f}  {unit(name):<5}  {time.perf_counter() - start:5.1f}s",
            flush=True,
        )
    for line in skipped:
        print(f"skipped  {line}")
    for line in failed:
        print(f"FAILED   {line}")
    if results and not args.no_save:
        merge_results(results)
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
