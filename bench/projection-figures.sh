#!/usr/bin/env bash
# The projection from a search's own progress (README, "How far a search has come"): each search is
# run to the end once for its true count, then cut after 10, 25, 50 and 75 % of that count
# (--iterations); each cell is the projected count at the cut divided by the true count (1.00 is
# exact). The default search (reduction and state caching), one worker and two. Deterministic for
# one worker: the cuts fall on the same runs whatever the machine does.
# Prints a Markdown table for BENCHMARKS.md. Usage: bash bench/projection-figures.sh [WORKERS]
set -euo pipefail
workers=${1:-1}
source "$(dirname "$0")/common.sh"
cases=(
  "EventCheckConnectLostWakeup -" "EventRetryLimit -" "EchoUpper -" "EventRetryLimitGivesUpEarly -" "EchoUpperFixed -"
  "EventCheckConnect -" "EventRetryLimit checkDelay=3" "ProducerConsumer items=2" "EventCheckConnectLostWakeup threads=4"
)
field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[0][sys.argv[2]])" "$1" "$2"; }
echo "| scenario | params | runs (true count) | at 10 % | at 25 % | at 50 % | at 75 % |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for c in "${cases[@]}"; do
  name=${c%% *}
  params=${c#* }
  args=(explore "$name" --probes 0 --workers "$workers" --traces "$tmp/traces")
  if [[ $params != - ]]; then
    IFS=';' read -ra kv <<<"$params"
    for p in "${kv[@]}"; do args+=(--param "$p"); done
  fi
  "${sim[@]}" "${args[@]}" --json "$tmp/whole.json" >/dev/null || true
  total=$(field "$tmp/whole.json" schedules)
  row="| $name | ${params/-/} | $(printf "%'d" "$total") |"
  for pct in 10 25 50 75; do
    cut=$(( total * pct / 100 ))
    "${sim[@]}" "${args[@]}" --iterations "$(( cut > 0 ? cut : 1 ))" --json "$tmp/cut.json" >/dev/null || true
    row+=" $(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))[0]; print(f\"{r['projectedSchedules']/int(sys.argv[2]):.2f}\" if 'projectedSchedules' in r else '-')" "$tmp/cut.json" "$total") |"
  done
  echo "$row"
done
