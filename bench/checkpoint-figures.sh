#!/usr/bin/env bash
# Checkpoints (issue 11): the socket searches the issue names, side by side in one run, with this
# build (the echo scenarios declare checkpoints in their loops) and with a copy of this commit whose
# sim.Checkpoint does nothing (the digest of histories alone), each with its schedules, states,
# completeness, distinct transcripts, violations, the explorer's own time and peak memory.
# Usage: bench/checkpoint-figures.sh [LIMIT]   (from the repository's root, after a Release build;
# it clones this commit into a temporary folder, patches the copy and builds it there).
set -eu
LIMIT=${1:-120}
ROOT=$(pwd)
TMP=$(mktemp -d)
git clone -q "$ROOT" "$TMP/off"
# The copy's Checkpoint returns before touching any digest (a condition that always holds:
# the build treats unreachable code as an error).
python3 - "$TMP/off/src/SimCore/Simulation/World.State.cs" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
a = "        ArgumentException.ThrowIfNullOrEmpty(point);\n        if (!TrackState)"
assert s.count(a) == 1
open(p, "w").write(s.replace(a, "        ArgumentException.ThrowIfNullOrEmpty(point);\n        if (point.Length > 0)"))
PY
dotnet build "$TMP/off/src/SimHarness/SimHarness.csproj" -c Release > "$TMP/build.log" 2>&1 || { tail -5 "$TMP/build.log"; exit 1; }
row() { # label dll args...
  local label=$1 dll=$2; shift 2
  /usr/bin/time -f "%M" -o "$TMP/rss" dotnet "$dll" explore "$@" --time-limit "$LIMIT" --probes 0 --json "$TMP/r.json" --traces "$TMP/traces" > /dev/null 2>&1 || true
  python3 - "$TMP/r.json" "$label" "$(tail -1 "$TMP/rss")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))[0]
p = ' '.join(f"{k}={v}" for k, v in r['params'].items() if k in ('clients', 'messages', 'segments', 'bufferSize'))
print(f"| {r['scenario']} | {p} | {sys.argv[2]} | {r['schedules']:,} | {r['states']:,} | {str(r['complete']).lower()} | {r['distinctOutputs']:,} | {len(r['violations'])} | {r['elapsedMs']:,} ms | {int(sys.argv[3]) // 1024} MB |")
PY
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario | params | checkpoints | schedules | states | complete | distinct transcripts | violations | elapsedMs | peak RSS |"
echo "|---|---|---|---:|---:|---|---:|---:|---:|---:|"
# The explore sizes (a scenario's [ExploreWith] values fill in what is not given: segments=1, bufferSize=32).
for args in "EchoUpperFixed --param clients=2 --param messages=2" \
            "EchoUpper --param clients=2 --param messages=2" \
            "EchoUpperFixed --param clients=2 --param messages=1"; do
  row "declared" "$ROOT/src/SimHarness/bin/Release/net10.0/SimHarness.dll" $args
  row "ignored" "$TMP/off/src/SimHarness/bin/Release/net10.0/SimHarness.dll" $args
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$TMP"
