namespace SimHarness.Tests.Cli;

/// <summary>A user scenario that needs an assembly found only beside its own (NUnit's): loading it must find that one.</summary>
public sealed class CliDependencyScenario : Scenario
{
    /// <inheritdoc />
    public override string Description => "a user scenario that uses a dependency of its assembly";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        await sim.PrintAsync("uses " + typeof(Assert).Assembly.GetName().Name);
    }
}
