using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Threading;
using SimHarness.Shrinking;
using SimHarness.Tracing;

namespace SimHarness.Tests.Shrinking;

public class TraceShrinkerTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EventCheckConnect).Assembly]);
    private static readonly IReadOnlyList<ScenarioInfo> s_testCatalog = ScenarioCatalog.Discover([typeof(ShrinkFaultScenario).Assembly]);

    private static readonly string[] s_oneFaultFirst =
        ["choice 0: 2", "choice 1: 0", "choice 2: 0", "choice 3: 0", "choice 4: 0", "choice 5: 0"];

    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("simharness-shrink-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    /// <summary>The trace of the first violating run a seeded random exploration finds.</summary>
    private Trace RandomViolation(IReadOnlyList<ScenarioInfo> catalog, string scenario, string param, int seed)
    {
        var info = ScenarioCatalog.Find(catalog, scenario);
        var report = Explorer.Explore(info, info.ResolveParams(ScenarioInfo.ParseOverrides(param.Length == 0 ? [] : [param])), new ExplorationOptions
        {
            Strategy = "random", Seed = seed, Iterations = 2000, StopOnFirst = true, TracesDirectory = _dir.FullName,
        });
        Assert.That(report.Violations, Is.Not.Empty, "the random exploration finds the bug");
        return TraceJson.Load(report.Violations[0].Trace!);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Shrink_RandomDeadlockOfFourPhilosophers_NeedsExactlyOnePreemption(int seed)
    {
        // Independent count. None is too few: main starts everyone and ends; then each philosopher runs until
        // it ends (forks are free, nothing blocks it), so the first takes both forks and nobody waits in a
        // circle. One suffices: philosopher-0 takes fork0 and is preempted; philosopher-3 takes fork3 and
        // blocks on fork0; free switches let 2 and 1 do the same; philosopher-0 then blocks on fork1.
        var trace = RandomViolation(s_catalog, "DiningPhilosophersDeadlock", "philosophers=4", seed);

        var sut = TraceShrinker.Shrink(trace, s_catalog);

        Assert.Multiple(() =>
        {
            Assert.That(sut.After.Preemptions, Is.EqualTo(1));
            Assert.That(sut.After, Is.LessThanOrEqualTo(sut.Before));
            Assert.That(sut.Trace.Violation!.Invariant, Is.EqualTo("deadlock"));
            Assert.That(sut.BudgetExhausted, Is.False);
        });
    }

    [TestCase(1)]
    [TestCase(7)]
    public void Shrink_RandomLostWakeup_NeverGrowsAndStillReplays(int seed)
    {
        var trace = RandomViolation(s_catalog, "EventCheckConnectLostWakeup", "threads=2", seed);

        var sut = TraceShrinker.Shrink(trace, s_catalog);
        var replay = TraceReplayer.Replay(sut.Trace, s_catalog);

        Assert.Multiple(() =>
        {
            Assert.That(sut.After, Is.LessThanOrEqualTo(sut.Before));
            Assert.That(sut.After.Preemptions, Is.LessThan(sut.Before.Preemptions), "a random schedule preempts needlessly");
            Assert.That(replay.Matches, Is.True, replay.Reason);
            Assert.That(replay.Record!.Violations[0].Invariant, Is.EqualTo("deadlock"));
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    public void Shrink_SeveralFaults_KeepsOneFaultTwoAtTheFirstChoice(int seed)
    {
        var trace = RandomViolation(s_testCatalog, nameof(ShrinkFaultScenario), "", seed);

        var sut = TraceShrinker.Shrink(trace, s_testCatalog);

        Assert.Multiple(() =>
        {
            Assert.That(sut.After.Faults, Is.EqualTo(1));
            Assert.That(sut.Trace.Output.Select(l => l.Text), Is.EqualTo(s_oneFaultFirst));
        });
    }

    [Test]
    public void Shrink_ShrunkTrace_IsAFixpoint()
    {
        var trace = RandomViolation(s_catalog, "EventCheckConnectLostWakeup", "threads=2", 3);
        var once = TraceShrinker.Shrink(trace, s_catalog);

        var sut = TraceShrinker.Shrink(once.Trace, s_catalog);

        Assert.Multiple(() =>
        {
            Assert.That(sut.After, Is.EqualTo(sut.Before));
            Assert.That(sut.Trace.Decisions, Is.EqualTo(once.Trace.Decisions));
        });
    }

    [Test]
    public void Shrink_TinyBudget_StopsAndSaysSo()
    {
        var trace = RandomViolation(s_catalog, "DiningPhilosophersDeadlock", "philosophers=4", 1);

        var sut = TraceShrinker.Shrink(trace, s_catalog, budget: 1);

        Assert.Multiple(() =>
        {
            Assert.That(sut.Runs, Is.EqualTo(1));
            Assert.That(sut.BudgetExhausted, Is.True);
            Assert.That(sut.After, Is.LessThanOrEqualTo(sut.Before));
        });
    }

    [TestCase("EventCheckConnectLostWakeup.coyote.json")]
    [TestCase("EventRetryLimitGivesUpEarly.coyote.json")]
    public void Shrink_CoyoteTrace_ConvertsToABuiltInTraceThatReplays(string file)
    {
        var trace = TraceJson.Load(Path.Combine(RepoPaths.Traces, file));

        var sut = TraceShrinker.Shrink(trace, s_catalog);
        var replay = TraceReplayer.Replay(sut.Trace, s_catalog);

        Assert.Multiple(() =>
        {
            Assert.That(sut.FromCoyote, Is.True);
            Assert.That(sut.Trace.Engine, Is.EqualTo("builtin"));
            Assert.That(sut.Trace.CoyoteTrace, Is.Null);
            Assert.That(sut.After.Preemptions, Is.Zero, "both bugs need no preemption: switches at blocking points are free");
            Assert.That(replay.Matches, Is.True, replay.Reason);
            Assert.That(replay.Record!.Violations[0].Invariant, Is.EqualTo(trace.Violation!.Invariant));
        });
    }

    [Test]
    public void Shrink_CoyoteTraceWithEditedLog_RefusedWithOneLine()
    {
        var trace = TraceJson.Load(Path.Combine(RepoPaths.Traces, "EventCheckConnectLostWakeup.coyote.json"));
        var events = trace.Events.ToArray();
        events[6] = events[6] with { Thread = "Thread-9 (nobody)" };
        var stale = new Trace
        {
            Scenario = trace.Scenario, Params = trace.Params, Engine = trace.Engine, Strategy = trace.Strategy, Seed = trace.Seed,
            Decisions = trace.Decisions, Violation = trace.Violation, Output = trace.Output, Events = events, CoyoteTrace = trace.CoyoteTrace,
        };

        Assert.That(() => TraceShrinker.Shrink(stale, s_catalog, budget: 2000),
            Throws.TypeOf<UsageException>().With.Message.Contains("no built-in schedule reproduces its event log").And.Message.Not.Contains("\n"));
    }

    [Test]
    public void ShrinkSize_Order_PreemptionsThenFaultsThenSteps()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ShrinkSize(Steps: 100, Preemptions: 0, Faults: 5), Is.LessThan(new ShrinkSize(Steps: 1, Preemptions: 1, Faults: 0)));
            Assert.That(new ShrinkSize(Steps: 100, Preemptions: 1, Faults: 0), Is.LessThan(new ShrinkSize(Steps: 1, Preemptions: 1, Faults: 1)));
            Assert.That(new ShrinkSize(Steps: 9, Preemptions: 1, Faults: 1), Is.LessThan(new ShrinkSize(Steps: 10, Preemptions: 1, Faults: 1)));
            Assert.That(new ShrinkSize(3, 2, 1).ToString(), Is.EqualTo("3 steps, 2 preemptions, 1 faults"));
        });
    }
}
