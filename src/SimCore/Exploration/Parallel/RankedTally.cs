using System.Runtime.InteropServices;

namespace SimHarness.Exploration.Parallel;

/// <summary>
/// Counts distinct keys over a search and keeps the first run of the <c>limit</c> smallest keys, so
/// that the listed entries do not depend on the order the runs came in (a split search's parts
/// finish in any order; "first" means lowest (part, run) position).
/// </summary>
/// <remarks>A key outside the smallest <c>limit</c> when first seen can never enter them later, so its run is never kept.</remarks>
internal sealed class RankedTally<TKey>(IComparer<TKey> comparer, int limit)
    where TKey : notnull
{
    private readonly Dictionary<TKey, long> _counts = [];

    // A sorted list, not a sorted dictionary: the largest listed key, compared with every new key
    // once the list is full, is then its last element instead of a walk through the tree.
    private readonly SortedList<TKey, (long Position, RunResult Run)> _listed = new(comparer);

    /// <summary>Distinct keys so far.</summary>
    public int Distinct => _counts.Count;

    /// <summary>Every key seen, in no particular order.</summary>
    public IEnumerable<TKey> Keys => _counts.Keys;

    /// <summary>Adds one run with this key at this position of the search.</summary>
    public void Add(TKey key, long position, RunResult run)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out var seen);
        count++;
        if (seen)
        {
            if (_listed.TryGetValue(key, out var kept) && position < kept.Position)
            {
                _listed[key] = (position, run);
            }

            return;
        }

        if (_listed.Count < limit)
        {
            _listed[key] = (position, run);
        }
        else if (limit > 0 && comparer.Compare(key, _listed.Keys[^1]) < 0)
        {
            _listed.RemoveAt(_listed.Count - 1);
            _listed[key] = (position, run);
        }
    }

    /// <summary>The smallest keys in order, each with its count and its first run.</summary>
    public IEnumerable<(TKey Key, long Count, RunResult Run)> Listed() =>
        _listed.Select(kv => (kv.Key, _counts[kv.Key], kv.Value.Run));
}
