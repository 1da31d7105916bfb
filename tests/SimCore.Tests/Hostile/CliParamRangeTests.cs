using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Hostile;

/// <summary>Issue 15: parameters out of their declared range are one line and exit 1, from every source.</summary>
public class CliParamRangeTests
{
    [TestCase("ZooLostUpdate", "threads=-5", "1..10000")]
    [TestCase("ConditionWaitFor", "waiters=-1", "0..10000")]
    [TestCase("EchoUpper", "bufferSize=0", "1..16777216")]
    [TestCase("EchoUpper", "port=70000", "1..65535")]
    [TestCase("EchoUpper", "port=-1", "1..65535")]
    [TestCase("EchoUpper", "backlog=-1", "0..65535")]
    [TestCase("EchoUpper", "messages=-1", "0..100000")]
    [TestCase("EchoUpper", "clients=-1", "0..100000")]
    [TestCase("EventRetryLimit", "attempts=-1", "0..10000")]
    [TestCase("EventCheckConnect", "checkDelay=9999999999999", "0..1000000")]
    [TestCase("EventCheckConnect", "checkDelay=-1", "0..1000000")]
    [TestCase("ZooDeadSwitch", "requests=-1", "0..100000")]
    public void Run_ParamOutOfRange_OneLineNamingTheRange(string scenario, string param, string range)
    {
        var sut = CliInvocation.Of("run", scenario, "--param", param);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1), sut.Out);
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.Error, Does.Contain(param.Split('=')[0]).And.Contain(range));
        });
    }

    [Test]
    public void Run_EchoUpperRealPortOutOfRange_RefusedBeforeRunning()
    {
        var sut = CliInvocation.Of("run", "EchoUpper", "--real", "--param", "port=70000", "--param", "clients=1");

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("port").And.Contain("70000"));
        });
    }

    [Test]
    public void List_ShowsEachIntegerParamsRange()
    {
        var sut = CliInvocation.Of("list");

        Assert.That(sut.Out, Does.Contain("in 1..10000").And.Contain("in 1..65535"));
    }

    [Test]
    public void ListJson_GivesMinAndMax()
    {
        var sut = CliInvocation.Of("list", "--json");

        var list = System.Text.Json.Nodes.JsonNode.Parse(sut.Out)!.AsArray();
        var threads = list.Single(s => (string?)s!["name"] == "ZooLostUpdate")!["params"]!.AsArray().Single(p => (string?)p!["name"] == "threads")!;
        Assert.Multiple(() =>
        {
            Assert.That((int)threads["min"]!, Is.EqualTo(1));
            Assert.That((int)threads["max"]!, Is.EqualTo(10_000));
        });
    }

    [Test]
    public void Run_InvariantThatThrows_IsThatInvariantsViolationNotACrash()
    {
        var sut = CliInvocation.Of("run", nameof(ThrowingInvariantScenario), "--assembly", typeof(ThrowingInvariantScenario).Assembly.Location);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2), sut.Error);
            Assert.That(sut.Out, Does.Contain("VIOLATION never-throws: the invariant's check itself failed"));
        });
    }

    [TestCase("--seed", "99999999999")]
    [TestCase("--iterations", "many")]
    public void Explore_UnparsableNumber_NamesNoDotNetType(string option, string value)
    {
        var sut = CliInvocation.Of("explore", "ZooLostUpdate", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.Error, Does.Contain(option).And.Contain("an integer").And.Not.Contain("System."));
        });
    }
}
