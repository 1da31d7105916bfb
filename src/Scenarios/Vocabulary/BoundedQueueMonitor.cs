using System.Globalization;

namespace SimHarness.Scenarios.Vocabulary;

/// <summary>The queue never holds more than maxsize items: checked at every put (its result says the length after it).</summary>
/// <param name="maxsize">The queue's bound; 0 or less means unbounded.</param>
internal sealed class BoundedQueueMonitor(int maxsize) : Monitor
{
    /// <inheritdoc />
    public override string Name => "bounded";

    /// <inheritdoc />
    public override string Description => "the queue never holds more than maxsize items";

    /// <inheritdoc />
    public override string? OnEvent(TraceEvent e)
    {
        if (maxsize <= 0 || e.Op != "put" || e.Result?.StartsWith("len=", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var len = int.Parse(e.Result[4..], CultureInfo.InvariantCulture);
        return len > maxsize ? $"{e.Thread} left {len} items in a queue of maxsize {maxsize} at t={e.TimeMicros / 1_000_000m}s" : null;
    }

    /// <inheritdoc />
    /// <remarks>Each verdict depends on the event alone: nothing to remember.</remarks>
    public override void WriteState(StateWriter state)
    {
    }
}
