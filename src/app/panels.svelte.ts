/** Which side-panel tab is open, and how wide the side panel is (remembered across visits). */
import { readText, writePreference } from './storage';

export const PANEL_TABS = ['lesson', 'taskdef', 'services', 'details', 'events', 'console', 'cost'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

const WIDTH_KEY = 'ecs-playground.panelWidth';
export const PANEL_MIN = 320;
export const PANEL_MAX = 960;

export class Panels {
  tab = $state<PanelTab>('taskdef');
  width = $state(460);

  constructor() {
    const saved = Number(readText(WIDTH_KEY));
    if (Number.isFinite(saved) && saved > 0) this.width = clampWidth(saved);
  }

  show(tab: PanelTab): void {
    this.tab = tab;
  }

  resize(width: number): void {
    this.width = clampWidth(width);
    writePreference(WIDTH_KEY, String(Math.round(this.width)));
  }
}

export function clampWidth(width: number): number {
  return Math.min(PANEL_MAX, Math.max(PANEL_MIN, Math.round(width)));
}
