using FsCheck;
using FsCheck.Fluent;
using SimHarness.Exploration.Dpor;

namespace SimHarness.Tests.Exploration.Dpor;

/// <summary>
/// Vector clocks against plain arrays: a clock stores chunks, shares them between clocks and trims
/// its last chunk to its last non-zero entry; every entry must still read as the array says.
/// </summary>
public class VectorClockProperties
{
    // Entries by thread id across chunk boundaries (ChunkSize is 64), mostly zeros or small counts.
    private static readonly Gen<int[]> Entries =
        from length in Gen.Choose(0, 3 * VectorClock.ChunkSize + 5)
        from values in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 4))).ArrayOf(length)
        select values;

    private static VectorClock Clock(int[] entries, VectorClock like)
    {
        var buffer = new int[VectorClock.BufferLength(entries.Length + 1)];
        entries.CopyTo(buffer, 0);
        return VectorClock.Of(buffer, like);
    }

    private static int At(int[] a, int i) => i < a.Length ? a[i] : 0;

    private static bool Reads(VectorClock clock, Func<int, int> expected, int upTo) =>
        Enumerable.Range(0, upTo).All(i => VectorClock.Get(clock, i) == expected(i));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Of_ReadsBackEveryEntry_SharingChunksWithALikeClock() =>
        Prop.ForAll(Entries.ToArbitrary(), Entries.ToArbitrary(), (a, b) =>
        {
            var like = Clock(b, VectorClock.Empty);
            var clock = Clock(a, like);
            var upTo = Math.Max(a.Length, b.Length) + VectorClock.ChunkSize;
            var buffer = new int[Math.Max(clock.Length, 1) + VectorClock.ChunkSize];
            buffer.AsSpan().Fill(-1);
            clock.CopyTo(buffer);
            return Reads(clock, i => At(a, i), upTo)
                && Enumerable.Range(0, clock.Length).All(i => buffer[i] == At(a, i));
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property JoinAndJoinInto_AreTheEntrywiseMaximum() =>
        Prop.ForAll(Entries.ToArbitrary(), Entries.ToArbitrary(), (a, b) =>
        {
            var ca = Clock(a, VectorClock.Empty);
            var cb = Clock(b, ca);
            var upTo = Math.Max(a.Length, b.Length) + VectorClock.ChunkSize;
            var joined = VectorClock.Join(ca, cb);
            var buffer = new int[VectorClock.BufferLength(Math.Max(ca.Length, cb.Length) + 1)];
            ca.CopyTo(buffer);
            cb.JoinInto(buffer);
            return Reads(joined, i => Math.Max(At(a, i), At(b, i)), upTo)
                && Enumerable.Range(0, buffer.Length).All(i => buffer[i] == Math.Max(At(a, i), At(b, i)));
        });
}
