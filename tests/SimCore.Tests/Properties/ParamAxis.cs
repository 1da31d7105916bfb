using System.Globalization;

namespace SimHarness.Tests.Properties;

/// <summary>One parameter's candidate values, simplest first: generators pick among them and shrinking moves towards the first.</summary>
/// <param name="Name">The parameter's name, as <c>--param</c> takes it.</param>
/// <param name="Values">The values as <c>--param</c> text, simplest first.</param>
internal sealed record ParamAxis(string Name, IReadOnlyList<string> Values)
{
    /// <summary>The integers <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static ParamAxis Ints(string name, int min, int max) =>
        new(name, Enumerable.Range(min, max - min + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());

    /// <summary>Seconds from <paramref name="min"/> to <paramref name="max"/> in steps of <paramref name="step"/> (decimals, so 0.1 stays exact).</summary>
    public static ParamAxis Seconds(string name, decimal min, decimal max, decimal step)
    {
        var values = new List<string>();
        for (var v = min; v <= max; v += step)
        {
            values.Add(Format(v));
        }

        return new(name, values);
    }

    /// <summary>Seconds as <c>--param</c> writes them: invariant culture, no trailing zeros.</summary>
    public static string Format(decimal seconds) => seconds.ToString("0.######", CultureInfo.InvariantCulture);
}
