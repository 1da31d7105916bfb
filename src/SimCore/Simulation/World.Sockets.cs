using SimHarness.Sockets;

namespace SimHarness.Simulation;

internal sealed partial class World
{
    private SimNetwork? _network;
    private NetworkOptions _networkOptions = new();

    /// <summary>The simulated network, created at the first socket operation.</summary>
    internal SimNetwork Network => _network ??= new SimNetwork(this, _networkOptions);

    /// <summary>Sets the network's options; only before the first socket operation.</summary>
    internal void ConfigureNetwork(NetworkOptions options)
    {
        if (_network is not null)
        {
            throw new InvalidOperationException("configure the network before the first socket operation");
        }

        _networkOptions = options;
    }
}
