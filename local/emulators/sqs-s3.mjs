#!/usr/bin/env node
// Local SQS + S3 emulator (fauxqs, pinned in package.json) for development and integration tests.
//
//   node sqs-s3.mjs [--port N] [--init file.json] [--notifications file.json] [--exit-with-stdin]
//
//   --port N                  TCP port on 127.0.0.1 (default 4566; 0 = any free port).
//   --init file.json          fauxqs init config (queues, topics, subscriptions, buckets) applied before READY.
//   --notifications file.json S3 bucket notifications to SQS (fauxqs has none): per bucket, an S3 NotificationConfiguration
//                             with QueueConfigurations (see s3-notifications.mjs). Buckets and queues must exist once --init
//                             is applied; one s3:TestEvent goes to each queue before READY, as S3 does.
//   --exit-with-stdin   exit when stdin reaches EOF, so a test host that dies without cleanup
//                       does not leave an orphan emulator behind.
//
// Prints exactly one line "READY <port>" on stdout once listening; everything else goes to stderr.
//
// Why not the fauxqs CLI or startFauxqs(): both bind 0.0.0.0 (checked in fauxqs 1.9.2 dist/app.js); a test
// emulator without authentication must only listen on loopback. buildApp() is public API and leaves listen() to us.
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { buildApp } from "fauxqs";
import { attachNotifications, parseNotifications } from "./s3-notifications.mjs";

const HOST = "127.0.0.1";
const DEFAULT_REGION = "us-east-1";

function fail(message) {
  process.stderr.write(`sqs-s3: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: "string", default: "4566" },
      init: { type: "string" },
      notifications: { type: "string" },
      "exit-with-stdin": { type: "boolean", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${error.message}\nusage: node sqs-s3.mjs [--port N] [--init file.json] [--notifications file.json] [--exit-with-stdin]`);
}

const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`--port must be an integer between 0 and 65535, got "${args.port}"`);
}

// The init config and the notifications need the stores that buildApp() would otherwise create privately. fauxqs exports
// only its entry point, so these deep imports are tied to the pinned version (1.9.2); they are loaded only when needed.
async function createStores() {
  const dist = new URL("./node_modules/fauxqs/dist/", import.meta.url);
  const [{ SqsStore }, { SnsStore }, { S3Store }, initConfig] = await Promise.all([
    import(new URL("sqs/sqsStore.js", dist).href),
    import(new URL("sns/snsStore.js", dist).href),
    import(new URL("s3/s3Store.js", dist).href),
    import(new URL("initConfig.js", dist).href),
  ]);
  return { stores: { sqsStore: new SqsStore(), snsStore: new SnsStore(), s3Store: new S3Store() }, initConfig };
}

let init;
let initConfig;
let stores;
if (args.init || args.notifications) {
  ({ stores, initConfig } = await createStores());
}
if (args.init) {
  try {
    init = initConfig.loadInitConfig(args.init);
  } catch (error) {
    fail(`cannot load --init ${args.init}: ${error.message}`);
  }
}
let notifications;
if (args.notifications) {
  try {
    const rules = parseNotifications(JSON.parse(readFileSync(args.notifications, "utf8")));
    notifications = attachNotifications({
      rules,
      s3Store: stores.s3Store,
      sqsStore: stores.sqsStore,
      region: DEFAULT_REGION,
      log: (line) => process.stderr.write(`sqs-s3: ${line}\n`),
    });
  } catch (error) {
    fail(`cannot load --notifications ${args.notifications}: ${error.message}`);
  }
}

const app = buildApp({ logger: false, defaultRegion: DEFAULT_REGION, stores });

let stopping = false;
async function stop(reason) {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`sqs-s3: stopping (${reason})\n`);
  // forceCloseConnections is on in buildApp, so pending long polls do not hold close() open.
  const timer = setTimeout(() => process.exit(0), 2000);
  timer.unref();
  try {
    await app.close();
  } finally {
    process.exit(0);
  }
}

process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
if (args["exit-with-stdin"]) {
  process.stdin.on("end", () => void stop("stdin closed"));
  process.stdin.on("error", () => void stop("stdin error"));
  process.stdin.resume();
}

try {
  await app.listen({ port, host: HOST });
} catch (error) {
  fail(`cannot listen on ${HOST}:${port}: ${error.message}`);
}

const actualPort = app.server.address().port;
if (init) {
  initConfig.applyInitConfig(init, stores.sqsStore, stores.snsStore, stores.s3Store, {
    port: actualPort,
    region: DEFAULT_REGION,
  });
}
if (notifications) {
  try {
    notifications.sendTestEvents();
  } catch (error) {
    await app.close();
    fail(`--notifications ${args.notifications}: ${error.message}`);
  }
}

process.stdout.write(`READY ${actualPort}\n`);
