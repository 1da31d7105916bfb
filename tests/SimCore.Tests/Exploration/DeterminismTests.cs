using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Threading;
using SimHarness.Tracing;

namespace SimHarness.Tests.Exploration;

/// <summary>Rule 8 of docs/semantics.md: the same scenario, parameters and decisions give the same events, byte for byte.</summary>
public class DeterminismTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EventCheckConnect).Assembly]);

    [TestCase("EventRetryLimit", 1)]
    [TestCase("EventRetryLimit", 2)]
    [TestCase("EventCheckConnectLostWakeup", 7)]
    public void Replay_OfRecordedDecisions_GivesByteIdenticalTrace(string scenario, int seed)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);
        var values = info.ResolveParams(null);
        var (_, recorded) = SingleRun.Run(info, values, seed);

        var sut = TraceReplayer.Replay(recorded, s_catalog);
        var replayed = new Trace
        {
            Scenario = recorded.Scenario,
            Assembly = recorded.Assembly,
            Params = recorded.Params,
            Engine = recorded.Engine,
            Strategy = recorded.Strategy,
            Seed = recorded.Seed,
            Decisions = recorded.Decisions,
            Violation = sut.Record!.Violations.Count > 0 ? sut.Record.Violations[0] : null,
            Output = sut.Record.Output,
            Events = sut.Record.Events,
        };

        Assert.That(sut.Matches, Is.True, sut.Reason);
        Assert.That(TraceJson.ToJson(replayed), Is.EqualTo(TraceJson.ToJson(recorded)));
    }

    [TestCase("random")]
    [TestCase("pct")]
    [TestCase("exhaustive")]
    public void Explore_TwiceWithSameSeed_GivesIdenticalReports(string strategy)
    {
        var info = ScenarioCatalog.Find(s_catalog, "EventCheckConnectLostWakeup");
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides(["threads=2"]));
        var options = new ExplorationOptions { Strategy = strategy, Iterations = 300, Seed = 42, TracesDirectory = null };

        var first = Explorer.Explore(info, values, options);
        var second = Explorer.Explore(info, values, options);

        Assert.Multiple(() =>
        {
            Assert.That(second.Schedules, Is.EqualTo(first.Schedules));
            Assert.That(second.DistinctOutputs, Is.EqualTo(first.DistinctOutputs));
            Assert.That(second.Outcomes.Select(o => (string.Join('\n', o.Output), o.Count)), Is.EqualTo(first.Outcomes.Select(o => (string.Join('\n', o.Output), o.Count))));
            Assert.That(second.Violations.Select(v => (v.Invariant, v.Message, v.Count)), Is.EqualTo(first.Violations.Select(v => (v.Invariant, v.Message, v.Count))));
        });
    }

    [Test]
    public void Replay_WithEditedDecision_NamesTheFirstDivergingStep()
    {
        var info = ScenarioCatalog.Find(s_catalog, "EventRetryLimit");
        var (_, recorded) = SingleRun.Run(info, info.ResolveParams(null), seed: 3);
        var decisions = recorded.Decisions.ToArray();
        // Swap the first two different thread decisions after main has started everyone.
        var i = Array.FindIndex(decisions, 10, d => d != decisions[10]);
        (decisions[10], decisions[i]) = (decisions[i], decisions[10]);
        var edited = new Trace
        {
            Scenario = recorded.Scenario,
            Params = recorded.Params,
            Engine = recorded.Engine,
            Strategy = recorded.Strategy,
            Decisions = decisions,
            Output = recorded.Output,
            Events = recorded.Events,
        };

        var sut = TraceReplayer.Replay(edited, s_catalog);

        Assert.That(sut.Matches, Is.False);
        Assert.That(sut.DivergenceIndex, Is.Not.Null.And.GreaterThan(0));
        Assert.That(sut.Expected, Is.Not.EqualTo(sut.Actual));
    }
}
