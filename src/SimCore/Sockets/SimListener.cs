using SimHarness.Simulation;

namespace SimHarness.Sockets;

/// <summary>A simulated listening socket: the accept queue bounded by the backlog.</summary>
internal sealed class SimListener(SimNetwork net, TcpAddress local, int backlog, int objectId, bool cooperative) : ListeningSocket, IStateful
{
    void IStateful.WriteState(StateWriter state)
    {
        state.Add(ObjectId).Add(_closed).Add(Pending.Count);
        foreach (var s in Pending)
        {
            state.Add(s.EndId);
        }

        SimPipe.WriteParties(state, Accepters);
        SimPipe.WriteParties(state, Connecters);
    }

    private bool _closed;

    public override TcpAddress LocalAddress { get; } = local;
    public int Backlog { get; } = backlog;
    public int ObjectId { get; } = objectId;

    /// <summary>A gevent listener: accept parks the greenlet in its hub, and accepted sockets are gevent sockets.</summary>
    public bool Cooperative { get; } = cooperative;
    public Queue<SimTcpSocket> Pending { get; } = new();
    public List<ISignalable> Accepters { get; } = [];
    public List<ISignalable> Connecters { get; } = [];

    public override async Task<(TcpSocket Connection, TcpAddress Peer)> AcceptAsync()
    {
        var world = net.World;
        var me = world.CurrentThread;
        while (true)
        {
            await SocketGuard.StepAsync(world, me, new Access(net.Id, AccessKind.Write, "accept"), Cooperative, () => _closed || Pending.Count > 0, $"accept {LocalAddress}");
            SocketWait w;
            using (world.Atomic())
            {
                if (_closed)
                {
                    throw new SocketErrorException(9, "Bad file descriptor");
                }

                if (Pending.TryDequeue(out var s))
                {
                    // One slot freed, one waiting connect retried (in arrival order): waking them
                    // all made a thousand clients retry a thousand times.
                    SimPipe.WakeFirst(world, Connecters);
                    world.Record(me, "accept", s.Connection.Id, s.PeerAddress.ToString(), null);
                    return (s, s.PeerAddress);
                }

                world.Record(me, "accept", ObjectId, "blocked", null);
                w = SocketWait.Begin(world, Cooperative, ObjectId, $"accept {LocalAddress}", Accepters);
            }

            await w.WaitAsync();
        }
    }

    public override async Task CloseAsync()
    {
        var world = net.World;
        var me = world.CurrentThread;
        // Global: the close resets the connections still in the backlog, objects of their own that
        // the steps of their clients touch (which ones is known only when the close runs).
        await world.StepAsync(me, new Access(net.Id, AccessKind.Write, "close") { Global = true });
        using var _ = world.Atomic();
        if (_closed)
        {
            return;
        }

        _closed = true;
        net.RemoveListener(this);
        foreach (var s in Pending)
        {
            s.Connection.Reset = true;
            s.Connection.WakeEveryone(world);
        }

        // The connections' own objects changed under a step that declares the port table.
        world.InvalidateGuards();

        Pending.Clear();
        SimPipe.WakeList(world, Accepters);
        SimPipe.WakeList(world, Connecters);
        world.Record(me, "close", ObjectId, null, null);
    }
}
