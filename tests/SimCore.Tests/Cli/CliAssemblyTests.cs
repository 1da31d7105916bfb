namespace SimHarness.Tests.Cli;

public class CliAssemblyTests
{
    private static string TestAssembly => typeof(CliUserScenario).Assembly.Location;

    [Test]
    public void List_WithAssembly_ShowsItsScenarios()
    {
        var sut = CliInvocation.Of("list", "--assembly", TestAssembly);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(sut.Out, Does.Contain("CliUserScenario").And.Contain("lines the main thread prints"));
        });
    }

    [Test]
    public void List_WithoutAssembly_DoesNotShowThem()
    {
        var sut = CliInvocation.Of("list");

        Assert.That(sut.Out, Does.Not.Contain("CliUserScenario"));
    }

    [Test]
    public void Run_ScenarioFromAssembly_PrintsItsLines()
    {
        var sut = CliInvocation.Of("run", "CliUserScenario", "--param", "lines=3", "--assembly", TestAssembly);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(sut.Out, Does.Contain("line 2"));
        });
    }

    [Test]
    public void List_MissingAssembly_OneLineExitOne()
    {
        var sut = CliInvocation.Of("list", "--assembly", "no/such/Thing.dll");

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("Thing.dll"));
        });
    }
}
