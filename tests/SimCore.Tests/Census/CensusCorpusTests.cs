using SimHarness.Catalog;
using SimHarness.Census;
using SimHarness.Exploration;
using SimHarness.Scenarios.Threading;

namespace SimHarness.Tests.Census;

/// <summary>Every scenario of the catalog is gated against its checked-in census, traces/&lt;Scenario&gt;.census.json.</summary>
public class CensusCorpusTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EventCheckConnect).Assembly]);

    private static IEnumerable<TestCaseData> Scenarios() =>
        s_catalog.Select(s => new TestCaseData(s.Name).SetName($"Census({s.Name})"));

    [TestCaseSource(nameof(Scenarios))]
    public void Explore_AtCensusParams_FindsExactlyTheCensusOutcomes(string scenario)
    {
        var file = Path.Combine(RepoPaths.Traces, CensusJson.FileName(scenario));
        if (!File.Exists(file))
        {
            Assert.Fail($"scenario {scenario} has no census: write traces/{CensusJson.FileName(scenario)} with " +
                $"`dotnet run --project src/SimHarness -- explore {scenario} --census traces/ --census-update` " +
                "(add --param for sizes whose exhaustive exploration takes well under a second)");
        }

        var census = CensusJson.Load(file);
        var info = ScenarioCatalog.Find(s_catalog, scenario);

        var report = Explorer.Explore(info, info.ResolveParams(census.Params),
            new ExplorationOptions { TracesDirectory = null, MaxOutcomes = int.MaxValue });
        var sut = census.Compare(OutcomeCensus.From(report));

        Assert.Multiple(() =>
        {
            Assert.That(census.Scenario, Is.EqualTo(scenario));
            Assert.That(sut.IsEmpty, Is.True, $"{scenario} differs from its census; if intended, rerun --census-update:\n" + string.Join("\n", sut.Lines()));
        });
    }

    [TestCaseSource(nameof(Scenarios))]
    public void Census_File_IsSortedAndHasNoDuplicates(string scenario)
    {
        var file = Path.Combine(RepoPaths.Traces, CensusJson.FileName(scenario));
        Assume.That(File.Exists(file), "the gating test reports the missing census");

        var sut = CensusJson.Load(file);
        var keys = sut.Outcomes.Select(o => string.Join('\n', o)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.Unique);
            Assert.That(sut.Outcomes.Select(o => o.Count > 0 ? o[0] : ""), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(sut.Violations, Is.Unique);
        });
    }
}
