namespace SimHarness.Tracing.Timeline;

/// <summary>Lays a trace out as a <see cref="Timeline"/>: lanes, steps, arrows and the violation's marks.</summary>
internal static class TimelineBuilder
{
    /// <summary>Builds the timeline of <paramref name="trace"/>.</summary>
    public static Timeline Build(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var events = trace.Events;
        var (lanes, laneOf) = AssignLanes(events);
        var steps = events.Select((e, i) => new TimelineStep(i, e, laneOf[i])).ToArray();
        var arrows = WakeLinker.Links(events, laneOf)
            .Concat(StreamLinker.Links(events))
            .Concat(SwitchLinks(events, laneOf))
            .Distinct()
            .OrderBy(a => a.To).ThenBy(a => a.From).ThenBy(a => a.Kind)
            .ToArray();
        var lastOfLane = new Dictionary<int, int>();
        for (var i = 0; i < steps.Length; i++)
        {
            if (laneOf[i] >= 0)
            {
                lastOfLane[laneOf[i]] = i;
            }
        }

        var blocked = lastOfLane.Where(kv => events[kv.Value].Result == "blocked").Select(kv => kv.Key).ToHashSet();
        int? violationStep = trace.Violation is null || events.Count == 0 ? null : LastStep(events);
        var implicated = trace.Violation is null
            ? new HashSet<int>()
            : lanes.Where(l => lastOfLane.ContainsKey(l.Index) && Names(trace.Violation.Message, l))
                .Select(l => lastOfLane[l.Index]).ToHashSet();
        return new Timeline
        {
            Trace = trace,
            Lanes = lanes,
            Steps = steps,
            Arrows = arrows,
            ViolationStep = violationStep,
            ImplicatedSteps = implicated,
            BlockedAtEnd = blocked,
        };
    }

    /// <summary>One lane per (thread, greenlet) that took a step; each thread's greenlets right after its own lane.</summary>
    private static (IReadOnlyList<TimelineLane> Lanes, int[] LaneOf) AssignLanes(IReadOnlyList<TraceEvent> events)
    {
        var threads = new List<string>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var greenletsOf = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Thread.Length == 0)
            {
                continue;
            }

            if (!greenletsOf.TryGetValue(e.Thread, out var gs))
            {
                threads.Add(e.Thread);
                first[e.Thread] = i;
                greenletsOf[e.Thread] = gs = [];
            }

            if (!gs.Contains(e.Greenlet))
            {
                gs.Add(e.Greenlet);
            }
        }

        // Threads in creation order where the log shows it (a `create` step names the new thread), so
        // Thread-2 stands beside Thread-1 even if Thread-3 ran first; else by first step.
        var created = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is { Op: "create", Result: { } name })
            {
                created.TryAdd(name, i);
            }
        }

        var ordered = threads.OrderBy(t => Math.Min(first[t], created.GetValueOrDefault(t, int.MaxValue))).ThenBy(t => first[t]);
        var lanes = new List<TimelineLane>();
        var index = new Dictionary<(string, string?), int>();
        foreach (var t in ordered)
        {
            // The thread's own lane first, then its greenlets in order of appearance.
            foreach (var g in greenletsOf[t].OrderBy(g => g is null ? 0 : 1))
            {
                index[(t, g)] = lanes.Count;
                lanes.Add(new TimelineLane(lanes.Count, t, g));
            }
        }

        var laneOf = events.Select(e => e.Thread.Length == 0 ? -1 : index[(e.Thread, e.Greenlet)]).ToArray();
        return (lanes, laneOf);
    }

    /// <summary>Consecutive steps of one thread in different greenlets: control switched between them.</summary>
    private static IEnumerable<TimelineArrow> SwitchLinks(IReadOnlyList<TraceEvent> events, int[] laneOf)
    {
        var previous = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var thread = events[i].Thread;
            if (thread.Length == 0)
            {
                continue;
            }

            if (previous.TryGetValue(thread, out var p) && laneOf[p] != laneOf[i])
            {
                yield return new TimelineArrow(p, i, TimelineArrowKind.Switch);
            }

            previous[thread] = i;
        }
    }

    /// <summary>The run's last step: invariants are checked when the run ends, so that is where it failed.</summary>
    private static int LastStep(IReadOnlyList<TraceEvent> events)
    {
        var i = events.Count - 1;
        while (i > 0 && events[i].Thread.Length == 0)
        {
            i--;
        }

        return i;
    }

    private static bool Names(string message, TimelineLane lane) =>
        message.Contains(lane.Name, StringComparison.Ordinal);
}
