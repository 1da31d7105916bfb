namespace SimHarness.Scenarios.Threading;

/// <summary>Invariants shared by the Event scenarios, stated over a run's output and event log.</summary>
internal static class EventInvariants
{
    /// <summary>Every "connecting" line comes after some set of the event.</summary>
    public static string? ConnectOnlyAfterSet(RunRecord r, string connecting)
    {
        var setSeen = false;
        foreach (var e in r.Events)
        {
            if (e.Op == "set")
            {
                setSeen = true;
            }
            else if (e.Op == "print" && e.Text!.EndsWith(connecting, StringComparison.Ordinal) && !setSeen)
            {
                return $"{e.Thread} printed '{e.Text}' at t={e.TimeMicros / 1_000_000m}s before the event was set";
            }
        }

        return null;
    }

    /// <summary>A thread that gives up printed exactly <paramref name="attempts"/> attempt lines, and its last wait timed out.</summary>
    public static string? GivesUpAfterAttempts(RunRecord r, int attempts, string tooMany)
    {
        foreach (var line in r.Output.Where(o => o.Text == tooMany))
        {
            var printed = r.Output.Count(o => o.Thread == line.Thread && o.Text.StartsWith(line.Thread + " 尝试第", StringComparison.Ordinal));
            if (printed != attempts)
            {
                return $"{line.Thread} gave up after {printed} attempt line(s), expected {attempts}";
            }

            var lastWait = r.Events.LastOrDefault(e => e.Thread == line.Thread && e.Op is "wait" or "wake");
            var timedOut = lastWait is { Op: "wake", Result: "timeout" } or { Op: "wait", Result: "false" };
            if (attempts > 0 && !timedOut)
            {
                return $"{line.Thread} gave up although its last wait did not time out";
            }
        }

        return null;
    }

    /// <summary>Every thread finished, and at least <paramref name="mustConnect"/> threads printed that they connect.</summary>
    public static string? EveryThreadEnds(RunRecord r, int connectThreads, string connecting, int mustConnect)
    {
        var finished = r.Events.Where(e => e.Op == "finish").Select(e => e.Thread).ToHashSet(StringComparer.Ordinal);
        var unfinished = r.Threads.Where(t => !finished.Contains(t)).ToArray();
        if (unfinished.Length > 0)
        {
            return $"thread(s) never finished: {string.Join(", ", unfinished)}";
        }

        var connected = r.Output.Count(o => o.Text.EndsWith(connecting, StringComparison.Ordinal));
        return connected < mustConnect
            ? $"only {connected} of {connectThreads} connect threads connected"
            : null;
    }
}
