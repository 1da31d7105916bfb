namespace SimHarness;

/// <summary>One line a scenario wrote, with its time and the writer's label (metadata, not transcript).</summary>
/// <param name="TimeMicros">Virtual (or wall) time of the write in microseconds.</param>
/// <param name="Thread">The writer's thread name, or its greenlet's label inside a hub.</param>
/// <param name="Text">The line itself: the transcript is the sequence of these.</param>
public sealed record OutputLine(long TimeMicros, string Thread, string Text)
{
    /// <summary>The prefix that marks a stderr line in a transcript (explore and census treat stderr lines like output).</summary>
    public const string StderrPrefix = "[stderr] ";

    /// <summary>True for a line written to the run's stderr (an excepthook's traceback); false for stdout.</summary>
    public bool IsStderr { get; init; }

    /// <summary>The line as the transcript has it: stderr lines carry <see cref="StderrPrefix"/>.</summary>
    public string TranscriptText => IsStderr ? StderrPrefix + Text : Text;

    /// <summary>The time in seconds.</summary>
    public decimal Seconds => TimeMicros / 1_000_000m;
}
