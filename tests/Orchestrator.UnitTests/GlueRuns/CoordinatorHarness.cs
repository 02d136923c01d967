using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.Datasets;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Jobs.Runs;

namespace Orchestrator.UnitTests.GlueRuns;

/// <summary>
/// The real <see cref="GlueRunCoordinator"/> and <see cref="GlueRunFinisher"/> over in-memory fakes, driven the way
/// <see cref="GlueRunJob"/> drives them: each advance the coordinator schedules is the next step, fired at its time. The job
/// has no raw or output table, so the partition registrar and output scanner are built but never called.
/// </summary>
internal sealed class CoordinatorHarness : IDisposable
{
    public const string DatasetName = "clicks";
    public const string JobName = "clicks-etl";

    public static readonly TimeSpan MinPoll = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan StartWindow = TimeSpan.FromMinutes(5);

    private readonly AmazonS3Client s3 = new(new AnonymousAWSCredentials(), RegionEndpoint.USEast1);

    public CoordinatorHarness(int retryAttempts = 0)
    {
        Glue = new FakeGlue(Time);
        Job = new DatasetJob(
            new Dataset(DatasetName, new DatasetSource("lake-raw", "raw/clicks/", [])),
            JobName,
            BookmarkOption.Enable,
            BookmarkFrom: null,
            BookmarkTo: null,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["--target"] = "s3://lake/curated/clicks/" },
            RawTable: null,
            OutputTable: null,
            MinPoll,
            MaxPoll,
            StartWindow,
            retryAttempts,
            RetryBackoff: TimeSpan.FromMinutes(1),
            Then: []);
        var jobs = new DatasetJobs([Job]);
        var tables = new TableDescriptions(Glue, Time);
        var known = new KnownPartitions();
        var partitions = new PartitionRegistrar(tables, known, [new GlueApiPartitionStrategy(Glue)], NullLogger<PartitionRegistrar>.Instance);
        var finisher = new GlueRunFinisher(jobs, Store, Scheduler, new OutputPartitionScanner(s3, tables, known), partitions,
            new GlueRunPricing(0.44), Time, NullLogger<GlueRunFinisher>.Instance);
        Coordinator = new GlueRunCoordinator(jobs, Store, Glue, Scheduler, partitions, finisher, Time,
            NullLogger<GlueRunCoordinator>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public InMemoryRunStore Store { get; } = new();

    public FakeGlue Glue { get; }

    public CapturingRunScheduler Scheduler { get; } = new();

    public DatasetJob Job { get; }

    public GlueRunCoordinator Coordinator { get; }

    /// <summary>A run request as the dataset's Quartz job makes it.</summary>
    public Task RequestAsync(RunTrigger trigger = RunTrigger.Manual, int attempt = 1) =>
        Coordinator.RequestAsync(DatasetName, trigger, attempt, traceParents: null, requestedAt: null, CancellationToken.None);

    /// <summary>Admits a run and returns its id; the first step is pending.</summary>
    public async Task<Guid> AdmitAsync()
    {
        await RequestAsync();
        return Assert.Single(Scheduler.Pending).RunId;
    }

    /// <summary>Fires the next scheduled step: the clock moves to its time (never back), then the coordinator advances the run.</summary>
    public async Task<ScheduledAdvance> StepAsync()
    {
        var step = Scheduler.TakeNextAdvance();
        if (step.At > Time.GetUtcNow())
        {
            Time.SetUtcNow(step.At);
        }

        await Coordinator.AdvanceAsync(step.RunId, step.PollInterval, CancellationToken.None);
        return step;
    }

    /// <summary>The run as stored.</summary>
    public GlueRun Run(Guid runId) => Assert.Single(Store.AllRuns(), r => r.RunId == runId);

    public void Dispose() => s3.Dispose();
}
