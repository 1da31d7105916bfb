#!/usr/bin/env bash
# The same search on an earlier commit and on the working tree, alternating (earlier, now, earlier,
# now...), RUNS rounds (5 by default): each run's own elapsedMs and schedules, then the medians and
# the ratio earlier/now. The earlier commit is built in a temporary git worktree.
# Usage: bench/compare-builds.sh COMMIT [explore arguments...]
#   (default search: EventRetryLimit --param checkDelay=3)
# Example: RUNS=5 bench/compare-builds.sh 583a6b1 EventRetryLimit --param checkDelay=3 --no-state-cache
# NOW_ARGS adds arguments to the current build's runs only, and NOW_ARGS2 adds a third column: the
# current build again with those arguments (e.g. NOW_ARGS2="--workers 2" sets one and two workers
# of today against one of the earlier commit in the same alternating rounds).
# TOGETHER=1 runs the two builds at the same time in each round, one per core, instead of one after
# the other: both then meet the same machine, whose speed here moves by half within minutes, and the
# summary adds the median of the rounds' own ratios. Meant for one-worker searches on 2 cores.
set -u
source "$(dirname "$0")/common.sh"
if [ $# -lt 1 ]; then
  echo "usage: bench/compare-builds.sh COMMIT [explore arguments...]" >&2
  exit 1
fi
commit=$1
shift
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(EventRetryLimit --param checkDelay=3)
fi
RUNS=${RUNS:-5}
git worktree add --detach "$tmp/earlier" "$commit" > /dev/null 2>&1 || { echo "cannot check out $commit" >&2; exit 1; }
trap 'git worktree remove --force "$tmp/earlier"; rm -rf "$tmp"' EXIT
dotnet build "$tmp/earlier/src/SimHarness" -c Release -v q -nologo > /dev/null
earlier=(dotnet "$tmp/earlier/src/SimHarness/bin/Release/net10.0/SimHarness.dll")

run() { # $1 = label; the rest the command
  local label=$1
  shift
  local cmd=() extra=()
  while [ $# -gt 0 ] && [[ $1 != --* ]]; do cmd+=("$1"); shift; done
  extra=("$@")
  "${cmd[@]}" explore "${args[@]}" "${extra[@]}" --json "$tmp/$label.json" --traces "$tmp/traces-$label" > /dev/null
  # Each run's line goes to a file of its own: two runs at once (TOGETHER=1) appending to one file
  # could write into each other's line. The round's lines are gathered after it (gather).
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))[0]; print(sys.argv[2], r['elapsedMs'], r['schedules'])" "$tmp/$label.json" "$label" > "$tmp/$label.line"
}

gather() { # appends the round's lines, in the order given, to the list and shows them
  for label in "$@"; do
    [ -f "$tmp/$label.line" ] && tee -a "$tmp/all" < "$tmp/$label.line" && rm "$tmp/$label.line"
  done
}

echo "search: ${args[*]}; earlier: $commit; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$RUNS"); do
  if [ "${TOGETHER:-0}" = 1 ]; then
    run earlier "${earlier[@]}" &
    run now "${sim[@]}" ${NOW_ARGS:-}
    wait
    gather earlier now
    continue
  fi
  run earlier "${earlier[@]}"
  run now "${sim[@]}" ${NOW_ARGS:-}
  if [ -n "${NOW_ARGS2:-}" ]; then
    run now2 "${sim[@]}" $NOW_ARGS2
  fi
  gather earlier now now2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp/all" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, ms, schedules = line.split()
    runs.setdefault(label, []).append((int(ms), int(schedules)))
med = {k: statistics.median(ms for ms, _ in v) for k, v in runs.items()}
for k, v in runs.items():
    print(f"{k}: {', '.join(str(ms) for ms, _ in v)} ms (median {med[k]:.0f} ms), schedules {sorted(set(s for _, s in v))}")
print(f"earlier / now = {med['earlier'] / med['now']:.2f}x")
if len(runs['earlier']) == len(runs['now']):
    rounds = [e / n for (e, _), (n, _) in zip(runs['earlier'], runs['now'])]
    print(f"per round: {', '.join(f'{x:.2f}' for x in rounds)} (median {statistics.median(rounds):.2f}x)")
if 'now2' in med:
    print(f"earlier / now2 = {med['earlier'] / med['now2']:.2f}x")
PY
