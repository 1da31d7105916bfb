using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Zoo;
using SimHarness.Tests.Exploration.Bounding;
using SimHarness.Tracing;

namespace SimHarness.Tests.Zoo;

/// <summary>
/// Issue 12, item 1: every zoo bug is found by the search bounded at the preemptions of its curated (shrunk)
/// trace, counted by shrink's own strategy, and not below that bound; and iterative bounding finds a bug that
/// needs one late preemption in few schedules where the depth-first search needs many.
/// </summary>
public class ZooBoundTests
{
    private static readonly string[] s_torn = ["snapshot-consistent"];
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(ZooCheckThenAct).Assembly]);

    [TestCaseSource(typeof(ZooTests), nameof(ZooTests.Bugs))]
    public void Bounded_AtTheShrunkTracesPreemptions_FindsTheBugAndNotBelow(string scenario)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);
        var trace = TraceJson.Load(Path.Combine(RepoPaths.Traces, $"{scenario}.exhaustive.json"));
        var values = info.ResolveParams(trace.Params);
        var k = BoundedRuns.Preemptions(info, values, trace.Decisions.Select(DecisionCodec.Decode).ToArray());

        var sut = Explore(info, values, new ExplorationOptions { MaxPreemptions = k, StopOnFirst = true });
        var below = k == 0 ? null : Explore(info, values, new ExplorationOptions { MaxPreemptions = k - 1 });

        Assert.Multiple(() =>
        {
            Assert.That(sut.Violations.Select(v => v.Invariant), Has.Member(info.ExpectedViolation), $"found within {k} preemption(s)");
            if (below is not null)
            {
                Assert.That(below.Complete, Is.True, $"the search within {k - 1} finishes");
                Assert.That(below.Violations.Select(v => v.Invariant), Has.No.Member(info.ExpectedViolation), $"shrink found no run with {k - 1}: neither does the bounded search");
            }
        });
    }

    [Test]
    public void Iterative_TornSnapshotSixStages_FindsTheLatePreemptionInFewSchedulesWhereTheDepthFirstSearchDoesNot()
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(ZooTornSnapshot));
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides(["stages=6;work=2"]));

        var sut = Explore(info, values, new ExplorationOptions { Iterative = true, StopOnFirst = true, Iterations = 2_000 });
        var depthFirst = Explore(info, values, new ExplorationOptions { StopOnFirst = true, Iterations = 5_000 });

        Assert.Multiple(() =>
        {
            Assert.That(sut.Violations.Select(v => v.Invariant), Is.EqualTo(s_torn));
            Assert.That(sut.PreemptionBound, Is.EqualTo(0), "bound 0 finished without it; bound 1 found it");
            Assert.That(depthFirst.Violations, Is.Empty, "the depth-first search is still reordering the later stages after 5,000 schedules");
        });
    }

    private static ExplorationReport Explore(ScenarioInfo info, IReadOnlyDictionary<string, object> values, ExplorationOptions options) =>
        Explorer.Explore(info, values, options with { TracesDirectory = null });
}
