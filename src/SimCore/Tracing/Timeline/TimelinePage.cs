namespace SimHarness.Tracing.Timeline;

/// <summary>The public way to draw a trace (what <c>timeline</c> does): the model and the page stay internal.</summary>
public static class TimelinePage
{
    /// <summary>Draws <paramref name="trace"/> as one HTML page: a lane per thread or greenlet, virtual time downwards, arrows for wake-ups, messages and switches, the violating step marked.</summary>
    /// <param name="trace">A loaded trace (<see cref="TraceJson.Load"/>).</param>
    public static RenderedTimeline Render(Trace trace)
    {
        var timeline = TimelineBuilder.Build(trace);
        return new RenderedTimeline(TimelineHtml.Render(timeline), timeline.Lanes.Count, timeline.Steps.Count, timeline.Arrows.Count, timeline.ViolationStep);
    }
}
