namespace SimHarness.Scenarios.Zoo;

/// <summary>Invariants the zoo scenarios share, stated over a run's output.</summary>
internal static class ZooInvariants
{
    /// <summary>Exactly <paramref name="expected"/> output lines end with <paramref name="suffix"/>.</summary>
    public static string? CountOf(RunRecord r, string suffix, int expected)
    {
        var lines = r.Output.Where(o => o.Text.EndsWith(suffix, StringComparison.Ordinal)).ToArray();
        return lines.Length == expected
            ? null
            : $"expected {expected} line(s) ending '{suffix}', got {lines.Length}" +
              (lines.Length > 0 ? $" ({string.Join("; ", lines.Select(l => l.Text))})" : "");
    }

    /// <summary>Every thread the run created finished.</summary>
    public static string? EveryThreadFinishes(RunRecord r)
    {
        var finished = r.Events.Where(e => e.Op == "finish").Select(e => e.Thread).ToHashSet(StringComparer.Ordinal);
        var unfinished = r.Threads.Where(t => !finished.Contains(t)).ToArray();
        return unfinished.Length == 0 ? null : $"thread(s) never finished: {string.Join(", ", unfinished)}";
    }
}
