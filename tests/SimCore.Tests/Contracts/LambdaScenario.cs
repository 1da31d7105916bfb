namespace SimHarness.Tests.Contracts;

/// <summary>A scenario whose main thread is a test's lambda, so one test body runs on every backend.</summary>
internal sealed class LambdaScenario(Func<ISim, Task> body, long maxSteps = 10_000) : Scenario
{
    public override string Description => "a test's lambda as the main thread";

    public override long MaxSteps => maxSteps;

    public override Task RunAsync(ISim sim) => body(sim);
}
