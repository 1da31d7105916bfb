namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so the harness's types win over System.Threading's.
using SimHarness.Threading;

/// <summary>Broken twin of <see cref="ConditionWaitFor"/>: waiters call a bare <c>wait()</c> without checking the flag.</summary>
/// <remarks>A waiter that takes the lock after the notifier has notified waits for a notify that already happened: a lost wake-up, a deadlock.</remarks>
[ExpectedToFail("deadlock")]
public sealed class ConditionLostWakeup : ConditionWaitFor
{
    /// <inheritdoc />
    public override string Description => "broken twin of ConditionWaitFor: a bare wait() misses a notify that came first";

    /// <inheritdoc />
    protected override Task WaitAsync(Condition cond, Flag ready) => cond.WaitAsync();
}
