namespace SimHarness.Simulation;

/// <summary>Where a simulated thread stands in the harness's record.</summary>
internal enum ThreadStatus : byte
{
    Created,
    Runnable,
    Blocked,
    Finished,
}
