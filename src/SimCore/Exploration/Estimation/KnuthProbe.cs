using SimHarness.Simulation;

namespace SimHarness.Exploration.Estimation;

/// <summary>
/// One probe of Knuth's estimator: a run whose every decision is drawn uniformly among its options
/// (the runnable threads, or the values of a data choice), remembering the product of the numbers
/// of options along the way.
/// </summary>
/// <remarks>
/// The run reaches a given leaf of the unreduced schedule tree with probability 1 / (that product),
/// so the product is an unbiased estimate of the number of leaves: E[product] = sum over leaves of
/// P(leaf) / P(leaf) = leaves. The leaves are exactly the runs <c>explore --no-reduction</c> makes.
/// </remarks>
internal sealed class KnuthProbe(Random random) : IScheduleStrategy
{
    /// <summary>The product of the numbers of options of the decisions taken so far (1 before the first).</summary>
    public double Weight { get; private set; } = 1;

    /// <summary>Decisions with more than one option taken so far.</summary>
    public int Branchings { get; private set; }

    /// <summary>Readies the probe for the next run.</summary>
    public void Reset()
    {
        Weight = 1;
        Branchings = 0;
    }

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates) => candidates[Pick(candidates.Count)];

    public int PickValue(int count, string what) => Pick(count);

    private int Pick(int options)
    {
        if (options > 1)
        {
            Weight *= options;
            Branchings++;
        }

        return random.Next(options);
    }
}
