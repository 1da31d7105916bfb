using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Real;
using SimHarness.Scenarios.Vocabulary;

namespace SimHarness.Tests.Vocabulary;

/// <summary>
/// <see cref="WorkerPoolDeath"/>: CPython's rule for uncaught exceptions explored exhaustively. The
/// outcomes explore finds are exactly those of a brute-force model of the program (every
/// interleaving of the two workers' atomic steps), the ones with a dead worker among them, and the
/// outcomes CPython produces (sampled) are among them.
/// </summary>
public class WorkerPoolDeathTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(WorkerPoolDeath).Assembly]);

    private static readonly string[] s_items = ["a", "b", "c", "", ""];

    [Test]
    public void Explore_TwoWorkers_FindsExactlyTheModelsOutcomesWithAndWithoutTheDeadWorker()
    {
        var expected = ModelOutcomes();

        var sut = Explore();

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Violations, Is.Empty, "the invariants hold in every interleaving");
        Assert.That(sut.Outcomes.Select(o => string.Join('\n', o.Output)), Is.EquivalentTo(expected));
        Assert.That(sut.Outcomes.Count(o => o.Output.Contains("[stderr] KeyError: 'a'")), Is.GreaterThan(0).And.LessThan(sut.Outcomes.Count));
    }

    [Test]
    public void Explore_DeadWorker_HasItsTracebackOnStderrAndTheSurvivorDidTheRest()
    {
        var sut = Explore().Outcomes.Select(o => o.Output).Where(o => o.Contains("[stderr] KeyError: 'a'")).ToList();

        Assert.That(sut, Is.Not.Empty);
        Assert.That(sut, Has.All.Matches<IReadOnlyList<string>>(o =>
            o[^1] == "results: [('a', 1), ('c', 3)]" &&
            o.Count(l => l.EndsWith(" did a", StringComparison.Ordinal)) == 1 &&
            o.Count(l => l.EndsWith(" did c", StringComparison.Ordinal)) == 1 &&
            !o.Any(l => l.EndsWith(" did b", StringComparison.Ordinal))));
    }

    [Test]
    public void CPython_SampledRuns_AreAmongTheExploredOutcomes()
    {
        var explored = Explore().Outcomes.Select(o => Streams(o.Output)).ToHashSet();

        for (var i = 0; i < 10; i++)
        {
            var (stdout, stderr) = RunPython();
            Assert.That(explored, Does.Contain((string.Join('\n', stdout), string.Join('\n', stderr))), $"CPython run {i} printed an outcome explore did not find");
        }
    }

    [Test]
    [Category("Real")]
    public void Run_Real_HoldsTheInvariants()
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(WorkerPoolDeath));

        var sut = RealExecutor.Run(info.Create(info.ResolveParams(null)), TimeSpan.FromSeconds(20));

        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Transcript.Last(), Does.StartWith("results: "));
    }

    [Test]
    public void Explore_UnderCoyote_FindsOnlyModelOutcomes()
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(WorkerPoolDeath));

        var sut = Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { Strategy = "coyote-random", Iterations = 40, Seed = 1, TracesDirectory = null, MaxOutcomes = int.MaxValue });

        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Outcomes.Select(o => string.Join('\n', o.Output)), Is.SubsetOf(ModelOutcomes()));
    }

    private static ExplorationReport Explore()
    {
        var info = ScenarioCatalog.Find(s_catalog, nameof(WorkerPoolDeath));
        return Explorer.Explore(info, info.ResolveParams(null), new ExplorationOptions { TracesDirectory = null, MaxOutcomes = int.MaxValue });
    }

    private static (string Stdout, string Stderr) Streams(IReadOnlyList<string> transcript) =>
        (string.Join('\n', transcript.Where(l => !l.StartsWith(OutputLine.StderrPrefix, StringComparison.Ordinal))),
         string.Join('\n', transcript.Where(l => l.StartsWith(OutputLine.StderrPrefix, StringComparison.Ordinal)).Select(l => l[OutputLine.StderrPrefix.Length..])));

    private static (string[] Stdout, string[] Stderr) RunPython()
    {
        CPython.RequireAvailable();
        var directory = Path.Combine(RepoPaths.Root, "tests", "fidelity", "threading");
        var (code, stdout, stderr) = PythonProcess.RunAsync("python3", directory, ["worker_pool_death.py"], TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        Assert.That(code, Is.Zero, stderr);
        static string[] Lines(string s) => s.Length == 0 ? [] : s.TrimEnd('\n').Split('\n');
        return (Lines(stdout), Lines(stderr).Where(l => !l.StartsWith("  ", StringComparison.Ordinal)).ToArray());
    }

    /// <summary>
    /// Every transcript of the program by brute force: all interleavings of the two workers' atomic
    /// steps (get; then a: store a, print; b: look up a, and die with a traceback if it is missing, else
    /// store b, print; c: store c, print; the stop marker ends the worker), then main's results line.
    /// Main queues every job before starting the workers, and may start the second at any point of
    /// the first's run, so every interleaving of the two is possible.
    /// </summary>
    private static HashSet<string> ModelOutcomes()
    {
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        var workers = new[] { new Worker("Thread-1 (worker)"), new Worker("Thread-2 (worker)") };
        Explore(new Model(0, false, false, false, []), workers, outcomes);
        return outcomes;
    }

    private static void Explore(Model m, Worker[] ws, HashSet<string> outcomes)
    {
        var any = false;
        for (var i = 0; i < ws.Length; i++)
        {
            if (ws[i].Done)
            {
                continue;
            }

            any = true;
            var copy = ws.Select(w => w with { }).ToArray();
            Explore(Step(m, copy, i), copy, outcomes);
        }

        if (!any)
        {
            var results = new List<string>();
            if (m.A)
            {
                results.Add("('a', 1)");
            }

            if (m.B)
            {
                results.Add("('b', 2)");
            }

            if (m.C)
            {
                results.Add("('c', 3)");
            }

            outcomes.Add(string.Join('\n', m.Transcript.Append($"results: [{string.Join(", ", results)}]")));
        }
    }

    /// <summary>One atomic step of worker <paramref name="i"/>.</summary>
    private static Model Step(Model m, Worker[] ws, int i)
    {
        var w = ws[i];
        switch (w.Pc)
        {
            case 0:
                var job = s_items[m.Next];
                ws[i] = w with { Job = job, Pc = job.Length == 0 ? -1 : 1 };
                return m with { Next = m.Next + 1 };
            case 1 when w.Job == "a":
                ws[i] = w with { Pc = 3 };
                return m with { A = true };
            case 1 when w.Job == "b":
                ws[i] = w with { Pc = m.A ? 2 : 4 };
                return m;
            case 1:
                ws[i] = w with { Pc = 3 };
                return m with { C = true };
            case 2:
                ws[i] = w with { Pc = 3 };
                return m with { B = true };
            case 3:
                ws[i] = w with { Pc = 0 };
                return m with { Transcript = [.. m.Transcript, $"{w.Name} did {w.Job}"] };
            default:
                ws[i] = w with { Pc = -1 };
                return m with { Transcript = [.. m.Transcript, $"[stderr] Exception in thread {w.Name}:", "[stderr] Traceback (most recent call last):", "[stderr] KeyError: 'a'"] };
        }
    }

    /// <summary>Shared state: the next queue item, which results are stored, the transcript so far.</summary>
    private sealed record Model(int Next, bool A, bool B, bool C, IReadOnlyList<string> Transcript);

    /// <summary>A worker: its step counter (0 get, 1 first job step, 2 store b, 3 print, 4 die, -1 done) and job.</summary>
    private sealed record Worker(string Name, int Pc = 0, string Job = "")
    {
        public bool Done => Pc < 0;
    }
}
