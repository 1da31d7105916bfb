using SimHarness.Exploration;
using SimHarness.Greenlets;
using SimHarness.Scenarios.Gevent;
using SimHarness.Tests.Greenlets.Fidelity;

namespace SimHarness.Tests.Greenlets;

/// <summary>With exploreTies=true every order of greenlets ready at one instant is a data choice; without it the hub is gevent's FIFO.</summary>
public class ExploreTiesTests
{
    private static string[][] Transcripts(IEnumerable<RunRecord> runs) =>
        runs.Select(r => r.Transcript.ToArray()).DistinctBy(t => string.Join('\n', t)).OrderBy(t => string.Join('\n', t), StringComparer.Ordinal).ToArray();

    [Test]
    public void GeventEatPlay_WithoutExploreTies_HasOneRunAndNoChoice()
    {
        var sut = ValueChoiceEnumerator.AllRuns(() => new GeventEatPlay());
        Assert.That(sut, Has.Count.EqualTo(1));
    }

    [Test]
    public void GeventEatPlay_WithExploreTies_BothStartOrdersAtZeroNothingElse()
    {
        var sut = ValueChoiceEnumerator.AllRuns(() => new GeventEatPlay { ExploreTies = true });
        Assert.That(sut.SelectMany(r => r.Violations), Is.Empty);
        Assert.That(Transcripts(sut), Is.EqualTo(new[]
        {
            new[] { "alex play 1", "egon eat 1", "alex play 2", "egon eat 2" },
            new[] { "egon eat 1", "alex play 1", "alex play 2", "egon eat 2" },
        }));
    }

    [Test]
    public void PatchedThreadNames_WithExploreTies_DummyNumbersFollowFirstAsker()
    {
        var sut = ValueChoiceEnumerator.AllRuns(() => new PatchedThreadNames { ExploreTies = true });
        Assert.That(sut.SelectMany(r => r.Violations), Is.Empty);
        Assert.That(Transcripts(sut).Select(t => t[1]), Is.EquivalentTo(new[] { "Dummy-1 eat 1", "Dummy-1 play 1" }));
    }

    [Test]
    public void EqualTimers_WithExploreTies_EveryOrderWithinADeadlineNeverAcross()
    {
        // b and d sleep 0.01, a and c 0.02: 2 orders within each deadline, 4 transcripts in all.
        var sut = ValueChoiceEnumerator.AllRuns(() => new TwinScenario("timers", async sim =>
        {
            Hub.Get(sim).ExploreTies = true;
            await FidelityTwins.GeventTimers(sim);
        }));
        var transcripts = Transcripts(sut).Select(t => string.Concat(t)).ToArray();
        Assert.That(transcripts, Is.EquivalentTo(new[] { "bdac", "bdca", "dbac", "dbca" }));
    }

    [Test]
    public void EqualTimers_WithoutExploreTies_FireInArmingOrder()
    {
        var sut = BuiltInExecutor.Run(new TwinScenario("timers", FidelityTwins.GeventTimers), new CanonicalStrategy()).Record;
        Assert.That(string.Concat(sut.Transcript), Is.EqualTo("bdac"));
    }
}
