namespace SimHarness.Tracing.Timeline;

/// <summary>A trace laid out for drawing: lanes, one step per event, arrows, and the violation's marks.</summary>
internal sealed class Timeline
{
    /// <summary>The traced run's scenario, parameters, engine and strategy, as the trace states them.</summary>
    public required Trace Trace { get; init; }

    /// <summary>Threads and greenlets in order: each thread, then its greenlets; threads in creation order, else by first step.</summary>
    public required IReadOnlyList<TimelineLane> Lanes { get; init; }

    /// <summary>One step per event of the trace, in log order.</summary>
    public required IReadOnlyList<TimelineStep> Steps { get; init; }

    /// <summary>Wake, message and switch links, ordered by their target step.</summary>
    public required IReadOnlyList<TimelineArrow> Arrows { get; init; }

    /// <summary>The step the violation is pinned to (the run's last step), or null when the run did not fail.</summary>
    public int? ViolationStep { get; init; }

    /// <summary>The last step of each lane the violation's message names (a deadlocked waiter, a thread that gave up).</summary>
    public required IReadOnlySet<int> ImplicatedSteps { get; init; }

    /// <summary>Lanes whose last step blocked and was never woken: still waiting when the run ends (forever, in a deadlock).</summary>
    public required IReadOnlySet<int> BlockedAtEnd { get; init; }
}
