namespace SimHarness.Exploration;

/// <summary>One simulated thread's own synchronization context under the built-in scheduler.</summary>
/// <remarks>
/// Work it is given goes to the driver's one queue (<see cref="SimSynchronizationContext"/>) and runs
/// under this context again; the queue, which enters this context before running the work, tells the
/// world whose code is running (<see cref="SimSynchronizationContext.Running"/>). That is what lets
/// the built-in scheduler run with the execution context's flow suppressed
/// (<see cref="BuiltInExecutor"/>): the world needs no <c>AsyncLocal</c> to know the thread,
/// and no resumption of an async method goes through <c>ExecutionContext.RunInternal</c>.
/// </remarks>
internal sealed class SimThreadContext(SimSynchronizationContext queue, SimThread thread) : SynchronizationContext
{
    public SimThread Thread => thread;

    public override void Post(SendOrPostCallback d, object? state) => queue.Post(d, state, this);

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;
}
