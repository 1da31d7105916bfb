using SimHarness.Exploration;
using SimHarness.Scenarios.Gevent;

namespace SimHarness.Tests.Greenlets;

/// <summary>The canonical run of each seed greenlet/gevent scenario prints what the real libraries print, at the same times.</summary>
public class GeventScenarioTests
{
    private static string[] Lines(RunRecord r) =>
        r.Output.Select(o => $"{o.Seconds:0.######} {o.Text}").ToArray();

    [Test]
    public void CanonicalRun_GreenletEatPlay_PrintsSeedOrder()
    {
        var r = BuiltInExecutor.Run(new GreenletEatPlay(), new CanonicalStrategy()).Record;
        Assert.That(r.Violations, Is.Empty);
        Assert.That(Lines(r), Is.EqualTo(new[] { "0 egon eat 1", "0 alex play 1", "0 egon eat 2", "0 alex play 2" }));
        Assert.That(r.Output.Select(o => o.Thread), Is.EqualTo(new[] { "eat", "play", "eat", "play" }));
    }

    [Test]
    public void CanonicalRun_GeventEatPlay_PlayWakesAtThreeEatAtFive()
    {
        var r = BuiltInExecutor.Run(new GeventEatPlay(), new CanonicalStrategy()).Record;
        Assert.That(r.Violations, Is.Empty);
        Assert.That(Lines(r), Is.EqualTo(new[] { "0 egon eat 1", "0 alex play 1", "3 alex play 2", "5 egon eat 2" }));
        Assert.That(r.Output.Select(o => o.Thread), Is.EqualTo(new[] { "Greenlet-0", "Greenlet-1", "Greenlet-1", "Greenlet-0" }));
    }

    [Test]
    public void CanonicalRun_PatchedEatPlay_SameAsGevent()
    {
        var r = BuiltInExecutor.Run(new PatchedEatPlay(), new CanonicalStrategy()).Record;
        Assert.That(r.Violations, Is.Empty);
        Assert.That(Lines(r), Is.EqualTo(new[] { "0 egon eat 1", "0 alex play 1", "3 alex play 2", "5 egon eat 2" }));
    }

    [Test]
    public void CanonicalRun_PatchedThreadNames_DummyNamesFromThreadCounter()
    {
        var r = BuiltInExecutor.Run(new PatchedThreadNames(), new CanonicalStrategy()).Record;
        Assert.That(r.Violations, Is.Empty);
        Assert.That(Lines(r), Is.EqualTo(new[] { "0 MainThread", "0 Dummy-1 eat 1", "0 Dummy-2 play 1", "3 Dummy-2 play 2", "5 Dummy-1 eat 2" }));
    }
}
