#!/usr/bin/env node
// The demo on the local stack, as it happens on AWS: CSV objects land in S3 under raw/sales/year=YYYY/month=MM/, the bucket
// notification (the SQS/S3 emulator's --notifications, AWS's format, URL-encoded keys) puts their events on the queue, the
// orchestrator records them, registers the partitions, runs the Glue job raw_to_curated with bookmarks, registers its output
// partitions — then this script runs the seed's query through Athena, prints the result and checks the sums.
// This script only uploads: it sends no notification itself.
//   node local/demo.mjs [sqs-s3 endpoint] [glue-athena endpoint]
import { S3Client, PutObjectCommand } from "./emulators/node_modules/@aws-sdk/client-s3/dist-cjs/index.js";

const s3Endpoint = process.argv[2] ?? "http://127.0.0.1:4566";
const awsEndpoint = process.argv[3] ?? "http://127.0.0.1:4567";
const credentials = { accessKeyId: "local", secretAccessKey: "local" };
const s3 = new S3Client({ endpoint: s3Endpoint, region: "us-east-1", credentials, forcePathStyle: true });

// Keys with a space, '+' and '=' in the file name: the notification encodes them, the orchestrator decodes them.
const files = {
  "raw/sales/year=2024/month=01/sales 2024-01 part 1.csv": [[1, "alice", 10.5, "2024-01-03"], [2, "bob", 20, "2024-01-04"]],
  "raw/sales/year=2024/month=01/sales+2024-01=part 2.csv": [[3, "alice", 4.5, "2024-01-09"], [4, "carol", 7.25, "2024-01-12"]],
  "raw/sales/year=2024/month=02/sales-2024-02.csv": [[5, "bob", 100, "2024-02-01"]],
};
const expected = { alice: 15, bob: 20, carol: 7.25 };

for (const [key, rows] of Object.entries(files)) {
  const body = "id,name,amount,date\n" + rows.map((r) => r.join(",")).join("\n") + "\n";
  await s3.send(new PutObjectCommand({ Bucket: "data-lake-local", Key: key, Body: body, ContentType: "text/csv" }));
}
console.log(`demo: uploaded ${Object.keys(files).length} CSV objects to s3://data-lake-local/raw/sales/ (S3 notifies the queue)`);

async function call(target, body) {
  const response = await fetch(awsEndpoint, { method: "POST", body: JSON.stringify(body), headers: {
    "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target,
    Authorization: "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/glue/aws4_request, SignedHeaders=host, Signature=0" } });
  const json = await response.json();
  if (!response.ok) throw new Error(`${target}: ${json.__type}: ${json.message}`);
  return json;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let run;
for (let i = 0; i < 120 && !(run && ["SUCCEEDED", "FAILED", "ERROR", "STOPPED", "TIMEOUT"].includes(run.JobRunState)); i++) {
  await sleep(1000);
  run = (await call("AWSGlue.GetJobRuns", { JobName: "raw_to_curated" })).JobRuns?.[0];
}
if (run?.JobRunState !== "SUCCEEDED") { console.error(`demo: the Glue run did not succeed: ${JSON.stringify(run)}`); process.exit(1); }
console.log(`demo: Glue run ${run.Id} SUCCEEDED (${run.Arguments["--job-bookmark-option"]}, correlation ${run.Arguments["--orchestrator-run-id"]})`);
await sleep(2000); // the orchestrator registers the output partitions right after it sees SUCCEEDED

const sql = "SELECT name, SUM(amount) AS total_amount FROM my_table WHERE year = 2024 AND month = 1 GROUP BY name ORDER BY name";
const { QueryExecutionId } = await call("AmazonAthena.StartQueryExecution", { QueryString: sql, QueryExecutionContext: { Database: "my_database" } });
let state;
do { await sleep(300); state = (await call("AmazonAthena.GetQueryExecution", { QueryExecutionId })).QueryExecution.Status; } while (["QUEUED", "RUNNING"].includes(state.State));
if (state.State !== "SUCCEEDED") { console.error(`demo: the query ${state.State}: ${state.StateChangeReason}`); process.exit(1); }
const rows = (await call("AmazonAthena.GetQueryResults", { QueryExecutionId })).ResultSet.Rows.slice(1).map((r) => r.Data.map((d) => d.VarCharValue));
console.log(`demo: ${sql}`);
for (const [name, total] of rows) console.log(`        ${name.padEnd(8)} ${total}`);
const exact = rows.length === Object.keys(expected).length && rows.every(([name, total]) => Math.abs(Number(total) - expected[name]) < 1e-9);
console.log(exact ? "demo: the sums are exactly those of the uploaded rows." : `demo: UNEXPECTED result, wanted ${JSON.stringify(expected)}`);
process.exit(exact ? 0 : 1);
