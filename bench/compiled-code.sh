#!/usr/bin/env bash
# Issue 12 item 3: the built-in explorer on SimCore and Scenarios as compiled (what `explore` runs
# when the build kept unrewritten/) against the same search on the copies rewritten for Coyote
# (SIMHARNESS_REWRITTEN=1), alternating, ROUNDS rounds each; the explorer's own elapsedMs, then the
# medians and their ratio. The main job's wall time the same way.
# Usage: bench/compiled-code.sh [ROUNDS]   (after `dotnet build SimHarness.sln -c Release`; default 3 rounds).
set -u
ROUNDS=${1:-3}
H="dotnet src/SimHarness/bin/Release/net10.0/SimHarness.dll"
OUT=$(mktemp -d)
ms() { python3 -c 'import json,sys; print(sum(r["elapsedMs"] for r in json.load(open(sys.argv[1]))))' "$1"; }
code() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["code"])' "$1"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
row() {
  local label=$1; shift
  local compiled="" rewritten="" c="" w=""
  for r in $(seq "$ROUNDS"); do
    SIMHARNESS_REWRITTEN= $H explore "$@" --json "$OUT/c.json" --traces "$OUT/t" > /dev/null 2>&1
    compiled="$compiled $(ms "$OUT/c.json")"; c=$(code "$OUT/c.json")
    SIMHARNESS_REWRITTEN=1 $H explore "$@" --json "$OUT/w.json" --traces "$OUT/t" > /dev/null 2>&1
    rewritten="$rewritten $(ms "$OUT/w.json")"; w=$(code "$OUT/w.json")
  done
  local mc mw
  mc=$(echo "$compiled" | median); mw=$(echo "$rewritten" | median)
  echo "| $label | ${compiled# } ($c) | $mc | ${rewritten# } ($w) | $mw | $(python3 -c "print(f'{$mw/$mc:.2f}x')") |"
}
wall() {
  local compiled="" rewritten=""
  for r in $(seq "$ROUNDS"); do
    SIMHARNESS_REWRITTEN= /usr/bin/time -f "%e" -o "$OUT/tc" $H explore --all --json "$OUT/c.json" --traces "$OUT/t" > /dev/null 2>&1
    compiled="$compiled $(cat "$OUT/tc")"
    SIMHARNESS_REWRITTEN=1 /usr/bin/time -f "%e" -o "$OUT/tw" $H explore --all --json "$OUT/w.json" --traces "$OUT/t" > /dev/null 2>&1
    rewritten="$rewritten $(cat "$OUT/tw")"
  done
  local mc mw
  mc=$(echo "$compiled" | median); mw=$(echo "$rewritten" | median)
  echo "| main job \`explore --all\`, wall seconds | ${compiled# } | $mc | ${rewritten# } | $mw | $(python3 -c "print(f'{$mw/$mc:.2f}x')") |"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| search (elapsedMs) | as compiled | median | rewritten for Coyote | median | ratio |"
echo "|---|---|---:|---|---:|---:|"
row "EventRetryLimit checkDelay=3 --no-state-cache" EventRetryLimit --param checkDelay=3 --no-state-cache --probes 0
row "EventRetryLimit checkDelay=3" EventRetryLimit --param checkDelay=3 --probes 0
row "EventRetryLimit (defaults)" EventRetryLimit --probes 0
row "ProducerConsumer items=2" ProducerConsumer --param items=2 --probes 0
row "EchoUpperFixed clients=2 messages=1" EchoUpperFixed --param "clients=2;messages=1" --probes 0
wall
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
