#!/usr/bin/env bash
# --workers 2 against --workers 1 on the same exhaustive searches: three runs of each, alternating
# (1, 2, 1, 2, 1, 2), with the whole process's wall and CPU (user+sys) time, then the medians and the
# ratios 1/2. On an idle 2-core machine the wall ratio is the speedup; on a busy one the CPU ratio
# tells whether two workers do the same work (1.0) or more (below 1.0). Note the load printed.
# Build first: dotnet build src/SimHarness -c Release. RUNS=5 bench/workers-figures.sh for more runs;
# searches given as arguments replace the three below.
set -u
cd "$(dirname "$0")/.."
H="src/SimHarness/bin/Release/net10.0/SimHarness.dll"
RUNS=${RUNS:-3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
searches=(
  "EventRetryLimit --param checkDelay=3"
  "ProducerConsumer --param items=2"
  "ProducerConsumer --param items=2 --no-state-cache"
)
# Other searches instead, one argument each: bench/workers-figures.sh "EchoUpperFixed" "EchoUpper --no-state-cache"
if [ $# -gt 0 ]; then
  searches=("$@")
fi
for args in "${searches[@]}"; do
  key=$(echo "$args" | tr -c 'A-Za-z0-9=\n' '_')
  for r in $(seq "$RUNS"); do
    for w in 1 2; do
      # shellcheck disable=SC2086 # the search's arguments are split on purpose
      /usr/bin/time -o "$OUT/time" -f "%e %U %S" dotnet "$H" explore $args --workers "$w" --traces "$OUT/traces" > "$OUT/out" 2>&1
      read -r wall user sys < "$OUT/time"
      schedules=$(grep -o 'schedules=[0-9]*' "$OUT/out" | head -1)
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      echo "$key $w $wall $cpu" >> "$OUT/all"
      echo "  $args --workers $w: wall=${wall}s cpu=${cpu}s $schedules"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT/all" <<'PY'
import collections, statistics, sys
runs = collections.OrderedDict()
for line in open(sys.argv[1]):
    key, w, wall, cpu = line.split()
    runs.setdefault(key, {}).setdefault(w, []).append((float(wall), float(cpu)))
for key, by in runs.items():
    med = {w: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v)) for w, v in by.items()}
    (w1, c1), (w2, c2) = med["1"], med["2"]
    print(f"{key.strip('_')}: median wall {w1:.2f} s / {w2:.2f} s (ratio {w1 / w2:.2f}x), "
          f"median CPU {c1:.2f} s / {c2:.2f} s (ratio {c1 / c2:.2f})")
PY
