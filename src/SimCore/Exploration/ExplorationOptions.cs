using SimHarness.Exploration.Parallel;

namespace SimHarness.Exploration;

/// <summary>How to explore one scenario.</summary>
public sealed record ExplorationOptions
{
    /// <summary>exhaustive (default), random, pct, or one of Coyote's: coyote, coyote-random, coyote-prioritization, coyote-probabilistic, coyote-delay-bounding, coyote-q-learning.</summary>
    public string Strategy { get; init; } = "exhaustive";

    /// <summary>Runs to make; for exhaustive only a cap (hitting it gives complete: false). Default: 10,000 for sampling strategies, unbounded for exhaustive.</summary>
    public long? Iterations { get; init; }

    /// <summary>Seed of the random and PCT strategies (and Coyote's).</summary>
    public int Seed { get; init; }

    /// <summary>Step bound of one run; default the scenario's own.</summary>
    public long? MaxSteps { get; init; }

    /// <summary>Stop after this long and report what was found (complete: false).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Stop at the first violating run.</summary>
    public bool StopOnFirst { get; init; }

    /// <summary>Where violating runs' traces are written; null writes none.</summary>
    public string? TracesDirectory { get; init; } = "simharness-traces";

    /// <summary>Also write a trace of the first run of each distinct transcript (off: only violating runs get one).</summary>
    public bool OutcomeTraces { get; init; }

    /// <summary>Partial-order reduction (DPOR with sleep sets); off explores every interleaving.</summary>
    public bool Reduction { get; init; } = true;

    /// <summary>Whether the exhaustive search skips states it has already explored (docs/state-caching.md).</summary>
    /// <value>True by default; a scenario whose end-of-run invariants read more than the output is explored without it.</value>
    public bool StateCache { get; init; } = true;

    /// <summary>
    /// A split search's part gives way to the next waiting part after this many runs (0: never), so that
    /// the workers share out the big parts instead of the last one running alone (ExhaustiveSearch.Parts.cs).
    /// </summary>
    internal int PartSliceRuns { get; init; } = 256;

    /// <summary>Tests only: the frontier of a split search aims at this many prefixes per shard (Frontier.PrefixesPerShard otherwise).</summary>
    internal int FrontierPrefixes { get; init; } = Parallel.Frontier.PrefixesPerShard;

    /// <summary>Tests only: analyse every replayed step again and check that it rebuilds the analysis a run would have kept (DporStrategy.ReplayCheck.cs).</summary>
    internal bool VerifyKeptAnalysis { get; init; }

    /// <summary>State caching as if no scenario declared a checkpoint (<c>--ignore-checkpoints</c>): each thread's digest is its whole history.</summary>
    /// <value>False by default. Comparing a search with and without it at small sizes checks a scenario's declarations.</value>
    public bool IgnoreCheckpoints { get; init; }

    /// <summary>The exhaustive search explores only the runs with at most this many preemptions (<c>--max-preemptions</c>); null: no bound.</summary>
    /// <value>At least 0. With a bound the search runs without the reduction and without state caching.</value>
    public int? MaxPreemptions { get; init; }

    /// <summary>Iterative preemption bounding (<c>--iterative</c>): bound 0, then 1, 2, ... (up to <see cref="MaxPreemptions"/> when given) until a bound cuts no run or the search is stopped.</summary>
    public bool Iterative { get; init; }

    /// <summary>At most this many outcomes are listed (distinctOutputs always counts all).</summary>
    public int MaxOutcomes { get; init; } = 100;

    /// <summary>PCT's priority-change points per run.</summary>
    public int PctDepth { get; init; } = 3;

    /// <summary>OS threads sharing one exhaustive search (1 = the plain search on the calling thread).</summary>
    /// <value>1 to 256; default 1. Above 1 the search is split at a frontier of at most 256 prefixes per shard (Parallel/Frontier.cs).</value>
    public int Workers { get; init; } = 1;

    /// <summary>This process explores only this shard of the exhaustive search; null explores all of it.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>Knuth probes of the unreduced schedule tree made before an exhaustive search, for its size estimate; 0 makes none.</summary>
    /// <value>Default 0 (no estimate); the CLI's <c>explore</c> asks for 100. A sharded search makes none (the estimate is of the whole tree).</value>
    public int EstimateProbes { get; init; }

    /// <summary>The probes stop after this long even if fewer than <see cref="EstimateProbes"/> were made.</summary>
    /// <value>
    /// Default 1 s; before a search with a time limit, at most a tenth of that limit. Before a search the budget also
    /// cuts the probe under way (no estimate when not one probe finished in it); <see cref="Explorer.Estimate"/> always finishes one.
    /// </value>
    public TimeSpan EstimateBudget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Told every so often how far the exploration has come.</summary>
    public IProgress<ExplorationProgress>? Progress { get; init; }

    /// <summary>Stops the exploration early (Ctrl-C); the partial report is still returned.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Why the preemption-bound options cannot be used as given, or null when they can.</summary>
    public string? BoundProblem() =>
        MaxPreemptions is < 0 ? $"--max-preemptions must be at least 0, got {MaxPreemptions}"
        : !(MaxPreemptions is not null || Iterative) ? null
        : Strategy != "exhaustive" ? $"{(Iterative ? "--iterative" : "--max-preemptions")} bounds the exhaustive search only, not --strategy {Strategy}"
        : Shard is not null ? $"{(Iterative ? "--iterative" : "--max-preemptions")} cannot be combined with --shard: `merge` combines unbounded searches only"
        : null;

    /// <summary>The most workers one search can use: a shard of a split search has at most this many parts, and a part runs on one worker at a time.</summary>
    public const int MaxWorkers = Parallel.Frontier.PrefixesPerShard;

    /// <summary>Why <see cref="Workers"/> cannot be used as given, or null when it can.</summary>
    public string? WorkersProblem() =>
        Workers is >= 1 and <= MaxWorkers ? null
        : $"--workers must be between 1 and {MaxWorkers} (a search splits into at most {MaxWorkers} parts, one worker each at a time), got {Workers}";

    /// <summary>The strategies the CLI accepts.</summary>
    public static IReadOnlyList<string> KnownStrategies { get; } =
    [
        "exhaustive", "random", "pct",
        "coyote", "coyote-random", "coyote-prioritization", "coyote-probabilistic", "coyote-delay-bounding", "coyote-q-learning",
    ];
}

/// <summary>Progress of a running exploration.</summary>
/// <param name="Schedules">Runs started so far.</param>
/// <param name="DistinctOutputs">Distinct transcripts so far.</param>
/// <param name="Violations">Violating runs so far.</param>
/// <param name="Limit">The iteration cap, if any (for a progress bar).</param>
public sealed record ExplorationProgress(long Schedules, int DistinctOutputs, long Violations, long? Limit)
{
    /// <summary>The size estimate made before the search (<see cref="ExplorationOptions.EstimateProbes"/>), if any.</summary>
    public Estimation.SizeEstimate? Estimate { get; init; }

    /// <summary>True when the search uses the reduction: it makes at most about <see cref="Estimate"/> runs, usually far fewer.</summary>
    public bool EstimateIsUpperBound { get; init; }

    /// <summary>The share of an unbounded exhaustive search's tree behind it (<see cref="ExplorationReport.SearchedShare"/>), as its workers last published it; null for other searches.</summary>
    public double? Searched { get; init; }

    /// <summary>The runs the whole search would make, projected from the runs made and <see cref="Searched"/>; null until part of the tree is behind it.</summary>
    public double? Projected => Searched is > 0 and var share ? Schedules / share : null;
}
