using SimHarness.Catalog;

namespace SimHarness.Exploration.Parallel;

/// <summary>The preemption-bounded search (<c>--max-preemptions K</c>) and iterative preemption bounding (<c>--iterative</c>).</summary>
/// <remarks>
/// A bounded search is the search without the reduction and without state caching, each node leaving
/// out the threads that would take the run past the bound (DporStrategy.Bounding.cs says why that is
/// sound and the reduced search would not be). The iterative search runs bound 0, 1, 2, ... (up to
/// --max-preemptions when given) until one bound cuts no run, which makes it the whole search, or the
/// time limit, the iteration cap or --stop-on-first ends it. Bound k re-runs the runs of the bounds
/// before it (as CHESS does; keeping them would cost the memory of the whole tree), but only its runs
/// with exactly k preemptions are tallied, so outcome and violation counts are distinct runs.
/// </remarks>
internal sealed partial class ExhaustiveSearch
{
    /// <summary>How the bounded search states its state caching in the report.</summary>
    public const string BoundedCaching = "off: the preemption-bounded search runs without the reduction and without state caching";

    private readonly Bound? _bound;

    /// <summary>True once a node left out an alternative beyond the bound.</summary>
    private bool BoundCut { get; set; }

    private static bool RunBounded(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options, SearchTally tally, WallTimer clock, ExplorationReport report)
    {
        var plain = options with { Reduction = false, StateCache = false };
        var first = options.Iterative ? 0 : options.MaxPreemptions!.Value;
        var last = options.MaxPreemptions ?? int.MaxValue;
        var cap = options.Iterations ?? long.MaxValue;
        int? finished = null;
        var whole = false;
        for (var k = first; k <= last; k++)
        {
            var left = cap - tally.Schedules;
            if (left <= 0)
            {
                break;
            }

            var search = new ExhaustiveSearch(scenario, values, plain with { Iterations = left }, tally, clock, new Bound(k, k > first ? k : 0));
            var done = search.Run();
            report.Transitions += search.Transitions;
            if (!done)
            {
                break;
            }

            finished = k;
            if (!search.BoundCut)
            {
                whole = true;
                break;
            }
        }

        report.StateCaching = BoundedCaching;
        report.PreemptionBound = finished;
        report.UnboundedComplete = whole;
        return finished is not null;
    }

    /// <summary>Whether the run just made is tallied: an iterative bound tallies only the runs the bounds before it did not make.</summary>
    private bool IsNew(Dpor.DporStrategy dpor) => _bound is not { } b || dpor.RunPreemptions >= b.TallyFrom;

    /// <summary>A preemption bound for one search.</summary>
    /// <param name="Preemptions">At most this many preemptions per run.</param>
    /// <param name="TallyFrom">Only runs with at least this many are tallied (those with fewer were, by an earlier bound).</param>
    private readonly record struct Bound(int Preemptions, int TallyFrom);
}
