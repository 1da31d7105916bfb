#!/usr/bin/env bash
# Checkpoints (issue 11): the socket searches the issue names, side by side in one run, with the
# echo scenarios' checkpoint declarations (the default) and with --ignore-checkpoints (the digest of
# histories alone), each with its schedules, states, completeness, distinct transcripts, violations,
# the explorer's own time and the process's peak memory.
# Usage: bench/checkpoint-figures.sh [LIMIT]   (after `dotnet build SimHarness.sln -c Release`);
# LIMIT is --time-limit in seconds for each search (default 120). MODES picks the columns' searches:
# declared (the default search), ignored (--ignore-checkpoints), no-cache (--no-state-cache);
# default "declared ignored". MODES="declared no-cache" gives the side-by-side with and without caching.
set -u
BENCH=$(cd "$(dirname "$0")" && pwd)
LIMIT=${1:-120}
MODES=${MODES:-declared ignored}
H="dotnet src/SimHarness/bin/Release/net10.0/SimHarness.dll"
OUT=$(mktemp -d)
row() { # label args...
  local label=$1; shift
  /usr/bin/time -f "%M" -o "$OUT/rss" $H explore "$@" --time-limit "$LIMIT" --probes 0 --json "$OUT/r.json" --traces "$OUT/traces" > /dev/null 2>&1
  python3 "$BENCH/report_row.py" "$OUT/r.json" "$label" --columns scenario,params,label,schedules,states,complete,distinct,violations,elapsed,rss --params clients,messages,segments,bufferSize --rss "$(tail -1 "$OUT/rss")"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario | params | search | schedules | states | complete | distinct transcripts | violations | elapsedMs | peak RSS |"
echo "|---|---|---|---:|---:|---|---:|---:|---:|---:|"
# The explore sizes (a scenario's [ExploreWith] values fill in what is not given: segments=1, bufferSize=32).
for args in "EchoUpperFixed --param clients=2 --param messages=2" \
            "EchoUpper --param clients=2 --param messages=2" \
            "EchoUpperFixed --param clients=2 --param messages=1"; do
  for mode in $MODES; do
    case $mode in
      declared) row "checkpoints declared" $args ;;
      ignored) row "checkpoints ignored" $args --ignore-checkpoints ;;
      no-cache) row "no state cache" $args --no-state-cache ;;
      *) echo "unknown mode $mode (declared, ignored, no-cache)" >&2; exit 1 ;;
    esac
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
