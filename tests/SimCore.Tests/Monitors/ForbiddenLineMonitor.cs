namespace SimHarness.Tests.Monitors;

/// <summary>A safety monitor for the tests: the line <c>bad</c> may never be printed; it counts the lines before it.</summary>
internal sealed class ForbiddenLineMonitor(string bad) : Monitor
{
    /// <summary>Print events seen so far.</summary>
    public int Printed { get; set; }

    public override string Name => "no-bad-line";

    public override string? OnEvent(TraceEvent e)
    {
        if (e.Op != "print")
        {
            return null;
        }

        Printed++;
        return e.Text == bad ? $"printed '{bad}' after {Printed - 1} other line(s)" : null;
    }

    public override void WriteState(StateWriter state) => state.Add(Printed);
}
