using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Tracing;

namespace SimHarness.Tests.Monitors;

/// <summary>What a monitor does to a run on the built-in scheduler: it ends the run at its step, and its liveness rules.</summary>
public class MonitorApiTests
{
    private static readonly string[] s_raceTranscripts = ["bad", "main|bad"];
    private static readonly string[] s_raceViolations = ["no-bad-line: printed 'bad' after 0 other line(s)", "no-bad-line: printed 'bad' after 1 other line(s)"];
    private static readonly string[] s_aloneTranscript = ["a", "bad"];
    private static readonly string[] s_napOps = ["sleep", "tick", "wake", "print", "finish"];

    private string _traces = "";

    [SetUp]
    public void SetUp() => _traces = Path.Combine(Path.GetTempPath(), "simharness-monitor-tests", TestContext.CurrentContext.Test.ID);

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_traces))
        {
            Directory.Delete(_traces, recursive: true);
        }
    }

    [Test]
    public void Explore_ForbiddenLineRacingMain_EveryRunEndsAtTheForbiddenPrint()
    {
        var info = new ScenarioInfo(typeof(BadLineRace));

        var sut = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { Reduction = false, TracesDirectory = _traces });

        // By hand: the thread's "bad" always comes (it is not a daemon) and ends the run, so "after" is
        // never printed; main's "main" comes before it or not at all.
        Assert.Multiple(() =>
        {
            Assert.That(sut.Complete, Is.True);
            Assert.That(sut.Outcomes.Select(o => string.Join("|", o.Output)), Is.EquivalentTo(s_raceTranscripts));
            Assert.That(sut.Violations.Select(v => $"{v.Invariant}: {v.Message}"), Is.EquivalentTo(s_raceViolations));
        });
    }

    [Test]
    public void Replay_TraceOfAMonitorViolation_ReproducesItAndEndsAtTheViolatingStep()
    {
        var info = new ScenarioInfo(typeof(BadLineRace));
        var report = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { TracesDirectory = _traces });
        var trace = TraceJson.Load(report.Violations[0].Trace!);

        var sut = TraceReplayer.Replay(trace, [info]);

        Assert.Multiple(() =>
        {
            Assert.That(sut.Matches, Is.True, sut.Reason);
            Assert.That(sut.Record!.Violations, Is.EqualTo(new[] { trace.Violation }));
            Assert.That(trace.Events[^1], Has.Property(nameof(TraceEvent.Op)).EqualTo("print").And.Property(nameof(TraceEvent.Text)).EqualTo("bad"));
        });
    }

    [Test]
    public void Run_MonitorViolation_IsReportedAsRaisedByTheStep()
    {
        var sut = BuiltInExecutor.Run(new BadLineAlone(), new CanonicalStrategy()).Record;

        Assert.Multiple(() =>
        {
            Assert.That(sut.Violations, Is.EqualTo(new[] { new Violation("no-bad-line", "printed 'bad' after 1 other line(s)") }));
            Assert.That(sut.Transcript, Is.EqualTo(s_aloneTranscript));
            Assert.That(sut.Completed, Is.False);
            Assert.That(sut.Steps, Is.EqualTo(2), "two prints, then the run ends");
        });
    }

    [Test]
    public void Run_OwedLineNeverPrinted_IsHotToTheEnd()
    {
        var sut = Run(new OwedAfterSpins { Spins = 2, Pay = false });

        Assert.That(sut.Violations, Is.EqualTo(new[] { new Violation("owed-line", "liveness: 'paid' is printed: still owed when the run ended (hot to the end)") }));
    }

    [Test]
    public void Run_OwedLinePrinted_HoldsWithoutTemperature()
    {
        var sut = Run(new OwedAfterSpins { Spins = 50, Pay = true });

        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Completed, Is.True);
    }

    [TestCase(5, 5, false)]
    [TestCase(6, 5, true)]
    [TestCase(40, 5, true)]
    public void Run_HotLongerThanTemperature_IsALivenessViolationAtTheStepAfterIt(int spins, int temperature, bool violated)
    {
        var sut = Run(new OwedAfterSpins { Spins = spins, Temperature = temperature });

        // Hot from step 0; step k is the k-th sleep(0), step spins+1 the print that pays. Steps 1..temperature
        // may be hot; step temperature+1 breaks it unless it is the print.
        if (violated)
        {
            Assert.That(sut.Violations, Is.EqualTo(new[] { new Violation("owed-line", $"liveness: 'paid' is printed: still owed after {temperature + 1} steps (temperature {temperature})") }));
            Assert.That(sut.Steps, Is.EqualTo(temperature + 1));
            Assert.That(sut.Transcript, Is.Empty);
        }
        else
        {
            Assert.That(sut.Violations, Is.Empty);
        }
    }

    [Test]
    public void Run_HotOnlyThroughABaseClassOverride_StillBreaksItsTemperature()
    {
        // The world skips the temperature count for monitor types that never override IsHot: one that
        // inherits its override from a class in between must still be counted.
        var sut = BuiltInExecutor.Run(new MonitorsOf(new OwedAfterSpins { Spins = 40 }, new InheritsHeat()), new CanonicalStrategy()).Record;

        Assert.That(sut.Violations, Is.EqualTo(new[] { new Violation("always-hot", "liveness: never cools: still owed after 4 steps (temperature 3)") }));
    }

    [Test]
    public void Run_TimeAdvance_IsShownToMonitorsBeforeTheWakeUp()
    {
        var scenario = new OwedAfterSpins { Spins = 0, Nap = 1 };
        var monitor = (OwedLineMonitor)scenario.Monitors.Single();
        var sut = new MonitorsOf(scenario, monitor);

        BuiltInExecutor.Run(sut, new CanonicalStrategy());

        Assert.That(monitor.Ops, Is.EqualTo(s_napOps));
    }

    [Test]
    public void StateDigest_DependsOnWhatWriteStateWrites()
    {
        var one = new ForbiddenLineMonitor("bad") { Printed = 1 };
        var same = new ForbiddenLineMonitor("bad") { Printed = 1 };
        var other = new ForbiddenLineMonitor("bad") { Printed = 2 };

        Assert.That(one.StateDigest(), Is.EqualTo(same.StateDigest()));
        Assert.That(one.StateDigest(), Is.Not.EqualTo(other.StateDigest()));
    }

    [Test]
    public void StateDigest_CountsHotStepsOnlyUnderATemperature()
    {
        UInt128 Digest(long? temperature, long hotSteps) => new OwedLineMonitor("paid", temperature) { HotSteps = hotSteps }.StateDigest();

        Assert.That(Digest(5, 1), Is.Not.EqualTo(Digest(5, 2)), "how long it has been hot decides a future violation");
        Assert.That(Digest(null, 1), Is.EqualTo(Digest(null, 2)), "without a temperature it decides nothing");
    }

    private static RunRecord Run(Scenario scenario) => BuiltInExecutor.Run(scenario, new CanonicalStrategy()).Record;

    /// <summary>Hot whenever asked, with a temperature: its override of IsHot is its base class's.</summary>
    private class AlwaysHot : Monitor
    {
        public override string Name => "always-hot";

        public override string Description => "never cools";

        public override bool IsHot => true;

        public override long? Temperature => 3;

        public override void WriteState(StateWriter state)
        {
        }
    }

    private sealed class InheritsHeat : AlwaysHot;

    /// <summary>Runs a scenario with a given monitor instance, so the test can read the monitor afterwards.</summary>
    private sealed class MonitorsOf(Scenario inner, Monitor monitor) : Scenario
    {
        public override string Description => inner.Description;

        public override IEnumerable<Monitor> Monitors => [monitor];

        public override Task RunAsync(ISim sim) => inner.RunAsync(sim);
    }
}
