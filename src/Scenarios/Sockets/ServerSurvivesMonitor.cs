namespace SimHarness.Scenarios.Sockets;

/// <summary>The accept loop never dies: the server thread's end is a violation at that step.</summary>
/// <remarks>The server itself reports faults it catches through <c>server-survives</c> assertions during the run.</remarks>
internal sealed class ServerSurvivesMonitor : Monitor
{
    /// <inheritdoc />
    public override string Name => "server-survives";

    /// <inheritdoc />
    public override string Description => "the accept loop outlives every client fault";

    /// <inheritdoc />
    public override string? OnEvent(TraceEvent e) =>
        e is { Thread: "server", Op: "finish" } ? "the server's accept loop finished" : null;

    /// <inheritdoc />
    /// <remarks>A verdict depends on the event alone: nothing to remember.</remarks>
    public override void WriteState(StateWriter state)
    {
    }
}
