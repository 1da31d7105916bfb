#!/usr/bin/env bash
# --workers 2 against --workers 1 on the same exhaustive searches, one run each, side by side,
# with the process's wall and CPU time (the machine has 2 cores shared with other work: note the load).
set -u
H="dotnet src/SimHarness/bin/Release/net10.0/SimHarness.dll"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for args in "EventRetryLimit --param checkDelay=3" "ProducerConsumer"; do
  for w in 1 2; do
    /usr/bin/time -f "  wall=%es cpu(user+sys)=%U+%Ss" $H explore $args --workers $w --traces /tmp/workers-figures 2>&1 | cut -c1-150
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
