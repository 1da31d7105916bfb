using System.Reflection;

namespace SimHarness.Catalog;

/// <summary>A discovered scenario type: its name, parameters and whether it is expected to fail.</summary>
public sealed class ScenarioInfo
{
    internal ScenarioInfo(Type type)
    {
        Type = type;
        var sample = (Scenario)Activator.CreateInstance(type)!;
        Name = sample.Name;
        Description = sample.Description;
        ExpectedViolation = type.GetCustomAttribute<ExpectedToFailAttribute>()?.Invariant;
        Params = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, a: p.GetCustomAttribute<ParamAttribute>()))
            .Where(x => x.a is not null && x.p.CanWrite)
            .Select(x => new ParamInfo(x.p, x.a!, x.p.GetValue(sample)))
            .OrderBy(p => p.Property.MetadataToken)
            .ToArray();
        ExploreOverrides = type.GetCustomAttribute<ExploreWithAttribute>() is { } w ? ParseOverrides([w.Parameters]) : new Dictionary<string, string>();
        ResolveParams(ExploreOverrides);
    }

    /// <summary>The scenario's name, as <c>list</c> shows it and <c>run</c> takes it.</summary>
    public string Name { get; }

    /// <summary>One sentence on what it does.</summary>
    public string Description { get; }

    /// <summary>The simple name of the assembly that defines the scenario (recorded in its traces).</summary>
    public string AssemblyName => Type.Assembly.GetName().Name ?? "";

    /// <summary>The scenario's class.</summary>
    public Type Type { get; }

    /// <summary>The parameters in declaration order.</summary>
    public IReadOnlyList<ParamInfo> Params { get; }

    /// <summary>The invariant an exploration must find violated, for broken twins and zoo bugs.</summary>
    public string? ExpectedViolation { get; }

    /// <summary>True for scenarios marked <see cref="ExpectedToFailAttribute"/>.</summary>
    public bool ExpectedToFail => ExpectedViolation is not null;

    /// <summary>What <c>explore</c> changes of the defaults (<see cref="ExploreWithAttribute"/>); empty for most scenarios.</summary>
    public IReadOnlyDictionary<string, string> ExploreOverrides { get; }

    /// <summary>Resolves <c>explore</c>'s parameters: the defaults, then <see cref="ExploreOverrides"/>, then the user's overrides.</summary>
    public IReadOnlyDictionary<string, object> ResolveExploreParams(IReadOnlyDictionary<string, string>? overrides)
    {
        var merged = new Dictionary<string, string>(ExploreOverrides, StringComparer.Ordinal);
        foreach (var (k, v) in overrides ?? new Dictionary<string, string>())
        {
            merged[k] = v;
        }

        return ResolveParams(merged);
    }

    /// <summary>Resolves overrides against the defaults; unknown names and bad values are refused by name.</summary>
    public IReadOnlyDictionary<string, object> ResolveParams(IReadOnlyDictionary<string, string>? overrides)
    {
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var p in Params)
        {
            values[p.Name] = p.Default!;
        }

        foreach (var (k, v) in overrides ?? new Dictionary<string, string>())
        {
            var p = Params.FirstOrDefault(x => x.Name == k)
                ?? throw new UsageException($"unknown parameter '{k}' for scenario {Name}" +
                    (Params.Count == 0 ? " (it takes none)" : $" (known: {string.Join(", ", Params.Select(x => x.Name))})"));
            values[p.Name] = p.Parse(v, Name);
        }

        return values;
    }

    /// <summary>Why the state-caching search may not merge this scenario's states, or null when it may.</summary>
    /// <remarks>An end-of-run invariant over the whole run record can read the event log, which is not part of the state.</remarks>
    internal string? StateCachingBlocker()
    {
        var reader = ((Scenario)Activator.CreateInstance(Type)!).Invariants.FirstOrDefault(i => !i.ReadsOutputOnly);
        return reader is null ? null : $"invariant '{reader.Name}' reads the whole run, not only its output (make it a monitor or Invariant.OverOutput)";
    }

    /// <summary>Makes a fresh instance with the given (resolved) parameter values.</summary>
    public Scenario Create(IReadOnlyDictionary<string, object> values)
    {
        var s = (Scenario)Activator.CreateInstance(Type)!;
        foreach (var p in Params)
        {
            if (values.TryGetValue(p.Name, out var v))
            {
                p.Property.SetValue(s, v);
            }
        }

        return s;
    }

    /// <summary>Parameters as <c>k=v;k=v</c>, the form SIMHARNESS_PARAMS takes.</summary>
    public static string FormatParams(IReadOnlyDictionary<string, object> values) =>
        string.Join(";", values.Select(kv => $"{kv.Key}={ParamInfo.Format(kv.Value)}"));

    /// <summary>Parses <c>k=v;k=v</c> (or a list of <c>k=v</c> items) into overrides.</summary>
    /// <exception cref="UsageException">An item is not <c>name=value</c>, or a name is given twice (which value was meant is not ours to guess).</exception>
    public static Dictionary<string, string> ParseOverrides(IEnumerable<string> items)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items.SelectMany(i => i.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"parameter '{item}' is not of the form name=value");
            }

            var name = item[..eq].Trim();
            var value = item[(eq + 1)..].Trim();
            if (d.TryGetValue(name, out var earlier))
            {
                throw new UsageException($"parameter '{name}' is given twice ('{earlier}' and '{value}'): give it once");
            }

            d[name] = value;
        }

        return d;
    }
}
