using SimHarness.Exploration;

namespace SimHarness.Tests.Greenlets;

/// <summary>
/// Runs a scenario once for every sequence of data choices (World.Choose), threads scheduled
/// canonically: an independent enumeration, so tests do not take the explorer's word for counts.
/// </summary>
internal static class ValueChoiceEnumerator
{
    public static List<RunRecord> AllRuns(Func<Scenario> make, int maxRuns = 1000)
    {
        var runs = new List<RunRecord>();
        var pending = new Stack<int[]>();
        pending.Push([]);
        while (pending.Count > 0)
        {
            var prefix = pending.Pop();
            var strategy = new PrefixStrategy(prefix);
            runs.Add(BuiltInExecutor.Run(make(), strategy).Record);
            if (runs.Count > maxRuns)
            {
                throw new InvalidOperationException($"more than {maxRuns} runs");
            }

            for (var i = prefix.Length; i < strategy.Taken.Count; i++)
            {
                for (var v = 1; v < strategy.Counts[i]; v++)
                {
                    pending.Push([.. strategy.Taken.Take(i), v]);
                }
            }
        }

        return runs;
    }

    private sealed class PrefixStrategy(int[] prefix) : IScheduleStrategy
    {
        private readonly CanonicalStrategy _threads = new();

        public List<int> Taken { get; } = [];

        public List<int> Counts { get; } = [];

        public SimThread? PickThread(IReadOnlyList<SimThread> candidates) => _threads.PickThread(candidates);

        public int PickValue(int count, string what)
        {
            var v = Taken.Count < prefix.Length ? prefix[Taken.Count] : 0;
            Taken.Add(v);
            Counts.Add(count);
            return v;
        }
    }
}
