using SimHarness.Scenarios.Monitors;

namespace SimHarness.Scenarios.Zoo;

/// <summary>Two workers each need two tokens, each token an <see cref="Event"/> (set = free; take = wait, then clear); both take them in the same order.</summary>
/// <remarks>The fixed twin of <see cref="ZooEventDeadlock"/>: one global order of taking breaks the circular wait.</remarks>
public class ZooEventDeadlockFixed : Scenario
{
    internal const string Works = "works with both tokens";

    /// <inheritdoc />
    public override string Description => "zoo, fixed: two workers take two event tokens (wait; clear) in the same order, work, and put them back (set)";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var a = sim.NewEvent("token-a");
        var b = sim.NewEvent("token-b");
        await a.SetAsync();
        await b.SetAsync();
        var first = await sim.CreateThreadAsync(() => WorkAsync(sim, a, b), "worker");
        var (x, y) = SecondWorkerOrder(a, b);
        var second = await sim.CreateThreadAsync(() => WorkAsync(sim, x, y), "worker");
        await first.StartAsync();
        await second.StartAsync();
    }

    /// <summary>The order in which the second worker takes the tokens.</summary>
    protected virtual (Event First, Event Second) SecondWorkerOrder(Event a, Event b) => (a, b);

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("every-worker-works", "both workers get both tokens and work", output => ZooInvariants.CountOf(output, Works, 2)),
    ];

    /// <inheritdoc />
    public override IEnumerable<Monitor> Monitors => [new EveryThreadFinishesMonitor("every-thread-ends", "every thread finishes")];

    private static async Task WorkAsync(ISim sim, Event first, Event second)
    {
        await TakeAsync(first);
        await TakeAsync(second);
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Works}");
        await second.SetAsync();
        await first.SetAsync();
    }

    private static async Task TakeAsync(Event token)
    {
        await token.WaitAsync();
        await token.ClearAsync();
    }
}
