using SimHarness.Exploration;
using SimHarness.Simulation;

namespace SimHarness.Tests.Clock;

/// <summary>
/// A schedule strategy that delegates to another and records, for every time advance, the
/// threads offered at the next decision: the threads the due timers made runnable together.
/// </summary>
internal sealed class TickProbeStrategy(IScheduleStrategy inner) : IScheduleStrategy
{
    private bool _ticked;

    /// <summary>For each time advance, the names of the candidates at the decision that followed it.</summary>
    public List<string[]> CandidatesAfterTick { get; } = [];

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates)
    {
        if (_ticked)
        {
            CandidatesAfterTick.Add(candidates.Select(c => c.Name).ToArray());
            _ticked = false;
        }

        return inner.PickThread(candidates);
    }

    public int PickValue(int count, string what) => inner.PickValue(count, what);

    public void OnStepCompleted(SimThread stepper, Access access, IReadOnlyList<SimThread> woken, bool timeAdvanced)
    {
        _ticked |= timeAdvanced;
        inner.OnStepCompleted(stepper, access, woken, timeAdvanced);
    }
}
