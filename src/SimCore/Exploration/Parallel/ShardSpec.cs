using System.Globalization;
using SimHarness.Catalog;

namespace SimHarness.Exploration.Parallel;

/// <summary>One part of a sharded exhaustive search: shard <see cref="Number"/> of <see cref="Count"/>, numbered from 1.</summary>
/// <param name="Number">This shard, 1..Count.</param>
/// <param name="Count">How many shards the search is split into.</param>
public readonly record struct ShardSpec(int Number, int Count)
{
    /// <summary>Parses <c>i/n</c> with 1 &lt;= i &lt;= n; bad input is a <see cref="UsageException"/>.</summary>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) &&
            n >= 1 && i >= 1 && i <= n)
        {
            return new ShardSpec(i, n);
        }

        throw new UsageException($"--shard takes i/n with 1 <= i <= n (shards are numbered from 1), got '{text}'");
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number}/{Count}");
}
