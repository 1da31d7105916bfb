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

    public List<ISignalable> Readers { get; } = [];
    public List<ISignalable> Writers { get; } = [];

    /// <summary>Writes the pipe's bytes, end-of-stream flag and waiting parties (part of its connection's digest).</summary>
    public void WriteState(StateWriter state)
    {
        state.Add(Count).Add(Eof).Add(Segments.Count);
        foreach (var segment in Segments)
        {
            state.Add(segment);
        }

        WriteParties(state, Readers);
        WriteParties(state, Writers);
    }

    /// <summary>Writes a list of waiting parties in order.</summary>
    public static void WriteParties(StateWriter state, List<ISignalable> parties)
    {
        state.Add(parties.Count);
        foreach (var p in parties)
        {
            p.WriteIdentity(state);
        }
    }

    public void WakeAll(World world)
    {
        foreach (var w in Readers.Concat(Writers))
        {
            w.Signal(world);
        }

        Readers.Clear();
        Writers.Clear();
    }

    public static void WakeList(World world, List<ISignalable> list)
    {
        foreach (var w in list)
        {
            w.Signal(world);
        }

        list.Clear();
    }

    /// <summary>Wakes the longest-waiting live waiter of <paramref name="list"/>, if any.</summary>
    public static void WakeFirst(World world, List<ISignalable> list)
    {
        while (list.Count > 0)
        {
            var w = list[0];
            list.RemoveAt(0);
            if (!w.Done)
            {
                w.Signal(world);
                return;
            }
        }
    }
}
