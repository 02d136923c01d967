namespace Orchestrator.Jobs.Costs;

/// <summary>
/// Estimated Athena cost of a query as Athena bills it (SQL queries on the engine, not provisioned capacity): bytes scanned
/// rounded up to the next megabyte, at least 10 MB for a query that scanned anything, times the price per terabyte (USD 5
/// in most regions; a terabyte here is 2^40 bytes). A query that scanned nothing — DDL, a failed query — costs nothing.
/// </summary>
public sealed class AthenaPricing(double terabytePrice)
{
    /// <summary>Athena's list price in most regions, USD per TB scanned.</summary>
    public const double DefaultTerabytePrice = 5.0;

    private const long Megabyte = 1L << 20;
    private const long MinimumBilled = 10 * Megabyte;
    private const double Terabyte = 1L << 40;

    /// <summary>USD per terabyte scanned.</summary>
    public double TerabytePrice { get; } = terabytePrice;

    /// <summary>The bytes Athena bills for a query that scanned <paramref name="bytesScanned"/>.</summary>
    public static long BilledBytes(long bytesScanned) =>
        bytesScanned <= 0 ? 0 : Math.Max(MinimumBilled, (bytesScanned + Megabyte - 1) / Megabyte * Megabyte);

    /// <summary>USD for one query that scanned <paramref name="bytesScanned"/> (Athena's <c>DataScannedInBytes</c>).</summary>
    public double Cost(long bytesScanned) => BilledBytes(bytesScanned) / Terabyte * TerabytePrice;
}
