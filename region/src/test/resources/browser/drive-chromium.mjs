// Drives Debian's headless Chromium with playwright-core for the browser tests (HeadlessBrowser.java): one JSON
// command a line on standard input, one JSON answer a line on standard output, so that the Java test decides what
// happens and asserts what the pages show. Nothing here downloads a browser.
//
//   node drive-chromium.mjs <folder holding node_modules/playwright-core> <chromium executable> <screenshot folder>
//
// Prints {"ready":true} once Chromium runs; answers each {"id":n,"command":...} with {"id":n,"value":...} or
// {"id":n,"error":"..."}. Closes Chromium and exits when standard input ends, so a test JVM that dies takes the
// browser with it.
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import path from "node:path";

const [playwrightFolder, chromiumExecutable, outputFolder] = process.argv.slice(2);
const { chromium } = createRequire(path.join(playwrightFolder, "package.json"))("playwright-core");

const TIMEOUT_MS = 15_000;
const VIEWPORT = { width: 400, height: 520 };

const browser = await chromium.launch({
  executablePath: chromiumExecutable,
  headless: true,
  timeout: 30_000,
  // Playwright adds --no-sandbox and a fresh --user-data-dir of its own. Without the background-networking flags,
  // Chromium keeps calling Google's hosts, which a closed network refuses.
  args: [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const pages = new Map();

function page(name) {
  const found = pages.get(name);
  if (!found) {
    throw new Error(`page: ${name} (expected one of ${[...pages.keys()].join(", ") || "no page yet"})`);
  }
  return found;
}

function output(file) {
  return path.join(outputFolder, file);
}

// Records every value the page's data-connection takes, so that a disconnection shorter than a poll is still seen.
function watchConnection() {
  window.connectionLog = [document.body.dataset.connection];
  new MutationObserver(() => {
    const state = document.body.dataset.connection;
    if (window.connectionLog[window.connectionLog.length - 1] !== state) {
      window.connectionLog.push(state);
    }
  }).observe(document.body, { attributes: true, attributeFilter: ["data-connection"] });
}

function readQuack() {
  const text = (element, selector) => element.querySelector(selector)?.textContent ?? null;
  return {
    connection: document.body.dataset.connection ?? null,
    region: document.body.dataset.region ?? null,
    connectionLog: window.connectionLog ?? [],
    messages: [...document.querySelectorAll("#messages li[data-id]")].map((item) => ({
      id: item.dataset.id,
      region: text(item, ".tag.region"),
      text: text(item, ".text"),
      origin: text(item, ".tag.origin"),
    })),
  };
}

const commands = {
  async open({ page: name, url }) {
    const opened = await browser.newPage({ viewport: VIEWPORT });
    opened.setDefaultTimeout(TIMEOUT_MS);
    opened.on("console", (message) => console.error(`[${name} console] ${message.text()}`));
    opened.on("pageerror", (error) => console.error(`[${name} error] ${error.message}`));
    pages.set(name, opened);
    await opened.goto(url, { waitUntil: "load" });
    await opened.evaluate(watchConnection);
    return null;
  },
  async quack({ page: name }) {
    return page(name).evaluate(readQuack);
  },
  async send({ page: name, text }) {
    await page(name).fill("#message", text);
    await page(name).press("#message", "Enter");
    return null;
  },
  async screenshot({ page: name, file }) {
    await page(name).screenshot({ path: output(file) });
    return output(file);
  },
  // Two pages next to each other, each under its caption, as one picture: a page of our own shows both screenshots.
  async sideBySide({ left, right, file }) {
    const images = [];
    for (const { page: name, caption } of [left, right]) {
      const png = await page(name).screenshot();
      images.push({ caption, src: "data:image/png;base64," + png.toString("base64") });
    }
    const frame = await browser.newPage({ viewport: { width: 2 * VIEWPORT.width + 48, height: 100 } });
    try {
      await frame.setContent(sideBySideHtml(images));
      await frame.screenshot({ path: output(file), fullPage: true });
    } finally {
      await frame.close();
    }
    return output(file);
  },
};

function sideBySideHtml(images) {
  const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const figures = images
    .map(({ caption, src }) => `<figure><figcaption>${escape(caption)}</figcaption><img src="${src}"></figure>`)
    .join("");
  return `<!doctype html><html><head><style>
    body { margin: 0; padding: 12px; display: flex; gap: 16px; background: #cfd4dc;
           font: 14px/1.3 system-ui, sans-serif; color: #1d2330; }
    figure { margin: 0; } figcaption { margin: 0 0 6px; font-weight: 600; }
    img { display: block; box-shadow: 0 1px 4px rgba(0, 0, 0, .3); }
  </style></head><body>${figures}</body></html>`;
}

let closing = false;
async function close(code) {
  if (closing) {
    return;
  }
  closing = true;
  await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]).catch(() => {});
  process.exit(code);
}

function answer(reply) {
  process.stdout.write(JSON.stringify(reply) + "\n");
}

// Commands run one after the other, in the order they came.
let queue = Promise.resolve();
createInterface({ input: process.stdin })
  .on("line", (line) => {
    queue = queue.then(async () => {
      let request;
      try {
        request = JSON.parse(line);
        const run = commands[request.command];
        if (!run) {
          throw new Error(`command: ${request.command} (expected one of ${Object.keys(commands).join(", ")})`);
        }
        answer({ id: request.id, value: (await run(request)) ?? null });
      } catch (error) {
        answer({ id: request?.id ?? null, error: String(error?.stack ?? error) });
      }
    });
  })
  .on("close", () => queue.finally(() => close(0)));
process.on("SIGTERM", () => close(143));
process.on("SIGINT", () => close(130));

answer({ ready: true });
