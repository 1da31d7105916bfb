namespace SimHarness.Simulation;

/// <summary>Abandoning a run part-way: the explorer was told to stop (time limit, Ctrl-C) inside one run.</summary>
internal sealed partial class World
{
    /// <summary>True when the run was abandoned: its record is partial and nobody should judge it.</summary>
    internal bool Abandoned { get; private set; }

    /// <summary>
    /// Ends the run without a verdict: blocked threads are killed and every other thread unwinds at
    /// its next step, as at any end of a run, but no violation is recorded and no runtime is told of one.
    /// </summary>
    /// <remarks>Does nothing once the run has ended: a run that already has its verdict keeps it.</remarks>
    internal void Abandon()
    {
        using var _ = Atomic();
        if (Ended)
        {
            return;
        }

        Abandoned = true;
        EndRun(completed: false);
    }
}
