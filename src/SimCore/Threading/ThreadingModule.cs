namespace SimHarness.Threading;

/// <summary>Module-level constants of Python's <c>threading</c> (its functions are on <see cref="ISim"/>).</summary>
public static class ThreadingModule
{
    /// <summary>
    /// Python's <c>threading.TIMEOUT_MAX</c> on 64-bit Linux (9223372036.0). As in CPython, a larger
    /// timeout is accepted until a wait would hold it: one whose nanoseconds overflow a 64-bit
    /// integer (about 9223372036.854776 s) raises <see cref="OverflowError"/> where CPython's clock
    /// conversion does (every lock acquire and sleep; a join, condition, semaphore, event or queue
    /// wait only when it would block).
    /// </summary>
    public const decimal TimeoutMax = 9_223_372_036m;
}
