using SimHarness.Simulation;

namespace SimHarness.Sockets;

/// <summary>One end of a simulated connection. Every operation declares a write on the connection.</summary>
internal sealed class SimTcpSocket : TcpSocket, IStateful
{
    private readonly SimNetwork _net;
    private readonly bool _isServer;
    private readonly int _endId;
    private bool _closed;
    private bool _readShut;
    private bool _peerGone;
    private bool _writeShut;

    public SimTcpSocket(SimNetwork net, SimConnection conn, bool isServer, TcpAddress local, TcpAddress peer, bool cooperative)
    {
        _net = net;
        Cooperative = cooperative;
        Connection = conn;
        _isServer = isServer;
        LocalAddress = local;
        PeerAddress = peer;
        _endId = net.World.NewObjectId(isServer ? "srv" : "cli");
        net.World.Track(this);
    }

    public SimConnection Connection { get; }

    /// <summary>This end's object id (<c>srv#N</c>, <c>cli#N</c>).</summary>
    public int EndId => _endId;

    void IStateful.WriteState(StateWriter state) =>
        state.Add(_endId).Add(Connection.Id).Add(_closed).Add(_readShut).Add(_peerGone).Add(_writeShut);

    /// <summary>A gevent socket: blocking calls park the greenlet in its hub instead of blocking the thread.</summary>
    public bool Cooperative { get; }
    public override TcpAddress LocalAddress { get; }
    public override TcpAddress PeerAddress { get; }

    private SimPipe Outgoing => _isServer ? Connection.ToClient : Connection.ToServer;
    private SimPipe Incoming => _isServer ? Connection.ToServer : Connection.ToClient;

    /// <summary>Bytes as the event log shows them: one char per byte (Latin-1), so invariants can compare them exactly.</summary>
    internal static string AsText(ReadOnlySpan<byte> b) => System.Text.Encoding.Latin1.GetString(b);

    public override async Task<int> SendAsync(ReadOnlyMemory<byte> data)
    {
        var world = _net.World;
        var me = world.CurrentThread;
        while (true)
        {
            await StepAsync(me, "send", () => SendTakesEffect(data.Length), SendWhat);
            SocketWait w;
            using (world.Atomic())
            {
                CheckOpen();
                var pipe = Outgoing;
                if (_writeShut || _peerGone)
                {
                    world.Record(me, "send", _endId, "broken pipe", null);
                    throw new BrokenPipeException();
                }

                if (IsPeerClosed())
                {
                    // The peer closed: the bytes go out, its RST comes back; the next send raises.
                    _peerGone = true;
                    world.Record(me, "send", _endId, $"{data.Length}/{data.Length} discarded", AsText(data.Span));
                    return data.Length;
                }

                if (_net.ChooseFault(2, "send fault: none/reset") == 1)
                {
                    Connection.Reset = true;
                    Connection.WakeEveryone(world);
                    world.Record(me, "send", _endId, "reset (fault)", null);
                    throw new ConnectionResetException();
                }

                var free = pipe.Capacity - pipe.Count;
                if (data.Length == 0 || free > 0)
                {
                    var n = Math.Min(free, data.Length);
                    Enqueue(pipe, data.Span[..n].ToArray());
                    PipeWake(world, pipe.Readers);
                    world.Record(me, "send", _endId, $"{n}/{data.Length}", AsText(data.Span[..n]));
                    return n;
                }

                world.Record(me, "send", _endId, "blocked", null);
                w = SocketWait.Begin(world, Cooperative, Connection.Id, SendWhat, pipe.Writers);
            }

            await w.WaitAsync();
        }
    }

    public override async Task<byte[]> RecvAsync(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var world = _net.World;
        var me = world.CurrentThread;
        while (true)
        {
            await StepAsync(me, "recv", RecvTakesEffect, RecvWhat);
            SocketWait w;
            using (world.Atomic())
            {
                CheckOpen();
                var pipe = Incoming;
                if (_readShut)
                {
                    world.Record(me, "recv", _endId, "0", "");
                    return [];
                }

                if (pipe.Count > 0)
                {
                    var got = Take(pipe, max);
                    PipeWake(world, pipe.Writers);
                    world.Record(me, "recv", _endId, got.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), AsText(got));
                    return got;
                }

                if (pipe.Eof || _peerGone)
                {
                    if (_peerGone)
                    {
                        world.Record(me, "recv", _endId, "reset", null);
                        throw new ConnectionResetException();
                    }

                    world.Record(me, "recv", _endId, "0", "");
                    return [];
                }

                world.Record(me, "recv", _endId, "blocked", null);
                w = SocketWait.Begin(world, Cooperative, Connection.Id, RecvWhat, pipe.Readers);
            }

            await w.WaitAsync();
        }
    }

    public override async Task ShutdownAsync(SocketShutdown how)
    {
        var world = _net.World;
        var me = world.CurrentThread;
        await world.StepAsync(me, new Access(Connection.Id, AccessKind.Write, "shutdown"));
        using var _ = world.Atomic();
        CheckOpen();
        if (how != SocketShutdown.Read)
        {
            _writeShut = true;
            Outgoing.Eof = true;
            PipeWake(world, Outgoing.Readers);
        }

        if (how != SocketShutdown.Write)
        {
            _readShut = true;
            PipeWake(world, Incoming.Readers);
        }

        world.Record(me, "shutdown", _endId, how.ToString().ToLowerInvariant(), null);
    }

    public override async Task CloseAsync()
    {
        var world = _net.World;
        var me = world.CurrentThread;
        await world.StepAsync(me, new Access(Connection.Id, AccessKind.Write, "close"));
        using var _ = world.Atomic();
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (Incoming.Count > 0 && !Connection.Reset)
        {
            // Linux answers a close with unread bytes by a reset, not a FIN.
            Connection.Reset = true;
            world.Record(me, "close", _endId, "reset (unread bytes)", null);
        }
        else
        {
            world.Record(me, "close", _endId, null, null);
        }

        Connection.Closed[_isServer ? 1 : 0] = true;
        Outgoing.Eof = true;
        Connection.WakeEveryone(world);
    }

    /// <summary>The scheduling point of a call that may block (<see cref="SocketGuard"/>).</summary>
    private StepGate StepAsync(SimThread me, string op, Func<bool> takesEffect, string what) =>
        SocketGuard.StepAsync(_net.World, me, new Access(Connection.Id, AccessKind.Write, op), Cooperative, takesEffect, what);

    /// <summary>True when a send of <paramref name="length"/> bytes would not block: it sends, raises, or may take a fault.</summary>
    private bool SendTakesEffect(int length) =>
        _closed || Connection.Reset || _writeShut || _peerGone || IsPeerClosed() || _net.FaultsLeft > 0 ||
        length == 0 || Outgoing.Count < Outgoing.Capacity;

    /// <summary>True when a recv would not block: bytes, end of stream, or an error wait for it.</summary>
    private bool RecvTakesEffect() =>
        _closed || Connection.Reset || _readShut || _peerGone || Incoming.Count > 0 || Incoming.Eof;

    private bool IsPeerClosed() => Connection.Closed[_isServer ? 0 : 1];

    private void CheckOpen()
    {
        if (_closed)
        {
            throw new SocketErrorException(9, "Bad file descriptor");
        }

        if (Connection.Reset)
        {
            throw new ConnectionResetException();
        }
    }

    private string Describe() => $"{(_isServer ? "srv" : "cli")} {LocalAddress}";

    // What a blocked send or recv waits for, as a deadlock report names it: made once per socket,
    // not at every step (its address never changes).
    private string SendWhat => field ??= $"send {Describe()} (buffer full)";

    private string RecvWhat => field ??= $"recv {Describe()}";

    private static void PipeWake(World world, List<ISignalable> list) => SimPipe.WakeList(world, list);

    /// <summary>Buffers one send, maybe split in two segments (a segmentation choice while the budget lasts).</summary>
    private void Enqueue(SimPipe pipe, byte[] bytes)
    {
        pipe.Count += bytes.Length;
        if (bytes.Length > 1 && _net.SegmentsLeft > 0)
        {
            int[] cuts = [.. new[] { 1, bytes.Length / 2, bytes.Length - 1 }.Where(c => c > 0 && c < bytes.Length).Distinct()];
            var c = _net.World.Choose(cuts.Length + 1, "split send: none/at 1/half/last");
            if (c > 0)
            {
                _net.SegmentsLeft--;
                pipe.Segments.Add(bytes[..cuts[c - 1]]);
                pipe.Segments.Add(bytes[cuts[c - 1]..]);
                return;
            }
        }

        pipe.Segments.Add(bytes);
    }

    /// <summary>Takes up to <paramref name="max"/> bytes: the first segment, coalesced with the next ones when chosen.</summary>
    private byte[] Take(SimPipe pipe, int max)
    {
        var result = new List<byte>();
        while (pipe.Segments.Count > 0 && result.Count < max)
        {
            var seg = pipe.Segments[0];
            var n = Math.Min(seg.Length, max - result.Count);
            result.AddRange(seg.AsSpan(0, n));
            if (n == seg.Length)
            {
                pipe.Segments.RemoveAt(0);
            }
            else
            {
                pipe.Segments[0] = seg[n..];
            }

            var coalesce = result.Count < max && pipe.Segments.Count > 0 && _net.SegmentsLeft > 0 &&
                _net.World.Choose(2, "coalesce next segment") == 1;
            if (!coalesce)
            {
                break;
            }

            _net.SegmentsLeft--;
        }

        pipe.Count -= result.Count;
        return [.. result];
    }
}
