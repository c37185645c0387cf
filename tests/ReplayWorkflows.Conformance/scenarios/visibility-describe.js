'use strict';
const { scenario, check } = require('./harness');

scenario('visibility-describe', async ({ client, taskQueue }) => {
  const id = `vis-${Date.now()}`;
  for (let i = 0; i < 3; i++) {
    await client.workflow.execute('helloActivity', { taskQueue, workflowId: `${id}-${i}`, args: [`v${i}`] });
  }
  const query = `WorkflowType = 'helloActivity' AND ExecutionStatus = 'Completed' AND WorkflowId STARTS_WITH '${id}' AND TaskQueue = '${taskQueue}'`;
  const listed = [];
  for await (const w of client.workflow.list({ query })) {
    listed.push(w.workflowId);
  }
  check(listed.length === 3, `listed ${listed}`);
  const count = await client.workflow.count(query);
  check(count.count === 3, `count ${JSON.stringify(count)}`);
  const inList = await client.workflow.count(`WorkflowId IN ('${id}-0', '${id}-2') OR (WorkflowId = 'nope' AND StartTime > '2020-01-01T00:00:00Z')`);
  check(inList.count === 2, `IN count ${inList.count}`);
  let badQuery;
  try {
    await client.workflow.count('WorkflowType = ');
  } catch (err) {
    badQuery = `${err.message} / ${err.cause && (err.cause.details || err.cause.message)}`;
  }
  check(badQuery && /position/.test(badQuery), `bad query error: ${badQuery}`);

  // A custom keyword search attribute registered through the OperatorService, set at start, used in a filter.
  await client.connection.operatorService.addSearchAttributes({ namespace: 'default', searchAttributes: { CustomerId: 2 } });
  const listedSa = await client.connection.operatorService.listSearchAttributes({ namespace: 'default' });
  check(listedSa.customAttributes.CustomerId !== undefined, 'custom attribute listed');
  await client.workflow.execute('helloActivity', { taskQueue, workflowId: `${id}-sa`, args: ['sa'], searchAttributes: { CustomerId: [`c-${id}`] } });
  const bySa = await client.workflow.count(`CustomerId = 'c-${id}'`);
  check(bySa.count === 1, `custom attribute count ${bySa.count}`);
  let unknown;
  try {
    await client.workflow.count(`NoSuchAttribute = 'x'`);
  } catch (err) {
    unknown = String(err.cause && err.cause.details);
  }
  check(unknown && unknown.includes('NoSuchAttribute'), `unknown attribute error ${unknown}`);

  const stuck = await client.workflow.start('stuckActivity', { taskQueue, workflowId: `${id}-stuck` });
  let pending;
  for (let i = 0; i < 100; i++) {
    const d = await stuck.describe();
    pending = d.raw.pendingActivities[0];
    if (pending && pending.attempt >= 2 && pending.lastFailure) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  check(pending && pending.attempt >= 2, `pending attempt ${pending && pending.attempt}`);
  check(pending.lastFailure.message === 'still failing', `last failure ${JSON.stringify(pending.lastFailure)}`);
  check(pending.activityType.name === 'alwaysFails', 'activity type');
  await stuck.terminate();
  return { listed: listed.length, count: count.count, badQuery, attempt: pending.attempt };
});
