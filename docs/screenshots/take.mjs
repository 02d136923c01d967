// The browser side of docs/screenshots/take: log in to the Aspire dashboard, upload one object, find its trace and its run's
// trace, and save both as PNGs. Arguments: <dashboard login link> <chromium path> <output folder>.
import puppeteer from "puppeteer-core";
import { S3Client, PutObjectCommand } from "../../local/emulators/node_modules/@aws-sdk/client-s3/dist-cjs/index.js";

const [login, chromium, out] = process.argv.slice(2);
const dashboard = new URL(login).origin;
const queue = "data-lake-events";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => console.log(`take: ${m}`);

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1750, deviceScaleFactor: 1 });
  await page.goto(login, { waitUntil: "networkidle2" });

  // The traces list, filtered by the root span's name: [{ text, cell }] in the list's order (oldest first).
  async function traces(filter) {
    await page.goto(`${dashboard}/traces`, { waitUntil: "networkidle2" });
    await page.type(">>> input[placeholder='Filter...']", filter);
    await sleep(1500);
    const rows = [];
    for (const cell of await page.$$(">>> [role=gridcell]")) {
      const text = await cell.evaluate((e) => e.textContent ?? "");
      if (text.includes(`orchestrator: ${filter}`)) rows.push({ text, cell });
    }
    return rows;
  }

  async function waitFor(what, probe, seconds) {
    for (const end = Date.now() + seconds * 1000; Date.now() < end; await sleep(2000)) {
      const value = await probe();
      if (value) return value;
    }
    throw new Error(`take: ${what} did not appear within ${seconds} s`);
  }

  // The demo resource uploads three CSVs as soon as the orchestrator polls; let its run finish first, so that the object
  // uploaded here gets a run of its own.
  await waitFor("the demo's run", async () => (await traces("orchestrator.glue.run")).length >= 1, 300);
  const before = (await traces(`receive ${queue}`)).length;
  const key = `raw/sales/year=2024/month=03/screenshot-${Date.now()}.csv`;
  const s3 = new S3Client({ endpoint: "http://127.0.0.1:4566", region: "us-east-1", forcePathStyle: true,
    credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  await s3.send(new PutObjectCommand({ Bucket: "data-lake-local", Key: key, ContentType: "text/csv",
    Body: "id,name,amount,date\n100,dave,3.5,2024-03-01\n" }));
  log(`uploaded s3://data-lake-local/${key}`);
  await waitFor("the object's run", async () => (await traces("orchestrator.glue.run")).length >= 2, 180);
  await sleep(3000); // the run span is exported last (batch export interval)

  // The object's trace: the newest receive trace. Its message span must carry the key, or this is the wrong trace.
  const rows = await waitFor("the object's trace", async () => {
    const r = await traces(`receive ${queue}`);
    return r.length > before ? r : null;
  }, 60);
  await Promise.all([page.waitForNavigation({ waitUntil: "networkidle2" }), rows[rows.length - 1].cell.click()]);
  // The dashboard names messaging spans "MSG aws_sqs <queue>": the message span is the one whose details show the key.
  if (!(await openSpan("MSG aws_sqs", key))) throw new Error(`take: the newest receive trace does not carry ${key}`);
  await openSpan("orchestrator.glue.request");
  await reveal("Backlinks"); // the run span links here: the object's trace continues in the run's
  await sleep(1000);
  await page.screenshot({ path: `${out}/trace.png` });
  log(`saved ${out}/trace.png (${page.url()})`);

  // The run's trace: the newest run.
  const runs = await traces("orchestrator.glue.run");
  await Promise.all([page.waitForNavigation({ waitUntil: "networkidle2" }), runs[runs.length - 1].cell.click()]);
  await openSpan("orchestrator.glue.run");
  await reveal("Links"); // back to the run requests of the objects' traces
  await sleep(1000);
  await page.screenshot({ path: `${out}/run-trace.png` });
  log(`saved ${out}/run-trace.png (${page.url()})`);

  // Checks that the span details have a section titled `title` (the page is tall enough to show it whole).
  async function reveal(title) {
    if (!(await page.$(`>>> ::-p-text(${title})`))) throw new Error(`take: no "${title}" section in the span details on ${page.url()}`);
    await sleep(500);
  }

  // Opens the details of the first span whose name starts with `name` (and whose details show `text`, when given).
  async function openSpan(name, text) {
    await sleep(1500);
    const seen = [];
    for (const cell of await page.$$(">>> [role=gridcell]")) {
      const label = (await cell.evaluate((e) => e.textContent ?? "")).trim();
      seen.push(JSON.stringify(label));
      if (!label.startsWith(name)) continue;
      await cell.click();
      await sleep(1500);
      if (!text || (await page.$(`>>> ::-p-text(${text})`))) return true;
    }
    if (text) return false;
    await page.screenshot({ path: `${out}/take-failed.png` });
    throw new Error(`take: no span named ${name} on ${page.url()}; cells: ${seen.slice(0, 30).join(", ")}`);
  }
} finally {
  await browser.close();
}
