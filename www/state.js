// The page's state, all of it here: what is saved on this device (`state`), and what the page
// derives from the engine while it runs (`page`). Each tab module keeps only its own bookkeeping
// beside it: check-tab.js the verdict last announced, rules-tab.js the editor's check queue, its
// line numbers and the built-in rule text.

/** The tabs, in order; a tab's name is its panel's id after `panel-` and its fragment (#latihan). */
export const TABS = ['periksa', 'latihan', 'aturan'];

/** The state saved on this device (storage.js), as the page starts with nothing saved. */
export const blank = () => ({
  lang: 'id', // 'id' | 'en'
  tab: 'periksa', // one of TABS
  text: '', // the Periksa text box
  facts: {}, // the answers given (the form, the follow-up question): fact name -> value
  editor: null, // the Aturan editor's text, or null for the built-in rules
  quiz: null, // the Latihan quiz under way (training.js)
});

/**
 * The saved state. One object for the page's life (the training tab holds it too): restoring,
 * clearing and undoing replace its fields (setState), never the object.
 */
export const state = blank();

/** Replaces every field of `state` with `next`'s (a field `next` lacks starts blank). */
export function setState(next) {
  Object.assign(state, blank(), next);
}

/** What the page derives while it runs; nothing here is saved. */
export const page = {
  netral: null, // the engine (netral.js), once loaded
  questions: [], // the form schema of the active rulebook, in state.lang
  ruleInfo: new Map(), // rule id -> RuleInfo of the active rulebook, in state.lang
  cases: [], // the case library of the active rulebook
  book: { questions: null, rules: null, cases: null }, // the JSON of what the views show, per part (shell.js)
  bookVersion: 0, // counts the changes of book.rules and book.cases (the training tab keeps its verdicts per version)
  stale: { latihan: true, aturan: true }, // tabs to render again when next shown (Periksa is rendered at once)
  lastVerdict: null, // the verdict on screen
  customActive: false, // Periksa uses the editor's rules
  savedRefused: false, // the saved rules took longer than their budget: the built-in ones are in use
  // Rules saved on the device are being checked and compiled as the page opens: until that is
  // settled the quiz, case library and rule list wait (they would show the built-in rules, then
  // change under the reader's hand).
  savedPending: false,
  built: false, // every part of the page is built (the first verdict comes before)
};
