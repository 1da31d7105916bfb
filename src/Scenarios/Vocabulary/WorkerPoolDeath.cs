namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so Queue is the harness's and not System.Collections.Generic's.
using SimHarness.Threading;

/// <summary>
/// A worker pool under CPython's rule for uncaught exceptions: job b needs job a's result, and a
/// worker that takes b before a's result is in dies of a <see cref="KeyError"/> (excepthook prints
/// its traceback on stderr) while the other worker carries on with the remaining jobs.
/// </summary>
/// <remarks>
/// The twin of tests/fidelity/threading/worker_pool_death.py. Main queues jobs a, b, c and one
/// stop marker per worker, starts the workers, joins them and prints the results. The results
/// dictionary is one <see cref="SharedValue{T}"/> per key: a store or a lookup of one key is one
/// atomic step, as CPython's dictionary operations are. The invariants judge the survivors' output:
/// every job is reported done exactly once except b when a worker died of it, and the results main
/// prints are exactly the jobs reported done.
/// </remarks>
public sealed class WorkerPoolDeath : Scenario
{
    internal const string ResultsPrefix = "results: ";

    private static readonly string[] s_jobs = ["a", "b", "c"];

    /// <inheritdoc />
    public override string Description => "threading.excepthook in a worker pool: a worker that takes job b before job a's result is in dies of KeyError, the other carries on";

    /// <summary>Worker threads.</summary>
    [Param("worker threads")]
    public int Workers { get; set; } = 2;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        sim.UncaughtExceptions = UncaughtExceptions.Excepthook;
        var results = s_jobs.ToDictionary(j => j, j => sim.NewValue<int?>(null, $"results[{j}]"));
        var jobs = sim.NewQueue<string?>();
        foreach (var job in s_jobs.Concat(Enumerable.Repeat<string?>(null, Workers)))
        {
            await jobs.PutAsync(job);
        }

        async Task worker()
        {
            var name = sim.CurrentThread.Name;
            while (await jobs.GetAsync() is { } job)
            {
                switch (job)
                {
                    case "a":
                        await results["a"].WriteAsync(1);
                        break;
                    case "b":
                        var a = await results["a"].ReadAsync() ?? throw new KeyError("a");
                        await results["b"].WriteAsync(a + 1);
                        break;
                    default:
                        await results["c"].WriteAsync(3);
                        break;
                }

                await sim.PrintAsync($"{name} did {job}");
            }
        }

        var workers = new List<SimThread>();
        for (var i = 0; i < Workers; i++)
        {
            workers.Add(await sim.CreateThreadAsync(worker));
        }

        foreach (var w in workers)
        {
            await w.StartAsync();
        }

        foreach (var w in workers)
        {
            await w.JoinAsync();
        }

        var items = new List<string>();
        foreach (var job in s_jobs)
        {
            if (await results[job].ReadAsync() is { } value)
            {
                items.Add($"('{job}', {value})");
            }
        }

        await sim.PrintAsync($"{ResultsPrefix}[{string.Join(", ", items)}]");
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        new("jobs-accounted", "every job is reported done exactly once, except b when a worker died of KeyError: 'a' (one traceback on stderr)", JobsAccounted) { ReadsOutputOnly = true },
        new("results-agree", "main's results are exactly the jobs reported done", ResultsAgree) { ReadsOutputOnly = true },
    ];

    private static IEnumerable<string> Done(RunRecord r) =>
        r.Output.Where(o => !o.IsStderr && o.Text.Contains(" did ", StringComparison.Ordinal)).Select(o => o.Text[(o.Text.LastIndexOf(' ') + 1)..]);

    private static string? JobsAccounted(RunRecord r)
    {
        var deaths = r.Stderr.Count(l => l.StartsWith("Exception in thread ", StringComparison.Ordinal));
        var keyErrors = r.Stderr.Count(l => l == "KeyError: 'a'");
        if (deaths != keyErrors || deaths > 1)
        {
            return $"{deaths} traceback(s) on stderr, {keyErrors} of them KeyError: 'a'";
        }

        var done = Done(r).ToList();
        foreach (var job in s_jobs)
        {
            var expected = job == "b" && deaths == 1 ? 0 : 1;
            var n = done.Count(d => d == job);
            if (n != expected)
            {
                return $"job {job} reported done {n} time(s), expected {expected} ({deaths} worker(s) died)";
            }
        }

        return null;
    }

    private static string? ResultsAgree(RunRecord r)
    {
        var line = r.Transcript.LastOrDefault(l => l.StartsWith(ResultsPrefix, StringComparison.Ordinal));
        var expected = ResultsPrefix + "[" + string.Join(", ", s_jobs.Where(Done(r).Contains).Select(j => $"('{j}', {Value(j)})")) + "]";
        return line == expected ? null : $"main printed {line ?? "nothing"}, the jobs done say {expected}";
    }

    private static int Value(string job) => job switch
    {
        "a" => 1,
        "b" => 2,
        _ => 3,
    };
}
