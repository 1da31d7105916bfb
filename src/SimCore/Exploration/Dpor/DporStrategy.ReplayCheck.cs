namespace SimHarness.Exploration.Dpor;

/// <summary>
/// The self-check of kept analyses (<see cref="VerifyKeptAnalysis"/>, tests only): a run that replays
/// down to the node that moved on notes the analysis it would have kept, analyses every replayed step
/// again, and when it reaches that node's decision compares the two, field by field. Any clock, list
/// or mark the restore got wrong throws.
/// </summary>
internal sealed partial class DporStrategy
{
    private KeptAnalysis? _expected;
    private int _expectedAt = -1;

    /// <summary>Notes the analysis just restored for the node at <paramref name="index"/>, then starts the run analysing every step.</summary>
    private void ExpectKeptAnalysis(int index)
    {
        _expected = Snapshot();
        _expectedAt = index;
        ForgetAnalysis();
    }

    /// <summary>At the node that moved on, the analysis rebuilt by the replay must equal the one noted.</summary>
    private void CheckKeptAnalysis()
    {
        if (_expected is not { } expected || _depth != _expectedAt)
        {
            return;
        }

        _expected = null;
        var actual = Snapshot();
        if (!expected.SameAs(actual, out var what))
        {
            throw new InvalidOperationException($"the kept analysis differs from the replayed one at decision {_depth}: {what}");
        }
    }

    private KeptAnalysis Snapshot() => new(
        [.. _events],
        _eventsByObject.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
        [.. _threadClocks],
        [.. _daemonEvents],
        [.. _endEvents],
        [.. _globalEvents],
        _pendingReversedAt);

    private sealed record KeptAnalysis(StepEvent[] Events, Dictionary<int, int[]> ByObject, VectorClock[] Clocks, int[] Daemon, int[] End, int[] Global, int PendingReversedAt)
    {
        public bool SameAs(KeptAnalysis other, out string what)
        {
            what = !SameEvents(Events, other.Events) ? "events"
                : ByObject.Count != other.ByObject.Count || ByObject.Any(kv => !other.ByObject.TryGetValue(kv.Key, out var o) || !kv.Value.SequenceEqual(o)) ? "steps by object"
                : Clocks.Length != other.Clocks.Length || Clocks.Where((c, t) => !SameClock(c, other.Clocks[t])).Any() ? "thread clocks"
                : !Daemon.SequenceEqual(other.Daemon) ? "daemon steps"
                : !End.SequenceEqual(other.End) ? "run-ending steps"
                : !Global.SequenceEqual(other.Global) ? "global steps"
                : PendingReversedAt != other.PendingReversedAt ? "pending races mark"
                : "";
            return what.Length == 0;
        }

        private static bool SameEvents(StepEvent[] a, StepEvent[] b) =>
            a.Length == b.Length && a.Zip(b).All(p => p.First.Thread == p.Second.Thread && p.First.Step == p.Second.Step && p.First.Node == p.Second.Node
                && p.First.ReleasedHeldLock == p.Second.ReleasedHeldLock && SameClock(p.First.Clock, p.Second.Clock));

        private static bool SameClock(VectorClock a, VectorClock b)
        {
            for (var t = 0; t < Math.Max(a.Length, b.Length); t++)
            {
                if (VectorClock.Get(a, t) != VectorClock.Get(b, t))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
