import { describe, expect, it } from 'vitest';
import { showLoadFailure } from './loadFailure';
import { bootLocale, bootTexts } from './texts';

describe('boot screen', () => {
  it('speaks Korean to a Korean browser and English to everyone else', () => {
    expect(bootLocale(['ko-KR', 'en-US'])).toBe('ko');
    expect(bootLocale(['en-GB', 'ko'])).toBe('en');
    expect(bootLocale(['fr-FR', 'ko'])).toBe('ko');
    expect(bootLocale(['de'])).toBe('en');
    expect(bootLocale([])).toBe('en');
  });

  it('replaces the shell with an alert naming what failed, as text, with a reload button', () => {
    const target = document.createElement('div');
    target.setAttribute('aria-busy', 'true');
    target.append(Object.assign(document.createElement('div'), { className: 'boot-header', textContent: 'ECS Playground' }));
    showLoadFailure(target, new TypeError('Failed to fetch dynamically imported module: <img src=x onerror=alert(1)>'), ['en-US']);
    const alert = target.querySelector('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(target.querySelector('h1')?.textContent).toBe(bootTexts.en.failedHeading);
    expect(target.querySelector('button')?.textContent).toBe('Reload');
    expect(target.querySelector('pre')?.textContent).toBe('TypeError: Failed to fetch dynamically imported module: <img src=x onerror=alert(1)>');
    expect(target.querySelector('img')).toBeNull();
    expect(target.hasAttribute('aria-busy')).toBe(false);
    expect(target.querySelector('.boot-header')).toBeNull();
  });

  it('shows the Korean texts for a Korean browser', () => {
    const target = document.createElement('div');
    showLoadFailure(target, 'offline', ['ko']);
    expect(target.querySelector('h1')?.textContent).toBe('ECS Playground를 불러오지 못했습니다');
    expect(target.querySelector('button')?.textContent).toBe('다시 불러오기');
    expect(target.querySelector('pre')?.textContent).toBe('offline');
  });
});
