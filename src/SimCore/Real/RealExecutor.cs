namespace SimHarness.Real;

/// <summary>Runs a scenario for real: one OS thread per simulated thread, wall-clock time, real sockets.</summary>
public static class RealExecutor
{
    /// <summary>Runs once; a run still going after <paramref name="timeout"/> is stopped and reported.</summary>
    public static RunRecord Run(Scenario scenario, TimeSpan timeout) =>
        throw new NotImplementedException("real backend: in progress");
}
