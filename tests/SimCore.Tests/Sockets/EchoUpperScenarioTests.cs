#pragma warning disable CA1861 // expected values read best inline in tests
using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Sockets;

namespace SimHarness.Tests.Sockets;

/// <summary>The echo-upper scenarios' shape (a gevent server) and their invariants at the seed's size under the random strategy.</summary>
public class EchoUpperScenarioTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EchoUpper).Assembly]);

    private static RunRecord Run(string scenario, string overrides, IScheduleStrategy strategy)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides([overrides]));
        return BuiltInExecutor.Run(info.Create(values), strategy).Record;
    }

    [Test]
    public void EchoUpper_ServesEveryConnectionInAGreenletOfTheOneServerThread()
    {
        var r = Run("EchoUpper", "clients=3;messages=1", new CanonicalStrategy());

        var spawns = r.Events.Where(e => e.Op == "spawn").ToList();
        Assert.That(spawns.Select(e => e.Thread).Distinct(), Is.EqualTo(new[] { "server" }));
        Assert.That(spawns, Has.Count.EqualTo(1 + 3), "the accept loop, then one talk greenlet per connection");
        Assert.That(r.Events.Count(e => e.Op == "create"), Is.EqualTo(1 + 3), "the server thread and the clients, nothing else");
        Assert.That(r.Output.Count(o => o.Text.StartsWith("('127.0.0.1', ", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void EchoUpperFixed_ThousandClientsOnARandomSchedule_HoldsEveryInvariant(int seed)
    {
        var r = Run("EchoUpperFixed", "clients=1000;messages=2;segments=20;bufferSize=64", new RandomStrategy(seed));

        Assert.That(r.Violations, Is.Empty);
        Assert.That(r.Output.Count(o => o.Text.EndsWith(" (CLIENT) HELLO", StringComparison.Ordinal)), Is.EqualTo(2000));
    }
}
