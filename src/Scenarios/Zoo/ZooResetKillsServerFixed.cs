using System.Text;
using SimHarness.Sockets;

namespace SimHarness.Scenarios.Zoo;

/// <summary>An echo server serves clients one connection at a time; a connection reset ends that connection only, and the server goes on accepting.</summary>
/// <remarks>
/// The fixed twin of <see cref="ZooResetKillsServer"/>. The network may reset a connection (a fault
/// the explorer chooses, within the fault budget: the sender of the reset and then its peer see
/// <see cref="ConnectionResetException"/>), refuse a connect or delay it. Clients report a fault
/// and stop; the server must outlive every one of them.
/// </remarks>
public class ZooResetKillsServerFixed : Scenario
{
    internal const string Reply = "reply ";
    internal const string ClientFault = "client fault: ";

    /// <inheritdoc />
    public override string Description => "zoo, fixed: an echo server catches a connection reset, closes that connection and keeps accepting";

    /// <summary>Client threads.</summary>
    [Param("clients, each one round trip", Min = 0, Max = 10_000)]
    public int Clients { get; set; } = 1;

    /// <summary>Faults per run.</summary>
    [Param("fault budget per run: reset on send, refused or delayed connect (0 = off)", Min = 0, Max = 1_000)]
    public int Faults { get; set; } = 1;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        sim.ConfigureNetwork(new NetworkOptions { FaultBudget = Faults });
        var listener = await sim.ListenAsync(8080, Clients);
        var server = await sim.CreateThreadAsync(
            async () =>
            {
                while (true)
                {
                    var (conn, _) = await listener.AcceptAsync();
                    await ServeAsync(conn);
                }
            },
            "serve",
            name: "server",
            daemon: true);
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

    /// <summary>Serves one connection: one recv, its echo, close; a reset ends only this connection.</summary>
    protected virtual async Task ServeAsync(TcpSocket conn)
    {
        try
        {
            await EchoOnceAsync(conn);
        }
        catch (ConnectionResetException)
        {
            // The peer is gone: nothing to answer, and nothing wrong with the server.
        }

        await conn.CloseAsync();
    }

    /// <summary>One round trip of the echo protocol: recv, then sendall of what came.</summary>
    protected static async Task EchoOnceAsync(TcpSocket conn)
    {
        var data = await conn.RecvAsync(1024);
        if (data.Length > 0)
        {
            await conn.SendAllAsync(data);
        }
    }

    private static async Task ClientAsync(ISim sim)
    {
        TcpSocket? conn = null;
        try
        {
            conn = await sim.ConnectAsync("127.0.0.1", 8080);
            await conn.SendAllAsync(Encoding.UTF8.GetBytes("ping"));
            var reply = await conn.RecvAsync(1024);
            await sim.PrintAsync(Reply + Encoding.UTF8.GetString(reply));
        }
        catch (SocketErrorException e)
        {
            await sim.PrintAsync(ClientFault + e.Message);
        }

        if (conn is not null)
        {
            await conn.CloseAsync();
        }
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("every-client-answered", "every client gets its echo or sees a fault of its own connection", output =>
        {
            var lines = output.Where(o => o.Text.StartsWith(Reply, StringComparison.Ordinal) || o.Text.StartsWith(ClientFault, StringComparison.Ordinal)).ToArray();
            if (lines.Length != Clients)
            {
                return $"{lines.Length} of {Clients} clients finished their round trip";
            }

            var wrong = lines.FirstOrDefault(o => o.Text.StartsWith(Reply, StringComparison.Ordinal) && o.Text != Reply + "ping");
            return wrong is null ? null : $"{wrong.Thread} printed '{wrong.Text}'";
        }),
    ];
}
