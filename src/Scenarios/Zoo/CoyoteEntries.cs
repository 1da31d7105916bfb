using Microsoft.Coyote.SystematicTesting;
using SimHarness.Coyote;

namespace SimHarness.Scenarios.Zoo;

/// <summary>
/// The <c>coyote test</c> entry methods of the bug zoo, each named exactly after its scenario;
/// parameter overrides come from SIMHARNESS_PARAMS.
/// </summary>
public static class CoyoteEntries
{
    /// <summary>Explores <see cref="Zoo.ZooCheckThenAct"/> (expected to fail).</summary>
    [Test]
    public static Task ZooCheckThenAct() => CoyoteEntry.RunAsync<ZooCheckThenAct>();

    /// <summary>Explores <see cref="Zoo.ZooCheckThenActFixed"/>.</summary>
    [Test]
    public static Task ZooCheckThenActFixed() => CoyoteEntry.RunAsync<ZooCheckThenActFixed>();

    /// <summary>Explores <see cref="Zoo.ZooLostUpdate"/> (expected to fail).</summary>
    [Test]
    public static Task ZooLostUpdate() => CoyoteEntry.RunAsync<ZooLostUpdate>();

    /// <summary>Explores <see cref="Zoo.ZooLostUpdateFixed"/>.</summary>
    [Test]
    public static Task ZooLostUpdateFixed() => CoyoteEntry.RunAsync<ZooLostUpdateFixed>();

    /// <summary>Explores <see cref="Zoo.ZooDeadSwitch"/> (expected to fail).</summary>
    [Test]
    public static Task ZooDeadSwitch() => CoyoteEntry.RunAsync<ZooDeadSwitch>();

    /// <summary>Explores <see cref="Zoo.ZooDeadSwitchFixed"/>.</summary>
    [Test]
    public static Task ZooDeadSwitchFixed() => CoyoteEntry.RunAsync<ZooDeadSwitchFixed>();

    /// <summary>Explores <see cref="Zoo.ZooEventDeadlock"/> (expected to fail).</summary>
    [Test]
    public static Task ZooEventDeadlock() => CoyoteEntry.RunAsync<ZooEventDeadlock>();

    /// <summary>Explores <see cref="Zoo.ZooEventDeadlockFixed"/>.</summary>
    [Test]
    public static Task ZooEventDeadlockFixed() => CoyoteEntry.RunAsync<ZooEventDeadlockFixed>();

    /// <summary>Explores <see cref="Zoo.ZooLivelock"/> (expected to fail).</summary>
    [Test]
    public static Task ZooLivelock() => CoyoteEntry.RunAsync<ZooLivelock>();

    /// <summary>Explores <see cref="Zoo.ZooLivelockFixed"/>.</summary>
    [Test]
    public static Task ZooLivelockFixed() => CoyoteEntry.RunAsync<ZooLivelockFixed>();

    /// <summary>Explores <see cref="Zoo.ZooTimeoutRace"/> (expected to fail).</summary>
    [Test]
    public static Task ZooTimeoutRace() => CoyoteEntry.RunAsync<ZooTimeoutRace>();

    /// <summary>Explores <see cref="Zoo.ZooTimeoutRaceFixed"/>.</summary>
    [Test]
    public static Task ZooTimeoutRaceFixed() => CoyoteEntry.RunAsync<ZooTimeoutRaceFixed>();

    /// <summary>Explores <see cref="Zoo.ZooTornSnapshot"/> (expected to fail).</summary>
    [Test]
    public static Task ZooTornSnapshot() => CoyoteEntry.RunAsync<ZooTornSnapshot>();

    /// <summary>Explores <see cref="Zoo.ZooTornSnapshotFixed"/>.</summary>
    [Test]
    public static Task ZooTornSnapshotFixed() => CoyoteEntry.RunAsync<ZooTornSnapshotFixed>();

    /// <summary>Explores <see cref="Zoo.ZooRecvAsMessage"/> (expected to fail).</summary>
    [Test]
    public static Task ZooRecvAsMessage() => CoyoteEntry.RunAsync<ZooRecvAsMessage>();

    /// <summary>Explores <see cref="Zoo.ZooRecvAsMessageFixed"/>.</summary>
    [Test]
    public static Task ZooRecvAsMessageFixed() => CoyoteEntry.RunAsync<ZooRecvAsMessageFixed>();

    /// <summary>Explores <see cref="Zoo.ZooResetKillsServer"/> (expected to fail).</summary>
    [Test]
    public static Task ZooResetKillsServer() => CoyoteEntry.RunAsync<ZooResetKillsServer>();

    /// <summary>Explores <see cref="Zoo.ZooResetKillsServerFixed"/>.</summary>
    [Test]
    public static Task ZooResetKillsServerFixed() => CoyoteEntry.RunAsync<ZooResetKillsServerFixed>();
}
