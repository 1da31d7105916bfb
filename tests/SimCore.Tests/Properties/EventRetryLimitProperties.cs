using FsCheck;

namespace SimHarness.Tests.Properties;

/// <summary>
/// EventRetryLimit's behaviour, stated from its logic and checked for generated parameters in every
/// interleaving. A connect thread looks at the event at times 0, T, 2T, ..., A x T (A attempts of
/// T seconds each, every wait either timing out or cut short by the set) and gives up after its
/// last look; the check thread sets the event at D. So a thread connects for sure when D &lt; A x T;
/// at D = A x T its last look and the set happen at the same virtual instant, in either order; when
/// D &gt; A x T it always gives up.
/// </summary>
public class EventRetryLimitProperties
{
    private const string Connects = "开始连接...";
    private const string GivesUp = "尝试的次数过多,请稍后重试";

    [FsCheck.NUnit.Property(MaxTest = 20)]
    public Property SomeThreadConnectsInSomeInterleaving_ExactlyWhenDelayAtMostPatience() =>
        ScenarioProperty.ForAll(RetryLimitGen.Cases, c => c.ToCase(), (c, report) =>
        {
            var expected = c.CheckDelay <= c.Patience;
            var actual = report.Outcomes.Any(o => ConnectCount(o.Output) > 0);
            return Verdict.Require(
                report.Complete && actual == expected,
                !report.Complete ? "exploration incomplete"
                    : expected ? $"checkDelay {ParamAxis.Format(c.CheckDelay)} <= attempts x waitTimeout = {ParamAxis.Format(c.Patience)}, yet no interleaving connects"
                    : $"checkDelay {ParamAxis.Format(c.CheckDelay)} > attempts x waitTimeout = {ParamAxis.Format(c.Patience)}, yet a thread connects",
                expected ? null : o => ConnectCount(o) > 0);
        });

    [FsCheck.NUnit.Property(MaxTest = 20)]
    public Property EveryThreadConnectsInEveryInterleaving_ExactlyWhenDelayBelowPatience() =>
        ScenarioProperty.ForAll(RetryLimitGen.Cases, c => c.ToCase(), (c, report) =>
        {
            var expected = c.CheckDelay < c.Patience;
            var actual = report.Outcomes.All(o => ConnectCount(o.Output) == c.Threads);
            return Verdict.Require(
                report.Complete && actual == expected,
                !report.Complete ? "exploration incomplete"
                    : expected ? $"checkDelay {ParamAxis.Format(c.CheckDelay)} < attempts x waitTimeout = {ParamAxis.Format(c.Patience)}, yet some thread does not connect"
                    : $"checkDelay {ParamAxis.Format(c.CheckDelay)} >= attempts x waitTimeout = {ParamAxis.Format(c.Patience)}, yet every thread connects in every interleaving",
                o => ConnectCount(o) < c.Threads);
        });

    [FsCheck.NUnit.Property(MaxTest = 20)]
    public Property EveryThreadGivesUpInEveryInterleaving_ExactlyWhenDelayAbovePatience() =>
        ScenarioProperty.ForAll(RetryLimitGen.Cases, c => c.ToCase(), (c, report) =>
        {
            var expected = c.CheckDelay > c.Patience;
            var actual = report.Outcomes.All(o => o.Output.Count(l => l == GivesUp) == c.Threads && ConnectCount(o.Output) == 0);
            return Verdict.Require(
                report.Complete && actual == expected,
                !report.Complete ? "exploration incomplete"
                    : expected ? $"checkDelay {ParamAxis.Format(c.CheckDelay)} > attempts x waitTimeout = {ParamAxis.Format(c.Patience)}, yet some thread does not give up"
                    : $"checkDelay {ParamAxis.Format(c.CheckDelay)} <= attempts x waitTimeout = {ParamAxis.Format(c.Patience)}, yet every thread gives up in every interleaving",
                o => o.Count(l => l == GivesUp) < c.Threads);
        });

    [FsCheck.NUnit.Property(MaxTest = 20)]
    public Property EveryCase_HoldsItsOwnInvariants() =>
        ScenarioProperty.ForAll(RetryLimitGen.Cases, c => c.ToCase(), (_, report) =>
            Verdict.Require(report.Violations.Count == 0, report.Violations.Count == 0 ? "" : report.Violations[0].Message));

    private static int ConnectCount(IReadOnlyList<string> transcript) =>
        transcript.Count(l => l.EndsWith(Connects, StringComparison.Ordinal));
}
