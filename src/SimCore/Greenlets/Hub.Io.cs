using SimHarness.Simulation;

namespace SimHarness.Greenlets;

/// <summary>The hub's I/O side: greenlets parked on gevent sockets, resumed when a socket signals them.</summary>
/// <remarks>
/// A signalled greenlet joins the ready queue the next time the loop looks, in signal order. When
/// nothing is ready the hub blocks its thread until the next timer or the next signal, whichever
/// comes first. A signal that arrives while the hub is busy is only seen at its next look; the
/// reduction does not treat that look as a race with the signalling step (see README, sockets).
/// </remarks>
public sealed partial class Hub
{
    private readonly List<HubIoWait> _io = [];
    private readonly Queue<HubIoWait> _signaled = new();
    private Waiter? _idle;

    /// <summary>Parks the current greenlet's next <see cref="WaitIoAsync"/> until a signal (or <paramref name="timeoutMicros"/>); call inside the step's atomic section.</summary>
    internal HubIoWait BeginIoWait(string what, long timeoutMicros = -1)
    {
        var io = new HubIoWait(this, BeginWait(), what);
        _io.Add(io);
        if (timeoutMicros >= 0)
        {
            Arm(timeoutMicros, new HubCallback(
                () =>
                {
                    io.Signal(World);
                    return Task.CompletedTask;
                },
                w => w.Add("io-timeout").Add(io.Wait.Greenlet.ObjectId).Add(io.Done)));
        }

        return io;
    }

    /// <summary>Switches to the hub until <paramref name="io"/> is signalled.</summary>
    internal async Task WaitIoAsync(HubIoWait io) => await WaitAsync(io.Wait);

    /// <summary>Called (atomically) when a parked greenlet's socket is ready: queue it and wake an idle hub.</summary>
    internal void OnIoSignal(HubIoWait io)
    {
        _signaled.Enqueue(io);
        if (_idle is { Done: false } w)
        {
            World.Wake(w, WakeReason.Signaled);
        }
    }

    /// <summary>Moves signalled greenlets to the ready queue; true when some greenlet still waits on a socket.</summary>
    private bool CollectIo()
    {
        using var _ = World.Atomic();
        while (_signaled.TryDequeue(out var io))
        {
            // Which waits other threads' steps signalled is news to this thread: an observation.
            World.Observe(Owner.Thread, "io-ready", Greenlet.ObjectId, io.Wait.Greenlet.ObjectId.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            _ready.Add(Resume(io.Wait, null));
        }

        _io.RemoveAll(static io => io.Done);
        return _io.Count > 0;
    }

    /// <summary>Blocks the hub's thread until the next timer at <paramref name="deadline"/> (-1: none) or the next I/O signal.</summary>
    private async Task IdleAsync(long deadline)
    {
        Waiter w;
        using (World.Atomic())
        {
            if (_signaled.Count > 0)
            {
                // On the real backend a socket may have signalled since the last look.
                return;
            }

            var what = deadline < 0
                ? $"hub: {_io.Count} greenlet(s) waiting on sockets"
                : $"hub timer at {World.FormatSeconds(deadline)}s";
            w = _idle = World.Block(Owner.Thread, Greenlet.ObjectId, what, deadline < 0 ? -1 : deadline - World.NowMicros);
        }

        try
        {
            await Simulation.World.AwaitWakeAsync(w);
        }
        finally
        {
            _idle = null;
        }
    }
}
