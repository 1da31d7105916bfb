using SimHarness.Simulation;

namespace SimHarness.Sockets;

/// <summary>TCP sockets for scenario code: <c>sim.ListenAsync(port, backlog)</c> and <c>sim.ConnectAsync(host, port)</c>.</summary>
/// <remarks>In simulation they use the world's simulated network (DESIGN.md rule 6).</remarks>
public static class Net
{
    /// <summary>Sets the simulated network's options; call before the first socket operation of the run.</summary>
    public static void ConfigureNetwork(this ISim sim, NetworkOptions options) => WorldOf(sim).ConfigureNetwork(options);

    /// <summary>Binds and listens (Python's <c>socket(); bind((host, port)); listen(backlog)</c>).</summary>
    public static Task<ListeningSocket> ListenAsync(this ISim sim, int port, int backlog, string host = SimNetwork.Loopback)
    {
        var w = WorldOf(sim);
        return w.IsSimulated ? w.Network.ListenAsync(host, port, backlog) : Real.Sockets.RealNet.ListenAsync(w, host, port, backlog);
    }

    /// <summary>Connects (Python's <c>socket(); connect((host, port))</c>).</summary>
    public static Task<TcpSocket> ConnectAsync(this ISim sim, string host, int port)
    {
        var w = WorldOf(sim);
        return w.IsSimulated ? w.Network.ConnectAsync(host, port) : Real.Sockets.RealNet.ConnectAsync(w, host, port);
    }

    private static World WorldOf(ISim sim) =>
        sim as World ?? throw new InvalidOperationException("sockets need the harness's own world");
}
