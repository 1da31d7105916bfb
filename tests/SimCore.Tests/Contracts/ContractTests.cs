using SimHarness.Simulation;

namespace SimHarness.Tests.Contracts;

/// <summary>
/// The contract of the primitives (Python's <c>threading</c>, rules 2, 5, 7, 8 of docs/semantics.md and the
/// measured reference behaviour), written once and run on every backend by one sealed subclass each.
/// </summary>
/// <remarks>
/// Every test is one run whose main thread is the test's lambda. Results are kept in locals the
/// lambda writes and asserted after the run: the run has ended (under the world's lock) by then.
/// Times are read from <see cref="ISim.Now"/>, virtual or wall-clock as the backend has it.
/// </remarks>
public abstract partial class ContractTests
{
    /// <summary>A short timeout: long enough to tell "timed out" from "returned at once".</summary>
    protected abstract decimal Delay { get; }

    /// <summary>A timeout no test should ever reach: a wait that uses it and returns at once was woken.</summary>
    protected abstract decimal Never { get; }

    /// <summary>How late "at once" and "after the timeout" may be (zero in simulation).</summary>
    protected abstract decimal Slack { get; }

    /// <summary>Runs <paramref name="body"/> as the main thread of one run on this backend.</summary>
    protected abstract RunRecord Run(Func<ISim, Task> body);

    /// <summary>Runs a body that must end cleanly and returns its record.</summary>
    private RunRecord RunClean(Func<ISim, Task> body)
    {
        var record = Run(body);
        Assert.That(record.Violations, Is.Empty, "the run should end without violations");
        Assert.That(record.Completed, Is.True, "the run should end by itself");
        return record;
    }

    /// <summary>Sleeps in small steps until every thread in <paramref name="threads"/> is blocked (or already finished) in the world's record.</summary>
    /// <remarks>
    /// A waiter that is blocked in the record is registered with its event: a later set must wake it.
    /// On a loaded machine a waiter with a short timeout may time out and finish before this poll sees
    /// it blocked: polling for "blocked" alone would then never end.
    /// </remarks>
    private static async Task UntilBlockedAsync(ISim sim, params SimThread[] threads)
    {
        while (threads.Any(t => t.Status is not (ThreadStatus.Blocked or ThreadStatus.Finished)))
        {
            await sim.SleepAsync(0.001m);
        }
    }

    /// <summary>Creates and starts <paramref name="count"/> threads running <paramref name="body"/> (given its index).</summary>
    private static async Task<SimThread[]> StartThreadsAsync(ISim sim, int count, string target, Func<int, Task> body)
    {
        var threads = new SimThread[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            threads[i] = await sim.CreateThreadAsync(() => body(index), target);
        }

        foreach (var t in threads)
        {
            await t.StartAsync();
        }

        return threads;
    }
}
