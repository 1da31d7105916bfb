namespace SimHarness.Tracing.Timeline;

/// <summary>One event of the trace placed on the timeline.</summary>
/// <param name="Index">The event's index in the trace's event log (its row).</param>
/// <param name="Event">The event.</param>
/// <param name="Lane">Index of its lane, or -1 for a time advance, which spans every lane.</param>
internal sealed record TimelineStep(int Index, TraceEvent Event, int Lane)
{
    /// <summary>True for a time advance (<c>tick</c>), drawn as a rule across the lanes.</summary>
    public bool IsTimeAdvance => Lane < 0;
}
