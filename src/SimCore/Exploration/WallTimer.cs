namespace SimHarness.Exploration;

/// <summary>Wall-clock elapsed time of the harness's own work (exploration, time limits), never of a simulated run.</summary>
public sealed class WallTimer
{
#pragma warning disable RS0030 // Measures the harness itself, outside every simulated run: wall time is the point.
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Time since the timer was made.</summary>
    public TimeSpan Elapsed => _watch.Elapsed;
#pragma warning restore RS0030

    /// <summary>Whole milliseconds since the timer was made.</summary>
    public long ElapsedMilliseconds => (long)Elapsed.TotalMilliseconds;
}
