using SimHarness.Catalog;
using SimHarness.Coyote;
using SimHarness.Exploration;
using SimHarness.Scenarios.Sockets;
using SimHarness.Scenarios.Threading;
using SimHarness.Tracing;

namespace SimHarness.Tests.Coyote;

/// <summary>Coyote's engine driven in-process: it must find the broken twins' bugs and none in the originals.</summary>
public class CoyoteExplorerTests
{
    /// <summary>Catches a hang only (issue 15): one iteration at 2000 clients runs for tens of seconds when nothing cuts it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private string _traces = "";

    [SetUp]
    public void SetUp() => _traces = Path.Combine(Path.GetTempPath(), "simharness-coyote-tests", TestContext.CurrentContext.Test.ID);

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_traces))
        {
            Directory.Delete(_traces, recursive: true);
        }
    }

    [Test]
    public void Explore_RetryLimitGivesUpEarly_FindsGivesUpAfterAttempts()
    {
        var (info, values) = Scenario<EventRetryLimitGivesUpEarly>("threads=1");

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote-random", 5));

        Assert.That(sut.Violations.Select(v => v.Invariant), Has.Member("gives-up-after-attempts"));
        Assert.That(sut.AsExpected, Is.True);
        Assert.That(sut.Schedules, Is.EqualTo(5));
        Assert.That(sut.Complete, Is.False);
    }

    [Test]
    public void Explore_CheckConnectLostWakeup_FindsDeadlock()
    {
        var (info, values) = Scenario<EventCheckConnectLostWakeup>("threads=2");

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote", 40));

        Assert.That(sut.Violations.Select(v => v.Invariant), Has.Member("deadlock"));
        Assert.That(sut.Violations.First(v => v.Invariant == "deadlock").Message, Does.Contain("waits on wait event#"));
    }

    [Test]
    public void Explore_CheckConnectSmall_NoViolationAndSeveralOutputs()
    {
        var (info, values) = Scenario<EventCheckConnect>("threads=2;checkDelay=1");

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote", 30));

        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Schedules, Is.EqualTo(30));
        Assert.That(sut.DistinctOutputs, Is.GreaterThan(1).And.EqualTo(sut.Outcomes.Count));
        Assert.That(sut.Outcomes.Sum(o => o.Count), Is.EqualTo(30));
    }

    [Test]
    public void Explore_Violation_WritesJsonTraceWithCoyoteTraceBeside()
    {
        var (info, values) = Scenario<EventRetryLimitGivesUpEarly>("threads=1");

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote-random", 3));

        var path = sut.Violations.Single().Trace!;
        var trace = TraceJson.Load(path);
        Assert.That(trace.Engine, Is.EqualTo("coyote"));
        Assert.That(trace.Violation!.Invariant, Is.EqualTo("gives-up-after-attempts"));
        Assert.That(trace.Events, Is.Not.Empty);
        Assert.That(trace.Params["threads"], Is.EqualTo("1"));
        Assert.That(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, trace.CoyoteTrace!)), Does.Contain("\"Steps\""));
    }

    [Test]
    public void Explore_StopOnFirst_StopsAtTheFirstViolatingRun()
    {
        var (info, values) = Scenario<EventRetryLimitGivesUpEarly>("threads=1");

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote-random", 50) with { StopOnFirst = true });

        Assert.That(sut.Schedules, Is.EqualTo(1));
        Assert.That(sut.Violations.Single().Count, Is.EqualTo(1));
    }

    [Test]
    public void Explore_AlreadyCancelled_RunsNothing()
    {
        var (info, values) = Scenario<EventCheckConnect>("threads=1");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote", 50) with { Cancellation = cts.Token });

        Assert.That(sut.Schedules, Is.Zero);
        Assert.That(sut.Complete, Is.False);
    }

    [Test]
    public void Explore_TinyMaxSteps_EveryRunBreaksTheStepBound()
    {
        var (info, values) = Scenario<EventCheckConnect>("threads=1");

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote-random", 3) with { MaxSteps = 4 });

        Assert.That(sut.Violations.Select(v => v.Invariant), Is.All.EqualTo("step-bound"));
        Assert.That(sut.Violations.Sum(v => v.Count), Is.EqualTo(3));
    }

    [Test]
    public void Explore_ZeroTimeLimit_RunsNothing()
    {
        var (info, values) = Scenario<EventCheckConnect>("threads=1");

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote", 50) with { TimeLimit = TimeSpan.Zero });

        Assert.That(sut.Schedules, Is.Zero);
    }

    [Test]
    public void Explore_WithProgress_LastReportCountsEveryRun()
    {
        var (info, values) = Scenario<EventRetryLimitGivesUpEarly>("threads=1");
        var reports = new List<ExplorationProgress>();

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote-random", 4) with { Progress = new SyncProgress(reports.Add) });

        Assert.That(reports[^1], Is.EqualTo(new ExplorationProgress(4, sut.DistinctOutputs, 4, 4)));
    }

    [Test]
    public void Explore_SameSeedTwice_SameReport()
    {
        var (info, values) = Scenario<EventCheckConnect>("threads=2;checkDelay=1");

        var first = CoyoteExplorer.Explore(info, values, Options("coyote-prioritization", 10));
        var sut = CoyoteExplorer.Explore(info, values, Options("coyote-prioritization", 10));

        Assert.That(sut.Outcomes.Select(o => (string.Join("|", o.Output), o.Count)), Is.EqualTo(first.Outcomes.Select(o => (string.Join("|", o.Output), o.Count))));
    }

    [TestCase("coyote-random")]
    [TestCase("coyote-prioritization")]
    [TestCase("coyote-probabilistic")]
    [TestCase("coyote-delay-bounding")]
    [TestCase("coyote-q-learning")]
    public void Explore_EveryStrategy_RunsTheIterationsWithoutFalseViolations(string strategy)
    {
        var (info, values) = Scenario<EventRetryLimit>("threads=1;checkDelay=2");

        var sut = CoyoteExplorer.Explore(info, values, Options(strategy, 5));

        Assert.That(sut.Schedules, Is.EqualTo(5));
        Assert.That(sut.Violations, Is.Empty);
    }

    [Test]
    public void Explore_ScenarioFromAnAssemblyNotRewritten_IsUsageError()
    {
        // This test assembly is not rewritten by Coyote.
        var info = ScenarioCatalog.Discover([typeof(CoyoteExplorerTests).Assembly]).Single(s => s.Type == typeof(NotRewrittenScenario));

        Assert.That(() => CoyoteExplorer.Explore(info, info.ResolveParams(null), Options("coyote", 1)),
            Throws.TypeOf<UsageException>().With.Message.Contains("is not rewritten for Coyote"));
    }

    [Test]
    public void Explore_UnknownCoyoteStrategy_IsUsageError()
    {
        var (info, values) = Scenario<EventCheckConnect>("threads=1");

        Assert.That(() => CoyoteExplorer.Explore(info, values, Options("coyote-dfs", 1)), Throws.TypeOf<UsageException>());
    }

    [Test]
    public void Explore_TimeLimitInsideOneLongIteration_DropsTheRunAndReportsIncomplete()
    {
        // Run to its end, this one iteration prints and breaks whole-replies (the seed program's bug).
        var (info, values) = Scenario<EchoUpper>("clients=2000");
        var clock = new WallTimer();

        var sut = CoyoteExplorer.Explore(info, values, Options("coyote-random", 1) with { TimeLimit = TimeSpan.FromSeconds(1) });

        AssertAbandoned(sut, clock);
    }

    [Test]
    public void Explore_CancelledInsideOneLongIteration_DropsTheRunAndReportsIncomplete()
    {
        var (info, values) = Scenario<EchoUpper>("clients=2000");
        using var cancel = new CancellationTokenSource();
        var clock = new WallTimer();

        // What Ctrl-C does: the token is cancelled while the iteration runs.
        cancel.CancelAfter(TimeSpan.FromSeconds(1));
        var sut = CoyoteExplorer.Explore(info, values, Options("coyote-random", 1) with { Cancellation = cancel.Token });

        AssertAbandoned(sut, clock);
    }

    [Test]
    public void Explore_AfterAnAbandonedIteration_NextExplorationCountsEveryRun()
    {
        var (big, bigValues) = Scenario<EchoUpper>("clients=2000");
        var (small, smallValues) = Scenario<EventRetryLimitGivesUpEarly>("threads=1");
        CoyoteExplorer.Explore(big, bigValues, Options("coyote-random", 1) with { TimeLimit = TimeSpan.FromSeconds(1) });

        var sut = CoyoteExplorer.Explore(small, smallValues, Options("coyote-random", 5));

        Assert.Multiple(() =>
        {
            Assert.That(sut.Schedules, Is.EqualTo(5));
            Assert.That(sut.Violations.Sum(v => v.Count), Is.EqualTo(5), "the twin fails in every run");
        });
    }

    private static void AssertAbandoned(ExplorationReport sut, WallTimer clock) =>
        Assert.Multiple(() =>
        {
            Assert.That(sut.Schedules, Is.Zero, "the abandoned run is not counted, as the built-in explorer drops it");
            Assert.That(sut.Violations, Is.Empty, "a run cut by the limit is no violation");
            Assert.That(sut.Outcomes, Is.Empty);
            Assert.That(sut.Complete, Is.False);
            Assert.That(clock.Elapsed, Is.LessThan(HangGuard));
        });

    internal static (ScenarioInfo Info, IReadOnlyDictionary<string, object> Values) Scenario<T>(string overrides)
        where T : Scenario
    {
        var info = ScenarioCatalog.Discover([typeof(T).Assembly]).Single(s => s.Type == typeof(T));
        return (info, info.ResolveParams(ScenarioInfo.ParseOverrides([overrides])));
    }

    private ExplorationOptions Options(string strategy, long iterations) => new()
    {
        Strategy = strategy,
        Iterations = iterations,
        Seed = 7,
        TracesDirectory = _traces,
    };

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to a context).</summary>
    private sealed class SyncProgress(Action<ExplorationProgress> report) : IProgress<ExplorationProgress>
    {
        public void Report(ExplorationProgress value) => report(value);
    }
}
