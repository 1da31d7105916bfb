using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>The canonical schedule: at every decision the thread that has waited longest at its gate goes first.</summary>
/// <remarks>Threads woken together at one instant arrive at their gates in wake order, which is arming order.</remarks>
internal sealed class CanonicalStrategy : IScheduleStrategy
{
    public SimThread? PickThread(IReadOnlyList<SimThread> candidates)
    {
        var best = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
        {
            if (candidates[i].ParkStamp < best.ParkStamp)
            {
                best = candidates[i];
            }
        }

        return best;
    }

    public int PickValue(int count, string what) => 0;
}
