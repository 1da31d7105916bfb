using FsCheck;

namespace SimHarness.Tests.Properties;

/// <summary>The zoo's fixed twins hold, and its bugs show up exactly where their logic says, for generated sizes.</summary>
public class ZooProperties
{
    [FsCheck.NUnit.Property(MaxTest = 10)]
    public Property LostUpdateFixed_AnySmallSize_NeverLosesAnUpdate() =>
        ScenarioProperty.HoldsItsInvariants(ScenarioGen.Axes("ZooLostUpdateFixed", ParamAxis.Ints("threads", 1, 2), ParamAxis.Ints("increments", 1, 2)));

    [FsCheck.NUnit.Property(MaxTest = 10)]
    public Property LostUpdate_OneIncrementEach_LosesAnUpdateExactlyWhenTwoOrMoreThreadsRun() =>
        ScenarioProperty.ForAll(ScenarioGen.Axes("ZooLostUpdate", ParamAxis.Ints("threads", 1, 3)), (c, r) =>
        {
            var expected = int.Parse(c.Params["threads"], System.Globalization.CultureInfo.InvariantCulture) >= 2;
            var lost = r.Violations.Any(v => v.Invariant == "no-lost-update");
            return Verdict.Require(lost == expected && (lost || r.Complete), $"lost update found: {lost}, expected: {expected}");
        });

    [FsCheck.NUnit.Property(MaxTest = 10)]
    public Property CheckThenActFixed_AnyNumberOfWorkers_InitialisesOnce() =>
        ScenarioProperty.HoldsItsInvariants(ScenarioGen.Axes("ZooCheckThenActFixed", ParamAxis.Ints("workers", 1, 3)));

    [FsCheck.NUnit.Property(MaxTest = 10)]
    public Property TimeoutRaceFixed_AnyTimeoutAndDelay_OutcomesAgree() =>
        ScenarioProperty.HoldsItsInvariants(ScenarioGen.Axes("ZooTimeoutRaceFixed", ParamAxis.Seconds("waitTimeout", 0.5m, 2, 0.5m), ParamAxis.Seconds("delay", 0, 2, 0.5m)));

    [FsCheck.NUnit.Property(MaxTest = 10)]
    public Property TimeoutRace_AnyTimeoutAndDelay_LosesTheResultExactlyAtATie() =>
        ScenarioProperty.ForAll(ScenarioGen.Axes("ZooTimeoutRace", ParamAxis.Seconds("waitTimeout", 0.5m, 2, 0.5m), ParamAxis.Seconds("delay", 0.5m, 2, 0.5m)), (c, r) =>
        {
            var tie = decimal.Parse(c.Params["waitTimeout"], System.Globalization.CultureInfo.InvariantCulture) == decimal.Parse(c.Params["delay"], System.Globalization.CultureInfo.InvariantCulture);
            var lost = r.Violations.Any(v => v.Invariant == "outcome-agrees");
            return Verdict.Require(r.Complete && lost == tie, $"result lost: {lost}, tie: {tie}");
        });

    [FsCheck.NUnit.Property(MaxTest = 10)]
    public Property DeadSwitchFixed_AnyNumberOfRequests_AnswersEveryRequest() =>
        ScenarioProperty.HoldsItsInvariants(ScenarioGen.Axes("ZooDeadSwitchFixed", ParamAxis.Ints("requests", 1, 4)));
}
