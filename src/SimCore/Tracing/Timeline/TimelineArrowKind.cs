namespace SimHarness.Tracing.Timeline;

/// <summary>What an arrow between two steps stands for.</summary>
internal enum TimelineArrowKind
{
    /// <summary>A step (set, notify, release, put, finish...) woke a blocked thread.</summary>
    Wake,

    /// <summary>Bytes sent on one connection end were received on the other.</summary>
    Message,

    /// <summary>Control moved from one greenlet of a thread to another (a switch, or the hub running the next greenlet).</summary>
    Switch,
}
