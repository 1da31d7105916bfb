using SimHarness.Simulation;

namespace SimHarness.Greenlets;

/// <summary>The greenlets of one simulated thread: its main greenlet, the one running now, its hub.</summary>
/// <remarks>
/// Only the current greenlet runs; every other one is parked on its own task. A switch parks the
/// caller and completes the target's task, so control moves without leaving the thread: the
/// simulated thread stays runnable throughout, and other threads still interleave at its steps.
/// </remarks>
internal sealed partial class ThreadGreenlets
{
    private readonly List<Greenlet> _created = [];

    public ThreadGreenlets(World world, SimThread thread)
    {
        World = world;
        Thread = thread;
        Main = new Greenlet(this, null, null, thread.Name + "#", hubOwned: false);
        Current = Main;
        Main.Chain = thread.Observed;
        thread.LabelOverride = () => Current.IsMain ? null : Current.Name;
    }

    public World World { get; }

    public SimThread Thread { get; }

    public Greenlet Main { get; }

    public Greenlet Current { get; private set; }

    public Hub? Hub { get; set; }

    /// <summary>Greenlets made by user code, in creation order (finalised in that order at the thread's end).</summary>
    public IReadOnlyList<Greenlet> Created => _created;

    public void Register(Greenlet g) => _created.Add(g);

    /// <summary>Throws unless the caller runs on this thread: greenlets never cross threads.</summary>
    public void CheckThread(string what)
    {
        var me = World.CurrentThread;
        if (!ReferenceEquals(me, Thread))
        {
            throw new InvalidOperationException($"cannot {what} a greenlet of thread {Thread.Name} from thread {me.Name}: cannot switch to a different thread");
        }
    }

    /// <summary>A user switch or throw: one step of the thread, then the switch.</summary>
    public async Task<object?> SwitchAsync(Greenlet target, Transfer transfer, string op)
    {
        CheckThread(op == "throw" ? "throw into" : "switch to");
        await World.StepAsync(Thread, new Access(target.ObjectId, AccessKind.Write, op));
        using (World.Atomic())
        {
            World.Record(Thread, op, target.ObjectId, Current.Name, null);
        }

        return await SwitchCoreAsync(target, transfer);
    }

    /// <summary>Moves control to <paramref name="target"/> (or its nearest live parent) and returns what comes back.</summary>
    public async Task<object?> SwitchCoreAsync(Greenlet target, Transfer transfer)
    {
        while (target.HasDied)
        {
            target = target.Parent!;
        }

        var me = Current;
        if (ReferenceEquals(target, me))
        {
            return transfer.Unpack();
        }

        var parked = me.Park();
        Deliver(target, transfer);
        return (await parked).Unpack();
    }

    /// <summary>A greenlet's run has ended: its value (or exception) goes to the nearest live parent.</summary>
    public void FinishTo(Greenlet finished, Transfer result)
    {
        var p = finished.Parent!;
        while (p.HasDied)
        {
            p = p.Parent!;
        }

        Deliver(p, result);
    }

    private void Deliver(Greenlet target, Transfer transfer)
    {
        if (!target.HasStarted)
        {
            if (transfer.Error is { } e)
            {
                target.KillUnstarted();
                FinishTo(target, e is GreenletExit ? Transfer.One(e) : transfer);
                return;
            }

            target.Launch();
        }

        ObserveTransfer(target, transfer);
        Current = target;
        target.Resume(transfer);
    }
}
