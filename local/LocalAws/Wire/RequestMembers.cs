using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalAws.Wire;

/// <summary>Typed reads of request members with the errors AWS gives for missing or malformed ones.</summary>
internal static class RequestMembers
{
    public static string RequiredString(this JsonObject request, string member) =>
        request.OptionalString(member) is { Length: > 0 } value ? value : throw Validation.MissingMember(member);

    public static string? OptionalString(this JsonObject request, string member)
    {
        var node = request[member];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Validation.WrongType(member, "a string");
    }

    public static int? OptionalInt(this JsonObject request, string member, int min, int max)
    {
        var node = request[member];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<int>(out var number))
        {
            throw Validation.WrongType(member, "an integer");
        }

        if (number < min)
        {
            throw Validation.Constraint(member, number.ToString(CultureInfo.InvariantCulture),
                $"Member must have value greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (number > max)
        {
            throw Validation.Constraint(member, number.ToString(CultureInfo.InvariantCulture),
                $"Member must have value less than or equal to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return number;
    }

    public static JsonObject RequiredObject(this JsonObject request, string member) =>
        request.OptionalObject(member) ?? throw Validation.MissingMember(member);

    public static JsonObject? OptionalObject(this JsonObject request, string member) => request[member] switch
    {
        null => null,
        JsonObject value => value,
        _ => throw Validation.WrongType(member, "an object"),
    };

    public static JsonArray RequiredArray(this JsonObject request, string member) => request[member] switch
    {
        null => throw Validation.MissingMember(member),
        JsonArray value => value,
        _ => throw Validation.WrongType(member, "a list"),
    };

    /// <summary>A list of strings with the model's length limits.</summary>
    public static IReadOnlyList<string> RequiredStringList(this JsonObject request, string member, int min, int max)
    {
        var array = request.RequiredArray(member);
        if (array.Count < min || array.Count > max)
        {
            throw Validation.Constraint(member, "[...]",
                $"Member must have length between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return [.. array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Validation.WrongType(member, "strings"))];
    }

    /// <summary>A map of strings (Arguments, Parameters); absent means empty.</summary>
    public static Dictionary<string, string> StringMap(this JsonObject request, string member)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.OptionalObject(member) is { } obj)
        {
            foreach (var (key, value) in obj)
            {
                map[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Validation.WrongType(member, "a map of strings");
            }
        }

        return map;
    }

    /// <summary>A list of strings read from any node (partition values, for one).</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, string member) => node switch
    {
        JsonArray array => [.. array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Validation.WrongType(member, "strings"))],
        null => throw Validation.MissingMember(member),
        _ => throw Validation.WrongType(member, "a list"),
    };

    public static JsonObject ToJsonObject(this IReadOnlyDictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map)
        {
            obj[key] = value;
        }

        return obj;
    }
}
