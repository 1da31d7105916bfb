using SimHarness.Simulation;

namespace SimHarness.Greenlets;

/// <summary>A greenlet parked in its hub until a socket is ready (gevent's I/O watcher); the socket signals it.</summary>
/// <remarks>Signalled inside an atomic section, by any thread (on the real backend, by a socket completion).</remarks>
internal sealed class HubIoWait(Hub hub, HubWait wait, string what) : ISignalable
{
    public Hub Hub { get; } = hub;

    public HubWait Wait { get; } = wait;

    /// <summary>What the greenlet waits for, for the deadlock report.</summary>
    public string What { get; } = what;

    public bool Signaled { get; private set; }

    /// <summary>Signalled, or the greenlet was resumed some other way (a gevent Timeout raised into it).</summary>
    public bool Done => Signaled || Wait.Done;

    public void WriteIdentity(StateWriter state) => state.Add(Hub.Owner.Thread.Id).Add(Wait.Greenlet.ObjectId).Add(Done);

    public void Signal(World world)
    {
        if (Done)
        {
            return;
        }

        Signaled = true;
        Hub.OnIoSignal(this);
    }
}
