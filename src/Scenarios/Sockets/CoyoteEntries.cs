using Microsoft.Coyote.SystematicTesting;
using SimHarness.Coyote;

namespace SimHarness.Scenarios.Sockets;

/// <summary>
/// The <c>coyote test</c> entry methods of the socket scenarios, each named exactly after its
/// scenario: <c>coyote test Scenarios.dll -m EchoUpper</c>. Parameter overrides come from the
/// environment variable SIMHARNESS_PARAMS (<c>clients=1;messages=2;segments=1</c>).
/// </summary>
public static class CoyoteEntries
{
    /// <summary>Explores <see cref="Sockets.EchoUpper"/>.</summary>
    [Test]
    public static Task EchoUpper() => CoyoteEntry.RunAsync<EchoUpper>();

    /// <summary>Explores <see cref="Sockets.EchoUpperFixed"/>.</summary>
    [Test]
    public static Task EchoUpperFixed() => CoyoteEntry.RunAsync<EchoUpperFixed>();
}
