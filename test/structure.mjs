// Usage: node test/structure.mjs <repo>  — prints largest files and cross-area import edges.
// Areas: the top-level folders of nodes/HeroHealth (add one here when a folder is added).
import fs from 'node:fs'; import path from 'node:path';
const root = process.argv[2];
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(d, e.name);
  if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'examples' ? [] : walk(p);
  return /\.(ts|js)$/.test(e.name) ? [p] : [];
});
const lines = (f) => fs.readFileSync(f, 'utf8').split('\n').length - (fs.readFileSync(f,'utf8').endsWith('\n')?1:0);
const prod = [...walk(path.join(root, 'nodes')), ...walk(path.join(root, 'credentials'))];
const tests = walk(path.join(root, 'test'));
const top = (fs_) => fs_.map((f) => [lines(f), path.relative(root, f)]).sort((a, b) => b[0] - a[0]).slice(0, 10);
console.log('PRODUCT top 10'); for (const [n, f] of top(prod)) console.log(n, f);
console.log('TEST top 10'); for (const [n, f] of top(tests)) console.log(n, f);
const total = (fs_) => fs_.reduce((s, f) => s + lines(f), 0);
console.log('product lines', total(prod), 'files', prod.length, 'over300', prod.filter(f=>lines(f)>300).length, 'test lines', total(tests), 'files', tests.length);
let wide = 0; for (const f of prod) for (const l of fs.readFileSync(f,'utf8').split('\n')) if (l.replace(/\t/g,'  ').length > 100) wide++;
console.log('product lines wider than 100 (tab=2):', wide);
const base = path.join(root, 'nodes/HeroHealth');
const area = (f) => { const r = path.relative(base, f); const seg = r.split(path.sep); return seg.length > 1 || (fs.existsSync(f) && fs.statSync(f).isDirectory()) ? seg[0] : '(root)'; };
const areas = new Set(['actions', 'methods', 'trigger', 'transport', 'webhooks', 'shared', 'privacy', 'validation']);
const edges = new Map();
for (const f of prod.filter((f) => f.startsWith(base))) {
  const src = fs.readFileSync(f, 'utf8');
  for (const m of src.matchAll(/(?:from\s+|require\()\s*['"](\.[^'"]+)['"]/g)) {
    const target = path.resolve(path.dirname(f), m[1]);
    const a = area(f), b = area(target);
    if (a !== b && areas.has(a) && areas.has(b)) { const k = `${a}->${b}`; edges.set(k, (edges.get(k) ?? 0) + 1); }
  }
}
let sum = 0; for (const [k, v] of [...edges].sort()) { console.log(' ', k, v); sum += v; }
console.log(`cross-area import edges (file->module) among ${[...areas].join('/')}:`, sum);
