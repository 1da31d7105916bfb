using SimHarness;
using Monitor = SimHarness.Monitor; // System.Threading, an implicit using, has a Monitor too

namespace MyScenarios;

/// <summary>Liveness: some worker starts the service before the run ends (the monitor is hot until one does).</summary>
internal sealed class ServiceStarted : Monitor
{
    private bool _started;

    public override string Name => "service-started";

    public override bool IsHot => !_started;

    public override string? OnEvent(TraceEvent e)
    {
        _started |= e.Op == "print" && e.Text!.EndsWith("starts the service", StringComparison.Ordinal);
        return null;
    }

    // All the monitor's future verdicts depend on: whether the service was started.
    public override void WriteState(StateWriter state) => state.Add(_started);
}
