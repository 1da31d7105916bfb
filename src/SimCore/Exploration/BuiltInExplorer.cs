using SimHarness.Catalog;

namespace SimHarness.Exploration;

/// <summary>The built-in explorer: exhaustive DPOR with sleep sets, seeded random, PCT.</summary>
internal static class BuiltInExplorer
{
    public static ExplorationReport Explore(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options) =>
        throw new NotImplementedException("built-in explorer: in progress");
}
