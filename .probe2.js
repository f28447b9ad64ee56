require('n8n-workflow');
const c0 = process.cpuUsage(); const t1 = process.hrtime.bigint();
const exported = require(process.argv[2]);
for (const value of Object.values(exported)) if (typeof value === 'function' && value.prototype) new value();
const c = process.cpuUsage(c0);
process.stdout.write(`${(Number(process.hrtime.bigint() - t1) / 1e6).toFixed(1)}/${((c.user + c.system) / 1000).toFixed(1)}cpu  `);
