namespace SimHarness.Tests.Guidance;

// Scenarios whose code escapes the harness, each in one of the ways a newcomer's code does. The
// test project is not simulated code, so the banned-API analyzer lets them build; each is loaded
// through --assembly and must end in one line of guidance, never an internal error.
#pragma warning disable CA1001, CA2008, CA2012, CS4014

/// <summary>Awaits <see cref="Task.Delay(int)"/>: wall-clock time the harness does not control.</summary>
public sealed class EscapesWithTaskDelay : Scenario
{
    /// <inheritdoc />
    public override string Description => "escapes the harness (guidance test)";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        await sim.PrintAsync("before");
        await Task.Delay(1);
        await sim.PrintAsync("after");
    }
}

/// <summary>Awaits work started with <see cref="Task.Run(Action)"/>.</summary>
public sealed class EscapesWithTaskRun : Scenario
{
    /// <inheritdoc />
    public override string Description => "escapes the harness (guidance test)";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        await sim.PrintAsync("before");
        await Task.Run(() => Thread.Sleep(1));
        await sim.PrintAsync("after");
    }
}

/// <summary>A <see cref="System.Threading.Timer"/> whose callback prints through the world from a pool thread.</summary>
public sealed class EscapesWithTimer : Scenario
{
    /// <inheritdoc />
    public override string Description => "escapes the harness (guidance test)";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        while (true)
        {
            var fired = new TaskCompletionSource();
            using var timer = new Timer(_ => fired.TrySetResult(), null, 50, Timeout.Infinite);
            // On a loaded machine the timer may fire before the await is reached: the await then
            // finishes at once and nothing escapes. Arm another until one fires after the await.
            if (fired.Task.IsCompleted)
            {
                continue;
            }

            await fired.Task;
            break;
        }

        await sim.PrintAsync("after");
    }
}

/// <summary>Leaves the scheduler's thread with <c>ConfigureAwait(false)</c> and calls the world from a pool thread.</summary>
public sealed class EscapesWithThreadPoolHop : Scenario
{
    /// <inheritdoc />
    public override string Description => "escapes the harness (guidance test)";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        await Task.Yield();
        await Task.Run(() => Thread.Sleep(1)).ConfigureAwait(false);
        await sim.PrintAsync("from the pool");
    }
}

/// <summary>Calls an async operation of the world without awaiting it.</summary>
public sealed class EscapesWithMissingAwait : Scenario
{
    /// <inheritdoc />
    public override string Description => "escapes the harness (guidance test)";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        sim.PrintAsync("not awaited");
        await sim.PrintAsync("awaited");
    }
}
