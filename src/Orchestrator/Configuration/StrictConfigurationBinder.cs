using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.Configuration;

/// <summary>
/// Binds a configuration section onto an options object and collects <b>every</b> problem instead of stopping at the first:
/// unknown keys (a typo in <c>Orchestrator__Queue__WaitTme</c> would otherwise be ignored silently) and values that do not
/// convert (<c>WaitTime = "20"</c> is 20 days, not seconds, so durations must be written <c>00:00:20</c>).
/// ConfigurationBinder throws on the first bad value and ignores unknown keys, which is why this exists.
/// </summary>
internal static class StrictConfigurationBinder
{
    public static void Bind(IConfigurationSection section, object target, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(target);
        BindObject(section, target, errors);
    }

    private static void BindObject(IConfigurationSection section, object target, List<string> errors)
    {
        var properties = target.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || IsCollection(p.PropertyType))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                errors.Add($"{child.Path}: unknown setting (known here: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}).");
                continue;
            }

            BindProperty(child, target, property, errors);
        }
    }

    private static void BindProperty(IConfigurationSection section, object target, PropertyInfo property, List<string> errors)
    {
        var type = property.PropertyType;
        if (TryConvertScalar(section, type, errors, out var scalar, out bool isScalar))
        {
            property.SetValue(target, scalar);
            return;
        }

        if (isScalar)
        {
            return; // the conversion error is already recorded
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            var elementType = type.GetGenericArguments()[0];
            foreach (var item in section.GetChildren().OrderBy(c => int.TryParse(c.Key, out int i) ? i : int.MaxValue))
            {
                if (TryConvertScalar(item, elementType, errors, out var value, out bool elementIsScalar))
                {
                    list.Add(value);
                }
                else if (!elementIsScalar)
                {
                    var element = Activator.CreateInstance(elementType)!;
                    BindObject(item, element, errors);
                    list.Add(element);
                }
            }

            property.SetValue(target, list);
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var dictionary = (IDictionary)property.GetValue(target)!;
            var valueType = type.GetGenericArguments()[1];
            foreach (var entry in section.GetChildren())
            {
                if (TryConvertScalar(entry, valueType, errors, out var scalarValue, out bool valueIsScalar))
                {
                    dictionary[entry.Key] = scalarValue;
                }
                else if (!valueIsScalar)
                {
                    var item = dictionary.Contains(entry.Key) ? dictionary[entry.Key]! : Activator.CreateInstance(valueType)!;
                    BindObject(entry, item, errors);
                    dictionary[entry.Key] = item;
                }
            }

            return;
        }

        var nested = property.GetValue(target) ?? Activator.CreateInstance(type)!;
        if (section.Value is not null && !section.GetChildren().Any())
        {
            errors.Add($"{section.Path}: expected a section with settings, found the value '{section.Value}'.");
            return;
        }

        BindObject(section, nested, errors);
        property.SetValue(target, nested);
    }

    /// <summary>Converts a leaf value; <paramref name="isScalar"/> says whether the type is a leaf type at all.</summary>
    private static bool TryConvertScalar(IConfigurationSection section, Type type, List<string> errors, out object? value, out bool isScalar)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        isScalar = underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(TimeSpan)
            || underlying == typeof(decimal) || underlying == typeof(Uri);
        if (!isScalar)
        {
            return false;
        }

        if (section.GetChildren().Any())
        {
            errors.Add($"{section.Path}: expected a single value, found a section.");
            return false;
        }

        string? raw = section.Value;
        if (underlying == typeof(string))
        {
            value = raw;
            return true;
        }

        if (string.IsNullOrWhiteSpace(raw))
        {
            if (type != underlying)
            {
                return true; // an empty nullable is null
            }

            errors.Add($"{section.Path}: a value is required ({Describe(underlying)}).");
            return false;
        }

        if (underlying == typeof(TimeSpan) && !raw.Contains(':', StringComparison.Ordinal))
        {
            // TimeSpan.Parse("30") is thirty days: almost certainly meant as seconds. Refuse rather than guess.
            errors.Add($"{section.Path}: '{raw}' is ambiguous; write a duration as [d.]hh:mm:ss, e.g. 00:00:{raw.Trim().PadLeft(2, '0')}.");
            return false;
        }

        try
        {
            value = underlying.IsEnum
                ? ParseEnum(underlying, raw)
                : TypeDescriptor.GetConverter(underlying).ConvertFromInvariantString(raw.Trim());
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException
                                       || ex.InnerException is FormatException or OverflowException)
        {
            errors.Add($"{section.Path}: '{raw}' is not {Describe(underlying)}.");
            return false;
        }
    }

    private static object ParseEnum(Type enumType, string raw)
    {
        // Only names: Enum.Parse would also accept any number, which is never what a configuration author means.
        if (!Enum.TryParse(enumType, raw.Trim(), ignoreCase: true, out var parsed) || char.IsDigit(raw.Trim()[0]))
        {
            throw new FormatException(raw);
        }

        return parsed!;
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => "a duration written [d.]hh:mm:ss, e.g. 00:00:20 for twenty seconds",
        _ when type == typeof(int) => "a whole number",
        _ when type == typeof(bool) => "true or false",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => "a valid " + type.Name,
    };

    private static bool IsCollection(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Dictionary<,>) || type.GetGenericTypeDefinition() == typeof(List<>));

    /// <summary>Formats a value for an error message in the invariant culture.</summary>
    public static string Show(object? value) => value switch
    {
        null => "(empty)",
        string s => $"'{s}'",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
