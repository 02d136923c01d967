namespace Orchestrator.Jobs.Datasets;

/// <summary>Why an object was acknowledged but kept out of the catalog. Values are metric tags: keep the set small.</summary>
public enum RejectReason
{
    /// <summary>No dataset's bucket and prefix match the key.</summary>
    NoDataset,

    /// <summary>The key lacks a partition the dataset requires, or has them in the wrong shape.</summary>
    MissingPartition,

    /// <summary>A partition value does not fit its column type or the safe character set.</summary>
    InvalidPartitionValue,

    /// <summary>
    /// The key ends in <c>/</c>: a zero-byte "folder" the S3 console and some tools create. Kept apart from the other reasons
    /// because it is expected noise, while they point at a misbehaving producer.
    /// </summary>
    FolderMarker,
}
