namespace SimHarness.Exploration;

/// <summary>Checks a run's end: its monitors, then the scenario's end-of-run invariants, the same way under every scheduler.</summary>
internal static class InvariantChecker
{
    /// <summary>The violations at the end of a run that ended by itself: a monitor's end verdict, a monitor still hot, a broken invariant.</summary>
    /// <param name="scenario">The scenario whose invariants apply.</param>
    /// <param name="record">The finished run.</param>
    /// <param name="monitors">The run's monitors (<see cref="Simulation.World.Monitors"/>).</param>
    public static IReadOnlyList<Violation> Check(Scenario scenario, RunRecord record, IReadOnlyList<Monitor> monitors)
    {
        if (!record.Completed || record.Violations.Count > 0)
        {
            return record.Violations;
        }

        foreach (var m in monitors)
        {
            if (m.OnRunEnd(record) is { } message)
            {
                return [new Violation(m.Name, message)];
            }

            if (m.IsHot)
            {
                return [new Violation(m.Name, $"liveness: {m.Description}: still owed when the run ended (hot to the end)")];
            }
        }

        foreach (var inv in scenario.Invariants)
        {
            if (Run(inv, record) is { } message)
            {
                return [new Violation(inv.Name, message)];
            }
        }

        return [];
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
