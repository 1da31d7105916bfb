using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Vocabulary;

namespace SimHarness.Tests.Vocabulary;

/// <summary>
/// The vocabulary scenarios explored exhaustively at small sizes: the fixed ones hold every
/// invariant and give the number of transcripts combinatorics predicts; the broken twins deadlock.
/// </summary>
public class VocabularyScenarioTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(ProducerConsumer).Assembly]);

    private static ExplorationReport Explore(string scenario, params string[] overrides)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides(overrides));
        return Explorer.Explore(info, values, new ExplorationOptions { TracesDirectory = null, MaxOutcomes = int.MaxValue });
    }

    /// <summary>One producer's two items, c consumers: either one consumer gets both (c ways, printed in order), or two different consumers get one each (c(c-1) ways) and print in either order.</summary>
    [TestCase(1)]
    [TestCase(2)]
    public void ProducerConsumer_OneProducerTwoItems_HoldsAndGivesEveryAssignmentAndPrintOrder(int consumers)
    {
        var sut = Explore(nameof(ProducerConsumer), "producers=1", $"consumers={consumers}", "items=2", "maxsize=1");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.DistinctOutputs, Is.EqualTo(consumers + (2 * consumers * (consumers - 1))));
        Assert.That(sut.Outcomes.Select(o => o.Output[^1]), Is.All.EqualTo("all work done"));
    }

    /// <summary>p producers of one item each, one consumer: it prints the p items in any of p! orders.</summary>
    [TestCase(2, 1)]
    [TestCase(2, 2)]
    public void ProducerConsumer_OneItemPerProducerOneConsumer_GivesEveryOrderOfTheItems(int producers, int maxsize)
    {
        var sut = Explore(nameof(ProducerConsumer), $"producers={producers}", "consumers=1", "items=1", $"maxsize={maxsize}");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.DistinctOutputs, Is.EqualTo(Factorial(producers)));
    }

    /// <summary>Three philosophers are all neighbours: meals never overlap, so the transcripts are the 3! orders of whole meals.</summary>
    [Test]
    public void DiningPhilosophers_ThreeOrderedPhilosophers_NeverDeadlockAndEatInEveryOrder()
    {
        var sut = Explore(nameof(DiningPhilosophers), "philosophers=3", "meals=1");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.DistinctOutputs, Is.EqualTo(Factorial(3)));
    }

    [Test]
    public void DiningPhilosophers_FourOrderedPhilosophers_HoldEveryInvariant()
    {
        var sut = Explore(nameof(DiningPhilosophers), "philosophers=4", "meals=1");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty);
    }

    [TestCase(2)]
    [TestCase(3)]
    public void DiningPhilosophersDeadlock_EveryoneLeftFirst_DeadlocksWithEachWaitingForItsRightFork(int philosophers)
    {
        var sut = Explore(nameof(DiningPhilosophersDeadlock), $"philosophers={philosophers}");

        Assert.That(sut.AsExpected, Is.True);
        var deadlock = sut.Violations.Single(v => v.Invariant == "deadlock");
        for (var seat = 0; seat < philosophers; seat++)
        {
            var right = (seat + 1) % philosophers;
            Assert.That(deadlock.Message, Does.Contain($"philosopher-{seat} waits on acquire fork{right}#"));
        }
    }

    /// <summary>With wait_for every waiter wakes: the transcripts are the n! orders of the waiters' lines.</summary>
    [TestCase(1)]
    [TestCase(2)]
    public void ConditionWaitFor_AnyOrder_EveryWaiterWakes(int waiters)
    {
        var sut = Explore(nameof(ConditionWaitFor), $"waiters={waiters}");

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.DistinctOutputs, Is.EqualTo(Factorial(waiters)));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ConditionLostWakeup_NotifyBeforeWait_IsFoundAsADeadlock(int waiters)
    {
        var sut = Explore(nameof(ConditionLostWakeup), $"waiters={waiters}");

        Assert.That(sut.AsExpected, Is.True);
        Assert.That(sut.Violations.First(v => v.Invariant == "deadlock").Message, Does.Contain("waits on wait condition#"));
    }

    [TestCase(nameof(DiningPhilosophersDeadlock))]
    [TestCase(nameof(ConditionLostWakeup))]
    public void BrokenTwin_UnderCoyote_IsFoundToo(string scenario)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var sut = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { Strategy = "coyote-random", Iterations = 300, Seed = 1, StopOnFirst = true, TracesDirectory = null });

        Assert.That(sut.AsExpected, Is.True, $"{sut.Schedules} runs, violations: {string.Join("; ", sut.Violations.Select(v => v.Invariant))}");
    }

    [Test]
    public void ProducerConsumer_UnderCoyote_HoldsItsInvariants()
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(ProducerConsumer));

        var sut = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { Strategy = "coyote-random", Iterations = 30, Seed = 1, TracesDirectory = null });

        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Schedules, Is.EqualTo(30));
    }

    [TestCase(nameof(DiningPhilosophersDeadlock))]
    [TestCase(nameof(ConditionLostWakeup))]
    public void BrokenTwin_HasItsTraceInTheCorpus(string scenario)
    {
        var sut = Path.Combine(RepoPaths.Traces, $"{scenario}.exhaustive.json");

        Assert.That(File.Exists(sut), Is.True, $"{sut} is replayed by TraceCorpusTests");
    }

    private static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
