#!/usr/bin/env bash
# Socket calls that would block are not steps (issue 11): the socket scenarios' exhaustive searches
# with a build of the commit before and a build of this one, side by side in one run.
# Usage: bench/socket-guard-figures.sh BEFORE_DIR AFTER_DIR [LIMIT]
#   BEFORE_DIR, AFTER_DIR: clones built with `dotnet build SimHarness.sln -c Release`;
#   LIMIT: --time-limit in seconds for each search (default 60).
set -u
BENCH=$(cd "$(dirname "$0")" && pwd)
BEFORE=$1 AFTER=$2 LIMIT=${3:-60}
OUT=$(mktemp -d)
row() { # label dir args...
  local label=$1 dir=$2; shift 2
  dotnet "$dir/src/SimHarness/bin/Release/net10.0/SimHarness.dll" explore "$@" --time-limit "$LIMIT" --json "$OUT/r.json" --traces "$OUT/traces" > /dev/null 2>&1
  python3 "$BENCH/report_row.py" "$OUT/r.json" "$label" --columns scenario,params,label,schedules,states,complete,distinct,violations,elapsed --params clients,messages,segments,bufferSize,faults
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario | params | build | schedules | states | complete | distinct transcripts | violations | elapsedMs |"
echo "|---|---|---|---:|---:|---|---:|---:|---:|"
for args in "EchoUpper" "EchoUpperFixed" "ZooRecvAsMessage" "ZooRecvAsMessageFixed" "ZooResetKillsServer" "ZooResetKillsServerFixed" \
            "EchoUpperFixed --param clients=1 --param messages=2 --param segments=0 --param bufferSize=65536" \
            "EchoUpperFixed --param clients=2 --param messages=1 --param segments=0 --param bufferSize=65536" \
            "EchoUpperFixed --param clients=2 --param messages=2 --param segments=0 --param bufferSize=65536" \
            "EchoUpper --param clients=2 --param messages=2 --param segments=0 --param bufferSize=65536"; do
  row before "$BEFORE" $args
  row after "$AFTER" $args
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
