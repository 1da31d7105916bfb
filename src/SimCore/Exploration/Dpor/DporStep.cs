using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>What the reduction knows of a pending or taken step: its access, and whether a daemon thread takes it.</summary>
/// <remarks>
/// Besides conflicting accesses, a daemon's step and the finish of a non-daemon thread are
/// dependent: the finish may end the run (rule 2), after which the daemon's step never happens,
/// so the two orders can print different transcripts although they touch different objects.
/// </remarks>
internal readonly record struct DporStep(Access Access, bool Daemon)
{
    public static DporStep Of(SimThread thread) => new(thread.Pending, thread.IsDaemon);

    /// <summary>True for a step that can end the run: a non-daemon thread's finish.</summary>
    public bool MayEndRun => !Daemon && Access.Op == "finish";

    public bool ConflictsWith(DporStep other) =>
        Access.ConflictsWith(other.Access) || (Daemon && other.MayEndRun) || (other.Daemon && MayEndRun);
}
