using System.Text;

namespace SimHarness.Scenarios.Sockets;

/// <summary>The echo-upper invariants, stated over a run's output and event log.</summary>
/// <remarks>The event log shows each socket's bytes one char per byte (Latin-1), on objects <c>srv#N</c> (server ends).</remarks>
internal static class EchoInvariants
{
    /// <summary>Per server end: what it sent is the uppercase of what it received (a prefix while the connection is still open).</summary>
    public static string? StreamIntegrity(RunRecord r)
    {
        var received = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        var sent = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in r.Events)
        {
            if (e.Target is not { } o || !o.StartsWith("srv#", StringComparison.Ordinal))
            {
                continue;
            }

            if (e.Op == "recv" && e.Text is { } got)
            {
                Get(received, o).Append(got);
            }
            else if (e.Op == "send" && e.Text is { } put)
            {
                Get(sent, o).Append(put);
            }
            else if (e.Op == "close")
            {
                closed.Add(o);
            }
        }

        foreach (var (end, s) in sent)
        {
            var expected = UpperAscii(Get(received, end).ToString());
            var actual = s.ToString();
            var ok = closed.Contains(end) ? actual == expected : expected.StartsWith(actual, StringComparison.Ordinal);
            if (!ok)
            {
                return $"{end} received {Show(Get(received, end).ToString())} but sent back {Show(actual)}";
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
