using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Ingestion.Notifications;

/// <summary>
/// Typed reads of notification fields that remember the first problem instead of throwing: callers read every field, then
/// check <see cref="Error"/> once. After the first error every read returns a default, so a bad message costs no exceptions.
/// Errors name the JSON path (<c>Records[2].s3.object.key is missing</c>) but never echo a value, which may be sensitive.
/// </summary>
internal sealed class JsonFieldReader
{
    // S3 writes eventTime as 1970-01-01T00:00:00.000Z and EventBridge writes time as 2021-11-12T00:00:00Z; both fit this
    // ISO-8601 pattern. A missing offset is read as UTC, which is what AWS means where it omits one.
    private const string IsoTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK";

    // S3 sends 16 to 18 hex digits; the bound only keeps nonsense out of the ledger.
    private const int MaxSequencerLength = 64;

    /// <summary>The first problem found, or null while every read has succeeded.</summary>
    public string? Error { get; private set; }

    public static string Path(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string WrongType(string path, JsonElement element, string expected) =>
        $"{path} is {Describe(element.ValueKind)}, expected {expected}";

    /// <summary>True when the property exists and is the given string; never throws, even on invalid escapes.</summary>
    public static bool Is(JsonElement parent, string name, string expected) =>
        parent.TryGetProperty(name, out JsonElement element)
        && element.ValueKind == JsonValueKind.String
        && element.ValueEquals(expected);

    /// <summary>Records <paramref name="error"/> unless an earlier one is already recorded.</summary>
    public void Fail(string? error) => Error ??= error;

    public JsonElement Object(JsonElement parent, string parentPath, string name)
    {
        if (!TryGet(parent, parentPath, name, out JsonElement value))
        {
            Fail($"{Path(parentPath, name)} is missing");
            return default;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(WrongType(Path(parentPath, name), value, "an object"));
            return default;
        }

        return value;
    }

    /// <summary>A string that must be present and non-empty.</summary>
    public string String(JsonElement parent, string parentPath, string name)
    {
        if (Error is not null)
        {
            return string.Empty;
        }

        string? value = OptionalString(parent, parentPath, name);
        if (Error is null && string.IsNullOrEmpty(value))
        {
            Fail($"{Path(parentPath, name)} is {(value is null ? "missing" : "empty")}");
        }

        return Error is null ? value! : string.Empty;
    }

    /// <summary>A string that may be absent or JSON null (S3 sends <c>"versionId":null</c> on unversioned buckets).</summary>
    public string? OptionalString(JsonElement parent, string parentPath, string name)
    {
        if (!TryGet(parent, parentPath, name, out JsonElement element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            Fail(WrongType(Path(parentPath, name), element, "a string"));
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            // JSON escapes can spell a lone surrogate (\ud800), which is not text; GetString refuses it.
            Fail($"{Path(parentPath, name)} is not valid Unicode");
            return null;
        }
    }

    /// <summary>Object size in bytes: absent on removals, otherwise a non-negative integer.</summary>
    public long? OptionalSize(JsonElement parent, string parentPath, string name)
    {
        if (!TryGet(parent, parentPath, name, out JsonElement element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            Fail(WrongType(Path(parentPath, name), element, "a number"));
            return null;
        }

        if (!element.TryGetInt64(out long size) || size < 0)
        {
            Fail($"{Path(parentPath, name)} is not a non-negative integer");
            return null;
        }

        return size;
    }

    public DateTimeOffset Time(JsonElement parent, string parentPath, string name)
    {
        string text = String(parent, parentPath, name);
        if (Error is not null)
        {
            return default;
        }

        if (!DateTimeOffset.TryParseExact(text, IsoTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            Fail($"{Path(parentPath, name)} is not an ISO-8601 time");
        }

        return time;
    }

    /// <summary>
    /// S3's per-key ordering token. It must be hex because <c>SequencerOrder</c> compares it as padded hex text: anything else
    /// would order events wrongly without an error.
    /// </summary>
    public string? OptionalSequencer(JsonElement parent, string parentPath, string name)
    {
        string? value = OptionalString(parent, parentPath, name);
        if (value is not null && (value.Length is 0 or > MaxSequencerLength || !value.All(char.IsAsciiHexDigit)))
        {
            Fail($"{Path(parentPath, name)} is not a hexadecimal sequencer");
            return null;
        }

        return value;
    }

    private bool TryGet(JsonElement parent, string parentPath, string name, out JsonElement value)
    {
        value = default;

        // After an error the parent may be a default JsonElement, on which TryGetProperty would throw.
        return Error is null
            && parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty(name, out value)
            && value.ValueKind != JsonValueKind.Null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
