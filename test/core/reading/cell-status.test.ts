// Status cells read back as people type them, into the method's four statuses.
import { parseStatus, statusLabel } from '../../../src/core/reading/cell-status';
import type { Status } from '../../../src/core/plan';

describe('parseStatus', () => {
  test.each<[string, Status]>([
    // A status column headed "Status / notes" carries notes after the status.
    ['In progress — DocuSign out', 'in_progress'],
    ['✓', 'complete'],
    ['✓ sent Dec 2', 'complete'],
    ['Complete — sent Dec 2', 'complete'],
    ['Blocked: waiting for Q1 budget', 'blocked'],
    ['Pending', 'pending'],
    ['Not started', 'pending'],
    ['To do', 'pending'],
    ['Todo', 'pending'],
    ['TO-DO', 'pending'],
    ['Open', 'pending'],
    ['Planned', 'pending'],
    ['Scheduled', 'pending'],
    ['Not yet', 'pending'],
    ['Upcoming', 'pending'],
    ['In progress', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['in-progress', 'in_progress'],
    ['WIP', 'in_progress'],
    ['Started', 'in_progress'],
    ['Ongoing', 'in_progress'],
    ['On-going', 'in_progress'],
    ['Underway', 'in_progress'],
    ['Under way', 'in_progress'],
    ['In review', 'in_progress'],
    ['Under review', 'in_progress'],
    ['Complete', 'complete'],
    ['Completed', 'complete'],
    ['Done', 'complete'],
    ['Closed', 'complete'],
    ['Finished', 'complete'],
    ['Signed', 'complete'],
    ['Signed off', 'complete'],
    ['Approved', 'complete'],
    ['Sent', 'complete'],
    ['Blocked', 'blocked'],
    ['On hold', 'blocked'],
    ['On Hold', 'blocked'],
    ['Stuck', 'blocked'],
    ['Paused', 'blocked'],
    ['Stalled', 'blocked'],
  ])('word %p is %p', (text, status) => {
    expect(parseStatus(text)).toEqual({ status, known: true, text });
  });

  test.each<[string, Status]>([
    ['✓', 'complete'],
    ['✔', 'complete'],
    ['✔️', 'complete'],
    ['✅', 'complete'],
    ['☑', 'complete'],
    ['[x]', 'complete'],
    ['[X]', 'complete'],
    ['🟢', 'complete'],
    ['🟡', 'in_progress'],
    ['🟠', 'in_progress'],
    ['⏳', 'in_progress'],
    ['🔴', 'blocked'],
    ['⛔', 'blocked'],
    ['🚫', 'blocked'],
    ['⚪', 'pending'],
    ['☐', 'pending'],
    ['[ ]', 'pending'],
  ])('mark %p is %p', (text, status) => {
    expect(parseStatus(text)).toEqual({ status, known: true, text });
  });

  test.each<[string, Status]>([
    ['DONE', 'complete'],
    ['done.', 'complete'],
    ['Done!', 'complete'],
    ['  complete  ', 'complete'],
    ['*Blocked*', 'blocked'],
    ['in_progress', 'in_progress'],
  ])('case and punctuation do not matter: %p', (text, status) => {
    expect(parseStatus(text).status).toBe(status);
  });

  test.each<[string, Status]>([
    ['Done - 3/2', 'complete'],
    ['Done 3/2 by Ana', 'complete'],
    ['In progress (50%)', 'in_progress'],
    ['Complete ✅', 'complete'],
    ['✅ Signed', 'complete'],
    ['Blocked: waiting on legal', 'blocked'],
    ['Blocked by IT, in progress otherwise', 'blocked'],
    ['Started 3/2, almost done', 'in_progress'],
    ['Partially done', 'in_progress'],
    ['Not done', 'pending'],
    ["Hasn't started", 'pending'],
    ['Not signed yet', 'pending'],
    ['Scheduled for Mar 3', 'pending'],
    ['🟢 On track', 'in_progress'],
    ['🔴 Done', 'complete'],
  ])('extra words: %p is %p', (text, status) => {
    expect(parseStatus(text).status).toBe(status);
  });

  test.each<[string, Status]>([
    ['Delayed', 'in_progress'],
    ['Delayed - new date 3/20', 'in_progress'],
    ['Overdue', 'in_progress'],
    ['At risk', 'in_progress'],
    ['Waiting on signature', 'in_progress'],
    ['Done (delayed)', 'complete'],
  ])('lateness is the date’s business, not a blocker: %p is %p', (text, status) => {
    expect(parseStatus(text).status).toBe(status);
  });

  test.each<[string, Status]>([
    ['0%', 'pending'],
    ['50%', 'in_progress'],
    ['100%', 'complete'],
    ['100 %', 'complete'],
  ])('a bare percentage: %p is %p', (text, status) => {
    expect(parseStatus(text).status).toBe(status);
  });

  test('an empty cell is pending but not known: nobody reported the step', () => {
    expect(parseStatus('')).toEqual({ status: 'pending', known: false, text: '' });
    expect(parseStatus('  \n')).toEqual({ status: 'pending', known: false, text: '  \n' });
  });

  test.each(['See notes', '?', '❌', 'unsigned', 'Donezo', 'ask Dana', 'Nana'])('unknown text %p is kept as written', (text) => {
    expect(parseStatus(text)).toEqual({ status: null, known: false, text });
  });
});

describe('words sellers and buyers use', () => {
  test.each<[string, Status]>([
    // A meeting set up that has not happened yet.
    ['Booked', 'pending'],
    ['Booked for Dec 3', 'pending'],
    ['Confirmed', 'pending'],
    ['Tentative', 'pending'],
    ['Tentatively Jan 5', 'pending'],
    ['Rescheduled', 'pending'],
    ['Re-scheduled to 12/9', 'pending'],
    // A meeting cancelled and set up again is still to hold.
    ['Cancelled - rescheduled to 12/9', 'pending'],
    ['Canceled, rebooked for Jan 5', 'pending'],
    ['Invite sent', 'pending'],
    // With someone who acts on it.
    ['Needs review', 'in_progress'],
    ['Out for signature', 'in_progress'],
    ['Sent for signature', 'in_progress'],
    ['With legal', 'in_progress'],
    ['With procurement', 'in_progress'],
    // Cannot move by itself: the method escalates it, a RAG rating calls it red.
    ['Escalated', 'blocked'],
    ['Escalated to the CFO', 'blocked'],
    ['Off track', 'blocked'],
    ['Off-track', 'blocked'],
    ['Not on track', 'blocked'],
    // Dropped: settled without being done, whatever else the cell says.
    ['Cancelled', 'not_needed'],
    ['Canceled', 'not_needed'],
    ['N/A', 'not_needed'],
    ['n/a', 'not_needed'],
    ['NA', 'not_needed'],
    ['Not applicable', 'not_needed'],
    ['Not needed', 'not_needed'],
    ['Skipped', 'not_needed'],
    ['Descoped', 'not_needed'],
    ['De-scoped', 'not_needed'],
    ["Won't do", 'not_needed'],
    ['Won’t do', 'not_needed'],
    ['Out of scope', 'not_needed'],
    ['Cancelled - no longer required', 'not_needed'],
    ['Dropped (no POC needed)', 'not_needed'],
  ])('%p is %p', (text, status) => {
    expect(parseStatus(text)).toEqual({ status, known: true, text });
  });

  test.each<[string, 'status' | 'completion' | 'rag']>([
    ['N/A', 'completion'],
    ['Cancelled', 'completion'],
    ['N/A', 'rag'],
    ['Descoped', 'rag'],
  ])('%p is not needed in a %s column too', (text, column) => {
    expect(parseStatus(text, column).status).toBe('not_needed');
  });
});

describe('parseStatus in a completion column ("Done?", "Completed?", "✓")', () => {
  test.each<[string, Status]>([
    ['Yes', 'complete'],
    ['yes', 'complete'],
    ['YES', 'complete'],
    ['Y', 'complete'],
    ['x', 'complete'],
    ['X', 'complete'],
    ['TRUE', 'complete'],
    ['true', 'complete'],
    ['Yes (late)', 'complete'],
    ['Yes - signed Dec 2', 'complete'],
    ['✓', 'complete'],
    ['☑', 'complete'],
    ['No', 'pending'],
    ['N', 'pending'],
    ['n', 'pending'],
    ['FALSE', 'pending'],
    ['No - in progress', 'in_progress'],
    ['No, blocked on budget', 'blocked'],
    ['☐', 'pending'],
    ['Not yet', 'pending'],
    ['In progress', 'in_progress'],
    ['Complete', 'complete'],
    ['Done', 'complete'],
    ['Partially', 'in_progress'],
  ])('%p is %p', (text, status) => {
    expect(parseStatus(text, 'completion')).toEqual({ status, known: true, text });
  });

  test('an empty cell is not done: pending, not known', () => {
    expect(parseStatus('', 'completion')).toEqual({ status: 'pending', known: false, text: '' });
  });

  test.each(['Maybe', 'See notes', 'Yesterday', 'Now'])('%p is kept as written', (text) => {
    expect(parseStatus(text, 'completion')).toEqual({ status: null, known: false, text });
  });

  test.each(['Yes', 'Y', 'x', 'TRUE', 'No', 'N', 'FALSE'])('outside a completion column %p is no status', (text) => {
    expect(parseStatus(text)).toEqual({ status: null, known: false, text });
    expect(parseStatus(text, 'status')).toEqual({ status: null, known: false, text });
  });
});

describe('parseStatus in a RAG column ("RAG", "RAG status", "Health", "Traffic light")', () => {
  test.each<[string, Status]>([
    // Green is on track and amber at risk: in progress, since lateness is the due date's business.
    ['Green', 'in_progress'],
    ['green', 'in_progress'],
    ['G', 'in_progress'],
    ['🟢', 'in_progress'],
    ['Amber', 'in_progress'],
    ['Yellow', 'in_progress'],
    ['A', 'in_progress'],
    ['Y', 'in_progress'],
    ['🟡', 'in_progress'],
    ['Amber - waiting on IT', 'in_progress'],
    // Red is blocked, like the 🔴 mark: the step will not finish as planned unless someone acts.
    ['Red', 'blocked'],
    ['R', 'blocked'],
    ['🔴', 'blocked'],
    ['Red - delayed', 'blocked'],
    // Blue (BRAG) is complete, grey not started.
    ['Blue', 'complete'],
    ['B', 'complete'],
    ['Grey', 'pending'],
    // A word that settles the step beats the colour.
    ['Green - done', 'complete'],
    ['Amber - not started', 'pending'],
    ['Red: on hold', 'blocked'],
    ['Complete', 'complete'],
  ])('%p is %p', (text, status) => {
    expect(parseStatus(text, 'rag')).toEqual({ status, known: true, text });
  });

  test.each(['Purple', 'See notes', 'Z', 'GA'])('%p is kept as written', (text) => {
    expect(parseStatus(text, 'rag')).toEqual({ status: null, known: false, text });
  });

  test.each(['Green', 'Amber', 'Red', 'G', 'A', 'R'])('outside a RAG column %p is no status', (text) => {
    expect(parseStatus(text)).toEqual({ status: null, known: false, text });
    expect(parseStatus(text, 'completion')).toEqual({ status: null, known: false, text });
  });
});

describe('statusLabel', () => {
  test.each<[Status, string]>([
    ['pending', 'Pending'],
    ['in_progress', 'In progress'],
    ['complete', 'Complete'],
    ['blocked', 'Blocked'],
    ['not_needed', 'Not needed'],
  ])('%p is written %p', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });

  test('every label reads back as its status', () => {
    for (const s of ['pending', 'in_progress', 'complete', 'blocked', 'not_needed'] as const) expect(parseStatus(statusLabel(s))).toEqual({ status: s, known: true, text: statusLabel(s) });
  });
});
