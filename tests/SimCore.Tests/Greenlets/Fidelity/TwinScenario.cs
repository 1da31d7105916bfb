namespace SimHarness.Tests.Greenlets.Fidelity;

/// <summary>A C# twin of a Python fidelity program, as a scenario.</summary>
internal sealed class TwinScenario(string name, Func<ISim, Task> body) : Scenario
{
    public override string Name => name;

    public override string Description => $"C# twin of tests/fidelity/{name}.py";

    public override Task RunAsync(ISim sim) => body(sim);
}
