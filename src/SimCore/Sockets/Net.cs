using SimHarness.Simulation;

namespace SimHarness.Sockets;

/// <summary>TCP sockets for scenario code: <c>sim.ListenAsync(port, backlog)</c> and <c>sim.ConnectAsync(host, port)</c>.</summary>
/// <remarks>
/// In simulation they use the world's simulated network (rule 6 of docs/semantics.md). Called on the world
/// that <see cref="Greenlets.Monkey.PatchAll"/> returns they are gevent sockets: a blocking call
/// parks the calling greenlet in its thread's hub, and the hub's other greenlets run meanwhile.
/// </remarks>
public static class Net
{
    /// <summary>Sets the simulated network's options; call before the first socket operation of the run.</summary>
    public static void ConfigureNetwork(this ISim sim, NetworkOptions options) => WorldOf(sim).World.ConfigureNetwork(options);

    /// <summary>Binds and listens (Python's <c>socket(); bind((host, port)); listen(backlog)</c>).</summary>
    public static Task<ListeningSocket> ListenAsync(this ISim sim, int port, int backlog, string host = SimNetwork.Loopback)
    {
        var (w, gevent) = WorldOf(sim);
        return w.IsSimulated ? w.Network.ListenAsync(host, port, backlog, gevent) : Real.Sockets.RealNet.ListenAsync(w, host, port, backlog, gevent);
    }

    /// <summary>Connects (Python's <c>socket(); connect((host, port))</c>).</summary>
    public static Task<TcpSocket> ConnectAsync(this ISim sim, string host, int port)
    {
        var (w, gevent) = WorldOf(sim);
        return w.IsSimulated ? w.Network.ConnectAsync(host, port, gevent) : Real.Sockets.RealNet.ConnectAsync(w, host, port, gevent);
    }

    /// <summary>The world, and whether the caller sees it monkey-patched (then sockets are gevent sockets).</summary>
    private static (World World, bool Gevent) WorldOf(ISim sim) => sim switch
    {
        World w => (w, false),
        Greenlets.PatchedSim p => (p.World, true),
        _ => throw new InvalidOperationException("sockets need the harness's own world"),
    };
}
