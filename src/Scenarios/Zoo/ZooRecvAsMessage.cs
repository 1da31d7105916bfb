using System.Text;
using SimHarness.Sockets;

namespace SimHarness.Scenarios.Zoo;

/// <summary>Zoo bug, one recv = one message: the server takes whatever one <c>recv</c> returns as one whole message.</summary>
/// <remarks>
/// It works as long as every send arrives in a recv of its own. When the network splits a send, or
/// a recv returns two sends together, the server reads half messages or two messages glued as one.
/// </remarks>
[ExpectedToFail("one-message-per-send")]
public sealed class ZooRecvAsMessage : ZooRecvAsMessageFixed
{
    /// <inheritdoc />
    public override string Description => "zoo bug: a TCP server treats each recv() as one message; a split or coalesced send breaks the messages";

    /// <inheritdoc />
    protected override async Task ReadMessagesAsync(ISim sim, TcpSocket conn)
    {
        while (true)
        {
            var data = await conn.RecvAsync(1024);
            if (data.Length == 0)
            {
                break;
            }

            await sim.PrintAsync(Got + Show(Encoding.UTF8.GetString(data).TrimEnd('\n')));
        }
    }
}
