namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so the harness's types win over System.Threading's.
using SimHarness.Threading;

/// <summary>
/// Python's <c>threading</c> record of threads: is_alive, ident, native_id, get_ident,
/// main_thread, enumerate, active_count.
/// </summary>
/// <remarks>The twin of tests/fidelity/threading_api.py, call for call; every line is the same under every schedule.</remarks>
public sealed class ThreadingApi : Scenario
{
    /// <inheritdoc />
    public override string Description => "threading's record as CPython 3.11 prints it: is_alive, ident, native_id, get_ident, main_thread, enumerate, active_count";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        await RegistryAsync(sim);
    }

    private static async Task RegistryAsync(ISim sim)
    {
        var go = sim.NewEvent();
        var idents = new List<bool>();
        async Task waiter()
        {
            idents.Add(sim.GetIdent() == await sim.CurrentThread.IdentAsync());
            await go.WaitAsync();
        }

        var w = await sim.CreateThreadAsync(waiter);
        await sim.PrintAsync($"{PyLines.Bool(await w.IsAliveAsync())} {PyLines.None(await w.IdentAsync())} {PyLines.None(await w.NativeIdAsync())}");
        await w.StartAsync();
        await sim.PrintAsync($"{PyLines.Bool(await w.IsAliveAsync())} {PyLines.Bool(await w.IdentAsync() is not null)} {PyLines.Bool(await w.NativeIdAsync() is not null)} {PyLines.Bool(await w.IdentAsync() != sim.GetIdent())}");
        await sim.PrintAsync($"{PyLines.Bool(ReferenceEquals(sim.MainThread, sim.CurrentThread))} {sim.MainThread.Name}");
        await sim.PrintAsync($"{PyLines.Names(await sim.EnumerateAsync())} {await sim.ActiveCountAsync()}");
        await go.SetAsync();
        await w.JoinAsync();
        await sim.PrintAsync($"{PyLines.Bool(await w.IsAliveAsync())} [{string.Join(", ", idents.Select(PyLines.Bool))}] {PyLines.Names(await sim.EnumerateAsync())} {await sim.ActiveCountAsync()}");
    }
}
