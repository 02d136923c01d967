// S3 bucket notifications to SQS for fauxqs 1.9.2, which has none: an object created or removed through the S3 API becomes
// an S3 event notification on the configured queue, in AWS's format (event structure 2.1), so any S3 client starts the flow.
//
// Configuration (--notifications file.json): per bucket, the NotificationConfiguration that
// `aws s3api put-bucket-notification-configuration` takes (its QueueConfigurations; SNS/Lambda/EventBridge are refused):
//
//   { "data-lake-local": { "QueueConfigurations": [ {
//       "Id": "orchestrator",
//       "QueueArn": "arn:aws:sqs:us-east-1:000000000000:data-lake-events",
//       "Events": ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"],
//       "Filter": { "Key": { "FilterRules": [ { "Name": "prefix", "Value": "raw/" }, { "Name": "suffix", "Value": ".csv" } ] } } } ] } }
//
// How events are seen: fauxqs's S3 store reports every change synchronously to its `spy` (library mode, 1.9.2): "uploaded"
// (PutObject, CompleteMultipartUpload, and the destination of CopyObject), "copied" (right after the "uploaded" of a copy,
// in the same tick), "deleted" (DeleteObject and DeleteObjects, only for keys that existed). This module is that spy. It
// snapshots size and ETag at the moment of the change, gives the change its sequencer there (so the sequencer follows the
// store's order for a key even when requests race), and enqueues on a microtask, after the request's synchronous work.
import { randomBytes } from "node:crypto";

const EVENT_TYPES = [
  "s3:ObjectCreated:Put",
  "s3:ObjectCreated:Post",
  "s3:ObjectCreated:Copy",
  "s3:ObjectCreated:CompleteMultipartUpload",
  "s3:ObjectRemoved:Delete",
  "s3:ObjectRemoved:DeleteMarkerCreated",
];
// S3 refuses FIFO queues as notification destinations.
const QUEUE_ARN = /^arn:aws:sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,80})$/;

/**
 * Validates a notifications file the way S3 validates PutBucketNotificationConfiguration; throws with every problem.
 * Returns [{ bucket, id, queueArn, events, prefix, suffix }].
 */
export function parseNotifications(json) {
  const errors = [];
  const rules = [];
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new Error("the notifications file must be a JSON object: { \"<bucket>\": { \"QueueConfigurations\": [ … ] } }");
  }
  for (const [bucket, configuration] of Object.entries(json)) {
    const where = `${bucket}`;
    if (configuration === null || typeof configuration !== "object") {
      errors.push(`${where}: must be an object with QueueConfigurations`);
      continue;
    }
    for (const other of Object.keys(configuration)) {
      if (other !== "QueueConfigurations") {
        errors.push(`${where}.${other}: not supported locally (only QueueConfigurations)`);
      }
    }
    const queues = configuration.QueueConfigurations ?? [];
    if (!Array.isArray(queues)) {
      errors.push(`${where}.QueueConfigurations: must be an array`);
      continue;
    }
    queues.forEach((queue, i) => {
      const at = `${where}.QueueConfigurations[${i}]`;
      if (!QUEUE_ARN.test(queue?.QueueArn ?? "")) {
        errors.push(`${at}.QueueArn: "${queue?.QueueArn}" is not an SQS queue ARN (arn:aws:sqs:<region>:<account>:<name>)`);
      }
      const events = queue?.Events;
      if (!Array.isArray(events) || events.length === 0) {
        errors.push(`${at}.Events: at least one event type is required`);
      } else {
        for (const event of events) {
          if (!EVENT_TYPES.some((type) => matchesEventType(event, type))) {
            errors.push(`${at}.Events: "${event}" is not a supported event type (${EVENT_TYPES.join(", ")}, or a ":*" form)`);
          }
        }
      }
      let prefix = "";
      let suffix = "";
      for (const [j, rule] of (queue?.Filter?.Key?.FilterRules ?? []).entries()) {
        const name = String(rule?.Name ?? "").toLowerCase();
        if (name === "prefix") prefix = String(rule.Value ?? "");
        else if (name === "suffix") suffix = String(rule.Value ?? "");
        else errors.push(`${at}.Filter.Key.FilterRules[${j}].Name: "${rule?.Name}" must be prefix or suffix`);
      }
      rules.push({ bucket, id: queue?.Id ?? randomId(), queueArn: queue?.QueueArn, events: events ?? [], prefix, suffix });
    });
  }
  if (errors.length > 0) {
    throw new Error(errors.join("\n"));
  }
  return rules;
}

/** "s3:ObjectCreated:*" matches "s3:ObjectCreated:Put"; exact names match themselves. */
function matchesEventType(pattern, eventType) {
  return pattern === eventType || (pattern.endsWith(":*") && eventType.startsWith(pattern.slice(0, -1)));
}

/**
 * The key as S3 writes it into a notification: application/x-www-form-urlencoded of the UTF-8 bytes (space as '+',
 * everything but A-Z a-z 0-9 - _ . * as %XX, upper-case hex), except that '/' stays as it is.
 */
export function encodeKey(key) {
  let encoded = "";
  for (const byte of Buffer.from(key, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.*/]/.test(c)) encoded += c;
    else if (c === " ") encoded += "+";
    else encoded += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return encoded;
}

function randomId(bytes = 8) {
  return randomBytes(bytes).toString("hex").toUpperCase();
}

/**
 * Attaches the notifications to fauxqs's stores. `log` receives one line per dropped notification.
 * Returns { sendTestEvents() } — S3 sends one s3:TestEvent to each destination when a configuration is saved.
 */
export function attachNotifications({ rules, s3Store, sqsStore, region, log }) {
  // Sequencers: fixed-width upper-case hex that grows with every change (AWS compares them per key as hex numbers). Seeded
  // from the clock so that they keep growing across emulator restarts.
  let sequencer = BigInt(Date.now()) << 24n;
  const nextSequencer = () => (++sequencer).toString(16).toUpperCase().padStart(18, "0");

  let completingMultipart = false;
  const complete = s3Store.completeMultipartUpload.bind(s3Store);
  s3Store.completeMultipartUpload = (...args) => {
    completingMultipart = true;
    try {
      return complete(...args);
    } finally {
      completingMultipart = false;
    }
  };

  let pending = [];
  const flush = () => {
    const changes = pending;
    pending = [];
    for (const change of changes) deliver(change);
  };

  s3Store.spy = {
    addMessage(event) {
      if (event.service !== "s3") return;
      if (event.status === "copied") {
        // fauxqs reports a copy as "uploaded" and then "copied" for the same key, synchronously.
        const last = pending.findLast((c) => c.bucket === event.bucket && c.key === event.key);
        if (last) last.eventName = "ObjectCreated:Copy";
        return;
      }
      let change;
      if (event.status === "uploaded") {
        const object = s3Store.buckets.get(event.bucket)?.get(event.key);
        change = {
          eventName: completingMultipart ? "ObjectCreated:CompleteMultipartUpload" : "ObjectCreated:Put",
          object: { size: object?.contentLength ?? 0, eTag: (object?.etag ?? "").replaceAll('"', "") },
        };
      } else if (event.status === "deleted") {
        change = { eventName: "ObjectRemoved:Delete", object: {} };
      } else {
        return; // downloads
      }
      if (pending.length === 0) queueMicrotask(flush);
      pending.push({ ...change, bucket: event.bucket, key: event.key, sequencer: nextSequencer(), time: new Date() });
    },
  };

  function deliver(change) {
    for (const rule of rules) {
      if (rule.bucket !== change.bucket || !change.key.startsWith(rule.prefix) || !change.key.endsWith(rule.suffix)) continue;
      if (!rule.events.some((pattern) => matchesEventType(pattern, `s3:${change.eventName}`))) continue;
      const record = {
        eventVersion: "2.1",
        eventSource: "aws:s3",
        awsRegion: region,
        eventTime: change.time.toISOString(),
        eventName: change.eventName,
        userIdentity: { principalId: "AWS:LOCAL" },
        requestParameters: { sourceIPAddress: "127.0.0.1" },
        responseElements: { "x-amz-request-id": randomId(), "x-amz-id-2": randomBytes(48).toString("base64") },
        s3: {
          s3SchemaVersion: "1.0",
          configurationId: rule.id,
          bucket: { name: change.bucket, ownerIdentity: { principalId: "LOCAL" }, arn: `arn:aws:s3:::${change.bucket}` },
          // Unversioned bucket: no versionId. Removals carry only key and sequencer, as on AWS.
          object: { key: encodeKey(change.key), ...change.object, sequencer: change.sequencer },
        },
      };
      enqueue(rule, JSON.stringify({ Records: [record] }));
    }
  }

  function enqueue(rule, body) {
    const queue = sqsStore.getQueueByArn(rule.queueArn);
    if (!queue) {
      log(`notification for s3://${rule.bucket} dropped: queue ${rule.queueArn} does not exist`);
      return;
    }
    // SqsStore.createMessage is the static factory fauxqs's own SendMessage and SNS fan-out use; enqueue wakes long polls.
    const delaySeconds = Number.parseInt(queue.attributes.DelaySeconds ?? "0", 10);
    queue.enqueue(sqsStore.constructor.createMessage(body, {}, delaySeconds > 0 ? delaySeconds : undefined));
  }

  return {
    /** Checks that every bucket and queue exists (as S3 does when the configuration is saved) and sends the test events. */
    sendTestEvents() {
      const problems = [];
      for (const rule of rules) {
        if (!s3Store.hasBucket(rule.bucket)) problems.push(`bucket ${rule.bucket} does not exist`);
        if (!sqsStore.getQueueByArn(rule.queueArn)) problems.push(`queue ${rule.queueArn} does not exist (for bucket ${rule.bucket})`);
      }
      if (problems.length > 0) {
        throw new Error(`Unable to validate the following destination configurations: ${problems.join("; ")}`);
      }
      const sent = new Set();
      for (const rule of rules) {
        if (sent.has(`${rule.bucket}\n${rule.queueArn}`)) continue;
        sent.add(`${rule.bucket}\n${rule.queueArn}`);
        enqueue(rule, JSON.stringify({
          Service: "Amazon S3",
          Event: "s3:TestEvent",
          Time: new Date().toISOString(),
          Bucket: rule.bucket,
          RequestId: randomId(),
          HostId: randomBytes(48).toString("base64"),
        }));
      }
    },
  };
}
