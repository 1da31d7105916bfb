using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>Runs a scenario once on the built-in scheduler, every decision taken by a strategy.</summary>
internal static class BuiltInExecutor
{
    // The runs of one search are alike in length: each run's lists start at the size of the
    // previous run's on this OS thread (each worker drives its own runs), instead of growing from
    // empty by doubling. Capped so that one long run does not make every later one large.
    private const int MaxSizeHint = 4096;

    [ThreadStatic]
    private static int t_eventsHint;

    [ThreadStatic]
    private static int t_decisionsHint;

    /// <summary>Runs once; a cancelled <paramref name="stop"/> abandons the run at its next step (reported as pruned).</summary>
    public static RunResult Run(Scenario scenario, IScheduleStrategy strategy, long? maxSteps = null, CancellationToken stop = default)
    {
        var previous = SynchronizationContext.Current;
        var context = new SimSynchronizationContext();
        SynchronizationContext.SetSynchronizationContext(context);

        // Each simulated thread runs under its own context, which is how the world knows whose code
        // runs, so nothing needs the execution context to flow: with its flow suppressed an async
        // method's box captures none, and each resumption skips ExecutionContext.RunInternal (about
        // 5 % of a search: BENCHMARKS.md, "The execution context no longer flows"). Scenario code
        // may not use AsyncLocal (BannedSymbols.txt; Local<T> is the thread-local value). The
        // caller's context comes back whatever the run did to the thread's.
#pragma warning disable RS0030 // Banned in simulated code, which runs inside; this is the scheduler around it.
        var outer = ExecutionContext.Capture();
        if (outer is not null)
        {
            ExecutionContext.SuppressFlow();
        }

        try
        {
            return RunOn(context, scenario, strategy, maxSteps ?? scenario.MaxSteps, stop);
        }
        finally
        {
            if (outer is not null)
            {
                ExecutionContext.Restore(outer);
            }
#pragma warning restore RS0030

            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static RunResult RunOn(SimSynchronizationContext context, Scenario scenario, IScheduleStrategy strategy, long maxSteps, CancellationToken stop)
    {
        var decisions = new List<Decision>(t_decisionsHint);
        var runtime = new BuiltInRuntime(context, (count, what) =>
        {
            var v = strategy.PickValue(count, what);
            decisions.Add(new Decision(DecisionKind.Value, v));
            return v;
        });
        var world = new World(runtime, maxSteps) { TrackWakes = true, TrackState = strategy.TracksState, IgnoreCheckpoints = strategy.IgnoresCheckpoints, ExpectedEvents = t_eventsHint, TouchedObjects = [] };
        world.AttachMonitors(scenario.Monitors);
        world.StartMain(() => scenario.RunAsync(world));
        context.RunUntilIdle();
        ThrowIfEscaped(context, runtime);
        var gates = new GateSets(world);
        var candidates = gates.Enabled;
        var disabled = gates.Disabled;
        var pruned = false;
        while (!world.Ended)
        {
            if (stop.IsCancellationRequested)
            {
                // --time-limit or Ctrl-C inside one long run: abandon it here, within one step (issue 15).
                pruned = true;
                break;
            }

            gates.Refresh(runtime.NewlyParked, world.TouchedObjects!, runtime.Parked);

            if (candidates.Count == 0)
            {
                if (disabled.Count == 0)
                {
                    // The record says someone is runnable but nobody reached a gate: the scenario's code
                    // awaits something outside the world (rule 1 of docs/semantics.md).
                    throw HarnessEscapeException.NoneAtAGate(world.Threads.Where(t => t.Status == ThreadStatus.Runnable).Select(t => t.Name));
                }

                // Every parked thread would block: time moves to the next deadline, or it is a deadlock.
                world.Ticks = 0;
                strategy.OnTimeAdvancing(disabled);
                if (world.AdvanceForGuards(disabled))
                {
                    context.RunUntilIdle();
                    strategy.OnTimeAdvanced(disabled);
                }

                continue;
            }

            strategy.OnDisabled(disabled);
            var chosen = strategy.PickThread(candidates);
            if (chosen is null)
            {
                pruned = true;
                break;
            }

            decisions.Add(new Decision(DecisionKind.Thread, chosen.Id));
            var access = chosen.Pending;
            world.WokenByStep.Clear();
            world.Ticks = 0;
            gates.Remove(chosen);
            runtime.Release(chosen);
            context.RunUntilIdle();
            ThrowIfEscaped(context, runtime);
            strategy.OnStepCompleted(chosen, access, world.WokenByStep, world.Ticks > 0);
        }

        if (!pruned)
        {
            strategy.OnRunEnded(runtime.Parked, world.CutShortByStep);
        }

        // Nothing touches this world again: its lists become the record's without a copy.
        var record = world.HandOverRecord();
        if (!pruned)
        {
            var violations = InvariantChecker.Check(scenario, record, world.Monitors);
            if (!ReferenceEquals(violations, record.Violations) && (violations.Count > 0 || record.Violations.Count > 0))
            {
                record = record.WithViolations(violations);
            }
        }

        t_eventsHint = Math.Min(record.Events.Count, MaxSizeHint);
        t_decisionsHint = Math.Min(decisions.Count, MaxSizeHint);
        return new RunResult(record, decisions, pruned);
    }

    private static void ThrowIfEscaped(SimSynchronizationContext context, BuiltInRuntime runtime)
    {
        if (runtime.Escape is { } escape)
        {
            throw escape;
        }

        if (context.ForeignPost)
        {
            throw HarnessEscapeException.ForeignPost();
        }
    }
}
