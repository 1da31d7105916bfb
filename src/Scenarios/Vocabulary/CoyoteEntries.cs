using Microsoft.Coyote.SystematicTesting;
using SimHarness.Coyote;

namespace SimHarness.Scenarios.Vocabulary;

/// <summary>
/// The <c>coyote test</c> entry methods of the vocabulary scenarios, each named exactly after its
/// scenario; parameter overrides come from SIMHARNESS_PARAMS.
/// </summary>
public static class CoyoteEntries
{
    /// <summary>Explores <see cref="Vocabulary.ProducerConsumer"/>.</summary>
    [Test]
    public static Task ProducerConsumer() => CoyoteEntry.RunAsync<ProducerConsumer>();

    /// <summary>Explores <see cref="Vocabulary.DiningPhilosophers"/>.</summary>
    [Test]
    public static Task DiningPhilosophers() => CoyoteEntry.RunAsync<DiningPhilosophers>();

    /// <summary>Explores <see cref="Vocabulary.DiningPhilosophersDeadlock"/> (expected to fail).</summary>
    [Test]
    public static Task DiningPhilosophersDeadlock() => CoyoteEntry.RunAsync<DiningPhilosophersDeadlock>();

    /// <summary>Explores <see cref="Vocabulary.ConditionWaitFor"/>.</summary>
    [Test]
    public static Task ConditionWaitFor() => CoyoteEntry.RunAsync<ConditionWaitFor>();

    /// <summary>Explores <see cref="Vocabulary.ConditionLostWakeup"/> (expected to fail).</summary>
    [Test]
    public static Task ConditionLostWakeup() => CoyoteEntry.RunAsync<ConditionLostWakeup>();

    /// <summary>Explores <see cref="Vocabulary.ThreadingRules"/>.</summary>
    [Test]
    public static Task ThreadingRules() => CoyoteEntry.RunAsync<ThreadingRules>();

    /// <summary>Explores <see cref="Vocabulary.ThreadingApi"/>.</summary>
    [Test]
    public static Task ThreadingApi() => CoyoteEntry.RunAsync<ThreadingApi>();

    /// <summary>Explores <see cref="Vocabulary.ThreadingExcepthook"/>.</summary>
    [Test]
    public static Task ThreadingExcepthook() => CoyoteEntry.RunAsync<ThreadingExcepthook>();

    /// <summary>Explores <see cref="Vocabulary.QueueKinds"/>.</summary>
    [Test]
    public static Task QueueKinds() => CoyoteEntry.RunAsync<QueueKinds>();

    /// <summary>Explores <see cref="Vocabulary.ThreadingScopes"/>.</summary>
    [Test]
    public static Task ThreadingScopes() => CoyoteEntry.RunAsync<ThreadingScopes>();

    /// <summary>Explores <see cref="Vocabulary.WorkerPoolDeath"/>.</summary>
    [Test]
    public static Task WorkerPoolDeath() => CoyoteEntry.RunAsync<WorkerPoolDeath>();
}
