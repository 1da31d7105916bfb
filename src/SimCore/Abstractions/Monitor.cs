namespace SimHarness;

/// <summary>
/// A specification monitor: sees every event of a run as it is recorded, keeps a small state of its
/// own, and reports a violation at the step where it happens (the run and its trace end there).
/// </summary>
/// <remarks>
/// <para>A fresh monitor is made for every run (<see cref="Scenario.Monitors"/> is read once per run).
/// Monitors run under every scheduler: the built-in explorer, Coyote and the real backend.</para>
/// <para>Liveness, as Coyote's specification monitors do it: a monitor is <see cref="IsHot"/> while
/// something is still owed. Hot when the run ends by itself is a violation; hot for more than
/// <see cref="Temperature"/> consecutive steps of the world is a violation at that step.</para>
/// <para><see cref="WriteState"/> must write everything that decides the monitor's future verdicts:
/// a state-caching search takes two runs whose worlds and monitors have equal digests to have the
/// same future. <see cref="OnRunEnd"/> may read the run's output, but anything else it needs from the
/// event log must be kept in (and written as) the monitor's own state.</para>
/// </remarks>
public abstract class Monitor
{
    /// <summary>Short kebab-case name: the invariant its violations are reported under.</summary>
    public abstract string Name { get; }

    /// <summary>What the monitor states.</summary>
    public virtual string Description => Name;

    /// <summary>True while something is still owed (liveness): a run may not end, nor stay too long, in a hot state.</summary>
    public virtual bool IsHot => false;

    /// <summary>The most consecutive steps of the world the monitor may stay hot; null: only the end of the run counts.</summary>
    public virtual long? Temperature => null;

    /// <summary>Consecutive steps taken while hot so far (0 while cold); kept by the world.</summary>
    internal long HotSteps { get; set; }

    /// <summary>The world's step count when the monitor last turned hot.</summary>
    internal long HotSince { get; set; } = -1;

    /// <summary>Called right after each event of the run is recorded.</summary>
    /// <param name="e">The event: a step, a wake-up or a time advance (<c>tick</c>).</param>
    /// <returns>Null, or what went wrong: the run ends at this step with that violation.</returns>
    public virtual string? OnEvent(TraceEvent e) => null;

    /// <summary>Called at the end of a run that ended by itself (not at a violation, a deadlock or the step bound).</summary>
    /// <param name="run">The finished run: read its output, and the monitor's own state for anything else.</param>
    /// <returns>Null, or what went wrong.</returns>
    public virtual string? OnRunEnd(RunRecord run) => null;

    /// <summary>Writes everything that decides the monitor's future verdicts (the state-caching search digests it).</summary>
    /// <param name="state">The writer; write counters, sets (in a fixed order), texts.</param>
    public abstract void WriteState(StateWriter state);

    /// <summary>The digest of the monitor's state: what <see cref="WriteState"/> writes, whether it is hot and, under a temperature, for how many steps.</summary>
    internal UInt128 StateDigest()
    {
        var w = new StateWriter();
        w.Add(GetType().FullName).Add(Name);
        WriteState(w);
        var hot = IsHot;
        w.Add(hot);
        // How long it has been hot decides a future temperature violation; without a temperature it decides nothing.
        w.Add(hot && Temperature is not null ? HotSteps : 0);
        return w.Digest();
    }
}
