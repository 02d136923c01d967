// The official AWS SDK for JavaScript v3 Glue client against LocalAws: every Glue operation the orchestrator's C# client
// uses, their results as the SDK deserializes them, and the error names the SDK surfaces.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  GlueClient, CreateDatabaseCommand, GetDatabaseCommand, CreateTableCommand, GetTableCommand,
  BatchCreatePartitionCommand, GetPartitionsCommand, BatchGetPartitionCommand, CreateJobCommand, GetJobCommand,
  StartJobRunCommand, GetJobRunCommand, GetJobRunsCommand, BatchStopJobRunCommand, GetJobBookmarkCommand,
  ResetJobBookmarkCommand, CreateCrawlerCommand, StartCrawlerCommand, GetCrawlerCommand, paginateGetPartitions,
  paginateGetJobRuns, CreateTableOptimizerCommand, GetTableOptimizerCommand, DeleteTableOptimizerCommand,
} from "@aws-sdk/client-glue";
import { startLocalAws, startS3, clientConfig, unique, waitFor, rejection } from "./harness.mjs";

const bucket = "lake-data";
let s3, aws, glue;

before(async () => {
  s3 = await startS3([bucket]);
  aws = await startLocalAws({ s3Endpoint: s3.endpoint });
  glue = new GlueClient(clientConfig(aws.endpoint));
});

after(async () => {
  glue?.destroy();
  await aws?.stop();
  await s3?.stop();
});

const terminal = new Set(["SUCCEEDED", "FAILED", "ERROR", "STOPPED", "TIMEOUT"]);

async function database() {
  const name = unique("db");
  await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: name, Description: "conformance" } }));
  return name;
}

async function table(db, name, prefix, format = "csv") {
  const csv = format === "csv";
  await glue.send(new CreateTableCommand({
    DatabaseName: db,
    TableInput: {
      Name: name, TableType: "EXTERNAL_TABLE",
      Parameters: csv ? { "skip.header.line.count": "1", classification: "csv" } : { classification: "parquet" },
      PartitionKeys: [{ Name: "year", Type: "int" }, { Name: "month", Type: "int" }],
      StorageDescriptor: {
        Location: `s3://${bucket}/${prefix}/`,
        Columns: [{ Name: "id", Type: "bigint" }, { Name: "name", Type: "string" }, { Name: "amount", Type: "double" },
          { Name: "date", Type: "date" }],
        InputFormat: csv ? "org.apache.hadoop.mapred.TextInputFormat" : "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
        SerdeInfo: csv
          ? { SerializationLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", Parameters: { "field.delim": "," } }
          : { SerializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
      },
    },
  }));
}

function partitionInput(prefix, year, month) {
  return { Values: [String(year), String(month)], StorageDescriptor: { Location: `s3://${bucket}/${prefix}/year=${year}/month=${month}/` } };
}

async function job(defaultArguments = {}, extra = {}) {
  const name = unique("job");
  const created = await glue.send(new CreateJobCommand({
    Name: name, Role: "arn:aws:iam::000000000000:role/glue",
    Command: { Name: "glueetl", ScriptLocation: "s3://scripts/job.py", PythonVersion: "3" },
    DefaultArguments: { "--local-run-seconds": "0.3", "--local-starting-seconds": "0.05", ...defaultArguments },
    GlueVersion: "4.0", WorkerType: "G.1X", NumberOfWorkers: 2, Timeout: 10, ...extra,
  }));
  assert.equal(created.Name, name);
  return name;
}

const waitForRun = (jobName, runId) => waitFor(
  async () => (await glue.send(new GetJobRunCommand({ JobName: jobName, RunId: runId }))).JobRun,
  (run) => terminal.has(run.JobRunState), `run ${runId}`);

test("GetDatabase returns the database with a Date CreateTime; a missing one is EntityNotFoundException", async () => {
  const db = await database();
  const { Database } = await glue.send(new GetDatabaseCommand({ Name: db }));
  assert.equal(Database.Name, db);
  assert.equal(Database.Description, "conformance");
  assert.ok(Database.CreateTime instanceof Date, "CreateTime is a Date");
  assert.ok(Math.abs(Database.CreateTime.getTime() - Date.now()) < 60_000, "CreateTime is now");

  const error = await rejection(glue.send(new GetDatabaseCommand({ Name: unique("missing") })));
  assert.equal(error.name, "EntityNotFoundException");
  assert.equal(error.$metadata.httpStatusCode, 400);
});

test("CreateDatabase twice is AlreadyExistsException", async () => {
  const db = await database();
  const error = await rejection(glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: db } })));
  assert.equal(error.name, "AlreadyExistsException");
});

test("GetTable returns the table as created, with Dates; a missing table is EntityNotFoundException", async () => {
  const db = await database();
  await table(db, "raw", "conf/raw");
  const { Table } = await glue.send(new GetTableCommand({ DatabaseName: db, Name: "raw" }));
  assert.equal(Table.Name, "raw");
  assert.equal(Table.DatabaseName, db);
  assert.deepEqual(Table.PartitionKeys.map((k) => k.Name), ["year", "month"]);
  assert.equal(Table.StorageDescriptor.Location, `s3://${bucket}/conf/raw/`);
  assert.deepEqual(Table.StorageDescriptor.Columns.map((c) => `${c.Name}:${c.Type}`), ["id:bigint", "name:string", "amount:double", "date:date"]);
  assert.equal(Table.StorageDescriptor.SerdeInfo.Parameters["field.delim"], ",");
  assert.equal(Table.Parameters.classification, "csv");
  assert.ok(Table.CreateTime instanceof Date && Table.UpdateTime instanceof Date, "CreateTime and UpdateTime are Dates");

  const error = await rejection(glue.send(new GetTableCommand({ DatabaseName: db, Name: "nope" })));
  assert.equal(error.name, "EntityNotFoundException");
});

test("GetTableOptimizer returns what CreateTableOptimizer recorded; none of a type, or a missing table, is EntityNotFoundException", async () => {
  const db = await database();
  await table(db, "events", "conf/events", "parquet");
  const key = { CatalogId: "000000000000", DatabaseName: db, TableName: "events" };
  const none = await rejection(glue.send(new GetTableOptimizerCommand({ ...key, Type: "compaction" })));
  assert.equal(none.name, "EntityNotFoundException");

  await glue.send(new CreateTableOptimizerCommand({
    ...key, Type: "compaction", TableOptimizerConfiguration: { roleArn: "arn:aws:iam::000000000000:role/optimizer", enabled: true },
  }));
  const got = await glue.send(new GetTableOptimizerCommand({ ...key, Type: "compaction" }));
  assert.equal(got.CatalogId, "000000000000");
  assert.equal(got.DatabaseName, db);
  assert.equal(got.TableName, "events");
  assert.equal(got.TableOptimizer.type, "compaction");
  assert.equal(got.TableOptimizer.configuration.enabled, true);
  assert.equal(got.TableOptimizer.configuration.roleArn, "arn:aws:iam::000000000000:role/optimizer");

  const twice = await rejection(glue.send(new CreateTableOptimizerCommand({
    ...key, Type: "compaction", TableOptimizerConfiguration: { roleArn: "arn:aws:iam::000000000000:role/optimizer", enabled: false },
  })));
  assert.equal(twice.name, "AlreadyExistsException");
  const other = await rejection(glue.send(new GetTableOptimizerCommand({ ...key, Type: "retention" })));
  assert.equal(other.name, "EntityNotFoundException");
  const noTable = await rejection(glue.send(new GetTableOptimizerCommand({ ...key, TableName: "nope", Type: "compaction" })));
  assert.equal(noTable.name, "EntityNotFoundException");

  await glue.send(new DeleteTableOptimizerCommand({ ...key, Type: "compaction" }));
  const deleted = await rejection(glue.send(new GetTableOptimizerCommand({ ...key, Type: "compaction" })));
  assert.equal(deleted.name, "EntityNotFoundException");
});

test("BatchCreatePartition reports AlreadyExistsException per item; BatchGetPartition returns found and unprocessed keys", async () => {
  const db = await database();
  await table(db, "raw", "conf/p");
  const first = await glue.send(new BatchCreatePartitionCommand({
    DatabaseName: db, TableName: "raw", PartitionInputList: [partitionInput("conf/p", 2026, 1), partitionInput("conf/p", 2026, 2)],
  }));
  assert.deepEqual(first.Errors ?? [], []);

  const second = await glue.send(new BatchCreatePartitionCommand({
    DatabaseName: db, TableName: "raw", PartitionInputList: [partitionInput("conf/p", 2026, 2), partitionInput("conf/p", 2026, 3)],
  }));
  assert.equal(second.Errors.length, 1);
  assert.deepEqual(second.Errors[0].PartitionValues, ["2026", "2"]);
  assert.equal(second.Errors[0].ErrorDetail.ErrorCode, "AlreadyExistsException");
  assert.ok(second.Errors[0].ErrorDetail.ErrorMessage.length > 0);

  const got = await glue.send(new BatchGetPartitionCommand({
    DatabaseName: db, TableName: "raw",
    PartitionsToGet: [{ Values: ["2026", "1"] }, { Values: ["2026", "3"] }, { Values: ["1999", "1"] }],
  }));
  assert.deepEqual(got.Partitions.map((p) => p.Values.join("/")).sort(), ["2026/1", "2026/3"]);
  assert.ok(got.Partitions.every((p) => p.CreationTime instanceof Date), "CreationTime is a Date");
  assert.equal(got.Partitions[0].StorageDescriptor.Location.startsWith(`s3://${bucket}/conf/p/year=2026/`), true);
  assert.deepEqual(got.UnprocessedKeys ?? [], []);

  const missingTable = await rejection(glue.send(new BatchCreatePartitionCommand({
    DatabaseName: db, TableName: "nope", PartitionInputList: [partitionInput("conf/p", 2026, 1)],
  })));
  assert.equal(missingTable.name, "EntityNotFoundException");
});

test("GetPartitions filters with Expression and pages with NextToken (SDK paginator)", async () => {
  const db = await database();
  await table(db, "raw", "conf/g");
  const inputs = [];
  for (const year of [2024, 2025, 2026]) for (let month = 1; month <= 4; month++) inputs.push(partitionInput("conf/g", year, month));
  await glue.send(new BatchCreatePartitionCommand({ DatabaseName: db, TableName: "raw", PartitionInputList: inputs }));

  const firstPage = await glue.send(new GetPartitionsCommand({ DatabaseName: db, TableName: "raw", MaxResults: 5 }));
  assert.equal(firstPage.Partitions.length, 5);
  assert.equal(typeof firstPage.NextToken, "string");

  const pages = [];
  for await (const page of paginateGetPartitions({ client: glue, pageSize: 2 },
    { DatabaseName: db, TableName: "raw", Expression: "year >= 2025 AND month IN (1, 2, 4)" })) pages.push(page);
  const values = pages.flatMap((p) => p.Partitions).map((p) => p.Values.join("/")).sort();
  assert.deepEqual(values, ["2025/1", "2025/2", "2025/4", "2026/1", "2026/2", "2026/4"]);
  assert.ok(pages.length >= 3, `paged in pages of 2, got ${pages.length} pages`);

  const bad = await rejection(glue.send(new GetPartitionsCommand({ DatabaseName: db, TableName: "raw", Expression: "year = = 1" })));
  assert.equal(bad.name, "InvalidInputException");
});

test("GetJob returns the definition; StartJobRun, GetJobRun and GetJobRuns (paged) follow the run to SUCCEEDED", async () => {
  const name = await job({}, { ExecutionProperty: { MaxConcurrentRuns: 3 } });
  const { Job } = await glue.send(new GetJobCommand({ JobName: name }));
  assert.equal(Job.Name, name);
  assert.equal(Job.Command.ScriptLocation, "s3://scripts/job.py");
  assert.equal(Job.ExecutionProperty.MaxConcurrentRuns, 3);
  assert.equal(Job.NumberOfWorkers, 2);
  assert.ok(Job.CreatedOn instanceof Date && Job.LastModifiedOn instanceof Date, "CreatedOn and LastModifiedOn are Dates");

  const ids = [];
  for (let i = 0; i < 3; i++) {
    const { JobRunId } = await glue.send(new StartJobRunCommand({ JobName: name, Arguments: { "--day": String(i) } }));
    assert.match(JobRunId, /^jr_/);
    ids.push(JobRunId);
  }
  const run = await waitForRun(name, ids[2]);
  assert.equal(run.JobRunState, "SUCCEEDED");
  assert.equal(run.JobName, name);
  assert.deepEqual(run.Arguments, { "--day": "2" });
  assert.ok(run.StartedOn instanceof Date && run.CompletedOn instanceof Date && run.LastModifiedOn instanceof Date);
  assert.ok(run.CompletedOn >= run.StartedOn);
  assert.equal(typeof run.ExecutionTime, "number");

  const seen = [];
  let pages = 0;
  for await (const page of paginateGetJobRuns({ client: glue, pageSize: 1 }, { JobName: name })) {
    pages++;
    seen.push(...page.JobRuns.map((r) => r.Id));
  }
  assert.deepEqual(seen, [...ids].reverse(), "newest first");
  assert.ok(pages >= 3);

  const missing = await rejection(glue.send(new GetJobRunCommand({ JobName: name, RunId: "jr_missing" })));
  assert.equal(missing.name, "EntityNotFoundException");
  const noJob = await rejection(glue.send(new GetJobCommand({ JobName: unique("nojob") })));
  assert.equal(noJob.name, "EntityNotFoundException");
  const noJobStart = await rejection(glue.send(new StartJobRunCommand({ JobName: unique("nojob") })));
  assert.equal(noJobStart.name, "EntityNotFoundException");
});

test("a second StartJobRun beyond MaxConcurrentRuns is ConcurrentRunsExceededException; BatchStopJobRun stops the run", async () => {
  const name = await job({ "--local-run-seconds": "30" });
  const { JobRunId } = await glue.send(new StartJobRunCommand({ JobName: name }));
  const error = await rejection(glue.send(new StartJobRunCommand({ JobName: name })));
  assert.equal(error.name, "ConcurrentRunsExceededException");
  assert.equal(error.$fault, "client");

  const stop = await glue.send(new BatchStopJobRunCommand({ JobName: name, JobRunIds: [JobRunId, "jr_unknown"] }));
  assert.deepEqual(stop.SuccessfulSubmissions, [{ JobName: name, JobRunId }]);
  assert.equal(stop.Errors.length, 1);
  assert.equal(stop.Errors[0].JobRunId, "jr_unknown");
  assert.equal(typeof stop.Errors[0].ErrorDetail.ErrorCode, "string");
  const run = await waitForRun(name, JobRunId);
  assert.equal(run.JobRunState, "STOPPED");
});

test("a FAILED run carries its ErrorMessage", async () => {
  const name = await job({ "--local-outcome": "FAILED", "--local-error-message": "boom" });
  const { JobRunId } = await glue.send(new StartJobRunCommand({ JobName: name }));
  const run = await waitForRun(name, JobRunId);
  assert.equal(run.JobRunState, "FAILED");
  assert.equal(run.ErrorMessage, "boom");
});

test("GetJobBookmark after a bookmarked raw_to_curated run, ResetJobBookmark rewinds it; no bookmark is EntityNotFoundException", async () => {
  const db = await database();
  const prefix = unique("raw");
  await table(db, "raw", prefix);
  await table(db, "curated", unique("cur"), "parquet");
  await s3.put(bucket, `${prefix}/year=2026/month=1/a.csv`, "id,name,amount,date\n1,a,1.5,2026-01-02\n");
  await glue.send(new BatchCreatePartitionCommand({ DatabaseName: db, TableName: "raw", PartitionInputList: [partitionInput(prefix, 2026, 1)] }));
  const name = await job({
    "--local-script": "raw_to_curated", "--source_database": db, "--source_table": "raw",
    "--target_database": db, "--target_table": "curated", "--job-bookmark-option": "job-bookmark-enable",
  });

  const none = await rejection(glue.send(new GetJobBookmarkCommand({ JobName: name })));
  assert.equal(none.name, "EntityNotFoundException");

  const { JobRunId } = await glue.send(new StartJobRunCommand({ JobName: name }));
  const run = await waitForRun(name, JobRunId);
  assert.equal(run.JobRunState, "SUCCEEDED", run.ErrorMessage);

  const { JobBookmarkEntry } = await glue.send(new GetJobBookmarkCommand({ JobName: name }));
  assert.equal(JobBookmarkEntry.JobName, name);
  assert.equal(JobBookmarkEntry.Run, 1);
  assert.equal(JobBookmarkEntry.RunId, JobRunId);
  assert.equal(typeof JobBookmarkEntry.JobBookmark, "string");
  assert.ok(JobBookmarkEntry.JobBookmark.includes("a.csv"), "the bookmark names the processed object");

  const reset = await glue.send(new ResetJobBookmarkCommand({ JobName: name }));
  assert.equal(reset.JobBookmarkEntry.JobName, name);
  assert.equal(reset.JobBookmarkEntry.Run, 0);
  const noRun = await rejection(glue.send(new ResetJobBookmarkCommand({ JobName: name, RunId: "jr_unknown" })));
  assert.equal(noRun.name, "EntityNotFoundException");
});

test("StartCrawler runs the crawler to READY with a LastCrawl; starting it while running is CrawlerRunningException", async () => {
  const name = unique("crawler");
  await glue.send(new CreateCrawlerCommand({
    Name: name, Role: "arn:aws:iam::000000000000:role/glue", DatabaseName: "lake", Schedule: "cron(0 1 * * ? *)",
    Targets: { S3Targets: [{ Path: `s3://${bucket}/raw/` }] },
  }));
  const before = (await glue.send(new GetCrawlerCommand({ Name: name }))).Crawler;
  assert.equal(before.State, "READY");
  assert.equal(before.Schedule.ScheduleExpression, "cron(0 1 * * ? *)");
  assert.equal(before.Targets.S3Targets[0].Path, `s3://${bucket}/raw/`);
  assert.ok(before.CreationTime instanceof Date);

  await glue.send(new StartCrawlerCommand({ Name: name }));
  const running = (await glue.send(new GetCrawlerCommand({ Name: name }))).Crawler;
  assert.equal(running.State, "RUNNING");
  const error = await rejection(glue.send(new StartCrawlerCommand({ Name: name })));
  assert.equal(error.name, "CrawlerRunningException");

  const done = await waitFor(async () => (await glue.send(new GetCrawlerCommand({ Name: name }))).Crawler,
    (c) => c.State === "READY", `crawler ${name}`);
  assert.equal(done.LastCrawl.Status, "SUCCEEDED");
  assert.ok(done.LastCrawl.StartTime instanceof Date);

  const missing = await rejection(glue.send(new StartCrawlerCommand({ Name: unique("nocrawler") })));
  assert.equal(missing.name, "EntityNotFoundException");
});

test("throttling: the SDK's own retries get through; with maxAttempts 1 the error is ThrottlingException", async (t) => {
  t.after(() => aws.faults(null));
  const db = await database();
  await aws.faults({ operation: "GetDatabase", throttleRate: 1, count: 2 });
  const retrying = new GlueClient(clientConfig(aws.endpoint, { maxAttempts: 3 }));
  try {
    const result = await retrying.send(new GetDatabaseCommand({ Name: db }));
    assert.equal(result.Database.Name, db);
    assert.equal(result.$metadata.attempts, 3);
  } finally {
    retrying.destroy();
  }

  await aws.faults({ operation: "GetDatabase", throttleRate: 1, count: 1 });
  const error = await rejection(glue.send(new GetDatabaseCommand({ Name: db })));
  assert.equal(error.name, "ThrottlingException");
  assert.equal(error.$metadata.httpStatusCode, 400);
});

test("server errors: InternalServiceException (HTTP 500), retried by the SDK", async (t) => {
  t.after(() => aws.faults(null));
  const name = await job();
  await aws.faults({ operation: "AWSGlue.GetJob", serverErrorRate: 1, count: 1 });
  const error = await rejection(glue.send(new GetJobCommand({ JobName: name })));
  assert.equal(error.name, "InternalServiceException");
  assert.equal(error.$metadata.httpStatusCode, 500);
  assert.equal(error.$fault, "server");

  await aws.faults({ operation: "AWSGlue.GetJob", serverErrorRate: 1, count: 1 });
  const retrying = new GlueClient(clientConfig(aws.endpoint, { maxAttempts: 2 }));
  try {
    const result = await retrying.send(new GetJobCommand({ JobName: name }));
    assert.equal(result.Job.Name, name);
    assert.equal(result.$metadata.attempts, 2);
  } finally {
    retrying.destroy();
  }
});

test("a request without a required member is rejected, not accepted", async () => {
  // The SDK does not validate required members on the client side; the service must.
  const error = await rejection(glue.send(new GetJobRunCommand({ JobName: "x" })));
  assert.ok(["ValidationException", "InvalidInputException"].includes(error.name), error.name);
  assert.equal(error.$metadata.httpStatusCode, 400);
});
