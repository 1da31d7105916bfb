namespace SimHarness.Scenarios.Threading;

/// <summary>Broken twin of <see cref="EventCheckConnect"/>: the check pulses the event (set, then clear) without sleeping.</summary>
/// <remarks>A connect thread that reaches its wait after the pulse never wakes: a deadlock.</remarks>
[ExpectedToFail("deadlock")]
public sealed class EventCheckConnectLostWakeup : ConnectAndCheck
{
    /// <inheritdoc />
    public override string Description => "broken twin of EventCheckConnect: check pulses the event (set; clear), a late waiter never wakes";

    /// <inheritdoc />
    protected override async Task CheckAsync(ISim sim, Event ev)
    {
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Checking}");
        await ev.SetAsync();
        await ev.ClearAsync();
    }
}
