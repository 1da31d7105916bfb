using System.Globalization;
using System.Reflection;
using SimHarness.Exploration;
using SimHarness.Scenarios.Gevent;
using SimHarness.Tests.Greenlets.Fidelity;

namespace SimHarness.Tests.Greenlets;

/// <summary>
/// The real libraries are the oracle: each tests/fidelity/*.py program runs under Debian's python3
/// (greenlet 2.0.2, gevent 22.10.2) and its output must equal the canonical run of its C# twin, line
/// for line — for the seed's programs, the scenario itself, with times to the nearest second.
/// </summary>
public class FidelityTests
{
    private static IEnumerable<TestCaseData> SeedPrograms()
    {
        yield return new TestCaseData("greenlet_eat_play", new GreenletEatPlay()).SetName("Seed_greenlet_eat_play_MatchesGreenletEatPlay");
        yield return new TestCaseData("gevent_eat_play", new GeventEatPlay()).SetName("Seed_gevent_eat_play_MatchesGeventEatPlay");
        yield return new TestCaseData("patched_eat_play", new PatchedEatPlay()).SetName("Seed_patched_eat_play_MatchesPatchedEatPlay");
        yield return new TestCaseData("patched_thread_names", new PatchedThreadNames()).SetName("Seed_patched_thread_names_MatchesPatchedThreadNames");
    }

    private static IEnumerable<TestCaseData> RulePrograms() =>
        typeof(FidelityTwins).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => new TestCaseData(SnakeCase(m.Name)).SetName($"Rule_{SnakeCase(m.Name)}_TwinPrintsWhatPythonPrints"));

    [TestCaseSource(nameof(SeedPrograms))]
    public void SeedProgram_CanonicalRun_PrintsWhatPythonPrintsAtTheSameSeconds(string program, Scenario scenario)
    {
        PythonRunner.RequireAvailable();
        var expected = PythonRunner.Output(program, timed: true);
        var sut = BuiltInExecutor.Run(scenario, new CanonicalStrategy()).Record;
        var actual = sut.Output.Select(o => $"{Math.Round(o.Seconds).ToString(CultureInfo.InvariantCulture)}\t{o.Text}").ToArray();
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(RulePrograms))]
    public void RuleProgram_Twin_PrintsWhatPythonPrints(string program)
    {
        PythonRunner.RequireAvailable();
        var expected = PythonRunner.Output(program, timed: false);
        var body = typeof(FidelityTwins).GetMethod(PascalCase(program), BindingFlags.Public | BindingFlags.Static)!;
        var sut = BuiltInExecutor.Run(new TwinScenario(program, sim => (Task)body.Invoke(null, [sim])!), new CanonicalStrategy()).Record;
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Transcript.ToArray(), Is.EqualTo(expected));
    }

    /// <summary>The same rules on the real backend: greenlets run cooperatively on real time and OS threads.</summary>
    [TestCaseSource(nameof(RulePrograms))]
    [Category("Real")]
    public void RuleProgram_TwinOnRealBackend_PrintsWhatPythonPrints(string program)
    {
        PythonRunner.RequireAvailable();
        var expected = PythonRunner.Output(program, timed: false);
        var body = typeof(FidelityTwins).GetMethod(PascalCase(program), BindingFlags.Public | BindingFlags.Static)!;
        var sut = SimHarness.Real.RealExecutor.Run(new TwinScenario(program, sim => (Task)body.Invoke(null, [sim])!), TimeSpan.FromSeconds(30));
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Simulated, Is.False);
        Assert.That(sut.Transcript.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void EveryRuleProgram_HasATwin()
    {
        var programs = Directory.GetFiles(PythonRunner.Directory, "*.py").Select(Path.GetFileNameWithoutExtension)
            .Where(n => n != "timed" && !PythonRunner.SeedPrograms.Contains(n!));
        Assert.That(programs.Where(p => typeof(FidelityTwins).GetMethod(PascalCase(p!)) is null), Is.Empty);
    }

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static string PascalCase(string snake) =>
        string.Concat(snake.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
