#!/usr/bin/env node
// Sends S3 event notifications (AWS's exact format, URL-encoded keys) for a few demo objects to the local queue, the way an
// S3 bucket notification would: two good CSV objects, one duplicate delivery, one key outside every dataset, one crafted
// key, and an S3 test event.   node local/demo-notifications.mjs [endpoint]
import { SQSClient, SendMessageBatchCommand } from "./emulators/node_modules/@aws-sdk/client-sqs/dist-cjs/index.js";

const endpoint = process.argv[2] ?? "http://127.0.0.1:4566";
const queueUrl = `http://sqs.us-east-1.localhost:${new URL(endpoint).port}/000000000000/data-lake-events`; // fauxqs URL form
const sqs = new SQSClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });

// S3 encodes keys as application/x-www-form-urlencoded: space is '+', '=' is %3D, UTF-8 bytes as %XX.
const encode = (key) => encodeURIComponent(key).replace(/%2F/g, "/").replace(/%20/g, "+").replace(/[!'()~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
let sequence = 0x0055aed6dcd90281e5n;
const notification = (key) => JSON.stringify({
  Records: [{
    eventVersion: "2.1", eventSource: "aws:s3", awsRegion: "us-east-1", eventTime: new Date().toISOString(),
    eventName: "ObjectCreated:Put", userIdentity: { principalId: "AWS:LOCAL" },
    requestParameters: { sourceIPAddress: "127.0.0.1" }, responseElements: { "x-amz-request-id": "LOCAL", "x-amz-id-2": "LOCAL" },
    s3: {
      s3SchemaVersion: "1.0", configurationId: "orchestrator-local",
      bucket: { name: "data-lake-local", ownerIdentity: { principalId: "LOCAL" }, arn: "arn:aws:s3:::data-lake-local" },
      object: { key: encode(key), size: 64, eTag: "d41d8cd98f00b204e9800998ecf8427e", sequencer: (sequence++).toString(16).toUpperCase() },
    },
  }],
});

const good = notification("raw/sales/year=2024/month=01/sales 2024-01.csv");
const bodies = [
  good,
  notification("raw/sales/year=2024/month=02/sales+février.csv"),
  good, // a duplicate delivery: the ledger counts it, nothing else changes
  notification("somewhere/else.csv"),
  notification("raw/sales/year=2024/month=01'; DROP TABLE x;--/evil.csv"),
  JSON.stringify({ Service: "Amazon S3", Event: "s3:TestEvent", Time: new Date().toISOString(), Bucket: "data-lake-local", RequestId: "LOCAL", HostId: "LOCAL" }),
];
await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: bodies.map((MessageBody, i) => ({ Id: `m${i}`, MessageBody })) }));
console.log(`sent ${bodies.length} notifications to ${queueUrl}`);
