namespace SimHarness.Threading;

/// <summary>Timeouts in whole microseconds, and CPython's overflow of its nanosecond clock.</summary>
internal static class Timeouts
{
    /// <summary>The longest wait in microseconds whose nanoseconds still fit CPython's 64-bit clock.</summary>
    public const long MaxMicros = 9_223_372_036_854_775;

    /// <summary>CPython's message when a timeout's nanoseconds overflow (<c>_PyTime_FromSecondsObject</c>).</summary>
    public const string OverflowMessage = "timestamp out of range for platform time_t";

    /// <summary>Above any wait a clock can hold: saturating here keeps the conversion from throwing .NET's own overflow.</summary>
    private const decimal SaturateSeconds = 1_000_000_000_000m;

    /// <summary>Seconds as whole microseconds (banker's rounding, as the rest of the clock); negative values are kept, huge ones saturate above <see cref="MaxMicros"/>.</summary>
    public static long ToMicros(decimal seconds) =>
        seconds >= SaturateSeconds ? MaxMicros + 1 : (long)decimal.Round(seconds * 1_000_000m, MidpointRounding.ToEven);

    /// <summary>Raises CPython's <c>OverflowError</c> for a wait of <paramref name="micros"/> (callers check where CPython converts the timeout).</summary>
    /// <exception cref="OverflowError">The wait is too long for CPython's clock.</exception>
    public static void CheckBlocking(long micros)
    {
        if (micros > MaxMicros)
        {
            throw new OverflowError(OverflowMessage);
        }
    }

    /// <summary>True when a timeout is past what CPython's clock can hold: such a call raises as soon as it would block, so it takes no guard (docs/state-caching.md).</summary>
    public static bool Overflows(decimal? seconds) => seconds is { } s && ToMicros(s) > MaxMicros;

    /// <summary><see cref="CheckBlocking"/> of a timeout in seconds (null: no timeout).</summary>
    /// <exception cref="OverflowError">The wait is too long for CPython's clock.</exception>
    public static void Check(decimal? seconds)
    {
        if (seconds is { } s)
        {
            CheckBlocking(ToMicros(s));
        }
    }
}
