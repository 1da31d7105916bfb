using System.Text;

namespace SimHarness.Scenarios.Sockets;

/// <summary>
/// Per server end (objects <c>srv#N</c>): whenever the server receives again (or closes), everything
/// it received so far has been sent back uppercased, since the echo server replies before reading
/// more; at the end of the run what it sent is a prefix of that (a reply may still be in progress).
/// </summary>
/// <remarks>
/// The event log shows each socket's bytes one char per byte (Latin-1). An end whose send or recv
/// was reset (an injected fault, or the peer's reset) or hit a broken pipe is no longer checked:
/// the bytes in flight are lost by design there.
/// </remarks>
internal sealed class StreamIntegrityMonitor : Monitor
{
    // Insertion order matters: the end-of-run verdict names the first end (by first send) that is wrong.
    private readonly Dictionary<string, StringBuilder> _received = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StringBuilder> _sent = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _broken = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Name => "stream-integrity";

    /// <inheritdoc />
    public override string Description => "per connection, the server sent back exactly the uppercase of what it received, in order, none lost";

    /// <inheritdoc />
    public override string? OnEvent(TraceEvent e)
    {
        if (e.Target is not { } o || !o.StartsWith("srv#", StringComparison.Ordinal) || _broken.Contains(o))
        {
            return null;
        }

        if (e.Op is "send" or "recv" && e.Result is { } result && (result.StartsWith("reset", StringComparison.Ordinal) || result == "broken pipe"))
        {
            _broken.Add(o);
            return null;
        }

        if (e.Op is "recv" or "close")
        {
            var received = Get(_received, o).ToString();
            var sent = Get(_sent, o).ToString();
            if (sent != EchoInvariants.UpperAscii(received))
            {
                return $"{o} received {EchoInvariants.Show(received)} but sent back {EchoInvariants.Show(sent)} before its next {e.Op}";
            }
        }

        if (e.Op == "recv" && e.Text is { } got)
        {
            Get(_received, o).Append(got);
        }
        else if (e.Op == "send" && e.Text is { } put)
        {
            Get(_sent, o).Append(put);
        }

        return null;
    }

    /// <inheritdoc />
    public override string? OnRunEnd(RunRecord run)
    {
        foreach (var (end, s) in _sent.Where(kv => !_broken.Contains(kv.Key)))
        {
            var received = Get(_received, end).ToString();
            if (!EchoInvariants.UpperAscii(received).StartsWith(s.ToString(), StringComparison.Ordinal))
            {
                return $"{end} received {EchoInvariants.Show(received)} but sent back {EchoInvariants.Show(s.ToString())}";
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override void WriteState(StateWriter state)
    {
        Write(state, _received);
        Write(state, _sent);
        state.Add(_broken.Count);
        foreach (var end in _broken)
        {
            state.Add(end);
        }
    }

    private static void Write(StateWriter state, Dictionary<string, StringBuilder> ends)
    {
        state.Add(ends.Count);
        foreach (var (end, bytes) in ends)
        {
            state.Add(end).Add(bytes.ToString());
        }
    }

    private static StringBuilder Get(Dictionary<string, StringBuilder> d, string k) =>
        d.TryGetValue(k, out var sb) ? sb : d[k] = new StringBuilder();
}
