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
        var capped = SmallParams.FullSearchCapped.Contains(scenario);

        var full = Explore(info, values, reduction: false, cap: capped ? SmallParams.CappedRuns : 50_000);
        var sut = Explore(info, values, reduction: true);

        if (capped)
        {
            // The full search cannot finish: what its first interleavings reach, the reduced search reaches too.
            Assert.Multiple(() =>
            {
                Assert.That(sut.Complete, Is.True);
                Assert.That(Transcripts(full), Is.SubsetOf(Transcripts(sut)), "distinct transcripts");
                Assert.That(Violations(full), Is.SubsetOf(Violations(sut)), "violations (invariant and message)");
            });
            return;
        }

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

    internal static ExplorationReport Explore(Catalog.ScenarioInfo info, IReadOnlyDictionary<string, object> values, bool reduction, int workers = 1, int cap = 50_000) =>
        Explorer.Explore(info, values, new ExplorationOptions
        {
            Reduction = reduction,
            StateCache = false,
            Workers = workers,
            TracesDirectory = null,
            MaxOutcomes = int.MaxValue,
            Iterations = cap,
        });

    internal static IEnumerable<string> Transcripts(ExplorationReport r) => r.Outcomes.Select(o => string.Join('\n', o.Output));

    /// <summary>Violations by invariant and message; a step-bound cut by invariant only, since which thread was about to step when the bound hit depends on the run the search took.</summary>
    internal static IEnumerable<string> Violations(ExplorationReport r) =>
        r.Violations.Select(v => v.Invariant == "step-bound" ? v.Invariant : v.Invariant + ": " + v.Message).Distinct();
}
