namespace SimHarness.Tests.Cli;

/// <summary>A scenario outside Scenarios.dll, found only through <c>--assembly</c>.</summary>
public sealed class CliUserScenario : Scenario
{
    /// <summary>How many lines to print.</summary>
    [Param("lines the main thread prints")]
    public int Lines { get; set; } = 2;

    /// <inheritdoc />
    public override string Description => "a user scenario loaded with --assembly";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        for (var i = 0; i < Lines; i++)
        {
            await sim.PrintAsync($"line {i}");
        }
    }
}
