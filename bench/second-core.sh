#!/usr/bin/env bash
# Issue 12 item 4: where the second core goes. On EventRetryLimit checkDelay=3 (or $SEARCH), each round times
# (wall, seconds) one search alone; two whole searches in two processes at once (each does all the
# work: how much the machine slows one process when the other core is busy); the two shards of the
# search in two processes at once (the split without a shared process); and --workers 2.
# Usage: bench/second-core.sh [ROUNDS]   (after `dotnet build SimHarness.sln -c Release`; default 3 rounds).
# Another search: SEARCH="ProducerConsumer --param items=2 --param maxsize=2 --no-state-cache" bench/second-core.sh 3
set -u
ROUNDS=${1:-3}
H="dotnet src/SimHarness/bin/Release/net10.0/SimHarness.dll"
A="explore ${SEARCH:-EventRetryLimit --param checkDelay=3} --probes 0"
OUT=$(mktemp -d)
t() { /usr/bin/time -f "%e" -o "$1" "${@:2}" > /dev/null 2>&1; cat "$1"; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| round | alone | two whole searches at once | two shards at once | --workers 2 |"
echo "|---|---:|---:|---:|---:|"
for r in $(seq "$ROUNDS"); do
  alone=$(t "$OUT/a" $H $A)
  t "$OUT/p1" $H $A > /dev/null & t "$OUT/p2" $H $A > /dev/null; wait
  t "$OUT/s1" $H $A --shard 1/2 > /dev/null & t "$OUT/s2" $H $A --shard 2/2 > /dev/null; wait
  workers=$(t "$OUT/w" $H $A --workers 2)
  echo "| $r | $alone s | $(cat "$OUT/p1") s, $(cat "$OUT/p2") s | $(cat "$OUT/s1") s, $(cat "$OUT/s2") s | $workers s |"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
