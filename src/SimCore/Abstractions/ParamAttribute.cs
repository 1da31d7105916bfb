namespace SimHarness;

/// <summary>Marks a scenario property as a parameter settable with <c>--param name=value</c>.</summary>
/// <param name="description">What the parameter means (and its unit).</param>
/// <remarks>
/// <see cref="Min"/> and <see cref="Max"/> bound the values accepted from the command line, traces and
/// census files; <c>list</c> shows them. Seconds are always within [0, 1,000,000] (the virtual clock
/// counts microseconds in 64 bits, and sums of delays must not overflow it).
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ParamAttribute(string description) : Attribute
{
    /// <summary>What the parameter means.</summary>
    public string Description { get; } = description;

    /// <summary>The smallest value accepted (integers and seconds); unset: the type's own.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>The largest value accepted (integers and seconds); unset: the type's own.</summary>
    public double Max { get; set; } = double.NaN;
}
