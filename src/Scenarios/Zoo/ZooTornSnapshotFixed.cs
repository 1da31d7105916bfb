namespace SimHarness.Scenarios.Zoo;

// Inside the namespace, so Lock is the harness's and not System.Threading's.
using SimHarness.Threading;

/// <summary>
/// A relay of stage threads: each starts the next, then adds its share to a shared tally under a lock; the
/// last stage publishes a new (version, checksum) pair under the lock, and the first stage, as its last act,
/// reports a snapshot of the pair, also under the lock.
/// </summary>
/// <remarks>
/// The fixed twin of <see cref="ZooTornSnapshot"/>. The shape is the one iterative preemption bounding is
/// made for: many threads each taking a few steps, and a bug that needs one thread preempted late.
/// </remarks>
public class ZooTornSnapshotFixed : Scenario
{
    internal const string Snapshot = "snapshot: ";

    /// <inheritdoc />
    public override string Description => "zoo, fixed: a relay of stages, each starting the next; the last publishes a (version, checksum) pair and the first reports it, both under one lock";

    /// <summary>Stage threads in the relay.</summary>
    [Param("stage threads, each started by the one before it", Min = 2, Max = 1_000)]
    public int Stages { get; set; } = 3;

    /// <summary>Locked increments of the tally per stage.</summary>
    [Param("increments of the shared tally each stage makes under the lock", Min = 0, Max = 1_000)]
    public int Work { get; set; } = 1;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var version = sim.NewValue(0, "version");
        var checksum = sim.NewValue(0, "checksum");
        var tally = sim.NewValue(0, "tally");
        var guard = sim.NewLock("relay-lock");

        async Task StageAsync(int stage)
        {
            if (stage < Stages)
            {
                var next = await sim.CreateThreadAsync(() => StageAsync(stage + 1), "stage", $"stage-{stage + 1}");
                await next.StartAsync();
            }

            for (var k = 0; k < Work; k++)
            {
                await guard.AcquireAsync();
                await tally.WriteAsync(await tally.ReadAsync() + 1);
                await guard.ReleaseAsync();
            }

            if (stage == Stages)
            {
                // The publisher keeps the pair consistent: both written under the lock.
                await guard.AcquireAsync();
                await version.WriteAsync(1);
                await checksum.WriteAsync(Checksum(1));
                await guard.ReleaseAsync();
            }

            if (stage == 1)
            {
                var (v, c) = await ReadPairAsync(version, checksum, guard);
                await sim.PrintAsync($"{Snapshot}version={v} checksum={c}");
            }
        }

        var first = await sim.CreateThreadAsync(() => StageAsync(1), "stage", "stage-1");
        await first.StartAsync();
    }

    /// <summary>The checksum the publisher stores with version <paramref name="v"/>.</summary>
    internal static int Checksum(int v) => 1000 + v;

    /// <summary>The reporter's read of the pair: under the lock.</summary>
    protected virtual async Task<(int Version, int Checksum)> ReadPairAsync(SharedValue<int> version, SharedValue<int> checksum, Lock guard)
    {
        await guard.AcquireAsync();
        var v = await version.ReadAsync();
        var c = await checksum.ReadAsync();
        await guard.ReleaseAsync();
        return (v, c);
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("snapshot-consistent", "the reported version and checksum belong together", output =>
        {
            var line = output.LastOrDefault(o => o.Text.StartsWith(Snapshot, StringComparison.Ordinal))?.Text;
            if (line is null)
            {
                return "the first stage reported no snapshot";
            }

            var parts = line[Snapshot.Length..].Split(' ').Select(p => int.Parse(p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return parts[1] == (parts[0] == 0 ? 0 : Checksum(parts[0])) ? null : $"torn snapshot: '{line}' mixes the old pair with the new one";
        }),
    ];
}
