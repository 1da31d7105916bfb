namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so the harness's types win over System.Threading's.
using SimHarness.Threading;

/// <summary>What the Python twins print: <c>print</c>'s forms of the few values they show, and their <c>err(f)</c>.</summary>
internal static class PyLines
{
    /// <summary>The Python program's <c>err(f)</c>: "ok value" or "Type: message".</summary>
    public static async Task Err(ISim sim, Func<Task<object>> f)
    {
        string line;
        try
        {
            line = $"ok {await f()}";
        }
        catch (Exception e) when (e is RuntimeError or ValueError or OverflowError or AttributeError or Empty or Full)
        {
            line = $"{e.GetType().Name}: {e.Message}";
        }

        await sim.PrintAsync(line);
    }

    public static Task Err(ISim sim, Func<Task<string>> f) => Err(sim, async () => (object)await f());

    public static Task Err(ISim sim, Func<Task> f) => Err(sim, async () =>
    {
        await f();
        return (object)"None";
    });

    public static string Bool(bool b) => b ? "True" : "False";

    public static string None(int? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None";

    public static string Names(IEnumerable<SimThread> threads) => "[" + string.Join(", ", threads.Select(t => $"'{t.Name}'")) + "]";
}
