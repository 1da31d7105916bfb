namespace SimHarness.Tracing.Timeline;

/// <summary>Links each signaled wake-up to the step that caused it.</summary>
/// <remarks>
/// The cause is a step, by another lane, on the object the sleeper waited on, whose operation can
/// wake that kind of wait (a blocked <c>acquire</c> is woken by a <c>release</c>, a blocked
/// <c>get</c> by a <c>put</c>...), found next to the wake-up in the log. Wake-ups by a timeout have no cause.
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
    /// A step logs its wake-ups inside its own atomic section, either just after itself (<c>set</c>,
    /// <c>finish</c>) or just before (<c>release</c>, <c>notify</c>, <c>put</c>, <c>send</c>, a
    /// barrier's last arrival): the wake-ups of one step are contiguous. So the step right before
    /// that group is the cause if it acts on the sleeper's object, else the step right after it if
    /// it does, else the step right after it anyway when another thread took it (a socket end wakes
    /// a waiter registered on its connection, a hub is woken for its greenlet's socket), and only
    /// failing all that the latest earlier step that could have woken that wait.
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

        if (after < events.Count && events[after].Thread.Length > 0 && events[after].Thread != events[wake].Thread)
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
