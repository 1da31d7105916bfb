using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Exploration.Parallel;

namespace SimHarness.Tests.Exploration.Parallel;

/// <summary>
/// The frontier's shape. A frontier decision tries every branch that is not asleep, more than the
/// reduction would, so each prefix past the target costs runs: the last level is expanded only until
/// the target is reached, in order. That the parts still cover every class once is checked by the split
/// searches against the unreduced one (SplitSearchTests, with a 3-prefix frontier).
/// </summary>
public class FrontierTests
{
    private static IEnumerable<TestCaseData> Cases() => SmallParams.Cases(nameof(Build_StopsExpandingAtItsTarget_AndNoPrefixExtendsAnother));

    [TestCaseSource(nameof(Cases))]
    public void Build_StopsExpandingAtItsTarget_AndNoPrefixExtendsAnother(string scenario, string? overrides)
    {
        var (info, values) = SmallParams.Resolve(scenario, overrides);

        foreach (var target in new[] { 2, 5, 17 })
        {
            var keys = Build(info, values, target);

            Assert.Multiple(() =>
            {
                AssertNoneExtendsAnother(keys, target);
                if (keys.Count < target)
                {
                    // Every prefix is a whole run: a larger target finds nothing more to expand.
                    Assert.That(Build(info, values, target * 10), Is.EqualTo(keys), $"target {target}: fewer prefixes than asked, yet more to expand");
                }
                else
                {
                    // The level is expanded in order: the children of the last prefix expanded are
                    // the last prefixes of the greatest length, with one parent. Before that
                    // expansion the target was not reached.
                    var depth = keys.Max(k => k.Length);
                    var last = keys.FindLastIndex(k => k.Length == depth);
                    var parent = keys[last][..^1];
                    var group = keys.Take(last + 1).Reverse().TakeWhile(k => k.Length == depth && k.AsSpan(0, k.Length - 1).SequenceEqual(parent)).Count();
                    Assert.That(keys.Count - group + 1, Is.LessThan(target), $"target {target}: {keys.Count} prefixes, expanded past the target");
                }
            });
        }
    }

    private static List<string[]> Build(ScenarioInfo info, IReadOnlyDictionary<string, object> values, int target) =>
        Frontier.Build(() => info.Create(values), new ExplorationOptions().MaxSteps, reduction: true, target)
            .ConvertAll(p => p.Select(s => $"{s.Kind}:{s.Chosen}").ToArray());

    private static void AssertNoneExtendsAnother(List<string[]> keys, int target)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            for (var j = 0; j < keys.Count; j++)
            {
                if (i != j && keys[i].Length <= keys[j].Length && keys[j].Take(keys[i].Length).SequenceEqual(keys[i]))
                {
                    Assert.Fail($"target {target}: prefix {string.Join(' ', keys[j])} extends prefix {string.Join(' ', keys[i])}");
                }
            }
        }
    }
}
