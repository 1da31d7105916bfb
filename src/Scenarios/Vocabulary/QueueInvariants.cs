using System.Globalization;

namespace SimHarness.Scenarios.Vocabulary;

/// <summary>Invariants of <see cref="ProducerConsumer"/>, stated over a run's output (the queue's bound is <see cref="BoundedQueueMonitor"/>).</summary>
internal static class QueueInvariants
{
    private const string Got = " got ";

    public static string? EachItemOnce(IReadOnlyList<OutputLine> output, int producers, int items)
    {
        var got = output.Select(o => o.Text).Where(t => t.Contains(Got, StringComparison.Ordinal))
            .Select(t => t[(t.IndexOf(Got, StringComparison.Ordinal) + Got.Length)..]).ToList();
        for (var p = 0; p < producers; p++)
        {
            for (var k = 0; k < items; k++)
            {
                var item = ProducerConsumer.Item(p, k);
                var n = got.Count(g => g == item);
                if (n != 1)
                {
                    return $"{item} was consumed {n} time(s)";
                }
            }
        }

        return got.Count == producers * items ? null : $"{got.Count} items consumed, {producers * items} put";
    }

    public static string? FifoPerProducer(IReadOnlyList<OutputLine> output)
    {
        var last = new Dictionary<(string Consumer, string Producer), int>();
        foreach (var o in output.Where(o => o.Text.Contains(Got, StringComparison.Ordinal)))
        {
            var at = o.Text.IndexOf(Got, StringComparison.Ordinal);
            var consumer = o.Text[..at];
            var item = o.Text[(at + Got.Length)..].Split('-');
            var k = int.Parse(item[1], CultureInfo.InvariantCulture);
            if (last.TryGetValue((consumer, item[0]), out var before) && before > k)
            {
                return $"{consumer} got {item[0]}-{k} after {item[0]}-{before}";
            }

            last[(consumer, item[0])] = k;
        }

        return null;
    }

    public static string? DoneLast(IReadOnlyList<OutputLine> output, string done)
    {
        var at = output.Select(o => o.Text).ToList().IndexOf(done);
        if (at < 0)
        {
            return $"'{done}' was never printed";
        }

        return at == output.Count - 1 ? null : $"'{output[at + 1].Text}' was printed after '{done}'";
    }
}
