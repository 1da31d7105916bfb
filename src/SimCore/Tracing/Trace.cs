namespace SimHarness.Tracing;

/// <summary>A recorded run: enough to replay it, plus its readable event log.</summary>
public sealed class Trace
{
    /// <summary>The value of <see cref="Format"/> in every trace file.</summary>
    public const string FormatName = "simharness-trace";

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The harness version that recorded it (<see cref="HarnessInfo.Version"/>).</summary>
    public string HarnessVersion { get; init; } = HarnessInfo.Version;

    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The simple name of the assembly the scenario came from (e.g. <c>Scenarios</c>); null in traces recorded before it was kept.</summary>
    /// <remarks>When the scenario is not in the catalog, <c>replay</c> and <c>shrink</c> name this assembly in their hint to pass <c>--assembly</c>.</remarks>
    public string? Assembly { get; init; }

    /// <summary>Every parameter's value, as <c>--param</c> would write it.</summary>
    public required IReadOnlyDictionary<string, string> Params { get; init; }

    /// <summary><c>builtin</c> or <c>coyote</c>.</summary>
    public required string Engine { get; init; }

    /// <summary>The strategy that found the run.</summary>
    public required string Strategy { get; init; }

    /// <summary>The strategy's seed.</summary>
    public int Seed { get; init; }

    /// <summary>The decisions: <c>T3</c> runs thread 3's next step, <c>V1</c> takes value 1 of a data choice.</summary>
    public required IReadOnlyList<string> Decisions { get; init; }

    /// <summary>The violation the run ended with, if any.</summary>
    public Violation? Violation { get; init; }

    /// <summary>The run's output lines.</summary>
    public required IReadOnlyList<OutputLine> Output { get; init; }

    /// <summary>The readable event log: every step, wake-up and time advance.</summary>
    public required IReadOnlyList<TraceEvent> Events { get; init; }

    /// <summary>Coyote's own reproducible trace file beside this one, for Coyote-found runs.</summary>
    /// <remarks>The file holds the name only; <see cref="TraceJson.Load"/> resolves it to the full path beside the trace.</remarks>
    public string? CoyoteTrace { get; init; }
}
