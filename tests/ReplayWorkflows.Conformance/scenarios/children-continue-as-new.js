'use strict';
const { scenario, check } = require('./harness');

scenario('children-continue-as-new', async ({ client, taskQueue }) => {
  const id = `children-${Date.now()}`;
  const parent = await client.workflow.execute('parentWorkflow', { taskQueue, workflowId: id, args: ['Ada'] });
  check(parent.ok === 'child says hi to Ada', JSON.stringify(parent));
  check(parent.failure && parent.failure.name === 'ChildWorkflowFailure' && parent.failure.causeName === 'ApplicationFailure', JSON.stringify(parent));

  const canId = `${id}-can`;
  const handle = await client.workflow.start('countdown', { taskQueue, workflowId: canId, args: [3] });
  const can = await handle.result();
  check(can.runs === 4, `runs ${JSON.stringify(can)}`);
  check(can.firstRunId === handle.firstExecutionRunId, `first run id ${JSON.stringify(can)}`);
  check(can.continued, 'continued from a previous run');
  return { parent, can };
});
