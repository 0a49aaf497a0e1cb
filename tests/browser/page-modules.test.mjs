// The page's modules that hold no DOM of their own, in Node: the state's one object and its
// storage (www/state.js, www/storage.js). The page drives them in tests/browser/storage.test.mjs.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

// What storage.js reaches for: localStorage, and the page's storage notice (absent here).
const stored = new Map();
let quota = Infinity; // the longest entry the fake storage takes
globalThis.localStorage = {
  getItem: (k) => stored.get(k) ?? null,
  setItem: (k, v) => {
    if (v.length > quota) throw new DOMException('full', 'QuotaExceededError');
    stored.set(k, v);
  },
  removeItem: (k) => stored.delete(k),
};
globalThis.document = { getElementById: () => null };

const { state, setState, blank } = await import('../../www/state.js');
const { restore, save } = await import('../../www/storage.js');

beforeEach(() => { stored.clear(); quota = Infinity; setState(blank()); });

test('setState replaces every field and keeps the one object the training tab holds', () => {
  const held = state;
  setState({ lang: 'en', text: 'Saya PNS', facts: { subject: 'pns' } });
  assert.equal(state, held);
  assert.deepEqual(state, { ...blank(), lang: 'en', text: 'Saya PNS', facts: { subject: 'pns' } });
  setState({ tab: 'aturan' });
  assert.deepEqual(state, { ...blank(), tab: 'aturan' }, 'a field the new state lacks starts blank');
});

test('restore keeps each valid field and drops each invalid one alone', () => {
  stored.set('netral.v1', JSON.stringify({
    lang: 'fr', tab: 'aturan', text: 'Saya PNS', editor: 5, quiz: { sig: '1:x', order: null },
    facts: { subject: 'pns', on_leave: false, acts: { a: 1 }, count: Infinity },
  }));
  assert.deepEqual(restore(), { ...blank(), tab: 'aturan', text: 'Saya PNS', facts: { subject: 'pns', on_leave: false } });
  stored.set('netral.v1', '[1, 2]');
  assert.deepEqual(restore(), blank());
  stored.set('netral.v1', '{not json');
  assert.deepEqual(restore(), blank());
});

test('save over quota keeps no older text: the entry without its texts, or none', () => {
  setState({ text: 'lama' });
  save();
  setState({ text: 'x'.repeat(500), editor: 'y'.repeat(500) });
  quota = 700;
  save();
  assert.deepEqual(JSON.parse(stored.get('netral.v1')), { ...blank(), editor: 'y'.repeat(500) }, 'the text dropped, the rules kept');
  quota = 100;
  save();
  assert.deepEqual(JSON.parse(stored.get('netral.v1')), blank(), 'both texts dropped');
  quota = 10;
  save();
  assert.equal(stored.has('netral.v1'), false, 'nothing rather than an older text');
});
