using SimHarness.Simulation;

namespace SimHarness.Sockets;

/// <summary>The simulated network of one world: listeners by port, ephemeral ports, budgets.</summary>
internal sealed class SimNetwork : IStateful
{
    internal const string Loopback = "127.0.0.1";
    private readonly Dictionary<int, SimListener> _listeners = [];
    private int _nextEphemeral;

    public SimNetwork(World world, NetworkOptions options)
    {
        World = world;
        Options = options;
        Id = world.NewObjectId("net");
        world.Track(this);
        SegmentsLeft = options.SegmentBudget;
        FaultsLeft = options.FaultBudget;
        _nextEphemeral = options.EphemeralPortBase;
    }

    public World World { get; }
    public NetworkOptions Options { get; }

    /// <summary>Object id of the port table: listen, connect and accept all write it.</summary>
    public int Id { get; }

    public int SegmentsLeft { get; set; }
    public int FaultsLeft { get; set; }

    /// <summary>Takes a fault choice among <paramref name="kinds"/> (index 0 is "no fault") while the budget lasts.</summary>
    public int ChooseFault(int kinds, string what)
    {
        if (FaultsLeft <= 0)
        {
            return 0;
        }

        var c = World.Choose(kinds, what);
        if (c != 0)
        {
            FaultsLeft--;
        }

        return c;
    }

    public async Task<ListeningSocket> ListenAsync(string host, int port, int backlog, bool cooperative)
    {
        var me = World.CurrentThread;
        await World.StepAsync(me, new Access(Id, AccessKind.Write, "listen"));
        using var _ = World.Atomic();
        if (_listeners.ContainsKey(port))
        {
            throw new SocketErrorException(98, "Address already in use");
        }

        var l = new SimListener(this, new TcpAddress(host, port), Math.Max(backlog, 0), World.NewObjectId("listener"), cooperative);
        World.Track(l);
        _listeners[port] = l;
        World.Record(me, "listen", l.ObjectId, l.LocalAddress.ToString(), null);
        return l;
    }

    public void RemoveListener(SimListener l) => _listeners.Remove(l.LocalAddress.Port);

    public async Task<TcpSocket> ConnectAsync(string host, int port, bool cooperative)
    {
        var me = World.CurrentThread;
        var delayed = false;
        while (true)
        {
            await SocketGuard.StepAsync(World, me, new Access(Id, AccessKind.Write, "connect"), cooperative, () => ConnectTakesEffect(port, delayed), $"connect {host}:{port} (backlog full)");
            SocketWait w;
            using (World.Atomic())
            {
                if (!delayed)
                {
                    var fault = ChooseFault(3, "connect fault: none/refuse/delay");
                    if (fault == 1)
                    {
                        World.Record(me, "connect", Id, "refused (fault)", null);
                        throw new ConnectionRefusedException();
                    }

                    if (fault == 2)
                    {
                        delayed = true;
                        World.Record(me, "connect", Id, "delayed (fault)", null);
                        w = SocketWait.Begin(World, cooperative, Id, $"connect delay {host}:{port}", null, World.ToMicros(Options.ConnectDelay, "delay"));
                        goto wait;
                    }
                }

                if (!_listeners.TryGetValue(port, out var l))
                {
                    World.Record(me, "connect", Id, "refused", null);
                    throw new ConnectionRefusedException();
                }

                if (l.Pending.Count < Math.Max(l.Backlog, 1))
                {
                    var conn = new SimConnection(World.NewObjectId("tcp"), Options.BufferSize);
                    World.Track(conn);
                    var clientAddr = new TcpAddress(Loopback, _nextEphemeral++);
                    var client = new SimTcpSocket(this, conn, isServer: false, clientAddr, l.LocalAddress, cooperative);
                    var server = new SimTcpSocket(this, conn, isServer: true, l.LocalAddress, clientAddr, l.Cooperative);
                    l.Pending.Enqueue(server);
                    SimPipe.WakeList(World, l.Accepters);
                    World.Record(me, "connect", conn.Id, clientAddr.ToString(), null);
                    return client;
                }

                // A full backlog drops the SYN: the client waits (Linux retries), it does not fail.
                World.Record(me, "connect", Id, "backlog full", null);
                w = SocketWait.Begin(World, cooperative, l.ObjectId, $"connect {l.LocalAddress} (backlog full)", l.Connecters);
            }

        wait:
            await w.WaitAsync();
        }
    }

    /// <summary>True when a connect would not wait for a backlog slot: it connects, is refused, or may take a fault.</summary>
    private bool ConnectTakesEffect(int port, bool delayed) =>
        (!delayed && FaultsLeft > 0) || !_listeners.TryGetValue(port, out var l) || l.Pending.Count < Math.Max(l.Backlog, 1);

    void IStateful.WriteState(StateWriter state)
    {
        state.Add(Id).Add(_nextEphemeral).Add(SegmentsLeft).Add(FaultsLeft).Add(_listeners.Count);
        foreach (var port in _listeners.Keys.Order())
        {
            state.Add(port);
        }
    }
}
