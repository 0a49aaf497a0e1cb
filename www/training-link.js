// Shared quizzes: a trainer's selection (topics, subject groups, number, order) as the page's URL
// fragment, and back. No server: everyone who opens the link picks the same cases, in the same
// order, from the same case data (www/training/cases.json).
//
//   #latihan?kuis=1&topik=medsos,acara&kelompok=asn&n=10&urut=acak&benih=48213
//
// `kuis` is the case data's version: a link made for another version is refused (the page then
// says so and shows the default quiz), as is one naming a topic or group the data does not have.

const ORDERS = ['acak', 'urut']; // shuffled with the link's seed; in the library's order
const MAX_COUNT = 1000;

/** The fragment (without '#') of a selection for the case data of `version`. */
export function linkOf(version, sel) {
  const p = new URLSearchParams({ kuis: String(version) });
  if (sel.topics.length) p.set('topik', sel.topics.join(','));
  if (sel.groups.length) p.set('kelompok', sel.groups.join(','));
  p.set('n', String(sel.count));
  p.set('urut', sel.order);
  if (sel.order === 'acak') p.set('benih', String(sel.seed));
  // Commas are safe in a fragment and easier to read aloud.
  return `latihan?${p.toString().replaceAll('%2C', ',')}`;
}

/** The selection a fragment query describes, or null when it is damaged or outdated for `data`. */
export function parseLink(query, data) {
  let p;
  try { p = new URLSearchParams(query); } catch { return null; }
  if (p.get('kuis') !== String(data.version)) return null;
  const ids = (name, known) => {
    const raw = p.get(name);
    if (raw === null || raw === '') return [];
    const list = raw.split(',');
    return list.every((id) => known.some((k) => k.id === id)) && new Set(list).size === list.length ? list : null;
  };
  const topics = ids('topik', data.topics);
  const groups = ids('kelompok', data.groups);
  const count = intOf(p.get('n'));
  const order = p.get('urut') ?? 'urut';
  const seed = order === 'acak' ? intOf(p.get('benih')) : 0;
  if (!topics || !groups || count === null || count > MAX_COUNT || !ORDERS.includes(order) || seed === null) return null;
  return { topics, groups, count, order, seed };
}

function intOf(s) {
  return s !== null && /^\d{1,9}$/.test(s) ? Number(s) : null;
}

/** The cases of a selection, in its order: those with any chosen topic and any chosen group. */
export function selectCases(data, sel) {
  const picked = data.cases.filter((c) => (!sel.topics.length || c.topics.some((t) => sel.topics.includes(t)))
    && (!sel.groups.length || c.groups.some((g) => sel.groups.includes(g))));
  if (sel.order === 'acak') shuffle(picked, sel.seed);
  return sel.count ? picked.slice(0, sel.count) : picked;
}

/** Fisher–Yates with a small seeded generator (mulberry32): the same seed, the same order everywhere. */
function shuffle(list, seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6D2B79F5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
}
