#!/usr/bin/env bash
# The same commands under other runtime settings, side by side: the Release build is copied once per
# variant, each copy's SimHarness.runtimeconfig.json gets the variant's properties, and the variants
# take turns, RUNS rounds (5 by default). Prints the medians of the explorer's elapsedMs, the
# process's wall time and its CPU time (user + system: the JIT's and the GC's threads included).
# Variants are name=property:value,... (shipped= is the build as it is); the default sets the runtime's
# own call-count threshold for tiering up (30; the CLI ships 1,000) and quick JIT off beside it:
#   shipped=  cct30=System.Runtime.TieredCompilation.CallCountThreshold:30
#   quickjit-off=System.Runtime.TieredCompilation.QuickJit:false
# COMMANDS replaces the explore commands measured: label|arguments items separated by ';'.
# Usage: bench/runtime-knobs.sh            RUNS=8 VARIANTS="shipped= cct1000=...:1000" bench/runtime-knobs.sh
set -u
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-5}
VARIANTS=${VARIANTS:-shipped= cct30=System.Runtime.TieredCompilation.CallCountThreshold:30 quickjit-off=System.Runtime.TieredCompilation.QuickJit:false}
out=src/SimHarness/bin/Release/net10.0
names=()
for v in $VARIANTS; do
  name=${v%%=*}
  names+=("$name")
  cp -r "$out" "$tmp/$name"
  python3 - "$tmp/$name/SimHarness.runtimeconfig.json" "${v#*=}" <<'PY'
import json, sys
path, spec = sys.argv[1], sys.argv[2]
config = json.load(open(path))
for item in filter(None, spec.split(",")):
    key, value = item.rsplit(":", 1)
    config["runtimeOptions"]["configProperties"][key] = {"true": True, "false": False}.get(value, int(value) if value.isdigit() else value)
json.dump(config, open(path, "w"), indent=2)
PY
done

IFS=';' read -r -a commands <<< "${COMMANDS:-erl-1w|EventRetryLimit --param checkDelay=3;erl-2w|EventRetryLimit --param checkDelay=3 --workers 2;all|--all}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$RUNS"); do
  for name in "${names[@]}"; do
    for c in "${commands[@]}"; do
      /usr/bin/time -o "$tmp/time" -f "%e %U %S" dotnet "$tmp/$name/SimHarness.dll" explore ${c#*|} --json "$tmp/r.json" --traces "$tmp/traces" > /dev/null 2>&1
      read -r wall user sys < "$tmp/time"
      ms=$(python3 -c "import json, sys; print(sum(r['elapsedMs'] for r in json.load(open(sys.argv[1]))))" "$tmp/r.json")
      echo "${c%%|*} $name $ms $wall $user $sys" >> "$tmp/all"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp/all" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    command, name, ms, wall, user, sys_ = line.split()
    rows[(command, name)].append((int(ms), float(wall), float(user) + float(sys_)))
print()
print("| command | variant | elapsedMs (median) | wall (median) | CPU (median) |")
print("|---|---|---:|---:|---:|")
for (command, name), runs in rows.items():
    med = lambda i: statistics.median(r[i] for r in runs)
    print(f"| {command} | {name} | {med(0):,.0f} ms | {med(1):.2f} s | {med(2):.2f} s |")
PY
