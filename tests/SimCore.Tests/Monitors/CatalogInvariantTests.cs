using SimHarness.Catalog;
using SimHarness.Scenarios.Threading;

namespace SimHarness.Tests.Monitors;

/// <summary>The catalog states over the event log only through monitors: its end-of-run invariants read only the output.</summary>
public class CatalogInvariantTests
{
    private static readonly string[] s_monitorNames = ["connect-after-set", "gives-up-after-attempts", "every-thread-ends", "bounded", "stream-integrity", "server-survives", "walker-passes"];
    private static readonly string[] s_hotMonitors = ["walker-passes"];
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EventCheckConnect).Assembly]);

    public static IEnumerable<TestCaseData> Scenarios() =>
        s_catalog.Select(s => new TestCaseData(s.Name).SetArgDisplayNames(s.Name));

    [TestCaseSource(nameof(Scenarios))]
    public void Invariants_OfEveryCatalogScenario_ReadOnlyTheOutput(string name)
    {
        var info = ScenarioCatalog.Find(s_catalog, name);
        var sut = info.Create(info.ResolveExploreParams(null));

        Assert.That(sut.Invariants.Where(i => !i.ReadsOutputOnly).Select(i => i.Name), Is.Empty);
        Assert.That(sut.InvariantsReadOutputOnly, Is.True);
    }

    [Test]
    public void InvariantsReadOutputOnly_WithAnInvariantOverTheWholeRun_IsFalse()
    {
        var sut = new WithInvariants(
            Invariant.OverOutput("some-output", "something was printed", o => o.Count > 0 ? null : "nothing printed"),
            new Invariant("few-events", "the log is short", r => r.Events.Count < 100 ? null : "long"));

        Assert.That(sut.InvariantsReadOutputOnly, Is.False);
    }

    [Test]
    public void OverOutput_ChecksTheRunsOutput()
    {
        var sut = Invariant.OverOutput("two-lines", "two lines are printed", o => o.Count == 2 ? null : $"{o.Count} lines");
        var record = SimHarness.Exploration.BuiltInExecutor.Run(new Contracts.LambdaScenario(async sim => await sim.PrintAsync("one")), new SimHarness.Exploration.CanonicalStrategy()).Record;

        Assert.That(sut.ReadsOutputOnly, Is.True);
        Assert.That(sut.Check(record), Is.EqualTo("1 lines"));
    }

    [Test]
    public void Catalog_HasMonitorsOfEveryKind()
    {
        var monitors = s_catalog.SelectMany(s => s.Create(s.ResolveExploreParams(null)).Monitors).ToArray();

        Assert.That(monitors.Select(m => m.Name), Is.SupersetOf(s_monitorNames));
        Assert.That(monitors.Where(m => m.Temperature is not null).Select(m => m.Name).Distinct(), Is.EqualTo(s_hotMonitors));
    }

    private sealed class WithInvariants(params Invariant[] invariants) : Scenario
    {
        public override string Description => "invariants only";

        public override IEnumerable<Invariant> Invariants => invariants;

        public override Task RunAsync(ISim sim) => Task.CompletedTask;
    }
}
