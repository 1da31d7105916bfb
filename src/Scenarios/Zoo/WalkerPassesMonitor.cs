namespace SimHarness.Scenarios.Zoo;

/// <summary>
/// Liveness of the corridor: a walker that has raised its flag enters the corridor soon. The monitor
/// is hot while some walker has raised its flag and not yet entered; staying hot for more than
/// <see cref="Temperature"/> steps of the world is a livelock.
/// </summary>
/// <param name="temperature">The most consecutive steps some walker may be kept waiting.</param>
internal sealed class WalkerPassesMonitor(long temperature) : Monitor
{
    // Walkers that raised their flag and have not entered, by name (a yielding walker lowers and raises it again: still waiting).
    private readonly SortedSet<string> _waiting = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Name => "walker-passes";

    /// <inheritdoc />
    public override string Description => "a walker that raised its flag enters the corridor";

    /// <inheritdoc />
    public override bool IsHot => _waiting.Count > 0;

    /// <inheritdoc />
    public override long? Temperature => temperature;

    /// <inheritdoc />
    public override string? OnEvent(TraceEvent e)
    {
        if (!e.Thread.StartsWith("walker-", StringComparison.Ordinal))
        {
            return null;
        }

        if (e.Op == "set")
        {
            _waiting.Add(e.Thread);
        }
        else if (e.Op == "print" && e.Text!.EndsWith(ZooLivelockFixed.Enters, StringComparison.Ordinal))
        {
            _waiting.Remove(e.Thread);
        }

        return null;
    }

    /// <inheritdoc />
    public override void WriteState(StateWriter state)
    {
        state.Add(_waiting.Count);
        foreach (var w in _waiting)
        {
            state.Add(w);
        }
    }
}
