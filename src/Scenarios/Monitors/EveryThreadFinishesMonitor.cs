namespace SimHarness.Scenarios.Monitors;

/// <summary>Every thread the run created (and MainThread) has finished when the run ends by itself.</summary>
/// <remarks>
/// A run ends by itself once main and every non-daemon thread finished, so this catches a daemon
/// (or a thread never started) left behind. Threads are learnt from <c>create</c> events, in creation order.
/// </remarks>
/// <param name="name">The invariant the scenario reports it under.</param>
/// <param name="description">What it states.</param>
internal sealed class EveryThreadFinishesMonitor(string name, string description) : Monitor
{
    private readonly List<string> _threads = ["MainThread"];
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Description => description;

    /// <inheritdoc />
    public override string? OnEvent(TraceEvent e)
    {
        if (e.Op == "create" && e.Result is { } created)
        {
            _threads.Add(created);
        }
        else if (e.Op == "finish")
        {
            _finished.Add(e.Thread);
        }

        return null;
    }

    /// <inheritdoc />
    public override string? OnRunEnd(RunRecord run)
    {
        var unfinished = _threads.Where(t => !_finished.Contains(t)).ToArray();
        return unfinished.Length == 0 ? null : $"thread(s) never finished: {string.Join(", ", unfinished)}";
    }

    /// <inheritdoc />
    public override void WriteState(StateWriter state)
    {
        state.Add(_threads.Count);
        foreach (var t in _threads)
        {
            state.Add(t).Add(_finished.Contains(t));
        }
    }
}
