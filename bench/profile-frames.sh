#!/usr/bin/env bash
# Where a search's time goes, by SimHarness's own functions: samples the command with `perf`
# (Linux; needs perf and permission to use it), then charges each sample taken inside a run
# (under BuiltInExecutor.RunOn) to the nearest frame of SimCore or Scenarios, with whatever
# runtime code it called. Prints the top functions as a share of all samples.
# Usage: bench/profile-frames.sh [explore arguments...]   (default: EventRetryLimit --param checkDelay=3)
set -u
source "$(dirname "$0")/common.sh"
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(EventRetryLimit --param checkDelay=3)
fi
command -v perf > /dev/null || { echo "perf is not installed" >&2; exit 1; }
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 1999 -g -o "$tmp/perf.data" \
  "${sim[@]}" explore "${args[@]}" --traces "$tmp/traces" > /dev/null 2> "$tmp/perf.err" \
  || { cat "$tmp/perf.err" >&2; exit 1; }
perf script -i "$tmp/perf.data" -F comm,ip,sym 2> /dev/null > "$tmp/perf.script"
python3 - "$tmp/perf.script" <<'PY'
import collections, re, sys
samples, current = [], []
for line in open(sys.argv[1]):
    if not line.strip():
        if current:
            samples.append(current)
        current = []
    elif line[0] not in " \t":
        current = [line.strip()]
    else:
        current.append(line.strip())
if current:
    samples.append(current)
ours = re.compile(r"\[(SimCore|Scenarios)\] ([^(]*)")
charged = collections.Counter()
in_runs = 0
for sample in samples:
    frames = sample[1:]
    if not any("BuiltInExecutor::RunOn" in f for f in frames):
        continue
    in_runs += 1
    for f in frames:
        m = ours.search(f)
        if m:
            charged[m.group(2)] += 1
            break
total = len(samples)
print(f"{total} samples, {100 * in_runs / total:.1f} % inside runs")
for name, n in charged.most_common(25):
    print(f"{100 * n / total:5.1f} %  {name}")
PY
