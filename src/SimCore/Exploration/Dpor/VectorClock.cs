namespace SimHarness.Exploration.Dpor;

/// <summary>An immutable vector clock over thread ids, stored in chunks that clocks share.</summary>
/// <remarks>
/// Every event keeps its clock for the rest of the run, and a clock has an entry per thread: with a
/// thousand threads a flat array per event made one long run allocate tens of megabytes of clocks,
/// most of it copies of entries the step did not change. Here a clock is a short array of chunks
/// of <see cref="ChunkSize"/> entries; building a clock from a working buffer reuses every chunk
/// equal to the one the previous clock had, so a step allocates only the chunks it changed (its
/// own tick, what it joined). The last chunk holds only up to the last non-zero entry (a run of
/// four threads keeps four-entry chunks, not 64). A missing chunk, or an entry past the end of the
/// clock or of its chunk, reads as zero. The first chunk is a field of its own: most runs have
/// fewer than 64 threads, and an array holding one chunk was a tenth of the search's allocations.
/// </remarks>
internal sealed class VectorClock
{
    /// <summary>Entries per chunk; a working buffer's length is always a multiple of it.</summary>
    public const int ChunkSize = 64;

    private const int Shift = 6;

    private static readonly int[] Zeros = new int[ChunkSize];

    private static readonly int[]?[] NoMore = [];

    // The number of chunks; chunk 0, and chunks 1 and up.
    private readonly int _count;
    private readonly int[]? _first;
    private readonly int[]?[] _more;

    private VectorClock(int count, int[]? first, int[]?[] more)
    {
        _count = count;
        _first = first;
        _more = more;
    }

    /// <summary>The clock with every entry zero.</summary>
    public static VectorClock Empty { get; } = new(0, null, NoMore);

    /// <summary>Entries a buffer needs to hold this clock (a multiple of <see cref="ChunkSize"/>).</summary>
    public int Length => _count << Shift;

    private int[]? Chunk(int i) => i == 0 ? _first : _more[i - 1];

    /// <summary>Chunk <paramref name="i"/>, or null past the last chunk.</summary>
    private int[]? ChunkOrNull(int i) => i < _count ? Chunk(i) : null;

    public static int Get(VectorClock clock, int thread)
    {
        var i = thread >> Shift;
        var k = thread & (ChunkSize - 1);
        return (uint)i < (uint)clock._count && clock.Chunk(i) is { } chunk && k < chunk.Length ? chunk[k] : 0;
    }

    /// <summary>True when the event with <paramref name="eventClock"/> by <paramref name="thread"/> happens before a point whose clock is <paramref name="later"/>.</summary>
    public static bool HappensBefore(VectorClock eventClock, int thread, VectorClock later) => Get(eventClock, thread) <= Get(later, thread);

    /// <summary>The smallest buffer length, a multiple of <see cref="ChunkSize"/>, holding <paramref name="entries"/> entries.</summary>
    public static int BufferLength(int entries) => (entries + ChunkSize - 1) & ~(ChunkSize - 1);

    /// <summary>Writes this clock's entries into the start of <paramref name="buffer"/> (at least <see cref="Length"/> long), zeros where a chunk is missing.</summary>
    public void CopyTo(Span<int> buffer)
    {
        for (var i = 0; i < _count; i++)
        {
            var target = buffer.Slice(i << Shift, ChunkSize);
            if (Chunk(i) is { } chunk)
            {
                chunk.CopyTo(target);
                target[chunk.Length..].Clear();
            }
            else
            {
                target.Clear();
            }
        }
    }

    /// <summary>Raises each entry of <paramref name="buffer"/> (at least <see cref="Length"/> long) to this clock's.</summary>
    public void JoinInto(Span<int> buffer)
    {
        for (var i = 0; i < _count; i++)
        {
            if (Chunk(i) is not { } chunk)
            {
                continue;
            }

            var target = buffer.Slice(i << Shift, chunk.Length);
            for (var k = 0; k < chunk.Length; k++)
            {
                if (chunk[k] > target[k])
                {
                    target[k] = chunk[k];
                }
            }
        }
    }

    /// <summary>The clock a working buffer holds; chunks equal to <paramref name="like"/>'s are shared with it, not copied.</summary>
    /// <param name="buffer">Entries by thread id; its length a multiple of <see cref="ChunkSize"/>.</param>
    /// <param name="like">A clock the result probably mostly equals (the stepping thread's clock before the step).</param>
    public static VectorClock Of(ReadOnlySpan<int> buffer, VectorClock like)
    {
        var used = UsedLength(buffer);
        var count = (used + ChunkSize - 1) >> Shift;
        if (count == 0)
        {
            return Empty;
        }

        var more = count > 1 ? new int[]?[count - 1] : NoMore;
        for (var i = 1; i < count; i++)
        {
            more[i - 1] = ChunkOf(buffer, used, i, like);
        }

        return new VectorClock(count, ChunkOf(buffer, used, 0, like), more);
    }

    // Chunk i of a buffer whose entries end at used: like's chunk when equal, null when all zero, else a copy.
    private static int[]? ChunkOf(ReadOnlySpan<int> buffer, int used, int i, VectorClock like)
    {
        var start = i << Shift;
        var source = buffer.Slice(start, Math.Min(ChunkSize, used - start));
        if (like.ChunkOrNull(i) is { } same && source.SequenceEqual(same))
        {
            return same;
        }

        return source.SequenceEqual(Zeros.AsSpan(0, source.Length)) ? null : source.ToArray();
    }

    /// <summary>One past the last non-zero entry of <paramref name="buffer"/>.</summary>
    /// <remarks>
    /// Whole zero chunks are skipped with <c>SequenceEqual</c>, which runs the runtime's precompiled
    /// byte comparison: a profile taken while the other core was busy found <c>LastIndexOfAnyExcept</c>
    /// and <c>ContainsAnyExcept</c> on ints, generic vectorised methods, still running unoptimised
    /// (tier 0) code late in a search, 8 % of its samples (BENCHMARKS.md).
    /// </remarks>
    private static int UsedLength(ReadOnlySpan<int> buffer)
    {
        var used = buffer.Length;
        while (used >= ChunkSize && buffer.Slice(used - ChunkSize, ChunkSize).SequenceEqual(Zeros))
        {
            used -= ChunkSize;
        }

        while (used > 0 && buffer[used - 1] == 0)
        {
            used--;
        }

        return used;
    }

    /// <summary>The join of two clocks; a chunk where one clock already dominates is shared, not copied.</summary>
    public static VectorClock Join(VectorClock a, VectorClock b)
    {
        var count = Math.Max(a._count, b._count);
        if (count == 0)
        {
            return Empty;
        }

        var more = count > 1 ? new int[]?[count - 1] : NoMore;
        for (var i = 1; i < count; i++)
        {
            more[i - 1] = JoinMaybe(a.ChunkOrNull(i), b.ChunkOrNull(i));
        }

        return new VectorClock(count, JoinMaybe(a.ChunkOrNull(0), b.ChunkOrNull(0)), more);
    }

    private static int[]? JoinMaybe(int[]? a, int[]? b) =>
        a is null ? b : b is null || ReferenceEquals(a, b) ? a : JoinChunks(a, b);

    private static int[] JoinChunks(int[] a, int[] b)
    {
        var aCovers = a.Length >= b.Length;
        var bCovers = b.Length >= a.Length;
        var common = Math.Min(a.Length, b.Length);
        for (var k = 0; k < common; k++)
        {
            aCovers &= a[k] >= b[k];
            bCovers &= b[k] >= a[k];
        }

        if (aCovers || bCovers)
        {
            return aCovers ? a : b;
        }

        var r = new int[Math.Max(a.Length, b.Length)];
        for (var k = 0; k < r.Length; k++)
        {
            r[k] = Math.Max(k < a.Length ? a[k] : 0, k < b.Length ? b[k] : 0);
        }

        return r;
    }
}
