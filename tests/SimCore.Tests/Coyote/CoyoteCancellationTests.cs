using SimHarness.Coyote;
using SimHarness.Exploration;
using SimHarness.Scenarios.Sockets;
using SimHarness.Scenarios.Threading;

namespace SimHarness.Tests.Coyote;

/// <summary>Issue 15: a time limit or Ctrl-C stops a Coyote exploration inside one long iteration, not only between iterations.</summary>
public class CoyoteCancellationTests
{
    /// <summary>Catches a hang only: one iteration at these clients runs for tens of seconds when nothing cuts it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private string _traces = "";

    [SetUp]
    public void SetUp() => _traces = Path.Combine(Path.GetTempPath(), "simharness-coyote-cancel-tests", TestContext.CurrentContext.Test.ID);

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_traces))
        {
            Directory.Delete(_traces, recursive: true);
        }
    }

    [Test]
    public void Explore_TimeLimitInsideOneLongIteration_DropsTheRunAndReportsIncomplete()
    {
        // Run to its end, this one iteration prints and breaks whole-replies (the seed program's bug).
        var (info, values) = CoyoteExplorerTests.Scenario<EchoUpper>("clients=2000");
        var clock = new WallTimer();

        var sut = CoyoteExplorer.Explore(info, values, Options(iterations: 1) with { TimeLimit = TimeSpan.FromSeconds(1) });

        AssertAbandoned(sut, clock);
    }

    [Test]
    public void Explore_CancelledInsideOneLongIteration_DropsTheRunAndReportsIncomplete()
    {
        var (info, values) = CoyoteExplorerTests.Scenario<EchoUpper>("clients=2000");
        using var cancel = new CancellationTokenSource();
        var clock = new WallTimer();

        // What Ctrl-C does: the token is cancelled while the iteration runs.
        cancel.CancelAfter(TimeSpan.FromSeconds(1));
        var sut = CoyoteExplorer.Explore(info, values, Options(iterations: 1) with { Cancellation = cancel.Token });

        AssertAbandoned(sut, clock);
    }

    [Test]
    public void Explore_AfterAnAbandonedIteration_NextExplorationCountsEveryRun()
    {
        var (big, bigValues) = CoyoteExplorerTests.Scenario<EchoUpper>("clients=2000");
        var (small, smallValues) = CoyoteExplorerTests.Scenario<EventRetryLimitGivesUpEarly>("threads=1");
        CoyoteExplorer.Explore(big, bigValues, Options(iterations: 1) with { TimeLimit = TimeSpan.FromSeconds(1) });

        var sut = CoyoteExplorer.Explore(small, smallValues, Options(iterations: 5));

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

    private ExplorationOptions Options(long iterations) => new()
    {
        Strategy = "coyote-random",
        Iterations = iterations,
        Seed = 7,
        TracesDirectory = _traces,
    };
}
