using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Threading;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// Exhaustive exploration with reduction equals exploration without it, and both equal the
/// independent brute-force model: same distinct transcripts, same violations, and the search
/// without reduction runs exactly as many schedules as the model has interleavings.
/// </summary>
public class ReductionEquivalenceTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EventCheckConnect).Assembly]);

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("EventCheckConnect", "threads=1;checkDelay=1", new("CheckConnect", 1, 1_000_000));
        yield return Case("EventCheckConnect", "threads=2;checkDelay=3", new("CheckConnect", 2, 3_000_000));
        yield return Case("EventCheckConnectLostWakeup", "threads=1", new("LostWakeup", 1, 0));
        yield return Case("EventRetryLimit", "threads=1;checkDelay=2", new("RetryLimit", 1, 2_000_000, 1_000_000, 3));
        yield return Case("EventRetryLimit", "threads=1;checkDelay=0.5;waitTimeout=0.25;attempts=2", new("RetryLimit", 1, 500_000, 250_000, 2));
        // A timeout and the set due at the same instant (ties, rule 4 of docs/semantics.md), and two threads giving up together.
        yield return Case("EventRetryLimit", "threads=1;checkDelay=1;attempts=1", new("RetryLimit", 1, 1_000_000, 1_000_000, 1));
        yield return Case("EventRetryLimit", "threads=1;checkDelay=2;attempts=2", new("RetryLimit", 1, 2_000_000, 1_000_000, 2));
        yield return Case("EventRetryLimit", "threads=2;checkDelay=1;attempts=0", new("RetryLimit", 2, 1_000_000, 1_000_000, 0));
        yield return Case("EventRetryLimitGivesUpEarly", "threads=1;checkDelay=5", new("GivesUpEarly", 1, 5_000_000, 1_000_000, 3));
        yield return Case("EventRetryLimitGivesUpEarly", "threads=1;checkDelay=1;attempts=2", new("GivesUpEarly", 1, 1_000_000, 1_000_000, 2));
    }

    private static TestCaseData Case(string scenario, string overrides, BruteForceModel.Config model) =>
        new TestCaseData(scenario, overrides, model).SetName($"{scenario}({overrides})");

    [TestCaseSource(nameof(Cases))]
    public void Exhaustive_WithAndWithoutReduction_EqualsBruteForce(string scenario, string overrides, BruteForceModel.Config model)
    {
        var expected = new BruteForceModel(model).Enumerate();
        var info = ScenarioCatalog.Find(s_catalog, scenario);
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides([overrides]));

        var reduced = Explore(info, values, reduction: true);
        var full = Explore(info, values, reduction: false);

        Assert.Multiple(() =>
        {
            Assert.That(full.Report.Complete && reduced.Report.Complete, Is.True, "both searches finish");
            Assert.That(full.Report.Schedules, Is.EqualTo(expected.Schedules), "without reduction: one schedule per interleaving of the model");
            Assert.That(full.Transcripts, Is.EquivalentTo(expected.Transcripts), "transcripts without reduction");
            Assert.That(reduced.Transcripts, Is.EquivalentTo(expected.Transcripts), "transcripts with reduction");
            Assert.That(reduced.Report.DistinctOutputs, Is.EqualTo(expected.Transcripts.Count));
            Assert.That(reduced.Report.Schedules, Is.LessThanOrEqualTo(full.Report.Schedules));
            Assert.That(Invariants(reduced.Report), Is.EqualTo(Invariants(full.Report)), "violated invariants");
            Assert.That(Invariants(full.Report).Contains("deadlock"), Is.EqualTo(expected.Deadlocks > 0), "deadlock found iff the model deadlocks");
            Assert.That(Invariants(full.Report).Contains("gives-up-after-attempts"), Is.EqualTo(expected.GaveUpEarly > 0));
        });
    }

    private static IEnumerable<TestCaseData> CountCases() =>
        Cases().Select(c => new TestCaseData(c.Arguments).SetName($"CountInterleavings_{c.TestName}"));

    [TestCaseSource(nameof(CountCases))]
    public void CountInterleavings_OfTheModel_EqualsItsEnumeration(string scenario, string overrides, BruteForceModel.Config model)
    {
        var sut = new BruteForceModel(model);

        Assert.That(sut.CountInterleavings(), Is.EqualTo(sut.Enumerate().Schedules), $"{scenario}({overrides})");
    }

    [Test, Explicit("prints the figure quoted in BENCHMARKS.md")]
    public void CountInterleavings_RetryLimitTwoThreadsCheckDelay3()
    {
        var sut = new BruteForceModel(new("RetryLimit", 2, 3_000_000, 1_000_000, 3)).CountInterleavings();
        TestContext.Out.WriteLine($"interleavings: {sut}");
        var finishable = new BruteForceModel(new("RetryLimit", 2, 3_000_000, 1_000_000, 1)).CountInterleavings();
        TestContext.Out.WriteLine($"attempts=1: {finishable}");
        Assert.That(sut, Is.GreaterThan(finishable));
    }

    private static string[] Invariants(ExplorationReport r) => r.Violations.Select(v => v.Invariant).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static (ExplorationReport Report, HashSet<string> Transcripts) Explore(ScenarioInfo info, IReadOnlyDictionary<string, object> values, bool reduction)
    {
        var report = Explorer.Explore(info, values, new ExplorationOptions { Reduction = reduction, TracesDirectory = null, MaxOutcomes = int.MaxValue });
        Assert.That(report.OutcomesTruncated, Is.False);
        return (report, report.Outcomes.Select(o => string.Join('\n', o.Output)).ToHashSet(StringComparer.Ordinal));
    }
}
