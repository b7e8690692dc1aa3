import { onFirstUse } from '../../src/core/on-first-use';

describe('onFirstUse', () => {
  it('builds nothing until the first call, then builds once and hands back the same value', () => {
    let builds = 0;
    const schema = onFirstUse(() => ({ built: ++builds }));
    expect(builds).toBe(0);
    const first = schema();
    expect(schema()).toBe(first);
    expect(builds).toBe(1);
  });

  it('keeps a value that is falsy', () => {
    let builds = 0;
    const nothing = onFirstUse(() => {
      builds++;
      return 0;
    });
    expect([nothing(), nothing()]).toEqual([0, 0]);
    expect(builds).toBe(1);
  });
});
