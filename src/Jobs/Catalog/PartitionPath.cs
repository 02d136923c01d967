using Orchestrator.Jobs.Datasets;

namespace Orchestrator.Jobs.Catalog;

/// <summary>Conversions between the canonical hive path the ledger stores (<c>year=2024/month=01</c>) and catalog values.</summary>
public static class PartitionPath
{
    /// <summary>The values in column order, from a canonical hive path.</summary>
    public static List<string> Values(string canonical) =>
        canonical.Length == 0 ? [] : canonical.Split('/').Select(segment => segment[(segment.IndexOf('=', StringComparison.Ordinal) + 1)..]).ToList();

    /// <summary>
    /// The folder (relative, ending in '/') where the partition's objects live under the dataset's prefix: the canonical
    /// path itself for hive-style keys, the bare values for a positional key template.
    /// </summary>
    public static string Folder(DatasetSource source, string canonical)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (canonical.Length == 0)
        {
            return "";
        }

        return (source.KeyTemplate is null ? canonical : string.Join('/', Values(canonical))) + "/";
    }

    /// <summary>Joins a table location and a relative folder with exactly one '/'.</summary>
    public static string Combine(string location, string folder) => location.TrimEnd('/') + "/" + folder;
}
