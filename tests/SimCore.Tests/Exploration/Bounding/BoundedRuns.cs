using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Exploration.Dpor;
using SimHarness.Shrinking;

namespace SimHarness.Tests.Exploration.Bounding;

/// <summary>Helpers of the preemption-bound tests: runs of a search, and a run's preemptions as <c>shrink</c> counts them.</summary>
internal static class BoundedRuns
{
    /// <summary>The preemptions of the run <paramref name="decisions"/> take, counted by shrink's own strategy (<see cref="ChoiceStrategy"/>) on a replay.</summary>
    public static int Preemptions(ScenarioInfo info, IReadOnlyDictionary<string, object> values, IReadOnlyList<Decision> decisions)
    {
        var counter = new ChoiceStrategy(new ReplayStrategy(decisions));
        BuiltInExecutor.Run(info.Create(values), counter);
        Assert.That(counter.Diverged, Is.False, "the run replays");
        return counter.Size.Preemptions;
    }

    /// <summary>The decision lists of every finished run of a search without the reduction (bounded when <paramref name="bound"/> is given), in the order made.</summary>
    public static List<string> Runs(ScenarioInfo info, IReadOnlyDictionary<string, object> values, int? bound, out List<IReadOnlyList<Decision>> decisions, int cap = 50_000)
    {
        var sut = new DporStrategy(reduction: false) { PreemptionBound = bound };
        sut.Start();
        var keys = new List<string>();
        decisions = [];
        do
        {
            var run = BuiltInExecutor.Run(info.Create(values), sut);
            if (!run.Pruned)
            {
                keys.Add(Key(run.Decisions));
                decisions.Add(run.Decisions);
            }

            Assert.That(keys, Has.Count.LessThan(cap), "the search finishes at these parameters");
        }
        while (sut.NextRun());

        return keys;
    }

    /// <summary>A decision list as text: <c>T0 T1 V2 ...</c>.</summary>
    public static string Key(IReadOnlyList<Decision> decisions) =>
        string.Join(' ', decisions.Select(d => (d.Kind == DecisionKind.Thread ? "T" : "V") + d.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
