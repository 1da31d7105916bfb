using SimHarness.Real;
using SimHarness.Tests.Contracts;

namespace SimHarness.Tests.Vocabulary;

/// <summary>The vocabulary's contract on the real backend: OS threads, wall-clock time, short real timeouts.</summary>
[TestFixture]
[Category("Real")]
public sealed class RealVocabularyContractTests : VocabularyContractTests
{
    protected override decimal Delay => 0.05m;

    protected override decimal Never => 30m;

    protected override decimal Slack => 2m;

    protected override RunRecord Run(Func<ISim, Task> body) =>
        RealExecutor.Run(new LambdaScenario(body), TimeSpan.FromSeconds(10));
}
