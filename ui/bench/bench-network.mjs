// Drives bench/network.html in Chromium (playwright-core, the system's browser, as the view
// tests do) and prints, for each size, the layout time and the cost of a frame of panning and
// zooming with sigma against a hand-written Canvas 2D renderer. WebGL runs on SwiftShader
// (software) unless CHROMIUM_GPU=1. Run: `nice -n 19 node ui/bench/bench-network.mjs`.

import { chromium } from "playwright-core";
import { createServer } from "vite";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const server = await createServer({ root, logLevel: "error", server: { port: 0, strictPort: false } });
await server.listen();
const base = server.resolvedUrls.local[0];
const gpu = process.env.CHROMIUM_GPU === "1" ? [] : ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", ...gpu] });
const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
page.on("pageerror", (err) => console.error("page error:", err.message));
await page.goto(`${base}bench/network.html`);
await page.waitForFunction(() => typeof window.bench === "function");
const sizes = (process.env.SIZES ?? "500:2000,2000:20000,5000:50000").split(",").map((s) => s.split(":").map(Number));
for (const [nodes, edges] of sizes) {
  const r = await page.evaluate(([n, e]) => window.bench(n, e, 60), [nodes, edges]);
  const f = (v) => (typeof v === "number" ? v.toFixed(v < 10 ? 1 : 0) : v);
  console.log(Object.entries(r).map(([k, v]) => `${k}=${f(v)}`).join(" "));
}
await browser.close();
await server.close();
