namespace SimHarness.Tests.Coyote;

/// <summary>A scenario in an assembly Coyote has not rewritten (the test assembly).</summary>
public sealed class NotRewrittenScenario : Scenario
{
    /// <inheritdoc />
    public override string Description => "prints one line";

    /// <inheritdoc />
    public override Task RunAsync(ISim sim) => sim.PrintAsync("hello");
}
