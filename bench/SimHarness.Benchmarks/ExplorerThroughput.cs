using BenchmarkDotNet.Attributes;
using SimHarness.Catalog;
using SimHarness.Exploration;

namespace SimHarness.Benchmarks;

/// <summary>
/// Schedules per second of the built-in explorer against Coyote's TestingEngine on the same
/// scenario, side by side in one run. Each benchmark makes a fixed number of schedules, so the
/// ratio of mean times per schedule is the throughput ratio. The built-in explorer is measured
/// twice: in this process, on the assemblies rewritten for Coyote (which Coyote's benchmark needs),
/// and on the copies as compiled, which is what <c>simharness explore</c> runs (<see cref="CompiledSearch"/>).
/// </summary>
[MemoryDiagnoser]
public class ExplorerThroughput
{
    private ScenarioInfo _info = null!;
    private IReadOnlyDictionary<string, object> _values = null!;
    private CompiledSearch _compiled = null!;

    /// <summary>Scenario measured, at its default parameters.</summary>
    [Params("EventRetryLimit")]
    public string Scenario { get; set; } = "EventRetryLimit";

    [GlobalSetup]
    public void Setup()
    {
        _info = CatalogScenario.Find(Scenario);
        _values = _info.ResolveParams(null);
        _compiled = new CompiledSearch(Scenario);
    }

    /// <summary>1,000 seeded random schedules on the built-in scheduler.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public long BuiltInRandom() => Explore("random", 1000);

    /// <summary>The complete exhaustive search (5,184 schedules at the defaults).</summary>
    [Benchmark(OperationsPerInvoke = 5184)]
    public long BuiltInExhaustive() => Explore("exhaustive", null);

    /// <summary>The same search without state caching: the cost of the runs alone (issue 12, item 3).</summary>
    [Benchmark(OperationsPerInvoke = 5184)]
    public long BuiltInExhaustiveNoStateCache() => Explore("exhaustive", null, stateCache: false);

    /// <summary>1,000 random schedules on SimCore and Scenarios as compiled (what `simharness explore` runs).</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public long BuiltInRandomAsCompiled() => _compiled.Explore("random", 1000, stateCache: true);

    /// <summary>The complete exhaustive search as compiled.</summary>
    [Benchmark(OperationsPerInvoke = 5184)]
    public long BuiltInExhaustiveAsCompiled() => _compiled.Explore("exhaustive", null, stateCache: true);

    /// <summary>The same search as compiled, without state caching.</summary>
    [Benchmark(OperationsPerInvoke = 5184)]
    public long BuiltInExhaustiveNoStateCacheAsCompiled() => _compiled.Explore("exhaustive", null, stateCache: false);

    /// <summary>
    /// The same search as compiled, split over two workers (<c>--workers 2</c>): the second core, not
    /// a faster run. The split search makes 5,430 runs for this 5,184-run search (its frontier tries
    /// every branch that is not asleep: README, `--workers`), and the time is divided by 5,184, the search's own size.
    /// </summary>
    [Benchmark(OperationsPerInvoke = 5184)]
    public long BuiltInExhaustiveTwoWorkersAsCompiled() => _compiled.Explore("exhaustive", null, stateCache: true, workers: 2);

    /// <summary>100 iterations of Coyote's random strategy in-process.</summary>
    [Benchmark(OperationsPerInvoke = 100, Baseline = true)]
    public long CoyoteRandom() => Explore("coyote-random", 100);

    private long Explore(string strategy, long? iterations, bool stateCache = true) =>
        Explorer.Explore(_info, _values, new ExplorationOptions { Strategy = strategy, Iterations = iterations, TracesDirectory = null, Seed = 1, StateCache = stateCache }).Schedules;
}
