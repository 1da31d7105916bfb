namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so the harness's types win over System.Threading's.
using SimHarness.Threading;

/// <summary>
/// Python's <c>threading.excepthook</c> under CPython's rule for uncaught exceptions: a custom hook
/// is called in the dying thread, the default one prints the traceback to the run's stderr, and
/// main carries on.
/// </summary>
/// <remarks>
/// The twin of tests/fidelity/threading_excepthook.py: its stdout is the program's, and its stderr
/// lines (marked in the transcript) are the program's traceback without the frames.
/// </remarks>
public sealed class ThreadingExcepthook : Scenario
{
    /// <inheritdoc />
    public override string Description => "threading.excepthook: a custom hook, then the default traceback on stderr; the thread dies, main carries on";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        sim.UncaughtExceptions = UncaughtExceptions.Excepthook;
        await ExcepthookAsync(sim);
    }

    private static async Task ExcepthookAsync(ISim sim)
    {
        var defaultHook = sim.Excepthook;
        sim.Excepthook = a => sim.PrintAsync($"hook: {a.ExcType.Name} {a.ExcValue.Message} {a.Thread.Name}");
        static Task boom() => throw new ValueError("bad");
        var x = await sim.CreateThreadAsync(boom);
        await x.StartAsync();
        await x.JoinAsync();
        sim.Excepthook = defaultHook;
        var y = await sim.CreateThreadAsync(boom);
        await y.StartAsync();
        await y.JoinAsync();
        await sim.PrintAsync($"{PyLines.Bool(await x.IsAliveAsync())} {PyLines.Bool(await y.IsAliveAsync())} main carries on");
    }
}
