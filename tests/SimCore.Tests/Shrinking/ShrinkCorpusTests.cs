using SimHarness.Catalog;
using SimHarness.Scenarios.Threading;
using SimHarness.Shrinking;
using SimHarness.Tracing;

namespace SimHarness.Tests.Shrinking;

/// <summary>Every built-in trace kept in traces/ is already shrunk: shrinking it again changes nothing.</summary>
public class ShrinkCorpusTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EventCheckConnect).Assembly]);

    private static IEnumerable<TestCaseData> BuiltInTraces() =>
        Directory.EnumerateFiles(RepoPaths.Traces, "*.json")
            .Where(f => !f.EndsWith(".census.json", StringComparison.Ordinal))
            .Where(f => TraceJson.Load(f).Engine == "builtin")
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"Shrunk({Path.GetFileName(f)})"));

    [TestCaseSource(nameof(BuiltInTraces))]
    public void Shrink_CuratedTrace_IsAlreadyAFixpoint(string file)
    {
        var trace = TraceJson.Load(Path.Combine(RepoPaths.Traces, file));

        var sut = TraceShrinker.Shrink(trace, s_catalog);

        Assert.Multiple(() =>
        {
            Assert.That(sut.After, Is.EqualTo(sut.Before), $"shrink it: dotnet run --project src/SimHarness -- shrink traces/{file} -o traces/{file}");
            Assert.That(sut.Trace.Decisions, Is.EqualTo(trace.Decisions));
            Assert.That(sut.BudgetExhausted, Is.False);
        });
    }

    [Test]
    public void Corpus_HoldsBuiltInTraces()
    {
        Assert.That(BuiltInTraces().Count(), Is.GreaterThanOrEqualTo(4));
    }
}
