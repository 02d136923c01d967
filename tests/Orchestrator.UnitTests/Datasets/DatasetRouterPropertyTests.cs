using System.Globalization;
using CsCheck;
using Orchestrator.Jobs.Datasets;

namespace Orchestrator.UnitTests.Datasets;

public sealed class DatasetRouterPropertyTests
{
    private const string SafeChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";

    private static readonly Gen<string> SafeString = Gen.Char[SafeChars].Array[1, 40].Select(chars => new string(chars));

    private static readonly Gen<string> IntText = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Int[0, 99].Select(i => i.ToString("00", CultureInfo.InvariantCulture)));

    private static readonly Gen<string> BigIntText = Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture));

    private static readonly Gen<string> DateText = Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    // File names may hold anything S3 allows, including '=', '/', spaces and non-ASCII, as long as they are not folder markers.
    private static readonly Gen<string> FileName = Gen.Char["ab=/ .é日_-%'"].Array[0, 30]
        .Select(chars => "f" + new string(chars) + "x");

    private readonly DatasetRouter _router = TestDatasets.Router();

    [Fact]
    public void Generated_hive_keys_route_to_exactly_the_generated_values()
    {
        Gen.Select(SafeString, IntText, BigIntText, DateText, FileName).Sample((region, year, shard, day, file) =>
        {
            string partition = $"region={region}/year={year}/shard={shard}/day={day}";

            RoutingDecision decision = _router.Route(TestDatasets.Bucket, $"raw/events/{partition}/{file}");

            Assert.Equal(RoutingDecision.Accept("events", partition), decision);
        }, iter: 2_000);
    }

    [Fact]
    public void Generated_template_keys_route_to_exactly_the_generated_values()
    {
        Gen.Select(IntText, IntText, IntText, FileName).Sample((year, month, day, file) =>
        {
            RoutingDecision decision = _router.Route(TestDatasets.Bucket, $"raw/sales/{year}/{month}/{day}/{file}");

            Assert.Equal(RoutingDecision.Accept("sales", $"year={year}/month={month}/day={day}"), decision);
        }, iter: 1_000);
    }

    [Fact]
    public void Arbitrary_keys_are_rejected_or_carry_only_valid_values()
    {
        // Keys shaped like the datasets' layouts, with values drawn from plausible ones and from what an attacker would try,
        // plus fully random text; both outcomes must be reached (checked at the end).
        Gen<string> hostile = Gen.OneOf<string>(
            "=", "/", "//", "+1", "2023-02-29", "9223372036854775808", "'", "\"", ";", " ", "%", "%2F", "..", "\\", "\n", "\0",
            "é", "日", "DROP TABLE t", "a=b", "region=", "year=").Array[1, 3].Select(string.Concat);
        Gen<string> value = Gen.Frequency(
            (3, Gen.OneOf<string>("eu", "2024", "01", "-1", "7", "2024-02-29", "9223372036854775807", "a.b_c-d")),
            (1, hostile));
        Gen<string> tail = Gen.OneOf<string>("f.csv", "", "a/b.parquet", "x/", "=", "é.json");
        Gen<string> eventsKey = Gen.Select(
            Gen.Frequency((6, value.Array[4].Select(v => $"region={v[0]}/year={v[1]}/shard={v[2]}/day={v[3]}")), (1, hostile)),
            tail,
            (partition, file) => $"raw/events/{partition}/{file}");
        Gen<string> salesKey = Gen.Select(value.Array[1, 4], tail, (values, file) => $"raw/sales/{string.Join('/', values)}/{file}");
        Gen<string> key = Gen.Frequency((3, eventsKey), (3, salesKey), (1, hostile.Select(h => "raw/" + h)), (1, Gen.String));

        int rejected = 0;
        int acceptedWithPartition = 0;
        key.Sample(k =>
        {
            RoutingDecision decision = _router.Route(TestDatasets.Bucket, k);

            if (!decision.IsAccepted)
            {
                Interlocked.Increment(ref rejected);
                Assert.NotNull(decision.Reason);
                Assert.False(string.IsNullOrEmpty(decision.Detail));
                return;
            }

            if (decision.Partition!.Length > 0)
            {
                Interlocked.Increment(ref acceptedWithPartition);
            }

            Dataset dataset = new[] { TestDatasets.Events, TestDatasets.Sales, TestDatasets.Everything }
                .Single(d => d.Name == decision.Dataset);
            Assert.StartsWith(dataset.Source.Prefix, k, StringComparison.Ordinal);
            string[] parts = decision.Partition!.Length == 0 ? [] : decision.Partition.Split('/');
            Assert.Equal(dataset.Source.Partitions.Count, parts.Length);
            for (int i = 0; i < parts.Length; i++)
            {
                PartitionColumn column = dataset.Source.Partitions[i];
                Assert.StartsWith(column.Name + "=", parts[i], StringComparison.Ordinal);
                Assert.True(PartitionValueRules.IsValid(parts[i][(column.Name.Length + 1)..], column.Type), parts[i]);
            }
        }, iter: 10_000);

        // The generator must reach both outcomes, or the property above proves nothing about partition values.
        Assert.True(rejected > 0 && acceptedWithPartition > 0, $"rejected {rejected}, accepted with partition {acceptedWithPartition}");
    }
}
