using SimHarness.Exploration;
using SimHarness.Scenarios.Threading;

namespace SimHarness.Tests;

public class SmokeTests
{
    [Test]
    public void CanonicalRun_EventCheckConnect_AllConnectAtThreeSeconds()
    {
        var sut = new EventCheckConnect();
        var r = BuiltInExecutor.Run(sut, new CanonicalStrategy());
        Assert.That(r.Record.Violations, Is.Empty);
        Assert.That(r.Record.Output.Where(o => o.Text.EndsWith("开始连接...", StringComparison.Ordinal)).Select(o => o.TimeMicros), Is.EqualTo(new long[] { 3_000_000, 3_000_000, 3_000_000 }));
    }
}
