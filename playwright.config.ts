import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";
import { chromium } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);

/** Debian's Chromium first (Playwright cannot download browsers here), then Playwright's own. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  const bundled = (() => {
    try {
      return chromium.executablePath();
    } catch {
      return "";
    }
  })();
  if (bundled && fs.existsSync(bundled)) return bundled;
  throw new Error(
    `No Chromium found. Tried CHROMIUM_PATH (${process.env.CHROMIUM_PATH ?? "unset"}), /usr/bin/chromium and Playwright's download (${bundled || "none"}). ` +
      `Install it with: apt-get install -y chromium fonts-noto-cjk`,
  );
}

const launchOptions = {
  executablePath: chromiumPath(),
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "phone", use: { ...devices["Pixel 5"], viewport: { width: 360, height: 740 }, launchOptions } },
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions } },
  ],
  webServer: {
    command: "npx tsx --conditions=react-server scripts/e2e-server.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { E2E_PORT: String(PORT) },
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
