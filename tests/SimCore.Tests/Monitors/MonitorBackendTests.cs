using SimHarness.Catalog;
using SimHarness.Coyote;
using SimHarness.Exploration;
using SimHarness.Real;
using SimHarness.Scenarios.Threading;
using SimHarness.Scenarios.Zoo;
using SimHarness.Tests.Coyote;

namespace SimHarness.Tests.Monitors;

/// <summary>The same monitor verdicts on the built-in scheduler, under Coyote (in-process and <c>coyote test</c>) and on the real backend.</summary>
public class MonitorBackendTests
{
    private static readonly string[] s_walkerPasses = ["walker-passes"];

    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EventRetryLimit).Assembly]);

    private static readonly TimeSpan s_realTimeout = TimeSpan.FromSeconds(20);

    private string _traces = "";

    [SetUp]
    public void SetUp() => _traces = Path.Combine(Path.GetTempPath(), "simharness-monitor-backends", TestContext.CurrentContext.Test.ID);

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_traces))
        {
            Directory.Delete(_traces, recursive: true);
        }
    }

    /// <summary>Probe scenarios of one thread: their monitor's verdict depends on nothing the backend decides.</summary>
    public static IEnumerable<TestCaseData> Probes()
    {
        yield return new TestCaseData(new Func<Scenario>(() => new BadLineAlone())).SetArgDisplayNames("violation at a step");
        yield return new TestCaseData(new Func<Scenario>(() => new OwedAfterSpins { Spins = 2, Pay = false })).SetArgDisplayNames("hot at the end");
        yield return new TestCaseData(new Func<Scenario>(() => new OwedAfterSpins { Spins = 12, Temperature = 4 })).SetArgDisplayNames("hot past the temperature");
    }

    [TestCaseSource(nameof(Probes))]
    [Category("Real")]
    public void Real_ProbeMonitor_GivesTheBuiltInVerdictAndTranscript(Func<Scenario> make)
    {
        var simulated = BuiltInExecutor.Run(make(), new CanonicalStrategy()).Record;

        var sut = RealExecutor.Run(make(), s_realTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(simulated.Violations, Has.Count.EqualTo(1));
            Assert.That(sut.Violations, Is.EqualTo(simulated.Violations));
            Assert.That(sut.Transcript, Is.EqualTo(simulated.Transcript));
            Assert.That(sut.Steps, Is.EqualTo(simulated.Steps));
        });
    }

    [Test]
    [Category("Real")]
    public void Real_GivesUpEarly_TheMonitorStopsTheRunAtTheGiveUpLine()
    {
        // One connect thread, waits of 0.05 s, the event set at 0.5 s: it gives up after 2 attempts, long before the set.
        var info = ScenarioCatalog.Find(s_catalog, nameof(EventRetryLimitGivesUpEarly));
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides(["threads=1;waitTimeout=0.05;checkDelay=0.5"]));

        var sut = RealExecutor.Run(info.Create(values), s_realTimeout);

        Assert.That(sut.Violations, Is.EqualTo(new[] { new Violation("gives-up-after-attempts", "Thread-1 (connect) gave up after 2 attempt line(s), expected 3") }));
        Assert.That(sut.Transcript.Last(), Is.EqualTo("尝试的次数过多,请稍后重试"));
    }

    [Test]
    public void Coyote_GivesUpEarly_FindsTheBuiltInSearchsViolations()
    {
        var (info, values) = Catalog(nameof(EventRetryLimitGivesUpEarly), "threads=1");
        var builtIn = Explorer.Explore(info, values, new ExplorationOptions { TracesDirectory = null });

        var sut = CoyoteExplorer.Explore(info, values, new ExplorationOptions { Strategy = "coyote-random", Iterations = 20, Seed = 7, TracesDirectory = _traces });

        Assert.That(builtIn.Violations.Select(v => (v.Invariant, v.Message)), Is.EqualTo(new[] { ("gives-up-after-attempts", "Thread-1 (connect) gave up after 2 attempt line(s), expected 3") }));
        Assert.That(sut.Violations.Select(v => (v.Invariant, v.Message)), Is.EquivalentTo(builtIn.Violations.Select(v => (v.Invariant, v.Message))));
    }

    [Test]
    public void Coyote_Livelock_FindsTheLivenessViolationOfTheBuiltInSearch()
    {
        var (info, values) = Catalog(nameof(ZooLivelock), "");
        var builtIn = Explorer.Explore(info, values, new ExplorationOptions { TracesDirectory = null });

        var sut = CoyoteExplorer.Explore(info, values, new ExplorationOptions { Strategy = "coyote-prioritization", Iterations = 1000, Seed = 7, StopOnFirst = true, TracesDirectory = _traces });

        Assert.That(builtIn.Violations.Select(v => v.Invariant), Is.EqualTo(s_walkerPasses));
        Assert.That(sut.Violations.Select(v => (v.Invariant, v.Message)), Is.EqualTo(builtIn.Violations.Select(v => (v.Invariant, v.Message))));
    }

    [Test]
    [Category("CoyoteCli")]
    public void CoyoteTest_Livelock_ExitsTwoWithTheLivenessViolation()
    {
        var (code, output) = CoyoteCli.Run(null, "test", CoyoteCli.ScenariosDll, "-m", nameof(ZooLivelock), "-i", "1000", "--seed", "1", "--strategy", "prioritization");

        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain($"walker-passes: liveness: a walker that raised its flag enters the corridor: still owed after {ZooLivelockFixed.PassTemperature + 1} steps"));
    }

    [Test]
    [Category("CoyoteCli")]
    public void CoyoteTest_LivelockFixed_ExitsZero()
    {
        var (code, output) = CoyoteCli.Run(null, "test", CoyoteCli.ScenariosDll, "-m", nameof(ZooLivelockFixed), "-i", "300", "--seed", "1");

        Assert.That(code, Is.Zero, output);
    }

    private static (ScenarioInfo Info, IReadOnlyDictionary<string, object> Values) Catalog(string name, string overrides)
    {
        var info = ScenarioCatalog.Find(s_catalog, name);
        return (info, info.ResolveParams(ScenarioInfo.ParseOverrides([overrides])));
    }
}
