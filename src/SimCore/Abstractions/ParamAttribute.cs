namespace SimHarness;

/// <summary>Marks a scenario property as a parameter settable with <c>--param name=value</c>.</summary>
/// <param name="description">What the parameter means (and its unit).</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ParamAttribute(string description) : Attribute
{
    /// <summary>What the parameter means.</summary>
    public string Description { get; } = description;
}
