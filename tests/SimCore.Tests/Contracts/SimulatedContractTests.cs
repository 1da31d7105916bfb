using SimHarness.Exploration;

namespace SimHarness.Tests.Contracts;

/// <summary>The primitives' contract on the built-in scheduler, canonical schedule, virtual time.</summary>
[TestFixture]
public sealed class SimulatedContractTests : ContractTests
{
    // Virtual time costs nothing: use whole seconds, and demand exact times.
    protected override decimal Delay => 1m;

    protected override decimal Never => 100m;

    protected override decimal Slack => 0m;

    protected override RunRecord Run(Func<ISim, Task> body) =>
        BuiltInExecutor.Run(new LambdaScenario(body), new CanonicalStrategy()).Record;
}
