using FsCheck;
using FsCheck.Fluent;

namespace SimHarness.Tests.Clock;

/// <summary>Generators for the clock properties: sleep plans in microseconds, with ties made likely.</summary>
internal static class ClockGen
{
    /// <summary>A sleep length in microseconds: often a multiple of 0.1 s (so deadlines tie), else anything up to 2 s.</summary>
    public static Gen<int> Micros { get; } =
        Gen.OneOf(Gen.Choose(0, 20).Select(k => k * 100_000), Gen.Choose(0, 2_000_000));

    /// <summary>Per thread (1 to 4 threads), a list of 1 to 4 sleeps.</summary>
    public static Gen<int[][]> Plan { get; } =
        from threads in Gen.Choose(1, 4)
        from plan in Gen.ArrayOf(Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Micros, n)), threads)
        select plan;

    /// <summary>A sleep plan and a scheduler seed.</summary>
    public static Arbitrary<(int[][] Plan, int Seed)> PlanAndSeed { get; } =
        Gen.Zip(Plan, Gen.Choose(0, int.MaxValue - 1)).ToArbitrary();

    /// <summary>Seconds as a decimal from microseconds, the way a user writes 0.1.</summary>
    public static decimal Seconds(int micros) => micros / 1_000_000m;
}
