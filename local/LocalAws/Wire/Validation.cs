namespace LocalAws.Wire;

/// <summary>
/// Model constraint violations (missing required member, value out of range). AWS front ends answer these with
/// <c>ValidationException</c> and a message naming the member in camelCase, before the service itself sees the call.
/// </summary>
internal static class Validation
{
    public static AwsServiceException MissingMember(string member) =>
        new("ValidationException",
            $"1 validation error detected: Value null at '{CamelCase(member)}' failed to satisfy constraint: Member must not be null");

    public static AwsServiceException Constraint(string member, string value, string constraint) =>
        new("ValidationException",
            $"1 validation error detected: Value '{value}' at '{CamelCase(member)}' failed to satisfy constraint: {constraint}");

    public static AwsServiceException WrongType(string member, string expected) =>
        new("SerializationException", $"Expected {expected} for member {member}");

    private static string CamelCase(string member) =>
        member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
