using SimHarness.Catalog;
using SimHarness.Coyote;
using SimHarness.Scenarios.Threading;
using SimHarness.Tracing;

namespace SimHarness.Tests.Coyote;

/// <summary>The Coyote-found traces kept in traces/ still reproduce, with the coyote CLI and in-process.</summary>
public class CoyoteTraceCorpusTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EventCheckConnect).Assembly]);

    /// <summary>Every harness trace in traces/ that Coyote recorded.</summary>
    public static IEnumerable<TestCaseData> CoyoteTraces() =>
        Directory.EnumerateFiles(RepoPaths.Traces, "*.json")
            .Where(f => !f.EndsWith(".census.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Where(f => TraceJson.Load(f).Engine == CoyoteTraceFiles.Engine)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileNameWithoutExtension(f)));

    [Test]
    public void Corpus_HoldsCoyoteTracesOfBothBrokenTwins()
    {
        var scenarios = CoyoteTraces().Select(c => TraceJson.Load((string)c.Arguments[0]!).Scenario).ToArray();

        Assert.That(scenarios, Is.SupersetOf(new[] { nameof(EventRetryLimitGivesUpEarly), nameof(EventCheckConnectLostWakeup) }));
    }

    [TestCaseSource(nameof(CoyoteTraces))]
    [Category("CoyoteCli")]
    public void CoyoteReplay_KeptTrace_ExitsTwoWithTheRecordedViolation(string path)
    {
        var trace = TraceJson.Load(path);
        var coyoteTrace = CoyoteTracePath(path, trace);
        var simParams = string.Join(";", trace.Params.Select(kv => $"{kv.Key}={kv.Value}"));

        var (code, output) = CoyoteCli.Run(simParams, "replay", CoyoteCli.ScenariosDll, coyoteTrace, "-m", trace.Scenario);

        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain($"{trace.Violation!.Invariant}: {trace.Violation.Message}"));
        Assert.That(output, Does.Contain("Reproduced 1 bug"));
    }

    [TestCaseSource(nameof(CoyoteTraces))]
    public void ExplorerReplay_KeptTrace_GivesTheSameViolationAndEventLog(string path)
    {
        var trace = TraceJson.Load(path);
        var info = ScenarioCatalog.Find(s_catalog, trace.Scenario);

        var sut = CoyoteExplorer.Replay(info, info.ResolveParams(trace.Params), CoyoteTracePath(path, trace));

        Assert.That(sut.Violations, Is.EqualTo(new[] { trace.Violation }));
        Assert.That(sut.Events, Is.EqualTo(trace.Events));
        Assert.That(sut.Output, Is.EqualTo(trace.Output));
    }

    [Test]
    public void ExplorerReplay_MissingTraceFile_IsUsageError()
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(EventCheckConnect));

        Assert.That(() => CoyoteExplorer.Replay(info, info.ResolveParams(null), Path.Combine(RepoPaths.Traces, "no-such.trace")), Throws.TypeOf<UsageException>());
    }

    [Test]
    public void ExplorerReplay_AtOtherParameters_DivergesFromTheRecording()
    {
        var path = CoyoteTraces().Select(c => (string)c.Arguments[0]!).First(p => TraceJson.Load(p).Scenario == nameof(EventRetryLimitGivesUpEarly));
        var trace = TraceJson.Load(path);
        var info = ScenarioCatalog.Find(s_catalog, trace.Scenario);
        var other = info.ResolveParams(new Dictionary<string, string>(trace.Params) { ["checkDelay"] = "0.5" });

        var sut = CoyoteExplorer.Replay(info, other, CoyoteTracePath(path, trace));

        Assert.That(sut.Events, Is.Not.EqualTo(trace.Events));
    }

    private static string CoyoteTracePath(string jsonPath, Trace trace) =>
        Path.Combine(Path.GetDirectoryName(jsonPath)!, trace.CoyoteTrace ?? throw new AssertionException($"{jsonPath} has no coyoteTrace"));
}
