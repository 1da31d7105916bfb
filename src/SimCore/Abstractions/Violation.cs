namespace SimHarness;

/// <summary>A broken invariant found in a run.</summary>
/// <param name="Invariant">The invariant's name (deadlock, step-bound, uncaught-exception, or the scenario's own).</param>
/// <param name="Message">What went wrong, readable on its own.</param>
public sealed record Violation(string Invariant, string Message);
