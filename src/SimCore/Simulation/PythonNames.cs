namespace SimHarness.Simulation;

/// <summary>The name Python would print for a thread's target, from a .NET delegate.</summary>
internal static class PythonNames
{
    /// <summary>
    /// A method's own name; a lambda's is compiler-generated (<c>&lt;RunAsync&gt;b__2_1</c>) and reads as
    /// CPython's <c>&lt;lambda&gt;</c>; a local function's (<c>&lt;RunAsync&gt;g__Work|2_0</c>) as its own name.
    /// </summary>
    public static string TargetName(Delegate target)
    {
        var name = target.Method.Name;
        if (!name.StartsWith('<'))
        {
            return name;
        }

        var local = name.IndexOf(">g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var start = local + 4;
            var end = name.IndexOf('|', start);
            return end > start ? name[start..end] : name[start..];
        }

        return "<lambda>";
    }

    /// <summary>The last line of CPython's traceback: <c>Type: message</c>, or the type alone for an empty message, qualified as CPython qualifies it.</summary>
    public static string ExceptionLine(Exception ex)
    {
        var type = ex switch
        {
            Threading.Empty => "_queue.Empty",
            Threading.Full => "queue.Full",
            Threading.BrokenBarrierError => "threading.BrokenBarrierError",
            _ => ex.GetType().Name,
        };
        return string.IsNullOrEmpty(ex.Message) ? type : $"{type}: {ex.Message}";
    }
}
