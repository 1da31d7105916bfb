namespace SimHarness.Greenlets;

/// <summary>One timer of a hub: when it is due, its callback joins the hub's ready queue.</summary>
internal sealed class HubTimer(long deadline, long sequence, HubCallback fire)
{
    public long Deadline { get; } = deadline;

    /// <summary>Arming order: gevent fires timers with equal deadlines in this order.</summary>
    public long Sequence { get; } = sequence;

    public HubCallback Fire { get; } = fire;

    public bool Cancelled { get; private set; }

    public void Cancel() => Cancelled = true;
}
