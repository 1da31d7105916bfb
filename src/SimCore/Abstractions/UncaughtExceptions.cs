namespace SimHarness;

/// <summary>What a thread's uncaught exception does to the run (<see cref="ISim.UncaughtExceptions"/>).</summary>
public enum UncaughtExceptions
{
    /// <summary>The harness's default: the first uncaught exception is a violation that ends the run.</summary>
    EndRun,

    /// <summary>
    /// CPython's rule: <see cref="ISim.Excepthook"/> reports it (by default the traceback's lines on
    /// the run's stderr), the thread ends, the other threads carry on and the invariants judge the
    /// consequences.
    /// </summary>
    Excepthook,
}
