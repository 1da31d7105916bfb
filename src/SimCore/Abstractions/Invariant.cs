namespace SimHarness;

/// <summary>A named property every run of a scenario must have, checked at the end of every run that ended by itself.</summary>
/// <param name="Name">Short kebab-case name, as reports show it.</param>
/// <param name="Description">What it states.</param>
/// <param name="Check">Returns null when the run has the property, else what is wrong.</param>
/// <remarks>
/// A check that reads the event log (<see cref="RunRecord.Events"/>, <see cref="RunRecord.Threads"/>)
/// is better written as a <see cref="Monitor"/>, which sees each event as it happens. A check over
/// the output alone is declared with <see cref="OverOutput"/>: the output is part of the state a
/// state-caching search compares, so only such checks let it merge runs that reach the same state.
/// </remarks>
public sealed record Invariant(string Name, string Description, Func<RunRecord, string?> Check)
{
    /// <summary>
    /// True when <see cref="Check"/> reads only the run's output (<see cref="RunRecord.Output"/>, its
    /// <see cref="RunRecord.Transcript"/>, and <see cref="RunRecord.Simulated"/>, which is the same for
    /// every run of a search). A scenario with any other end-of-run invariant is searched without state caching.
    /// </summary>
    public bool ReadsOutputOnly { get; init; }

    /// <summary>An end-of-run invariant that reads only the output lines.</summary>
    /// <param name="name">Short kebab-case name, as reports show it.</param>
    /// <param name="description">What it states.</param>
    /// <param name="check">Returns null when the output has the property, else what is wrong.</param>
    public static Invariant OverOutput(string name, string description, Func<IReadOnlyList<OutputLine>, string?> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new(name, description, r => check(r.Output)) { ReadsOutputOnly = true };
    }
}
