using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Zoo;

namespace SimHarness.Tests.Zoo;

/// <summary>What each zoo bug looks like when found, and the conditions it needs, from the scenarios' logic.</summary>
public class ZooBugShapeTests
{
    private static readonly string[] s_totals = ["counter = 1", "counter = 2"];
    private static readonly string[] s_walkerPasses = ["walker-passes"];
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(ZooCheckThenAct).Assembly]);

    private static ExplorationReport Explore(string scenario, params string[] overrides)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);
        return Explorer.Explore(info, info.ResolveParams(ScenarioInfo.ParseOverrides(overrides)), new ExplorationOptions { TracesDirectory = null, MaxOutcomes = int.MaxValue });
    }

    [Test]
    public void EventDeadlock_Found_EachWorkerWaitsOnTheTokenTheOtherHolds()
    {
        var sut = Explore(nameof(ZooEventDeadlock));

        var deadlock = sut.Violations.Single(v => v.Invariant == "deadlock");
        Assert.That(deadlock.Message, Does.Contain("Thread-1 (worker) waits on wait token-b#"));
        Assert.That(deadlock.Message, Does.Contain("Thread-2 (worker) waits on wait token-a#"));
    }

    [Test]
    public void LostUpdate_TwoThreadsOneIncrementEach_EndsAtOneOrTwo()
    {
        var sut = Explore(nameof(ZooLostUpdate));

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Outcomes.Select(o => o.Output.Single()), Is.EquivalentTo(s_totals));
    }

    [Test]
    public void LostUpdate_OneThread_CannotLoseAnUpdate()
    {
        var sut = Explore(nameof(ZooLostUpdate), "threads=1", "increments=3");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty);
    }

    /// <summary>The race needs the timeout and the delivery at one instant: earlier, the set wakes the waiter; later, the worker sees the cancellation.</summary>
    [TestCase("0.5", false)]
    [TestCase("1", true)]
    [TestCase("1.5", false)]
    public void TimeoutRace_LosesTheResult_OnlyWhenDelayEqualsTimeout(string delay, bool lost)
    {
        var sut = Explore(nameof(ZooTimeoutRace), "waitTimeout=1", $"delay={delay}");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations.Any(v => v.Invariant == "outcome-agrees"), Is.EqualTo(lost));
    }

    [Test]
    public void Livelock_Found_AsALivenessViolationBeforeTheStepBound()
    {
        var sut = Explore(nameof(ZooLivelock));

        // Hot from a walker's raised flag; more than the temperature's steps is the violation, never the 60-step bound.
        Assert.That(sut.Violations.Select(v => v.Invariant), Is.EqualTo(s_walkerPasses));
        Assert.That(sut.Violations.Single().Message, Does.StartWith("liveness: ").And.Contain($"still owed after {ZooLivelockFixed.PassTemperature + 1} steps"));
        Assert.That(new ZooLivelock().MaxSteps, Is.GreaterThan(2 * ZooLivelockFixed.PassTemperature), "well below the step bound");
        Assert.That(sut.Outcomes.Select(o => o.Output.Count(l => l.EndsWith("leaves the corridor", StringComparison.Ordinal))), Has.Member(2), "some interleavings let both walkers through");
    }

    [Test]
    public void DeadSwitch_Found_LosesTheSecondRequest()
    {
        var sut = Explore(nameof(ZooDeadSwitch));

        Assert.That(sut.Violations.Single().Message, Does.Contain("request(s) 2 were switched into the finished worker"));
    }

    [Test]
    public void CheckThenAct_OneWorker_InitialisesOnce()
    {
        var sut = Explore(nameof(ZooCheckThenAct), "workers=1");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty);
    }

    /// <summary>Without segmentation every send arrives in a recv of its own, and treating a recv as a message happens to work.</summary>
    [TestCase(0, false)]
    [TestCase(1, true)]
    public void RecvAsMessage_BreaksMessages_OnlyWhenTheStreamIsSplitOrCoalesced(int segments, bool broken)
    {
        var sut = Explore(nameof(ZooRecvAsMessage), $"segments={segments}");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations.Any(v => v.Invariant == "one-message-per-send"), Is.EqualTo(broken));
    }

    [Test]
    public void RecvAsMessage_Found_ShowsGluedOrSplitMessages()
    {
        var sut = Explore(nameof(ZooRecvAsMessage));

        Assert.That(sut.Violations.Select(v => v.Message), Has.Some.Contains("the server read 'hello 1\\nhello 2'"));
        Assert.That(sut.Violations.Select(v => v.Message), Has.Some.Contains("'h', 'ello 2'"));
    }

    /// <summary>No fault, no reset: the missing handler is never needed.</summary>
    [TestCase(0, false)]
    [TestCase(1, true)]
    public void ResetKillsServer_ServerDies_OnlyWhenAFaultIsAllowed(int faults, bool dies)
    {
        var sut = Explore(nameof(ZooResetKillsServer), $"faults={faults}");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations.Any(v => v.Invariant == "uncaught-exception" && v.Message.StartsWith("Exception in thread server: ConnectionResetException", StringComparison.Ordinal)), Is.EqualTo(dies));
    }
}
