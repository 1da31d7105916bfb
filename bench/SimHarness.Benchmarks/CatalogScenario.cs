using SimHarness.Catalog;

namespace SimHarness.Benchmarks;

/// <summary>A catalog scenario as the benchmarks explore it: found by name, its parameters resolved.</summary>
internal static class CatalogScenario
{
    public static ScenarioInfo Find(string name) =>
        ScenarioCatalog.Find(ScenarioCatalog.Discover([typeof(Scenarios.Threading.EventRetryLimit).Assembly]), name);

    /// <summary>EventRetryLimit with <c>checkDelay</c> given on the harness's command line.</summary>
    public static (ScenarioInfo Info, IReadOnlyDictionary<string, object> Values) EventRetryLimit(string checkDelay)
    {
        var info = Find("EventRetryLimit");
        return (info, info.ResolveParams(new Dictionary<string, string> { ["checkDelay"] = checkDelay }));
    }
}
