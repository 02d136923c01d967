using System.Globalization;

namespace Orchestrator.Jobs.Datasets;

/// <summary>
/// What a partition value or a column name may look like before it reaches the Glue catalog or an Athena statement.
/// Values come from object keys, which anyone with write access to the bucket chooses: the rules are a whitelist so that a
/// crafted key can never carry quotes, path separators, escapes or control characters into DDL or a partition location.
/// </summary>
public static class PartitionValueRules
{
    /// <summary>Longest accepted value or name. Glue allows 1,024 bytes for a value; nothing legitimate comes close.</summary>
    public const int MaxLength = 255;

    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;

    /// <summary>True when <paramref name="value"/> is a valid partition value of type <paramref name="type"/>.</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><see cref="PartitionColumnType.Int"/>: optional <c>-</c> then ASCII digits, within int32; leading zeros
    /// (<c>01</c>) allowed.</item>
    /// <item><see cref="PartitionColumnType.BigInt"/>: the same within int64.</item>
    /// <item><see cref="PartitionColumnType.Date"/>: <c>yyyy-MM-dd</c>, a real calendar date.</item>
    /// <item><see cref="PartitionColumnType.String"/>: 1 to 255 of ASCII letters, digits, <c>_</c>, <c>-</c>, <c>.</c>.</item>
    /// </list>
    /// </remarks>
    public static bool IsValid(string? value, PartitionColumnType type)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        return type switch
        {
            PartitionColumnType.Int => IsSignedDigits(value) && int.TryParse(value, Integer, CultureInfo.InvariantCulture, out _),
            PartitionColumnType.BigInt => IsSignedDigits(value) && long.TryParse(value, Integer, CultureInfo.InvariantCulture, out _),
            PartitionColumnType.Date => IsDate(value),
            PartitionColumnType.String => value.All(IsSafeChar),
            _ => false,
        };
    }

    /// <summary>
    /// True for a Glue column or table name as this service writes it: <c>^[a-z_][a-z0-9_]{0,254}$</c>. Glue lower-cases names,
    /// so an upper-case name in configuration would silently become a different name in the catalog.
    /// </summary>
    public static bool IsValidIdentifier(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>What a valid value of <paramref name="type"/> looks like, for rejection details.</summary>
    internal static string Describe(PartitionColumnType type) => type switch
    {
        PartitionColumnType.Int => "an int (optional '-' and digits, within 32 bits)",
        PartitionColumnType.BigInt => "a bigint (optional '-' and digits, within 64 bits)",
        PartitionColumnType.Date => "a date (yyyy-MM-dd, a real calendar day)",
        PartitionColumnType.String => $"a string (1 to {MaxLength} of A-Z a-z 0-9 _ - .)",
        _ => "a supported type",
    };

    // int.TryParse alone would also accept '+', spaces and other cultures' digits.
    private static bool IsSignedDigits(string value)
    {
        int start = value[0] == '-' ? 1 : 0;
        return value.Length > start && value.AsSpan(start).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static bool IsDate(string value) =>
        value.Length == 10
        && value[4] == '-'
        && value[7] == '-'
        && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3])
        && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[6]) && char.IsAsciiDigit(value[8]) && char.IsAsciiDigit(value[9])
        && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsSafeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
}
