using SimHarness.Exploration;

namespace SimHarness.Tests.Exploration.Bounding;

/// <summary>
/// With a bound no run reaches, the bounded search is the unbounded one: on every scenario of the catalog at
/// small parameters, the same distinct transcripts and violations, and the report says no run was cut.
/// The iterative search, which raises the bound until none is cut, ends at the same place.
/// </summary>
public class BoundedCatalogTests
{
    private const int LargeBound = 10_000;

    private static IEnumerable<TestCaseData> Cases() => SmallParams.Cases(nameof(Bounded_LargeBoundOrIterative_EqualsTheUnboundedSearch));

    [TestCaseSource(nameof(Cases))]
    public void Bounded_LargeBoundOrIterative_EqualsTheUnboundedSearch(string scenario, string? overrides)
    {
        var (info, values) = SmallParams.Resolve(scenario, overrides);
        var capped = SmallParams.FullSearchCapped.Contains(scenario);
        var cap = capped ? SmallParams.CappedRuns : 50_000;

        var unbounded = Explorer.Explore(info, values, new ExplorationOptions { TracesDirectory = null, MaxOutcomes = int.MaxValue });
        var bounded = Explore(info, values, cap, o => o with { MaxPreemptions = LargeBound });
        // Bound k runs the runs of the bounds before it again: the iterative search's cap covers every bound.
        var iterative = Explore(info, values, capped ? cap : 10 * cap, o => o with { Iterative = true });

        if (capped)
        {
            // The bounded search has no reduction: it cannot finish here, and what its first runs reach the unbounded search reaches too.
            Assert.Multiple(() =>
            {
                Assert.That(unbounded.Complete, Is.True);
                Assert.That(CatalogReductionTests.Transcripts(bounded), Is.SubsetOf(CatalogReductionTests.Transcripts(unbounded)));
                Assert.That(CatalogReductionTests.Violations(bounded), Is.SubsetOf(CatalogReductionTests.Violations(unbounded)));
                Assert.That(CatalogReductionTests.Transcripts(iterative), Is.SubsetOf(CatalogReductionTests.Transcripts(unbounded)));
                Assert.That(CatalogReductionTests.Violations(iterative), Is.SubsetOf(CatalogReductionTests.Violations(unbounded)));
            });
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(unbounded.Complete, Is.True);
            foreach (var (sut, what) in new[] { (bounded, "bounded"), (iterative, "iterative") })
            {
                Assert.That((sut.Complete, sut.UnboundedComplete), Is.EqualTo((true, (bool?)true)), what + ": finished, no run cut");
                Assert.That(CatalogReductionTests.Transcripts(sut), Is.EquivalentTo(CatalogReductionTests.Transcripts(unbounded)), what + ": distinct transcripts");
                Assert.That(CatalogReductionTests.Violations(sut), Is.EquivalentTo(CatalogReductionTests.Violations(unbounded)), what + ": violations (invariant and message)");
            }

            Assert.That(bounded.PreemptionBound, Is.EqualTo(LargeBound));
            Assert.That(iterative.Outcomes.Sum(o => o.Count), Is.EqualTo(bounded.Outcomes.Sum(o => o.Count)), "the iterative search tallies each run once, whatever bound made it first");
        });
    }

    private static ExplorationReport Explore(Catalog.ScenarioInfo info, IReadOnlyDictionary<string, object> values, int cap, Func<ExplorationOptions, ExplorationOptions> bound) =>
        Explorer.Explore(info, values, bound(new ExplorationOptions { TracesDirectory = null, MaxOutcomes = int.MaxValue, Iterations = cap }));
}
