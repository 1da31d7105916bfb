using SimHarness.Catalog;
using SimHarness.Exploration;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// A daemon thread's step can race with the end of the run (rule 2 of docs/semantics.md: daemons do not keep it alive):
/// the reduction must explore both the run where the daemon's step comes first and the one that
/// ends before it, although the two steps touch different objects.
/// </summary>
public class DaemonReductionTests
{
    private static readonly string[] s_transcripts = ["main", "main|daemon", "daemon|main"];

    [TestCase(false)]
    [TestCase(true)]
    public void Reduction_DaemonPrintRacingTheEnd_KeepsBothTranscripts(bool reduction)
    {
        var info = new ScenarioInfo(typeof(DaemonPrint));

        var sut = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { Reduction = reduction, TracesDirectory = null });

        Assert.That(sut.Outcomes.Select(o => string.Join("|", o.Output)), Is.EquivalentTo(s_transcripts));
    }

    [Test]
    public void Reduction_DaemonLoopRacingTwoFinishes_ReachesEveryTranscriptOfTheFullSearch()
    {
        var info = new ScenarioInfo(typeof(DaemonLoop));
        var values = info.ResolveParams(null);

        var full = Explorer.Explore(info, values, new ExplorationOptions { Reduction = false, TracesDirectory = null });
        var sut = Explorer.Explore(info, values, new ExplorationOptions { Reduction = true, TracesDirectory = null });

        Assert.Multiple(() =>
        {
            Assert.That(full.Complete && sut.Complete, Is.True);
            Assert.That(full.DistinctOutputs, Is.GreaterThan(3));
            Assert.That(sut.Outcomes.Select(o => string.Join("|", o.Output)), Is.EquivalentTo(full.Outcomes.Select(o => string.Join("|", o.Output))));
        });
    }

    [Test]
    public void Reduction_ThreadCrashRacingMainsPrints_KeepsEveryTranscript()
    {
        var info = new ScenarioInfo(typeof(CrashRace));
        var values = info.ResolveParams(null);

        var full = Explorer.Explore(info, values, new ExplorationOptions { Reduction = false, TracesDirectory = null });
        var sut = Explorer.Explore(info, values, new ExplorationOptions { Reduction = true, TracesDirectory = null });

        Assert.That(sut.Outcomes.Select(o => string.Join("|", o.Output)), Is.EquivalentTo(full.Outcomes.Select(o => string.Join("|", o.Output))));
    }

    private sealed class CrashRace : Scenario
    {
        public override string Description => "a thread's uncaught exception (which ends the run) races main's prints";

        public override async Task RunAsync(ISim sim)
        {
            var ev = sim.NewEvent();
            var d = await sim.CreateThreadAsync(
                async () =>
                {
                    await ev.SetAsync();
                    throw new InvalidOperationException("boom");
                },
                "d");
            await d.StartAsync();
            await sim.PrintAsync("m1");
            await sim.PrintAsync("m2");
        }
    }

    private sealed class DaemonLoop : Scenario
    {
        public override string Description => "a daemon prints twice while a worker and main print and end";

        public override async Task RunAsync(ISim sim)
        {
            var d = await sim.CreateThreadAsync(
                async () =>
                {
                    await sim.PrintAsync("d1");
                    await sim.PrintAsync("d2");
                },
                "d",
                daemon: true);
            var w = await sim.CreateThreadAsync(() => sim.PrintAsync("w"), "w");
            await d.StartAsync();
            await w.StartAsync();
        }
    }

    private sealed class DaemonPrint : Scenario
    {
        public override string Description => "a daemon prints while main prints and ends";

        public override async Task RunAsync(ISim sim)
        {
            var d = await sim.CreateThreadAsync(() => sim.PrintAsync("daemon"), "d", daemon: true);
            await d.StartAsync();
            await sim.PrintAsync("main");
        }
    }
}
