using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Guidance;

/// <summary>Code that escapes the harness gets one line naming what happened and rule 1 of docs/semantics.md, exit 1: never an internal error, a stack trace or a violation blamed on the scenario.</summary>
public class EscapeGuidanceTests
{
    private const string RuleCited = "rule 1 of docs/semantics.md";

    private static string UserAssembly => typeof(EscapesWithTaskDelay).Assembly.Location;

    private DirectoryInfo _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("simharness-guidance-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private static void AssertGuidance(CliInvocation sut, string names)
    {
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1), sut.Out + sut.Error);
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1), sut.Error);
            Assert.That(sut.Error, Does.StartWith("error: ").And.Contain(names).And.Contain(RuleCited));
            Assert.That(sut.Error, Does.Not.Contain("internal error").And.Not.Contain("   at "));
        });
    }

    [TestCase(nameof(EscapesWithTaskDelay), "Task.Delay")]
    [TestCase(nameof(EscapesWithTaskRun), "Task.Run")]
    [TestCase(nameof(EscapesWithTimer), "a Timer")]
    [TestCase(nameof(EscapesWithThreadPoolHop), "thread-pool hop")]
    public void Run_CodeAwaitingOutsideTheWorld_OneLineNamingTheEscapeAndRule(string scenario, string names)
    {
        var sut = CliInvocation.Of("run", scenario, "--assembly", UserAssembly);

        AssertGuidance(sut, names);
    }

    [TestCase(nameof(EscapesWithTaskDelay), "Task.Delay")]
    [TestCase(nameof(EscapesWithThreadPoolHop), "thread-pool hop")]
    public void Explore_CodeAwaitingOutsideTheWorld_OneLineNamingTheEscapeAndRule(string scenario, string names)
    {
        var sut = CliInvocation.Of("explore", scenario, "--assembly", UserAssembly, "--traces", _dir.FullName);

        AssertGuidance(sut, names);
    }

    [Test]
    public void Explore_WithWorkers_EscapeIsStillOneLine()
    {
        var sut = CliInvocation.Of("explore", nameof(EscapesWithTaskDelay), "--assembly", UserAssembly, "--traces", _dir.FullName, "--workers", "2");

        AssertGuidance(sut, "Task.Delay");
    }

    [Test]
    public void Run_MissingAwait_SaysTheCallWasNotAwaited()
    {
        var sut = CliInvocation.Of("run", nameof(EscapesWithMissingAwait), "--assembly", UserAssembly);

        AssertGuidance(sut, "MainThread started a world operation while its previous one was still pending: an async call of the world (e.g. PrintAsync, SetAsync) was not awaited");
    }

    [Test]
    public void Explore_MissingAwait_IsGuidanceNotAViolationOfTheScenario()
    {
        var sut = CliInvocation.Of("explore", nameof(EscapesWithMissingAwait), "--assembly", UserAssembly, "--traces", _dir.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(sut.Out, Does.Not.Contain("uncaught-exception").And.Not.Contain("ArgumentOutOfRange"));
            Assert.That(_dir.GetFiles(), Is.Empty);
        });
        AssertGuidance(sut, "was not awaited");
    }
}
