namespace SimHarness.Simulation;

/// <summary>The world's clock as a <see cref="TimeProvider"/>: virtual in simulation, wall time on the real backend.</summary>
/// <remarks>
/// Only reading the clock is offered. Timers created through a TimeProvider would fire outside any
/// step, which neither scheduler controls; scenarios sleep and wait through the world instead.
/// </remarks>
internal sealed class VirtualTimeProvider(World world) : TimeProvider
{
    private static readonly DateTimeOffset s_epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => s_epoch.AddTicks(world.NowMicros * 10);

    public override long TimestampFrequency => 1_000_000;

    public override long GetTimestamp() => world.NowMicros;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("timers outside a step are not controlled: use ISim.SleepAsync");
}
