/**
 * axe-core in the page: runs the accessibility engine and reports violations in a readable form.
 * The app's Content-Security-Policy forbids inline scripts, so pages checked with axe are opened
 * with `openApp(..., { bypassCSP: true })` (the CSP itself is tested in security.test.ts).
 *
 *   const w = await openApp(browser, base, { bypassCSP: true });
 *   await expectNoSeriousA11yViolations(w.page, 'main app, light');
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  id: string;
  impact: AxeImpact | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

export interface AxeOptions {
  /** CSS selector of the part to check (default: the whole document) */
  include?: string;
  /** rule ids to leave out, each with a reason in the calling test */
  disableRules?: string[];
}

/** Runs axe on the page as it is now (WCAG 2.0/2.1/2.2 A and AA rules plus best practices). */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!present) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async ({ include, disableRules }) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- axe is injected above, untyped here
    const axe = (window as any).axe;
    const rules = Object.fromEntries(disableRules.map((id: string) => [id, { enabled: false }]));
    const result = await axe.run(include ? document.querySelector(include) : document, { resultTypes: ['violations'], rules });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      nodes: v.nodes.map((n: any) => ({ target: n.target.join(' '), summary: String(n.failureSummary ?? '').replace(/\s+/g, ' ') })),
    }));
  }, { include: options.include, disableRules: options.disableRules ?? [] });
}

export function isSerious(v: AxeViolation): boolean {
  return v.impact === 'serious' || v.impact === 'critical';
}

/** One line per failing element: rule, impact, where, why. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.slice(0, 5).map((n) => `[${v.impact}] ${v.id} (${v.help}) at ${n.target}: ${n.summary}`));
}

/** Fails the test with every serious or critical violation listed. */
export async function expectNoSeriousA11yViolations(page: Page, where: string, options: AxeOptions = {}): Promise<void> {
  const serious = (await runAxe(page, options)).filter(isSerious);
  expect(describeViolations(serious), `axe: serious or critical violations in ${where}`).toEqual([]);
}
