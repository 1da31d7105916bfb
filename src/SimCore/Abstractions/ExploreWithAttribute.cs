namespace SimHarness;

/// <summary>
/// Parameters <c>explore</c> uses for a scenario whose defaults (the seed's sizes, as <c>run</c> takes
/// them) are too big to explore; <c>--param</c> still overrides each of them.
/// </summary>
/// <param name="parameters">Overrides as <c>name=value;name=value</c>.</param>
/// <example><c>[ExploreWith("clients=2;messages=2")]</c> on a server scenario whose seed runs 1000 clients.</example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ExploreWithAttribute(string parameters) : Attribute
{
    /// <summary>The overrides, <c>name=value;name=value</c>.</summary>
    public string Parameters { get; } = parameters;
}
