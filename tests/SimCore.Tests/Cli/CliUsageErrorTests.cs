namespace SimHarness.Tests.Cli;

public class CliUsageErrorTests
{
    /// <summary>Exit code 1, one line on stderr that mentions <paramref name="mustMention"/>, no stack trace.</summary>
    internal static void AssertOneLineError(CliInvocation sut, string mustMention)
    {
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.Error, Does.Contain(mustMention));
            Assert.That(sut.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void Run_UnknownScenario_RefusedByNameOnOneLine()
    {
        var sut = CliInvocation.Of("run", "NoSuchScenario");

        AssertOneLineError(sut, "NoSuchScenario");
    }

    [Test]
    public void Run_UnknownParameter_RefusedByNameOnOneLine()
    {
        var sut = CliInvocation.Of("run", "EventCheckConnect", "--param", "nosuchparam=3");

        AssertOneLineError(sut, "nosuchparam");
    }

    [Test]
    public void Run_BadParameterValue_RefusedByNameOnOneLine()
    {
        var sut = CliInvocation.Of("run", "EventCheckConnect", "--param", "threads=many");

        AssertOneLineError(sut, "threads");
        Assert.That(sut.Error, Does.Contain("many"));
    }

    [TestCase("explore", "threads=2;threads=3")]
    [TestCase("explore", "threads=2", "threads=3")]
    [TestCase("run", "threads=2 ; threads=2")]
    public void Param_GivenTwice_RefusedByNameOnOneLine(string verb, params string[] items)
    {
        string[] traces = verb == "explore" ? ["--traces", Path.GetTempPath()] : [];
        var sut = CliInvocation.Of([verb, "EventCheckConnect", .. items.SelectMany(i => new[] { "--param", i }), .. traces]);

        AssertOneLineError(sut, "parameter 'threads' is given twice");
    }

    [Test]
    public void Explore_UnknownStrategy_RefusedByNameOnOneLine()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--strategy", "sideways", "--traces", Path.GetTempPath());

        AssertOneLineError(sut, "sideways");
    }

    [Test]
    public void Explore_ParamThatNoExploredScenarioHas_RefusedByNameOnOneLine()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "EventRetryLimit", "--param", "bogus=1");

        AssertOneLineError(sut, "bogus");
    }

    [Test]
    public void Parse_UnknownVerb_ExitsOneWithOneLine()
    {
        var sut = CliInvocation.Of("frobnicate");

        AssertOneLineError(sut, "frobnicate");
    }

    [Test]
    public void Parse_UnknownOption_ExitsOneWithOneLine()
    {
        var sut = CliInvocation.Of("run", "EventCheckConnect", "--bogus-option");

        AssertOneLineError(sut, "--bogus-option");
    }

    [Test]
    public void Parse_BadSeed_ExitsOneWithOneLine()
    {
        var sut = CliInvocation.Of("run", "EventCheckConnect", "--seed", "abc");

        AssertOneLineError(sut, "abc");
    }

    [Test]
    public void Replay_MissingFile_ExitsOneWithOneLine()
    {
        var sut = CliInvocation.Of("replay", Path.Combine(Path.GetTempPath(), "no-such-trace-file.json"));

        AssertOneLineError(sut, "no-such-trace-file.json");
    }

    [Test]
    public void Help_OnEveryVerb_ExitsZeroAndPrintsUsage()
    {
        foreach (var verb in new[] { "list", "run", "explore", "replay" })
        {
            var sut = CliInvocation.Of(verb, "--help");

            Assert.Multiple(() =>
            {
                Assert.That(sut.ExitCode, Is.Zero, verb);
                Assert.That(sut.Out, Does.Contain("Usage:"), verb);
            });
        }
    }
}
