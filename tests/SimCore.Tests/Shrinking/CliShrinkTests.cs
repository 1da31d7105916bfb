using System.Text.Json.Nodes;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Shrinking;

public class CliShrinkTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("simharness-cli-shrink-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private string InDir(string name) => Path.Combine(_dir.FullName, name);

    private string RandomDeadlockTrace()
    {
        var explore = CliInvocation.Of("explore", "DiningPhilosophersDeadlock", "--param", "philosophers=4", "--strategy", "random", "--seed", "1",
            "--stop-on-first", "--traces", InDir("found"), "--json", InDir("r.json"));
        Assert.That(explore.ExitCode, Is.Zero, explore.Error);
        var found = (string)JsonNode.Parse(File.ReadAllText(InDir("r.json")))![0]!["violations"]![0]!["trace"]!;
        var path = InDir("deadlock.json");
        File.Copy(found, path);
        return path;
    }

    [Test]
    public void Shrink_RandomTrace_PrintsSizesAndWritesShrunkBesideIt()
    {
        var trace = RandomDeadlockTrace();

        var sut = CliInvocation.Of("shrink", trace);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(sut.Out, Does.Match(@"^before: \d+ steps, \d+ preemptions, 0 faults\r?\nafter: \d+ steps, 1 preemptions, 0 faults\r?\n"));
            Assert.That(File.Exists(InDir("deadlock.shrunk.json")), Is.True);
        });
        var replay = CliInvocation.Of("replay", InDir("deadlock.shrunk.json"));
        Assert.That(replay.ExitCode, Is.EqualTo(2), replay.Error);
        Assert.That(replay.Out, Does.Contain("VIOLATION deadlock").And.Contain("replay matches the recorded run"));
    }

    [Test]
    public void Shrink_OutputOption_WritesThere()
    {
        var trace = RandomDeadlockTrace();

        var sut = CliInvocation.Of("shrink", trace, "-o", InDir("sub/min.json"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(File.Exists(InDir("sub/min.json")), Is.True);
            Assert.That(File.Exists(InDir("deadlock.shrunk.json")), Is.False);
        });
    }

    [Test]
    public void Shrink_CoyoteTrace_SaysItConvertedAndWritesABuiltInTrace()
    {
        var sut = CliInvocation.Of("shrink", Path.Combine(RepoPaths.Traces, "EventRetryLimitGivesUpEarly.coyote.json"), "-o", InDir("x.json"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(sut.Out, Does.StartWith("converted the Coyote trace to built-in decisions"));
            // Without preemptions: main's 9 steps, each connect thread's is_set/print/wait (9) and the check's
            // print/sleep (2); at t=1 each connect thread's second attempt (9); at t=2 Thread-1's is_set and
            // its give-up line, where the gives-up-after-attempts monitor ends the run: 31.
            Assert.That(sut.Out, Does.Contain("after: 31 steps, 0 preemptions, 0 faults"));
            Assert.That((string)JsonNode.Parse(File.ReadAllText(InDir("x.json")))!["engine"]!, Is.EqualTo("builtin"));
        });
    }

    [Test]
    public void Shrink_CleanTrace_OneLineExitOne()
    {
        var run = CliInvocation.Of("run", "EventCheckConnect", "--trace", InDir("clean.json"));
        Assert.That(run.ExitCode, Is.Zero, run.Error);

        var sut = CliInvocation.Of("shrink", InDir("clean.json"));

        Assert.That(sut.ExitCode, Is.EqualTo(1));
        Assert.That(sut.Error, Does.Contain("no violation"));
    }

    [Test]
    public void Shrink_ZeroBudget_OneLineExitOne()
    {
        var sut = CliInvocation.Of("shrink", Path.Combine(RepoPaths.Traces, "ConditionLostWakeup.exhaustive.json"), "--budget", "0");

        Assert.That(sut.ExitCode, Is.EqualTo(1));
        Assert.That(sut.Error, Does.Contain("--budget"));
    }
}
