'use strict';
const { scenario, check } = require('./harness');

scenario('activity-timeouts', async ({ client, taskQueue }) => {
  const id = `timeouts-${Date.now()}`;
  const heartbeat = await client.workflow.execute('heartbeatTimeout', { taskQueue, workflowId: `${id}-hb` });
  check(heartbeat.attempt === 2 && heartbeat.resumedFrom === 3, `heartbeat details carried: ${JSON.stringify(heartbeat)}`);
  const results = {};
  for (const kind of ['startToClose', 'scheduleToClose', 'scheduleToStart']) {
    const r = await client.workflow.execute('activityTimeout', { taskQueue, workflowId: `${id}-${kind}`, args: [kind] });
    check(r.causeName === 'TimeoutFailure', `${kind}: ${JSON.stringify(r)}`);
    const expected = { startToClose: 'START_TO_CLOSE', scheduleToClose: 'SCHEDULE_TO_CLOSE', scheduleToStart: 'SCHEDULE_TO_START' }[kind];
    check(r.timeoutType === expected, `${kind}: ${JSON.stringify(r)}`);
    results[kind] = r;
  }
  return { heartbeat, results };
});
