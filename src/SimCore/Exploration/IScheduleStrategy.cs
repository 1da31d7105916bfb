using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>Takes every decision of one built-in run: which parked thread steps next, and data choices.</summary>
internal interface IScheduleStrategy
{
    /// <summary>True when the strategy matches states: the world then keeps its state digest.</summary>
    bool TracksState => false;

    /// <summary>True when the world's digest disregards the scenario's checkpoint declarations.</summary>
    bool IgnoresCheckpoints => false;

    /// <summary>Picks the thread that takes the next step, or null to abandon the run (pruned by the reduction).</summary>
    /// <param name="candidates">The parked threads, ordered by thread id.</param>
    SimThread? PickThread(IReadOnlyList<SimThread> candidates);

    /// <summary>Told before <see cref="PickThread"/>: the parked threads whose step would block now (not candidates).</summary>
    void OnDisabled(IReadOnlyList<SimThread> disabled)
    {
    }

    /// <summary>Told before the world advances time (or reports a deadlock) because every parked thread's step is disabled.</summary>
    void OnTimeAdvancing(IReadOnlyList<SimThread> disabled)
    {
    }

    /// <summary>Told when virtual time advanced between steps because every parked thread's step (<paramref name="disabled"/>) was disabled: a barrier.</summary>
    void OnTimeAdvanced(IReadOnlyList<SimThread> disabled)
    {
    }

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
