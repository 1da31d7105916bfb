using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Exploration.Parallel;

namespace SimHarness.Tests.Exploration.Estimation;

/// <summary>The estimate made before an exhaustive search: in its report and in every progress report after it.</summary>
public class ExploreEstimateTests
{
    private static readonly ScenarioInfo s_info = new(typeof(ChoiceChain));

    [TestCase(false)]
    [TestCase(true)]
    public void Explore_WithProbes_ReportsTheEstimateAndWhetherItOnlyBoundsTheSearch(bool reduction)
    {
        var values = s_info.ResolveParams(null);

        var sut = Explorer.Explore(s_info, values, new ExplorationOptions { Reduction = reduction, EstimateProbes = 5, TracesDirectory = null });

        Assert.Multiple(() =>
        {
            // 3 x 2 x 4 choices: every probe's estimate is 24, and so is the search without reduction.
            Assert.That(sut.Estimate!.Schedules, Is.EqualTo(24));
            Assert.That(sut.Estimate.Probes, Is.EqualTo(5));
            Assert.That(sut.EstimateIsUpperBound, Is.EqualTo(reduction));
            Assert.That(reduction ? sut.Schedules <= 24 : sut.Schedules == 24, Is.True, $"schedules {sut.Schedules}");
        });
    }

    [Test]
    public void Explore_WithProbes_EveryProgressReportCarriesTheEstimate()
    {
        var reports = new List<ExplorationProgress>();

        var sut = Explorer.Explore(s_info, s_info.ResolveParams(null), new ExplorationOptions
        {
            Reduction = false,
            EstimateProbes = 5,
            TracesDirectory = null,
            Progress = new SyncProgress(reports.Add),
        });

        Assert.Multiple(() =>
        {
            Assert.That(reports, Is.Not.Empty);
            Assert.That(reports.Select(r => r.Estimate), Is.All.EqualTo(sut.Estimate));
            Assert.That(reports.Select(r => r.EstimateIsUpperBound), Is.All.False);
        });
    }

    [TestCase("random", null)]
    [TestCase("exhaustive", "1/2")]
    [TestCase("exhaustive", null)]
    public void Explore_SamplingShardedOrWithoutProbes_MakesNoEstimate(string strategy, string? shard)
    {
        var probes = strategy == "exhaustive" && shard is null ? 0 : 5;

        var sut = Explorer.Explore(s_info, s_info.ResolveParams(null), new ExplorationOptions
        {
            Strategy = strategy,
            Iterations = strategy == "random" ? 10 : null,
            Shard = shard is null ? null : ShardSpec.Parse(shard),
            EstimateProbes = probes,
            TracesDirectory = null,
        });

        Assert.That(sut.Estimate, Is.Null);
    }

    [Test]
    public void Explore_NoProbeFinishesWithinTheBudget_MakesNoEstimateAndStillSearches()
    {
        // 20,000 steps in one run take far longer than the millisecond the probes are given.
        var info = new ScenarioInfo(typeof(IndependentPrinters));
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides(["threads=100;steps=200"]));

        var sut = Explorer.Explore(info, values, new ExplorationOptions
        {
            EstimateProbes = 5,
            EstimateBudget = TimeSpan.FromMilliseconds(1),
            Iterations = 1,
            TracesDirectory = null,
        });

        Assert.Multiple(() =>
        {
            Assert.That(sut.Estimate, Is.Null);
            Assert.That(sut.Schedules, Is.EqualTo(1));
        });
    }

    private sealed class SyncProgress(Action<ExplorationProgress> report) : IProgress<ExplorationProgress>
    {
        public void Report(ExplorationProgress value) => report(value);
    }
}
