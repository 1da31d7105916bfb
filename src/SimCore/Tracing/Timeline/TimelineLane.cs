namespace SimHarness.Tracing.Timeline;

/// <summary>One column of the timeline: a thread, or one greenlet of a thread.</summary>
/// <param name="Index">Position from the left, 0-based.</param>
/// <param name="Thread">The simulated thread.</param>
/// <param name="Greenlet">The greenlet inside that thread, or null for the thread's own (main greenlet) lane.</param>
internal sealed record TimelineLane(int Index, string Thread, string? Greenlet)
{
    /// <summary>The header text: the greenlet's name, else the thread's.</summary>
    public string Name => Greenlet ?? Thread;
}
