namespace SimHarness;

/// <summary>Everything one run produced: output, event log, violations.</summary>
public sealed class RunRecord
{
    internal RunRecord(
        IReadOnlyList<OutputLine> output,
        IReadOnlyList<TraceEvent> events,
        IReadOnlyList<Violation> violations,
        bool completed,
        long steps,
        IReadOnlyList<string> threads,
        bool simulated = true)
    {
        Simulated = simulated;
        Output = output;
        Events = events;
        Violations = violations;
        Completed = completed;
        Steps = steps;
        Threads = threads;
    }

    /// <summary>The output lines in the order they were written.</summary>
    public IReadOnlyList<OutputLine> Output { get; }

    /// <summary>The readable event log.</summary>
    public IReadOnlyList<TraceEvent> Events { get; }

    /// <summary>Violations found (a run stops at its first).</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>True when the run ended by itself (main and every non-daemon thread finished).</summary>
    public bool Completed { get; }

    /// <summary>True for a run on virtual time; false for a real run (wall-clock times).</summary>
    public bool Simulated { get; }

    /// <summary>Steps taken.</summary>
    public long Steps { get; }

    /// <summary>Names of every thread created, in creation order (MainThread first).</summary>
    public IReadOnlyList<string> Threads { get; }

    /// <summary>The same run with the end-of-run invariant violations added.</summary>
    internal RunRecord WithViolations(IReadOnlyList<Violation> violations) =>
        new(Output, Events, violations, Completed, Steps, Threads, Simulated);

    /// <summary>The transcript (rule 9 of docs/semantics.md): the output lines' texts, stderr lines marked with <see cref="OutputLine.StderrPrefix"/>.</summary>
    public IEnumerable<string> Transcript => Output.Select(o => o.TranscriptText);

    /// <summary>The lines written to stderr (an excepthook's tracebacks), without their mark.</summary>
    public IEnumerable<string> Stderr => Output.Where(o => o.IsStderr).Select(o => o.Text);
}
