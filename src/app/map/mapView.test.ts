import { describe, expect, it } from 'vitest';
import { MapView } from './mapView.svelte';

describe('MapView', () => {
  it('groups by Availability Zone until another grouping is chosen, and ignores unknown ones', () => {
    const view = new MapView();
    expect(view.groupBy).toBe('az');
    view.setGroupBy('service');
    expect(view.groupBy).toBe('service');
    view.setGroupBy('colour');
    expect(view.groupBy).toBe('service');
  });

  it('keeps a filter per cluster and changes one part at a time', () => {
    const view = new MapView();
    view.setFilter('prod', { group: 'service:web' });
    view.setFilter('prod', { status: 'PENDING' });
    expect(view.filterOf('prod')).toEqual({ group: 'service:web', status: 'PENDING', az: '' });
    expect(view.filterOf('dev')).toEqual({ group: '', status: '', az: '' });
    expect(view.isFiltered('prod')).toBe(true);
    expect(view.isFiltered('dev')).toBe(false);
  });

  it("clears one cluster's filter and leaves the others", () => {
    const view = new MapView();
    view.setFilter('prod', { az: 'us-east-1a' });
    view.setFilter('dev', { az: 'us-east-1b' });
    view.clear('prod');
    expect(view.isFiltered('prod')).toBe(false);
    expect(view.filterOf('dev').az).toBe('us-east-1b');
  });
});
