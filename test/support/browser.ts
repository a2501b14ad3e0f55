import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

// Without these, Chromium keeps trying to reach Google's services, which this machine's
// closed network refuses.
const QUIET_FLAGS = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
];

/**
 * A real headless Chromium: Debian's when installed (.ci/run installs it), otherwise the
 * one the @sparticuz/chromium npm package ships, so `npm test` needs no system package.
 */
export async function launchBrowser(): Promise<Browser> {
  const forcePackaged = process.env.SIP_TEST_PACKAGED_CHROMIUM === '1';
  if (existsSync(DEBIAN_CHROMIUM) && !forcePackaged) {
    return chromium.launch({ executablePath: DEBIAN_CHROMIUM, headless: true, args: ['--no-sandbox', ...QUIET_FLAGS] });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  // Not the package's own flag list: it is made for AWS Lambda (single process, web
  // security off), which would hide the very CSP and isolation the tests check.
  return chromium.launch({
    executablePath: await packaged.executablePath(),
    headless: true,
    args: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--font-render-hinting=none', ...QUIET_FLAGS],
  });
}
