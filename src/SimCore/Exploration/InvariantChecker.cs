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
            if (inv.Check(record) is { } message)
            {
                found.Add(new Violation(inv.Name, message));
                break;
            }
        }

        return found;
    }
}
