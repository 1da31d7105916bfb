using FsCheck;
using FsCheck.Fluent;
using SimHarness.Exploration;
using SimHarness.Exploration.Estimation;

namespace SimHarness.Tests.Exploration.Estimation;

/// <summary>
/// The share of a search's tree behind it (README, "How far a search has come"). The expected shares
/// come from the trees themselves: the sum of the finished leaves' masses (the product of 1/branches
/// on each leaf's path), summed leaf by leaf here, and for a chain of data choices, k runs of a
/// product of equally likely leaves.
/// </summary>
public class SearchedShareTests
{
    private sealed record Node(IReadOnlyList<Node> Children);

    // A tree from a list of draws: each node takes the next draw mod 4 children (0: a leaf), to depth 5.
    private static Node Tree(Queue<int> draws, int depth)
    {
        var branches = depth >= 5 || !draws.TryDequeue(out var d) ? 0 : d % 4;
        return new Node(Enumerable.Range(0, branches).Select(_ => Tree(draws, depth + 1)).ToList());
    }

    // Each leaf in depth-first order: the path to it as (branches, index) per node.
    private static IEnumerable<List<(int Branches, int Index)>> Leaves(Node node, List<(int, int)> path)
    {
        if (node.Children.Count == 0)
        {
            yield return [.. path];
            yield break;
        }

        for (var i = 0; i < node.Children.Count; i++)
        {
            path.Add((node.Children.Count, i));
            foreach (var leaf in Leaves(node.Children[i], path))
            {
                yield return leaf;
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private static double Mass(List<(int Branches, int Index)> leaf) => leaf.Aggregate(1.0, (m, n) => m / n.Branches);

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Of_StandingOnEachLeaf_IsTheMassOfTheLeavesBeforeIt() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 11).ListOf()), draws =>
        {
            var leaves = Leaves(Tree(new Queue<int>(draws), 0), []).ToList();
            var before = 0.0;
            foreach (var leaf in leaves)
            {
                var share = SearchedShare.Of(leaf.Select(n => (n.Branches, n.Index)));
                if (Math.Abs(share - before) > 1e-12)
                {
                    return false.Label($"standing on a leaf with {before} behind it, the share says {share}");
                }

                before += Mass(leaf);
            }

            return (Math.Abs(before - 1) < 1e-12).Label($"the leaves' masses sum to {before}");
        });

    [Test]
    public void Of_AHandMadeTree_GivesEachLeafItsWalkMass()
    {
        // Root with two branches: the first has three leaves (1/6 each), the second is a leaf (1/2).
        Assert.Multiple(() =>
        {
            Assert.That(SearchedShare.Of([(2, 0), (3, 0)]), Is.EqualTo(0));
            Assert.That(SearchedShare.Of([(2, 0), (3, 2)]), Is.EqualTo(2.0 / 6).Within(1e-12));
            Assert.That(SearchedShare.Of([(2, 1)]), Is.EqualTo(0.5).Within(1e-12));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Explore_AChainOfChoicesCutAfterKRuns_HasKOfTheProductBehindIt(bool reduction)
    {
        // 3 * 2 * 4 = 24 equally likely leaves: k runs in depth-first order are k/24 of the tree.
        var (info, values) = SizeEstimateTests.Resolve<ChoiceChain>("counts=3,2,4");
        foreach (var k in new[] { 1, 5, 17, 23, 24, 30 })
        {
            var sut = Explorer.Explore(info, values, new ExplorationOptions { Reduction = reduction, Iterations = k, TracesDirectory = null });

            var runs = Math.Min(k, 24);
            Assert.Multiple(() =>
            {
                Assert.That(sut.Schedules, Is.EqualTo(runs), $"k={k}");
                Assert.That(sut.Complete, Is.EqualTo(k >= 24), $"k={k}");
                Assert.That(sut.SearchedShare, Is.EqualTo(runs / 24.0).Within(1e-9), $"k={k}");
                Assert.That(sut.ProjectedSchedules, Is.EqualTo(24).Within(1e-6), $"k={k}");
            });
        }
    }

    [Test]
    public void Explore_WithoutReductionCutEarlierAndLater_HasMoreBehindItLaterAndAllWhenComplete()
    {
        var (info, values) = SizeEstimateTests.Resolve<IndependentPrinters>("threads=2;steps=2");
        var whole = Explorer.Explore(info, values, new ExplorationOptions { Reduction = false, TracesDirectory = null });
        var shares = Enumerable.Range(1, (int)whole.Schedules - 1)
            .Select(k => Explorer.Explore(info, values, new ExplorationOptions { Reduction = false, Iterations = k, TracesDirectory = null }).SearchedShare!.Value)
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(whole.Complete, Is.True);
            Assert.That(whole.SearchedShare, Is.EqualTo(1));
            Assert.That(whole.ProjectedSchedules, Is.EqualTo(whole.Schedules));
            // Every run adds its own positive mass, and the last one completes the tree.
            Assert.That(shares.Zip(shares.Skip(1)).All(p => p.First < p.Second), Is.True, string.Join(", ", shares));
            Assert.That(shares[0], Is.GreaterThan(0));
            Assert.That(shares[^1], Is.LessThan(1));
        });
    }

    [Test]
    public void Explore_SplitCutShortBoundedOrSampling_HasNoShare()
    {
        var (info, values) = SizeEstimateTests.Resolve<ChoiceChain>("counts=3,2");
        Assert.Multiple(() =>
        {
            Assert.That(Explorer.Explore(info, values, new ExplorationOptions { Workers = 2, StateCache = false, Iterations = 3, TracesDirectory = null }).SearchedShare, Is.Null, "a split search cut short");
            Assert.That(Explorer.Explore(info, values, new ExplorationOptions { Workers = 2, TracesDirectory = null }).SearchedShare, Is.EqualTo(1), "a split search that finished");
            Assert.That(Explorer.Explore(info, values, new ExplorationOptions { MaxPreemptions = 1, TracesDirectory = null }).SearchedShare, Is.Null);
            Assert.That(Explorer.Explore(info, values, new ExplorationOptions { Strategy = "random", Iterations = 5, TracesDirectory = null }).SearchedShare, Is.Null);
        });
    }
}
