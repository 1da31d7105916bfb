using System.Globalization;
using System.Reflection;

namespace SimHarness.Catalog;

/// <summary>One scenario parameter: its name, type, default and meaning.</summary>
public sealed class ParamInfo
{
    /// <summary>The bound of every seconds parameter: microseconds of a sum of many such delays still fit in 64 bits.</summary>
    public const decimal MaxSeconds = 1_000_000m;

    internal ParamInfo(PropertyInfo property, ParamAttribute attribute, object? defaultValue)
    {
        Property = property;
        Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        Description = attribute.Description;
        Default = defaultValue;
        (Min, Max) = Bounds(property.PropertyType, attribute);
    }

    /// <summary>The name <c>--param</c> takes (the property's name, camel-cased).</summary>
    public string Name { get; }

    /// <summary>What the parameter means.</summary>
    public string Description { get; }

    /// <summary>The default value (the property's initial value).</summary>
    public object? Default { get; }

    /// <summary>The parameter's type.</summary>
    public Type Type => Property.PropertyType;

    /// <summary>A short type name for help texts.</summary>
    public string TypeName => Type == typeof(decimal) ? "seconds" : Type == typeof(int) || Type == typeof(long) ? "integer" : Type == typeof(bool) ? "bool" : "string";

    /// <summary>The smallest value accepted, for integers and seconds; null for other types.</summary>
    public decimal? Min { get; }

    /// <summary>The largest value accepted, for integers and seconds; null for other types.</summary>
    public decimal? Max { get; }

    /// <summary>The range as <c>list</c> shows it: <c>1..10000</c>, or empty for types without one.</summary>
    public string RangeText => Min is { } lo && Max is { } hi ? $"{Format(lo)}..{Format(hi)}" : "";

    internal PropertyInfo Property { get; }

    /// <summary>Formats a value the way <c>--param</c> and traces write it.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        decimal d => d.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Parses <paramref name="text"/> as this parameter's type, or explains in one line why not.</summary>
    public object Parse(string text, string scenario)
    {
        object? v = null;
        if (Type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            v = i;
        }
        else if (Type == typeof(long) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            v = l;
        }
        else if (Type == typeof(decimal) && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
        {
            v = d;
        }
        else if (Type == typeof(bool) && bool.TryParse(text, out var b))
        {
            v = b;
        }
        else if (Type == typeof(string))
        {
            v = text;
        }

        if (v is null || (Min is not null && !InRange(v)))
        {
            throw new UsageException($"parameter '{Name}' of {scenario} expects {Article(TypeName)}{(Min is null ? "" : $" in {RangeText}")}, got '{text}'");
        }

        return v;
    }

    private bool InRange(object v)
    {
        var d = v switch
        {
            int i => i,
            long l => l,
            decimal m => m,
            _ => 0m,
        };
        return d >= Min && d <= Max;
    }

    private static (decimal?, decimal?) Bounds(Type type, ParamAttribute a)
    {
        (decimal Lo, decimal Hi)? own = type == typeof(int) ? (int.MinValue, int.MaxValue)
            : type == typeof(long) ? (long.MinValue, long.MaxValue)
            : type == typeof(decimal) ? (0m, MaxSeconds)
            : null;
        if (own is not { } o)
        {
            return (null, null);
        }

        var lo = double.IsNaN(a.Min) ? o.Lo : Math.Max(o.Lo, (decimal)a.Min);
        var hi = double.IsNaN(a.Max) ? o.Hi : Math.Min(o.Hi, (decimal)a.Max);
        return (lo, hi);
    }

    private static string Article(string type) => type switch
    {
        "integer" => "an integer",
        "seconds" => "a number of seconds",
        "bool" => "true or false",
        _ => "a string",
    };
}
