using FsCheck;
using FsCheck.Fluent;
using SimHarness.Exploration;
using SimHarness.Exploration.Parallel;

namespace SimHarness.Tests.Speed;

/// <summary>The explorer's tally lists the smallest keys, each with its count and its first run, whatever the order runs came in.</summary>
public class RankedTallyTests
{
    private static RunResult RunAt(int position) =>
        new(new RunRecord([], [], [], true, position, []), [], false);

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Listed_AnyKeysAndLimit_AreTheSmallestKeysWithCountAndFirstRun() =>
        Prop.ForAll(
            Arb.From(from keys in Gen.Choose(0, 30).ArrayOf() from limit in Gen.Choose(1, 6) select (keys, limit)),
            input => Check(input.keys, input.limit));

    private static bool Check(int[] keys, int limit)
    {
        var sut = new RankedTally<string>(StringComparer.Ordinal, Math.Max(limit, 1));
        var runs = keys.Select((_, i) => RunAt(i)).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            sut.Add(keys[i].ToString("D3", System.Globalization.CultureInfo.InvariantCulture), i, runs[i]);
        }

        // Brute force: group the keys, order them, take the first few; each group's first index is its run.
        var expected = keys
            .Select((k, i) => (Key: k.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), Index: i))
            .GroupBy(x => x.Key)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Take(Math.Max(limit, 1))
            .Select(g => (g.Key, (long)g.Count(), runs[g.First().Index]))
            .ToList();
        return sut.Listed().SequenceEqual(expected) && sut.Distinct == keys.Distinct().Count();
    }
}
