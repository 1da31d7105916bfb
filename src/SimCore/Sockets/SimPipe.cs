using SimHarness.Simulation;

namespace SimHarness.Sockets;

/// <summary>One direction of a simulated connection: buffered segments, end of stream, and who waits on it.</summary>
internal sealed class SimPipe(int capacity)
{
    public int Capacity { get; } = capacity;

    /// <summary>Segments in the order sent; a recv takes from the first.</summary>
    public List<byte[]> Segments { get; } = [];

    /// <summary>Bytes buffered.</summary>
    public int Count { get; set; }

    /// <summary>The writer shut down or closed: readers get end of stream after the buffer drains.</summary>
    public bool Eof { get; set; }

    public List<Waiter> Readers { get; } = [];
    public List<Waiter> Writers { get; } = [];

    public void WakeAll(World world)
    {
        foreach (var w in Readers.Concat(Writers))
        {
            world.Wake(w, WakeReason.Signaled);
        }

        Readers.Clear();
        Writers.Clear();
    }

    public static void WakeList(World world, List<Waiter> list)
    {
        foreach (var w in list)
        {
            world.Wake(w, WakeReason.Signaled);
        }

        list.Clear();
    }
}
