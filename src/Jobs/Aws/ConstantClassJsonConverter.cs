using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws;

/// <summary>Reads and writes a <see cref="ConstantClass"/> as its plain wire string.</summary>
/// <typeparam name="T">The enumeration type.</typeparam>
internal sealed class ConstantClassJsonConverter<T> : JsonConverter<T>
    where T : ConstantClass, IConstantClass<T>
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : T.FindValue(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
