using SimHarness.Exploration;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// Issue 5, item 1: for every scenario of the catalog at small parameters, the exhaustive search
/// with partial-order reduction reaches exactly the distinct transcripts and the violations of the
/// search without it, and the reduced search is complete whenever the full one is.
/// </summary>
public class CatalogReductionTests
{
    private static IEnumerable<TestCaseData> Cases() => SmallParams.Cases(nameof(Reduction_OnEveryScenario_KeepsTranscriptsAndViolations));

    [TestCaseSource(nameof(Cases))]
    public void Reduction_OnEveryScenario_KeepsTranscriptsAndViolations(string scenario, string? overrides)
    {
        var (info, values) = SmallParams.Resolve(scenario, overrides);

        var full = Explore(info, values, reduction: false);
        var sut = Explore(info, values, reduction: true);

        Assert.Multiple(() =>
        {
            Assert.That(full.Complete, Is.True, "the full search finishes at the small parameters (else pick smaller ones)");
            Assert.That(sut.Complete, Is.True);
            Assert.That(Transcripts(sut), Is.EquivalentTo(Transcripts(full)), "distinct transcripts");
            Assert.That(sut.DistinctOutputs, Is.EqualTo(full.DistinctOutputs));
            Assert.That(Violations(sut), Is.EquivalentTo(Violations(full)), "violations (invariant and message)");
            Assert.That(sut.Schedules, Is.LessThanOrEqualTo(full.Schedules));
        });
    }

    internal static ExplorationReport Explore(Catalog.ScenarioInfo info, IReadOnlyDictionary<string, object> values, bool reduction, int workers = 1) =>
        Explorer.Explore(info, values, new ExplorationOptions
        {
            Reduction = reduction,
            Workers = workers,
            TracesDirectory = null,
            MaxOutcomes = int.MaxValue,
            Iterations = 50_000,
        });

    internal static IEnumerable<string> Transcripts(ExplorationReport r) => r.Outcomes.Select(o => string.Join('\n', o.Output));

    internal static IEnumerable<string> Violations(ExplorationReport r) => r.Violations.Select(v => v.Invariant + ": " + v.Message);
}
