namespace SimHarness.Scenarios.Sockets;

/// <summary>The echo-upper end-of-run invariant over the output, and the helpers its monitors share.</summary>
internal static class EchoInvariants
{
    /// <summary>Every client line is the whole uppercase of <c>'&lt;its name&gt; hello'</c>.</summary>
    public static string? WholeReplies(IReadOnlyList<OutputLine> output)
    {
        foreach (var line in output)
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

    internal static string UpperAscii(string s) =>
        string.Create(s.Length, s, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                span[i] = src[i] is >= 'a' and <= 'z' ? (char)(src[i] - 32) : src[i];
            }
        });

    internal static string Show(string s) => "'" + s.Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
