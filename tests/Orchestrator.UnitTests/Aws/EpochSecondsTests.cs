using System.Text.Json;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.UnitTests.Aws;

public sealed class EpochSecondsTests
{
    [Theory]
    [InlineData("1795608000", 0)]
    [InlineData("1795608000.5", 500)]
    [InlineData("\"2026-11-25T12:00:00.250Z\"", 250)]
    public void Timestamps_read_from_numbers_and_iso_strings_as_utc(string wire, int milliseconds)
    {
        var run = JsonSerializer.Deserialize($$"""{"StartedOn":{{wire}}}""", GlueJsonContext.Default.JobRun)!;

        Assert.Equal(new DateTime(2026, 11, 25, 12, 0, 0, milliseconds, DateTimeKind.Utc), run.StartedOn);
        Assert.Equal(DateTimeKind.Utc, run.StartedOn!.Value.Kind);
    }

    [Fact]
    public void Timestamps_are_written_as_epoch_seconds_with_milliseconds()
    {
        var input = new PartitionInput { LastAccessTime = new DateTime(2026, 11, 25, 12, 0, 0, 250, DateTimeKind.Utc) };

        var json = JsonSerializer.Serialize(input, GlueJsonContext.Default.PartitionInput);

        Assert.Equal("""{"LastAccessTime":1795608000.25}""", json);
    }
}
