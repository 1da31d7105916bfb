using SimHarness.Real;

namespace SimHarness.Tests.Contracts;

/// <summary>The primitives' contract on the real backend: OS threads, wall-clock time, short real timeouts.</summary>
[TestFixture]
[Category("Real")]
public sealed class RealContractTests : ContractTests
{
    // Wall time is real: short delays keep the suite fast; the slack absorbs a loaded 2-core machine.
    protected override decimal Delay => 0.05m;

    protected override decimal Never => 30m;

    protected override decimal Slack => 2m;

    protected override RunRecord Run(Func<ISim, Task> body) =>
        RealExecutor.Run(new LambdaScenario(body), TimeSpan.FromSeconds(10));
}
