const base = require('@jupiterone/integration-sdk-dev-tools/config/jest');

// aws-sdk v2, which the SDK runtime loads, prints an end-of-support notice in
// every test worker otherwise.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';

module.exports = {
  ...base,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  // No test may send a DNS query off the machine, including the ones that
  // check how an unknown host is reported.
  setupFiles: ['<rootDir>/test/helpers/offlineDns.js'],
  testTimeout: 60000,
};
