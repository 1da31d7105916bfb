using System.Text;
using SimHarness.Sockets;

namespace SimHarness.Scenarios.Zoo;

/// <summary>A client sends newline-terminated messages over TCP; the server buffers what it receives and splits it at newlines.</summary>
/// <remarks>
/// The fixed twin of <see cref="ZooRecvAsMessage"/>. TCP is a byte stream (rule 6 of docs/semantics.md): a
/// <c>recv</c> may return part of a send, or the end of one and the start of the next, so message
/// boundaries are the protocol's job, here a newline.
/// </remarks>
public class ZooRecvAsMessageFixed : Scenario
{
    internal const string Got = "server got ";

    /// <inheritdoc />
    public override string Description => "zoo, fixed: a server reads newline-terminated messages from a TCP stream, buffering until each newline";

    /// <summary>Messages the client sends.</summary>
    [Param("newline-terminated messages the client sends, one sendall each", Min = 0, Max = 10_000)]
    public int Messages { get; set; } = 2;

    /// <summary>Segmentation choices per run.</summary>
    [Param("segmentation budget per run: splits of a send and coalescings in a recv explored (0 = one recv per send)", Min = 0, Max = 1_000)]
    public int Segments { get; set; } = 1;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        sim.ConfigureNetwork(new NetworkOptions { SegmentBudget = Segments });
        var listener = await sim.ListenAsync(8080, 1);
        var server = await sim.CreateThreadAsync(
            async () =>
            {
                var (conn, _) = await listener.AcceptAsync();
                await ReadMessagesAsync(sim, conn);
                await conn.CloseAsync();
            },
            "server");
        var client = await sim.CreateThreadAsync(
            async () =>
            {
                var conn = await sim.ConnectAsync("127.0.0.1", 8080);
                for (var i = 1; i <= Messages; i++)
                {
                    await conn.SendAllAsync(Encoding.UTF8.GetBytes($"hello {i}\n"));
                }

                await conn.CloseAsync();
            },
            "client");
        await server.StartAsync();
        await client.StartAsync();
    }

    /// <summary>Reads the connection to its end, printing each message.</summary>
    protected virtual async Task ReadMessagesAsync(ISim sim, TcpSocket conn)
    {
        var buffer = new StringBuilder();
        while (true)
        {
            var data = await conn.RecvAsync(1024);
            if (data.Length == 0)
            {
                break;
            }

            buffer.Append(Encoding.UTF8.GetString(data));
            var text = buffer.ToString();
            int newline;
            while ((newline = text.IndexOf('\n', StringComparison.Ordinal)) >= 0)
            {
                await sim.PrintAsync(Got + Show(text[..newline]));
                text = text[(newline + 1)..];
            }

            buffer.Clear().Append(text);
        }
    }

    /// <summary>A message as the transcript shows it: quoted, a newline inside it written <c>\n</c>.</summary>
    protected static string Show(string message) => $"'{message.Replace("\n", "\\n", StringComparison.Ordinal)}'";

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("one-message-per-send", "the server reads exactly the messages the client sent, in order", output =>
        {
            var expected = Enumerable.Range(1, Messages).Select(i => Got + Show($"hello {i}")).ToArray();
            var actual = output.Where(o => o.Text.StartsWith(Got, StringComparison.Ordinal)).Select(o => o.Text).ToArray();
            return actual.SequenceEqual(expected, StringComparer.Ordinal)
                ? null
                : $"the client sent {string.Join(", ", expected.Select(e => e[Got.Length..]))}; the server read {(actual.Length == 0 ? "nothing" : string.Join(", ", actual.Select(a => a[Got.Length..])))}";
        }),
    ];
}
