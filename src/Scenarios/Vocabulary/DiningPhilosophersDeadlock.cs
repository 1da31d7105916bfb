namespace SimHarness.Scenarios.Vocabulary;

/// <summary>Broken twin of <see cref="DiningPhilosophers"/>: everyone takes the left fork, then the right one.</summary>
/// <remarks>When every philosopher holds a left fork, each waits for a neighbour's: a circular wait, a deadlock.</remarks>
[ExpectedToFail("deadlock")]
public sealed class DiningPhilosophersDeadlock : DiningPhilosophers
{
    /// <inheritdoc />
    public override string Description => "broken twin of DiningPhilosophers: everyone takes the left fork first, all can hold one and wait forever";

    /// <inheritdoc />
    protected override (int First, int Second) Forks(int seat) => (seat, (seat + 1) % Philosophers);
}
