using System.Globalization;

namespace SimHarness.Tests.Vocabulary;

/// <summary>Python's <c>print</c> formatting of the few value kinds the twins print, and its <c>f"{type(e).__name__}: {e}"</c>.</summary>
internal static class Py
{
    /// <summary>What <c>print(a, b, ...)</c> writes.</summary>
    public static string Print(params object?[] values) => string.Join(' ', values.Select(Str));

    /// <summary>Python's <c>str(value)</c>.</summary>
    public static string Str(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => s,
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Repr)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Python's <c>repr(value)</c>: strings quoted.</summary>
    public static string Repr(object? value) => value is string s ? $"'{s}'" : Str(value);

    /// <summary>The twins' <c>err(f)</c>: "ok value" or "Type: message".</summary>
    public static async Task<string> ErrAsync(Func<Task<object?>> f)
    {
        try
        {
            return Print("ok", await f());
        }
        catch (Exception ex) when (ex is Threading.RuntimeError or Threading.ValueError or Threading.Empty or Threading.Full)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary><see cref="ErrAsync(Func{Task{object}})"/> for a call that returns nothing.</summary>
    public static Task<string> ErrAsync(Func<Task> f) => ErrAsync(async () =>
    {
        await f();
        return null;
    });
}
