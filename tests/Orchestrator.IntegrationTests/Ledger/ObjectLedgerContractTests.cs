using System.Data.Common;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Jobs.Ledger;
using Orchestrator.Jobs.Objects;
using Orchestrator.Jobs.Storage;
using static Orchestrator.IntegrationTests.Ledger.LedgerRecords;

namespace Orchestrator.IntegrationTests.Ledger;

/// <summary>
/// The <see cref="IObjectLedger"/> contract. Each store runs every test here through a subclass, against a real database
/// that is created empty for each test.
/// </summary>
public abstract class ObjectLedgerContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<IObjectLedger> _ledgers = [];

    /// <summary>The clock every ledger in the test stamps with.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>An initialized ledger on <see cref="ConnectionString"/>.</summary>
    protected IObjectLedger Ledger { get; private set; } = null!;

    /// <summary>The test's own store.</summary>
    protected string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Which store the subclass tests.</summary>
    protected abstract StoreProvider Provider { get; }

    /// <summary>The highest migration the store's schema has.</summary>
    protected abstract int LatestSchemaVersion { get; }

    private static CancellationToken Token => CancellationToken.None;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        ConnectionString = await CreateEmptyStoreAsync();
        Ledger = Open(ConnectionString);
        await Ledger.InitializeAsync(Token);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (IObjectLedger ledger in _ledgers)
        {
            await ledger.DisposeAsync();
        }

        await DeleteStoresAsync();
    }

    [Fact]
    public async Task New_objects_are_inserted_with_every_field()
    {
        LedgerRecord created = Created("raw/sales/year=2025/month=02/a.csv");
        LedgerRecord removed = Removed("raw/sales/year=2025/month=02/b.csv");
        LedgerRecord rejected = Rejected("raw/unknown/c.csv", "NoDataset: no dataset matches s3://landing-zone/raw/unknown/");

        LedgerWriteResult result = await Ledger.RecordAsync([created, removed, rejected], Token);

        Assert.Equal(new LedgerWriteResult(3, 0, 0), result);
        foreach (LedgerRecord record in new[] { created, removed, rejected })
        {
            Assert.Equal(Expected(record, 1, Start, Start), await FindAsync(record));
        }
    }

    [Fact]
    public async Task Every_record_delivered_twice_keeps_one_row_with_two_deliveries()
    {
        LedgerRecord[] batch =
        [
            .. Enumerable.Range(0, 7).Select(i => Created($"raw/sales/{i}.csv")),
            Created("raw/sales/versioned.csv", versionId: "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"),
            Removed("raw/sales/gone.csv"),
            Rejected("raw/other.csv", "MissingPartition: year"),
        ];
        await Ledger.RecordAsync(batch, Token);
        Time.Advance(TimeSpan.FromMinutes(5));

        LedgerWriteResult again = await Ledger.RecordAsync(batch, Token);

        Assert.Equal(new LedgerWriteResult(0, 0, batch.Length), again);
        IReadOnlyList<LedgerEntry> entries = await Ledger.ListAsync(new LedgerQuery(), Token);
        Assert.Equal(batch.Length, entries.Count);
        foreach (LedgerRecord record in batch)
        {
            Assert.Equal(Expected(record, 2, Start, Start.AddMinutes(5)), await FindAsync(record));
        }
    }

    [Fact]
    public async Task A_duplicate_inside_one_batch_only_counts_a_delivery()
    {
        LedgerRecord record = Created("raw/sales/a.csv");

        LedgerWriteResult result = await Ledger.RecordAsync([record, record], Token);

        Assert.Equal(new LedgerWriteResult(1, 0, 1), result);
        Assert.Equal(Expected(record, 2, Start, Start), await FindAsync(record));
    }

    [Fact]
    public async Task A_later_sequencer_supersedes_the_stored_event()
    {
        LedgerRecord created = Created("raw/sales/a.csv", sequencer: "0055AED6DCD90281E5");
        await Ledger.RecordAsync([created], Token);
        Time.Advance(TimeSpan.FromMinutes(1));
        LedgerRecord removed = Removed("raw/sales/a.csv", sequencer: "0055AED6DCD90281E6");

        LedgerWriteResult result = await Ledger.RecordAsync([removed], Token);

        Assert.Equal(new LedgerWriteResult(0, 1, 0), result);
        Assert.Equal(Expected(removed, 2, Start, Start.AddMinutes(1)), await FindAsync(created));
    }

    [Fact]
    public async Task An_earlier_sequencer_arriving_late_does_not_supersede()
    {
        LedgerRecord removed = Removed("raw/sales/a.csv", sequencer: "0055AED6DCD90281E6");
        await Ledger.RecordAsync([removed], Token);
        Time.Advance(TimeSpan.FromMinutes(1));

        LedgerWriteResult result = await Ledger.RecordAsync([Created("raw/sales/a.csv", sequencer: "0055AED6DCD90281E5")], Token);

        Assert.Equal(new LedgerWriteResult(0, 0, 1), result);
        Assert.Equal(Expected(removed, 2, Start, Start.AddMinutes(1)), await FindAsync(removed));
    }

    [Theory]
    [InlineData("0055AED6DCD90281E5", "0055AED6DCD90281E5A1", true)] // shorter stored: padded with zeros, A1 is later
    [InlineData("0055AED6DCD90281E5A1", "0055AED6DCD90281E5", false)] // shorter incoming is E500 < E5A1
    [InlineData("0055AED6DCD90281F0", "0055AED6DCD90281E5FF", false)] // longer is not automatically later
    [InlineData("0055AED6DCD90281E5", "0055AED6DCD90281E500", false)] // equal once padded
    [InlineData("0055aed6dcd90281e5", "0055AED6DCD90281E5", false)] // hex case does not matter
    [InlineData("0055AED6DCD90281E9", "0055AED6DCD90281EA", true)] // letters after digits
    [InlineData(null, "0055AED6DCD90281E5", true)] // a sequencer beats none
    [InlineData("0055AED6DCD90281E5", null, false)]
    [InlineData(null, null, false)]
    public async Task Only_a_later_sequencer_supersedes(string? stored, string? incoming, bool supersedes)
    {
        // The stores must agree with the in-memory comparer ingestion uses.
        Assert.Equal(supersedes, SequencerOrder.Compare(incoming, stored) > 0);
        LedgerRecord first = Created("raw/sales/a.csv", sequencer: stored);
        LedgerRecord second = Removed("raw/sales/a.csv", sequencer: incoming);
        await Ledger.RecordAsync([first], Token);

        LedgerWriteResult result = await Ledger.RecordAsync([second], Token);

        Assert.Equal(supersedes ? new LedgerWriteResult(0, 1, 0) : new LedgerWriteResult(0, 0, 1), result);
        Assert.Equal(Expected(supersedes ? second : first, 2, Start, Start), await FindAsync(first));
    }

    [Fact]
    public async Task Versions_of_one_key_are_distinct_objects()
    {
        LedgerRecord[] versions =
        [
            Created("raw/sales/a.csv", versionId: null),
            Created("raw/sales/a.csv", versionId: "v1"),
            Created("raw/sales/a.csv", versionId: "v2"),
        ];

        LedgerWriteResult result = await Ledger.RecordAsync(versions, Token);

        Assert.Equal(new LedgerWriteResult(3, 0, 0), result);
        foreach (LedgerRecord version in versions)
        {
            Assert.Equal(Expected(version, 1, Start, Start), await FindAsync(version));
        }

        Assert.Null(await Ledger.FindAsync(Bucket, "raw/sales/a.csv", "v3", Token));
        Assert.Null(await Ledger.FindAsync("other-bucket", "raw/sales/a.csv", null, Token));
    }

    [Fact]
    public async Task A_removal_is_stored_as_removed_without_size_or_etag()
    {
        await Ledger.RecordAsync([Created("raw/sales/kept.csv"), Removed("raw/sales/gone.csv")], Token);

        IReadOnlyList<LedgerEntry> removed = await Ledger.ListAsync(new LedgerQuery(State: ObjectState.Removed), Token);

        LedgerEntry entry = Assert.Single(removed);
        Assert.Equal(("raw/sales/gone.csv", "ObjectRemoved:Delete", ObjectState.Removed), (entry.Key, entry.EventName, entry.State));
        Assert.Null(entry.Size);
        Assert.Null(entry.ETag);
    }

    [Fact]
    public async Task Rejected_records_keep_their_reason()
    {
        LedgerRecord rejected = Rejected("raw/sales/no-partition.csv", "MissingPartition: the key has no year=");
        await Ledger.RecordAsync([rejected, Created("raw/sales/year=2025/ok.csv")], Token);

        IReadOnlyList<LedgerEntry> entries = await Ledger.ListAsync(new LedgerQuery(State: ObjectState.Rejected), Token);

        Assert.Equal([Expected(rejected, 1, Start, Start)], entries);
    }

    [Fact]
    public async Task A_later_accepted_event_replaces_the_reject_reason()
    {
        await Ledger.RecordAsync([Rejected("raw/sales/a.csv", "InvalidPartitionValue: month=13", sequencer: "01")], Token);
        LedgerRecord accepted = Created("raw/sales/a.csv", sequencer: "02");

        await Ledger.RecordAsync([accepted], Token);

        Assert.Equal(Expected(accepted, 2, Start, Start), await FindAsync(accepted));
    }

    [Fact]
    public async Task A_batch_with_one_invalid_record_writes_nothing()
    {
        LedgerRecord existing = Created("a/existing.csv", sequencer: "01");
        await Ledger.RecordAsync([existing], Token);

        // S3 keys are at most 1024 bytes of UTF-8; the schema enforces it. The invalid record sorts between valid ones,
        // so some statements of the batch have already run when it fails.
        LedgerRecord tooLong = Created("c/" + new string('x', 1023));
        LedgerRecord[] batch = [Created("a/existing.csv", sequencer: "02"), Created("b/new.csv"), tooLong, Created("d/new.csv")];

        await Assert.ThrowsAnyAsync<DbException>(() => Ledger.RecordAsync(batch, Token));

        Assert.Equal([Expected(existing, 1, Start, Start)], await Ledger.ListAsync(new LedgerQuery(), Token));
    }

    [Theory]
    [InlineData(512, true)] // 1024 bytes: the S3 maximum
    [InlineData(513, false)] // 1026 bytes in 513 characters: the limit counts bytes
    public async Task Keys_are_limited_to_1024_utf8_bytes(int twoByteCharacters, bool accepted)
    {
        LedgerRecord record = Created(new string('é', twoByteCharacters));
        Assert.Equal(twoByteCharacters * 2, Encoding.UTF8.GetByteCount(record.Event.Key));

        Exception? error = await Record.ExceptionAsync(() => Ledger.RecordAsync([record], Token));

        Assert.Equal(accepted, error is null);
        Assert.Equal(accepted, await FindAsync(record) is not null);
    }

    [Fact]
    public async Task A_cancelled_write_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Ledger.RecordAsync([Created("raw/sales/a.csv")], cancelled.Token));

        Assert.Empty(await Ledger.ListAsync(new LedgerQuery(), Token));
    }

    [Fact]
    public async Task A_batch_of_several_hundred_records_is_one_write()
    {
        LedgerRecord[] batch = [.. Enumerable.Range(0, 500).Select(i => Created($"raw/sales/{i:D4}.csv"))];

        LedgerWriteResult result = await Ledger.RecordAsync(batch, Token);

        Assert.Equal(new LedgerWriteResult(500, 0, 0), result);
        Assert.Equal(500, (await Ledger.ListAsync(new LedgerQuery(Limit: 1_000), Token)).Count);
    }

    [Fact]
    public async Task Concurrent_writers_record_every_object_exactly_once()
    {
        const int writers = 8;
        const int objects = 60;

        // One ledger per writer, as separate processes would have; each writes all objects in its own shuffled order,
        // ten per batch, with its own sequencer: the last writer's is the latest.
        IObjectLedger[] ledgers = [.. Enumerable.Range(0, writers).Select(_ => Open(ConnectionString))];
        Task<LedgerWriteResult>[] writes = [.. ledgers.Select((ledger, writer) => Task.Run(async () =>
        {
            var random = new Random(writer);
            LedgerRecord[] records = [.. Enumerable.Range(0, objects)
                .Select(i => Created($"raw/sales/{i:D3}.csv", sequencer: WriterSequencer(writer)))
                .OrderBy(_ => random.Next())];
            var total = LedgerWriteResult.Empty;
            foreach (LedgerRecord[] batch in records.Chunk(10))
            {
                LedgerWriteResult result = await ledger.RecordAsync(batch, Token);
                total = new(total.Inserted + result.Inserted, total.Superseded + result.Superseded, total.Unchanged + result.Unchanged);
            }

            return total;
        }))];

        LedgerWriteResult[] results = await Task.WhenAll(writes);

        Assert.Equal(objects, results.Sum(r => r.Inserted));
        Assert.Equal(writers * objects, results.Sum(r => r.Inserted + r.Superseded + r.Unchanged));
        IReadOnlyList<LedgerEntry> entries = await Ledger.ListAsync(new LedgerQuery(), Token);
        Assert.Equal(objects, entries.Select(e => e.Key).Distinct().Count());
        Assert.Equal(objects, entries.Count);
        Assert.All(entries, e => Assert.Equal((writers, WriterSequencer(writers - 1)), (e.Deliveries, e.Sequencer)));

        static string WriterSequencer(int writer) => $"0055AED6DCD90281{writer:X2}";
    }

    [Fact]
    public async Task List_filters_by_dataset_and_state_oldest_first()
    {
        // Rejected records usually have no dataset; this one has, so only the state filter can leave it out.
        LedgerRecord rejected = Rejected("sales/r.csv", "MissingPartition: year") with { Dataset = "sales" };
        await Ledger.RecordAsync([Created("sales/b.csv"), Created("sales/a.csv"), Created("web/c.csv", dataset: "web"), rejected], Token);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Ledger.RecordAsync([Created("sales/0.csv")], Token);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Ledger.RecordAsync([Created("sales/a.csv")], Token); // a redelivery does not make an object newer

        Assert.Equal(["sales/a.csv", "sales/b.csv", "sales/r.csv", "sales/0.csv"], await KeysAsync(new LedgerQuery(Dataset: "sales")));
        Assert.Equal(["sales/a.csv", "sales/b.csv", "sales/0.csv"], await KeysAsync(new LedgerQuery("sales", ObjectState.Pending)));
        Assert.Equal(["sales/a.csv", "sales/b.csv"], await KeysAsync(new LedgerQuery("sales", ObjectState.Pending, Limit: 2)));
        Assert.Equal(["sales/r.csv"], await KeysAsync(new LedgerQuery(State: ObjectState.Rejected)));
        Assert.Equal(["web/c.csv"], await KeysAsync(new LedgerQuery(Dataset: "web")));
        Assert.Empty(await KeysAsync(new LedgerQuery(Dataset: "none")));
    }

    [Fact]
    public async Task Initializing_again_keeps_the_data_and_the_schema_version()
    {
        LedgerRecord record = Created("raw/sales/a.csv");
        await Ledger.RecordAsync([record], Token);

        await Ledger.InitializeAsync(Token);
        await Open(ConnectionString).InitializeAsync(Token);

        Assert.Equal(Expected(record, 1, Start, Start), await FindAsync(record));
        Assert.Equal(Enumerable.Range(1, LatestSchemaVersion), await ReadSchemaVersionsAsync(ConnectionString));
    }

    [Fact]
    public async Task Initializing_an_empty_store_from_many_processes_at_once_is_harmless()
    {
        string connectionString = await CreateEmptyStoreAsync();
        IObjectLedger[] ledgers = [.. Enumerable.Range(0, 8).Select(_ => Open(connectionString))];

        await Task.WhenAll(ledgers.Select(l => Task.Run(() => l.InitializeAsync(Token))));

        Assert.Equal(Enumerable.Range(1, LatestSchemaVersion), await ReadSchemaVersionsAsync(connectionString));
        LedgerRecord record = Created("raw/sales/a.csv");
        Assert.Equal(new LedgerWriteResult(1, 0, 0), await ledgers[0].RecordAsync([record], Token));
        Assert.Equal(Expected(record, 1, Start, Start), await ledgers[^1].FindAsync(Bucket, record.Event.Key, null, Token));
    }

    /// <summary>A new, empty store (no schema) whose removal <see cref="DeleteStoresAsync"/> takes care of.</summary>
    protected abstract Task<string> CreateEmptyStoreAsync();

    /// <summary>The ledger's rows in <c>schema_version</c>, read directly from the store.</summary>
    protected abstract Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(string connectionString);

    /// <summary>Removes every store the test created.</summary>
    protected abstract Task DeleteStoresAsync();

    /// <summary>A ledger on <paramref name="connectionString"/>, disposed after the test.</summary>
    protected IObjectLedger Open(string connectionString)
    {
        IObjectLedger ledger = ObjectLedgerFactory.Create(Provider, connectionString, Time);
        _ledgers.Add(ledger);
        return ledger;
    }

    private Task<LedgerEntry?> FindAsync(LedgerRecord record) =>
        Ledger.FindAsync(record.Event.Bucket, record.Event.Key, record.Event.VersionId, Token);

    private async Task<string[]> KeysAsync(LedgerQuery query) => [.. (await Ledger.ListAsync(query, Token)).Select(e => e.Key)];
}
