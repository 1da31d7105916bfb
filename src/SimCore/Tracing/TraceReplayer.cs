using SimHarness.Catalog;
using SimHarness.Exploration;

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
    public static ReplayResult Replay(Trace trace, IReadOnlyList<ScenarioInfo> catalog)
    {
        var info = ScenarioCatalog.FindTraced(catalog, trace);
        var values = info.ResolveParams(trace.Params);
        RunRecord record;
        string? decisionProblem = null;
        if (trace.Engine == "coyote")
        {
            if (trace.CoyoteTrace is null)
            {
                throw new UsageException("trace recorded by Coyote has no coyoteTrace file beside it");
            }

            record = Coyote.CoyoteExplorer.Replay(info, values, trace.CoyoteTrace);
        }
        else if (trace.Engine == "builtin")
        {
            var decisions = trace.Decisions.Select(DecisionCodec.Decode).ToArray();
            var strategy = new ReplayStrategy(decisions);
            var run = BuiltInExecutor.Run(info.Create(values), strategy);
            record = run.Record;
            decisionProblem = strategy.Divergence ?? (strategy.Exhausted ? null : $"the run ended before decision {decisions.Length - 1} was used");
        }
        else
        {
            throw new UsageException($"trace has unknown engine '{trace.Engine}' (known: builtin, coyote)");
        }

        return Compare(trace, record, decisionProblem);
    }

    /// <summary>Equal events; a recording without greenlet labels (older format) matches whatever greenlet the replay names.</summary>
    private static bool Same(TraceEvent? expected, TraceEvent? actual) =>
        expected == actual || (expected is { Greenlet: null } && actual is not null && expected == actual with { Greenlet = null });

    private static ReplayResult Compare(Trace trace, RunRecord record, string? decisionProblem)
    {
        var n = Math.Max(trace.Events.Count, record.Events.Count);
        for (var i = 0; i < n; i++)
        {
            var expected = i < trace.Events.Count ? trace.Events[i] : null;
            var actual = i < record.Events.Count ? record.Events[i] : null;
            if (!Same(expected, actual))
            {
                var reason = decisionProblem ?? "the run took another step than the recording";
                return new ReplayResult(false, record, i, expected, actual, reason);
            }
        }

        var recorded = trace.Violation;
        var replayed = record.Violations.Count > 0 ? record.Violations[0] : null;
        if (recorded != replayed)
        {
            return new ReplayResult(false, record, n, null, null,
                $"the recorded violation ({recorded?.Invariant ?? "none"}) differs from the replayed one ({replayed?.Invariant ?? "none"})");
        }

        return decisionProblem is null
            ? new ReplayResult(true, record, null, null, null, null)
            : new ReplayResult(false, record, n, null, null, decisionProblem);
    }
}
