import { describe, expect, inject, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();

describe('the app shell, built and served from a sub-path', () => {
  it('loads with no console errors and no request leaving the local server', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    await w.page.getByRole('heading', { name: 'ECS Playground' }).waitFor();
    expect(await w.page.getByTestId('clock').textContent()).toBe('0:00:00');
    await w.screenshot('shell-initial');
    expectClean(w);
    await w.context.close();
  });

  it('plays the virtual clock and pauses it', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    await w.page.getByRole('radio', { name: '600×' }).click();
    await w.page.getByTestId('play').click();
    await w.page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent !== '0:00:00');
    await w.page.getByTestId('play').click();
    const paused = await w.page.getByTestId('clock').textContent();
    await w.page.waitForTimeout(300);
    expect(await w.page.getByTestId('clock').textContent()).toBe(paused);
    expect(paused).not.toBe('0:00:00');
    expectClean(w);
    await w.context.close();
  });

  it('steps the clock and creates a cluster that shows in the list and the event log', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    await w.page.getByTestId('step').click();
    expect(await w.page.getByTestId('clock').textContent()).toBe('0:00:01');
    await w.page.getByLabel('Cluster name').fill('demo');
    await w.page.getByTestId('create-cluster').click();
    await w.page.getByTestId('cluster-item').filter({ hasText: 'demo' }).waitFor();
    await w.page.getByTestId('tab-events').click();
    expect(await w.page.getByTestId('event-log').textContent()).toContain('Cluster demo created.');
    await w.page.getByLabel('Cluster name').fill('bad name!');
    await w.page.getByTestId('create-cluster').click();
    await w.page.getByRole('alert').filter({ hasText: 'InvalidParameterException' }).waitFor();
    // What the learner typed stays in the field after an error.
    expect(await w.page.getByLabel('Cluster name').inputValue()).toBe('bad name!');
    await w.screenshot('shell-cluster');
    expectClean(w);
    await w.context.close();
  });

  it('switches to Korean and to the dark theme', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    await w.page.getByLabel('Language').selectOption('ko');
    await w.page.getByRole('button', { name: '클러스터 생성' }).waitFor();
    expect(await w.page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await w.page.getByRole('button', { name: '밝은 테마와 어두운 테마 전환' }).click();
    expect(await w.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await w.screenshot('shell-korean-dark');
    expectClean(w);
    await w.context.close();
  });

  it('starts in Korean for a Korean browser and stays usable on a phone', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    await w.page.getByRole('heading', { name: '클러스터', exact: true }).waitFor();
    // with a cluster, the map's action forms (long CLI command lines among them) must fit too
    await w.page.getByRole('button', { name: '클러스터 생성' }).click();
    await w.page.getByTestId('cluster-item').waitFor();
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await w.screenshot('shell-phone-ko');
    expectClean(w);
    await w.context.close();
  });
});
