using FsCheck;
using FsCheck.Fluent;
using SimHarness.Catalog;

namespace SimHarness.Tests.Properties;

/// <summary>Generators of fault plans, and of scenario cases run under one.</summary>
internal static class FaultPlanGen
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog =
        ScenarioCatalog.Discover([typeof(Scenarios.Threading.EventRetryLimit).Assembly]);

    /// <summary>Plans with up to <paramref name="maxSegments"/> segmentation choices and <paramref name="maxFaults"/> faults; shrinking removes choices.</summary>
    public static Arbitrary<FaultPlan> Plans(int maxSegments, int maxFaults) => Arb.From(
        from segments in Gen.Choose(0, maxSegments)
        from faults in Gen.Choose(0, maxFaults)
        select new FaultPlan(segments, faults),
        Shrink);

    /// <summary>Cases of <paramref name="cases"/> each run under a plan of <paramref name="plans"/>; both shrink.</summary>
    public static Arbitrary<ScenarioCase> Under(Arbitrary<ScenarioCase> cases, Arbitrary<FaultPlan> plans) =>
        Arb.Zip(cases, plans).Convert(
            x => x.Item2.ApplyTo(x.Item1, ScenarioCatalog.Find(s_catalog, x.Item1.Scenario)),
            c => (c, new FaultPlan(Int(c, "segments"), Int(c, "faults"))));

    private static IEnumerable<FaultPlan> Shrink(FaultPlan p)
    {
        if (p.Faults > 0)
        {
            yield return p with { Faults = 0 };
            yield return p with { Faults = p.Faults - 1 };
        }

        if (p.Segments > 0)
        {
            yield return p with { Segments = 0 };
            yield return p with { Segments = p.Segments - 1 };
        }
    }

    private static int Int(ScenarioCase c, string name) =>
        c.Params.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
