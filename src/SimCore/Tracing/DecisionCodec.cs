using System.Globalization;
using SimHarness.Exploration;

namespace SimHarness.Tracing;

/// <summary>Decisions as traces write them: <c>T3</c> runs thread 3, <c>V1</c> takes value 1.</summary>
internal static class DecisionCodec
{
    public static string Encode(Decision d) =>
        (d.Kind == DecisionKind.Thread ? "T" : "V") + d.Value.ToString(CultureInfo.InvariantCulture);

    public static Decision Decode(string text, int index)
    {
        if (text.Length >= 2 && (text[0] == 'T' || text[0] == 'V') &&
            int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return new Decision(text[0] == 'T' ? DecisionKind.Thread : DecisionKind.Value, v);
        }

        throw new UsageException($"decision {index} '{text}' is not of the form T<thread> or V<value>");
    }

    /// <summary>A short stable hash of a decision list, for deterministic trace file names.</summary>
    public static string Hash(IEnumerable<Decision> decisions)
    {
        var h = 14695981039346656037UL;
        foreach (var d in decisions)
        {
            h = (h ^ (ulong)(d.Kind == DecisionKind.Thread ? 'T' : 'V')) * 1099511628211UL;
            h = (h ^ (ulong)(uint)d.Value) * 1099511628211UL;
        }

        return h.ToString("x16", CultureInfo.InvariantCulture)[..10];
    }
}
