using SimHarness.Greenlets;

namespace SimHarness.Scenarios.Gevent;

/// <summary>The seed's "fake thread names" program: under monkey-patching each greenlet's current thread is gevent's <c>Dummy-N</c>.</summary>
/// <remarks>The seed printed <c>DummyThread-N</c> (older gevent); gevent 22.10 prints <c>Dummy-N</c>.</remarks>
public class PatchedThreadNames : Scenario
{
    /// <inheritdoc />
    public override string Description => "gevent + monkey.patch_all(): main prints MainThread, the greenlets print Dummy-1 and Dummy-2";

    /// <summary>Explore every order of greenlets ready at one instant instead of gevent's FIFO order.</summary>
    [Param("explore every order of greenlets ready at one instant (false: gevent's order)")]
    public bool ExploreTies { get; set; }

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var patched = Monkey.PatchAll(sim);
        var hub = Hub.Get(patched);
        hub.ExploreTies = ExploreTies;
        var g1 = await hub.SpawnAsync(_ => EatAsync(patched));
        var g2 = await hub.SpawnAsync(_ => PlayAsync(patched));
        await patched.PrintAsync(patched.CurrentThread.Name);
        await hub.JoinAllAsync([g1, g2]);
    }

    private static async Task<object?> EatAsync(ISim sim)
    {
        await sim.PrintAsync($"{sim.CurrentThread.Name} eat 1");
        await sim.SleepAsync(5);
        await sim.PrintAsync($"{sim.CurrentThread.Name} eat 2");
        return null;
    }

    private static async Task<object?> PlayAsync(ISim sim)
    {
        await sim.PrintAsync($"{sim.CurrentThread.Name} play 1");
        await sim.SleepAsync(3);
        await sim.PrintAsync($"{sim.CurrentThread.Name} play 2");
        return null;
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("main-is-MainThread", "the main greenlet's thread is MainThread", o => o.Count > 0 && o[0].Text == "MainThread" ? null : "the first line is not MainThread"),
        Invariant.OverOutput("stable-dummy-names", "each greenlet keeps one Dummy-N name and the two names differ", EatPlayInvariants.StableDummyNames),
    ];
}
