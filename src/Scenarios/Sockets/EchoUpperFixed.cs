using System.Text;
using SimHarness.Sockets;

namespace SimHarness.Scenarios.Sockets;

/// <summary>The echo-upper server and client made correct: the server uses sendall, the client reads until it has the whole reply.</summary>
[ExploreWith("clients=1;messages=2;segments=1;bufferSize=32")]
public sealed class EchoUpperFixed : EchoUpper
{
    /// <inheritdoc />
    public override string Description => "echo-upper with sendall and a client that reads until it has the whole reply";

    /// <inheritdoc />
    protected override Task ReplyAsync(TcpSocket conn, byte[] reply) => conn.SendAllAsync(reply);

    /// <inheritdoc />
    protected override async Task ClientAsync(ISim sim)
    {
        var client = await sim.ConnectAsync("127.0.0.1", Port);
        for (var i = 0; i < Messages; i++)
        {
            // For the state-caching search: what the loop still reads (see EchoUpper's client).
            sim.Checkpoint("client loop", w => w.Add(i).Add(client.LocalAddress.Port));
            var data = Encoding.UTF8.GetBytes($"{sim.CurrentThread.Name} hello");
            await client.SendAllAsync(data);
            var reply = new List<byte>(data.Length);
            while (reply.Count < data.Length)
            {
                var part = await client.RecvAsync(1024);
                if (part.Length == 0)
                {
                    break;
                }

                reply.AddRange(part);
            }

            // However the reply came in pieces, the loop now holds only the whole of it.
            var text = Encoding.UTF8.GetString([.. reply]);
            sim.Checkpoint("reply assembled", w => w.Add(i).Add(client.LocalAddress.Port).Add(text));
            await sim.PrintAsync(text);
        }

        sim.Checkpoint("client done", w => w.Add(client.LocalAddress.Port));
        await client.CloseAsync();
    }
}
