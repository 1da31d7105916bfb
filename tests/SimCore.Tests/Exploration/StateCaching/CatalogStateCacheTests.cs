using SimHarness.Catalog;
using SimHarness.Exploration;

namespace SimHarness.Tests.Exploration.StateCaching;

/// <summary>
/// On every scenario of the catalog at its small parameters, the state-cached search reaches exactly
/// the distinct transcripts and violations of the search over every interleaving (without reduction or
/// caching), and of the reduced search without caching.
/// </summary>
public class CatalogStateCacheTests
{
    private static IEnumerable<TestCaseData> Cases() => SmallParams.Cases(nameof(StateCache_OnEveryScenario_KeepsTranscriptsAndViolations));

    [TestCaseSource(nameof(Cases))]
    public void StateCache_OnEveryScenario_KeepsTranscriptsAndViolations(string scenario, string? overrides)
    {
        var (info, values) = SmallParams.Resolve(scenario, overrides);
        var capped = SmallParams.FullSearchCapped.Contains(scenario);

        var full = Explore(info, values, reduction: false, cache: false, cap: capped ? SmallParams.CappedRuns : 50_000);
        var uncached = Explore(info, values, reduction: true, cache: false);
        var sut = Explore(info, values, reduction: true, cache: true);

        Assert.Multiple(() =>
        {
            Assert.That(sut.StateCaching, Is.EqualTo("on"), "every catalog scenario can be explored with state caching");
            Assert.That(sut.Complete && uncached.Complete, Is.True);
            Assert.That(Transcripts(sut), Is.EquivalentTo(Transcripts(uncached)), "distinct transcripts, against the uncached reduced search");
            Assert.That(Violations(sut), Is.EquivalentTo(Violations(uncached)), "violations, against the uncached reduced search");
            if (capped)
            {
                Assert.That(Transcripts(full), Is.SubsetOf(Transcripts(sut)), "what the capped full search reaches");
                Assert.That(Violations(full), Is.SubsetOf(Violations(sut)));
            }
            else
            {
                Assert.That(full.Complete, Is.True);
                Assert.That(Transcripts(sut), Is.EquivalentTo(Transcripts(full)), "distinct transcripts, against the full search");
                Assert.That(Violations(sut), Is.EquivalentTo(Violations(full)), "violations, against the full search");
            }
        });
    }

    private static ExplorationReport Explore(ScenarioInfo info, IReadOnlyDictionary<string, object> values, bool reduction, bool cache, int cap = 50_000) =>
        Explorer.Explore(info, values, new ExplorationOptions
        {
            Reduction = reduction,
            StateCache = cache,
            TracesDirectory = null,
            MaxOutcomes = int.MaxValue,
            Iterations = cap,
        });

    private static IEnumerable<string> Transcripts(ExplorationReport r) => CatalogReductionTests.Transcripts(r);

    private static IEnumerable<string> Violations(ExplorationReport r) => CatalogReductionTests.Violations(r);
}
