using System.Text;

namespace SimHarness.Scenarios.Sockets;

/// <summary>The echo-upper invariants, stated over a run's output and event log.</summary>
/// <remarks>The event log shows each socket's bytes one char per byte (Latin-1), on objects <c>srv#N</c> (server ends).</remarks>
internal static class EchoInvariants
{
    /// <summary>
    /// Per server end: whenever the server receives again (or closes), everything it received so far
    /// has been sent back uppercased (the echo server replies before reading more); at the end of the
    /// run what it sent is a prefix of that (a reply may still be in progress).
    /// </summary>
    public static string? StreamIntegrity(RunRecord r)
    {
        var received = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        var sent = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        foreach (var e in r.Events)
        {
            if (e.Target is not { } o || !o.StartsWith("srv#", StringComparison.Ordinal))
            {
                continue;
            }

            if (e.Op is "recv" or "close")
            {
                var expected = UpperAscii(Get(received, o).ToString());
                if (Get(sent, o).ToString() != expected)
                {
                    return $"{o} received {Show(Get(received, o).ToString())} but sent back {Show(Get(sent, o).ToString())} before its next {e.Op}";
                }
            }

            if (e.Op == "recv" && e.Text is { } got)
            {
                Get(received, o).Append(got);
            }
            else if (e.Op == "send" && e.Text is { } put)
            {
                Get(sent, o).Append(put);
            }
        }

        foreach (var (end, s) in sent)
        {
            var expected = UpperAscii(Get(received, end).ToString());
            if (!expected.StartsWith(s.ToString(), StringComparison.Ordinal))
            {
                return $"{end} received {Show(Get(received, end).ToString())} but sent back {Show(s.ToString())}";
            }
        }

        return null;
    }

    /// <summary>The accept loop never died (it reports through <c>server-survives</c> assertions during the run).</summary>
    public static string? ServerSurvives(RunRecord r) =>
        r.Events.Any(e => e.Thread == "server" && e.Op == "finish") ? "the server's accept loop finished" : null;

    /// <summary>Every client line is the whole uppercase of <c>'&lt;its name&gt; hello'</c>.</summary>
    public static string? WholeReplies(RunRecord r)
    {
        foreach (var line in r.Output)
        {
            if (!line.Thread.StartsWith("Thread-", StringComparison.Ordinal))
            {
                continue;
            }

            var expected = UpperAscii($"{line.Thread} hello");
            if (line.Text != expected)
            {
                return $"{line.Thread} printed {Show(line.Text)}, expected {Show(expected)}";
            }
        }

        return null;
    }

    private static StringBuilder Get(Dictionary<string, StringBuilder> d, string k) =>
        d.TryGetValue(k, out var sb) ? sb : d[k] = new StringBuilder();

    private static string UpperAscii(string s) =>
        string.Create(s.Length, s, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                span[i] = src[i] is >= 'a' and <= 'z' ? (char)(src[i] - 32) : src[i];
            }
        });

    private static string Show(string s) => "'" + s.Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
