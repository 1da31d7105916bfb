using SimHarness.Catalog;

namespace SimHarness.Tests.Properties;

/// <summary>One generated case of a property: a scenario and the parameter overrides to explore it at.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Params">Parameter overrides by name, as <c>--param</c> takes them.</param>
internal sealed record ScenarioCase(string Scenario, IReadOnlyDictionary<string, string> Params)
{
    /// <summary>The overrides as <c>k=v;k=v</c> in name order, the form <c>--param</c> and SIMHARNESS_PARAMS take.</summary>
    public string ParamText => string.Join(";", Params.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>The overrides resolved against the scenario's defaults.</summary>
    public IReadOnlyDictionary<string, object> Resolve(ScenarioInfo info) => info.ResolveParams(Params);

    /// <summary>FsCheck prints this for the original and the shrunk counterexample.</summary>
    public override string ToString() => $"{Scenario} {ParamText}";
}
