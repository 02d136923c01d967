namespace Orchestrator.Jobs.Objects;

/// <summary>
/// Orders S3 sequencer values. S3 documents that sequencers of different lengths are compared by right-padding the
/// shorter with zeros and then comparing lexicographically; only events on the same key are comparable.
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
/// </summary>
public static class SequencerOrder
{
    /// <summary>Negative when <paramref name="a"/> happened before <paramref name="b"/>; a missing sequencer sorts first.</summary>
    public static int Compare(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return string.IsNullOrEmpty(a) ? (string.IsNullOrEmpty(b) ? 0 : -1) : 1;
        }

        int width = Math.Max(a.Length, b.Length);
        return string.CompareOrdinal(Normalize(a, width), Normalize(b, width));
    }

    /// <summary>The sequencer right-padded with zeros to <paramref name="width"/>, upper-case, so stores can compare it as text.</summary>
    public static string Normalize(string sequencer, int width = 32) =>
        sequencer.ToUpperInvariant().PadRight(Math.Max(width, sequencer.Length), '0');
}
