using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Tracing;

namespace SimHarness.Tests.Tracing;

/// <summary>Events name the greenlet that took them; the field round-trips and older traces without it still replay.</summary>
public class TraceGreenletTests
{
    private static readonly IReadOnlyList<ScenarioInfo> Catalog =
        ScenarioCatalog.Discover([typeof(Scenarios.Threading.EventCheckConnect).Assembly]);

    private static Trace Canonical(string scenario)
    {
        var info = ScenarioCatalog.Find(Catalog, scenario);
        return SingleRun.Run(info, info.ResolveParams(new Dictionary<string, string>()), seed: null).Trace;
    }

    [Test]
    public void Record_PrintInsideAHubGreenlet_NamesTheGreenletItsOutputLineNames()
    {
        var sut = Canonical("GeventEatPlay");

        var prints = sut.Events.Where(e => e.Op == "print").Select(e => e.Greenlet ?? e.Thread);
        Assert.That(prints, Is.EqualTo(sut.Output.Select(o => o.Thread)));
        Assert.That(sut.Output.Select(o => o.Thread).Distinct().Count(), Is.EqualTo(2), "eat and play print from two greenlets");
    }

    [Test]
    public void Record_PlainThread_HasNoGreenlet()
    {
        var sut = Canonical("EventCheckConnect");

        Assert.That(sut.Events.Select(e => e.Greenlet), Is.All.Null);
    }

    [Test]
    public void SaveLoad_GreenletField_RoundTrips()
    {
        var trace = Canonical("GreenletEatPlay");
        var path = Path.Combine(Path.GetTempPath(), $"simharness-greenlet-{TestContext.CurrentContext.Test.ID}.json");
        try
        {
            TraceJson.Save(trace, path);

            var sut = TraceJson.Load(path);

            Assert.That(sut.Events, Is.EqualTo(trace.Events));
            Assert.That(sut.Events.Count(e => e.Greenlet is not null), Is.GreaterThan(0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Replay_TraceRecordedWithoutGreenletNames_StillMatches()
    {
        var trace = Canonical("GreenletEatPlay");
        var old = new Trace
        {
            Scenario = trace.Scenario,
            Params = trace.Params,
            Engine = trace.Engine,
            Strategy = trace.Strategy,
            Decisions = trace.Decisions,
            Output = trace.Output,
            Events = trace.Events.Select(e => e with { Greenlet = null }).ToArray(),
        };

        var sut = TraceReplayer.Replay(old, Catalog);

        Assert.That(sut.Matches, Is.True, sut.Reason);
    }

    [Test]
    public void Replay_TraceNamingAnotherGreenlet_Diverges()
    {
        var trace = Canonical("GreenletEatPlay");
        var i = trace.Events.ToList().FindIndex(e => e.Greenlet is not null);
        var events = trace.Events.ToArray();
        events[i] = events[i] with { Greenlet = "someone-else" };
        var changed = new Trace
        {
            Scenario = trace.Scenario,
            Params = trace.Params,
            Engine = trace.Engine,
            Strategy = trace.Strategy,
            Decisions = trace.Decisions,
            Output = trace.Output,
            Events = events,
        };

        var sut = TraceReplayer.Replay(changed, Catalog);

        Assert.That(sut.Matches, Is.False);
        Assert.That(sut.DivergenceIndex, Is.EqualTo(i));
    }
}
