// The tools object cannot be replaced or changed, in any mode.
// expect: OK
// config: policy=bank.json
// after: Object.isFrozen(tools) && typeof tools.pay === 'function' && tools.pay.name === 'pay' => true
// value: ["TypeError","TypeError","TypeError","TypeError","TypeError","TypeError","TypeError","TypeError",true,true,"function"]
'use strict';
const r = [];
const attempts = [
  () => { tools.pay = async () => 'fake'; },
  () => { delete tools.pay; },
  () => { Object.defineProperty(tools, 'pay', { value: 1 }); },
  () => { Object.setPrototypeOf(tools, { evil: 1 }); },
  () => { tools.admin.reset = () => 'fake'; },
  () => { tools.newTool = () => 1; },
  () => { globalThis.tools = {}; },
  () => { tools.list = () => []; },
];
for (const f of attempts) { try { f(); r.push('changed'); } catch (e) { r.push(e.name); } }
r.push(Object.isFrozen(tools), Object.isFrozen(tools.admin), typeof tools.pay);
r
