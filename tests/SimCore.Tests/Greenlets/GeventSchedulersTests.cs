using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Gevent;

namespace SimHarness.Tests.Greenlets;

/// <summary>Both schedulers run the four greenlet/gevent scenarios: the same single transcript as the canonical run, no violation.</summary>
public class GeventSchedulersTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(GeventEatPlay).Assembly]);

    [TestCase("GreenletEatPlay", "exhaustive")]
    [TestCase("GeventEatPlay", "exhaustive")]
    [TestCase("PatchedEatPlay", "exhaustive")]
    [TestCase("PatchedThreadNames", "exhaustive")]
    [TestCase("GreenletEatPlay", "coyote-random")]
    [TestCase("GeventEatPlay", "coyote-random")]
    [TestCase("PatchedEatPlay", "coyote-random")]
    [TestCase("PatchedThreadNames", "coyote-random")]
    public void Explore_WithoutTies_GivesTheCanonicalTranscriptOnly(string scenario, string strategy)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);
        var values = info.ResolveParams(null);
        var canonical = SingleRun.Run(info, values, seed: null).Record.Transcript.ToArray();

        var sut = Explorer.Explore(info, values, new ExplorationOptions { Strategy = strategy, Iterations = 20, TracesDirectory = null });

        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.DistinctOutputs, Is.EqualTo(1));
        Assert.That(sut.Outcomes[0].Output, Is.EqualTo(canonical));
    }
}
