using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Tracing;

namespace SimHarness.Shrinking;

/// <summary>
/// Turns a Coyote-found trace into a built-in one: searches for the built-in decisions whose run logs
/// exactly the recorded events and violates the same invariant.
/// </summary>
/// <remarks>
/// A Coyote trace keeps its schedule in Coyote's own <c>.trace</c>, but its event log says which thread
/// took each step. The search is depth-first over decision prefixes, pruning every prefix whose log is
/// not a prefix of the recorded one and trying first the thread that the next recorded event names, so
/// a faithful log is followed almost without backtracking. Data choices are not logged, so every value
/// is tried.
/// </remarks>
internal static class CoyoteConversion
{
    /// <summary>The built-in run reproducing <paramref name="trace"/>, or null when none is found within <paramref name="budget"/> runs.</summary>
    public static RunResult? Convert(Trace trace, ScenarioInfo info, IReadOnlyDictionary<string, object> values, int budget, ref int runs)
    {
        var recorded = trace.Events;
        var target = trace.Violation?.Invariant;
        var stack = new Stack<Decision[]>();
        stack.Push([]);
        while (stack.Count > 0 && runs < budget)
        {
            var prefix = stack.Pop();
            var probe = new PrefixProbe(prefix);
            var run = BuiltInExecutor.Run(info.Create(values), probe);
            runs++;
            var logged = run.Record.Events;
            var checkedUpTo = probe.EventsAtStop >= 0 ? probe.EventsAtStop : logged.Count;
            if (probe.Invalid || !IsPrefix(logged, checkedUpTo, recorded))
            {
                continue;
            }

            if (probe.Threads is { } threads)
            {
                // Pushed in reverse, so the thread the next recorded event names is tried first.
                var next = checkedUpTo < recorded.Count ? recorded[checkedUpTo].Thread : null;
                foreach (var t in threads.OrderBy(t => t.Name == next ? 0 : 1).ThenBy(t => t.Id).Reverse())
                {
                    stack.Push([.. prefix, new Decision(DecisionKind.Thread, t.Id)]);
                }
            }
            else if (probe.Values is { } count)
            {
                for (var v = count - 1; v >= 0; v--)
                {
                    stack.Push([.. prefix, new Decision(DecisionKind.Value, v)]);
                }
            }
            else if (!run.Pruned && logged.Count == recorded.Count && run.Record.Violations.Count > 0 && run.Record.Violations[0].Invariant == target)
            {
                return run;
            }
        }

        return null;
    }

    private static bool IsPrefix(IReadOnlyList<TraceEvent> logged, int count, IReadOnlyList<TraceEvent> recorded)
    {
        if (count > recorded.Count)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (logged[i] != recorded[i])
            {
                return false;
            }
        }

        return true;
    }
}
