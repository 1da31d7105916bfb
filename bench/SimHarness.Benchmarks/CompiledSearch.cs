using System.Reflection;
using System.Runtime.Loader;

namespace SimHarness.Benchmarks;

/// <summary>
/// The built-in explorer on SimCore and Scenarios as compiled: the build's unrewritten/ copies, loaded in
/// a context of their own (this process's SimCore is the rewritten one Coyote needs), driven through
/// reflection because their types are not this process's. What <c>simharness explore</c> runs.
/// </summary>
internal sealed class CompiledSearch
{
    private readonly object _info;
    private readonly object _values;
    private readonly Type _options;
    private readonly MethodInfo _explore;

    public CompiledSearch(string scenario)
    {
        var context = new Context(Path.Combine(AppContext.BaseDirectory, "unrewritten"));
        var core = context.LoadFromAssemblyName(new AssemblyName("SimCore"));
        var scenarios = context.LoadFromAssemblyName(new AssemblyName("Scenarios"));
        var catalog = core.GetType("SimHarness.Catalog.ScenarioCatalog", throwOnError: true)!;
        var all = catalog.GetMethod("Discover")!.Invoke(null, [new[] { scenarios }])!;
        _info = catalog.GetMethod("Find")!.Invoke(null, [all, scenario])!;
        _values = _info.GetType().GetMethod("ResolveParams")!.Invoke(_info, [null])!;
        _options = core.GetType("SimHarness.Exploration.ExplorationOptions", throwOnError: true)!;
        _explore = core.GetType("SimHarness.Exploration.Explorer", throwOnError: true)!.GetMethod("Explore")!;
        if (_explore.DeclaringType!.Assembly.GetCustomAttributesData().Any(a => a.AttributeType.Name == "RewritingSignatureAttribute"))
        {
            throw new InvalidOperationException("unrewritten/SimCore.dll is rewritten: the build did not keep the compiled copy");
        }
    }

    /// <summary>Runs the search; returns its schedule count.</summary>
    public long Explore(string strategy, long? iterations, bool stateCache, int workers = 1)
    {
        var options = Activator.CreateInstance(_options)!;
        Set(options, "Strategy", strategy);
        Set(options, "Iterations", iterations);
        Set(options, "TracesDirectory", null);
        Set(options, "Seed", 1);
        Set(options, "StateCache", stateCache);
        Set(options, "Workers", workers);
        var report = _explore.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [_info, _values, options], null)!;
        return (long)report.GetType().GetProperty("Schedules")!.GetValue(report)!;
    }

    private void Set(object options, string name, object? value) => _options.GetProperty(name)!.SetValue(options, value);

    private sealed class Context(string folder) : AssemblyLoadContext("benchmark-as-compiled")
    {
        protected override Assembly? Load(AssemblyName name) =>
            name.Name is "SimCore" or "Scenarios" ? LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
    }
}
