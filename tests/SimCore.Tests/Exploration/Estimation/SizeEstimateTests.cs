using FsCheck;
using FsCheck.Fluent;
using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Exploration.Estimation;

namespace SimHarness.Tests.Exploration.Estimation;

/// <summary>
/// Issue 12, item 2: Knuth's estimate of the unreduced schedule tree. Every expected count here comes
/// from combinatorics (a product of choice counts, the linear extensions of the program order),
/// computed in the test; the explorer's own count is checked against the same number, so the tree
/// estimated is shown to be the tree <c>--no-reduction</c> explores.
/// </summary>
public class SizeEstimateTests
{
    [FsCheck.NUnit.Property(MaxTest = 15)]
    public Property Estimate_DataChoicesOnly_IsExactlyTheProductOnEveryProbe() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(1, 4)).Select(l => l.Take(5).ToArray())), counts =>
        {
            var (info, values) = Resolve<ChoiceChain>($"counts={string.Join(',', counts)}");
            var product = counts.Aggregate(1L, (p, c) => p * c);

            var sut = Explorer.Estimate(info, values, new ExplorationOptions { EstimateProbes = 10 })!;
            var full = Explorer.Explore(info, values, new ExplorationOptions { Reduction = false, TracesDirectory = null });

            // Every probe meets the same choices: each probe's estimate is the product, so there is no variance.
            return (sut.Schedules == product && sut.Low == product && sut.High == product && full.Complete && full.Schedules == product)
                .Label($"counts [{string.Join(',', counts)}]: product {product}, estimate {sut.Schedules} [{sut.Low}, {sut.High}], explorer {full.Schedules}");
        });

    [TestCase(1, 1)]
    [TestCase(1, 3)]
    [TestCase(2, 1)]
    [TestCase(2, 2)]
    [TestCase(2, 3)]
    [TestCase(3, 1)]
    [TestCase(3, 2)]
    public void Estimate_IndependentThreads_AveragesNearTheCountOfInterleavings(int threads, int steps)
    {
        var (info, values) = Resolve<IndependentPrinters>($"threads={threads};steps={steps}");
        var exact = Interleavings(threads, steps);

        var sut = Explorer.Estimate(info, values, new ExplorationOptions { EstimateProbes = 3000, EstimateBudget = TimeSpan.FromMinutes(5), Seed = 7 })!;
        var full = Explorer.Explore(info, values, new ExplorationOptions { Reduction = false, TracesDirectory = null });

        var standardError = (sut.High - sut.Schedules) / SizeEstimator.Z95;
        Assert.Multiple(() =>
        {
            Assert.That(full.Schedules, Is.EqualTo(exact), "the unreduced search runs every interleaving of the program order");
            Assert.That(sut.Probes, Is.EqualTo(3000));
            Assert.That(Math.Abs(sut.Schedules - exact), Is.LessThanOrEqualTo(4 * standardError), $"estimate {sut.Schedules} [{sut.Low}, {sut.High}] vs {exact}");
            Assert.That(sut.Schedules / exact, Is.InRange(0.8, 1.25));
        });
    }

    [Test]
    public void Interleavings_OnlyWorkersAfterMain_IsTheMultinomial()
    {
        // The model's cross-check against the textbook count: once main has started every thread the
        // remaining steps of k threads of n steps interleave in (kn)!/(n!)^k ways.
        Assert.That(Interleavings(2, 3, mainDone: true), Is.EqualTo(Factorial(8) / (Factorial(4) * Factorial(4))));
        Assert.That(Interleavings(3, 1, mainDone: true), Is.EqualTo(Factorial(6) / (Factorial(2) * Factorial(2) * Factorial(2))));
    }

    [Test]
    public void Estimate_SameSeed_GivesTheSameEstimate()
    {
        var (info, values) = Resolve<IndependentPrinters>("threads=3;steps=2");
        var options = new ExplorationOptions { EstimateProbes = 200, EstimateBudget = TimeSpan.FromMinutes(5), Seed = 3 };

        var sut = Explorer.Estimate(info, values, options)!;
        var again = Explorer.Estimate(info, values, options)!;

        Assert.That((again.Schedules, again.Low, again.High), Is.EqualTo((sut.Schedules, sut.Low, sut.High)));
    }

    [Test]
    public void Estimate_NoProbes_IsRefused()
    {
        var (info, values) = Resolve<ChoiceChain>("");

        Assert.That(() => Explorer.Estimate(info, values, new ExplorationOptions()), Throws.TypeOf<UsageException>());
    }

    [Test]
    public void Summarize_Variance_GivesTheNormalInterval()
    {
        // Estimates 2, 4, 6, 8: mean 5, sample variance 20/3, standard error sqrt(20/3/4).
        var sut = SizeEstimator.Summarize([2, 4, 6, 8], 1, 4);

        var half = SizeEstimator.Z95 * Math.Sqrt(20.0 / 3 / 4);
        Assert.Multiple(() =>
        {
            Assert.That(sut.Schedules, Is.EqualTo(5).Within(1e-12));
            Assert.That(sut.Low, Is.EqualTo(5 - half).Within(1e-12));
            Assert.That(sut.High, Is.EqualTo(5 + half).Within(1e-12));
        });
    }

    [Test]
    public void Summarize_HugeEstimates_DoNotOverflow()
    {
        var sut = SizeEstimator.Summarize([1e300, 3e300], 1, 2);

        Assert.Multiple(() =>
        {
            Assert.That(sut.Schedules, Is.EqualTo(2e300).Within(1e286));
            Assert.That(double.IsFinite(sut.High), Is.True);
        });
    }

    /// <summary>
    /// Interleavings of <see cref="IndependentPrinters"/> from the rules of docs/semantics.md: main
    /// creates then starts each thread (two steps each) and ends (a step); a started thread prints
    /// <paramref name="steps"/> lines and ends (a step each). Counted by recursion over the program
    /// counters, every enabled step a branch.
    /// </summary>
    internal static long Interleavings(int threads, int steps, bool mainDone = false)
    {
        var mainSteps = 2 * threads + 1;
        var memo = new Dictionary<string, long>();
        long Count(int main, int[] pcs)
        {
            var key = main + ":" + string.Join(',', pcs);
            if (memo.TryGetValue(key, out var known))
            {
                return known;
            }

            long total = main < mainSteps ? Count(main + 1, pcs) : 0;
            for (var i = 0; i < threads; i++)
            {
                // Thread i is started by main's step 2i + 1 (0-based): it runs once main is past it.
                if (main >= 2 * i + 2 && pcs[i] < steps + 1)
                {
                    pcs[i]++;
                    total += Count(main, pcs);
                    pcs[i]--;
                }
            }

            var leaves = main == mainSteps && pcs.All(p => p == steps + 1) ? 1 : total;
            memo[key] = leaves;
            return leaves;
        }

        return Count(mainDone ? mainSteps : 0, new int[threads]);
    }

    private static long Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    internal static (ScenarioInfo Info, IReadOnlyDictionary<string, object> Values) Resolve<T>(string overrides)
        where T : Scenario
    {
        var info = new ScenarioInfo(typeof(T));
        return (info, info.ResolveParams(overrides.Length == 0 ? null : ScenarioInfo.ParseOverrides([overrides])));
    }
}
