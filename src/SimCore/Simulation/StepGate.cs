using System.Runtime.CompilerServices;

namespace SimHarness.Simulation;

/// <summary>What a scheduling point hands out: already passed (Coyote, real), or a parked thread's gate (built-in).</summary>
/// <remarks>
/// The built-in scheduler releases one parked thread at a time. Keeping the parked thread's
/// continuation here, and running it directly when the thread is chosen, saves a task, its
/// completion source and a post to the synchronization context on every step. Under Coyote and
/// on the real backend the runtime lets the thread through before returning, so the gate is
/// already passed and nothing is awaited.
/// </remarks>
internal readonly struct StepGate : ICriticalNotifyCompletion
{
    private readonly SimThread? _parked;

    public StepGate(SimThread parked) => _parked = parked;

    /// <summary>A gate the thread has already passed.</summary>
    public static StepGate Passed => default;

    public bool IsCompleted => _parked is null;

    public StepGate GetAwaiter() => this;

    public void GetResult()
    {
        if (_parked?.GateFault is { } fault)
        {
            _parked.GateFault = null;
            throw fault;
        }
    }

    public void OnCompleted(Action continuation) => Park(continuation);

    public void UnsafeOnCompleted(Action continuation) => Park(continuation);

    private void Park(Action continuation) =>
        _parked!.GateContinuation = continuation;
}
