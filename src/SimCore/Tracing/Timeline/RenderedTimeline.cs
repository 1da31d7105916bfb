namespace SimHarness.Tracing.Timeline;

/// <summary>A trace drawn as one HTML page, with what the page shows.</summary>
/// <param name="Html">The self-contained page.</param>
/// <param name="Lanes">Lanes drawn: one per thread or greenlet.</param>
/// <param name="Events">Events drawn (the trace's steps, wake-ups and time advances).</param>
/// <param name="Arrows">Arrows drawn: wake-ups, messages and switches.</param>
/// <param name="ViolationStep">The step marked as the violation, if the run has one.</param>
public sealed record RenderedTimeline(string Html, int Lanes, int Events, int Arrows, int? ViolationStep);
