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

            await sim.PrintAsync(Encoding.UTF8.GetString([.. reply]));
        }

        await client.CloseAsync();
    }
}
