using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>Takes every decision of one built-in run: which parked thread steps next, and data choices.</summary>
internal interface IScheduleStrategy
{
    /// <summary>Picks the thread that takes the next step, or null to abandon the run (pruned by the reduction).</summary>
    /// <param name="candidates">The parked threads, ordered by thread id.</param>
    SimThread? PickThread(IReadOnlyList<SimThread> candidates);

    /// <summary>Picks a value in [0, <paramref name="count"/>) for a choice that is not an interleaving.</summary>
    int PickValue(int count, string what);

    /// <summary>Told after each step: who stepped, what it touched, whom it woke, whether time advanced.</summary>
    void OnStepCompleted(SimThread stepper, Access access, IReadOnlyList<SimThread> woken, bool timeAdvanced)
    {
    }

    /// <summary>Told when a run ends by itself: the threads still parked at a gate (whose next step never came).</summary>
    /// <param name="parked">The threads parked at a gate when the run ended.</param>
    /// <param name="cutShort">True when a violation raised by the last step's thread (an assertion, an uncaught exception) ended the run there.</param>
    void OnRunEnded(IReadOnlyList<SimThread> parked, bool cutShort)
    {
    }
}
