#!/usr/bin/env bash
# The speed and memory targets of issues #11 and #12 in one command, each with its figure and
# "met" or "not met". Meant for an idle 2-core machine: it first samples the CPU for 5 s and says
# how idle the machine was, since every target is stated for an idle machine.
#   #11/#12: EventRetryLimit checkDelay=3 in at most 2 s of exploration (explorer's elapsedMs,
#            median of RUNS one-worker runs);
#   #12:     --workers 2 at least 1.7x on EventRetryLimit checkDelay=3 and on ProducerConsumer
#            (medians of RUNS alternating runs: the verdict on the explorer's elapsedMs, the whole
#            process's wall beside it, start-up included). The issue's ProducerConsumer was its
#            defaults, then a 129,000-run search of 6 s; the defaults are now 39 runs, so two
#            sizes stand in: items=2 --no-state-cache (about 1 s) and items=2 maxsize=2
#            --no-state-cache (60,122 runs, about 4 s, the issue's kind of search);
#   #11:     EchoUpperFixed clients=2 messages=2 and ProducerConsumer items=2 complete within 60 s,
#            EchoUpper clients=2 messages=2 complete with its violations (about 200 s; ECHO=0 skips
#            it), each at most 1 GB of peak memory;
#   #12:     with BDN=1, the built-in exhaustive search at 200x Coyote's schedules per second
#            (BenchmarkDotNet's ExplorerThroughput, several minutes).
# With BASELINE=1 the first target is also judged the way it was set: 2 s where the issue's
# baseline 105a38d took 3.9 s, so at least 1.95x over 105a38d, which is built in a temporary
# worktree and run in the same rounds, just before each one-worker run (this machine's own speed
# moves by half within minutes, and it is no longer the machine that measured 3.9 s).
# Usage: bench/speed-targets.sh            RUNS=7 BDN=1 BASELINE=1 bench/speed-targets.sh
set -u
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-5}

cpu_shares() { # $1, $2: two first lines of /proc/stat; prints the idle and the steal share between them, in %
  python3 -c "
import sys
a = list(map(int, sys.argv[1].split()[1:])); b = list(map(int, sys.argv[2].split()[1:]))
d = [y - x for x, y in zip(a, b)]
print(f'{100 * (d[3] + d[4]) / max(1, sum(d)):.0f} {100 * d[7] / max(1, sum(d)):.1f}')" "$1" "$2"
}

idle_share() { # the share of CPU time idle over 5 s, from /proc/stat
  local a
  a=$(head -1 /proc/stat)
  sleep 5
  cpu_shares "$a" "$(head -1 /proc/stat)" | cut -d' ' -f1
}

runner=("${sim[@]}")
explore() { # $1 = label; the rest: explore arguments. Appends "label elapsedMs wallS peakKB schedules complete violations".
  local label=$1
  shift
  /usr/bin/time -o "$tmp/time" -f "%e %M" "${runner[@]}" explore "$@" --json "$tmp/r.json" --traces "$tmp/traces" > /dev/null 2>&1
  read -r wall peak < "$tmp/time"
  python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))[0]
print(sys.argv[2], r['elapsedMs'], sys.argv[3], sys.argv[4], r['schedules'], r['complete'], len(r['violations']))" "$tmp/r.json" "$label" "$wall" "$peak" >> "$tmp/all"
}

if [ "${BASELINE:-0}" = 1 ]; then
  git worktree add --detach "$tmp/baseline" 105a38d > /dev/null 2>&1 || { echo "cannot check out 105a38d" >&2; exit 1; }
  trap 'git worktree remove --force "$tmp/baseline"; rm -rf "$tmp"' EXIT
  dotnet build "$tmp/baseline/src/SimHarness" -c Release -v q -nologo > /dev/null
  baseline=(dotnet "$tmp/baseline/src/SimHarness/bin/Release/net10.0/SimHarness.dll")
fi

echo "CPU idle over 5 s before the runs: $(idle_share) % (an idle machine is near 100 %); load: $(cut -d' ' -f1-3 /proc/loadavg)"
start_stat=$(head -1 /proc/stat)
for r in $(seq "$RUNS"); do
  if [ "${BASELINE:-0}" = 1 ]; then
    runner=("${baseline[@]}")
    explore erlbase EventRetryLimit --param checkDelay=3
    runner=("${sim[@]}")
  fi
  explore erl1 EventRetryLimit --param checkDelay=3
  explore erl2 EventRetryLimit --param checkDelay=3 --workers 2
  explore pc1 ProducerConsumer --param items=2 --no-state-cache
  explore pc2 ProducerConsumer --param items=2 --no-state-cache --workers 2
  explore pcm1 ProducerConsumer --param items=2 --param maxsize=2 --no-state-cache
  explore pcm2 ProducerConsumer --param items=2 --param maxsize=2 --no-state-cache --workers 2
done
explore echofixed EchoUpperFixed --param clients=2 --param messages=2 --time-limit 120
if [ "${ECHO:-1}" != 0 ]; then
  explore echo EchoUpper --param clients=2 --param messages=2 --time-limit 400
fi
explore pccached ProducerConsumer --param items=2 --time-limit 120
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Steal: time the hypervisor gave this machine's CPUs to others while they had work. An idle sample
# cannot show it (an idle CPU is never stolen from); over the runs it says how much of the two cores
# the searches really had.
read -r _ steal <<< "$(cpu_shares "$start_stat" "$(head -1 /proc/stat)")"
echo "steal over the runs: $steal % of CPU time (0 on a machine of its own)"

if [ "${BDN:-0}" = 1 ]; then
  (cd bench/SimHarness.Benchmarks && dotnet run -c Release -- --filter '*ExplorerThroughput*' > "$tmp/bdn.log" 2>&1)
  cp bench/SimHarness.Benchmarks/BenchmarkDotNet.Artifacts/results/*ExplorerThroughput*-report-github.md "$tmp/bdn.md" 2>/dev/null
fi

python3 - "$tmp/all" "$tmp/bdn.md" <<'PY'
import os, re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, ms, wall, peak, schedules, complete, violations = line.split()
    rows.setdefault(label, []).append((int(ms), float(wall), int(peak), int(schedules), complete == "True", int(violations)))

def med(label, i):
    return statistics.median(r[i] for r in rows[label])

def verdict(ok):
    return "met" if ok else "NOT met"

print()
print("| target | figure | verdict |")
print("|---|---|---|")
erl = med("erl1", 0)
print(f"| EventRetryLimit checkDelay=3 in at most 2 s of exploration | median {erl:.0f} ms of {len(rows['erl1'])} runs | {verdict(erl <= 2000)} |")
if "erlbase" in rows:
    base = med("erlbase", 0)
    ratio = base / erl
    print(f"| the same, as set: 2 s where 105a38d took 3.9 s (at least 1.95x over 105a38d) | {base:.0f} / {erl:.0f} ms = {ratio:.2f}x, so {3.9 / ratio:.2f} s where 105a38d took 3.9 s | {verdict(ratio >= 3.9 / 2)} |")
for one, two, name in (("erl1", "erl2", "EventRetryLimit checkDelay=3"), ("pc1", "pc2", "ProducerConsumer items=2 --no-state-cache"), ("pcm1", "pcm2", "ProducerConsumer items=2 maxsize=2 --no-state-cache")):
    ratio = med(one, 0) / med(two, 0)
    wall = med(one, 1) / med(two, 1)
    print(f"| --workers 2 at least 1.7x on {name} | {med(one, 0):.0f} / {med(two, 0):.0f} ms = {ratio:.2f}x (whole process: {med(one, 1):.2f} / {med(two, 1):.2f} s = {wall:.2f}x) | {verdict(ratio >= 1.7)} |")
for label, name, limit in (("echofixed", "EchoUpperFixed clients=2 messages=2", 60_000), ("pccached", "ProducerConsumer items=2", 60_000), ("echo", "EchoUpper clients=2 messages=2", None)):
    if label not in rows:
        continue
    ms, wall, peak, schedules, complete, violations = rows[label][0]
    ok = complete and (limit is None or ms <= limit) and peak <= 1024 * 1024
    within = f" within {limit // 1000} s" if limit else ""
    print(f"| {name} complete{within}, at most 1 GB | {ms:,} ms, complete={complete}, {violations} violations, peak {peak / 1024:.0f} MB | {verdict(ok)} |")
if os.path.exists(sys.argv[2]):
    table = open(sys.argv[2]).read()
    def mean_us(method):
        m = re.search(r"\|\s*" + method + r"\s*\|[^\n]*?\|\s*([\d,.]+) (us|ms|μs)\s*\|", table)
        if not m:
            return None
        v = float(m.group(1).replace(",", ""))
        return v * 1000 if m.group(2) == "ms" else v
    coyote, builtin = mean_us("CoyoteRandom"), mean_us("BuiltInExhaustiveAsCompiled")
    if coyote and builtin:
        print(f"| the built-in exhaustive search at 200x Coyote's schedules per second | {coyote:,.0f} / {builtin:,.1f} us per schedule = {coyote / builtin:.0f}x | {verdict(coyote / builtin >= 200)} |")
    else:
        print("| the built-in exhaustive search at 200x Coyote's schedules per second | (BenchmarkDotNet's table not found) | - |")
PY
