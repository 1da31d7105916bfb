#!/usr/bin/env bash
# Wake-up sequences (issue #11) figures for BENCHMARKS.md: every catalog scenario at its explore
# defaults (explore --all) with state caching and without (--no-state-cache), plus
# ZooLostUpdateFixed at threads=2/3/4, from two builds side by side in one run of the script.
# Usage: bench/wakeup-figures.sh BEFORE AFTER [LIMIT]   (each a checkout built with
# `dotnet build SimHarness.sln -c Release`); LIMIT is --time-limit in seconds per search (default 120).
set -u
BEFORE=$1 AFTER=$2 LIMIT=${3:-120}
OUT=$(mktemp -d)
search() { # build label args...
  local dir=$1 label=$2; shift 2
  dotnet "$dir/src/SimHarness/bin/Release/net10.0/SimHarness.dll" explore "$@" --time-limit "$LIMIT" --json "$OUT/$label.json" --traces "$OUT/traces" > /dev/null 2>&1
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for cache in "" "--no-state-cache"; do
  tag=${cache:+nocache}; tag=${tag:-cache}
  search "$BEFORE" "before-all-$tag" --all $cache
  search "$AFTER" "after-all-$tag" --all $cache
  for n in 2 3 4; do
    search "$BEFORE" "before-zoo$n-$tag" ZooLostUpdateFixed --param threads=$n $cache
    search "$AFTER" "after-zoo$n-$tag" ZooLostUpdateFixed --param threads=$n $cache
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
def load(name):
    return json.load(open(os.path.join(out, name + '.json')))
def key(r):
    return r['scenario'] + (' threads=%s' % r['params']['threads'] if r['scenario'] == 'ZooLostUpdateFixed' else '')
def fmt(r):
    return f"{r['schedules']:,} | {r['elapsedMs']:,}{'' if r['complete'] else ' (incomplete)'}"
for tag, title in (('cache', 'state cache (the default)'), ('nocache', '--no-state-cache')):
    rows = {}
    for side in ('before', 'after'):
        reports = load(f'{side}-all-{tag}') + [load(f'{side}-zoo{n}-{tag}')[0] for n in (2, 3, 4)]
        for r in reports:
            rows.setdefault(key(r), {})[side] = r
    print(f"\n{title}\n")
    print("| scenario | schedules before | ms before | schedules after | ms after | schedules after/before | same transcripts and violations |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for k, v in rows.items():
        b, a = v['before'], v['after']
        same = ({tuple(o['output']) for o in b['outcomes']} == {tuple(o['output']) for o in a['outcomes']}
                and {(x['invariant'], x['message']) for x in b['violations']} == {(x['invariant'], x['message']) for x in a['violations']})
        print(f"| {k} | {fmt(b)} | {fmt(a)} | {a['schedules'] / b['schedules']:.2f} | {'yes' if same else 'NO'} |")
PY
rm -rf "$OUT"
