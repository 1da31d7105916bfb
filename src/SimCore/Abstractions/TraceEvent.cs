namespace SimHarness;

/// <summary>One entry of a run's readable event log: a step, a wake-up or a time advance.</summary>
/// <param name="TimeMicros">Virtual time of the entry in microseconds.</param>
/// <param name="Thread">The thread that took the step (or was woken); empty for a time advance.</param>
/// <param name="Op">The operation: print, set, clear, is_set, wait, sleep, start, join, finish, wake, tick...</param>
/// <param name="Target">The object touched (event#1, Thread-2 (connect), output), if any.</param>
/// <param name="Result">What the step returned or did (true, blocked, timeout...), if anything.</param>
/// <param name="Text">The output line, for print.</param>
public sealed record TraceEvent(long TimeMicros, string Thread, string Op, string? Target = null, string? Result = null, string? Text = null)
{
    /// <summary>The greenlet that took the step, when it is not the thread's main greenlet (a hub's greenlets share their thread).</summary>
    /// <remarks>Traces recorded before this field existed omit it; replay then does not compare it.</remarks>
    public string? Greenlet { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var who = Greenlet is null ? Thread : $"{Thread}/{Greenlet}";
        var s = $"t={TimeMicros / 1_000_000m}s {who} {Op}";
        if (Target is not null)
        {
            s += $" {Target}";
        }

        if (Result is not null)
        {
            s += $" -> {Result}";
        }

        if (Text is not null)
        {
            s += $" \"{Text}\"";
        }

        return s;
    }
}
