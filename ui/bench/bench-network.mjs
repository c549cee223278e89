// Drives bench/network.html in Chromium (playwright-core, the system's browser, as the view
// tests do) and prints, for each size, the layout time and the cost of a frame of panning and
// zooming with sigma, sigma hiding its edges while moving, a naive Canvas 2D renderer and the
// view's cached-bitmap Canvas 2D renderer. Run: `nice -n 19 node ui/bench/bench-network.mjs`.

import { chromium } from "playwright-core";
import { createServer } from "vite";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const server = await createServer({ root, logLevel: "error", server: { port: 0, strictPort: false } });
await server.listen();
const base = server.resolvedUrls.local[0];
// What a machine without a GPU gets: software compositing and Canvas 2D rastered on the CPU,
// WebGL on SwiftShader. The first version of this bench forced SwiftShader for everything
// ("--use-angle=swiftshader"), which makes Chromium raster Canvas 2D through software GL too:
// there a clearRect costs 20 ms and a drawImage 100 ms, which no browser without a GPU does.
// CHROMIUM_MODE=forced-swiftshader measures that way again; CHROMIUM_MODE=gpu uses a real GPU.
const modes = {
  software: ["--disable-gpu", "--enable-unsafe-swiftshader"],
  "forced-swiftshader": ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  gpu: [],
};
const gpu = modes[process.env.CHROMIUM_MODE ?? "software"];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", ...gpu] });
const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
page.on("pageerror", (err) => console.error("page error:", err.message));
await page.goto(`${base}bench/network.html`);
await page.waitForFunction(() => typeof window.bench === "function");
// RENDERERS=words limits the run to some of sigma, sigmaHide, naive2d and cached2d.
const only = process.env.RENDERERS ?? "";
const sizes = (process.env.SIZES ?? "500:2000,2000:20000,5000:50000").split(",").map((s) => s.split(":").map(Number));
for (const [nodes, edges] of sizes) {
  const r = await page.evaluate(([n, e, o]) => window.bench(n, e, o), [nodes, edges, only]);
  const f = (v) => (typeof v === "number" ? v.toFixed(v < 10 ? 1 : 0) : v);
  console.log(`load ${(await import("node:fs")).readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
  console.log(Object.entries(r).map(([k, v]) => `${k}=${f(v)}`).join(" "));
}
await browser.close();
await server.close();
