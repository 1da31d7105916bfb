using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>Seeded random walk: every runnable thread and every value equally likely at each decision.</summary>
internal sealed class RandomStrategy(int seed) : IScheduleStrategy
{
    private readonly Random _random = new(seed);

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates) => candidates[_random.Next(candidates.Count)];

    public int PickValue(int count, string what) => _random.Next(count);
}
