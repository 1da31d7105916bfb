namespace SimHarness.Scenarios.Threading;

/// <summary>Every "connecting" line comes after some set of the event: reported at the print that breaks it.</summary>
/// <param name="connecting">The suffix of a connect line.</param>
internal sealed class ConnectAfterSetMonitor(string connecting) : Monitor
{
    private bool _setSeen;

    /// <inheritdoc />
    public override string Name => "connect-after-set";

    /// <inheritdoc />
    public override string Description => "a thread prints that it connects only after the event is set";

    /// <inheritdoc />
    public override string? OnEvent(TraceEvent e)
    {
        if (e.Op == "set")
        {
            _setSeen = true;
        }
        else if (e.Op == "print" && !_setSeen && e.Text!.EndsWith(connecting, StringComparison.Ordinal))
        {
            return $"{e.Thread} printed '{e.Text}' at t={e.TimeMicros / 1_000_000m}s before the event was set";
        }

        return null;
    }

    /// <inheritdoc />
    public override void WriteState(StateWriter state) => state.Add(_setSeen);
}
