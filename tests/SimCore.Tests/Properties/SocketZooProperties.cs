using FsCheck;

namespace SimHarness.Tests.Properties;

/// <summary>The socket zoo under generated fault plans: each fix holds whatever the network does within its budgets, each bug needs exactly what its logic says.</summary>
public class SocketZooProperties
{
    private static readonly FsCheck.Arbitrary<FaultPlan> s_plans = FaultPlanGen.Plans(maxSegments: 2, maxFaults: 2);

    [FsCheck.NUnit.Property(MaxTest = 8)]
    public Property RecvAsMessageFixed_AnyFaultPlan_ReadsEveryMessageWhole() =>
        ScenarioProperty.HoldsItsInvariants(FaultPlanGen.Under(ScenarioGen.Axes("ZooRecvAsMessageFixed", ParamAxis.Ints("messages", 1, 2)), s_plans));

    [FsCheck.NUnit.Property(MaxTest = 8)]
    public Property RecvAsMessage_AnyFaultPlan_BreaksMessagesExactlyWhenTheStreamMaySplit() =>
        ScenarioProperty.ForAll(FaultPlanGen.Under(ScenarioGen.Axes("ZooRecvAsMessage", ParamAxis.Ints("messages", 1, 2)), s_plans), (c, r) =>
        {
            var maySplit = c.Params["segments"] != "0";
            var broken = r.Violations.Any(v => v.Invariant == "one-message-per-send");
            return Verdict.Require(broken == maySplit && (broken || r.Complete), $"messages broken: {broken}; segmentation allowed: {maySplit}");
        });

    [FsCheck.NUnit.Property(MaxTest = 8)]
    public Property ResetKillsServerFixed_AnyFaultPlan_ServerOutlivesEveryFault() =>
        ScenarioProperty.HoldsItsInvariants(FaultPlanGen.Under(ScenarioGen.Axes("ZooResetKillsServerFixed", ParamAxis.Ints("clients", 1, 1)), s_plans));

    [FsCheck.NUnit.Property(MaxTest = 8)]
    public Property ResetKillsServer_AnyFaultPlan_DiesExactlyWhenAFaultIsAllowed() =>
        ScenarioProperty.ForAll(FaultPlanGen.Under(ScenarioGen.Axes("ZooResetKillsServer", ParamAxis.Ints("clients", 1, 1)), s_plans), (c, r) =>
        {
            var mayFault = c.Params["faults"] != "0";
            var dies = r.Violations.Any(v => v.Invariant == "uncaught-exception");
            return Verdict.Require(dies == mayFault && (dies || r.Complete), $"server died: {dies}; faults allowed: {mayFault}");
        });
}
