'use strict';
const { scenario, check } = require('./harness');

scenario('timers-parallel', async ({ client, taskQueue }) => {
  const id = `timers-${Date.now()}`;
  const elapsed = await client.workflow.execute('timers', { taskQueue, workflowId: `${id}-t` });
  check(elapsed >= 500, `timers took ${elapsed} ms`);
  const history = await client.workflow.getHandle(`${id}-t`).fetchHistory();
  check(history.events.filter((e) => e.timerFiredEventAttributes).length === 2, 'two TimerFired events');
  const greetings = await client.workflow.execute('parallelActivities', { taskQueue, workflowId: `${id}-p`, args: [5] });
  check(greetings.length === 5 && greetings[4] === 'Hello, n4!', JSON.stringify(greetings));
  return { elapsed, greetings };
});
