using System.Numerics;

namespace SimHarness.Exploration.Dpor;

/// <summary>A set of thread ids for a search node (its backtrack and done sets): a bit mask for the ids below 64, a hash set for the rest.</summary>
/// <remarks>
/// A search makes a node at nearly every step of every run's new suffix, and each node has two of
/// these. Threads are numbered from 0 in creation order, so nearly every set fits the mask: two
/// hash sets per node were a tenth of what a search allocated (BENCHMARKS.md). Programs of more than
/// 64 threads (a thousand echo clients) keep the rest in a hash set made on first use.
/// </remarks>
internal sealed class IdSet
{
    private ulong _low;
    private HashSet<int>? _high;

    /// <summary>The number of ids in the set.</summary>
    public int Count => BitOperations.PopCount(_low) + (_high?.Count ?? 0);

    public bool Contains(int id) => id is >= 0 and < 64 ? (_low & (1UL << id)) != 0 : _high?.Contains(id) == true;

    /// <summary>Adds <paramref name="id"/>; true when it was not there.</summary>
    public bool Add(int id)
    {
        if (id is >= 0 and < 64)
        {
            var bit = 1UL << id;
            var added = (_low & bit) == 0;
            _low |= bit;
            return added;
        }

        return (_high ??= []).Add(id);
    }

    public void UnionWith(ReadOnlySpan<int> ids)
    {
        foreach (var id in ids)
        {
            Add(id);
        }
    }

    public void UnionWith(IdSet other)
    {
        _low |= other._low;
        if (other._high is { Count: > 0 } high)
        {
            (_high ??= []).UnionWith(high);
        }
    }

    /// <summary>The ids: those below 64 in increasing order, then the rest. The set must not change meanwhile.</summary>
    public Enumerator GetEnumerator() => new(_low, _high);

    /// <summary>Walks an <see cref="IdSet"/> without allocating for the ids below 64.</summary>
    public struct Enumerator(ulong low, HashSet<int>? high)
    {
        private HashSet<int>.Enumerator _high = high?.GetEnumerator() ?? default;
        private readonly bool _hasHigh = high is not null;

        public int Current { get; private set; }

        public bool MoveNext()
        {
            if (low != 0)
            {
                Current = BitOperations.TrailingZeroCount(low);
                low &= low - 1;
                return true;
            }

            if (_hasHigh && _high.MoveNext())
            {
                Current = _high.Current;
                return true;
            }

            return false;
        }
    }
}
