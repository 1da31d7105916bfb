using SimHarness.Exploration;
using SimHarness.Simulation;

namespace SimHarness.Real;

/// <summary>Runs a scenario for real: one OS thread per simulated thread, wall-clock time, real sockets.</summary>
/// <remarks>
/// The same world keeps the same record as in simulation, so a real run ends, deadlocks and
/// violates invariants by the same rules; output lines and the event log carry wall-clock times
/// in microseconds since the run started. Real runs are not explored and cannot be replayed.
/// </remarks>
public static class RealExecutor
{
    // After the run has ended, how long threads get to unwind before the executor stops waiting.
    private static readonly TimeSpan s_unwindGrace = TimeSpan.FromSeconds(1);

    /// <summary>Runs once; a run still going after <paramref name="timeout"/> is stopped and reported.</summary>
    /// <param name="scenario">The scenario, with its parameters already set.</param>
    /// <param name="timeout">Wall-clock bound of the run; when it passes the run ends with the violation <c>timeout</c>.</param>
    public static RunRecord Run(Scenario scenario, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var runtime = new RealRuntime();
        var world = new World(runtime, scenario.MaxSteps);
        runtime.Attach(world);
        world.AttachMonitors(scenario.Monitors);
        world.StartMain(() => scenario.RunAsync(world));
        if (!world.Completion.Wait(timeout))
        {
            using (world.Atomic())
            {
                world.Violate("timeout", $"the run did not end within {timeout.TotalSeconds:0.###} s of wall-clock time");
            }
        }

        Unwind(runtime);
        var record = runtime.RecordAtEnd!;
        var violations = InvariantChecker.Check(scenario, record, world.Monitors);
        return ReferenceEquals(violations, record.Violations) ? record : record.WithViolations(violations);
    }

    /// <summary>Lets every OS thread leave; one that will not (a loop with no step) can no longer keep the process alive.</summary>
    private static void Unwind(RealRuntime runtime)
    {
        var waitUntil = runtime.WallMicros + (long)s_unwindGrace.TotalMicroseconds;
        foreach (var os in runtime.OsThreads)
        {
            var left = Math.Max(0, waitUntil - runtime.WallMicros);
            if (!os.Join(TimeSpan.FromMicroseconds(left)))
            {
                os.IsBackground = true;
            }
        }
    }
}
