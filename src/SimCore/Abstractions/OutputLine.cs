namespace SimHarness;

/// <summary>One line a scenario wrote, with its time and the writer's label (metadata, not transcript).</summary>
/// <param name="TimeMicros">Virtual (or wall) time of the write in microseconds.</param>
/// <param name="Thread">The writer's thread name, or its greenlet's label inside a hub.</param>
/// <param name="Text">The line itself: the transcript is the sequence of these.</param>
public sealed record OutputLine(long TimeMicros, string Thread, string Text)
{
    /// <summary>The time in seconds.</summary>
    public decimal Seconds => TimeMicros / 1_000_000m;
}
