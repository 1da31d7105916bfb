using System.Collections;
using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Tracing;

namespace SimHarness.Shrinking;

/// <summary>
/// Reduces a failing trace to a smaller one with the same violated invariant: fewest preemptions,
/// then fewest faults, then fewest steps, each candidate checked by running it.
/// </summary>
/// <remarks>
/// A run is shrunk as its list of choice indices (<see cref="ChoiceStrategy"/>: 0 = no preemption, no
/// fault). First <see cref="BoundedSearch"/> looks for a failing run with 0, 1, ... preemptions, fewer
/// than the trace's (then with fewer faults). Then local edits: cut the list short (the rest runs
/// without preemptions or faults), delete a block of choices, zero one choice or lower it by one. A
/// candidate is kept when it violates the same invariant and is smaller: by <see cref="ShrinkSize"/>,
/// then by fewer nonzero choices, a shorter list, a lexicographically smaller list. That order is
/// well-founded, so the search ends at a fixpoint, which shrinking again leaves unchanged; the budget
/// bounds it anyway. A Coyote trace is first converted to built-in decisions (<see cref="CoyoteConversion"/>).
/// </remarks>
public static class TraceShrinker
{
    /// <summary>Candidate runs tried when no budget is given.</summary>
    public const int DefaultBudget = 20_000;

    /// <summary>At most this many runs for one bound of the systematic search.</summary>
    private const int PhaseCap = 5_000;

    private static readonly int[] s_blockSizes = [8, 4, 2, 1];

    /// <summary>Shrinks <paramref name="trace"/> (a Coyote trace is first converted to built-in decisions); refuses a trace without a violation with one line.</summary>
    public static ShrinkResult Shrink(Trace trace, IReadOnlyList<ScenarioInfo> catalog, int budget = DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Engine is not ("builtin" or "coyote"))
        {
            throw new UsageException($"cannot shrink a trace recorded by engine '{trace.Engine}' (known: builtin, coyote)");
        }

        var target = trace.Violation?.Invariant
            ?? throw new UsageException("the trace records no violation: there is nothing to shrink towards");
        var info = ScenarioCatalog.FindTraced(catalog, trace);
        var values = info.ResolveParams(trace.Params);
        var runs = 0;
        var fromCoyote = trace.Engine == "coyote";
        if (fromCoyote)
        {
            // Coyote's schedule is in its own .trace; the event log says enough to find the built-in decisions.
            var converted = CoyoteConversion.Convert(trace, info, values, budget, ref runs)
                ?? throw new UsageException($"cannot shrink this Coyote trace: no built-in schedule reproduces its event log within {budget} runs (is it stale? run `replay` on it)");
            trace = TraceFactory.FromRun(info, values, trace.Strategy, trace.Seed, converted);
        }

        var follow = new ChoiceStrategy(new ReplayStrategy(trace.Decisions.Select(DecisionCodec.Decode).ToArray()));
        var original = BuiltInExecutor.Run(info.Create(values), follow);
        if (follow.Diverged || original.Pruned || FirstInvariant(original) != target)
        {
            throw new UsageException($"the trace does not reproduce its violation ({target}) on replay: run `replay` on it to see where it diverges");
        }

        var best = new Candidate(Trim(follow.Taken), follow.Size, original);
        var before = best.Size;
        RunResult? last = null;
        (ChoiceStrategy, bool) Execute(int[] choices)
        {
            var strategy = new ChoiceStrategy(choices);
            last = BuiltInExecutor.Run(info.Create(values), strategy);
            return (strategy, !last.Pruned && FirstInvariant(last) == target);
        }

        // Systematic first: the fewest preemptions (then faults) that still fail, as far as the budget reaches.
        for (var k = 0; k < best.Size.Preemptions && runs < budget; k++)
        {
            if (BoundedSearch.Find(Execute, k, best.Size.Faults, Math.Min(budget - runs, PhaseCap), ref runs, out _) is { } hit)
            {
                best = new Candidate(Trim(hit.Taken), hit.Size, last!);
                break;
            }
        }

        for (var f = 0; f < best.Size.Faults && runs < budget; f++)
        {
            if (BoundedSearch.Find(Execute, best.Size.Preemptions, f, Math.Min(budget - runs, PhaseCap), ref runs, out _) is { } hit)
            {
                best = new Candidate(Trim(hit.Taken), hit.Size, last!);
                break;
            }
        }

        // Then local edits to a fixpoint: fewer steps, and the simplest choice list among equals.
        var improved = true;
        var exhausted = false;
        while (improved && !exhausted)
        {
            improved = false;
            foreach (var choices in Candidates(best.Choices))
            {
                if (runs >= budget)
                {
                    exhausted = true;
                    break;
                }

                runs++;
                var (strategy, reproduces) = Execute(choices);
                if (!reproduces)
                {
                    continue;
                }

                var candidate = new Candidate(Trim(strategy.Taken), strategy.Size, last!);
                if (candidate.IsSmallerThan(best))
                {
                    best = candidate;
                    improved = true;
                    break;
                }
            }
        }

        var shrunk = TraceFactory.FromRun(info, values, trace.Strategy, trace.Seed, best.Run);
        return new ShrinkResult(shrunk, before, best.Size, runs, exhausted, fromCoyote);
    }

    /// <summary>Cuts, block deletions, zeroings and decrements of <paramref name="c"/>, roughly biggest gain first.</summary>
    private static IEnumerable<int[]> Candidates(int[] c)
    {
        for (var k = 0; k < c.Length; k++)
        {
            yield return c[..k];
        }

        foreach (var size in s_blockSizes)
        {
            for (var i = 0; i + size <= c.Length; i++)
            {
                yield return [.. c[..i], .. c[(i + size)..]];
            }
        }

        for (var i = 0; i < c.Length; i++)
        {
            if (c[i] != 0)
            {
                var zeroed = (int[])c.Clone();
                zeroed[i] = 0;
                yield return zeroed;
            }
        }

        for (var i = 0; i < c.Length; i++)
        {
            if (c[i] > 1)
            {
                var lowered = (int[])c.Clone();
                lowered[i]--;
                yield return lowered;
            }
        }
    }

    private static string? FirstInvariant(RunResult run) =>
        run.Record.Violations.Count > 0 ? run.Record.Violations[0].Invariant : null;

    /// <summary>Trailing zeros are what running past the list's end chooses anyway.</summary>
    private static int[] Trim(List<int> taken)
    {
        var n = taken.Count;
        while (n > 0 && taken[n - 1] == 0)
        {
            n--;
        }

        return taken.GetRange(0, n).ToArray();
    }

    private sealed record Candidate(int[] Choices, ShrinkSize Size, RunResult Run)
    {
        public bool IsSmallerThan(Candidate other)
        {
            var c = Size.CompareTo(other.Size);
            if (c != 0)
            {
                return c < 0;
            }

            var nonzero = Choices.Count(x => x != 0).CompareTo(other.Choices.Count(x => x != 0));
            if (nonzero != 0)
            {
                return nonzero < 0;
            }

            return Choices.Length != other.Choices.Length
                ? Choices.Length < other.Choices.Length
                : ((IStructuralComparable)Choices).CompareTo(other.Choices, Comparer<int>.Default) < 0;
        }
    }
}
