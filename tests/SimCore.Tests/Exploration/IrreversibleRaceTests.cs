using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Zoo;
using SimHarness.Tests.Vocabulary;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// Issue 11, item 3: a join does not race the finish that enables it, nor an acquire the release of
/// the held lock before it. The reduced search on ZooLostUpdateFixed runs one complete run per order
/// of its critical sections (n! orders, from combinatorics) and at most twice that many schedules;
/// scenarios built to break the rules (a timed join, a join racing a start, acquirers arriving after
/// a release, a release that fails because the lock is free) give the transcripts and violations of
/// the search over every interleaving.
/// </summary>
public class IrreversibleRaceTests
{
    [TestCase(2, false)]
    [TestCase(3, false)]
    [TestCase(4, false)]
    [TestCase(2, true)]
    [TestCase(3, true)]
    [TestCase(4, true)]
    public void Reduction_OnZooLostUpdateFixed_RunsEachOrderOfTheCriticalSectionsOnce(int threads, bool cache)
    {
        // Every step outside the critical sections is ordered by the lock, start and join, so the
        // equivalence classes are the orders of the n critical sections: n!. Sleep sets allow at most
        // one complete run per class and the reduction needs at least one.
        var orders = Factorial(threads);
        var info = new ScenarioInfo(typeof(ZooLostUpdateFixed));
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides([$"threads={threads}"]));

        var sut = Explorer.Explore(info, values, new ExplorationOptions { StateCache = cache, TracesDirectory = null, MaxOutcomes = int.MaxValue });

        Assert.Multiple(() =>
        {
            Assert.That(sut.Complete, Is.True);
            Assert.That(sut.Outcomes.Select(o => string.Join('|', o.Output)), Is.EqualTo(new[] { $"counter = {threads}" }));
            Assert.That(sut.Violations, Is.Empty);
            Assert.That(sut.Schedules, Is.LessThanOrEqualTo(2 * orders), "schedules within twice the orders");
            if (!cache)
            {
                Assert.That(sut.Outcomes.Sum(o => o.Count), Is.EqualTo(orders), "complete runs: one per order");
            }
        });
    }

    private static IEnumerable<TestCaseData> Breakers() =>
        new[] { typeof(TimedJoinRacingFinish), typeof(JoinRacingStart), typeof(LateAcquirers), typeof(FailedReleaseRacingAcquire) }
            .Select(t => new TestCaseData(t).SetName($"Reduction_On{t.Name}_KeepsEveryTranscriptOfTheFullSearch"));

    [TestCaseSource(nameof(Breakers))]
    public void Reduction_KeepsEveryTranscriptOfTheFullSearch(Type breaker) => AssertAsTheFullSearch(breaker);

    /// <summary>The reduced search, with and without state caching, finds the transcripts and violations of the search over every interleaving.</summary>
    internal static void AssertAsTheFullSearch(Type breaker)
    {
        StateCaching.DigestBreakerTests.AssertReductionFindsEveryOutcome(breaker, cache: false);
        StateCaching.DigestBreakerTests.AssertReductionFindsEveryOutcome(breaker, cache: true);
    }

    private static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    /// <summary>
    /// A join with a zero timeout races the joined thread's finish: its guard has a deadline, so it is
    /// enabled before the finish and the two orders print different lines (the join rule must not apply).
    /// </summary>
    private sealed class TimedJoinRacingFinish : AnyOutputScenario
    {
        public override string Description => "join(timeout=0) against the joined thread's finish";

        public override async Task RunAsync(ISim sim)
        {
            var w = await sim.CreateThreadAsync(() => sim.PrintAsync("w"), "w");
            await w.StartAsync();
            var finished = await w.JoinAsync(0m);
            await sim.PrintAsync(finished ? "joined" : "alive");
            await w.JoinAsync();
        }
    }

    /// <summary>A thread joins another that main starts concurrently: before the start the join raises, after it the join waits for the finish.</summary>
    private sealed class JoinRacingStart : AnyOutputScenario
    {
        public override string Description => "a join racing the joined thread's start, then its finish";

        public override async Task RunAsync(ISim sim)
        {
            SimThread? target = null;
            target = await sim.CreateThreadAsync(() => sim.PrintAsync("target"), "target");
            var joiner = await sim.CreateThreadAsync(
                async () =>
                {
                    try
                    {
                        await target.JoinAsync();
                        await sim.PrintAsync("joined");
                    }
                    catch (Threading.RuntimeError)
                    {
                        await sim.PrintAsync("not started");
                    }
                },
                "joiner");
            await joiner.StartAsync();
            await target.StartAsync();
            await joiner.JoinAsync();
            await target.JoinAsync();
        }
    }

    /// <summary>
    /// Threads that read before taking a lock, then write and print inside it: an acquire that arrives
    /// after another thread's release must still be reversed with that thread's acquire.
    /// </summary>
    private sealed class LateAcquirers : AnyOutputScenario
    {
        public override string Description => "two threads read, then write and print holding one lock";

        public override async Task RunAsync(ISim sim)
        {
            var guard = sim.NewLock("l");
            var x = sim.NewValue(0, "x");
            var threads = await VocabularyReductionTests.StartAllAsync(
                sim,
                [.. Enumerable.Range(1, 2).Select(k => (Func<Task>)(async () =>
                {
                    await x.ReadAsync();
                    await guard.AcquireAsync();
                    await x.WriteAsync(k);
                    await sim.PrintAsync($"t{k}");
                    await guard.ReleaseAsync();
                }))]);
            foreach (var t in threads)
            {
                await t.JoinAsync();
            }

            await sim.PrintAsync($"x = {await x.ReadAsync()}");
        }
    }

    /// <summary>
    /// A release of a free lock fails (RuntimeError) and changes nothing, so an acquire after it could
    /// have gone first, and then the release succeeds: only a release of a held lock makes the acquire
    /// after it irreversible.
    /// </summary>
    private sealed class FailedReleaseRacingAcquire : AnyOutputScenario
    {
        public override string Description => "a release of a free lock racing another thread's acquire";

        public override async Task RunAsync(ISim sim)
        {
            var l = sim.NewLock("l");
            var x = sim.NewValue(0, "x");
            await RunAllAsync(
                sim,
                async () =>
                {
                    try
                    {
                        await l.ReleaseAsync();
                        await sim.PrintAsync("released");
                    }
                    catch (Threading.RuntimeError)
                    {
                        await sim.PrintAsync("was free");
                    }
                },
                async () =>
                {
                    await x.ReadAsync();
                    await l.AcquireAsync();
                    await sim.PrintAsync("acquired");
                });
        }
    }

    private static async Task RunAllAsync(ISim sim, params Func<Task>[] bodies)
    {
        foreach (var t in await VocabularyReductionTests.StartAllAsync(sim, bodies))
        {
            await t.JoinAsync();
        }
    }
}
