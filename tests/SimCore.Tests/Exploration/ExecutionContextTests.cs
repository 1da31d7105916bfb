using SimHarness.Exploration;
using SimHarness.Tests.Contracts;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// The built-in scheduler runs simulated code with the execution context's flow suppressed and tells
/// threads apart by their own synchronization contexts (docs/semantics.md, rule 1): the world still
/// knows whose code runs after every kind of resumption, and the caller's context is untouched.
/// </summary>
[TestFixture]
public sealed class ExecutionContextTests
{
    private static readonly AsyncLocal<string?> s_callers = new();

    [Test]
    public void Run_WokenThreadsResumeAsThemselves_AfterEveryKindOfWait()
    {
        var seen = new List<string>();
        var record = Run(async sim =>
        {
            var ready = sim.NewEvent();
            var done = sim.NewEvent();
            var waiter = await sim.CreateThreadAsync(async () =>
            {
                seen.Add("before " + sim.CurrentThread.Name);
                await ready.WaitAsync();
                seen.Add("woken " + sim.CurrentThread.Name);
                await sim.SleepAsync(1m);
                seen.Add("slept " + sim.CurrentThread.Name);
                await done.SetAsync();
            }, "waiter");
            await waiter.StartAsync();
            await sim.SleepAsync(0.5m);
            seen.Add("setting " + sim.CurrentThread.Name);
            await ready.SetAsync();
            await done.WaitAsync();
            seen.Add("joined " + sim.CurrentThread.Name);
            await waiter.JoinAsync();
        });

        Assert.That(record.Violations, Is.Empty);
        Assert.That(seen, Is.EqualTo(new List<string>
        {
            "before Thread-1 (waiter)", "setting MainThread", "woken Thread-1 (waiter)",
            "slept Thread-1 (waiter)", "joined MainThread",
        }));
    }

    [Test]
    public void Run_LeavesTheCallersExecutionContextAsItWas()
    {
        s_callers.Value = "the test's";
        Run(async sim => await sim.PrintAsync("hello"));

        Assert.Multiple(() =>
        {
            Assert.That(ExecutionContext.IsFlowSuppressed(), Is.False);
            Assert.That(s_callers.Value, Is.EqualTo("the test's"));
        });
    }

    [Test]
    public void Run_ContextChangedByTheScenario_DoesNotReachTheCaller()
    {
        // Banned in simulated code (BannedSymbols.txt), but a scenario built without the ban may
        // still do it: what it sets after an await stays behind on the driver's thread, and the
        // run must not hand it back to its caller (nor to the next run).
        s_callers.Value = "the test's";
        Run(async sim =>
        {
            await sim.PrintAsync("first");
            s_callers.Value = "the scenario's";
            await sim.PrintAsync("second");
        });

        Assert.Multiple(() =>
        {
            Assert.That(ExecutionContext.IsFlowSuppressed(), Is.False);
            Assert.That(s_callers.Value, Is.EqualTo("the test's"));
        });
    }

    private static RunRecord Run(Func<ISim, Task> body) =>
        BuiltInExecutor.Run(new LambdaScenario(body), new CanonicalStrategy()).Record;
}
