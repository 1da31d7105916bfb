using SimHarness.Scenarios.Threading;

namespace SimHarness.Tests.Coyote;

/// <summary>`coyote test` on the built Scenarios.dll: exit code 2 when it finds a bug, 0 when not.</summary>
[Category("CoyoteCli")]
public class CoyoteCliTests
{
    [Test]
    public void ScenariosDll_InTestBin_IsRewrittenAndTheSameAsTheOneTheCliLoads()
    {
        var inTestBin = typeof(CoyoteEntries).Assembly;

        Assert.That(SimHarness.Catalog.AssemblyCopies.IsRewritten(inTestBin), Is.True, "Scenarios.dll in the test's bin is not rewritten");
        Assert.That(SimHarness.Catalog.AssemblyCopies.IsRewritten(typeof(SimHarness.Coyote.CoyoteEntry).Assembly), Is.True, "SimCore.dll in the test's bin is not rewritten");
        Assert.That(File.ReadAllBytes(CoyoteCli.ScenariosDll), Is.EqualTo(File.ReadAllBytes(inTestBin.Location)), $"{CoyoteCli.ScenariosDll} differs from the test's copy");
    }

    [Test]
    public void Test_RetryLimitGivesUpEarly_ExitsTwoWithTheInvariant()
    {
        var (code, output) = CoyoteCli.Run(null, "test", CoyoteCli.ScenariosDll, "-m", nameof(CoyoteEntries.EventRetryLimitGivesUpEarly), "-i", "20", "--seed", "1");

        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("gives-up-after-attempts: "));
    }

    [Test]
    public void Test_CheckConnectLostWakeup_ExitsTwoWithTheDeadlock()
    {
        var (code, output) = CoyoteCli.Run(null, "test", CoyoteCli.ScenariosDll, "-m", nameof(CoyoteEntries.EventCheckConnectLostWakeup), "-i", "200", "--seed", "1");

        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("deadlock: "));
    }

    [Test]
    public void Test_RetryLimit_ExitsZero()
    {
        var (code, output) = CoyoteCli.Run("threads=2", "test", CoyoteCli.ScenariosDll, "-m", nameof(CoyoteEntries.EventRetryLimit), "-i", "30", "--seed", "1");

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("Found 0 bugs"));
    }

    [Test]
    public void Test_ParamsFromEnvironment_AreUsed()
    {
        // Set before the first wait times out, nobody gives up: the broken twin's bug cannot show.
        var (code, output) = CoyoteCli.Run("threads=1;checkDelay=0.5", "test", CoyoteCli.ScenariosDll, "-m", nameof(CoyoteEntries.EventRetryLimitGivesUpEarly), "-i", "20", "--seed", "1");

        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public void Test_MethodNameSuffixOnly_IsNotMatched()
    {
        // Despite its help text ("suffix"), -m matches only the method's exact or full name.
        var (code, output) = CoyoteCli.Run(null, "test", CoyoteCli.ScenariosDll, "-m", "RetryLimit", "-i", "1");

        Assert.That(code, Is.Not.Zero.And.Not.EqualTo(2), output);
        Assert.That(output, Does.Contain("Cannot detect a Coyote test method"));
    }
}
