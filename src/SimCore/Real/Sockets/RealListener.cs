using System.Net.Sockets;
using SimHarness.Simulation;
using SimHarness.Sockets;

namespace SimHarness.Real.Sockets;

/// <summary>A real listening socket behind <see cref="ListeningSocket"/>.</summary>
internal sealed class RealListener(World world, Socket socket, bool cooperative) : ListeningSocket
{
    public override TcpAddress LocalAddress => RealNet.AddressOf(socket.LocalEndPoint);

    public override async Task<(TcpSocket Connection, TcpAddress Peer)> AcceptAsync()
    {
        await world.StepAsync(world.CurrentThread, new Access(-1, AccessKind.None, "accept"));
        try
        {
            var s = await Cooperative.AwaitAsync(world, cooperative, socket.AcceptAsync(), "accept");
            s.NoDelay = true;
            var conn = new RealTcpSocket(world, s, cooperative);
            return (conn, conn.PeerAddress);
        }
        catch (SocketException e)
        {
            throw RealNet.Translate(e);
        }
    }

    public override async Task CloseAsync()
    {
        await world.StepAsync(world.CurrentThread, new Access(-1, AccessKind.None, "close"));
        socket.Dispose();
    }
}
