#!/usr/bin/env bash
# Issue 12, item 2: Knuth's size estimate against the true count of the search without reduction,
# for the catalog scenarios at the small parameters where that search finishes (the table of
# tests/SimCore.Tests/Exploration/SmallParams.cs, less the scenarios it marks as not finishing).
# Prints a Markdown table for BENCHMARKS.md. Usage: bash bench/estimate-catalog.sh [PROBES] [SEED]
set -euo pipefail
probes=${1:-1000}
seed=${2:-0}
source "$(dirname "$0")/common.sh"
cases=(
  "ConditionLostWakeup waiters=1" "ConditionWaitFor waiters=1" "DiningPhilosophers philosophers=2"
  "DiningPhilosophersDeadlock philosophers=2" "EventCheckConnect threads=1;checkDelay=1" "EventCheckConnectLostWakeup threads=1"
  "EventRetryLimit threads=1;checkDelay=2" "EventRetryLimitGivesUpEarly threads=1;checkDelay=1;attempts=2"
  "GeventEatPlay exploreTies=true" "GreenletEatPlay -" "PatchedEatPlay exploreTies=true" "PatchedThreadNames exploreTies=true"
  "ProducerConsumer producers=1;consumers=1" "QueueKinds -" "ThreadingApi -" "ThreadingExcepthook -" "ThreadingRules -"
  "ThreadingScopes -" "WorkerPoolDeath workers=1" "ZooCheckThenAct -" "ZooCheckThenActFixed -" "ZooDeadSwitch requests=1"
  "ZooDeadSwitchFixed requests=1" "ZooLivelockFixed -" "ZooLostUpdate -" "ZooLostUpdateFixed -" "ZooRecvAsMessage messages=1"
  "ZooRecvAsMessageFixed messages=1" "ZooResetKillsServer -" "ZooResetKillsServerFixed -" "ZooTimeoutRace -" "ZooTimeoutRaceFixed -"
)
echo "| scenario | params | estimate | 95% range | true count | estimate / true | default search (reduction, state caching) |"
echo "| --- | --- | ---: | --- | ---: | ---: | ---: |"
for c in "${cases[@]}"; do
  name=${c%% *}
  params=${c#* }
  args=()
  if [[ $params != - ]]; then
    IFS=';' read -ra kv <<<"$params"
    for p in "${kv[@]}"; do args+=(--param "$p"); done
  fi
  est=$("${sim[@]}" explore "$name" "${args[@]}" --estimate --no-reduction --probes "$probes" --seed "$seed" --time-limit 120 | head -1)
  "${sim[@]}" explore "$name" "${args[@]}" --no-reduction --probes 0 --traces "$tmp/t" --json "$tmp/full.json" >/dev/null || true
  "${sim[@]}" explore "$name" "${args[@]}" --probes 0 --traces "$tmp/t" --json "$tmp/reduced.json" >/dev/null || true
  python3 - "$name" "$params" "$est" "$tmp/full.json" "$tmp/reduced.json" <<'PY'
import json, re, sys
name, params, est, full, reduced = sys.argv[1:]
f = {k: float(v) for k, v in re.findall(r"(estimatedSchedules|low|high)=([0-9.e+]+)", est)}
full = json.load(open(full))[0]
red = json.load(open(reduced))[0]
true = full["schedules"]
assert full["complete"], name + ": the search without reduction did not finish"
print(f"| {name} | {'' if params == '-' else params} | {f['estimatedSchedules']:.0f} | {f['low']:.0f}–{f['high']:.0f} | {true} | {f['estimatedSchedules'] / true:.2f} | {red['schedules']} |")
PY
done
