namespace SimHarness.Exploration;

/// <summary>Checks a scenario's end-of-run invariants, the same way under every scheduler.</summary>
internal static class InvariantChecker
{
    /// <summary>The violations of <paramref name="scenario"/>'s invariants in a run that ended by itself.</summary>
    public static IReadOnlyList<Violation> Check(Scenario scenario, RunRecord record)
    {
        if (!record.Completed || record.Violations.Count > 0)
        {
            return record.Violations;
        }

        var found = new List<Violation>();
        foreach (var inv in scenario.Invariants)
        {
            if (Run(inv, record) is { } message)
            {
                found.Add(new Violation(inv.Name, message));
                break;
            }
        }

        return found;
    }

    /// <summary>An invariant that throws is violated: the run broke an assumption its check made (issue 15).</summary>
    private static string? Run(Invariant inv, RunRecord record)
    {
        try
        {
            return inv.Check(record);
        }
#pragma warning disable CA1031 // Any exception of the scenario's own check becomes that invariant's violation, never a crash.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return $"the invariant's check itself failed: {ex.Message}";
        }
    }
}
