'use strict';
const { scenario, check } = require('./harness');

scenario('child-policies', async ({ client, taskQueue }) => {
  const id = `policies-${Date.now()}`;
  const total = await client.workflow.execute('parentWithPolicies', { taskQueue, workflowId: id, args: [id] });
  check(total === 7, `signalled child total ${total}`);
  const status = async (suffix) => (await client.workflow.getHandle(`${id}-${suffix}`).describe()).status.name;
  check(await status('abandon') === 'RUNNING', 'abandoned child keeps running');
  check(await status('terminate') === 'TERMINATED', 'terminated with its parent');
  let cancelled;
  for (let i = 0; i < 100 && cancelled !== 'CANCELLED'; i++) {
    cancelled = await status('cancel');
    if (cancelled !== 'CANCELLED') await new Promise((r) => setTimeout(r, 100));
  }
  check(cancelled === 'CANCELLED', `cancel-requested child ended ${cancelled}`);
  const history = await client.workflow.getHandle(`${id}-abandon`).fetchHistory();
  check(history.events.some((e) => e.workflowExecutionSignaledEventAttributes), 'external signal reached the abandoned child');
  await client.workflow.getHandle(`${id}-abandon`).terminate();
  return { total, cancelled };
});
