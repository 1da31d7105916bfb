namespace SimHarness.Tests.Hostile;

/// <summary>A user scenario whose invariant throws (as ZooDeadSwitch's did with requests=-1), found through <c>--assembly</c>.</summary>
public sealed class ThrowingInvariantScenario : Scenario
{
    /// <inheritdoc />
    public override string Description => "an invariant that throws instead of answering";

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        new Invariant("never-throws", "the check indexes past the output", r => r.Output[5].Text),
    ];

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        await sim.PrintAsync("one line");
    }
}
