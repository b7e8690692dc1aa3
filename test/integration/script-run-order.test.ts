/** google.script.run runs at most 10 calls at once and completes them in any order: the emulation reproduces both, and what the sidebar asks for together gives the same answers in every order. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ScriptRunClient, SCRIPT_RUN_CONCURRENCY, type CompletionOrder } from '../../emulation';
import { openDocument } from './harness';

const STANDARD = readFileSync(path.join(__dirname, '..', 'fixtures', 'inserted', 'standard-en_US.md'), 'utf8');

test('an 11th call waits for one of the 10 places, and every call completes', async () => {
  const s = openDocument({ markdown: STANDARD, today: '2026-11-27' });
  const client = new ScriptRunClient(s.addOn, 'reversed');
  const calls = Array.from({ length: 12 }, () => client.run('getShiftState'));
  expect(client.pending()).toEqual({ running: SCRIPT_RUN_CONCURRENCY, waiting: 2 });
  await client.settle();
  expect(client.peak).toBe(10);
  expect(await Promise.all(calls)).toHaveLength(12);
});

/** What the Review tab asks for at once (the review and its timeline), and the Shift tab right after. */
async function reviewTab(order: CompletionOrder) {
  const s = openDocument({ markdown: STANDARD, today: '2026-12-21' });
  const client = new ScriptRunClient(s.addOn, order);
  const finished: string[] = [];
  const track = (name: string) => client.run(name).then((value) => (finished.push(name), value));
  const both = Promise.all([track('getTimeline'), track('getReview'), track('getHealth')]);
  await client.settle();
  const [timeline, review, health] = await both;
  return { finished, timeline, review, health, markdown: s.markdown(), history: s.env.properties.document.toObject() };
}

test('the review, its timeline and the health check give the same answers and the same document whatever order they finish in', async () => {
  const sent = await reviewTab('as-sent');
  const reversed = await reviewTab('reversed');
  const middleFirst = await reviewTab((n) => Math.floor(n / 2));
  expect(sent.finished).toEqual(['getTimeline', 'getReview', 'getHealth']);
  expect(reversed.finished).toEqual(['getHealth', 'getReview', 'getTimeline']);
  for (const other of [reversed, middleFirst]) {
    expect(other.timeline).toEqual(sent.timeline);
    expect(other.review).toEqual(sent.review);
    expect(other.health).toEqual(sent.health);
    expect(other.markdown).toBe(sent.markdown);
    expect(other.history).toEqual(sent.history);
  }
});
