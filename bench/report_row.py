#!/usr/bin/env python3
"""One Markdown table row from the first report of an `explore --json` file.

Usage: report_row.py REPORT LABEL --columns C1,C2,... [--params K1,K2,...] [--rss KB]

Columns: scenario, params (the --params keys present, as k=v), label, schedules, states,
transitions, complete, distinct (distinct transcripts), violations, elapsed (elapsedMs), rss
(peak resident set in MB, from --rss in KB). The bench scripts share it so that their tables are
made one way.
"""
import argparse
import json


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("label")
    ap.add_argument("--columns", required=True)
    ap.add_argument("--params", default="")
    ap.add_argument("--rss", type=int)
    a = ap.parse_args()
    r = json.load(open(a.report))[0]
    keys = [k for k in a.params.split(",") if k]
    cells = {
        "scenario": lambda: r["scenario"],
        "params": lambda: " ".join(f"{k}={v}" for k, v in r["params"].items() if k in keys),
        "label": lambda: a.label,
        "schedules": lambda: f"{r['schedules']:,}",
        "states": lambda: f"{r['states']:,}",
        "transitions": lambda: f"{r['transitions']:,}",
        "complete": lambda: str(r["complete"]).lower(),
        "distinct": lambda: f"{r['distinctOutputs']:,}",
        "violations": lambda: str(len(r["violations"])),
        "elapsed": lambda: f"{r['elapsedMs']:,} ms",
        "rss": lambda: f"{a.rss // 1024} MB",
    }
    print("| " + " | ".join(cells[c]() for c in a.columns.split(",")) + " |")


main()
