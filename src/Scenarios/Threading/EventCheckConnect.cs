namespace SimHarness.Scenarios.Threading;

/// <summary>The seed's first Event program: three connect threads wait until the check thread sets the event.</summary>
public class EventCheckConnect : ConnectAndCheck
{
    /// <inheritdoc />
    public override string Description => "threading.Event: connect threads wait until check sets the event after checkDelay seconds";

    /// <summary>Seconds the check thread sleeps before setting the event.</summary>
    [Param("seconds the check thread sleeps before setting the event")]
    public decimal CheckDelay { get; set; } = 3;

    /// <inheritdoc />
    protected override async Task CheckAsync(ISim sim, Event ev)
    {
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Checking}");
        await sim.SleepAsync(CheckDelay);
        await ev.SetAsync();
    }
}
