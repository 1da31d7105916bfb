namespace SimHarness.Testing;

/// <summary>How <see cref="SimAssert"/> explores: exhaustive by default; a strategy and a budget when the search is too large.</summary>
public sealed record SimAssertOptions
{
    /// <summary>The strategy (as <c>explore --strategy</c>): <c>exhaustive</c> (default), <c>random</c>, <c>pct</c> or one of Coyote's.</summary>
    public string Strategy { get; init; } = "exhaustive";

    /// <summary>Runs at most (for exhaustive a cap: hitting it fails the assertion unless <see cref="AllowIncomplete"/>).</summary>
    public long? Iterations { get; init; }

    /// <summary>Wall-clock budget of the search (hitting it fails an exhaustive assertion unless <see cref="AllowIncomplete"/>).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Seed of the sampling strategies.</summary>
    public int Seed { get; init; }

    /// <summary>Accept an exhaustive search cut short by <see cref="Iterations"/> or <see cref="TimeLimit"/> when it found no violation.</summary>
    public bool AllowIncomplete { get; init; }

    /// <summary>Where the trace of a violating run is written; default <c>simharness-traces</c> under the current directory.</summary>
    public string TracesDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, "simharness-traces");
}
