namespace SimHarness.Scenarios.Zoo;

/// <summary>Zoo bug, deadlock between two events: the two workers take the two event tokens in opposite orders.</summary>
/// <remarks>When each has taken its first token, each waits forever on the event the other holds cleared.</remarks>
[ExpectedToFail("deadlock")]
public sealed class ZooEventDeadlock : ZooEventDeadlockFixed
{
    /// <inheritdoc />
    public override string Description => "zoo bug: two workers take two event tokens in opposite orders; each can hold one and wait forever for the other";

    /// <inheritdoc />
    protected override (Event First, Event Second) SecondWorkerOrder(Event a, Event b) => (b, a);
}
