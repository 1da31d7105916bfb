using System.Text;
using SimHarness.Sockets;

namespace SimHarness.Scenarios.Sockets;

/// <summary>
/// The seed's echo server (section 9.153) and its client: the server prints each accepted address and
/// answers every <c>recv(1024)</c> with a <c>send</c> of its uppercase; clients send
/// <c>'&lt;thread name&gt; hello'</c>, <c>recv(1024)</c> and print the reply, <see cref="Messages"/> times.
/// </summary>
/// <remarks>
/// The seed's server is a gevent program with a greenlet per connection; here the accept loop and
/// each connection's handler are daemon threads with explicit names (so the clients keep the names
/// <c>Thread-1 (client)</c>... as in the seed, where the server is another process). The faithful
/// program breaks <c>whole-replies</c> when a reply is split and <c>stream-integrity</c> when the
/// server's send is partial; see <see cref="EchoUpperFixed"/>.
/// </remarks>
public class EchoUpper : Scenario
{
    /// <inheritdoc />
    public override string Description => "the seed's echo-upper server and clients over TCP (send/recv as written in the seed)";

    /// <inheritdoc />
    public override long MaxSteps => 2_000_000;

    /// <summary>The server's port.</summary>
    [Param("the server's port")]
    public int Port { get; set; } = 8080;

    /// <summary>listen()'s backlog.</summary>
    [Param("listen backlog: a full one makes connects wait")]
    public int Backlog { get; set; } = 5;

    /// <summary>Client threads.</summary>
    [Param("client threads")]
    public int Clients { get; set; } = 1000;

    /// <summary>Round trips per client (the seed loops forever).</summary>
    [Param("round trips per client")]
    public int Messages { get; set; } = 3;

    /// <summary>Segmentation choices per run (split a send, coalesce segments in a recv).</summary>
    [Param("segmentation budget per run: splits and coalescings explored (0 = off)")]
    public int Segments { get; set; }

    /// <summary>Faults per run.</summary>
    [Param("fault budget per run: reset on send, refused or delayed connect (0 = off)")]
    public int Faults { get; set; }

    /// <summary>Bytes buffered per direction before send is partial.</summary>
    [Param("bytes buffered per direction of a connection before send is partial")]
    public int BufferSize { get; set; } = 65536;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        sim.ConfigureNetwork(new NetworkOptions { BufferSize = BufferSize, SegmentBudget = Segments, FaultBudget = Faults });
        var listener = await sim.ListenAsync(Port, Backlog);
        var server = await sim.CreateThreadAsync(() => ServeAsync(sim, listener), name: "server", daemon: true);
        await server.StartAsync();
        var clients = new List<SimThread>();
        for (var i = 0; i < Clients; i++)
        {
            clients.Add(await sim.CreateThreadAsync(() => ClientAsync(sim), "client"));
        }

        foreach (var t in clients)
        {
            await t.StartAsync();
        }
    }

    private async Task ServeAsync(ISim sim, ListeningSocket listener)
    {
        try
        {
            var n = 0;
            while (true)
            {
                var (conn, addr) = await listener.AcceptAsync();
                await sim.PrintAsync(addr.ToString());
                var handler = await sim.CreateThreadAsync(() => HandlerAsync(sim, conn), name: $"talk-{++n}", daemon: true);
                await handler.StartAsync();
            }
        }
        catch (SocketErrorException e)
        {
            sim.Assert(false, "server-survives", $"the accept loop died: {e.Message}");
        }
    }

    private async Task HandlerAsync(ISim sim, TcpSocket conn)
    {
        try
        {
            await TalkAsync(conn);
        }
        catch (BrokenPipeException)
        {
            // gevent prints the greenlet's traceback and keeps serving: this connection is lost, not the server.
        }
    }

    /// <summary>The seed's <c>talk(conn)</c>.</summary>
    protected virtual async Task TalkAsync(TcpSocket conn)
    {
        while (true)
        {
            try
            {
                var data = await conn.RecvAsync(1024);
                if (data.Length == 0)
                {
                    break;
                }

                await conn.SendAsync(Upper(data));
            }
            catch (ConnectionResetException)
            {
                break;
            }
        }

        await conn.CloseAsync();
    }

    /// <summary>The seed's client: send, recv(1024), print, <see cref="Messages"/> times; then close.</summary>
    protected virtual async Task ClientAsync(ISim sim)
    {
        var client = await sim.ConnectAsync("127.0.0.1", Port);
        for (var i = 0; i < Messages; i++)
        {
            var data = Encoding.UTF8.GetBytes($"{sim.CurrentThread.Name} hello");
            await client.SendAsync(data);
            var res = await client.RecvAsync(1024);
            await sim.PrintAsync(Encoding.UTF8.GetString(res));
        }

        await client.CloseAsync();
    }

    /// <summary>Python's <c>bytes.upper()</c>: ASCII letters only, every other byte unchanged.</summary>
    public static byte[] Upper(ReadOnlySpan<byte> data)
    {
        var r = data.ToArray();
        for (var i = 0; i < r.Length; i++)
        {
            if (r[i] is >= (byte)'a' and <= (byte)'z')
            {
                r[i] -= 32;
            }
        }

        return r;
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        new("stream-integrity", "per connection, the server sent back exactly the uppercase of what it received, in order, none lost", EchoInvariants.StreamIntegrity),
        new("server-survives", "the accept loop outlives every client fault", EchoInvariants.ServerSurvives),
        new("whole-replies", "every reply a client prints is the whole uppercase of the message it sent", EchoInvariants.WholeReplies),
    ];
}
