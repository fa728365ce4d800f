import { chromium } from 'playwright-core';

/**
 * Opens a trace in the tracing UI with Debian's Chromium, headless, and saves what a user sees.
 * The background-networking flags keep Chromium from calling out to hosts this machine cannot reach.
 */
export async function screenshotTrace(url: string, file: string, expectedText: readonly string[]): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    // The page is drawn once the trace's first spans are in it (the span list draws what is in view).
    for (const text of expectedText) await page.getByText(text, { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: file, fullPage: false });
  } finally {
    await browser.close();
  }
}
