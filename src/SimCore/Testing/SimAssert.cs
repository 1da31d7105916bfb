using System.Globalization;
using SimHarness.Catalog;
using SimHarness.Exploration;

namespace SimHarness.Testing;

/// <summary>
/// Assertions for a test framework (NUnit, xUnit, MSTest): explore a scenario from inside a test
/// and fail it with the invariant, the trace and the command that replays it.
/// </summary>
/// <example>
/// <code>
/// [Test]
/// public async Task DoubleCheckedStart_HoldsWithThreeWorkers() =>
///     await SimAssert.HoldsInEveryInterleavingAsync&lt;DoubleCheckedStart&gt;(s => s.Workers = 3);
/// </code>
/// </example>
public static class SimAssert
{
    /// <summary>
    /// Explores <typeparamref name="TScenario"/> (exhaustively unless <paramref name="options"/> say
    /// otherwise) and returns the report when no run violates an invariant; otherwise throws
    /// <see cref="SimAssertException"/> naming the invariant, the trace file and the replay command.
    /// An exhaustive search cut short by a budget fails too, unless <see cref="SimAssertOptions.AllowIncomplete"/>.
    /// </summary>
    /// <typeparam name="TScenario">The scenario; its <c>[Param]</c> properties are its parameters.</typeparam>
    /// <param name="configure">Sets parameters on a fresh instance (e.g. <c>s =&gt; s.Workers = 3</c>); null keeps the defaults.</param>
    /// <param name="options">Strategy, budget, seed and traces directory; null explores exhaustively.</param>
    /// <returns>The exploration's report. The search runs on the calling thread; the task is complete when returned.</returns>
    /// <exception cref="SimAssertException">A run violated an invariant, or the search was cut short.</exception>
    public static Task<ExplorationReport> HoldsInEveryInterleavingAsync<TScenario>(Action<TScenario>? configure = null, SimAssertOptions? options = null)
        where TScenario : Scenario, new()
    {
        options ??= new SimAssertOptions();
        var info = Info<TScenario>();
        var values = Values(info, configure);
        var report = Explorer.Explore(info, values, new ExplorationOptions
        {
            Strategy = options.Strategy,
            Iterations = options.Iterations,
            TimeLimit = options.TimeLimit,
            Seed = options.Seed,
            StopOnFirst = true,
            TracesDirectory = options.TracesDirectory,
        });
        if (report.Violations.FirstOrDefault() is { } v)
        {
            var assembly = typeof(TScenario).Assembly.Location;
            var replay = v.Trace is null ? "" : $"{Environment.NewLine}replay: simharness replay \"{v.Trace}\" --assembly \"{assembly}\"";
            throw new SimAssertException(
                $"{info.Name} ({ScenarioInfo.FormatParams(values)}) broke invariant '{v.Invariant}': {v.Message}" +
                (v.Trace is null ? "" : $"{Environment.NewLine}trace: {v.Trace}") + replay)
            {
                TracePath = v.Trace,
            };
        }

        if (options.Strategy == "exhaustive" && !report.Complete && !options.AllowIncomplete)
        {
            throw new SimAssertException(string.Create(CultureInfo.InvariantCulture,
                $"{info.Name}: no violation in {report.Schedules} schedules, but the exhaustive search was cut short by its budget (complete: false); raise Iterations/TimeLimit or set AllowIncomplete"));
        }

        return Task.FromResult(report);
    }

    private static ScenarioInfo Info<TScenario>() =>
        ScenarioCatalog.Discover([typeof(TScenario).Assembly]).First(s => s.Type == typeof(TScenario));

    /// <summary>The parameter values a configured instance holds: explore's defaults (<c>[ExploreWith]</c> included), changed by <paramref name="configure"/>.</summary>
    private static SortedDictionary<string, object> Values<TScenario>(ScenarioInfo info, Action<TScenario>? configure)
        where TScenario : Scenario, new()
    {
        var sample = (TScenario)info.Create(info.ResolveExploreParams(null));
        configure?.Invoke(sample);
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var p in info.Params)
        {
            values[p.Name] = p.Property.GetValue(sample) ?? p.Default!;
        }

        return values;
    }
}
