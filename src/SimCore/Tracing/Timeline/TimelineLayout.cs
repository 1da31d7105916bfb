namespace SimHarness.Tracing.Timeline;

/// <summary>Where things go on the page, in CSS pixels: the HTML lane headers and the SVG share it.</summary>
internal static class TimelineLayout
{
    /// <summary>Width of the left axis (step number and virtual time).</summary>
    public const int AxisWidth = 116;

    /// <summary>Width of one lane.</summary>
    public const int LaneWidth = 216;

    /// <summary>Width of a step's box inside its lane.</summary>
    public const int BoxWidth = 200;

    /// <summary>Height of one row (one event).</summary>
    public const int RowHeight = 22;

    /// <summary>Height of a step's box.</summary>
    public const int BoxHeight = 18;

    /// <summary>Space above the first row.</summary>
    public const int Top = 10;

    /// <summary>Space below the last row (for the tails of lanes blocked at the end).</summary>
    public const int Bottom = 40;

    /// <summary>Total width of the chart.</summary>
    public static int Width(int lanes) => AxisWidth + (Math.Max(1, lanes) * LaneWidth);

    /// <summary>Total height of the chart.</summary>
    public static int Height(int rows) => Top + (rows * RowHeight) + Bottom;

    /// <summary>Horizontal centre of a lane.</summary>
    public static double LaneX(int lane) => AxisWidth + (lane * LaneWidth) + (LaneWidth / 2.0);

    /// <summary>Vertical centre of a row.</summary>
    public static double RowY(int row) => Top + (row * RowHeight) + (RowHeight / 2.0);
}
