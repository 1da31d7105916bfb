using System.Reflection;

namespace SimHarness.Catalog;

/// <summary>Finds scenarios by reflection in Scenarios.dll and in any assembly the user names.</summary>
public static class ScenarioCatalog
{
    /// <summary>Every concrete <see cref="Scenario"/> with a public parameterless constructor in the assemblies, by name.</summary>
    public static IReadOnlyList<ScenarioInfo> Discover(IEnumerable<Assembly> assemblies) =>
        assemblies
            .SelectMany(SafeTypes)
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(Scenario).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => new ScenarioInfo(t))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Loads an assembly given by path, with one clear line when that fails.</summary>
    public static Assembly LoadAssembly(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new UsageException($"assembly not found: {path}");
        }

        try
        {
            return AssemblyCopies.Load(full);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
        {
            throw new UsageException($"cannot load assembly {path}: {ex.Message}", ex);
        }
    }

    /// <summary>Finds one scenario by exact name, or explains which names exist.</summary>
    public static ScenarioInfo Find(IReadOnlyList<ScenarioInfo> all, string name) =>
        all.FirstOrDefault(s => s.Name == name)
        ?? throw new UsageException($"unknown scenario '{name}' (known: {string.Join(", ", all.Select(s => s.Name))})");

    /// <summary>Finds a trace's scenario; when it is missing, says which assembly to pass with <c>--assembly</c>.</summary>
    public static ScenarioInfo FindTraced(IReadOnlyList<ScenarioInfo> all, Tracing.Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var found = all.FirstOrDefault(s => s.Name == trace.Scenario);
        if (found is not null)
        {
            return found;
        }

        var hint = trace.Assembly is { } name
            ? $"it came from assembly {name}: pass --assembly path/to/{name}.dll"
            : "if it comes from your own assembly, pass --assembly path/to/YourScenarios.dll";
        throw new UsageException($"trace names scenario '{trace.Scenario}', which is not in the catalog: {hint} (known: {string.Join(", ", all.Select(s => s.Name))})");
    }

    private static IEnumerable<Type> SafeTypes(Assembly a)
    {
        try
        {
            return a.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.Where(t => t is not null)!;
        }
    }
}
