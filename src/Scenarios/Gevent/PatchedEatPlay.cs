using SimHarness.Greenlets;

namespace SimHarness.Scenarios.Gevent;

/// <summary>The seed's monkey-patched gevent program: eat and play are plain code that calls <c>time.sleep</c>, run inside the hub.</summary>
public class PatchedEatPlay : Scenario
{
    /// <inheritdoc />
    public override string Description => "gevent + monkey.patch_all(): plain sleep(5)/sleep(3) yield to the hub; play 2 at 3 s, eat 2 at 5 s";

    /// <summary>Explore every order of greenlets ready at one instant instead of gevent's FIFO order.</summary>
    [Param("explore every order of greenlets ready at one instant (false: gevent's order)")]
    public bool ExploreTies { get; set; }

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var patched = Monkey.PatchAll(sim);
        var hub = Hub.Get(patched);
        hub.ExploreTies = ExploreTies;
        var g1 = await hub.SpawnAsync(_ => EatAsync(patched, "egon"));
        var g2 = await hub.SpawnAsync(_ => PlayAsync(patched, "alex"));
        await hub.JoinAllAsync([g1, g2]);
    }

    // Written against ISim only, as the seed's eat/play are plain functions calling time.sleep.
    private static async Task<object?> EatAsync(ISim sim, string name)
    {
        await sim.PrintAsync($"{name} eat 1");
        await sim.SleepAsync(5);
        await sim.PrintAsync($"{name} eat 2");
        return null;
    }

    private static async Task<object?> PlayAsync(ISim sim, string name)
    {
        await sim.PrintAsync($"{name} play 1");
        await sim.SleepAsync(3);
        await sim.PrintAsync($"{name} play 2");
        return null;
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants => EatPlayInvariants.Timed("egon", "alex", 5, 3);
}
