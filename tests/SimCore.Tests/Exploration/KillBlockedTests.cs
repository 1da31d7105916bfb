using SimHarness.Exploration;
using SimHarness.Simulation;
using SimHarness.Tests.Contracts;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// The built-in scheduler abandons a run that ended and never wakes a blocked thread "killed": its
/// threads await their waiter's task directly (World.AwaitWakeAsync), which would read such a wake
/// as an ordinary one. Unwinding blocked threads there is refused.
/// </summary>
public class KillBlockedTests
{
    [Test]
    public void KillBlocked_UnderTheBuiltInScheduler_IsRefused()
    {
        var record = BuiltInExecutor.Run(new LambdaScenario(async sim =>
        {
            var never = sim.NewEvent();
            var waiter = await sim.CreateThreadAsync(() => never.WaitAsync(), "waiter", daemon: true);
            await waiter.StartAsync();
            await sim.SleepAsync(1);
            ((World)sim).KillBlocked();
        }), new CanonicalStrategy()).Record;

        Assert.That(record.Violations.Select(v => v.Message), Has.One.Contains("InvalidOperationException: the built-in scheduler abandons a run that ended"));
    }
}
