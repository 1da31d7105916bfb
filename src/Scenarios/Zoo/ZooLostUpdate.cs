namespace SimHarness.Scenarios.Zoo;

// Inside the namespace, so Lock is the harness's and not System.Threading's.
using SimHarness.Threading;

/// <summary>Zoo bug, lost update: threads do <c>counter = counter + 1</c> on a shared value without a lock.</summary>
/// <remarks>Both threads can read the same value before either writes: one increment overwrites the other.</remarks>
[ExpectedToFail("no-lost-update")]
public sealed class ZooLostUpdate : ZooLostUpdateFixed
{
    /// <inheritdoc />
    public override string Description => "zoo bug: `counter = counter + 1` in two threads without a lock, one increment can be lost";

    /// <inheritdoc />
    protected override async Task IncrementAsync(SharedValue<int> counter, Lock guard) =>
        await counter.WriteAsync(await counter.ReadAsync() + 1);
}
