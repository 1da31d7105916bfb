namespace SimHarness.Scenarios.Threading;

/// <summary>A thread that gives up printed exactly <c>attempts</c> attempt lines and its last wait timed out: checked at the give-up line.</summary>
/// <param name="attempts">Attempt lines expected before giving up.</param>
/// <param name="tooMany">The give-up line.</param>
internal sealed class GivesUpAfterAttemptsMonitor(int attempts, string tooMany) : Monitor
{
    // Per thread, in the order threads first appear: attempt lines printed, and whether its last wait
    // timed out. A list, not a dictionary: a run has a handful of threads, and every event of every
    // run comes here, where hashing the name cost more than comparing it (the same string, mostly).
    private readonly List<(string Thread, int Attempts, bool TimedOut)> _threads = [];

    /// <inheritdoc />
    public override string Name => "gives-up-after-attempts";

    /// <inheritdoc />
    public override string Description => "a thread that gives up printed exactly `attempts` attempt lines and its last wait timed out";

    /// <inheritdoc />
    public override string? OnEvent(TraceEvent e)
    {
        var at = IndexOf(e.Thread);
        (string Thread, int Attempts, bool TimedOut) seen = at >= 0 ? _threads[at] : (e.Thread, 0, false);
        if (e.Op is "wait" or "wake")
        {
            Set(at, seen with { TimedOut = e is { Op: "wake", Result: "timeout" } or { Op: "wait", Result: "false" } });
        }
        else if (e.Op == "print" && e.Text == tooMany)
        {
            if (seen.Attempts != attempts)
            {
                return $"{e.Thread} gave up after {seen.Attempts} attempt line(s), expected {attempts}";
            }

            if (attempts > 0 && !seen.TimedOut)
            {
                return $"{e.Thread} gave up although its last wait did not time out";
            }
        }
        else if (e.Op == "print" && IsAttemptLine(e.Text!, e.Thread))
        {
            Set(at, seen with { Attempts = seen.Attempts + 1 });
        }

        return null;
    }

    /// <inheritdoc />
    public override void WriteState(StateWriter state)
    {
        state.Add(_threads.Count);
        foreach (var (thread, attemptLines, timedOut) in _threads.OrderBy(t => t.Thread, StringComparer.Ordinal))
        {
            state.Add(thread).Add(attemptLines).Add(timedOut);
        }
    }

    private int IndexOf(string thread)
    {
        for (var i = 0; i < _threads.Count; i++)
        {
            if (string.Equals(_threads[i].Thread, thread, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Set(int at, (string Thread, int Attempts, bool TimedOut) seen)
    {
        if (at >= 0)
        {
            _threads[at] = seen;
        }
        else
        {
            _threads.Add(seen);
        }
    }

    // The line starts with "<thread> 尝试第": checked in place, since every print of every run comes here.
    private static bool IsAttemptLine(string text, string thread) =>
        text.StartsWith(thread, StringComparison.Ordinal) && text.AsSpan(thread.Length).StartsWith(" 尝试第", StringComparison.Ordinal);
}
