using SimHarness.Coyote;

namespace SimHarness.Scenarios.Gevent;

/// <summary>
/// The <c>coyote test</c> entry methods of the greenlet and gevent scenarios, each named exactly
/// after its scenario: <c>coyote test Scenarios.dll -m GeventEatPlay</c>. Parameter overrides come
/// from the environment variable SIMHARNESS_PARAMS (<c>exploreTies=true</c>).
/// </summary>
public static class CoyoteEntries
{
    /// <summary>Explores <see cref="Gevent.GreenletEatPlay"/>.</summary>
    [Microsoft.Coyote.SystematicTesting.Test]
    public static Task GreenletEatPlay() => CoyoteEntry.RunAsync<GreenletEatPlay>();

    /// <summary>Explores <see cref="Gevent.GeventEatPlay"/>.</summary>
    [Microsoft.Coyote.SystematicTesting.Test]
    public static Task GeventEatPlay() => CoyoteEntry.RunAsync<GeventEatPlay>();

    /// <summary>Explores <see cref="Gevent.PatchedEatPlay"/>.</summary>
    [Microsoft.Coyote.SystematicTesting.Test]
    public static Task PatchedEatPlay() => CoyoteEntry.RunAsync<PatchedEatPlay>();

    /// <summary>Explores <see cref="Gevent.PatchedThreadNames"/>.</summary>
    [Microsoft.Coyote.SystematicTesting.Test]
    public static Task PatchedThreadNames() => CoyoteEntry.RunAsync<PatchedThreadNames>();
}
