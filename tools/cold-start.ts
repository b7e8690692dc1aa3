/** One cold start of the Docs add-on in a fresh Node process (no V8 code cache yet): compile dist/Code.js, then evaluate it in a bare realm and run onOpen, as a new Apps Script runtime does on a menu click. `npm run bench` runs it several times and takes the median. */
import { performance } from 'node:perf_hooks';
import { GoogleEmulation, loadAddOn } from '../emulation';
import { dist } from './bench-plans';

const code = dist('Code.js');
const env = new GoogleEmulation({ now: new Date('2026-11-27T15:00:00Z'), files: { Sidebar: dist('Sidebar.html') } });
const start = performance.now();
const addOn = loadAddOn(env, code);
const compiled = performance.now();
// LIMITED: a document the add-on already works in (NONE skips nothing the file's evaluation costs).
addOn.trigger('onOpen', { authMode: 'LIMITED' });
const done = performance.now();
process.stdout.write(JSON.stringify({ compileMs: compiled - start, evaluateAndOnOpenMs: done - compiled }));
