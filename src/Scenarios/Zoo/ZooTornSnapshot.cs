namespace SimHarness.Scenarios.Zoo;

// Inside the namespace, so Lock is the harness's and not System.Threading's.
using SimHarness.Threading;

/// <summary>Zoo bug, torn read: the first stage of a relay reads a (version, checksum) pair without the lock its publisher holds.</summary>
/// <remarks>
/// The publisher is the last stage, started at the end of a chain of stages. The snapshot is torn only when
/// the first stage is preempted between its two reads, at the end of its life, and the whole relay runs to the
/// publisher before it resumes: one preemption, late. A depth-first search reorders the later stages' locked
/// increments first; iterative preemption bounding tries every single preemption first.
/// </remarks>
[ExpectedToFail("snapshot-consistent")]
public sealed class ZooTornSnapshot : ZooTornSnapshotFixed
{
    /// <inheritdoc />
    public override string Description => "zoo bug: the first stage of a relay reads the (version, checksum) pair the last stage publishes without the lock; a late preemption tears it";

    /// <inheritdoc />
    protected override async Task<(int Version, int Checksum)> ReadPairAsync(SharedValue<int> version, SharedValue<int> checksum, Lock guard)
    {
        var v = await version.ReadAsync();
        var c = await checksum.ReadAsync();
        return (v, c);
    }
}
