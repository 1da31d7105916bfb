using System.Globalization;

namespace SimHarness.Simulation;

/// <summary>Virtual times and durations as the event log shows them (<c>3</c>, <c>0.5</c>, <c>1.000001</c>), formatted once per value.</summary>
/// <remarks>
/// An exhaustive search formats the same few times (every tick, every sleep and timed wait) in
/// every one of its runs; a per-OS-thread cache (the explorer's workers each drive their own runs)
/// saves a decimal division and a string per use. The cache is bounded so that a long run with
/// ever-new times does not keep them all.
/// </remarks>
internal static class SecondsText
{
    private const int MaxCached = 4096;

    [ThreadStatic]
    private static Dictionary<long, string>? t_cache;

    /// <summary>The value in seconds, invariant culture, up to six decimals, without trailing zeros.</summary>
    public static string Format(long micros)
    {
        var cache = t_cache ??= [];
        if (cache.TryGetValue(micros, out var text))
        {
            return text;
        }

        text = (micros / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);
        if (cache.Count < MaxCached)
        {
            cache[micros] = text;
        }

        return text;
    }
}
