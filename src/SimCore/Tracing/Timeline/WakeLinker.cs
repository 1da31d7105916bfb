namespace SimHarness.Tracing.Timeline;

/// <summary>Links each signaled wake-up to the step that caused it.</summary>
/// <remarks>
/// The cause is the most recent earlier step, by another lane, on the object the sleeper waited
/// on, whose operation can wake that kind of wait: a blocked <c>acquire</c> is woken by a
/// <c>release</c>, a blocked <c>get</c> by a <c>put</c>, and so on. Wake-ups by a timeout have no cause.
/// </remarks>
internal static class WakeLinker
{
    private static readonly string[] AnySignal =
        ["set", "notify", "notify_all", "release", "put", "get", "task_done", "finish", "send", "recv", "close", "shutdown", "abort", "reset"];

    private static readonly Dictionary<string, string[]> SignalsFor = new(StringComparer.Ordinal)
    {
        ["wait"] = ["set", "notify", "notify_all", "release", "abort", "reset"],
        ["acquire"] = ["release"],
        ["reacquire"] = ["release"],
        ["get"] = ["put"],
        ["put"] = ["get"],
        ["join"] = ["finish", "task_done"],
        ["recv"] = ["send", "close", "shutdown"],
        ["send"] = ["recv", "close", "shutdown"],
    };

    /// <summary>The wake arrows of <paramref name="events"/>, given each event's lane.</summary>
    public static IEnumerable<TimelineArrow> Links(IReadOnlyList<TraceEvent> events, int[] laneOf)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is { Op: "wake", Result: "signaled" } && Cause(events, laneOf, i) is { } cause)
            {
                yield return new TimelineArrow(cause, i, TimelineArrowKind.Wake);
            }
        }
    }

    /// <summary>The step that woke event <paramref name="wake"/>, or null when none in the log fits.</summary>
    /// <remarks>
    /// A waking step records its wake-ups either just after itself (set) or just before (release,
    /// notify, put, a barrier's last arrival): the wake-ups of one step are contiguous, so the
    /// step right before or right after that group is tried first, then any earlier step.
    /// </remarks>
    private static int? Cause(IReadOnlyList<TraceEvent> events, int[] laneOf, int wake)
    {
        var signals = BlockedOp(events, wake) is { } op && SignalsFor.TryGetValue(op, out var s) ? s : AnySignal;
        bool Fits(int j) =>
            j >= 0 && j < events.Count && events[j].Target == events[wake].Target && laneOf[j] != laneOf[wake]
            && events[j].Result != "blocked" && signals.Contains(events[j].Op);

        var before = wake - 1;
        while (before >= 0 && events[before].Op == "wake")
        {
            before--;
        }

        var after = wake + 1;
        while (after < events.Count && events[after].Op == "wake")
        {
            after++;
        }

        if (Fits(before))
        {
            return before;
        }

        if (Fits(after))
        {
            return after;
        }

        for (var j = before - 1; j >= 0; j--)
        {
            if (Fits(j))
            {
                return j;
            }
        }

        return null;
    }

    /// <summary>The operation the woken thread blocked in: its most recent earlier step on the same object that blocked.</summary>
    private static string? BlockedOp(IReadOnlyList<TraceEvent> events, int wake)
    {
        var w = events[wake];
        for (var j = wake - 1; j >= 0; j--)
        {
            var e = events[j];
            if (e.Thread == w.Thread && e.Target == w.Target && e.Result == "blocked")
            {
                return e.Op;
            }
        }

        return null;
    }
}
