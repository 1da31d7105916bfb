using Microsoft.Coyote.SystematicTesting;
using SimHarness.Coyote;

namespace SimHarness.Scenarios.Threading;

/// <summary>
/// The <c>coyote test</c> entry methods of the threading scenarios, each named exactly after its
/// scenario: <c>coyote test Scenarios.dll -m EventRetryLimit</c>. Parameter overrides come from
/// the environment variable SIMHARNESS_PARAMS (<c>checkDelay=3;threads=2</c>).
/// </summary>
public static class CoyoteEntries
{
    /// <summary>Explores <see cref="Threading.EventCheckConnect"/>.</summary>
    [Test]
    public static Task EventCheckConnect() => CoyoteEntry.RunAsync<EventCheckConnect>();

    /// <summary>Explores <see cref="Threading.EventCheckConnectLostWakeup"/> (expected to fail).</summary>
    [Test]
    public static Task EventCheckConnectLostWakeup() => CoyoteEntry.RunAsync<EventCheckConnectLostWakeup>();

    /// <summary>Explores <see cref="Threading.EventRetryLimit"/>.</summary>
    [Test]
    public static Task EventRetryLimit() => CoyoteEntry.RunAsync<EventRetryLimit>();

    /// <summary>Explores <see cref="Threading.EventRetryLimitGivesUpEarly"/> (expected to fail).</summary>
    [Test]
    public static Task EventRetryLimitGivesUpEarly() => CoyoteEntry.RunAsync<EventRetryLimitGivesUpEarly>();
}
