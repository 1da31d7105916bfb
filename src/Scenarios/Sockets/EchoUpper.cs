using System.Text;
using SimHarness.Greenlets;
using SimHarness.Sockets;

namespace SimHarness.Scenarios.Sockets;

/// <summary>
/// The seed's echo server (section 9.153) and its client: the server prints each accepted address and
/// answers every <c>recv(1024)</c> with a <c>send</c> of its uppercase; clients send
/// <c>'&lt;thread name&gt; hello'</c>, <c>recv(1024)</c> and print the reply, <see cref="Messages"/> times.
/// </summary>
/// <remarks>
/// The seed's server is a gevent program in a process of its own: here it is a daemon thread named
/// <c>server</c> running a hub, with the accept loop and one <c>talk</c> per connection as greenlets
/// on monkey-patched (gevent) sockets; the client threads keep the seed's names
/// <c>Thread-1 (client)</c>... The explorer uses the small sizes of <see cref="ExploreWithAttribute"/>. The faithful
/// program breaks <c>whole-replies</c> when a reply is split and <c>stream-integrity</c> when the
/// server's send is partial; see <see cref="EchoUpperFixed"/>.
/// </remarks>
[ExpectedToFail("whole-replies")]
[ExploreWith("clients=1;messages=2;segments=1;bufferSize=32")]
public class EchoUpper : Scenario
{
    /// <inheritdoc />
    public override string Description => "the seed's echo-upper server and clients over TCP (send/recv as written in the seed)";

    /// <inheritdoc />
    public override long MaxSteps => 2_000_000;

    /// <summary>The server's port.</summary>
    [Param("the server's port", Min = 1, Max = 65_535)]
    public int Port { get; set; } = 8080;

    /// <summary>listen()'s backlog.</summary>
    [Param("listen backlog: a full one makes connects wait", Min = 0, Max = 65_535)]
    public int Backlog { get; set; } = 5;

    /// <summary>Client threads.</summary>
    [Param("client threads", Min = 0, Max = 100_000)]
    public int Clients { get; set; } = 1000;

    /// <summary>Round trips per client (the seed loops forever).</summary>
    [Param("round trips per client", Min = 0, Max = 100_000)]
    public int Messages { get; set; } = 3;

    /// <summary>Segmentation choices per run (split a send, coalesce segments in a recv).</summary>
    [Param("segmentation budget per run: splits and coalescings explored (0 = off)", Min = 0, Max = 1_000)]
    public int Segments { get; set; }

    /// <summary>Faults per run.</summary>
    [Param("fault budget per run: reset on send, refused or delayed connect (0 = off)", Min = 0, Max = 1_000)]
    public int Faults { get; set; }

    /// <summary>Bytes buffered per direction before send is partial.</summary>
    [Param("bytes buffered per direction of a connection before send is partial (below a message's length client and server can both block in send, as over TCP)", Min = 1, Max = 16_777_216)]
    public int BufferSize { get; set; } = 65536;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        sim.ConfigureNetwork(new NetworkOptions { BufferSize = BufferSize, SegmentBudget = Segments, FaultBudget = Faults });

        // The seed starts the server by hand before the clients: here main waits until it listens.
        var listening = sim.NewEvent("listening");
        var server = await sim.CreateThreadAsync(() => ServerProgramAsync(sim, listening), name: "server", daemon: true);
        await server.StartAsync();
        await listening.WaitAsync();
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

    /// <summary>The seed's server program: <c>monkey.patch_all()</c>, then <c>spawn(server, '127.0.0.1', 8080).join()</c>.</summary>
    private async Task ServerProgramAsync(ISim sim, Event listening)
    {
        var gevent = Monkey.PatchAll(sim);
        var hub = Hub.Get(sim);
        var accepting = await hub.SpawnAsync(() => ServeAsync(gevent, hub, listening));
        await accepting.JoinAsync();
    }

    /// <summary>The seed's <c>server(ip, port, backlog)</c>: accept, print the address, spawn <c>talk(conn)</c>.</summary>
    private async Task ServeAsync(ISim gevent, Hub hub, Event listening)
    {
        try
        {
            var listener = await gevent.ListenAsync(Port, Backlog);
            await listening.SetAsync();
            while (true)
            {
                // For the state-caching search: each turn of the accept loop starts afresh (the
                // connections accepted before belong to their talk greenlets now).
                gevent.Checkpoint("accept loop");
                var (conn, addr) = await listener.AcceptAsync();
                await gevent.PrintAsync(addr.ToString());
                await hub.SpawnAsync(() => TalkGreenletAsync(gevent, conn));
            }
        }
        catch (SocketErrorException e)
        {
            gevent.Assert(false, "server-survives", $"the accept loop died: {e.Message}");
        }
    }

    private async Task TalkGreenletAsync(ISim gevent, TcpSocket conn)
    {
        try
        {
            await TalkAsync(gevent, conn);
        }
        catch (BrokenPipeException)
        {
            // gevent prints the greenlet's traceback and keeps serving: this connection is lost, not the server.
        }
    }

    /// <summary>The seed's <c>talk(conn)</c>.</summary>
    private async Task TalkAsync(ISim gevent, TcpSocket conn)
    {
        while (true)
        {
            // Each turn of the talk loop depends only on its connection: what earlier turns received
            // is forgotten (two runs that split a message differently meet again here).
            gevent.Checkpoint("talk loop", w => w.Add(conn.PeerAddress.Port));
            try
            {
                var data = await conn.RecvAsync(1024);
                if (data.Length == 0)
                {
                    break;
                }

                await ReplyAsync(conn, Upper(data));
            }
            catch (ConnectionResetException)
            {
                break;
            }
        }

        await conn.CloseAsync();
    }

    /// <summary>The seed's <c>conn.send(data.upper())</c>: one send, which may take only part of the reply.</summary>
    protected virtual Task ReplyAsync(TcpSocket conn, byte[] reply) => conn.SendAsync(reply);

    /// <summary>The seed's client: send, recv(1024), print, <see cref="Messages"/> times; then close.</summary>
    protected virtual async Task ClientAsync(ISim sim)
    {
        var client = await sim.ConnectAsync("127.0.0.1", Port);
        for (var i = 0; i < Messages; i++)
        {
            sim.Checkpoint("client loop", w => w.Add(i).Add(client.LocalAddress.Port));
            var data = Encoding.UTF8.GetBytes($"{sim.CurrentThread.Name} hello");
            await client.SendAsync(data);
            var res = await client.RecvAsync(1024);
            await sim.PrintAsync(Encoding.UTF8.GetString(res));
        }

        sim.Checkpoint("client done", w => w.Add(client.LocalAddress.Port));
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
        Invariant.OverOutput("whole-replies", "every reply a client prints is the whole uppercase of the message it sent", EchoInvariants.WholeReplies),
    ];

    /// <inheritdoc />
    public override IEnumerable<Monitor> Monitors => [new StreamIntegrityMonitor(), new ServerSurvivesMonitor()];
}
