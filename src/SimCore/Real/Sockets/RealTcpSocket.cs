using System.Net.Sockets;
using SimHarness.Simulation;
using SimHarness.Sockets;

namespace SimHarness.Real.Sockets;

/// <summary>A real connected socket behind <see cref="TcpSocket"/>; OS errors become Python's exceptions.</summary>
internal sealed class RealTcpSocket(World world, Socket socket, bool cooperative) : TcpSocket
{
    public override TcpAddress LocalAddress { get; } = RealNet.AddressOf(socket.LocalEndPoint);
    public override TcpAddress PeerAddress { get; } = RealNet.AddressOf(socket.RemoteEndPoint);

    public override async Task<int> SendAsync(ReadOnlyMemory<byte> data)
    {
        await Step("send");
        try
        {
            return await Cooperative.AwaitAsync(world, cooperative, socket.SendAsync(data, SocketFlags.None).AsTask(), "send");
        }
        catch (SocketException e)
        {
            throw RealNet.Translate(e);
        }
    }

    public override async Task<byte[]> RecvAsync(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await Step("recv");
        var buf = new byte[max];
        try
        {
            var n = await Cooperative.AwaitAsync(world, cooperative, socket.ReceiveAsync(buf.AsMemory(), SocketFlags.None).AsTask(), "recv");
            return buf[..n];
        }
        catch (SocketException e)
        {
            throw RealNet.Translate(e);
        }
    }

    public override async Task ShutdownAsync(SimHarness.Sockets.SocketShutdown how)
    {
        await Step("shutdown");
        socket.Shutdown(how switch
        {
            SimHarness.Sockets.SocketShutdown.Read => System.Net.Sockets.SocketShutdown.Receive,
            SimHarness.Sockets.SocketShutdown.Write => System.Net.Sockets.SocketShutdown.Send,
            _ => System.Net.Sockets.SocketShutdown.Both,
        });
    }

    public override async Task CloseAsync()
    {
        await Step("close");
        socket.Dispose();
    }

    private StepGate Step(string op) => world.StepAsync(world.CurrentThread, new Access(-1, AccessKind.None, op));
}
