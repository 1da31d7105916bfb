using SimHarness.Catalog;
using SimHarness.Coyote;
using SimHarness.Exploration;
using SimHarness.Scenarios.Zoo;

namespace SimHarness.Tests.Zoo;

/// <summary>
/// Every zoo bug is found by the exhaustive explorer within 10,000 schedules and by Coyote's
/// prioritization strategy within 1,000 iterations, its kept trace replays it, and its fixed twin
/// holds in every interleaving.
/// </summary>
public class ZooTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(ZooCheckThenAct).Assembly]);

    /// <summary>Every zoo scenario expected to fail: the bugs.</summary>
    public static IEnumerable<TestCaseData> Bugs() =>
        s_catalog.Where(s => s.Type.Namespace == typeof(ZooCheckThenAct).Namespace && s.ExpectedToFail)
            .Select(s => new TestCaseData(s.Name).SetArgDisplayNames(s.Name));

    /// <summary>Every zoo scenario not expected to fail: the fixed twins.</summary>
    public static IEnumerable<TestCaseData> Fixes() =>
        s_catalog.Where(s => s.Type.Namespace == typeof(ZooCheckThenAct).Namespace && !s.ExpectedToFail)
            .Select(s => new TestCaseData(s.Name).SetArgDisplayNames(s.Name));

    [Test]
    public void Zoo_EveryBugHasAFixedTwinAndADescription()
    {
        var bugs = Bugs().Select(c => (string)c.Arguments[0]!).ToArray();
        var fixes = Fixes().Select(c => (string)c.Arguments[0]!).ToArray();

        Assert.That(bugs, Has.Length.GreaterThanOrEqualTo(8));
        Assert.That(fixes, Is.EquivalentTo(bugs.Select(b => b + "Fixed")));
        Assert.That(s_catalog.Where(s => bugs.Contains(s.Name) || fixes.Contains(s.Name)).Select(s => s.Description), Has.None.Empty);
    }

    [TestCaseSource(nameof(Bugs))]
    public void Exhaustive_Bug_IsFoundWithinTenThousandSchedules(string scenario)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var sut = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { StopOnFirst = true, Iterations = 10_000, TracesDirectory = null });

        Assert.That(sut.Violations.Select(v => v.Invariant), Is.EqualTo(new[] { info.ExpectedViolation }));
        Assert.That(sut.Schedules, Is.InRange(1, 10_000), "schedules up to and including the first violating one");
        Assert.That(sut.AsExpected, Is.True);
    }

    [TestCaseSource(nameof(Bugs))]
    public void CoyotePrioritization_Bug_IsFoundWithinAThousandIterations(string scenario)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var sut = CoyoteExplorer.Explore(info, info.ResolveParams(null), new ExplorationOptions
        {
            Strategy = "coyote-prioritization",
            StopOnFirst = true,
            Iterations = 1_000,
            Seed = 1,
            TracesDirectory = null,
        });

        Assert.That(sut.Violations.Select(v => v.Invariant), Has.Member(info.ExpectedViolation));
        Assert.That(sut.Schedules, Is.InRange(1, 1_000));
    }

    [TestCaseSource(nameof(Fixes))]
    public void Exhaustive_FixedTwin_HoldsInEveryInterleaving(string scenario)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var sut = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { TracesDirectory = null });

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Schedules, Is.GreaterThan(1), "the fixed twin has interleavings to explore");
    }

    [TestCaseSource(nameof(Bugs))]
    public void Corpus_Bug_HasItsExhaustiveTraceKept(string scenario)
    {
        var path = Path.Combine(RepoPaths.Traces, $"{scenario}.exhaustive.json");

        Assert.That(File.Exists(path), Is.True, $"{path} (replayed by TraceCorpusTests)");
        Assert.That(SimHarness.Tracing.TraceJson.Load(path).Violation?.Invariant, Is.EqualTo(ScenarioCatalog.Find(s_catalog, scenario).ExpectedViolation));
    }
}
