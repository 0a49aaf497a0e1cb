// The rule editor's engine, off the page's thread: www/netral.js starts this worker with the
// editor module (pkg-editor/) and sends it one call at a time. A rule file that takes long to
// check or compile then never freezes the page, and the page can stop it (Worker.terminate)
// when it does not answer within its time budget. Only rule text and the answers cross here:
// the worker makes no request beyond its own glue.
//
// Messages in: {id, op: 'init', glue, module} first, then {id, op: 'edit'|'check'|'compile'
// |'runExamples'|'builtinSources'|'reset', input} ('edit': input is {source, use}).
// Out: {id, ok: true, value} or {id, ok: false, error} (a trap in the module; the
// page then drops this worker and starts a fresh one on the next call).

let glue;

const ops = {
  async init({ glue: url, module }) {
    glue = await import(url);
    glue.initSync({ module });
  },
  check: ({ input }) => glue.check(input),
  // Compiles and, when the rulebook is accepted, also makes its snapshot bytes for the classify
  // module: one round trip for what compile() needs.
  compile({ input }) {
    const out = glue.compile(input);
    return { out, bytes: JSON.parse(out).ok ? glue.snapshot() : null };
  },
  // An edit: diagnostics, examples and (when `use` and there is no error) the snapshot bytes, from
  // one pass over the files and one round trip.
  edit({ input: { source, use } }) {
    const out = glue.edit(source, use);
    return { out, bytes: use && JSON.parse(out).ok ? glue.snapshot() : null };
  },
  runExamples: () => glue.runExamples(),
  builtinSources: () => glue.builtinSources(),
  reset: () => glue.reset(),
};

self.onmessage = async ({ data }) => {
  try {
    const value = await ops[data.op](data);
    const transfer = value && value.bytes ? [value.bytes.buffer] : [];
    self.postMessage({ id: data.id, ok: true, value }, transfer);
  } catch (e) {
    self.postMessage({ id: data.id, ok: false, error: e && e.message ? e.message : String(e) });
  }
};
