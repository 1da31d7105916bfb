using System.Text.Json.Nodes;
using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Tracing;
using SimHarness.Tracing.Timeline;

namespace SimHarness.Tests.Tracing.Timeline;

/// <summary>The timeline of recorded runs: the curated traces and the greenlet scenarios.</summary>
public class TimelineTraceTests
{
    private static IEnumerable<TestCaseData> Curated() =>
        Directory.EnumerateFiles(RepoPaths.Traces, "*.json")
            .Where(f => !f.EndsWith(".census.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"Timeline({Path.GetFileName(f)})"));

    [TestCaseSource(nameof(Curated))]
    public void Build_CuratedTrace_OneLanePerThreadAndGreenletAndItsViolationOnTheLastStep(string file)
    {
        var path = Path.Combine(RepoPaths.Traces, file);

        // Counted straight from the JSON, not through the trace loader.
        var events = JsonNode.Parse(File.ReadAllText(path))!["events"]!.AsArray();
        var expectedLanes = events.Select(e => ((string)e!["thread"]!, (string?)e["greenlet"]))
            .Where(k => k.Item1.Length > 0).Distinct().Count();
        var lastStep = events.Select((e, i) => (Thread: (string)e!["thread"]!, i)).Last(x => x.Thread.Length > 0).i;

        var sut = TimelineBuilder.Build(TraceJson.Load(path));

        Assert.That(sut.Lanes, Has.Count.EqualTo(expectedLanes));
        Assert.That(sut.Steps, Has.Count.EqualTo(events.Count));
        Assert.That(sut.ViolationStep, Is.EqualTo(lastStep));
    }

    [Test]
    public void Build_LostWakeup_SetLinksToEveryWaiterItWoke()
    {
        var trace = TraceJson.Load(Path.Combine(RepoPaths.Traces, "EventCheckConnectLostWakeup.exhaustive.json"));
        var set = trace.Events.ToList().FindIndex(e => e.Op == "set");
        var woken = trace.Events.Select((e, i) => (e, i)).Where(x => x.e is { Op: "wake", Result: "signaled" }).Select(x => x.i);

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows.Where(a => a.Kind == TimelineArrowKind.Wake).Select(a => (a.From, a.To)),
            Is.EquivalentTo(woken.Select(w => (set, w))));
    }

    [Test]
    public void Build_GreenletEatPlay_LanesForMainEatAndPlayLinkedAtEverySwitch()
    {
        var info = ScenarioCatalog.Find(ScenarioCatalog.Discover([typeof(Scenarios.Threading.EventCheckConnect).Assembly]), "GreenletEatPlay");
        var trace = SingleRun.Run(info, info.ResolveParams(new Dictionary<string, string>()), seed: null).Trace;

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Lanes.Select(l => l.Name), Is.EquivalentTo(new List<string> { "MainThread", "eat", "play" }));
        var switches = sut.Steps.Where(s => s.Event.Op == "switch").Select(s => s.Index);
        Assert.That(switches, Is.SubsetOf(sut.Arrows.Where(a => a.Kind == TimelineArrowKind.Switch).Select(a => a.From)));
    }
}
