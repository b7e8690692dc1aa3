/** Service calls grow no faster than the cells an action touches: calls per steps-table cell must not rise with the plan's size (a quadratic walk would). */
import { actions, measure, STEP_COLUMNS } from '../../tools/bench-plans';

const SIZES = [10, 30, 90];

describe.each(actions(SIZES[0]!).map((a) => a.name))('%s', (name) => {
  test('calls per cell do not grow from 10 to 30 to 90 steps', () => {
    const ratios = SIZES.map((count) => {
      const action = actions(count).find((a) => a.name === name)!;
      return measure(action.setup, action.act, 1).calls / ((count + 1) * STEP_COLUMNS);
    });
    // Fixed costs (the lock, properties, key dates) weigh less as plans grow, so the ratio falls; 2% slack for rounding.
    expect(ratios[1]!).toBeLessThanOrEqual(ratios[0]! * 1.02);
    expect(ratios[2]!).toBeLessThanOrEqual(ratios[1]! * 1.02);
  });
});
