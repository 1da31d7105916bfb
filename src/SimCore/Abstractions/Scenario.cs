namespace SimHarness;

/// <summary>A scenario: a main-thread body written only against <see cref="ISim"/>, its parameters and its invariants.</summary>
/// <remarks>
/// Parameters are public settable properties marked <see cref="ParamAttribute"/>; their initial
/// values are the defaults and their names, camel-cased, are what <c>--param</c> takes. A fresh
/// instance is made for every run. Monitors see every event as it happens; invariants are checked at
/// the end of every run that ended by itself; <see cref="ISim.Assert"/> checks one during the run.
/// </remarks>
public abstract class Scenario
{
    /// <summary>The scenario's name, by default its class name.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>One sentence on what the scenario does.</summary>
    public abstract string Description { get; }

    /// <summary>The most scheduling points a run may take before it is cut as a livelock.</summary>
    public virtual long MaxSteps => 100_000;

    /// <summary>The main thread's body.</summary>
    public abstract Task RunAsync(ISim sim);

    /// <summary>The invariants checked at the end of every run that ended by itself.</summary>
    public virtual IEnumerable<Invariant> Invariants => [];

    /// <summary>The run's monitors, read once per run (return fresh instances): each sees every event as it is recorded.</summary>
    public virtual IEnumerable<Monitor> Monitors => [];

    /// <summary>
    /// True when every end-of-run invariant reads only the output (<see cref="Invariant.ReadsOutputOnly"/>):
    /// only then may a state-caching search merge runs that reach the same state.
    /// </summary>
    internal bool InvariantsReadOutputOnly => Invariants.All(i => i.ReadsOutputOnly);
}
