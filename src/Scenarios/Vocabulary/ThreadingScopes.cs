namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so the harness's types win over System.Threading's.
using SimHarness.Threading;

/// <summary>
/// Python's <c>threading</c> classes beyond <c>Thread(target)</c>: a Thread subclass that overrides
/// run, a thread without a target, <c>local</c>, <c>with lock:</c> (<c>await using</c>), and
/// <c>Condition.wait_for</c> over a <see cref="SharedValue{T}"/> another thread changes.
/// </summary>
/// <remarks>The twin of tests/fidelity/threading/threading_scopes.py, call for call; every line is the same under every schedule.</remarks>
public sealed class ThreadingScopes : Scenario
{
    /// <inheritdoc />
    public override string Description => "threading as CPython 3.11 prints it: Thread subclass, thread without target, local, with-lock, wait_for over shared state";

    /// <inheritdoc />
    public override Task RunAsync(ISim sim) => SubclassLocalAndScopesAsync(sim);

    private static async Task SubclassLocalAndScopesAsync(ISim sim)
    {
        var k = await sim.CreateThreadAsync(() => new Worker(3));
        await k.StartAsync();
        await k.JoinAsync();
        var empty = await sim.CreateThreadAsync();
        await empty.StartAsync();
        await empty.JoinAsync();
        await sim.PrintAsync($"{empty.Name} {PyLines.Bool(await empty.IsAliveAsync())}");

        var data = sim.NewLocal<string>();
        data.Value = "main";
        var output = new List<string>();
        async Task local_user()
        {
            output.Add(PyLines.Bool(data.HasValue));
            data.Value = "child";
            output.Add($"'{data.Value}'");
        }

        var u = await sim.CreateThreadAsync(local_user);
        await u.StartAsync();
        await u.JoinAsync();
        await sim.PrintAsync($"[{string.Join(", ", output)}] {data.Value}");
        await PyLines.Err(sim, () => Task.FromResult<object>(sim.NewLocal<string>().Value));

        var scoped = sim.NewLock();
        await using (await scoped.EnterAsync())
        {
            await sim.PrintAsync(PyLines.Bool(await scoped.LockedAsync()));
        }

        await sim.PrintAsync(PyLines.Bool(await scoped.LockedAsync()));
        try
        {
            await using (await scoped.EnterAsync())
            {
                throw new ValueError("inside");
            }
        }
        catch (ValueError e)
        {
            await sim.PrintAsync($"ValueError: {e.Message} {PyLines.Bool(await scoped.LockedAsync())}");
        }

        var cv = sim.NewCondition();
        var count = sim.NewValue(0);
        async Task bump()
        {
            await using (await cv.EnterAsync())
            {
                await count.WriteAsync(await count.ReadAsync() + 1);
                await cv.NotifyAllAsync();
            }
        }

        var b = await sim.CreateThreadAsync(bump);
        await using (await cv.EnterAsync())
        {
            await b.StartAsync();
            var result = await cv.WaitForAsync(async () => await count.ReadAsync() >= 1, 5);
            await sim.PrintAsync($"{PyLines.Bool(result)} {await count.ReadAsync()}");
        }

        await b.JoinAsync();
    }

    /// <summary>Python's <c>class Worker(threading.Thread)</c> with its own <c>run</c>.</summary>
    private sealed class Worker(int n) : SimThread
    {
        protected override Task RunAsync() => Sim.PrintAsync($"{Name} runs {n}");
    }
}
