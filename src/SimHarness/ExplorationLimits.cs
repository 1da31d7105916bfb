namespace SimHarness.Exploration;

/// <summary>Bounds the command line puts on an exploration (README "Limits").</summary>
internal static class ExplorationLimits
{
    /// <summary>The largest <c>--max-steps</c>: a run keeps one event per step in memory (about a gigabyte at this bound).</summary>
    public const long MaxStepsBound = 10_000_000;
}
