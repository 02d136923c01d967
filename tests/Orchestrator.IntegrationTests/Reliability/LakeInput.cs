using System.Globalization;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Orchestrator.IntegrationTests.Scheduling;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>One uploaded CSV (one data row) of a reliability run.</summary>
internal sealed record InputObject(int Index, string Key, int Year, int Month, string Name, double Amount);

/// <summary>
/// The input of a reliability run: <c>count</c> one-row CSVs with crafted names spread over 24 partitions, uploaded to the
/// S3 emulator, and their S3 event notifications (one record per message, AWS's format and key encoding, growing
/// sequencers). Amounts are multiples of 0.25, so every sum is exact in binary floating point and the query's sums can be
/// compared for equality.
/// </summary>
internal sealed class LakeInput
{
    private static readonly string[] Names = ["alice", "bob", "carol", "dave"];

    private LakeInput(Lake lake, IReadOnlyList<InputObject> objects)
    {
        Lake = lake;
        Objects = objects;
    }

    public Lake Lake { get; }

    public IReadOnlyList<InputObject> Objects { get; }

    public static LakeInput Create(Lake lake, int count) => new(lake, [.. Enumerable.Range(0, count).Select(i => Object(lake, i))]);

    private static InputObject Object(Lake lake, int i)
    {
        int year = 2023 + (i / 12 % 2);
        int month = (i % 12) + 1;
        string key = string.Create(CultureInfo.InvariantCulture, $"{lake.RawPrefix}year={year}/month={month:D2}/{CraftedKeys.FileName(i)}");
        return new InputObject(i, key, year, month, Names[i % Names.Length], ((i % 8) + 1) * 0.25);
    }

    /// <summary>Raw partitions as the catalog lists them (<c>2024/01</c>: the folder's text).</summary>
    public IReadOnlyList<string> RawPartitions => [.. Objects.Select(o => $"{o.Year}/{o.Month:D2}").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Curated partitions as the job writes them (<c>2024/1</c>: integers derived from the date column).</summary>
    public IReadOnlyList<string> CuratedPartitions => [.. Objects.Select(o => $"{o.Year}/{o.Month}").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Expected rows of the sums query: year, month, name → (sum, count).</summary>
    public IReadOnlyDictionary<(int Year, int Month, string Name), (double Sum, int Count)> Sums => Objects
        .GroupBy(o => (o.Year, o.Month, o.Name))
        .ToDictionary(g => g.Key, g => (g.Sum(o => o.Amount), g.Count()));

    public static Task UploadAsync(GlueStackFixture stack, IEnumerable<InputObject> objects, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (o, ct) =>
            await stack.Emulator.S3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = GlueStackFixture.Bucket,
                Key = o.Key,
                ContentBody = string.Create(CultureInfo.InvariantCulture, $"id,name,amount,date\n{o.Index},{o.Name},{o.Amount},{o.Year}-{o.Month:D2}-15\n"),
            }, ct));

    /// <summary>The notification S3 sends for an object: one record, its key form-URL-encoded, sequencer by index.</summary>
    public static string Notification(InputObject o) =>
        S3Notifications.Created(GlueStackFixture.Bucket, o.Key, S3Notifications.Sequencer(o.Index + 1));

    /// <summary>Sends the given message bodies in batches of ten, as they come.</summary>
    public static async Task SendAsync(IAmazonSQS sqs, string queueUrl, IEnumerable<string> bodies, CancellationToken cancellationToken)
    {
        foreach (var chunk in bodies.Chunk(10))
        {
            await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. chunk.Select((body, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), body))],
            }, cancellationToken);
        }
    }

    /// <summary>Uploads objects and then sends their notifications, in slices, so work arrives over time as in production.</summary>
    public static async Task UploadAndNotifyAsync(GlueStackFixture stack, IAmazonSQS sqs, string queueUrl, IEnumerable<InputObject> objects,
        CancellationToken cancellationToken)
    {
        foreach (var slice in objects.Chunk(100))
        {
            await UploadAsync(stack, slice, cancellationToken);
            await SendAsync(sqs, queueUrl, slice.Select(Notification), cancellationToken);
        }
    }
}
