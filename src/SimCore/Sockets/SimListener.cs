using SimHarness.Simulation;

namespace SimHarness.Sockets;

/// <summary>A simulated listening socket: the accept queue bounded by the backlog.</summary>
internal sealed class SimListener(SimNetwork net, TcpAddress local, int backlog, int objectId) : ListeningSocket
{
    private bool _closed;

    public override TcpAddress LocalAddress { get; } = local;
    public int Backlog { get; } = backlog;
    public int ObjectId { get; } = objectId;
    public Queue<SimTcpSocket> Pending { get; } = new();
    public List<Waiter> Accepters { get; } = [];
    public List<Waiter> Connecters { get; } = [];

    public override async Task<(TcpSocket Connection, TcpAddress Peer)> AcceptAsync()
    {
        var world = net.World;
        var me = world.CurrentThread;
        while (true)
        {
            await world.StepAsync(me, new Access(net.Id, AccessKind.Write, "accept"));
            Waiter w;
            using (world.Atomic())
            {
                if (_closed)
                {
                    throw new SocketErrorException(9, "Bad file descriptor");
                }

                if (Pending.TryDequeue(out var s))
                {
                    SimPipe.WakeList(world, Connecters);
                    world.Record(me, "accept", s.Connection.Id, s.PeerAddress.ToString(), null);
                    return (s, s.PeerAddress);
                }

                world.Record(me, "accept", ObjectId, "blocked", null);
                w = world.Block(me, ObjectId, $"accept {LocalAddress}", -1);
                Accepters.Add(w);
            }

            await World.AwaitWakeAsync(w);
        }
    }

    public override async Task CloseAsync()
    {
        var world = net.World;
        var me = world.CurrentThread;
        await world.StepAsync(me, new Access(net.Id, AccessKind.Write, "close"));
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

        Pending.Clear();
        SimPipe.WakeList(world, Accepters);
        SimPipe.WakeList(world, Connecters);
        world.Record(me, "close", ObjectId, null, null);
    }
}
