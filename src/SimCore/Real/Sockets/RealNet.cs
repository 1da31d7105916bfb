using System.Net;
using System.Net.Sockets;
using SimHarness.Simulation;
using SimHarness.Sockets;

namespace SimHarness.Real.Sockets;

/// <summary>Real sockets for scenarios on the real backend (System.Net.Sockets).</summary>
/// <remarks>
/// A thread awaiting the operating system is not marked blocked in the world's record: it stays
/// runnable, so the real backend's deadlock check never fires while a socket call is pending.
/// </remarks>
internal static class RealNet
{
    public static async Task<ListeningSocket> ListenAsync(World world, string host, int port, int backlog, bool cooperative)
    {
        var me = world.CurrentThread;
        await world.StepAsync(me, new Access(-1, AccessKind.None, "listen"));
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            s.Bind(new IPEndPoint(IPAddress.Parse(host), port));
            s.Listen(backlog);
        }
        catch (SocketException e)
        {
            s.Dispose();
            throw Translate(e);
        }

        using (world.Atomic())
        {
            world.Record(me, "listen", -1, $"{host}:{port}", null);
        }

        return new RealListener(world, s, cooperative);
    }

    public static async Task<TcpSocket> ConnectAsync(World world, string host, int port, bool cooperative)
    {
        var me = world.CurrentThread;
        await world.StepAsync(me, new Access(-1, AccessKind.None, "connect"));
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await Cooperative.AwaitAsync(world, cooperative, s.ConnectAsync(new IPEndPoint(IPAddress.Parse(host), port)), "connect");
        }
        catch (SocketException e)
        {
            s.Dispose();
            throw Translate(e);
        }

        return new RealTcpSocket(world, s, cooperative);
    }

    internal static TcpAddress AddressOf(EndPoint? ep) =>
        ep is IPEndPoint ip ? new TcpAddress(ip.Address.ToString(), ip.Port) : new TcpAddress("?", 0);

    /// <summary>Maps an OS error to Python's exception with Python's message.</summary>
    internal static Exception Translate(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => new ConnectionRefusedException(),
        SocketError.ConnectionReset => new ConnectionResetException(),
        SocketError.Shutdown or SocketError.ConnectionAborted => new BrokenPipeException(),
        SocketError.AddressAlreadyInUse => new SocketErrorException(98, "Address already in use"),
        _ => new SocketErrorException(e.ErrorCode, e.Message),
    };
}
