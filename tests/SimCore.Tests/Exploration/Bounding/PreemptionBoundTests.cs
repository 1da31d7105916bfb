using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Zoo;

namespace SimHarness.Tests.Exploration.Bounding;

/// <summary>
/// Issue 12, item 1: the search bounded at K preemptions makes exactly the runs with at most K preemptions
/// (as shrink counts them), the preemption-free runs of a scenario are the ones counted by hand, and a bound
/// at least every run's preemptions is the unbounded search.
/// </summary>
public class PreemptionBoundTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = SmallParams.Catalog;

    /// <summary>
    /// ZooLostUpdate with n threads, counted from its code: main creates and starts every thread, then joins
    /// them in order and prints. Without preemptions a thread runs until it blocks or ends, so main starts
    /// them all and blocks at its first join; from then on, whenever the running thread ends, any unfinished
    /// worker may go (it runs its read, write and finish), and so may main once the thread it waits for has
    /// ended (it joins every ended thread in order, then blocks at the next or prints and ends).
    /// </summary>
    private static long PreemptionFreeRunsOfLostUpdate(int n)
    {
        long Count(int finished, int joined)
        {
            long total = 0;
            for (var w = 0; w < n; w++)
            {
                if ((finished & (1 << w)) == 0)
                {
                    total += Count(finished | (1 << w), joined);
                }
            }

            if (joined < n && (finished & (1 << joined)) != 0)
            {
                var next = joined;
                while (next < n && (finished & (1 << next)) != 0)
                {
                    next++;
                }

                total += next == n ? 1 : Count(finished, next);
            }

            return total;
        }

        return Count(0, 0);
    }

    // On paper: one thread runs alone (1); with two, t1 first then main or t2 next (2), or t2 first (1). Zero: not worked out on paper.
    [TestCase(1, 1)]
    [TestCase(2, 3)]
    [TestCase(3, 0)]
    [TestCase(4, 0)]
    public void BoundZero_LostUpdate_MakesExactlyThePreemptionFreeRunsCountedByHand(int threads, long onPaper)
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(ZooLostUpdate));
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides([$"threads={threads}"]));
        var expected = PreemptionFreeRunsOfLostUpdate(threads);

        var sut = BoundedRuns.Runs(info, values, bound: 0, out var decisions);

        Assert.Multiple(() =>
        {
            if (onPaper > 0)
            {
                Assert.That(expected, Is.EqualTo(onPaper), "the model agrees with the count worked out on paper");
            }

            Assert.That(sut, Has.Count.EqualTo(expected), "one run per preemption-free schedule");
            Assert.That(sut, Is.Unique);
            Assert.That(decisions.Select(d => BoundedRuns.Preemptions(info, values, d)), Has.All.Zero, "shrink counts no preemption in any of them");
        });
    }

    private static IEnumerable<TestCaseData> SmallScenarios()
    {
        foreach (var (scenario, overrides) in new[]
        {
            ("ZooLostUpdate", "threads=2"),
            ("ZooCheckThenAct", ""),
            ("DiningPhilosophersDeadlock", "philosophers=2"),
            ("EventCheckConnect", "threads=1;checkDelay=1"),
            ("ZooRecvAsMessage", "messages=1"),
        })
        {
            foreach (var k in new[] { 0, 1, 2 })
            {
                yield return new TestCaseData(scenario, overrides, k).SetName($"Bound_{scenario}_K{k}_MakesExactlyTheRunsOfTheFullSearchWithinK");
            }
        }
    }

    /// <summary>Independent of the bounded search: every run of the full search, its preemptions counted by shrink's strategy.</summary>
    [TestCaseSource(nameof(SmallScenarios))]
    public void Bound_K_MakesExactlyTheRunsOfTheFullSearchWithinK(string scenario, string overrides, int k)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);
        var values = info.ResolveParams(overrides.Length == 0 ? null : ScenarioInfo.ParseOverrides([overrides]));
        var full = BoundedRuns.Runs(info, values, bound: null, out var fullDecisions);
        var within = full.Where((_, i) => BoundedRuns.Preemptions(info, values, fullDecisions[i]) <= k).ToList();

        var sut = BoundedRuns.Runs(info, values, bound: k, out _);

        Assert.That(sut, Is.EquivalentTo(within));
    }

    [Test]
    public void Bound_ReportOfABoundedSearch_StatesTheBoundAndWhetherItCutAnything()
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(ZooLostUpdate));
        var values = info.ResolveParams(null);

        var zero = Explorer.Explore(info, values, new ExplorationOptions { MaxPreemptions = 0, TracesDirectory = null });
        var large = Explorer.Explore(info, values, new ExplorationOptions { MaxPreemptions = 1_000, TracesDirectory = null });
        var unbounded = Explorer.Explore(info, values, new ExplorationOptions { TracesDirectory = null });

        Assert.Multiple(() =>
        {
            Assert.That((zero.Complete, zero.PreemptionBound, zero.UnboundedComplete), Is.EqualTo((true, (int?)0, (bool?)false)));
            Assert.That(zero.Violations, Is.Empty, "the lost update needs a preemption");
            Assert.That((large.Complete, large.PreemptionBound, large.UnboundedComplete), Is.EqualTo((true, (int?)1_000, (bool?)true)));
            Assert.That(large.StateCaching, Does.StartWith("off: the preemption-bounded search"));
            Assert.That((unbounded.PreemptionBound, unbounded.UnboundedComplete), Is.EqualTo(((int?)null, (bool?)null)), "no bound asked, none reported");
        });
    }

    [Test]
    public void Bound_TwoWorkers_SameRunsAsOne()
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(ZooLostUpdate));
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides(["threads=3"]));
        ExplorationReport Explore(int workers) =>
            Explorer.Explore(info, values, new ExplorationOptions { MaxPreemptions = 1, Workers = workers, TracesDirectory = null, MaxOutcomes = int.MaxValue });

        var one = Explore(1);
        var sut = Explore(2);

        Assert.Multiple(() =>
        {
            Assert.That(sut.Complete, Is.True);
            Assert.That(sut.Outcomes.Select(o => (string.Join('\n', o.Output), o.Count)), Is.EquivalentTo(one.Outcomes.Select(o => (string.Join('\n', o.Output), o.Count))), "each run once, whichever worker made it");
            Assert.That(sut.Violations.Select(v => (v.Message, v.Count)), Is.EquivalentTo(one.Violations.Select(v => (v.Message, v.Count))));
        });
    }

    [Test]
    public void Options_NegativeBoundOrBoundOnASamplingStrategy_AreRefused()
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(ZooLostUpdate));
        var values = info.ResolveParams(null);

        Assert.Multiple(() =>
        {
            Assert.That(() => Explorer.Explore(info, values, new ExplorationOptions { MaxPreemptions = -1 }), Throws.TypeOf<UsageException>().With.Message.Contains("at least 0"));
            Assert.That(() => Explorer.Explore(info, values, new ExplorationOptions { Iterative = true, Strategy = "pct" }), Throws.TypeOf<UsageException>().With.Message.Contains("--iterative"));
            Assert.That(() => Explorer.Explore(info, values, new ExplorationOptions { MaxPreemptions = 1, Strategy = "coyote" }), Throws.TypeOf<UsageException>().With.Message.Contains("--max-preemptions"));
        });
    }
}
