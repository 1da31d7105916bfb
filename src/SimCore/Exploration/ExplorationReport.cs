using SimHarness.Exploration.Parallel;

namespace SimHarness.Exploration;

/// <summary>The result of exploring one scenario, shaped like the <c>explore --json</c> contract.</summary>
public sealed class ExplorationReport
{
    /// <summary>The scenario explored.</summary>
    public required string Scenario { get; init; }

    /// <summary>Every parameter's value (defaults included).</summary>
    public required IReadOnlyDictionary<string, object> Params { get; init; }

    /// <summary>The strategy used.</summary>
    public required string Strategy { get; init; }

    /// <summary>Runs started, including runs cut short by the reduction.</summary>
    public long Schedules { get; set; }

    /// <summary>Distinct states the state-caching search explored; 0 without state caching.</summary>
    public long States { get; set; }

    /// <summary>Edges of the search tree taken for the first time (exhaustive search only).</summary>
    public long Transitions { get; set; }

    /// <summary>Whether states were matched: <c>on</c>, <c>off</c>, or <c>off: </c> and why.</summary>
    public string StateCaching { get; set; } = "off";

    /// <summary>True only when an exhaustive search finished (a bounded one: every run within <see cref="PreemptionBound"/>).</summary>
    public bool Complete { get; set; }

    /// <summary>A bounded search's bound when it finished (the highest bound an iterative search finished); null when none finished or no bound was asked.</summary>
    public int? PreemptionBound { get; set; }

    /// <summary>For a bounded search: true when no run went past the bound, so the whole (unbounded) search finished; null when no bound was asked.</summary>
    public bool? UnboundedComplete { get; set; }

    /// <summary>Distinct transcripts (rule 9 of docs/semantics.md), always the full count.</summary>
    public int DistinctOutputs { get; set; }

    /// <summary>Distinct transcripts with how many runs produced each, up to the cap.</summary>
    public List<OutcomeEntry> Outcomes { get; } = [];

    /// <summary>True when <see cref="Outcomes"/> was capped.</summary>
    public bool OutcomesTruncated { get; set; }

    /// <summary>Distinct violations found, each with the trace of its first run.</summary>
    public List<ViolationEntry> Violations { get; } = [];

    /// <summary>The invariant this scenario is expected to violate, if it is a broken twin.</summary>
    public string? ExpectedViolation { get; init; }

    /// <summary>The shard this report covers, for a sharded search; null for a whole search.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>A shard's digest of every distinct transcript (sorted), so that <c>merge</c> can count the union; null otherwise.</summary>
    public IReadOnlyList<string>? OutputDigests { get; set; }

    /// <summary>Knuth's estimate of the unreduced schedule tree's size, made before an exhaustive search; null when none was asked for.</summary>
    public Estimation.SizeEstimate? Estimate { get; set; }

    /// <summary>True when the search used the reduction: <see cref="Estimate"/> is then about an upper bound of <see cref="Schedules"/>, not its value.</summary>
    public bool EstimateIsUpperBound { get; set; }

    /// <summary>
    /// For an unbounded exhaustive search: the share of its search tree behind it when it ended, each
    /// run weighing what a random walk from the root would give it; 1 when a whole search completed.
    /// Null for the sampling strategies, for a shard, and for a split (<c>--workers</c>) search cut short.
    /// </summary>
    public double? SearchedShare { get; set; }

    /// <summary>The runs the whole search would make, projected from the runs made and <see cref="SearchedShare"/>; null without a share.</summary>
    public double? ProjectedSchedules => SearchedShare is > 0 and var share ? Schedules / share : null;

    /// <summary>Wall time of the exploration (without the estimate's probes, <see cref="Estimation.SizeEstimate.ElapsedMs"/>).</summary>
    public long ElapsedMs { get; set; }

    /// <summary>True when the result is what was expected: no violation, or the expected one for a twin.</summary>
    public bool AsExpected => ExpectedViolation is null
        ? Violations.Count == 0
        : Violations.Any(v => v.Invariant == ExpectedViolation);
}

/// <summary>One distinct transcript.</summary>
/// <param name="Output">The transcript's lines.</param>
/// <param name="Count">Runs that produced it.</param>
/// <param name="Trace">Trace file of the first such run, if written.</param>
public sealed record OutcomeEntry(IReadOnlyList<string> Output, long Count, string? Trace)
{
    /// <summary>Runs that produced it.</summary>
    public long Count { get; set; } = Count;
}

/// <summary>One distinct violation.</summary>
/// <param name="Invariant">The invariant broken.</param>
/// <param name="Message">What went wrong in the first run that broke it.</param>
/// <param name="Trace">Trace file of that run.</param>
/// <param name="Count">Runs that broke it this way.</param>
public sealed record ViolationEntry(string Invariant, string Message, string? Trace, long Count)
{
    /// <summary>Runs that broke it this way.</summary>
    public long Count { get; set; } = Count;
}
