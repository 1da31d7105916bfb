using SimHarness.Simulation;

namespace SimHarness;

/// <summary>A simulated thread (Python's <c>threading.Thread</c>) and its entry in the harness's record.</summary>
/// <remarks>
/// The record (status, what it waits on, its pending step) is what decides when virtual time
/// advances and what a deadlock report says; it is kept identically under every scheduler.
/// </remarks>
public sealed class SimThread
{
    private readonly World _world;

    internal SimThread(World world, int id, int objectId, string name, Func<Task>? target, bool daemon)
    {
        _world = world;
        Id = id;
        ObjectId = objectId;
        Name = name;
        Target = target;
        IsDaemon = daemon;
    }

    /// <summary>The thread's name (<c>MainThread</c>, <c>Thread-N (target)</c>).</summary>
    public string Name { get; }

    /// <summary>Daemon threads do not keep the run alive; settable until the thread starts.</summary>
    public bool IsDaemon
    {
        get;
        set => field = Status == ThreadStatus.Created
            ? value
            : throw new InvalidOperationException("cannot set daemon status of active thread");
    }

    /// <summary>Starts the thread (a step); it is runnable at once and its starter stays runnable.</summary>
    public Task StartAsync() => _world.StartThreadAsync(this);

    /// <summary>Waits until the thread has finished (a step; blocks while it runs).</summary>
    public Task JoinAsync() => _world.JoinThreadAsync(this, null);

    /// <summary>Waits at most <paramref name="timeoutSeconds"/> and returns whether the thread has finished.</summary>
    public Task<bool> JoinAsync(decimal timeoutSeconds) => _world.JoinThreadAsync(this, timeoutSeconds);

    /// <inheritdoc />
    public override string ToString() => Name;

    internal World World => _world;

    internal int Id { get; }
    internal int ObjectId { get; }
    internal Func<Task>? Target { get; }
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

    /// <summary>Set when the thread may not take its step after all (the run ended, the step bound).</summary>
    internal Exception? GateFault { get; set; }

    /// <summary>When the thread last arrived at a gate: the canonical schedule runs the longest-waiting first.</summary>
    internal long ParkStamp { get; set; }

    /// <summary>Label written beside output lines (a greenlet's label inside a hub).</summary>
    internal string Label => LabelOverride?.Invoke() ?? Name;

    internal Func<string?>? LabelOverride { get; set; }

    /// <summary>The thread's greenlets (main, current, hub), made when it first uses one.</summary>
    internal Greenlets.ThreadGreenlets? Greenlets { get; set; }
}
