using SimHarness.Simulation;

namespace SimHarness.Greenlets;

/// <summary>Python's <c>greenlet</c>: a coroutine inside one simulated thread that runs only when switched to.</summary>
/// <remarks>
/// Values follow greenlet: a switch returns what the next switch into the caller passes — no
/// arguments → an empty tuple (<c>object?[0]</c>), one → that value, several → a tuple
/// (<c>object?[]</c>); keyword arguments are not modelled. The first switch passes its arguments
/// to the run function. When the run function returns, its value goes to the nearest live parent;
/// an exception it raises is raised in that parent, except <see cref="GreenletExit"/>, which is
/// returned. Switching to a dead greenlet goes to its nearest live parent. Every switch and throw
/// is one step of the owning thread (rule 1 of docs/semantics.md); switching into a greenlet of another
/// thread is an error. A greenlet still paused when its thread's body ends is finalised then with
/// <see cref="GreenletExit"/>, which runs its <c>finally</c> blocks (CPython does this when the
/// greenlet is dropped; a module-level greenlet alive at interpreter exit is not finalised).
/// </remarks>
public sealed class Greenlet
{
    private readonly Func<object?[], Task<object?>>? _run;
    private TaskCompletionSource<Transfer>? _resume;

    /// <summary>Creates a greenlet owned by the calling thread (Python: <c>greenlet(run, parent)</c>); creating is not a step.</summary>
    /// <param name="sim">The world (or its monkey-patched view).</param>
    /// <param name="run">The run function: takes the first switch's arguments, returns the value handed to the parent.</param>
    /// <param name="parent">Where control goes when it ends; by default the current greenlet.</param>
    /// <param name="name">A label for traces and output metadata; by default <c>greenlet#id</c>.</param>
    public Greenlet(ISim sim, Func<object?[], Task<object?>> run, Greenlet? parent = null, string? name = null)
        : this(World.Of(sim).GreenletsOfCurrent(), run, parent, name, hubOwned: false)
    {
    }

    internal Greenlet(ThreadGreenlets owner, Func<object?[], Task<object?>>? run, Greenlet? parent, string? name, bool hubOwned)
    {
        ArgumentNullException.ThrowIfNull(owner);
        Owner = owner;
        _run = run;
        IsHubOwned = hubOwned;
        ObjectId = owner.World.NewObjectId(name is null ? "greenlet" : name + "#");
        Name = name ?? owner.World.ObjectName(ObjectId);
        if (run is null)
        {
            // The thread's main greenlet: it is the thread's own body, running already.
            Started = true;
        }
        else
        {
            Parent = parent ?? owner.Current;
            owner.Register(this);
        }
    }

    /// <summary>The greenlet's label (the thread's name for its main greenlet).</summary>
    public string Name { get; }

    /// <summary>Where control and the return value go when the run function ends; null only for a thread's main greenlet.</summary>
    public Greenlet? Parent
    {
        get;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!ReferenceEquals(value.Owner, Owner))
            {
                throw new InvalidOperationException("parent cannot be on a different thread");
            }

            for (var p = value; p is not null; p = p.Parent)
            {
                if (ReferenceEquals(p, this))
                {
                    throw new InvalidOperationException("cyclic parent chain");
                }
            }

            field = value;
        }
    }

    /// <summary>True once the first switch has started the run function.</summary>
    public bool Started
    {
        get => Owner.World.ObserveForeign(Owner.Thread, HasStarted, "started", ObjectId);
        private set => HasStarted = value;
    }

    /// <summary>True once the run function has ended (or a throw killed it before it started).</summary>
    public bool Dead
    {
        get => Owner.World.ObserveForeign(Owner.Thread, HasDied, "dead", ObjectId);
        private set => HasDied = value;
    }

    /// <summary>Python's <c>bool(g)</c>: started and not dead.</summary>
    public bool IsActive => Started && !Dead;

    /// <summary>The greenlet running now in the calling thread (Python: <c>greenlet.getcurrent()</c>).</summary>
    public static Greenlet GetCurrent(ISim sim) => World.Of(sim).GreenletsOfCurrent().Current;

    /// <summary>Switches to this greenlet, passing <paramref name="args"/>; returns what the next switch back passes.</summary>
    public Task<object?> SwitchAsync(params object?[] args) => Owner.SwitchAsync(this, Transfer.Of(args ?? [null]), "switch");

    /// <summary>Switches to this greenlet and raises <paramref name="exception"/> (default <see cref="GreenletExit"/>) where it is paused.</summary>
    public Task<object?> ThrowAsync(Exception? exception = null) => Owner.SwitchAsync(this, Transfer.Raise(exception ?? new GreenletExit()), "throw");

    /// <inheritdoc />
    public override string ToString() => Name;

    internal ThreadGreenlets Owner { get; }

    internal int ObjectId { get; }

    internal bool IsMain => _run is null;

    /// <summary>The hub and the greenlets it spawned: gevent drops them silently when the program ends.</summary>
    internal bool IsHubOwned { get; }

    /// <summary><see cref="Started"/> as the harness reads it: not an observation of the reading thread.</summary>
    internal bool HasStarted { get; private set; }

    /// <summary><see cref="Dead"/> as the harness reads it: not an observation of the reading thread.</summary>
    internal bool HasDied { get; private set; }

    /// <summary>The digest of what this greenlet has observed since it was spawned or since its last checkpoint (kept only for state caching).</summary>
    internal UInt128 Chain { get; set; }

    /// <summary>The gevent greenlet this one runs, for a greenlet a hub spawned.</summary>
    internal HubGreenlet? Spawned { get; init; }

    /// <summary>The <c>Dummy-N</c> thread gevent's patched <c>current_thread()</c> gives this greenlet, made when first asked.</summary>
    internal SimThread? DummyThread { get; set; }

    /// <summary>Parks the greenlet: the task completes when something switches into it.</summary>
    internal Task<Transfer> Park()
    {
        _resume = new TaskCompletionSource<Transfer>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _resume.Task;
    }

    /// <summary>Resumes a parked greenlet (its continuation runs when the caller yields).</summary>
    internal void Resume(Transfer transfer)
    {
        var r = _resume ?? throw new InvalidOperationException($"internal error: greenlet {Name} is not paused");
        _resume = null;
        r.SetResult(transfer);
    }

    /// <summary>Starts the body; it parks at once and runs when <see cref="Resume"/> hands it its arguments.</summary>
    internal void Launch()
    {
        Started = true;
        _ = BodyAsync(Park());
    }

    /// <summary>A throw into a never-started greenlet kills it without running its body.</summary>
    internal void KillUnstarted() => Dead = true;

    private async Task BodyAsync(Task<Transfer> first)
    {
        var start = await first;
        Transfer result;
        try
        {
            result = Transfer.One(await _run!(start.Args));
        }
        catch (GreenletExit e)
        {
            result = Transfer.One(e);
        }
#pragma warning disable CA1031 // Every other exception, the run's end included, is raised in the parent, as greenlet does.
        catch (Exception e)
#pragma warning restore CA1031
        {
            result = Transfer.Raise(e);
        }

        Dead = true;
        Owner.FinishTo(this, result);
    }
}
