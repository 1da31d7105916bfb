using SimHarness.Greenlets;
using SimHarness.Simulation;

namespace SimHarness.Sockets;

/// <summary>How a blocking socket call waits: a plain socket blocks its thread; a gevent socket parks the calling greenlet in its thread's hub.</summary>
internal readonly struct SocketWait
{
    private readonly Waiter? _waiter;
    private readonly HubIoWait? _io;

    private SocketWait(Waiter? waiter, HubIoWait? io)
    {
        _waiter = waiter;
        _io = io;
    }

    /// <summary>Registers the wait on <paramref name="list"/>; call inside the step's atomic section.</summary>
    /// <param name="world">The world.</param>
    /// <param name="cooperative">True for a gevent (monkey-patched) socket.</param>
    /// <param name="objectId">What is waited on, for the deadlock report.</param>
    /// <param name="what">A readable description.</param>
    /// <param name="list">The waiters a signal on that object wakes.</param>
    /// <param name="timeoutMicros">A timeout (a delayed connect), or -1.</param>
    public static SocketWait Begin(World world, bool cooperative, int objectId, string what, List<ISignalable>? list, long timeoutMicros = -1)
    {
        if (cooperative)
        {
            var io = Hub.Get(world).BeginIoWait(what, timeoutMicros);
            list?.Add(io);
            return new SocketWait(null, io);
        }

        var w = world.Block(world.CurrentThread, objectId, what, timeoutMicros);
        list?.Add(w);
        return new SocketWait(w, null);
    }

    /// <summary>Waits, after the atomic section, until signalled (or timed out).</summary>
    public Task WaitAsync() => _io is not null ? _io.Hub.WaitIoAsync(_io) : World.AwaitWakeAsync(_waiter!);
}
