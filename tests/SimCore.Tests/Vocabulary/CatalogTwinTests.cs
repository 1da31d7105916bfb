using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Real;
using SimHarness.Scenarios.Vocabulary;

namespace SimHarness.Tests.Vocabulary;

/// <summary>
/// The catalog scenarios that twin a CPython program of tests/fidelity/threading: on the simulated
/// backend, the real one and under Coyote they print CPython's stdout, and CPython's stderr
/// without the traceback's frames (.NET's frames are not Python's; the harness leaves them out).
/// The programs print the same lines under every schedule, so every run of every backend and
/// strategy must print exactly them, and an exhaustive search finds that one outcome only.
/// </summary>
public class CatalogTwinTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(ThreadingRules).Assembly]);

    private static readonly Dictionary<string, Lazy<(string[] Stdout, string[] Stderr)>> s_python = new(StringComparer.Ordinal);

    private static IEnumerable<TestCaseData> Twins() =>
    [
        new TestCaseData(nameof(ThreadingRules), "threading_rules"),
        new TestCaseData(nameof(ThreadingApi), "threading_api"),
        new TestCaseData(nameof(ThreadingScopes), "threading_scopes"),
        new TestCaseData(nameof(ThreadingExcepthook), "threading_excepthook"),
        new TestCaseData(nameof(QueueKinds), "queue_kinds"),
    ];

    [TestCaseSource(nameof(Twins))]
    public void DefaultRun_Simulated_PrintsWhatCPythonPrints(string scenario, string program)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var sut = SingleRun.Run(info, info.ResolveParams(null), seed: null).Record;

        AssertPrintsWhatCPythonPrints(sut, program);
    }

    [TestCaseSource(nameof(Twins))]
    [Category("Real")]
    public void Run_Real_PrintsWhatCPythonPrints(string scenario, string program)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var sut = RealExecutor.Run(info.Create(info.ResolveParams(null)), TimeSpan.FromSeconds(20));

        AssertPrintsWhatCPythonPrints(sut, program);
    }

    [TestCaseSource(nameof(Twins))]
    public void Explore_UnderCoyote_EveryRunPrintsWhatCPythonPrints(string scenario, string program)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var sut = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { Strategy = "coyote-random", Iterations = 10, Seed = 1, TracesDirectory = null, MaxOutcomes = int.MaxValue });

        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Schedules, Is.EqualTo(10));
        AssertOneOutcomeIsCPythons(sut, program);
    }

    [TestCaseSource(nameof(Twins))]
    public void Explore_Exhaustive_FindsOnlyWhatCPythonPrints(string scenario, string program)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var sut = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { TracesDirectory = null, MaxOutcomes = int.MaxValue });

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty);
        AssertOneOutcomeIsCPythons(sut, program);
    }

    /// <summary>One transcript, whose stdout lines and stderr lines (marked) are CPython's two streams.</summary>
    private static void AssertOneOutcomeIsCPythons(ExplorationReport sut, string program)
    {
        var (stdout, stderr) = Python(program);
        Assert.That(sut.Outcomes, Has.Count.EqualTo(1));
        var transcript = sut.Outcomes[0].Output;
        Assert.That(transcript.Where(l => !l.StartsWith(OutputLine.StderrPrefix, StringComparison.Ordinal)), Is.EqualTo(stdout));
        Assert.That(transcript.Where(l => l.StartsWith(OutputLine.StderrPrefix, StringComparison.Ordinal)).Select(l => l[OutputLine.StderrPrefix.Length..]), Is.EqualTo(stderr));
    }

    private static void AssertPrintsWhatCPythonPrints(RunRecord sut, string program)
    {
        var (stdout, stderr) = Python(program);
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Completed, Is.True);
        Assert.That(sut.Output.Where(o => !o.IsStderr).Select(o => o.Text), Is.EqualTo(stdout));
        Assert.That(sut.Stderr, Is.EqualTo(stderr));
    }

    /// <summary>The program's stdout lines and its stderr lines without the traceback's frames (the indented lines).</summary>
    internal static (string[] Stdout, string[] Stderr) Python(string program)
    {
        CPython.RequireAvailable();
        Lazy<(string[], string[])> run;
        lock (s_python)
        {
            if (!s_python.TryGetValue(program, out run!))
            {
                run = s_python[program] = new(() => RunPython(program));
            }
        }

        return run.Value;
    }

    private static (string[] Stdout, string[] Stderr) RunPython(string program)
    {
        var directory = Path.Combine(RepoPaths.Root, "tests", "fidelity", "threading");
        var (code, stdout, stderr) = PythonProcess.RunAsync("python3", directory, [program + ".py"], TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        if (code != 0)
        {
            throw new InvalidOperationException($"python3 {program}.py exited with {code}: {stderr}");
        }

        return (Lines(stdout), Lines(stderr).Where(l => !l.StartsWith("  ", StringComparison.Ordinal)).ToArray());
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
