using SimHarness.Greenlets;

namespace SimHarness.Scenarios.Gevent;

/// <summary>The seed's gevent program (9.152): eat sleeps 5 s and play 3 s on the hub; joinall waits for both.</summary>
public class GeventEatPlay : Scenario
{
    /// <inheritdoc />
    public override string Description => "gevent: spawn eat (sleep 5) and play (sleep 3), joinall; play 2 at 3 s, eat 2 at 5 s";

    /// <summary>Explore every order of greenlets ready at one instant instead of gevent's FIFO order.</summary>
    [Param("explore every order of greenlets ready at one instant (false: gevent's order)")]
    public bool ExploreTies { get; set; }

    /// <summary>Seconds eat sleeps.</summary>
    [Param("seconds eat sleeps")]
    public decimal EatSleep { get; set; } = 5;

    /// <summary>Seconds play sleeps.</summary>
    [Param("seconds play sleeps")]
    public decimal PlaySleep { get; set; } = 3;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var hub = Hub.Get(sim);
        hub.ExploreTies = ExploreTies;
        var g1 = await hub.SpawnAsync(async args =>
        {
            await sim.PrintAsync($"{args[0]} eat 1");
            await hub.SleepAsync(EatSleep);
            await sim.PrintAsync($"{args[0]} eat 2");
            return null;
        }, "egon");
        var g2 = await hub.SpawnAsync(async args =>
        {
            await sim.PrintAsync($"{args[0]} play 1");
            await hub.SleepAsync(PlaySleep);
            await sim.PrintAsync($"{args[0]} play 2");
            return null;
        }, "alex");
        await hub.JoinAllAsync([g1, g2]);
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants => EatPlayInvariants.Timed("egon", "alex", EatSleep, PlaySleep);
}
