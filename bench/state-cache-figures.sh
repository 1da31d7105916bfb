#!/usr/bin/env bash
# Issue 11 figures for BENCHMARKS.md, side by side in one run: each search with state caching (the
# default) and without it (--no-state-cache), with its schedules, states, transitions, completeness,
# distinct transcripts, violations, the explorer's own time and the process's peak memory.
# Usage: bench/state-cache-figures.sh [LIMIT]   (after `dotnet build SimHarness.sln -c Release`);
# LIMIT is --time-limit in seconds for each search (default 120).
set -u
BENCH=$(cd "$(dirname "$0")" && pwd)
LIMIT=${1:-120}
H="dotnet src/SimHarness/bin/Release/net10.0/SimHarness.dll"
OUT=$(mktemp -d)
row() { # label args...
  local label=$1; shift
  /usr/bin/time -f "%M" -o "$OUT/rss" $H explore "$@" --time-limit "$LIMIT" --json "$OUT/r.json" --traces "$OUT/traces" > /dev/null 2>&1
  python3 "$BENCH/report_row.py" "$OUT/r.json" "$label" --columns scenario,params,label,schedules,states,transitions,complete,distinct,violations,elapsed,rss --params clients,messages,items,checkDelay,threads,segments,bufferSize --rss "$(tail -1 "$OUT/rss")"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario | params | search | schedules | states | transitions | complete | distinct transcripts | violations | elapsedMs | peak RSS |"
echo "|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|"
# The socket scenarios at their own buffer and segment defaults (64 KiB, no segmentation choices),
# EchoUpper also with a 16-byte buffer (partial sends break its replies), then EchoUpperFixed at the
# explore sizes (a scenario's [ExploreWith] values fill in every parameter not given: segments=1,
# bufferSize=32).
for args in "EchoUpperFixed --param clients=2 --param messages=2 --param segments=0 --param bufferSize=65536" \
            "EchoUpper --param clients=2 --param messages=2 --param segments=0 --param bufferSize=65536" \
            "EchoUpper --param clients=2 --param messages=2 --param segments=0 --param bufferSize=16" \
            "EchoUpperFixed --param clients=2 --param messages=2" \
            "ProducerConsumer --param items=2" "EventRetryLimit --param checkDelay=3" "ZooLostUpdateFixed --param threads=4"; do
  row "state cache" $args
  row "no state cache" $args --no-state-cache
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
