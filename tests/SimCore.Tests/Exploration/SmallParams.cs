using SimHarness.Catalog;
using SimHarness.Scenarios.Threading;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// Small parameters for every scenario of the catalog, where even the search without reduction
/// finishes in well under a second. Tests that must cover every scenario iterate the catalog and
/// look the scenario up here; a scenario without an entry gets a test that fails and says so.
/// </summary>
internal static class SmallParams
{
    /// <summary>
    /// Scenarios whose search without reduction does not finish even at their smallest parameters
    /// (a daemon server loop, a livelock that runs to the step bound): tests compare the first
    /// <see cref="CappedRuns"/> interleavings with the reduced search instead of all of them.
    /// </summary>
    public static readonly IReadOnlySet<string> FullSearchCapped = new HashSet<string>(StringComparer.Ordinal)
    {
        "EchoUpper", "EchoUpperFixed", "ZooEventDeadlock", "ZooEventDeadlockFixed", "ZooLivelock",
    };

    /// <summary>The cap of the search without reduction for <see cref="FullSearchCapped"/> scenarios.</summary>
    public const int CappedRuns = 20_000;

    /// <summary>Scenario name → parameter overrides (`k=v;k=v`, empty for the defaults).</summary>
    private static readonly Dictionary<string, string> s_table = new(StringComparer.Ordinal)
    {
        ["ConditionLostWakeup"] = "waiters=1",
        ["ConditionWaitFor"] = "waiters=1",
        ["DiningPhilosophers"] = "philosophers=2",
        ["DiningPhilosophersDeadlock"] = "philosophers=2",
        ["EventCheckConnect"] = "threads=1;checkDelay=1",
        ["EventCheckConnectLostWakeup"] = "threads=1",
        ["EventRetryLimit"] = "threads=1;checkDelay=2",
        ["EventRetryLimitGivesUpEarly"] = "threads=1;checkDelay=1;attempts=2",
        ["GeventEatPlay"] = "exploreTies=true",
        ["GreenletEatPlay"] = "",
        ["PatchedEatPlay"] = "exploreTies=true",
        ["PatchedThreadNames"] = "exploreTies=true",
        ["ProducerConsumer"] = "producers=1;consumers=1",
        ["QueueKinds"] = "",
        ["ThreadingApi"] = "",
        ["ThreadingExcepthook"] = "",
        ["ThreadingRules"] = "",
        ["ThreadingScopes"] = "",
        ["EchoUpper"] = "clients=1;messages=1",
        ["EchoUpperFixed"] = "clients=1;messages=1",
        ["WorkerPoolDeath"] = "workers=1",
        ["ZooCheckThenAct"] = "",
        ["ZooCheckThenActFixed"] = "",
        ["ZooDeadSwitch"] = "requests=1",
        ["ZooDeadSwitchFixed"] = "requests=1",
        ["ZooEventDeadlock"] = "",
        ["ZooEventDeadlockFixed"] = "",
        ["ZooLivelock"] = "",
        ["ZooLivelockFixed"] = "",
        ["ZooLostUpdate"] = "",
        ["ZooLostUpdateFixed"] = "",
        ["ZooRecvAsMessage"] = "messages=1",
        ["ZooRecvAsMessageFixed"] = "messages=1",
        ["ZooResetKillsServer"] = "",
        ["ZooResetKillsServerFixed"] = "",
        ["ZooTornSnapshot"] = "stages=2;work=0",
        ["ZooTornSnapshotFixed"] = "stages=2;work=0",
        ["ZooTimeoutRace"] = "",
        ["ZooTimeoutRaceFixed"] = "",
    };

    /// <summary>Every scenario in Scenarios.dll.</summary>
    public static IReadOnlyList<ScenarioInfo> Catalog { get; } = ScenarioCatalog.Discover([typeof(EventCheckConnect).Assembly]);

    /// <summary>One test case per scenario of the catalog: (scenario name, overrides or null when the table lacks it).</summary>
    public static IEnumerable<TestCaseData> Cases(string testName) =>
        Catalog.Select(s => new TestCaseData(s.Name, s_table.GetValueOrDefault(s.Name)).SetName($"{testName}({s.Name})"));

    /// <summary>A catalog scenario at the sizes given (not its small-parameters entry; empty for its run defaults).</summary>
    public static (ScenarioInfo Info, IReadOnlyDictionary<string, object> Values) AtSizes(string scenario, string overrides)
    {
        var info = ScenarioCatalog.Find(Catalog, scenario);
        return (info, info.ResolveParams(overrides.Length == 0 ? null : ScenarioInfo.ParseOverrides([overrides])));
    }

    /// <summary>The scenario and its small parameters; fails the test when the table has no entry for it.</summary>
    public static (ScenarioInfo Info, IReadOnlyDictionary<string, object> Values) Resolve(string scenario, string? overrides)
    {
        if (overrides is null)
        {
            Assert.Fail($"scenario {scenario} has no small-parameters entry: add one to tests/SimCore.Tests/Exploration/SmallParams.cs (parameters where --no-reduction finishes in well under a second)");
        }

        var info = ScenarioCatalog.Find(Catalog, scenario);
        return (info, info.ResolveParams(overrides!.Length == 0 ? null : ScenarioInfo.ParseOverrides([overrides])));
    }
}
