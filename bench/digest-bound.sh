#!/usr/bin/env bash
# What keeps EchoUpperFixed clients=2 messages=2 at the explore sizes from completing (issue 11):
# the same search with this build's digest and with a build whose digest leaves out what each thread
# observed (UNSOUND: a thread's future is then assumed to depend on shared state only). The second
# is a floor for any digest of threads' own state, not a search to trust: it loses transcripts.
# Usage: bench/digest-bound.sh [LIMIT]   (from the repository's root, after a Release build;
# it clones this commit into a temporary folder, patches the copy and builds it there).
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
LIMIT=${1:-60}
ROOT=$(pwd)
TMP=$(mktemp -d)
git clone -q "$ROOT" "$TMP/floor"
sed -i 's/\.Add(t\.IsDaemon)\.Add(t\.Observed);/.Add(t.IsDaemon).Add(UInt128.Zero);/' "$TMP/floor/src/SimCore/Simulation/World.State.cs"
grep -q 'Add(UInt128.Zero);' "$TMP/floor/src/SimCore/Simulation/World.State.cs"
dotnet build "$TMP/floor/src/SimHarness/SimHarness.csproj" -c Release > "$TMP/build.log" 2>&1
row() { # label dll args...
  local label=$1 dll=$2; shift 2
  dotnet "$dll" explore "$@" --time-limit "$LIMIT" --probes 0 --json "$TMP/r.json" --traces "$TMP/traces" > /dev/null 2>&1 || true
  python3 "$BENCH/report_row.py" "$TMP/r.json" "$label" --columns scenario,params,label,schedules,states,complete,distinct,elapsed --params clients,messages,segments,bufferSize
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario | params | digest | schedules | states | complete | distinct transcripts | elapsedMs |"
echo "|---|---|---|---:|---:|---|---:|---:|"
# Two rounds, alternating, of the search at the explore sizes (segments=1, bufferSize=32).
for round in 1 2; do
  args="EchoUpperFixed --param clients=2 --param messages=2"
  row "observations (this build)" "$ROOT/src/SimHarness/bin/Release/net10.0/SimHarness.dll" $args
  row "shared state only (unsound floor)" "$TMP/floor/src/SimHarness/bin/Release/net10.0/SimHarness.dll" $args
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$TMP"
