using SimHarness.Simulation;

namespace SimHarness.Greenlets;

/// <summary>gevent's hub for one simulated thread: spawns greenlets, sleeps them on the virtual clock, joins them.</summary>
/// <remarks>
/// The hub is a greenlet running an event loop: it runs its ready callbacks in FIFO order (spawned
/// greenlets start, <c>sleep(0)</c> resumes, join notifications), and when none is left it blocks
/// its simulated thread until the earliest of its timers; the timers then due join the ready queue
/// in (deadline, arming) order, as gevent's do. With <see cref="ExploreTies"/> the next ready
/// callback is instead a data choice (<c>World.Choose</c>), so every order of greenlets ready at one
/// instant is explored. With nothing ready and no timer the main greenlet gets
/// <see cref="LoopExitException"/>. Operations called by user code are steps of the thread.
/// </remarks>
public sealed partial class Hub : IStateful
{
    private readonly List<HubCallback> _ready = [];
    private readonly PriorityQueue<HubTimer, (long Deadline, long Sequence)> _timers = new();
    private long _timerSequence;
    private HubCallback? _running;
    private ISim? _patched;

    internal Hub(ThreadGreenlets owner)
    {
        Owner = owner;
        World = owner.World;
        Greenlet = new Greenlet(owner, LoopAsync, owner.Main, "Hub#" + owner.Thread.Name, hubOwned: true);
        World.Track(this);
    }

    /// <summary>The calling thread's hub, made when first asked (gevent: <c>get_hub()</c>).</summary>
    public static Hub Get(ISim sim)
    {
        var gs = World.Of(sim).GreenletsOfCurrent();
        return gs.Hub ??= new Hub(gs);
    }

    /// <summary>When true, every order of greenlets ready at one instant is explored instead of gevent's FIFO order.</summary>
    /// <value>False by default: the hub then follows gevent exactly.</value>
    public bool ExploreTies { get; set; }

    /// <summary>The world as monkey-patched code sees it: sleep yields to this hub, threads are named <c>Dummy-N</c>.</summary>
    public ISim Patched => _patched ??= new PatchedSim(World);

    internal ThreadGreenlets Owner { get; }

    internal World World { get; }

    internal Greenlet Greenlet { get; }

    /// <summary>Spawns a greenlet running <paramref name="run"/>(<paramref name="args"/>); it starts once the spawner yields to the hub.</summary>
    public async Task<HubGreenlet> SpawnAsync(Func<object?[], Task<object?>> run, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(run);
        // Declares the world's name counters, not this hub: Greenlet-N comes from one counter of the
        // whole run, so two hubs' spawns in two threads decide each other's names (the hub itself is
        // only ever touched by its own thread's steps).
        await StepAsync("spawn", World.ThreadCounterObjectId);
        using var _ = World.Atomic();
        var g = new HubGreenlet(this, run, $"Greenlet-{World.NextGeventGreenletNumber()}");
        var startArgs = args ?? [null];
        Owner.Seed(g.Greenlet);
        _ready.Add(new HubCallback(
            () => g.Greenlet.HasStarted ? Task.CompletedTask : Owner.SwitchCoreAsync(g.Greenlet, Transfer.Of(startArgs)),
            w => w.Add("start").Add(g.Greenlet.ObjectId)));
        World.Record(Owner.Thread, "spawn", Greenlet.ObjectId, g.Name, null);
        return g;
    }

    /// <summary>Spawns a greenlet running <paramref name="run"/> with no arguments and no value.</summary>
    public Task<HubGreenlet> SpawnAsync(Func<Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return SpawnAsync(async _ =>
        {
            await run();
            return null;
        });
    }

    /// <summary>gevent's <c>sleep</c>: zero yields to every greenlet ready now (FIFO), a positive delay waits on the virtual clock.</summary>
    /// <remarks>gevent treats a negative delay as zero; here, as for <see cref="ISim.SleepAsync"/>, it is an error.</remarks>
    public async Task SleepAsync(decimal seconds)
    {
        var micros = CheckedMicros(seconds, "sleep length");
        await StepAsync("sleep", Greenlet.ObjectId);
        var wait = BeginWait();
        using (World.Atomic())
        {
            World.Record(Owner.Thread, "sleep", Greenlet.ObjectId, World.FormatSeconds(micros), null);
            if (micros == 0)
            {
                _ready.Add(Resume(wait, null));
            }
            else
            {
                Arm(micros, Resume(wait, null));
            }
        }

        await WaitAsync(wait);
    }

    /// <summary>Runs <paramref name="body"/> under gevent's <c>Timeout</c>: when it expires the exception is raised where the greenlet is blocked.</summary>
    /// <param name="seconds">The timeout.</param>
    /// <param name="body">The block (Python's <c>with Timeout(...):</c> body).</param>
    /// <param name="silent">Python's <c>Timeout(t, False)</c>: leave the block silently and return false.</param>
    /// <param name="exception">Python's <c>Timeout(t, Exc)</c>: raise this instead of <see cref="GeventTimeoutException"/>.</param>
    /// <returns>True when the body finished in time; false when a silent timeout expired.</returns>
    public async Task<bool> WithTimeoutAsync(decimal seconds, Func<Task> body, bool silent = false, Func<Exception>? exception = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var micros = CheckedMicros(seconds, "timeout");
        await StepAsync("timeout", Greenlet.ObjectId);
        var me = Owner.Current;
        var raised = exception?.Invoke() ?? new GeventTimeoutException($"{World.FormatSeconds(micros)} second{(micros == 1_000_000 ? "" : "s")}");
        var finished = false;
        HubTimer timer;
        using (World.Atomic())
        {
            timer = Arm(micros, new HubCallback(
                () => finished || me.HasDied ? Task.CompletedTask : Owner.SwitchCoreAsync(me, Transfer.Raise(raised)),
                w => w.Add("timeout").Add(me.ObjectId).Add(finished).Add(raised.GetType().FullName).Add(raised.Message)));
        }

        try
        {
            await body();
            return true;
        }
        catch (Exception e) when (ReferenceEquals(e, raised) && silent)
        {
            return false;
        }
        finally
        {
            finished = true;
            timer.Cancel();
        }
    }

    internal static long CheckedMicros(decimal seconds, string what) =>
        seconds < 0
            ? throw new ArgumentOutOfRangeException(nameof(seconds), seconds, $"{what} must be non-negative")
            : (long)decimal.Round(seconds * 1_000_000m, MidpointRounding.ToEven);

    /// <summary>The scheduling point of a hub operation, after checking it is called on the hub's own thread.</summary>
    private async Task StepAsync(string op, int objectId)
    {
        Owner.CheckThread(op + " with");
        await World.StepAsync(Owner.Thread, new Access(objectId, AccessKind.Write, op));
    }

    private HubTimer Arm(long micros, HubCallback fire)
    {
        var t = new HubTimer(World.NowMicros + micros, _timerSequence++, fire);
        _timers.Enqueue(t, (t.Deadline, t.Sequence));
        return t;
    }

    /// <summary>Registers the current greenlet as waiting in the hub; the hub itself cannot wait.</summary>
    private HubWait BeginWait()
    {
        var me = Owner.Current;
        return ReferenceEquals(me, Greenlet)
            ? throw new InvalidOperationException("the hub cannot block: this operation must run in a greenlet, not in a hub callback")
            : new HubWait(me);
    }

    /// <summary>Switches to the hub until something resumes this wait; returns the value it passes.</summary>
    private async Task<object?> WaitAsync(HubWait wait)
    {
        try
        {
            return await Owner.SwitchCoreAsync(Greenlet, Transfer.Empty);
        }
        finally
        {
            wait.Done = true;
        }
    }

    /// <summary>A callback resuming <paramref name="wait"/> with <paramref name="value"/> (null, true or false), described by both.</summary>
    private HubCallback Resume(HubWait wait, bool? value) =>
        new(() => ResumeAsync(wait, value), w => w.Add("resume").Add(wait.Greenlet.ObjectId).Add(wait.Done).Add(value is null ? -1 : value.Value ? 1 : 0));

    /// <summary>Run by the hub: resumes a waiting greenlet unless something else resumed it first.</summary>
    private Task ResumeAsync(HubWait wait, object? value)
    {
        if (wait.Done)
        {
            return Task.CompletedTask;
        }

        wait.Done = true;
        return Owner.SwitchCoreAsync(wait.Greenlet, Transfer.One(value));
    }

    private HubTimer? NextTimer()
    {
        while (_timers.TryPeek(out var t, out _) && t.Cancelled)
        {
            _timers.Dequeue();
        }

        return _timers.Count > 0 ? _timers.Peek() : null;
    }

    /// <summary>The hub greenlet's run function: the event loop.</summary>
    private async Task<object?> LoopAsync(object?[] args)
    {
        while (true)
        {
            var ioPending = CollectIo();
            if (_ready.Count > 0)
            {
                var i = ExploreTies ? World.Choose(_ready.Count, "hub: next ready greenlet") : 0;
                var callback = _ready[i];
                _ready.RemoveAt(i);
                _running = callback;
                await callback.Run();
                _running = null;
                continue;
            }

            var next = NextTimer();
            if (next is not null || ioPending)
            {
                if (next is null || next.Deadline > World.NowMicros)
                {
                    await IdleAsync(next?.Deadline ?? -1);
                }

                while (NextTimer() is { } due && due.Deadline <= World.NowMicros)
                {
                    _timers.Dequeue();
                    _ready.Add(due.Fire);
                }

                continue;
            }

            await Owner.SwitchCoreAsync(Owner.Main, Transfer.Raise(new LoopExitException()));
        }
    }
}
