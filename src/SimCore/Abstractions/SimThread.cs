using SimHarness.Simulation;
using SimHarness.Threading;

namespace SimHarness;

/// <summary>A simulated thread (Python's <c>threading.Thread</c>) and its entry in the harness's record.</summary>
/// <remarks>
/// The record (status, what it waits on, its pending step) is what decides when virtual time
/// advances and what a deadlock report says; it is kept identically under every scheduler.
/// Python's <c>class Worker(Thread): def run(self)</c> is a subclass that overrides
/// <see cref="RunAsync"/>, created with <see cref="ISim.CreateThreadAsync{TThread}"/>.
/// </remarks>
public class SimThread
{
    private World? _world;
    private int? _ident;

    /// <summary>For subclasses (Python's <c>class Worker(Thread)</c>): the world attaches the thread when <see cref="ISim.CreateThreadAsync{TThread}"/> creates it.</summary>
    protected internal SimThread()
    {
        Name = "";
    }

    internal SimThread(World world, int id, int objectId, string name, Func<Task>? target, bool daemon)
    {
        Name = name;
        Attach(world, id, objectId, name, target, daemon);
    }

    /// <summary>The thread's name (<c>MainThread</c>, <c>Thread-N (target)</c>).</summary>
    public string Name { get; private set; }

    /// <summary>Daemon threads do not keep the run alive; settable until the thread starts.</summary>
    /// <remarks>
    /// Not a step: the reduction cannot order a set against another thread's <see cref="StartAsync"/>
    /// (docs/state-caching.md, "What no step declares"). Set it before starting the thread, from the
    /// thread that starts it, or pass <c>daemon:</c> to <c>CreateThreadAsync</c>.
    /// </remarks>
    /// <exception cref="RuntimeError">The thread has started (<c>cannot set daemon status of active thread</c>).</exception>
    public bool IsDaemon
    {
        get;
        set => field = Status == ThreadStatus.Created
            ? value
            : throw new RuntimeError("cannot set daemon status of active thread");
    }

    /// <summary>Starts the thread (a step); it is runnable at once and its starter stays runnable.</summary>
    /// <exception cref="RuntimeError">The thread was started before (<c>threads can only be started once</c>).</exception>
    public Task StartAsync() => World.StartThreadAsync(this);

    /// <summary>Waits until the thread has finished (a step; blocks while it runs).</summary>
    /// <exception cref="RuntimeError">The thread is the caller, or was never started.</exception>
    public Task JoinAsync() => World.JoinThreadAsync(this, null);

    /// <summary>Waits at most <paramref name="timeoutSeconds"/> and returns whether the thread has finished.</summary>
    /// <exception cref="RuntimeError">The thread is the caller, or was never started.</exception>
    /// <exception cref="OverflowError">The thread is alive and the timeout is beyond what CPython's clock can hold.</exception>
    public Task<bool> JoinAsync(decimal timeoutSeconds) => World.JoinThreadAsync(this, timeoutSeconds);

    /// <summary>Python's <c>is_alive()</c>: started and not yet finished (a step that reads the thread).</summary>
    public Task<bool> IsAliveAsync() => World.ReadThreadAsync(this, "is_alive", t => t.Status is ThreadStatus.Runnable or ThreadStatus.Blocked);

    /// <summary>Python's <c>ident</c>: null until the thread starts, then its number (a step that reads the thread).</summary>
    /// <remarks>The harness's number (1 for MainThread, then in creation order), the same in every run; CPython's differ from run to run, so programs only compare them.</remarks>
    public Task<int?> IdentAsync() => World.ReadThreadAsync(this, "ident", t => t._ident);

    /// <summary>Python's <c>native_id</c>: null until the thread starts; the same number as <see cref="IdentAsync"/> (a step that reads the thread).</summary>
    public Task<int?> NativeIdAsync() => World.ReadThreadAsync(this, "native_id", t => t._ident);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Python's <c>run()</c>: calls the target, if any. Override it in a subclass, as Python's <c>class Worker(Thread)</c> does.</summary>
    protected virtual Task RunAsync() => Target is { } target ? target() : Task.CompletedTask;

    /// <summary>The thread's body as the world runs it.</summary>
    internal Task RunBodyAsync() => RunAsync();

    /// <summary>The world the thread lives in, for a subclass's <see cref="RunAsync"/> (Python's module-level functions).</summary>
    protected ISim Sim => World;

    internal World World => _world ?? throw new RuntimeError("thread.__init__() not called");

    /// <summary>When the thread started, in the world's start order: <c>enumerate()</c> lists threads in it, as CPython's <c>_active</c> does.</summary>
    internal int StartSequence { get; set; }

    /// <summary>Main's join of this thread returned with it finished: main has seen everything it did.</summary>
    internal bool JoinedByMain { get; set; }

    /// <summary>Set as the thread starts (Python sets it in the new thread, before start() returns).</summary>
    internal int? Ident
    {
        get => _ident;
        set => _ident = value;
    }

    internal int Id { get; private set; }
    internal int ObjectId { get; private set; }
    internal Func<Task>? Target { get; private set; }
    internal ThreadStatus Status { get; set; }
    internal Waiter? BlockedOn { get; set; }
    internal List<Waiter>? Joiners { get; set; }

    /// <summary>The step this thread announced at its scheduling point, while it waits there.</summary>
    internal Access Pending { get; set; }

    /// <summary>When the pending step can take effect (built-in scheduler only); null: always.</summary>
    internal StepGuard? Guard { get; set; }

    /// <summary>The digest of everything this thread has observed (state caching): its future is a function of it.</summary>
    internal UInt128 Observed { get; set; }

    /// <summary>What a parked thread runs when the built-in scheduler releases it.</summary>
    internal Action? GateContinuation { get; set; }

    /// <summary>The thread's own synchronization context under the built-in scheduler: what tells the world whose code runs.</summary>
    internal SynchronizationContext? SchedulerContext { get; set; }

    /// <summary>Set when the thread may not take its step after all (the run ended, the step bound).</summary>
    internal Exception? GateFault { get; set; }

    /// <summary>When the thread last arrived at a gate: the canonical schedule runs the longest-waiting first.</summary>
    internal long ParkStamp { get; set; }

    /// <summary>Label written beside output lines (a greenlet's label inside a hub).</summary>
    internal string Label => LabelOverride?.Invoke() ?? Name;

    internal Func<string?>? LabelOverride { get; set; }

    /// <summary>The thread's greenlets (main, current, hub), made when it first uses one.</summary>
    internal Greenlets.ThreadGreenlets? Greenlets { get; set; }

    /// <summary>Enters the thread in the world's record (once: a subclass instance is attached when it is created).</summary>
    internal void Attach(World world, int id, int objectId, string name, Func<Task>? target, bool daemon)
    {
        if (_world is not null)
        {
            throw new RuntimeError("a thread object can be created only once");
        }

        _world = world;
        Id = id;
        ObjectId = objectId;
        Name = name;
        Target = target;
        IsDaemon = daemon;
    }
}
