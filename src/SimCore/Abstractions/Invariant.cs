namespace SimHarness;

/// <summary>A named property every run of a scenario must have, checked when the run ends by itself.</summary>
/// <param name="Name">Short kebab-case name, as reports show it.</param>
/// <param name="Description">What it states.</param>
/// <param name="Check">Returns null when the run has the property, else what is wrong.</param>
public sealed record Invariant(string Name, string Description, Func<RunRecord, string?> Check)
{
    /// <summary>True when <see cref="Check"/> reads only the run's output, which the state-caching search keeps in the state.</summary>
    /// <remarks>An invariant that may read the event log keeps the search from merging states (docs/state-caching.md).</remarks>
    public bool ReadsOutputOnly { get; init; }

    /// <summary>An end-of-run invariant over the output lines only: it leaves state caching on.</summary>
    public static Invariant OverOutput(string name, string description, Func<IReadOnlyList<OutputLine>, string?> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new(name, description, r => check(r.Output)) { ReadsOutputOnly = true };
    }
}
