using SimHarness.Simulation;

namespace SimHarness.Tests.Shrinking;

/// <summary>Six data choices of three values each; choosing value 2 anywhere breaks <c>no-fault-two</c>.</summary>
public sealed class ShrinkFaultScenario : Scenario
{
    /// <inheritdoc />
    public override string Description => "test scenario: six fault choices, fault 2 anywhere is a violation";

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        new("no-fault-two", "no choice takes value 2", r => r.Transcript.Any(l => l.EndsWith(": 2", StringComparison.Ordinal)) ? "fault two was chosen" : null),
    ];

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var world = (World)sim;
        for (var i = 0; i < 6; i++)
        {
            var fault = world.Choose(3, "fault: none/one/two");
            await sim.PrintAsync($"choice {i}: {fault}");
        }
    }
}
