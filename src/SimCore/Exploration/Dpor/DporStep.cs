using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>What the reduction knows of a pending or taken step: its access, and whether a daemon thread takes it.</summary>
/// <remarks>
/// Besides conflicting accesses, a daemon's step and a finish that ends the run are dependent:
/// once the last live non-daemon thread finishes, the run is over (rule 2 of docs/semantics.md) and the daemon's step
/// never happens, so the two orders can print different transcripts although they touch
/// different objects. Only the last live non-daemon thread's finish can end the run; flagging
/// every finish would make each step of a daemon loop race with every finish (ProducerConsumer's
/// search grew 46-fold that way).
/// </remarks>
/// <param name="Access">The step's access.</param>
/// <param name="Daemon">True when a daemon thread takes it.</param>
/// <param name="MayEndRun">True for the finish of the last live (started, unfinished) non-daemon thread.</param>
internal readonly record struct DporStep(Access Access, bool Daemon, bool MayEndRun)
{
    /// <summary>The pending step of a parked thread.</summary>
    public static DporStep Of(SimThread thread) => new(thread.Pending, thread.IsDaemon, EndsRun(thread, thread.Pending));

    /// <summary>True when <paramref name="access"/>, taken by <paramref name="thread"/>, finishes the last live non-daemon thread.</summary>
    public static bool EndsRun(SimThread thread, Access access)
    {
        if (thread.IsDaemon || access.Op != "finish")
        {
            return false;
        }

        for (var otherAt = 0; otherAt < thread.World.Threads.Count; otherAt++)
        {
            var other = thread.World.Threads[otherAt];
            if (other != thread && !other.IsDaemon && other.Status is ThreadStatus.Runnable or ThreadStatus.Blocked)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="guarded"/>'s guard, if it has no deadline, is false in every state just before <paramref name="writer"/>.</summary>
    public static bool GuardFalseBefore(DporStep writer, DporStep guarded) =>
        writer.Access.ObjectId == guarded.Access.ObjectId && writer.Access.Op == "finish" && guarded.Access.Op == "join";

    public bool ConflictsWith(DporStep other) =>
        Access.ConflictsWith(other.Access) || (Daemon && other.MayEndRun) || (other.Daemon && MayEndRun);
}
