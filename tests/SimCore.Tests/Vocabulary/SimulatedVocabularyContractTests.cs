using SimHarness.Exploration;
using SimHarness.Tests.Contracts;

namespace SimHarness.Tests.Vocabulary;

/// <summary>The vocabulary's contract on the built-in scheduler, canonical schedule, virtual time.</summary>
[TestFixture]
public sealed class SimulatedVocabularyContractTests : VocabularyContractTests
{
    protected override decimal Delay => 1m;

    protected override decimal Never => 100m;

    protected override decimal Slack => 0m;

    protected override RunRecord Run(Func<ISim, Task> body) =>
        BuiltInExecutor.Run(new LambdaScenario(body), new CanonicalStrategy()).Record;
}
