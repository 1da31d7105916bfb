namespace SimHarness.Tracing.Timeline;

/// <summary>A causal link from one step to a later one.</summary>
/// <param name="From">Index of the causing event (a step may log its wake-ups just before itself, so it can be the later one).</param>
/// <param name="To">Index of the event it caused.</param>
/// <param name="Kind">What the link stands for.</param>
internal sealed record TimelineArrow(int From, int To, TimelineArrowKind Kind);
