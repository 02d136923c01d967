using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Jobs.Aws;

/// <summary>
/// Timestamps of the <c>json</c> protocol (Glue, Athena): the models give no <c>timestampFormat</c>, so the protocol default
/// applies, which is epoch seconds as a JSON number with a fraction (<c>1700000000.123</c>). Reads also accept an ISO 8601
/// string, which some emulators send. Values are UTC; an unspecified <see cref="DateTimeKind"/> is taken as UTC.
/// </summary>
internal sealed class EpochSecondsJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return FromSeconds(reader.GetDecimal());
        }

        var text = reader.GetString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromSeconds(seconds);
        }

        return DateTime.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        // Milliseconds are what the services keep; more digits only make signatures and logs noisier.
        var seconds = decimal.Round((utc.Ticks - DateTime.UnixEpoch.Ticks) / (decimal)TimeSpan.TicksPerSecond, 3);
        writer.WriteNumberValue(seconds);
    }

    private static DateTime FromSeconds(decimal seconds) =>
        new(DateTime.UnixEpoch.Ticks + (long)decimal.Round(seconds * TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
