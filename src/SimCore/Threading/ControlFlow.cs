using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Tells user exceptions from the harness's and Coyote's own unwinding, which must never be caught.</summary>
internal static class ControlFlow
{
    /// <summary>True for the run-ended unwind and for Coyote's iteration-control exceptions (same rule as the world's thread body).</summary>
    public static bool IsControl(Exception ex) =>
        ex is ThreadKilledException or ThreadInterruptedException ||
        ex.GetType().Namespace?.StartsWith("Microsoft.Coyote", StringComparison.Ordinal) == true ||
        ex is OperationCanceledException { Source: "Microsoft.Coyote" };
}
