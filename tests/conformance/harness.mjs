// Starts the emulators the conformance tests drive: LocalAws (dotnet, `--port 0`) and, for S3, the SQS/S3 emulator
// (local/emulators/sqs-s3.mjs). Both print "READY <port>" on stdout once listening.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { createInterface } from "node:readline";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const region = "us-east-1";
export const credentials = { accessKeyId: "AKIDCONFORMANCE", secretAccessKey: "not-a-secret" };
const readyTimeoutMs = 60_000;

/** Starts a process and resolves with { port, stop } once it prints "READY <port>". */
export function startProcess(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"], ...options });
    let stderr = "";
    child.stderr.on("data", (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} did not print READY <port> within ${readyTimeoutMs} ms. stderr:\n${stderr}`));
    }, readyTimeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(" ")} exited with code ${code} before READY. stderr:\n${stderr}`));
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      const match = /^READY (\d+)$/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        port: Number(match[1]),
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
        }),
      });
    });
  });
}

function newest(paths) {
  return paths.filter(existsSync).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/** The built LocalAws.dll; builds it when neither configuration has been built (tests/run builds it before). */
export function localAwsDll() {
  const candidates = ["Debug", "Release"].map((c) => path.join(root, "local/LocalAws/bin", c, "net10.0/LocalAws.dll"));
  let dll = newest(candidates);
  if (!dll) {
    execFileSync("dotnet", ["build", path.join(root, "local/LocalAws"), "-v", "q", "-nologo"], { stdio: ["ignore", process.stderr, "inherit"] });
    dll = newest(candidates);
  }
  if (!dll) throw new Error(`LocalAws.dll not found after dotnet build: looked for ${candidates.join(", ")}`);
  return dll;
}

/** The SQS/S3 emulator with the buckets the tests use; installs its npm packages when missing. */
export async function startS3(buckets) {
  const emulators = path.join(root, "local/emulators");
  if (!existsSync(path.join(emulators, "node_modules/fauxqs"))) {
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: emulators, stdio: ["ignore", "ignore", "inherit"] });
  }
  const s3 = await startProcess(process.execPath, [path.join(emulators, "sqs-s3.mjs"), "--port", "0", "--exit-with-stdin"]);
  s3.endpoint = `http://127.0.0.1:${s3.port}`;
  // fauxqs does not check signatures: plain path-style PUTs create buckets and objects.
  for (const bucket of buckets) await put(s3.endpoint, bucket, "");
  s3.put = (bucket, key, body) => put(s3.endpoint, `${bucket}/${key}`, body);
  return s3;
}

async function put(endpoint, pathName, body) {
  const response = await fetch(`${endpoint}/${pathName}`, { method: "PUT", body });
  if (!response.ok) throw new Error(`PUT ${pathName} on the S3 emulator: ${response.status} ${await response.text()}`);
}

/** LocalAws pointed at the S3 emulator (when given). */
export async function startLocalAws({ s3Endpoint, athenaOutput, queueSeconds } = {}) {
  const args = [localAwsDll(), "--port", "0"];
  if (s3Endpoint) args.push("--s3-endpoint", s3Endpoint);
  if (athenaOutput) args.push("--athena-output", athenaOutput);
  if (queueSeconds !== undefined) args.push("--athena-queue-seconds", String(queueSeconds));
  const aws = await startProcess("dotnet", args, { env: { ...process.env, DOTNET_NOLOGO: "1" } });
  aws.endpoint = `http://127.0.0.1:${aws.port}`;
  aws.faults = async (rule) => {
    const response = await fetch(`${aws.endpoint}/__admin/faults`, {
      method: rule ? "POST" : "DELETE",
      headers: { "content-type": "application/json" },
      body: rule ? JSON.stringify(rule) : undefined,
    });
    if (!response.ok) throw new Error(`fault admin: ${response.status} ${await response.text()}`);
  };
  return aws;
}

/** Options for an SDK v3 client against the emulator; maxAttempts 1 unless a test is about retries. */
export function clientConfig(endpoint, extra = {}) {
  return { endpoint, region, credentials, maxAttempts: 1, ...extra };
}

export function unique(prefix) {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}

/** Polls fn until done(result) or the timeout; returns the last result. */
export async function waitFor(fn, done, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await fn();
    if (done(result)) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(result)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The error a promise rejects with (fails when it resolves). */
export async function rejection(promise) {
  try {
    const value = await promise;
    throw Object.assign(new Error(`expected a rejection, got ${JSON.stringify(value)}`), { unexpected: true });
  } catch (error) {
    if (error.unexpected) throw error;
    return error;
  }
}
