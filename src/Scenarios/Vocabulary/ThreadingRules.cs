namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so the harness's types win over System.Threading's.
using SimHarness.Threading;

/// <summary>
/// Python's <c>threading</c> as CPython 3.11 prints it: the errors of misuse, thread names, daemon
/// inheritance and <c>TIMEOUT_MAX</c>.
/// </summary>
/// <remarks>
/// The twin of tests/fidelity/threading_rules.py, call for call. Every line is the same under
/// every schedule, so exploring it finds one outcome. Lower-case local functions are the Python
/// program's targets: their names are what CPython prints in <c>Thread-N (target)</c>.
/// </remarks>
public sealed class ThreadingRules : Scenario
{
    /// <inheritdoc />
    public override string Description => "threading as CPython 3.11 prints it: RuntimeError/ValueError of misuse, Thread-N names, daemon inheritance, TIMEOUT_MAX";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var first = await ErrorsAsync(sim);
        await NamesAndDaemonsAsync(sim);
        await TimeoutMaxAsync(sim, first);
    }

    private static Task Noop() => Task.CompletedTask;

    private static async Task<SimThread> ErrorsAsync(ISim sim)
    {
        var t = await sim.CreateThreadAsync(Noop, "noop");
        await PyLines.Err(sim, () => t.JoinAsync());
        await t.StartAsync();
        await t.JoinAsync();
        await PyLines.Err(sim, () => t.StartAsync());
        await PyLines.Err(sim, () =>
        {
            t.IsDaemon = true;
            return Task.CompletedTask;
        });
        await PyLines.Err(sim, () => sim.CurrentThread.JoinAsync());
        await PyLines.Err(sim, () => sim.SleepAsync(-1));
        return t;
    }

    private static async Task NamesAndDaemonsAsync(ISim sim)
    {
        static Task noop() => Task.CompletedTask;
        await sim.PrintAsync((await sim.CreateThreadAsync(noop, name: "")).Name);
        await sim.PrintAsync((await sim.CreateThreadAsync(() => Task.CompletedTask)).Name);
        await sim.PrintAsync((await sim.CreateThreadAsync()).Name);
        await sim.PrintAsync((await sim.CreateThreadAsync(noop, name: "worker")).Name);
        await sim.PrintAsync((await sim.CreateThreadAsync(noop)).Name);

        var seen = new List<bool>();
        async Task child() => seen.Add(sim.CurrentThread.IsDaemon);
        async Task parent()
        {
            var c = await sim.CreateThreadAsync(child);
            seen.Add(c.IsDaemon);
            await c.StartAsync();
            await c.JoinAsync();
        }

        var p = await sim.CreateThreadAsync(parent, daemon: true);
        await p.StartAsync();
        await p.JoinAsync();
        await sim.PrintAsync($"[{string.Join(", ", seen.Select(PyLines.Bool))}] {PyLines.Bool((await sim.CreateThreadAsync(noop)).IsDaemon)}");
    }

    private static async Task TimeoutMaxAsync(ISim sim, SimThread finished)
    {
        var big = ThreadingModule.TimeoutMax + 1;
        await sim.PrintAsync(ThreadingModule.TimeoutMax.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        var lk = sim.NewLock();
        await PyLines.Err(sim, async () => PyLines.Bool(await lk.AcquireAsync(timeout: big)));
        await PyLines.Err(sim, async () => PyLines.Bool(await lk.AcquireAsync(timeout: ThreadingModule.TimeoutMax)));
        await PyLines.Err(sim, () => sim.SleepAsync(big));
        var cond = sim.NewCondition(lk);
        await PyLines.Err(sim, async () => PyLines.Bool(await cond.WaitAsync(big)));
        await sim.PrintAsync(PyLines.Bool(await lk.LockedAsync()));
        await lk.ReleaseAsync();
        await PyLines.Err(sim, async () => PyLines.Bool(await sim.NewSemaphore(0).AcquireAsync(timeout: big)));
        await PyLines.Err(sim, async () => PyLines.Bool(await sim.NewSemaphore(1).AcquireAsync(timeout: big)));
        var ev = sim.NewEvent();
        await PyLines.Err(sim, async () => PyLines.Bool(await ev.WaitAsync(big)));
        await ev.SetAsync();
        await PyLines.Err(sim, async () => PyLines.Bool(await ev.WaitAsync(big)));
        await PyLines.Err(sim, () => finished.JoinAsync(big));
    }
}
