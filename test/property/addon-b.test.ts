/** Nothing lost under any sequence, through the built add-on (dist/Code.js) in the emulation: part 2 of 4 (jest runs the parts in parallel). */
import { addOnProperty } from './addon';
import { holds } from './settings';

test('after every edit and action, only the cells the action was meant to change have changed, and nothing throws', () => {
  holds('test/property/addon-b.test.ts', addOnProperty(6), 250);
});
