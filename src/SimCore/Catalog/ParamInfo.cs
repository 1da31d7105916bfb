using System.Globalization;
using System.Reflection;

namespace SimHarness.Catalog;

/// <summary>One scenario parameter: its name, type, default and meaning.</summary>
public sealed class ParamInfo
{
    internal ParamInfo(PropertyInfo property, string description, object? defaultValue)
    {
        Property = property;
        Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        Description = description;
        Default = defaultValue;
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

        return v ?? throw new UsageException($"parameter '{Name}' of {scenario} expects {Article(TypeName)}, got '{text}'");
    }

    private static string Article(string type) => type switch
    {
        "integer" => "an integer",
        "seconds" => "a number of seconds",
        "bool" => "true or false",
        _ => "a string",
    };
}
