namespace SimHarness.Sockets;

/// <summary>A simulated TCP connection: two pipes and whether it was reset.</summary>
internal sealed class SimConnection(int id, int capacity) : Simulation.IStateful
{
    void Simulation.IStateful.WriteState(StateWriter state)
    {
        state.Add(Id).Add(Reset).Add(Closed[0]).Add(Closed[1]);
        ToServer.WriteState(state);
        ToClient.WriteState(state);
    }

    /// <summary>Object id every step on either end declares (both ends touch both pipes on close).</summary>
    public int Id { get; } = id;

    public SimPipe ToServer { get; } = new(capacity);
    public SimPipe ToClient { get; } = new(capacity);

    /// <summary>Set by a reset (a fault, or a close with unread bytes): every later operation on either end raises.</summary>
    public bool Reset { get; set; }

    /// <summary>Whether each end (client 0, server 1) has been closed.</summary>
    public bool[] Closed { get; } = new bool[2];

    public void WakeEveryone(Simulation.World world)
    {
        ToServer.WakeAll(world);
        ToClient.WakeAll(world);
    }
}
