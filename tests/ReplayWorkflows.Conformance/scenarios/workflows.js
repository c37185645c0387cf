'use strict';
const wf = require('@temporalio/workflow');

const { greet } = wf.proxyActivities({ startToCloseTimeout: '10s' });

async function helloActivity(name) {
  return await greet(name);
}

module.exports = { helloActivity };
