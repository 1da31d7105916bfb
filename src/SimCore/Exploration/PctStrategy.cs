using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>
/// Probabilistic concurrency testing: threads get random distinct priorities, the highest-priority
/// runnable thread always runs, and at <c>depth - 1</c> random steps the running thread drops to the
/// lowest priority. A bug of depth d is found with probability at least 1/(n k^(d-1)) per run.
/// </summary>
internal sealed class PctStrategy(int seed, int depth) : IScheduleStrategy
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<int, int> _priority = [];
    private readonly HashSet<long> _changePoints = [];
    private long _estimatedSteps = 64;
    private long _step;
    private int _lowest;

    /// <summary>Prepares a new run: fresh priorities and change points within the longest run seen.</summary>
    public void StartRun()
    {
        _estimatedSteps = Math.Max(_estimatedSteps, _step);
        _priority.Clear();
        _changePoints.Clear();
        _step = 0;
        _lowest = 0;
        for (var i = 1; i < depth; i++)
        {
            _changePoints.Add(_random.NextInt64(1, _estimatedSteps + 1));
        }
    }

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates)
    {
        _step++;
        SimThread? best = null;
        foreach (var c in candidates)
        {
            if (!_priority.TryGetValue(c.Id, out var priority))
            {
                // New threads get a random priority above every lowered one.
                priority = _priority[c.Id] = _random.Next(1_000, 1_000_000);
            }

            if (best is null || priority > _priority[best.Id])
            {
                best = c;
            }
        }

        if (_changePoints.Contains(_step))
        {
            _priority[best!.Id] = --_lowest;
        }

        return best;
    }

    public int PickValue(int count, string what) => _random.Next(count);
}
