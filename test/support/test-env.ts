/**
 * The environment every test server runs with. Keys are fixed so that the template
 * database (seeded once per run) and every test app encrypt personnummer alike.
 */
export const TEST_ENV: NodeJS.ProcessEnv = {
  NODE_ENV: 'test',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: '.test-data',
  SESSION_SECRET: 'test-session-secret-test-session-secret-0123',
  PERSONNUMMER_KEY: 'test-personnummer-key-test-personnummer-key-0123',
  LOG_LEVEL: 'debug',
  SEED_DEMO_DATA: 'false',
  RATE_LIMIT_PER_MINUTE: '100000',
  CLIENT_DIST: 'client/dist',
};

export const TEMPLATE_DATABASE = 'sip_template';
