using System.Text.RegularExpressions;

namespace SimHarness.Cli;

/// <summary>Command-line parse errors in words: System.CommandLine names .NET types (<c>System.Nullable`1[System.Int32]</c>).</summary>
internal static partial class ParseErrors
{
    /// <summary><paramref name="message"/> with every .NET type name replaced by what the option expects.</summary>
    public static string Readable(string message)
    {
        var m = CannotParse().Match(message);
        if (m.Success)
        {
            return $"{m.Groups["what"].Value} '{m.Groups["name"].Value}' expects {Expected(m.Groups["type"].Value)}, got '{m.Groups["value"].Value}'";
        }

        return WithoutTypeNames(message);
    }

    /// <summary><paramref name="message"/> with every .NET type name (from a library's message) replaced by words.</summary>
    public static string WithoutTypeNames(string message) => TypeName().Replace(message, t => Expected(t.Value));

    private static string Expected(string type)
    {
        var inner = NullableOf().Match(type) is { Success: true } n ? n.Groups[1].Value : type;
        return inner switch
        {
            "System.Int32" => "an integer from -2147483648 to 2147483647",
            "System.Int64" => "an integer from -9223372036854775808 to 9223372036854775807",
            "System.UInt32" => "an integer from 0 to 4294967295",
            "System.UInt64" => "an integer from 0 to 18446744073709551615",
            "System.String" => "a string",
            "System.Double" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            _ => "a value of another kind",
        };
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<what>option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"System\.Nullable`1\[([\w.]+)\]|System\.[A-Z][\w.`\[\]]*")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"^System\.Nullable`1\[([\w.]+)\]$")]
    private static partial Regex NullableOf();
}
