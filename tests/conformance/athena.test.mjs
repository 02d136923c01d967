// The official AWS SDK for JavaScript v3 Athena client against LocalAws: every Athena operation the orchestrator's C#
// client uses, their results as the SDK deserializes them, and the error names the SDK surfaces.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  AthenaClient, StartQueryExecutionCommand, GetQueryExecutionCommand, GetQueryResultsCommand, StopQueryExecutionCommand,
  GetWorkGroupCommand, CreateWorkGroupCommand, paginateGetQueryResults,
} from "@aws-sdk/client-athena";
import { startLocalAws, startS3, clientConfig, unique, waitFor, rejection } from "./harness.mjs";

const results = "athena-results";
let s3, aws, athena;

before(async () => {
  s3 = await startS3([results]);
  aws = await startLocalAws({ s3Endpoint: s3.endpoint, athenaOutput: `s3://${results}/primary/` });
  athena = new AthenaClient(clientConfig(aws.endpoint));
});

after(async () => {
  athena?.destroy();
  await aws?.stop();
  await s3?.stop();
});

const finished = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);
const waitForQuery = (client, id) => waitFor(
  async () => (await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))).QueryExecution,
  (q) => finished.has(q.Status.State), `query ${id}`);

const values = (n) => `SELECT * FROM (VALUES ${Array.from({ length: n }, (_, i) => `(${i + 1}, 'n${i + 1}')`).join(", ")}) AS t(id, name)`;

test("GetWorkGroup returns primary with its output location; CreateWorkGroup adds one; a missing one is InvalidRequestException", async () => {
  const { WorkGroup } = await athena.send(new GetWorkGroupCommand({ WorkGroup: "primary" }));
  assert.equal(WorkGroup.Name, "primary");
  assert.equal(WorkGroup.State, "ENABLED");
  assert.equal(WorkGroup.Configuration.ResultConfiguration.OutputLocation, `s3://${results}/primary/`);
  assert.ok(WorkGroup.CreationTime instanceof Date);

  const name = unique("wg");
  await athena.send(new CreateWorkGroupCommand({
    Name: name, Description: "etl", Configuration: {
      ResultConfiguration: { OutputLocation: `s3://${results}/${name}/` }, EnforceWorkGroupConfiguration: true,
      PublishCloudWatchMetricsEnabled: true, BytesScannedCutoffPerQuery: 10_000_000,
    },
  }));
  const created = (await athena.send(new GetWorkGroupCommand({ WorkGroup: name }))).WorkGroup;
  assert.equal(created.Description, "etl");
  assert.equal(created.Configuration.EnforceWorkGroupConfiguration, true);
  assert.equal(created.Configuration.BytesScannedCutoffPerQuery, 10_000_000);
  assert.equal(created.Configuration.ResultConfiguration.OutputLocation, `s3://${results}/${name}/`);

  const again = await rejection(athena.send(new CreateWorkGroupCommand({ Name: name })));
  assert.equal(again.name, "InvalidRequestException");
  const missing = await rejection(athena.send(new GetWorkGroupCommand({ WorkGroup: unique("nowg") })));
  assert.equal(missing.name, "InvalidRequestException");
});

test("StartQueryExecution with token, workgroup, context and result configuration; the same token names the same query", async () => {
  const workGroup = unique("wg");
  // Not enforced, so the query's own ResultConfiguration wins over the workgroup's (CreateWorkGroup defaults to enforced).
  await athena.send(new CreateWorkGroupCommand({ Name: workGroup, Configuration: {
    ResultConfiguration: { OutputLocation: `s3://${results}/${workGroup}/` }, EnforceWorkGroupConfiguration: false } }));
  const token = `conformance-${Date.now()}-${"x".repeat(24)}`;
  const request = {
    QueryString: values(3), ClientRequestToken: token, WorkGroup: workGroup,
    QueryExecutionContext: { Database: "default", Catalog: "AwsDataCatalog" },
    ResultConfiguration: { OutputLocation: `s3://${results}/override/` },
  };
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand(request));
  const repeat = await athena.send(new StartQueryExecutionCommand(request));
  assert.equal(repeat.QueryExecutionId, QueryExecutionId);

  const execution = await waitForQuery(athena, QueryExecutionId);
  assert.equal(execution.Status.State, "SUCCEEDED");
  assert.equal(execution.QueryExecutionId, QueryExecutionId);
  assert.equal(execution.WorkGroup, workGroup);
  assert.equal(execution.StatementType, "DML");
  assert.equal(execution.QueryExecutionContext.Database, "default");
  assert.equal(execution.ResultConfiguration.OutputLocation, `s3://${results}/override/${QueryExecutionId}.csv`);
  assert.ok(execution.Status.SubmissionDateTime instanceof Date && execution.Status.CompletionDateTime instanceof Date);
  assert.ok(execution.Status.CompletionDateTime >= execution.Status.SubmissionDateTime);
  assert.equal(typeof execution.Statistics.EngineExecutionTimeInMillis, "number");

  const shortToken = await rejection(athena.send(new StartQueryExecutionCommand({ QueryString: "SELECT 1", ClientRequestToken: "short" })));
  assert.ok(["InvalidRequestException", "ValidationException"].includes(shortToken.name), shortToken.name);
});

test("GetQueryResults pages with NextToken (SDK paginator); the first row is the header", async () => {
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: values(10) }));
  assert.equal((await waitForQuery(athena, QueryExecutionId)).Status.State, "SUCCEEDED");

  const pages = [];
  for await (const page of paginateGetQueryResults({ client: athena, pageSize: 4 }, { QueryExecutionId })) pages.push(page);
  assert.equal(pages.length, 3, "11 rows in pages of 4");
  const rows = pages.flatMap((p) => p.ResultSet.Rows).map((r) => r.Data.map((d) => d.VarCharValue));
  assert.deepEqual(rows[0], ["id", "name"]);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), Array.from({ length: 10 }, (_, i) => String(i + 1)));
  const columns = pages[0].ResultSet.ResultSetMetadata.ColumnInfo;
  assert.deepEqual(columns.map((c) => c.Name), ["id", "name"]);
  assert.ok(columns.every((c) => typeof c.Type === "string" && c.Type.length > 0));
  assert.equal(typeof pages[0].NextToken, "string");
  assert.equal(pages[2].NextToken, undefined);
});

test("ExecutionParameters are bound to the ? placeholders in order and reported back; a count mismatch is InvalidRequestException", async () => {
  const start = await athena.send(new StartQueryExecutionCommand({
    QueryString: "SELECT ? AS n, ? AS s, ? AS d, '?' AS q",
    ExecutionParameters: ["42", "'it''s'", "DATE '2024-01-31'"],
    ClientRequestToken: unique("params-token-").padEnd(40, "x"),
  }));
  const done = await waitForQuery(athena, start.QueryExecutionId);
  assert.equal(done.Status.State, "SUCCEEDED", done.Status.StateChangeReason);
  assert.equal(done.Query, "SELECT ? AS n, ? AS s, ? AS d, '?' AS q");
  assert.deepEqual(done.ExecutionParameters, ["42", "'it''s'", "DATE '2024-01-31'"]);
  const { ResultSet } = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: start.QueryExecutionId }));
  assert.deepEqual(ResultSet.Rows[1].Data.map((d) => d.VarCharValue), ["42", "it's", "2024-01-31", "?"]);

  const mismatch = await rejection(athena.send(new StartQueryExecutionCommand({ QueryString: "SELECT ?, ?", ExecutionParameters: ["1"] })));
  assert.equal(mismatch.name, "InvalidRequestException");
});

test("a query that fails carries StateChangeReason and AthenaError; its results are InvalidRequestException", async () => {
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({
    QueryString: "SELECT * FROM no_such_table", QueryExecutionContext: { Database: "default" },
  }));
  const execution = await waitForQuery(athena, QueryExecutionId);
  assert.equal(execution.Status.State, "FAILED");
  assert.ok(execution.Status.StateChangeReason.length > 0);
  assert.equal(typeof execution.Status.AthenaError.ErrorCategory, "number");
  assert.equal(typeof execution.Status.AthenaError.Retryable, "boolean");
  const error = await rejection(athena.send(new GetQueryResultsCommand({ QueryExecutionId })));
  assert.equal(error.name, "InvalidRequestException");
});

test("an unknown query id is InvalidRequestException for GetQueryExecution, GetQueryResults and StopQueryExecution", async () => {
  const id = "00000000-0000-0000-0000-000000000000";
  for (const command of [new GetQueryExecutionCommand({ QueryExecutionId: id }), new GetQueryResultsCommand({ QueryExecutionId: id }),
    new StopQueryExecutionCommand({ QueryExecutionId: id })]) {
    const error = await rejection(athena.send(command));
    assert.equal(error.name, "InvalidRequestException", command.constructor.name);
    assert.equal(error.$metadata.httpStatusCode, 400);
  }
});

test("StopQueryExecution cancels a queued query (dedicated emulator with a 30 s queue)", async () => {
  const slow = await startLocalAws({ s3Endpoint: s3.endpoint, athenaOutput: `s3://${results}/slow/`, queueSeconds: 30 });
  const client = new AthenaClient(clientConfig(slow.endpoint));
  try {
    const { QueryExecutionId } = await client.send(new StartQueryExecutionCommand({ QueryString: "SELECT 1" }));
    const queued = (await client.send(new GetQueryExecutionCommand({ QueryExecutionId }))).QueryExecution;
    assert.equal(queued.Status.State, "QUEUED");
    await client.send(new StopQueryExecutionCommand({ QueryExecutionId }));
    const cancelled = await waitForQuery(client, QueryExecutionId);
    assert.equal(cancelled.Status.State, "CANCELLED");
    assert.ok(cancelled.Status.CompletionDateTime instanceof Date);
  } finally {
    client.destroy();
    await slow.stop();
  }
});

test("StopQueryExecution of a finished query succeeds and leaves it SUCCEEDED", async () => {
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: "SELECT 1" }));
  await waitForQuery(athena, QueryExecutionId);
  await athena.send(new StopQueryExecutionCommand({ QueryExecutionId }));
  assert.equal((await waitForQuery(athena, QueryExecutionId)).Status.State, "SUCCEEDED");
});

test("throttling: TooManyRequestsException with maxAttempts 1; the SDK's own retries get through", async (t) => {
  t.after(() => aws.faults(null));
  await aws.faults({ operation: "AmazonAthena.GetWorkGroup", throttleRate: 1, count: 1 });
  const error = await rejection(athena.send(new GetWorkGroupCommand({ WorkGroup: "primary" })));
  assert.equal(error.name, "TooManyRequestsException");
  assert.equal(error.$metadata.httpStatusCode, 400);

  await aws.faults({ operation: "AmazonAthena.GetWorkGroup", throttleRate: 1, count: 2 });
  const retrying = new AthenaClient(clientConfig(aws.endpoint, { maxAttempts: 3 }));
  try {
    const result = await retrying.send(new GetWorkGroupCommand({ WorkGroup: "primary" }));
    assert.equal(result.WorkGroup.Name, "primary");
    assert.equal(result.$metadata.attempts, 3);
  } finally {
    retrying.destroy();
  }
});

test("server errors are InternalServerException (HTTP 500)", async (t) => {
  t.after(() => aws.faults(null));
  await aws.faults({ operation: "GetQueryExecution", serverErrorRate: 1, count: 1 });
  const error = await rejection(athena.send(new GetQueryExecutionCommand({ QueryExecutionId: "00000000-0000-0000-0000-000000000001" })));
  assert.equal(error.name, "InternalServerException");
  assert.equal(error.$metadata.httpStatusCode, 500);
  assert.equal(error.$fault, "server");
});
