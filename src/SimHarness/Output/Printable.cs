using System.Globalization;
using System.Text;

namespace SimHarness.Cli.Output;

/// <summary>Text from files (traces, reports) made safe for a terminal: control characters are written as escapes.</summary>
/// <remarks>
/// A crafted thread name or invariant could otherwise retitle the terminal, clear the screen or reorder
/// text (ESC sequences, C1 controls, bidirectional overrides). Escapes look like JSON's: <c>\u001b</c>.
/// </remarks>
internal static class Printable
{
    /// <summary><paramref name="text"/> with every control and bidi-override character escaped; null stays null.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is (>= '\u200E' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
