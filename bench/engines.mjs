// The four engines on the same decision, for Node and the browser alike (modules are passed in).
// Every evaluator takes the peer form of a structured incident (bench/cases.mjs) and returns
// { verdict, matched, possible, sanction }: rule ids sorted, the strongest sanction of the
// prohibitions met. Netral's evaluator returns its full Verdict object (titles, bases, because …)
// and `summary` reads the same four things from it.
//
// The peers' rules are derived from bench/peers/netral.jsonlogic.json (exported from the compiled
// rulebook by `cargo run --features peers --example export_peers`): json-logic as is, json-rules-engine conditions
// and ZEN expressions translated from it one operator at a time (translateJre, translateZen).

/** Verdict, matched, possible and sanction from rule statuses ('T' holds, 'U' may hold, 'F'). */
export function decide(spec, status) {
  let verdict = 'allowed', sanction = null, sev = -1;
  const matched = [], possible = [];
  spec.rules.forEach((r, i) => {
    const s = status[i];
    if (s === 'T') {
      matched.push(r.id);
      if (r.kind === 'prohibition') { verdict = 'violation'; if (r.severity > sev) { sev = r.severity; sanction = r.sanction; } }
    } else if (s === 'U' && r.kind === 'prohibition') {
      possible.push(r.id);
      if (verdict === 'allowed') verdict = 'needs_more_info';
    }
  });
  return { verdict, matched: matched.sort(), possible: possible.sort(), sanction };
}

/** The same four things from a Netral Verdict. */
export function summary(v) {
  const p = v.matched.find((m) => m.kind === 'prohibition');
  return { verdict: v.verdict, matched: v.matched.map((m) => m.rule).sort(), possible: v.possible.map((m) => m.rule).sort(), sanction: p && p.sanction ? p.sanction.id : null };
}

// ---- json-logic → json-rules-engine ------------------------------------------------------------

const isVar = (x) => x && typeof x === 'object' && 'var' in x;

export function translateJre(e) {
  if (e === true) return { all: [] };
  if (e === false) return { any: [] };
  const [op] = Object.keys(e);
  const a = e[op];
  switch (op) {
    case 'and': return { all: a.map(translateJre) };
    case 'or': return { any: a.map(translateJre) };
    case '!': return { not: translateJre(a) };
    case '===': return { fact: a[0].var, operator: 'equal', value: a[1] };
    case '!==': return { fact: a[0].var, operator: 'notEqual', value: a[1] };
    case 'in': return { fact: a[0].var, operator: 'in', value: a[1] };
    case '!=': if (a[1] === null) return { fact: a[0].var, operator: 'known', value: null }; return { fact: a[0].var, operator: 'notEqual', value: a[1] };
    case '==': if (a[1] === null) return { fact: a[0].var, operator: 'unknown', value: null }; return { fact: a[0].var, operator: 'equal', value: a[1] };
    case '<=':
      if (a.length === 3) return { all: [{ fact: a[1].var, operator: 'greaterThanInclusive', value: a[0] }, { fact: a[1].var, operator: 'lessThanInclusive', value: a[2] }] };
      return { fact: a[0].var, operator: 'lessThanInclusive', value: a[1] };
    case '<': return { fact: a[0].var, operator: 'lessThan', value: a[1] };
    case '>': return { fact: a[0].var, operator: 'greaterThan', value: a[1] };
    case '>=': return { fact: a[0].var, operator: 'greaterThanInclusive', value: a[1] };
    default: throw new Error(`json-rules-engine: no translation for ${op}`);
  }
}

// Top-level conditions must be all/any/not.
const wrap = (c) => ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] });

/** json-rules-engine rules: per Netral rule, one for "holds" and one for "may hold". */
export function jreRules(spec) {
  return spec.rules.flatMap((r, i) => [
    { name: `${r.id}:T`, conditions: wrap(translateJre(r.T)), event: { type: 'T', params: { i } } },
    { name: `${r.id}:U`, conditions: wrap(translateJre(r.U)), event: { type: 'U', params: { i } } },
  ]);
}

// ---- json-logic → ZEN expression language ------------------------------------------------------

const zv = (x) => (typeof x === 'string' ? `'${x.replace(/'/g, "\\'")}'` : JSON.stringify(x));
export function translateZen(e) {
  if (e === true || e === false) return String(e);
  const [op] = Object.keys(e);
  const a = e[op];
  const v = (x) => (isVar(x) ? x.var : zv(x));
  switch (op) {
    case 'and': return `(${a.map(translateZen).join(' and ')})`;
    case 'or': return `(${a.map(translateZen).join(' or ')})`;
    case '!': return `not ${translateZen(a)}`;
    case '===': case '==': return `(${v(a[0])} == ${v(a[1])})`;
    case '!==': case '!=': return `(${v(a[0])} != ${v(a[1])})`;
    case 'in': return `(${v(a[0])} in [${a[1].map(zv).join(', ')}])`;
    case '<=': if (a.length === 3) return `(${v(a[1])} >= ${v(a[0])} and ${v(a[1])} <= ${v(a[2])})`; return `(${v(a[0])} <= ${v(a[1])})`;
    case '<': case '>': case '>=': return `(${v(a[0])} ${op} ${v(a[1])})`;
    default: throw new Error(`ZEN: no translation for ${op}`);
  }
}

/** A ZEN decision (JDM): input → one expression node (a status per rule) → output. */
export function jdm(spec) {
  return {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'input', type: 'inputNode', name: 'facts', position: { x: 0, y: 0 } },
      {
        id: 'statuses', type: 'expressionNode', name: 'rule statuses', position: { x: 300, y: 0 },
        content: { expressions: spec.rules.map((r, i) => ({ id: `e${i}`, key: r.id, value: `${translateZen(r.T)} ? 'T' : (${translateZen(r.U)} ? 'U' : 'F')` })) },
      },
      { id: 'output', type: 'outputNode', name: 'statuses', position: { x: 600, y: 0 } },
    ],
    edges: [{ id: 'a', sourceId: 'input', targetId: 'statuses', type: 'edge' }, { id: 'b', sourceId: 'statuses', targetId: 'output', type: 'edge' }],
  };
}

// ---- evaluators --------------------------------------------------------------------------------

export function netralEngine(netral) {
  return { name: 'Netral (wasm)', sync: true, run: (c) => netral.classify({ text: '', facts: c.netral }), summary };
}

export function jsonLogicEngine(jsonLogic, spec) {
  const rules = spec.rules;
  return {
    name: 'json-logic-js', sync: true,
    run: (c) => {
      const st = new Array(rules.length);
      for (let i = 0; i < rules.length; i++) st[i] = jsonLogic.apply(rules[i].T, c.peer) ? 'T' : jsonLogic.apply(rules[i].U, c.peer) ? 'U' : 'F';
      return decide(spec, st);
    },
    summary: (x) => x,
  };
}

export function jreEngine(Engine, spec) {
  const engine = new Engine(jreRules(spec), { allowUndefinedFacts: true });
  engine.addOperator('known', (a) => a != null);
  engine.addOperator('unknown', (a) => a == null);
  return {
    name: 'json-rules-engine', sync: false,
    run: async (c) => {
      const { events } = await engine.run({ ...c.peer });
      const st = new Array(spec.rules.length).fill('F');
      for (const e of events) if (e.type === 'T' || st[e.params.i] !== 'T') st[e.params.i] = e.type;
      return decide(spec, st);
    },
    summary: (x) => x,
  };
}

/** zen-engine-wasm evaluates expressions only (its README: "Currently, it supports only
 *  expressions"), so the JDM's expression node is run here: the facts marshalled once into a
 *  `Variable`, then each expression of the node evaluated against it. */
export function zenEngine(zen, decision, spec) {
  const exprs = decision.nodes.find((n) => n.type === 'expressionNode').content.expressions.map((e) => e.value);
  return {
    name: 'ZEN (zen-engine-wasm)', sync: true,
    run: (c) => {
      const v = new zen.Variable(c.peer);
      const st = new Array(exprs.length);
      for (let i = 0; i < exprs.length; i++) st[i] = v.evaluateExpression(exprs[i]);
      v.free();
      return decide(spec, st);
    },
    summary: (x) => x,
  };
}
