using System.Runtime.ExceptionServices;
using SimHarness.Catalog;
using SimHarness.Exploration.Dpor;

namespace SimHarness.Exploration.Parallel;

/// <summary>
/// The exhaustive search, whole or split: one DPOR search per frontier prefix of this shard, the
/// parts taken by the workers (OS threads) in turns (ExhaustiveSearch.Parts.cs). Unsplit (one
/// worker, no shard) it is the plain DPOR search from the empty prefix.
/// </summary>
/// <remarks>
/// Each run has its own world, synchronization context and strategy on its worker's thread; the
/// only state shared between workers is the tally (locked), the line of waiting parts (locked) and
/// the counters (interlocked). A part's DPOR search moves between workers only through that line.
/// </remarks>
internal sealed partial class ExhaustiveSearch
{
    private const long PositionsPerPart = 1L << 40;

    private readonly ScenarioInfo _scenario;
    private readonly IReadOnlyDictionary<string, object> _values;
    private readonly ExplorationOptions _options;
    private readonly SearchTally _tally;
    private readonly WallTimer _clock;
    private readonly List<(int Index, IReadOnlyList<FrontierStep> Prefix)> _parts;
    private readonly long _cap;
    private readonly bool _caching;
    private readonly string? _cachingOff;
    private readonly object _failureGate = new();
    private double _searched;
    private int _finishedParts;
    private long _started;
    private volatile bool _stop;
    private ExceptionDispatchInfo? _failure;

    private ExhaustiveSearch(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options, SearchTally tally, WallTimer clock, Bound? bound = null)
    {
        _bound = bound;
        _scenario = scenario;
        _values = values;
        _options = options;
        _tally = tally;
        _clock = clock;
        _cap = options.Iterations ?? long.MaxValue;
        var shard = options.Shard ?? new ShardSpec(1, 1);
        List<IReadOnlyList<FrontierStep>> frontier = options.Workers > 1 || options.Shard is not null
            ? Frontier.Build(() => scenario.Create(values), options.MaxSteps, options.Reduction, options.FrontierPrefixes * shard.Count)
            : [[]];
        _parts = frontier.Select((p, j) => (j, p)).Where(x => x.j % shard.Count == shard.Number - 1).ToList();
        _waiting = new(_parts.Select(p => new PartRun(p.Index, p.Prefix)));
        // State caching is part of the reduced search; --no-reduction is the plain search over every interleaving.
        _cachingOff = !options.Reduction || !options.StateCache ? "off"
            : scenario.StateCachingBlocker() is { } why ? "off: " + why
            : null;
        _caching = _cachingOff is null;
    }

    /// <summary>Explores this shard's part of the tree and fills the report's search figures; true when it was explored to the end.</summary>
    public static bool Run(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options, SearchTally tally, WallTimer clock, ExplorationReport report)
    {
        if (options.MaxPreemptions is not null || options.Iterative)
        {
            return RunBounded(scenario, values, options, tally, clock, report);
        }

        var search = Start(scenario, values, options, tally, clock, out var finished);
        report.Transitions = search.Transitions;
        // A whole search that finished has all its tree behind it; of one cut short only the plain search can tell.
        report.SearchedShare = finished && options.Shard is null ? 1 : search.Unsplit ? search._searched : null;
        report.States = search.States + search._pilotStates;
        report.StateCaching = search._pilotCaching
            ?? search._cachingOff
            ?? (search.States == 0 && search.Undigested > 0 ? "off: the scenario uses objects the state digest does not cover"
                : search.GaveUp ? $"on until {StateCache.GiveUpAfter} states had been explored without one met twice, then off"
                : options.IgnoreCheckpoints ? "on, checkpoints ignored"
                : "on") + search.OneWorkerNote;
        return finished;
    }

    private long Transitions { get; set; }

    private long States { get; set; }

    private long Undigested { get; set; }

    private bool GaveUp { get; set; }

    /// <summary>States met again over every finished part (with <see cref="States"/>, the search-wide give-up).</summary>
    private long Hits { get; set; }

    /// <summary>
    /// The split search's parts stopped caching: the parts finished so far stored
    /// <see cref="StateCache.GiveUpAfter"/> states between them without meeting one twice. Each part
    /// has its own cache and a part is far smaller than that, so without this rule every part would
    /// digest every state of its own (ten times the digests of the whole search on EventRetryLimit
    /// checkDelay=3); the unsplit search gives up after that many states too. Parts started from
    /// then on run without a cache, which is always sound: it only prunes less.
    /// </summary>
    private bool PartsGaveUp
    {
        get
        {
            lock (_failureGate)
            {
                return Hits == 0 && States >= StateCache.GiveUpAfter;
            }
        }
    }

    private bool Run()
    {
        if (_options.Workers <= 1)
        {
            Work();
        }
        else
        {
#pragma warning disable RS0030 // The explorer's own workers, outside every simulated run: each drives whole runs on its own context.
            var threads = Enumerable.Range(0, Math.Min(_options.Workers, Math.Max(1, _parts.Count)))
                .Select(i => new Thread(Work) { IsBackground = true, Name = $"explore-worker-{i}" })
                .ToList();
#pragma warning restore RS0030
            threads.ForEach(t => t.Start());
            foreach (var t in threads)
            {
                while (!t.Join(TimeSpan.FromMilliseconds(200)))
                {
                    ReportProgress();
                }
            }
        }

        _failure?.Throw();
        return _finishedParts == _parts.Count;
    }

    /// <summary>
    /// True for the plain search, one DPOR search from the root: only it measures how far it has come
    /// (SearchedShare). A split search does not: its frontier tries every branch that is not asleep, so a
    /// random walk's weights say little of how many runs its parts hold (README, "How far a search has come").
    /// </summary>
    private bool Unsplit => _bound is null && _parts is [{ Prefix.Count: 0 }];

    private bool ShouldStop()
    {
        if (_stop || _options.Cancellation.IsCancellationRequested || (_options.TimeLimit is { } limit && _clock.Elapsed >= limit))
        {
            return true;
        }

        if (Interlocked.Increment(ref _started) > _cap)
        {
            Interlocked.Decrement(ref _started);
            return true;
        }

        return false;
    }

    private void ReportProgress() =>
        _options.Progress?.Report(new ExplorationProgress(_tally.Schedules, _tally.DistinctOutputs, _tally.ViolatingRuns, _options.Iterations)
        {
            Searched = Unsplit ? _searched : null,
        });
}
