using System.Collections;
using System.Globalization;
using System.Text;

namespace SimHarness.Greenlets;

/// <summary>How Python values are modelled here: <c>None</c> is null, a tuple is <c>object?[]</c>, a dict is an <see cref="IDictionary"/>.</summary>
internal static class PyValues
{
    /// <summary>greenlet's rule for what a switch returns: no arguments → <c>()</c>, one → that value, several → a tuple.</summary>
    public static object? Pack(object?[] args) => args.Length == 1 ? args[0] : args;

    /// <summary>Python's <c>str</c>, as <c>print</c> writes each argument: strings as they are, anything else as its repr.</summary>
    public static string Str(object? value) => value as string ?? Repr(value);

    /// <summary>Python's <c>repr</c> of a modelled value, so C# twins print what the Python programs print.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? $"\"{s}\"" : $"'{s.Replace("'", "\\'", StringComparison.Ordinal)}'",
        object?[] tuple => tuple.Length == 1 ? $"({Repr(tuple[0])},)" : $"({string.Join(", ", tuple.Select(Repr))})",
        IDictionary dict => ReprDict(dict),
        GreenletExit => "GreenletExit()",
        Exception e => e.Message.Length == 0 ? $"{e.GetType().Name}()" : $"{e.GetType().Name}({Repr(e.Message)})",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string ReprDict(IDictionary dict)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (DictionaryEntry e in dict)
        {
            sb.Append(first ? "" : ", ").Append(Repr(e.Key)).Append(": ").Append(Repr(e.Value));
            first = false;
        }

        return sb.Append('}').ToString();
    }
}
