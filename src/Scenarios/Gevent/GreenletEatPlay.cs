using SimHarness.Greenlets;

namespace SimHarness.Scenarios.Gevent;

/// <summary>The seed's greenlet program (9.151): eat and play hand control to each other with explicit switches.</summary>
/// <remarks>
/// <c>g1.switch('egon')</c> in main returns when play ends (g2's parent is main); g1 stays parked at
/// its second switch and is finalised when the main thread ends.
/// </remarks>
public class GreenletEatPlay : Scenario
{
    /// <inheritdoc />
    public override string Description => "greenlet: eat and play switch to each other explicitly (egon eat 1, alex play 1, egon eat 2, alex play 2)";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        Greenlet? g1 = null;
        Greenlet? g2 = null;
        g1 = new Greenlet(sim, async args =>
        {
            var name = args[0];
            await sim.PrintAsync($"{name} eat 1");
            await g2!.SwitchAsync("alex");
            await sim.PrintAsync($"{name} eat 2");
            await g2.SwitchAsync();
            return null;
        }, name: "eat");
        g2 = new Greenlet(sim, async args =>
        {
            var name = args[0];
            await sim.PrintAsync($"{name} play 1");
            await g1.SwitchAsync();
            await sim.PrintAsync($"{name} play 2");
            return null;
        }, name: "play");
        await g1.SwitchAsync("egon");
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("explicit-order", "the lines appear in the order the switches dictate", o => EatPlayInvariants.ExactTranscript(o, "egon eat 1", "alex play 1", "egon eat 2", "alex play 2")),
    ];
}
