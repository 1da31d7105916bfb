using SimHarness.Exploration;

namespace SimHarness.Tests.Exploration.Dpor;

/// <summary>
/// The reduced search keeps the race analysis of the steps a run replays instead of analysing them
/// again (DporStrategy.Replay.cs). The claim is that this changes nothing the search decides. Each
/// test runs the search that analyses every replayed step again, and checks at every node that moved
/// on that the analysis it rebuilds equals the one the plain search keeps, field by field
/// (DporStrategy.ReplayCheck.cs: a difference throws); then the plain search must make the very same
/// search: the same runs, transitions and states, the same transcripts and violations with the same
/// counts.
/// </summary>
public class ReplayAnalysisTests
{
    private static IEnumerable<TestCaseData> Cases() => SmallParams.Cases(nameof(KeptAnalysis_OnEveryScenario_MakesTheSameSearch));

    [TestCaseSource(nameof(Cases))]
    public void KeptAnalysis_OnEveryScenario_MakesTheSameSearch(string scenario, string? overrides)
    {
        var (info, values) = SmallParams.Resolve(scenario, overrides);

        foreach (var stateCache in new[] { false, true })
        {
            var again = Explore(info, values, stateCache, verify: true);
            var sut = Explore(info, values, stateCache, verify: false);

            AssertSameSearch(sut, again, $"state cache {(stateCache ? "on" : "off")}");
        }
    }

    // Bigger searches where a replay crosses time advances (a timeout and a set due at once), data
    // choices inside a step (segment sizes), daemons and run-ending steps, and lock hand-offs.
    [TestCase("EventRetryLimit", "threads=2;checkDelay=2")]
    [TestCase("EventCheckConnectLostWakeup", "threads=3")]
    [TestCase("EventRetryLimit", "threads=3;checkDelay=1;attempts=1")]
    [TestCase("EchoUpper", "clients=1;messages=2;segments=2;bufferSize=32")]
    [TestCase("EchoUpperFixed", "clients=2;messages=1")]
    [TestCase("ProducerConsumer", "items=2")]
    [TestCase("DiningPhilosophersDeadlock", "philosophers=4")]
    [TestCase("ZooLostUpdate", "threads=4")]
    [TestCase("ZooResetKillsServer", "clients=2")]
    public void KeptAnalysis_OnBiggerSearches_MakesTheSameSearch(string scenario, string overrides)
    {
        var (info, values) = SmallParams.AtSizes(scenario, overrides);

        var again = Explore(info, values, stateCache: true, verify: true);
        var sut = Explore(info, values, stateCache: true, verify: false);

        Assert.That(again.Schedules, Is.GreaterThan(100), "a search of many runs (else pick bigger sizes)");
        AssertSameSearch(sut, again, "state cache on");
    }

    private static IEnumerable<TestCaseData> HandMade() =>
        typeof(ReplayAnalysisTests).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Scenario)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => new TestCaseData(t).SetName($"{nameof(KeptAnalysis_OnEveryHandMadeScenario_MakesTheSameSearch)}({t.FullName!.Replace("SimHarness.Tests.", "", StringComparison.Ordinal)})"));

    // The scenarios the other tests built to break the reduction, state caching or the semantics:
    // daemons racing the end, global steps, deadlocks with pending races, cross-object effects.
    // Capped searches compare their first runs, which a deterministic search makes in the same order.
    [TestCaseSource(nameof(HandMade))]
    public void KeptAnalysis_OnEveryHandMadeScenario_MakesTheSameSearch(Type scenario)
    {
        var info = new Catalog.ScenarioInfo(scenario);
        var values = info.ResolveParams(null);

        var (again, againFailure) = TryExplore(info, values, verify: true);
        var (sut, sutFailure) = TryExplore(info, values, verify: false);

        Assert.That(againFailure ?? "", Does.Not.Contain("kept analysis"), "the check of the kept analyses");
        if (againFailure is not null)
        {
            Assert.That(sutFailure, Is.EqualTo(againFailure), "the same failure");
            return;
        }

        Assert.That(sutFailure, Is.Null);
        AssertSameSearch(sut!, again!, "hand-made", requireComplete: false);
    }

    private static (ExplorationReport? Report, string? Failure) TryExplore(Catalog.ScenarioInfo info, IReadOnlyDictionary<string, object> values, bool verify)
    {
        try
        {
            return (Explorer.Explore(info, values, new ExplorationOptions { VerifyKeptAnalysis = verify, TracesDirectory = null, MaxOutcomes = int.MaxValue, Iterations = 5_000 }), null);
        }
        catch (Exception ex) when (ex is HarnessEscapeException or InvalidOperationException or ArgumentException)
        {
            return (null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static ExplorationReport Explore(Catalog.ScenarioInfo info, IReadOnlyDictionary<string, object> values, bool stateCache, bool verify) =>
        Explorer.Explore(info, values, new ExplorationOptions
        {
            StateCache = stateCache,
            VerifyKeptAnalysis = verify,
            TracesDirectory = null,
            MaxOutcomes = int.MaxValue,
            Iterations = 200_000,
        });

    private static void AssertSameSearch(ExplorationReport sut, ExplorationReport expected, string what, bool requireComplete = true) => Assert.Multiple(() =>
    {
        if (requireComplete)
        {
            Assert.That(expected.Complete, Is.True, $"{what}: the search finishes (else pick smaller sizes)");
        }

        Assert.That(sut.Complete, Is.EqualTo(expected.Complete), what);
        Assert.That(sut.Schedules, Is.EqualTo(expected.Schedules), $"{what}: runs");
        Assert.That(sut.Transitions, Is.EqualTo(expected.Transitions), $"{what}: transitions");
        Assert.That(sut.States, Is.EqualTo(expected.States), $"{what}: states");
        Assert.That(sut.Outcomes.Select(o => (string.Join('\n', o.Output), o.Count)), Is.EqualTo(expected.Outcomes.Select(o => (string.Join('\n', o.Output), o.Count))), $"{what}: transcripts and their counts");
        Assert.That(sut.Violations.Select(v => (v.Invariant, v.Message, v.Count)), Is.EqualTo(expected.Violations.Select(v => (v.Invariant, v.Message, v.Count))), $"{what}: violations and their counts");
    });
}
