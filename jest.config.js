const base = require('@jupiterone/integration-sdk-dev-tools/config/jest');

module.exports = {
  ...base,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testTimeout: 60000,
};
