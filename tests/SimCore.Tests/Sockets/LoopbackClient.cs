using System.Net;
using System.Net.Sockets;
using SimHarness.Real.Sockets;

namespace SimHarness.Tests.Sockets;

/// <summary>A plain .NET TCP client for the real echo-upper server: send a message, read exactly as many bytes back.</summary>
internal static class LoopbackClient
{
    public static async Task<Socket> ConnectAsync(IPEndPoint ep, CancellationToken ct)
    {
        var c = new Socket(ep.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await c.ConnectAsync(ep, ct);
            return c;
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="msg"/> and reads until as many bytes came back or the server closed.</summary>
    public static async Task<byte[]> RoundTripAsync(Socket c, byte[] msg, CancellationToken ct)
    {
        var sent = 0;
        while (sent < msg.Length)
        {
            sent += await c.SendAsync(msg.AsMemory(sent), SocketFlags.None, ct);
        }

        var got = new byte[msg.Length];
        var read = 0;
        while (read < got.Length)
        {
            var n = await c.ReceiveAsync(got.AsMemory(read), SocketFlags.None, ct);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return got[..read];
    }

    /// <summary>Connects, makes one round trip and closes.</summary>
    public static async Task<byte[]> RoundTripAsync(IPEndPoint ep, byte[] msg, CancellationToken ct)
    {
        using var c = await ConnectAsync(ep, ct);
        return await RoundTripAsync(c, msg, ct);
    }

    /// <summary>Python's <c>bytes.upper()</c> of a copy: the expected reply.</summary>
    public static byte[] Upper(byte[] b)
    {
        var r = (byte[])b.Clone();
        EchoUpperServer.UpperAscii(r);
        return r;
    }
}
