using SimHarness.Threading;

namespace SimHarness.Simulation;

/// <summary>
/// A thread's uncaught exception under CPython's rule (<see cref="UncaughtExceptions.Excepthook"/>):
/// the hook reports it, the thread ends. The default rule (a violation that ends the run) is in
/// <c>ThreadBodyAsync</c>, beside the call of <see cref="ReportUncaughtAsync"/>.
/// </summary>
internal sealed partial class World
{
    private Func<ExceptHookArgs, Task>? _excepthook;

    /// <summary>What an uncaught exception does; set it at the start of the scenario's body.</summary>
    /// <exception cref="InvalidOperationException">Set while another thread may be running (<see cref="CheckHooksSettable"/>).</exception>
    public UncaughtExceptions UncaughtExceptions
    {
        get;
        set
        {
            CheckHooksSettable("sim.UncaughtExceptions");
            field = value;
        }
    }

    /// <summary>Python's <c>threading.excepthook</c>; null restores the default (the traceback on stderr).</summary>
    /// <exception cref="InvalidOperationException">Set while another thread may be running (<see cref="CheckHooksSettable"/>).</exception>
    public Func<ExceptHookArgs, Task> Excepthook
    {
        get => _excepthook ?? DefaultExcepthookAsync;
        set
        {
            CheckHooksSettable("sim.Excepthook");
            _excepthook = value;
        }
    }

    /// <summary>
    /// Setting the hooks is not a step, and a dying thread reads them in whatever step it dies after:
    /// no declared access orders the two, so the reduction would take a set racing with a death in
    /// one order only. They may be set only where no thread can be dying meanwhile: from main, while
    /// every other thread is unstarted or joined by main (before starting threads, or after joining
    /// them). The check reads only what main has seen, so it gives the same answer in every
    /// interleaving of a run's equivalence class.
    /// </summary>
    private void CheckHooksSettable(string what)
    {
        if (RunningThread is not { } me)
        {
            return;
        }

        using var _ = Atomic(); // real threads add to the list in parallel
        foreach (var t in _threads)
        {
            if (!ReferenceEquals(t, me) && t.Status != ThreadStatus.Created && !t.JoinedByMain)
            {
                throw new InvalidOperationException(
                    $"{what} is set without a step while {t.Name} may be running: set it from the main thread before starting threads or after joining them");
            }
        }
    }

    public Task PrintStderrAsync(string text) => WriteStderrAsync([text]);

    /// <summary>Python's default <c>threading.excepthook</c>: the traceback, as lines on stderr, in one step.</summary>
    /// <remarks>The frames between the header and the last line are .NET's and are left out: the lines stay the same from build to build, so transcripts and censuses can pin them.</remarks>
    private Task DefaultExcepthookAsync(ExceptHookArgs args)
    {
        var lines = new List<string>();
        if (!ReferenceEquals(args.Thread, MainThread))
        {
            lines.Add($"Exception in thread {args.Thread.Name}:");
        }

        lines.Add("Traceback (most recent call last):");
        lines.Add(PythonNames.ExceptionLine(args.ExcValue));
        return WriteStderrAsync(lines);
    }

    /// <summary>Writes lines to the run's stderr: one step, conflicting with every print (both streams are the transcript).</summary>
    private async Task WriteStderrAsync(IReadOnlyList<string> lines)
    {
        var t = CurrentThread;
        await StepAsync(t, new Access(OutputObjectId, AccessKind.Write, "stderr"));
        using var _ = Atomic();
        foreach (var line in lines)
        {
            var stderr = new OutputLine(NowMicros, t.Label, line) { IsStderr = true };
            _output.Add(stderr);
            ObserveOutput(stderr);
            Record(t, "stderr", OutputObjectId, null, line);
        }
    }

    /// <summary>Calls the hook in the dying thread; false when the thread must not go on to finish (the run ended, or the hook raised).</summary>
    private async Task<bool> ReportUncaughtAsync(SimThread t, Exception ex)
    {
        try
        {
            await Excepthook(new ExceptHookArgs(ex, t));
            return true;
        }
        catch (ThreadKilledException)
        {
            return false;
        }
        catch (Exception hookError) when (!IsControlException(hookError))
        {
            if (!Ended)
            {
                Violate("uncaught-exception", $"Exception in threading.excepthook: {PythonNames.ExceptionLine(hookError)}", raisedByThread: true);
            }

            return false;
        }
    }
}
