namespace SimHarness.Sockets;

/// <summary>Settings of the simulated network; every budget bounds how many choices a run may take.</summary>
public sealed record NetworkOptions
{
    /// <summary>Bytes one direction of a connection buffers before <c>send</c> accepts fewer bytes than offered.</summary>
    public int BufferSize { get; init; } = 65536;

    /// <summary>Segmentation choices per run: splitting a send, or coalescing consecutive segments in a recv. 0 turns them off.</summary>
    public int SegmentBudget { get; init; }

    /// <summary>Faults per run (reset on send, refused or delayed connect). 0 turns them off.</summary>
    public int FaultBudget { get; init; }

    /// <summary>Virtual seconds a delayed connect waits (Linux retries a dropped SYN after about a second).</summary>
    public decimal ConnectDelay { get; init; } = 1m;

    /// <summary>The first ephemeral port; later connects take the next ones, in connect order.</summary>
    public int EphemeralPortBase { get; init; } = 50000;
}
