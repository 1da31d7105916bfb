using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Simulation;

namespace SimHarness.Coyote;

/// <summary>What each <c>coyote test</c> entry method calls: one run of a scenario under Coyote's scheduler.</summary>
/// <remarks>
/// Entry methods take no arguments, so parameter overrides come from the environment variable
/// <see cref="ParamsVariable"/> (<c>checkDelay=3;threads=2</c>). A violation, found during the run
/// or by the end-of-run invariants, fails the iteration through <c>Specification.Assert</c>, with
/// the text <c>invariant: message</c>.
/// </remarks>
public static class CoyoteEntry
{
    /// <summary>The environment variable holding parameter overrides for entry methods.</summary>
    public const string ParamsVariable = "SIMHARNESS_PARAMS";

    private static Observer? s_observer;

    /// <summary>
    /// Lets the in-process explorer see every iteration run in this process: each world as it is
    /// built (so a run Coyote cuts short can still be read) and each finished record. Static
    /// because Coyote calls the entry, not the explorer; so one observer at a time per process.
    /// </summary>
    /// <returns>Disposing it removes the observer.</returns>
    internal static IDisposable Observe(Action<World> worldCreated, Action<RunRecord> runFinished)
    {
        var observer = new Observer(worldCreated, runFinished);
        if (Interlocked.CompareExchange(ref s_observer, observer, null) is not null)
        {
            throw new InvalidOperationException("only one Coyote exploration or replay can run at a time in a process");
        }

        return observer;
    }

    /// <summary>Runs <typeparamref name="TScenario"/> once, at the parameters in <see cref="ParamsVariable"/>.</summary>
    /// <typeparam name="TScenario">The scenario to run.</typeparam>
    public static Task RunAsync<TScenario>()
        where TScenario : Scenario, new()
    {
        var info = ScenarioInfoOf<TScenario>.Info;
        var text = Environment.GetEnvironmentVariable(ParamsVariable) ?? "";
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides([text]));
        return RunAsync(info, values, null, CancellationToken.None);
    }

    /// <summary>Runs a scenario once at resolved parameters: the body of every Coyote iteration.</summary>
    /// <param name="info">The scenario.</param>
    /// <param name="values">Its resolved parameters.</param>
    /// <param name="maxSteps">The step bound, or null for the scenario's own.</param>
    /// <param name="stop">Abandons the run at its next step: nothing is reported, no invariant is checked.</param>
    internal static async Task RunAsync(ScenarioInfo info, IReadOnlyDictionary<string, object> values, long? maxSteps, CancellationToken stop)
    {
        var scenario = info.Create(values);
        World? world = null;
        var reported = false;
        void Report(RunRecord record)
        {
            if (!reported)
            {
                reported = true;
                s_observer?.RunFinished(record);
            }
        }

        // The world records a violation before telling the runtime, so its record already holds it.
        var runtime = new CoyoteRuntime(_ => Report(world!.ToRecord()), stop);
        world = new World(runtime, maxSteps ?? scenario.MaxSteps);
        runtime.Attach(world);
        world.AttachMonitors(scenario.Monitors);
        s_observer?.WorldCreated(world);
        world.StartMain(() => scenario.RunAsync(world));
        await world.Completion;
        if (world.Abandoned)
        {
            return;
        }

        var record = world.ToRecord();
        var violations = InvariantChecker.Check(scenario, record, world.Monitors);
        if (!ReferenceEquals(violations, record.Violations))
        {
            record = record.WithViolations(violations);
        }

        Report(record);
        if (violations.Count > 0)
        {
            CoyoteRuntime.Fail(violations[0]);
        }
    }

    /// <summary>One catalog entry per scenario type, built on first use.</summary>
    private static class ScenarioInfoOf<TScenario>
        where TScenario : Scenario, new()
    {
        public static readonly ScenarioInfo Info = new(typeof(TScenario));
    }

    /// <summary>The explorer's callbacks; disposing it removes them.</summary>
    private sealed class Observer(Action<World> worldCreated, Action<RunRecord> runFinished) : IDisposable
    {
        public Action<World> WorldCreated { get; } = worldCreated;

        public Action<RunRecord> RunFinished { get; } = runFinished;

        public void Dispose() => Interlocked.CompareExchange(ref s_observer, null, this);
    }
}
