using SimHarness.Catalog;
using SimHarness.Tracing;

namespace SimHarness.Coyote;

/// <summary>Explores scenarios with Coyote's <c>TestingEngine</c> in-process and replays Coyote traces.</summary>
public static class CoyoteExplorer
{
    /// <summary>Explores with one of Coyote's strategies (<c>coyote</c> is its portfolio).</summary>
    public static Exploration.ExplorationReport Explore(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, Exploration.ExplorationOptions options) =>
        throw new NotImplementedException("Coyote explorer: in progress");

    /// <summary>Replays a Coyote-found trace (its Coyote <c>.trace</c> beside it) and returns the run.</summary>
    public static RunRecord Replay(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, string coyoteTraceFile) =>
        throw new NotImplementedException("Coyote replay: in progress");
}
