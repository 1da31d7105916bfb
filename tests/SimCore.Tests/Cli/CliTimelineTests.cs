namespace SimHarness.Tests.Cli;

/// <summary><c>timeline</c> through the command line: writes the page, says where, refuses bad input with one line.</summary>
public class CliTimelineTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("simharness-cli-timeline-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private static string Curated => Path.Combine(RepoPaths.Traces, "EventCheckConnectLostWakeup.exhaustive.json");

    [Test]
    public void Timeline_CuratedTrace_WritesThePageAndSaysWhere()
    {
        var html = Path.Combine(_dir.FullName, "sub", "lost.html");

        var sut = CliInvocation.Of("timeline", Curated, "-o", html);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(sut.Out, Does.Contain($"wrote {html}"));
            Assert.That(sut.Out, Does.Contain("5 lanes").And.Contain("deadlock"));
            Assert.That(File.ReadAllText(html), Does.Contain("data-violation=\"deadlock\""));
        });
    }

    [Test]
    public void Timeline_NoOutputOption_WritesBesideTheTrace()
    {
        var trace = Path.Combine(_dir.FullName, "t.json");
        File.Copy(Curated, trace);

        var sut = CliInvocation.Of("timeline", trace);

        Assert.That(sut.ExitCode, Is.Zero, sut.Error);
        Assert.That(File.Exists(Path.Combine(_dir.FullName, "t.html")), Is.True);
    }

    [TestCase("missing.json", "trace not found")]
    [TestCase("garbage.json", "not valid JSON")]
    [TestCase("foreign.json", "not a SimHarness trace")]
    public void Timeline_BadTraceFile_OneLineErrorExitOne(string name, string mustMention)
    {
        var path = Path.Combine(_dir.FullName, name);
        if (name == "garbage.json")
        {
            File.WriteAllText(path, "{\"format\": \"simharness-tr");
        }
        else if (name == "foreign.json")
        {
            File.WriteAllText(path, "{\"hello\": 1}");
        }

        var sut = CliInvocation.Of("timeline", path, "-o", Path.Combine(_dir.FullName, "x.html"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1), sut.Error);
            Assert.That(sut.Error, Does.Contain(mustMention));
            Assert.That(File.Exists(Path.Combine(_dir.FullName, "x.html")), Is.False);
        });
    }

    [Test]
    public void Timeline_OutputIsADirectory_OneLineErrorExitOne()
    {
        var sut = CliInvocation.Of("timeline", Curated, "-o", _dir.FullName);

        Assert.That(sut.ExitCode, Is.EqualTo(1));
        Assert.That(sut.ErrorLines, Has.Length.EqualTo(1), sut.Error);
    }

    [Test]
    public void Timeline_Help_DescribesTheVerb()
    {
        var sut = CliInvocation.Of("timeline", "--help");

        Assert.That(sut.ExitCode, Is.Zero);
        Assert.That(sut.Out, Does.Contain("--output").And.Contain("lane per thread or greenlet"));
    }
}
