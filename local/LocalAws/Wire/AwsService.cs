namespace LocalAws.Wire;

/// <summary>The two JSON 1.1 services the emulator speaks; each has its own names for the same kinds of error.</summary>
internal enum AwsService
{
    Glue,
    Athena,
}
