using FsCheck;
using FsCheck.Fluent;

namespace SimHarness.Tests.Properties;

/// <summary>Generators of scenario cases: each parameter drawn from its axis, shrinking each towards its simplest value.</summary>
internal static class ScenarioGen
{
    /// <summary>Cases of <paramref name="scenario"/> with one value per axis; shrinks one axis at a time towards its first value.</summary>
    public static Arbitrary<ScenarioCase> Axes(string scenario, params ParamAxis[] axes)
    {
        var gen = Gen.CollectToArray(axes.Select(a => Gen.Choose(0, a.Values.Count - 1)))
            .Select(ix => Case(scenario, axes, ix));
        return Arb.From(gen, c => Shrink(scenario, axes, c));
    }

    /// <summary>Simpler cases: each axis in turn set to its first value, then one step simpler.</summary>
    private static IEnumerable<ScenarioCase> Shrink(string scenario, ParamAxis[] axes, ScenarioCase c)
    {
        var ix = axes.Select(a => IndexOf(a, c.Params[a.Name])).ToArray();
        for (var i = 0; i < axes.Length; i++)
        {
            foreach (var simpler in new[] { 0, ix[i] - 1 }.Where(v => v >= 0 && v < ix[i]).Distinct())
            {
                var next = (int[])ix.Clone();
                next[i] = simpler;
                yield return Case(scenario, axes, next);
            }
        }
    }

    private static int IndexOf(ParamAxis axis, string value)
    {
        for (var i = 0; i < axis.Values.Count; i++)
        {
            if (axis.Values[i] == value)
            {
                return i;
            }
        }

        return 0;
    }

    private static ScenarioCase Case(string scenario, ParamAxis[] axes, int[] ix) =>
        new(scenario, axes.Select((a, i) => (a.Name, a.Values[ix[i]])).ToDictionary(x => x.Name, x => x.Item2, StringComparer.Ordinal));
}
