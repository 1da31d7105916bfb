namespace SimHarness;

/// <summary>A scenario: a main-thread body written only against <see cref="ISim"/>, its parameters and its invariants.</summary>
/// <remarks>
/// Parameters are public settable properties marked <see cref="ParamAttribute"/>; their initial
/// values are the defaults and their names, camel-cased, are what <c>--param</c> takes. A fresh
/// instance is made for every run. Invariants are checked at the end of every run that ended by
/// itself; <see cref="ISim.Assert"/> checks one during the run.
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
}
