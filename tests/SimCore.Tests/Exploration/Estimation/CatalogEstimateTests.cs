using SimHarness.Exploration;

namespace SimHarness.Tests.Exploration.Estimation;

/// <summary>
/// Issue 12, item 2, evidence: on every catalog scenario at small parameters the estimate comes
/// within a factor of 2 of the number of runs the search without reduction makes; where that search
/// cannot finish, the estimate says the tree is larger than the runs it made.
/// </summary>
public class CatalogEstimateTests
{
    private const int Probes = 1000;

    private static IEnumerable<TestCaseData> Cases() => SmallParams.Cases(nameof(Estimate_OnEveryScenario_WithinAFactorOfTwoOfTheUnreducedCount));

    [TestCaseSource(nameof(Cases))]
    public void Estimate_OnEveryScenario_WithinAFactorOfTwoOfTheUnreducedCount(string scenario, string? overrides)
    {
        var (info, values) = SmallParams.Resolve(scenario, overrides);
        var capped = SmallParams.FullSearchCapped.Contains(scenario);

        var sut = Explorer.Estimate(info, values, new ExplorationOptions { EstimateProbes = Probes, EstimateBudget = TimeSpan.FromMinutes(5) })!;
        var full = CatalogReductionTests.Explore(info, values, reduction: false, cap: capped ? SmallParams.CappedRuns : 50_000);

        if (capped)
        {
            Assert.Multiple(() =>
            {
                Assert.That(full.Complete, Is.False, "the full search is capped because it does not finish");
                Assert.That(sut.Schedules, Is.GreaterThan(full.Schedules), "the estimate of a tree the capped search did not finish");
            });
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(full.Complete, Is.True, "the full search finishes at the small parameters");
            Assert.That(sut.Probes, Is.EqualTo(Probes));
            Assert.That(sut.Schedules / full.Schedules, Is.InRange(0.5, 2.0), $"estimate {sut.Schedules} [{sut.Low}, {sut.High}] vs {full.Schedules}");
        });
    }
}
