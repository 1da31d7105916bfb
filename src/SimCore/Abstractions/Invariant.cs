namespace SimHarness;

/// <summary>A named property every run of a scenario must have.</summary>
/// <param name="Name">Short kebab-case name, as reports show it.</param>
/// <param name="Description">What it states.</param>
/// <param name="Check">Returns null when the run has the property, else what is wrong.</param>
public sealed record Invariant(string Name, string Description, Func<RunRecord, string?> Check);
