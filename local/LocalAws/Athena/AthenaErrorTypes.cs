namespace LocalAws.Athena;

/// <summary>
/// AthenaError.ErrorCategory and ErrorType values from the Athena error catalog
/// (docs.aws.amazon.com/athena/latest/ug/error-reference.html). Category: 1 SYSTEM, 2 USER, 3 OTHER. The 1xxx type
/// numbers below were taken from memory of that page (only its first rows could be checked offline): verify before
/// relying on an exact number.
/// </summary>
internal static class AthenaErrorTypes
{
    public const int CategorySystem = 1;
    public const int CategoryUser = 2;

    public const int InternalServiceError = 100;
    public const int UserError = 1000;
    public const int DdlTaskFailed = 1003;
    public const int SyntaxError = 1006;
    public const int QueryStoppedByUser = 1011;
    public const int NotSupported = 1200;
    public const int NotFound = 1300;
}
