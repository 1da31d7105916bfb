using SimHarness.Scenarios.Monitors;

namespace SimHarness.Scenarios.Threading;

/// <summary>What the Event scenarios check: end-of-run invariants over the output, and the monitors over the event log.</summary>
internal static class EventInvariants
{
    /// <summary>The monitors both Event scenarios share: connect only after set; every thread finishes.</summary>
    public static IEnumerable<Monitor> Shared(string connecting, string everyThreadEnds) =>
    [
        new ConnectAfterSetMonitor(connecting),
        new EveryThreadFinishesMonitor("every-thread-ends", everyThreadEnds),
    ];

    /// <summary>At least <paramref name="mustConnect"/> threads printed that they connect.</summary>
    public static string? EnoughConnect(IReadOnlyList<OutputLine> output, int connectThreads, string connecting, int mustConnect)
    {
        var connected = output.Count(o => o.Text.EndsWith(connecting, StringComparison.Ordinal));
        return connected < mustConnect
            ? $"only {connected} of {connectThreads} connect threads connected"
            : null;
    }
}
