using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>A timeout turned into an absolute instant on the world's clock, so a retried wait blocks only for what is left.</summary>
internal readonly struct Deadline
{
    private readonly long _at;

    private Deadline(long at)
    {
        _at = at;
        IsSet = true;
    }

    /// <summary>False for "no timeout".</summary>
    public bool IsSet { get; }

    /// <summary>The absolute virtual time in microseconds, or -1 when unset.</summary>
    public long At => IsSet ? _at : -1;

    /// <summary>The deadline <paramref name="micros"/> from now (negative spans lie in the past).</summary>
    public static Deadline After(World world, long micros) => new(world.NowMicros + micros);

    /// <summary>Microseconds left (zero or negative once passed); -1 when no timeout is set.</summary>
    public long Remaining(World world) => IsSet ? _at - world.NowMicros : -1;

    /// <summary>Seconds as whole microseconds (banker's rounding, as the rest of the clock); negative values are kept.</summary>
    public static long ToMicros(decimal seconds) => (long)decimal.Round(seconds * 1_000_000m, MidpointRounding.ToEven);
}
