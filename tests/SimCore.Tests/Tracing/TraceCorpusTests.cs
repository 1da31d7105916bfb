using SimHarness.Catalog;
using SimHarness.Tracing;

namespace SimHarness.Tests.Tracing;

/// <summary>Every trace kept in traces/ still replays to the violation it recorded.</summary>
public class TraceCorpusTests
{
    private static IEnumerable<TestCaseData> Traces() =>
        Directory.EnumerateFiles(RepoPaths.Traces, "*.json")
            .Where(f => !f.EndsWith(".census.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"Replay({Path.GetFileName(f)})"));

    [TestCaseSource(nameof(Traces))]
    public void Replay_CuratedTrace_ReproducesItsViolation(string file)
    {
        var trace = TraceJson.Load(Path.Combine(RepoPaths.Traces, file));
        var catalog = ScenarioCatalog.Discover([typeof(Scenarios.Threading.EventCheckConnect).Assembly]);

        var sut = TraceReplayer.Replay(trace, catalog);

        Assert.That(trace.Violation, Is.Not.Null, "curated traces record a violation");
        Assert.That(sut.Matches, Is.True, $"{sut.Reason} at event {sut.DivergenceIndex}: expected {sut.Expected}, got {sut.Actual}");
        Assert.That(sut.Record!.Violations, Has.Count.EqualTo(1));
        Assert.That(sut.Record.Violations[0], Is.EqualTo(trace.Violation));
    }
}
