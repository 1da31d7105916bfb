namespace SimHarness.Tracing.Timeline;

/// <summary>Links each <c>recv</c> to the <c>send</c> steps whose bytes it received.</summary>
/// <remarks>
/// Sockets are byte streams: one send may be received in pieces and several sends in one recv.
/// The log names each connection end (<c>cli#12</c>, <c>srv#13</c>) but not which ends are
/// peers, so the peer of an end is learnt from its first recv: the end whose unreceived bytes
/// begin with exactly the bytes received (the earliest such sender if several could be). From
/// then on the recv consumes that peer's bytes in order, linking every send it took bytes from;
/// an end-of-stream recv links to the peer's close or shutdown.
/// </remarks>
internal static class StreamLinker
{
    /// <summary>The message arrows of <paramref name="events"/>.</summary>
    public static IEnumerable<TimelineArrow> Links(IReadOnlyList<TraceEvent> events)
    {
        var unreceived = new Dictionary<string, List<Chunk>>(StringComparer.Ordinal);
        var peer = new Dictionary<string, string>(StringComparer.Ordinal);
        var arrows = new List<TimelineArrow>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Target is not { } end)
            {
                continue;
            }

            if (e is { Op: "send", Text: { Length: > 0 } sent } && Delivered(e.Result))
            {
                Chunks(unreceived, end).Add(new Chunk(i, sent));
            }
            else if (e is { Op: "recv", Text: { Length: > 0 } got })
            {
                var from = peer.GetValueOrDefault(end) ?? FindSender(unreceived, peer, end, got);
                if (from is null)
                {
                    continue;
                }

                peer[end] = from;
                peer[from] = end;
                arrows.AddRange(Consume(Chunks(unreceived, from), got.Length).Select(s => new TimelineArrow(s, i, TimelineArrowKind.Message)));
            }
            else if (e is { Op: "recv", Result: "0" } && peer.TryGetValue(end, out var closer))
            {
                for (var j = i - 1; j >= 0; j--)
                {
                    if (events[j].Target == closer && events[j].Op is "close" or "shutdown")
                    {
                        arrows.Add(new TimelineArrow(j, i, TimelineArrowKind.Message));
                        break;
                    }
                }
            }
        }

        return arrows;
    }

    /// <summary>A send's result is <c>n/m</c> when bytes went out; <c>blocked</c>, <c>broken pipe</c>, resets and discarded bytes reach nobody.</summary>
    private static bool Delivered(string? result) =>
        result is not null && result.Contains('/', StringComparison.Ordinal) && !result.Contains("discarded", StringComparison.Ordinal);

    private static List<Chunk> Chunks(Dictionary<string, List<Chunk>> unreceived, string end)
    {
        if (!unreceived.TryGetValue(end, out var list))
        {
            unreceived[end] = list = [];
        }

        return list;
    }

    /// <summary>An unpaired end, other than <paramref name="receiver"/>, whose unreceived bytes begin with <paramref name="got"/>.</summary>
    private static string? FindSender(Dictionary<string, List<Chunk>> unreceived, Dictionary<string, string> peer, string receiver, string got) =>
        unreceived
            .Where(kv => kv.Key != receiver && !peer.ContainsKey(kv.Key) && kv.Value.Count > 0 && BeginsWith(kv.Value, got))
            .OrderBy(kv => kv.Value[0].Step)
            .Select(kv => kv.Key)
            .FirstOrDefault();

    private static bool BeginsWith(List<Chunk> chunks, string got)
    {
        var at = 0;
        foreach (var c in chunks)
        {
            var n = Math.Min(c.Rest.Length, got.Length - at);
            if (string.CompareOrdinal(c.Rest, 0, got, at, n) != 0)
            {
                return false;
            }

            at += n;
            if (at == got.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Takes <paramref name="count"/> bytes off the front of the stream; returns the sends they came from.</summary>
    private static List<int> Consume(List<Chunk> chunks, int count)
    {
        var from = new List<int>();
        while (count > 0 && chunks.Count > 0)
        {
            var c = chunks[0];
            var n = Math.Min(count, c.Rest.Length);
            from.Add(c.Step);
            count -= n;
            c.Rest = c.Rest[n..];
            if (c.Rest.Length == 0)
            {
                chunks.RemoveAt(0);
            }
        }

        return from;
    }

    /// <summary>Bytes of one send not yet received.</summary>
    private sealed class Chunk(int step, string rest)
    {
        public int Step { get; } = step;

        public string Rest { get; set; } = rest;
    }
}
