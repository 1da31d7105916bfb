using FsCheck;
using FsCheck.Fluent;

namespace SimHarness.Tests.Properties;

/// <summary>The property helper itself: a failing property reports the shrunk parameters, the witness trace and its replay command.</summary>
public class ScenarioPropertyTests
{
    private static readonly string[] s_lostUpdate = ["counter = 1"];
    private static readonly string[] s_shrinks = ["a=1;b=1", "a=2;b=1", "a=3;b=0", "a=3;b=0.5"];

    [Test]
    public void ForAll_FailingProperty_ReportsShrunkParamsTraceAndReplayCommand()
    {
        var cases = ScenarioGen.Axes("ZooLostUpdate", ParamAxis.Ints("threads", 1, 3), ParamAxis.Ints("increments", 1, 3));
        var sut = ScenarioProperty.HoldsItsInvariants(cases);

        var failure = Assert.Throws(Is.InstanceOf<Exception>(), () => Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), sut))!;

        Assert.That(failure.Message, Does.Contain("case: ZooLostUpdate --param \"increments=1;threads=2\""), "shrunk to the smallest failing case");
        Assert.That(failure.Message, Does.Contain("fails: no-lost-update:"));
        var trace = failure.Message.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("trace: ", StringComparison.Ordinal))["trace: ".Length..];
        Assert.That(File.Exists(trace), Is.True, trace);
        Assert.That(failure.Message, Does.Contain($"replay: dotnet run --project src/SimHarness -c Release -- replay \"{trace}\""));
    }

    [Test]
    public void ForAll_WitnessPredicate_PicksTheTraceOfAMatchingTranscript()
    {
        var cases = Arb.From(Gen.Constant(new ScenarioCase("ZooLostUpdate", new Dictionary<string, string> { ["threads"] = "2" })));
        var sut = ScenarioProperty.ForAll(cases, (_, r) => Verdict.Require(false, "show me a lost update", o => o.Contains("counter = 1")));

        var failure = Assert.Throws(Is.InstanceOf<Exception>(), () => Check.One(Config.QuickThrowOnFailure.WithMaxTest(1), sut))!;

        var trace = failure.Message.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("trace: ", StringComparison.Ordinal))["trace: ".Length..];
        Assert.That(SimHarness.Tracing.TraceJson.Load(trace).Output.Select(o => o.Text), Is.EqualTo(s_lostUpdate));
    }

    [Test]
    public void Axes_Shrinking_MovesOneAxisTowardsItsFirstValue()
    {
        var cases = ScenarioGen.Axes("X", ParamAxis.Ints("a", 1, 3), ParamAxis.Seconds("b", 0, 1, 0.5m));
        var start = new ScenarioCase("X", new Dictionary<string, string> { ["a"] = "3", ["b"] = "1" });

        var sut = cases.Shrinker(start).Select(c => c.ParamText).ToArray();

        Assert.That(sut, Is.EqualTo(s_shrinks));
    }

    [Test]
    public void Under_FailingFaultPlan_ShrinksTheScenarioParamsAndThePlan()
    {
        var cases = FaultPlanGen.Under(ScenarioGen.Axes("ZooRecvAsMessage", ParamAxis.Ints("messages", 1, 2)), FaultPlanGen.Plans(maxSegments: 2, maxFaults: 1));
        var sut = ScenarioProperty.HoldsItsInvariants(cases);

        var failure = Assert.Throws(Is.InstanceOf<Exception>(), () => Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), sut))!;

        Assert.That(failure.Message, Does.Contain("case: ZooRecvAsMessage --param \"messages=1;segments=1\""));
        Assert.That(failure.Message, Does.Contain("fails: one-message-per-send:"));
    }
}
