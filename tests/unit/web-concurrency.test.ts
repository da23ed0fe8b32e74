import { describe, expect, it } from 'vitest';
import { defaultProcesses, processCount } from '@/scripts/server/cluster.mjs';

describe('how many server processes run (WEB_CONCURRENCY)', () => {
  it('one per core by default, four at most', () => {
    expect(defaultProcesses(1)).toBe(1);
    expect(defaultProcesses(2)).toBe(2);
    expect(defaultProcesses(8)).toBe(4);
  });

  it('as many as WEB_CONCURRENCY says, and refuses nonsense at start', () => {
    expect(processCount({ WEB_CONCURRENCY: '1' })).toBe(1);
    expect(processCount({ WEB_CONCURRENCY: '3' })).toBe(3);
    expect(processCount({})).toBe(defaultProcesses());
    for (const bad of ['0', '-2', '1.5', 'two', '65']) expect(() => processCount({ WEB_CONCURRENCY: bad })).toThrow(/WEB_CONCURRENCY/);
  });
});
