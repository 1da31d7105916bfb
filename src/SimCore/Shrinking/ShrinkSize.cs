using System.Globalization;

namespace SimHarness.Shrinking;

/// <summary>How big a failing run is, in the order shrinking minimises: preemptions, then faults, then steps.</summary>
/// <param name="Steps">Thread decisions: steps taken.</param>
/// <param name="Preemptions">Steps given to another thread while the thread that took the previous step could still run.</param>
/// <param name="Faults">Data choices other than 0 (0 is "no fault", "no split", gevent's own order).</param>
public readonly record struct ShrinkSize(int Steps, int Preemptions, int Faults) : IComparable<ShrinkSize>
{
    /// <summary>Lexicographic: preemptions, faults, steps.</summary>
    public int CompareTo(ShrinkSize other)
    {
        var c = Preemptions.CompareTo(other.Preemptions);
        if (c == 0)
        {
            c = Faults.CompareTo(other.Faults);
        }

        return c != 0 ? c : Steps.CompareTo(other.Steps);
    }

    /// <summary><c>S steps, P preemptions, F faults</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Steps} steps, {Preemptions} preemptions, {Faults} faults");

    /// <summary>True when <paramref name="left"/> is smaller.</summary>
    public static bool operator <(ShrinkSize left, ShrinkSize right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is larger.</summary>
    public static bool operator >(ShrinkSize left, ShrinkSize right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is not larger.</summary>
    public static bool operator <=(ShrinkSize left, ShrinkSize right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is not smaller.</summary>
    public static bool operator >=(ShrinkSize left, ShrinkSize right) => left.CompareTo(right) >= 0;
}
