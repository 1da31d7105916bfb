using SimHarness.Exploration;
using SimHarness.Exploration.Dpor;
using SimHarness.Exploration.Parallel;

namespace SimHarness.Tests.Exploration.Parallel;

/// <summary>
/// Issue 5, item 6: a search split over workers gives the one-worker report: the same completeness,
/// distinct outputs, outcomes and violations, listed in the same order. Per-entry counts are runs of
/// each search and may differ (they agree wherever the sleep sets run one complete run per
/// equivalence class, every catalog scenario but ZooResetKillsServer at its defaults); so may the
/// schedules, elapsedMs and which run's trace is kept.
/// </summary>
public class SplitSearchTests
{
    private static IEnumerable<TestCaseData> Cases() => SmallParams.Cases(nameof(Workers2_OnEveryScenario_GivesTheOneWorkerReport));

    [TestCaseSource(nameof(Cases))]
    public void Workers2_OnEveryScenario_GivesTheOneWorkerReport(string scenario, string? overrides)
    {
        var (info, values) = SmallParams.Resolve(scenario, overrides);

        var single = Explore(info, values, workers: 1);
        var sut = Explore(info, values, workers: 2);

        AssertSameFindings(sut, single);
    }

    private static IEnumerable<TestCaseData> UncachedCases() => SmallParams.Cases(nameof(Workers2_WithoutStateCaching_OnEveryScenario_SplitsAndGivesTheOneWorkerReport));

    [TestCaseSource(nameof(UncachedCases))]
    public void Workers2_WithoutStateCaching_OnEveryScenario_SplitsAndGivesTheOneWorkerReport(string scenario, string? overrides)
    {
        // With state caching most small searches stay plain (ExhaustiveSearch.Pilot.cs): without it every one is split.
        var (info, values) = SmallParams.Resolve(scenario, overrides);

        var single = Explore(info, values, workers: 1, stateCache: false);
        var sut = Explore(info, values, workers: 2, stateCache: false);

        AssertSameFindings(sut, single);
    }

    private static IEnumerable<TestCaseData> TurnCases() => SmallParams.Cases(nameof(PartsInTurnsOfOneRun_OnEveryScenario_FindWhatTheUnreducedSearchFinds));

    [TestCaseSource(nameof(TurnCases))]
    public void PartsInTurnsOfOneRun_OnEveryScenario_FindWhatTheUnreducedSearchFinds(string scenario, string? overrides)
    {
        // At small sizes 256 prefixes are mostly whole runs, so no part would pause: here the frontier
        // aims at 3 prefixes and every part pauses after each run and waits for the next free worker,
        // against the plain search over every interleaving.
        var (info, values) = SmallParams.Resolve(scenario, overrides);

        var unreduced = Explore(info, values, workers: 1, reduction: false);
        var sut = Explorer.Explore(info, values, Split(workers: 2, sliceRuns: 1) with { FrontierPrefixes = 3 });

        AssertSameFindings(sut, unreduced);
    }

    [TestCase("EchoUpperFixed", "clients=1;messages=2;segments=1;bufferSize=32")] // its explore sizes
    [TestCase("ProducerConsumer", "items=2")]
    public void Workers2_WhereStatesMeetAgain_RunThePlainSearchOnOneWorker(string scenario, string overrides)
    {
        // Parts with caches of their own would explore again what the plain search merges (EchoUpperFixed
        // at its defaults: 4,060 runs split against 522 plain): the plain search is the whole report.
        var (info, values) = SmallParams.AtSizes(scenario, overrides);

        var single = Explore(info, values, workers: 1);
        var sut = Explore(info, values, workers: 2);

        Assert.Multiple(() =>
        {
            AssertSameFindings(sut, single);
            Assert.That(sut.Schedules, Is.EqualTo(single.Schedules), "the very same runs");
            Assert.That(sut.States, Is.EqualTo(single.States));
            Assert.That(sut.Outcomes.Select(o => o.Count), Is.EqualTo(single.Outcomes.Select(o => o.Count)));
            Assert.That(sut.StateCaching, Is.EqualTo(single.StateCaching + "; one worker: states met again, which the parts of a split search would not share"));
        });
    }

    [TestCase("EventRetryLimit", "threads=2;checkDelay=1")]
    [TestCase("EventCheckConnectLostWakeup", "threads=2")]
    [TestCase("DiningPhilosophersDeadlock", "")]
    [TestCase("ProducerConsumer", "producers=2;consumers=1")]
    public void Workers2_OnBiggerSearches_GivesTheOneWorkerReport(string scenario, string overrides)
    {
        var (info, values) = SmallParams.AtSizes(scenario, overrides);

        var single = Explore(info, values, workers: 1);
        var sut = Explore(info, values, workers: 2);

        AssertSameFindings(sut, single);
    }

    [Test]
    public void Workers_WithoutReduction_SplitTheSameSchedulesExactly()
    {
        var (info, values) = SmallParams.Resolve("DiningPhilosophersDeadlock", "philosophers=2");

        var single = Explore(info, values, workers: 1, reduction: false);
        var sut = Explore(info, values, workers: 3, reduction: false);

        Assert.That(sut.Schedules, Is.EqualTo(single.Schedules), "without reduction the prefixes partition the very same tree");
        AssertSameFindings(sut, single);
        Assert.That(sut.Outcomes.Select(o => o.Count), Is.EqualTo(single.Outcomes.Select(o => o.Count)), "the very same runs, so the same counts");
    }

    [Test]
    public void Workers_AboveOne_GiveIdenticalReportsWhateverTheirNumber()
    {
        var (info, values) = SmallParams.Resolve("EventCheckConnectLostWakeup", "threads=2");

        var two = Explore(info, values, workers: 2);
        var sut = Explore(info, values, workers: 3);

        Assert.That(sut.Schedules, Is.EqualTo(two.Schedules), "the frontier depends on the shard count only");
        AssertSameFindings(sut, two);
        Assert.That(sut.Outcomes.Select(o => o.Count), Is.EqualTo(two.Outcomes.Select(o => o.Count)), "the very same runs, so the same counts");
    }

    [Test]
    public void Workers2_WhereNoStateMeetsAgain_SplitWithoutCachingAfterThePlainSearchGaveWay()
    {
        // Every run of EventRetryLimit prints its own transcript: no state is met twice. The plain search
        // started for --workers stores ExhaustiveSearch.DecideAfter states, gives way, and the split search
        // starts again from the root without caching: its runs alone are counted.
        var (info, values) = SmallParams.Resolve("EventRetryLimit", "checkDelay=1");

        var single = Explore(info, values, workers: 1);
        var uncached = Explore(info, values, workers: 2, stateCache: false);
        var sut = Explore(info, values, workers: 2);

        Assert.Multiple(() =>
        {
            AssertSameFindings(sut, single);
            Assert.That(sut.Schedules, Is.EqualTo(uncached.Schedules), "the split search's runs, not the plain one's too");
            Assert.That(sut.Outcomes.Select(o => o.Count), Is.EqualTo(uncached.Outcomes.Select(o => o.Count)));
            // The plain search decides after each run, so it may store a run's new states past the limit.
            Assert.That(sut.States, Is.GreaterThanOrEqualTo(ExhaustiveSearch.DecideAfter).And.LessThan(ExhaustiveSearch.DecideAfter + 100));
            Assert.That(sut.StateCaching, Does.StartWith("on until ").And.EndWith(" states had been explored without one met twice, then off, split over 2 workers"));
        });
    }

    [Test]
    public void Shard_WhereTheWholeSearchGivesUpCaching_StopCachingAcrossParts()
    {
        // A shard is always split, each part with a cache of its own. The unsplit search stores
        // StateCache.GiveUpAfter states and stops; without the search-wide rule every part digested all
        // of its states (240,847 at checkDelay=3 against 20,000 unsplit, when the limit was 20,000).
        var (info, values) = SmallParams.Resolve("EventRetryLimit", "checkDelay=1");

        var single = Explorer.Explore(info, values, new ExplorationOptions { Workers = 1, TracesDirectory = null });
        var sut = Explorer.Explore(info, values, new ExplorationOptions { Workers = 2, Shard = new ShardSpec(1, 1), TracesDirectory = null });

        Assert.Multiple(() =>
        {
            Assert.That(single.StateCaching, Does.StartWith("on until"), "the unsplit search gives up (else pick a bigger search)");
            Assert.That(single.States, Is.EqualTo(StateCache.GiveUpAfter));
            Assert.That(sut.StateCaching, Is.EqualTo(single.StateCaching));
            // Every part caching would store about a state per transition (no state is met twice); the parts
            // under way when the finished ones reached the limit (one per worker, which ones depends on
            // timing) still finish with their caches, and no later part starts one.
            Assert.That(sut.States, Is.GreaterThanOrEqualTo(StateCache.GiveUpAfter).And.LessThan(sut.Transitions / 4));
            Assert.That(sut.DistinctOutputs, Is.EqualTo(single.DistinctOutputs));
        });
    }

    private static IEnumerable<TestCaseData> SameRunCases() => SmallParams.Cases(nameof(PartsInTurnsOfTwoRuns_OnEveryScenario_MakeTheRunsOfPartsRunToTheirEnd));

    [TestCaseSource(nameof(SameRunCases))]
    public void PartsInTurnsOfTwoRuns_OnEveryScenario_MakeTheRunsOfPartsRunToTheirEnd(string scenario, string? overrides) =>
        AssertTurnsMakeTheSameRuns(SmallParams.Resolve(scenario, overrides), turnRuns: 2, workers: 2, frontierPrefixes: 3);

    [TestCase("EventRetryLimit", "threads=2;checkDelay=1", 1, 2)]
    [TestCase("EventRetryLimit", "threads=2;checkDelay=1", 7, 2)]
    [TestCase("EventRetryLimit", "threads=2;checkDelay=1", 1, 1)]
    [TestCase("ProducerConsumer", "producers=2;consumers=1", 3, 2)] // few outcomes, each printed by many runs of a part
    [TestCase("ProducerConsumer", "producers=2;consumers=1", 1, 1)]
    public void PartsInTurns_MakeTheRunsOfPartsRunToTheirEnd(string scenario, string overrides, int turnRuns, int workers) =>
        AssertTurnsMakeTheSameRuns(SmallParams.AtSizes(scenario, overrides), turnRuns, workers, Frontier.PrefixesPerShard);

    private static void AssertTurnsMakeTheSameRuns((Catalog.ScenarioInfo Info, IReadOnlyDictionary<string, object> Values) search, int turnRuns, int workers, int frontierPrefixes)
    {
        // ExhaustiveSearch.Parts.cs: a part that pauses after every few runs and is taken up again by
        // whichever worker is free is still one DPOR search from its prefix, numbering its own runs:
        // the very same runs, so the same counts and the same run kept for each entry (a part that
        // numbered its runs afresh at every turn keeps other runs on four catalog scenarios).
        var (info, values) = search;
        var traces = Directory.CreateTempSubdirectory("simharness-turns-");
        try
        {
            var whole = Explorer.Explore(info, values, Split(workers, sliceRuns: 0) with { FrontierPrefixes = frontierPrefixes, TracesDirectory = Path.Combine(traces.FullName, "whole"), OutcomeTraces = true });
            var sut = Explorer.Explore(info, values, Split(workers, turnRuns) with { FrontierPrefixes = frontierPrefixes, TracesDirectory = Path.Combine(traces.FullName, "turns"), OutcomeTraces = true });

            Assert.Multiple(() =>
            {
                AssertSameFindings(sut, whole);
                Assert.That(sut.Schedules, Is.EqualTo(whole.Schedules));
                Assert.That(sut.Transitions, Is.EqualTo(whole.Transitions), "every part's figures counted once");
                Assert.That(sut.Outcomes.Select(o => o.Count), Is.EqualTo(whole.Outcomes.Select(o => o.Count)));
                Assert.That(sut.Outcomes.Select(o => File.ReadAllText(o.Trace!)), Is.EqualTo(whole.Outcomes.Select(o => File.ReadAllText(o.Trace!))), "the same run kept for each outcome");
                Assert.That(sut.Violations.Select(v => (v.Invariant, v.Message, v.Count)), Is.EqualTo(whole.Violations.Select(v => (v.Invariant, v.Message, v.Count))));
            });
        }
        finally
        {
            traces.Delete(recursive: true);
        }
    }

    [Test]
    public void PartsInTurns_StoppedWithPartsPaused_CountTheirTransitions()
    {
        // Paused after every run, nearly every part is waiting when the cap stops the search. Their runs
        // were made, so their transitions count: without the reduction each run here goes past its part's
        // prefix, and each later run of a part takes a step that part had not taken, so there are at
        // least as many transitions as runs (counted only at a part's end, there were none).
        var (info, values) = SmallParams.AtSizes("EventRetryLimit", "threads=2;checkDelay=1");

        var sut = Explorer.Explore(info, values, Split(workers: 1, sliceRuns: 1) with { Reduction = false, Iterations = 100 });

        Assert.Multiple(() =>
        {
            Assert.That(sut.Complete, Is.False, "stopped by the cap (else pick a bigger search)");
            Assert.That(sut.Schedules, Is.EqualTo(100));
            Assert.That(sut.Transitions, Is.GreaterThanOrEqualTo(sut.Schedules));
        });
    }

    private static ExplorationOptions Split(int workers, int sliceRuns) =>
        new() { Workers = workers, Shard = workers == 1 ? new ShardSpec(1, 1) : null, StateCache = false, PartSliceRuns = sliceRuns, TracesDirectory = null, Iterations = 200_000 };

    [Test]
    public void Workers_WithAnIterationCap_StopIncomplete()
    {
        var (info, values) = SmallParams.Resolve("EventCheckConnectLostWakeup", "threads=2");

        var sut = Explorer.Explore(info, values, new ExplorationOptions { Workers = 2, TracesDirectory = null, Iterations = 10 });

        Assert.Multiple(() =>
        {
            Assert.That(sut.Complete, Is.False);
            Assert.That(sut.Schedules, Is.EqualTo(10), "the cap counts the runs of every worker");
        });
    }

    private static ExplorationReport Explore(Catalog.ScenarioInfo info, IReadOnlyDictionary<string, object> values, int workers, bool reduction = true, bool stateCache = true) =>
        Explorer.Explore(info, values, new ExplorationOptions { Workers = workers, Reduction = reduction, StateCache = stateCache, TracesDirectory = null, Iterations = 200_000 });

    private static void AssertSameFindings(ExplorationReport sut, ExplorationReport expected) => Assert.Multiple(() =>
    {
        Assert.That(expected.Complete, Is.True, "the one-worker search finishes");
        Assert.That(sut.Complete, Is.EqualTo(expected.Complete));
        Assert.That(sut.DistinctOutputs, Is.EqualTo(expected.DistinctOutputs));
        Assert.That(sut.OutcomesTruncated, Is.EqualTo(expected.OutcomesTruncated));
        Assert.That(sut.Outcomes.Select(o => string.Join('\n', o.Output)), Is.EqualTo(expected.Outcomes.Select(o => string.Join('\n', o.Output))), "outcomes in order");
        Assert.That(CatalogReductionTests.Violations(sut), Is.EqualTo(CatalogReductionTests.Violations(expected)), "violations in order");
    });
}
