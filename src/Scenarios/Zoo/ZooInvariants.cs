namespace SimHarness.Scenarios.Zoo;

/// <summary>Invariants the zoo scenarios share, stated over a run's output.</summary>
internal static class ZooInvariants
{
    /// <summary>Exactly <paramref name="expected"/> output lines end with <paramref name="suffix"/>.</summary>
    public static string? CountOf(IReadOnlyList<OutputLine> output, string suffix, int expected)
    {
        var lines = output.Where(o => o.Text.EndsWith(suffix, StringComparison.Ordinal)).ToArray();
        return lines.Length == expected
            ? null
            : $"expected {expected} line(s) ending '{suffix}', got {lines.Length}" +
              (lines.Length > 0 ? $" ({string.Join("; ", lines.Select(l => l.Text))})" : "");
    }
}
