using System.Text.Json;

namespace SimHarness.Tests.Cli;

public class CliRunAndListTests
{
    private static readonly string[] RetryParams = ["threads", "checkDelay", "waitTimeout", "attempts"];
    private static readonly string[] RunFields = ["scenario", "params", "output", "violations"];
    private static readonly string[] LineFields = ["t", "thread", "text"];

    [Test]
    public void List_ShowsEventRetryLimitWithItsParameters()
    {
        var sut = CliInvocation.Of("list");

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero);
            Assert.That(sut.Out, Does.Contain("EventRetryLimit"));
            foreach (var p in RetryParams)
            {
                Assert.That(sut.Out, Does.Contain(p));
            }

            Assert.That(sut.Out, Does.Contain("expected to fail"));
        });
    }

    [Test]
    public void ListJson_EventRetryLimit_HasTypedDefaults()
    {
        var sut = CliInvocation.Of("list", "--json");

        using var doc = JsonDocument.Parse(sut.Out);
        var retry = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "EventRetryLimit");
        var attempts = retry.GetProperty("params").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "attempts");
        Assert.Multiple(() =>
        {
            Assert.That(attempts.GetProperty("type").GetString(), Is.EqualTo("integer"));
            Assert.That(attempts.GetProperty("default").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public void RunJson_EventCheckConnect_HasContractFieldsAndSevenLines()
    {
        var sut = CliInvocation.Of("run", "EventCheckConnect", "--json");

        Assert.That(sut.ExitCode, Is.Zero, sut.Error);
        using var doc = JsonDocument.Parse(sut.Out);
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(RunFields));
            Assert.That(root.GetProperty("scenario").GetString(), Is.EqualTo("EventCheckConnect"));
            Assert.That(root.GetProperty("params").GetProperty("threads").GetInt32(), Is.EqualTo(3));
            Assert.That(root.GetProperty("output").GetArrayLength(), Is.EqualTo(7));
            Assert.That(root.GetProperty("violations").GetArrayLength(), Is.Zero);
            var first = root.GetProperty("output")[0];
            Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EqualTo(LineFields));
            Assert.That(root.GetProperty("output")[6].GetProperty("t").GetDecimal(), Is.EqualTo(3m));
        });
    }

    [Test]
    public void RunJson_NonAsciiText_IsNotEscaped()
    {
        var sut = CliInvocation.Of("run", "EventCheckConnect", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(sut.Out, Does.Contain("开始连接"));
            Assert.That(sut.Out, Does.Not.Contain("\\u"));
        });
    }

    [Test]
    public void Run_Text_PrintsTimeAndThreadOfEachLine()
    {
        var sut = CliInvocation.Of("run", "EventCheckConnect");

        var lines = sut.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero);
            Assert.That(lines, Has.Length.EqualTo(7));
            Assert.That(lines[^1], Does.Match(@"^\s+3  Thread-3 \(connect\)  Thread-3 \(connect\) 开始连接\.\.\.$"));
        });
    }

    [Test]
    public void Run_SameSeedTwice_SameOutput()
    {
        var first = CliInvocation.Of("run", "EventRetryLimit", "--seed", "11", "--json");
        var second = CliInvocation.Of("run", "EventRetryLimit", "--seed", "11", "--json");

        Assert.That(second.Out, Is.EqualTo(first.Out));
    }

    [Test]
    public void Run_ScheduleWithViolation_PrintsItAndExitsTwo()
    {
        // Seed 10 happens to pulse the event before a connect thread waits: the twin deadlocks.
        var sut = CliInvocation.Of("run", "EventCheckConnectLostWakeup", "--seed", "10", "--json");

        using var doc = JsonDocument.Parse(sut.Out);
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2));
            Assert.That(doc.RootElement.GetProperty("violations")[0].GetProperty("invariant").GetString(), Is.EqualTo("deadlock"));
        });
    }
}
