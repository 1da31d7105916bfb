namespace SimHarness.Tests.Monitors;

/// <summary>A liveness monitor for the tests: hot from the start until the line <c>owed</c> is printed; it also keeps every op it saw.</summary>
internal sealed class OwedLineMonitor(string owed, long? temperature) : Monitor
{
    private bool _paid;

    /// <summary>The ops of every event shown to the monitor, in order.</summary>
    public List<string> Ops { get; } = [];

    public override string Name => "owed-line";

    public override string Description => $"'{owed}' is printed";

    public override bool IsHot => !_paid;

    public override long? Temperature => temperature;

    public override string? OnEvent(TraceEvent e)
    {
        Ops.Add(e.Op);
        _paid |= e.Op == "print" && e.Text == owed;
        return null;
    }

    public override void WriteState(StateWriter state) => state.Add(_paid);
}
