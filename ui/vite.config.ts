/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The app is served by Tauri from the embedded dist folder, never from a dev server, so the
// config stays minimal: a fixed port only matters for `npm run dev` in a browser.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK and WKWebView are Safari-class engines; Debian 12 ships WebKitGTK 2.50.
    target: ["es2022", "safari16"],
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
