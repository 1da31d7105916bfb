using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Zoo;

namespace SimHarness.Tests.Zoo;

/// <summary>
/// On the zoo entries small enough to explore without reduction, the reduced search reaches
/// exactly the transcripts and violations of the full one: the accesses the steps declare
/// (a shared value's read and write among them) are sound.
/// </summary>
public class ZooReductionTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(ZooCheckThenAct).Assembly]);

    [TestCase(nameof(ZooDeadSwitch))]
    [TestCase(nameof(ZooLostUpdate))]
    [TestCase(nameof(ZooTimeoutRace))]
    [TestCase(nameof(ZooTimeoutRaceFixed))]
    public void Reduction_OnZooEntry_ReachesEveryTranscriptAndViolationOfTheFullSearch(string scenario)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var full = Explore(info, reduction: false);
        var sut = Explore(info, reduction: true);

        Assert.Multiple(() =>
        {
            Assert.That(full.Report.Complete && sut.Report.Complete, Is.True);
            Assert.That(sut.Transcripts, Is.EquivalentTo(full.Transcripts));
            Assert.That(Invariants(sut.Report), Is.EqualTo(Invariants(full.Report)));
            Assert.That(sut.Report.Schedules, Is.LessThan(full.Report.Schedules));
        });
    }

    private static string[] Invariants(ExplorationReport r) => r.Violations.Select(v => v.Invariant).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static (ExplorationReport Report, HashSet<string> Transcripts) Explore(ScenarioInfo info, bool reduction)
    {
        var report = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { Reduction = reduction, TracesDirectory = null, MaxOutcomes = int.MaxValue, Iterations = 100_000 });
        return (report, report.Outcomes.Select(o => string.Join('\n', o.Output)).ToHashSet(StringComparer.Ordinal));
    }
}
