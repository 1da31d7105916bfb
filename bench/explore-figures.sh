#!/usr/bin/env bash
# Issue 5 figures for BENCHMARKS.md, in one side-by-side run: the exhaustive search of every
# scenario at its defaults with and without reduction (without: capped at $CAP schedules), the
# EventRetryLimit searches (bench/workers-figures.sh compares --workers 2 with --workers 1).
# Usage: bench/explore-figures.sh   (after `dotnet build SimHarness.sln -c Release`)
set -u
BENCH=$(cd "$(dirname "$0")" && pwd)
CAP=${CAP:-100000}
H="dotnet src/SimHarness/bin/Release/net10.0/SimHarness.dll"
OUT=$(mktemp -d)
row() { # name label args...
  local name=$1 label=$2; shift 2
  $H explore "$name" "$@" --json "$OUT/r.json" --traces "$OUT/traces" > /dev/null
  python3 "$BENCH/report_row.py" "$OUT/r.json" "$label" --columns scenario,label,schedules,complete,distinct,elapsed
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario | search | schedules | complete | distinct transcripts | wall (elapsedMs) |"
echo "|---|---|---:|---|---:|---:|"
for s in $($H list | grep -E '^[A-Za-z]' | cut -d' ' -f1); do
  row "$s" "reduction" 
  row "$s" "no reduction, cap $CAP" --no-reduction --iterations "$CAP"
done
row EventRetryLimit "checkDelay=3, reduction" --param checkDelay=3
row EventRetryLimit "threads=2 checkDelay=3, reduction" --param "threads=2;checkDelay=3"
row EventRetryLimit "threads=2 checkDelay=3, no reduction, cap $CAP" --param "threads=2;checkDelay=3" --no-reduction --iterations "$CAP"
row EventRetryLimit "threads=2 checkDelay=3 attempts=1, reduction" --param "threads=2;checkDelay=3;attempts=1"
row EventRetryLimit "threads=2 checkDelay=3 attempts=1, no reduction" --param "threads=2;checkDelay=3;attempts=1" --no-reduction
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
