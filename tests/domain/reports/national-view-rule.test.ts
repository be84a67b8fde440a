// Who reads the national view: the route refuses everyone else, and the console's menu shows its link
// from the same rule, carried by the session.
import { describe, expect, it } from 'vitest';
import { readsNationalView } from '../../../src/domain/reports/index.ts';

describe('the national view', () => {
  it("is the platform admin's and a ministry's coordinators', no one else's", () => {
    expect(readsNationalView('admin', null)).toBe(true);
    expect(readsNationalView('coordinator', 'ministry')).toBe(true);
    expect(readsNationalView('coordinator', 'association')).toBe(false);
    expect(readsNationalView('medical', 'ministry')).toBe(false);
    expect(readsNationalView('desk', 'ministry')).toBe(false);
  });
});
