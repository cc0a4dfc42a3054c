"""Run the benchmarks: ``python -m bench [NAME ...]`` (all when no name is given)."""

from __future__ import annotations

import argparse
import importlib

from bench.harness import report

BENCHMARKS: dict[str, str] = {
    "startup": "Cold start of the window, and until a year of data shows (foundation, GUI)",
    "store": "Local database: ten years of log and journal, a 2,000-step plan (issue: store)",
    "taper": "Taper engine: 5-year daily micro-taper plan (issue: taper engine)",
    "alternatives": "Taper alternatives: a plan with its gentler options (issue 13 point 9)",
    "check": "Caution checker per keystroke, and the Check page (issue: caution checker)",
    "journal": "Symptom journal detection over ten years of daily entries (issue: journal)",
    "pdf": "PDF plan of a 3-year daily micro-taper (issue: PDF plan and exports)",
    "report": "The demo data's whole report against the report before issue 17",
    "package": "Frozen one-folder build: size and cold start (issue: packaging)",
}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", choices=[*BENCHMARKS, []], metavar="NAME")
    args = parser.parse_args()
    names = args.names or list(BENCHMARKS)
    all_ok = True
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        all_ok &= report(BENCHMARKS[name], module.run())
    print(f"\nbenchmarks: {'all targets met' if all_ok else 'some targets MISSED'}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
