using SimHarness.Catalog;

namespace SimHarness.Tracing;

/// <summary>The outcome of replaying a trace.</summary>
/// <param name="Matches">True when the run reproduced the recorded event log exactly.</param>
/// <param name="Record">The replayed run.</param>
/// <param name="DivergenceIndex">Index of the first event that differs, when it does not match.</param>
/// <param name="Expected">The recorded event at that index (null if the recording ended).</param>
/// <param name="Actual">The replayed event at that index (null if the replay ended).</param>
/// <param name="Reason">Why it diverged, in one line.</param>
public sealed record ReplayResult(bool Matches, RunRecord? Record, int? DivergenceIndex, TraceEvent? Expected, TraceEvent? Actual, string? Reason);

/// <summary>Re-runs a recorded trace and compares its event log step by step.</summary>
public static class TraceReplayer
{
    /// <summary>Replays <paramref name="trace"/> against the scenarios in <paramref name="catalog"/>.</summary>
    public static ReplayResult Replay(Trace trace, IReadOnlyList<ScenarioInfo> catalog) =>
        throw new NotImplementedException("replay: in progress");
}
