require('n8n-workflow');
const c0 = process.cpuUsage(); const t1 = process.hrtime.bigint();
const exported = require('./.bundle-timed.js');
const t2 = process.hrtime.bigint();
for (const value of Object.values(exported)) if (typeof value === 'function' && value.prototype) new value();
const t3 = process.hrtime.bigint();
const T = globalThis.T.sort((a,b)=>b[0]-a[0]);
console.log('require', Number(t2-t1)/1e6, 'new', Number(t3-t2)/1e6, 'sum self', T.reduce((s,x)=>s+x[0],0).toFixed(1), 'n', T.length);
console.log(T.slice(0,10).map(x=>x[0].toFixed(2)+' #'+x[1]).join('  '));
