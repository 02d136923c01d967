using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.IntegrationTests.Conformance;

/// <summary>
/// One official AWS API model (the aws-sdk v2 npm package's <c>apis/*.min.json</c>) and a validator of JSON 1.1 bodies
/// against an operation's input or output shape: member names exist, JSON types match the shape types (timestamps are
/// epoch-second numbers), required members are present, no unknown members, no nulls. Each violation names its path.
/// </summary>
internal sealed class ApiModel
{
    private readonly JsonObject _operations;
    private readonly JsonObject _shapes;

    private ApiModel(string name, JsonObject model)
    {
        Name = name;
        _operations = (JsonObject)model["operations"]!;
        _shapes = (JsonObject)model["shapes"]!;
        TargetPrefix = (string)model["metadata"]!["targetPrefix"]!;
    }

    public string Name { get; }

    /// <summary>The <c>X-Amz-Target</c> prefix, e.g. <c>AWSGlue</c>.</summary>
    public string TargetPrefix { get; }

    public static ApiModel Load(string path) =>
        new(Path.GetFileName(path), JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidOperationException($"{path} is not a JSON object"));

    public bool HasOperation(string operation) => _operations.ContainsKey(operation);

    /// <summary>Violations of <paramref name="body"/> against the operation's <c>input</c> or <c>output</c> shape.</summary>
    public IReadOnlyList<string> Validate(string operation, ModelDirection direction, JsonNode? body)
    {
        var op = _operations[operation] as JsonObject
            ?? throw new ArgumentException($"{Name} has no operation {operation}", nameof(operation));
        var shape = op[direction == ModelDirection.Input ? "input" : "output"];
        var violations = new List<string>();
        if (shape is null)
        {
            // No input/output shape: only an empty object is acceptable.
            if (body is JsonObject { Count: > 0 } extra)
            {
                violations.Add($"$: {operation} has no {direction} members, got {string.Join(", ", extra.Select(p => p.Key))}");
            }

            return violations;
        }

        Check(shape, body, "$", violations);
        return violations;
    }

    private JsonObject Resolve(JsonNode reference)
    {
        var node = (JsonObject)reference;
        return node["shape"] is JsonValue name ? (JsonObject)_shapes[(string)name!]! : node;
    }

    private void Check(JsonNode reference, JsonNode? value, string path, List<string> violations)
    {
        var shape = Resolve(reference);
        var type = (string?)shape["type"] ?? "string"; // the .min.json models leave out "type": "string"
        if (value is null)
        {
            violations.Add($"{path}: null for a {type} member (AWS and the SDKs leave absent members out)");
            return;
        }

        switch (type)
        {
            case "structure":
                CheckStructure(shape, value, path, violations);
                break;
            case "list":
                if (value is not JsonArray array)
                {
                    violations.Add($"{path}: expected a list (JSON array), got {Describe(value)}");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check(shape["member"]!, array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), violations);
                }

                break;
            case "map":
                if (value is not JsonObject map)
                {
                    violations.Add($"{path}: expected a map (JSON object), got {Describe(value)}");
                    return;
                }

                foreach (var (key, item) in map)
                {
                    Check(shape["value"]!, item, $"{path}[\"{key}\"]", violations);
                }

                break;
            case "string" or "blob":
                Expect(value, JsonValueKind.String, type, path, violations);
                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    violations.Add($"{path}: expected boolean, got {Describe(value)}");
                }

                break;
            case "integer" or "long":
                if (Expect(value, JsonValueKind.Number, type, path, violations) && !value.AsValue().TryGetValue<long>(out _))
                {
                    violations.Add($"{path}: expected a whole number ({type}), got {value.ToJsonString()}");
                }

                break;
            case "double" or "float":
                Expect(value, JsonValueKind.Number, type, path, violations);
                break;
            case "timestamp":
                // The json protocol's default timestampFormat is epoch seconds, as a number.
                Expect(value, JsonValueKind.Number, "timestamp (epoch seconds)", path, violations);
                break;
            case "document":
                break;
            default:
                violations.Add($"{path}: the model's type {type} is not handled by this validator");
                break;
        }
    }

    private void CheckStructure(JsonObject shape, JsonNode value, string path, List<string> violations)
    {
        if (value is not JsonObject obj)
        {
            violations.Add($"{path}: expected a structure (JSON object), got {Describe(value)}");
            return;
        }

        var members = (JsonObject?)shape["members"] ?? [];
        foreach (var required in (JsonArray?)shape["required"] ?? [])
        {
            var name = (string)required!;
            if (!obj.ContainsKey(name))
            {
                violations.Add($"{path}.{name}: required member missing");
            }
        }

        foreach (var (name, item) in obj)
        {
            if (members[name] is not { } member)
            {
                violations.Add($"{path}.{name}: unknown member (the shape has {string.Join(", ", members.Select(m => m.Key))})");
                continue;
            }

            Check(member, item, $"{path}.{name}", violations);
        }
    }

    private static bool Expect(JsonNode value, JsonValueKind kind, string type, string path, List<string> violations)
    {
        if (value.GetValueKind() == kind)
        {
            return true;
        }

        violations.Add($"{path}: expected {type}, got {Describe(value)}");
        return false;
    }

    private static string Describe(JsonNode value) =>
        $"{value.GetValueKind().ToString().ToLowerInvariant()} {Truncate(value.ToJsonString())}";

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
