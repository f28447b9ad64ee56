const Module = require('module');
require('n8n-workflow');
const orig = Module.prototype.require;
let count = 0; const times = [];
const seen = new Set();
Module.prototype.require = function (id) {
  const t = process.hrtime.bigint();
  const r = orig.apply(this, arguments);
  const dt = Number(process.hrtime.bigint() - t) / 1e6;
  const resolved = Module._resolveFilename(id, this);
  if (!seen.has(resolved)) { seen.add(resolved); times.push([dt, resolved.replace(process.cwd(), '')]); }
  return r;
};
const t0 = process.hrtime.bigint();
const exported = require(process.argv[2]);
for (const v of Object.values(exported)) if (typeof v === 'function' && v.prototype) new v();
console.log('total ms', Number(process.hrtime.bigint() - t0) / 1e6, 'modules', seen.size);
const outside = [...seen].filter(f => !f.includes('/dist/'));
console.log('outside dist:', outside);
times.sort((a,b)=>b[0]-a[0]); console.log(times.slice(0,15).map(x=>x[0].toFixed(2)+' '+x[1]).join('\n'));
