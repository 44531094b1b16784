import fetch from 'node-fetch';

import { RunningSyncApiServer, startSyncApiServer } from '.';

const API_KEY = 'test-api-key';
const ACCOUNT = 'test-account';
const JOBS_PATH = '/persister/synchronization/jobs';

let server: RunningSyncApiServer;

beforeEach(async () => {
  server = await startSyncApiServer({ apiKey: API_KEY, account: ACCOUNT });
});

afterEach(async () => {
  await server.close();
});

interface CallResult {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {
    Authorization: `Bearer ${API_KEY}`,
    'LifeOmic-Account': ACCOUNT,
  },
): Promise<CallResult> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed: Record<string, unknown> = await response.json();
  return { status: response.status, body: parsed };
}

async function createJob(
  body: Record<string, unknown> = {
    source: 'integration-managed',
    integrationInstanceId: 'instance-1',
  },
): Promise<string> {
  const result = await call('POST', JOBS_PATH, body);
  expect(result.status).toBe(200);
  return server.jobs[server.jobs.length - 1].id;
}

function makeEntities(count: number): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, index) => ({
    _key: `entity-key-${index}`,
    _type: 'acme_user',
    _class: ['User'],
    name: `User ${index}`,
  }));
}

describe('startSyncApiServer', () => {
  test('listens on loopback address', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('rejects wrong bearer key', async () => {
    const result = await call(
      'POST',
      JOBS_PATH,
      { source: 'integration-managed', integrationInstanceId: 'instance-1' },
      { Authorization: 'Bearer wrong-key', 'LifeOmic-Account': ACCOUNT },
    );

    expect(result.status).toBe(401);
    expect(result.body).toEqual({
      error: { code: 'UNAUTHORIZED', message: expect.any(String) },
    });
    expect(server.jobs).toHaveLength(0);
    expect(server.rejectedRequests).toBe(1);
  });

  test('rejects missing account header', async () => {
    const result = await call('GET', `${JOBS_PATH}/any-id`, undefined, {
      Authorization: `Bearer ${API_KEY}`,
    });

    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(server.rejectedRequests).toBe(1);
  });

  test('rejects other account', async () => {
    const result = await call('GET', `${JOBS_PATH}/any-id`, undefined, {
      Authorization: `Bearer ${API_KEY}`,
      'LifeOmic-Account': 'other-account',
    });

    expect(result.status).toBe(401);
    expect(server.rejectedRequests).toBe(1);
  });

  test('creates integration-managed job', async () => {
    const result = await call('POST', JOBS_PATH, {
      source: 'integration-managed',
      integrationInstanceId: 'instance-1',
    });

    expect(result.status).toBe(200);
    expect(server.jobs).toHaveLength(1);
    const job = server.jobs[0];
    expect(job.status).toBe('AWAITING_UPLOADS');
    expect(job.source).toBe('integration-managed');
    expect(job.integrationInstanceId).toBe('instance-1');
    expect(typeof job.integrationJobId).toBe('string');
    expect(job.startTimestamp).toBeLessThanOrEqual(Date.now());
    expect(result.body).toEqual({
      job: expect.objectContaining({
        id: job.id,
        status: 'AWAITING_UPLOADS',
        integrationJobId: job.integrationJobId,
        integrationInstanceId: 'instance-1',
        startTimestamp: job.startTimestamp,
        numEntitiesUploaded: 0,
        numRelationshipsUploaded: 0,
      }),
    });
    expect(server.rejectedRequests).toBe(0);
  });

  test('keeps client integrationJobId', async () => {
    await createJob({
      source: 'integration-managed',
      integrationInstanceId: 'instance-1',
      integrationJobId: 'client-job-id',
    });

    expect(server.jobs[0].integrationJobId).toBe('client-job-id');
  });

  test('api source gets no integrationJobId', async () => {
    const result = await call('POST', JOBS_PATH, {
      source: 'api',
      scope: 'my-scope',
    });

    expect(result.status).toBe(200);
    expect(server.jobs[0].scope).toBe('my-scope');
    expect(server.jobs[0].integrationJobId).toBeUndefined();
    expect(result.body.job).not.toHaveProperty('integrationJobId');
  });

  test('rejects job without required fields', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'source'],
      [{ source: 'integration-managed' }, 'integrationInstanceId'],
      [{ source: 'api' }, 'scope'],
      [{ source: 42 }, 'source'],
    ];

    for (const [body, field] of cases) {
      const result = await call('POST', JOBS_PATH, body);
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({
        error: {
          code: 'INVALID_REQUEST',
          message: expect.stringContaining(field),
        },
      });
    }
    expect(server.jobs).toHaveLength(0);
    expect(server.rejectedRequests).toBe(cases.length);
  });

  test('rejects invalid JSON', async () => {
    const response = await fetch(`${server.url}${JOBS_PATH}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${API_KEY}`,
        'LifeOmic-Account': ACCOUNT,
        'Content-Type': 'application/json',
      },
      body: '{"source":',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'INVALID_JSON' },
    });
  });

  test('stores uploads with instance id', async () => {
    const jobId = await createJob();
    const relationship = {
      _key: 'entity-key-0|has|entity-key-1',
      _type: 'acme_user_has_user',
      _class: 'HAS',
      _fromEntityKey: 'entity-key-0',
      _toEntityKey: 'entity-key-1',
    };

    const entitiesResult = await call(
      'POST',
      `${JOBS_PATH}/${jobId}/entities`,
      {
        entities: makeEntities(2),
      },
    );
    const relationshipsResult = await call(
      'POST',
      `${JOBS_PATH}/${jobId}/relationships`,
      { relationships: [relationship] },
    );

    expect(entitiesResult.status).toBe(200);
    expect(relationshipsResult.status).toBe(200);
    const job = server.jobs[0];
    expect(job.entities.map((entity) => entity._key)).toEqual([
      'entity-key-0',
      'entity-key-1',
    ]);
    expect(job.entities[0]).toEqual({
      ...makeEntities(1)[0],
      _integrationInstanceId: 'instance-1',
    });
    expect(job.relationships).toEqual([
      { ...relationship, _integrationInstanceId: 'instance-1' },
    ]);
    expect(job.batches).toEqual({ entities: [2], relationships: [1] });
  });

  test('api job uploads lack instance id', async () => {
    const jobId = await createJob({ source: 'api', scope: 'my-scope' });

    await call('POST', `${JOBS_PATH}/${jobId}/entities`, {
      entities: makeEntities(1),
    });

    expect(server.jobs[0].entities[0]).not.toHaveProperty(
      '_integrationInstanceId',
    );
  });

  test('accepts batch of 250', async () => {
    const jobId = await createJob();

    const result = await call('POST', `${JOBS_PATH}/${jobId}/entities`, {
      entities: makeEntities(250),
    });

    expect(result.status).toBe(200);
    expect(server.jobs[0].entities).toHaveLength(250);
    expect(server.jobs[0].batches.entities).toEqual([250]);
  });

  test('rejects batch of 251', async () => {
    const jobId = await createJob();

    const entitiesResult = await call(
      'POST',
      `${JOBS_PATH}/${jobId}/entities`,
      {
        entities: makeEntities(251),
      },
    );
    const relationshipsResult = await call(
      'POST',
      `${JOBS_PATH}/${jobId}/relationships`,
      { relationships: makeEntities(251) },
    );

    expect(entitiesResult.status).toBe(400);
    expect(entitiesResult.body).toMatchObject({
      error: {
        code: 'UPLOAD_BATCH_TOO_LARGE',
        message: expect.stringContaining('251'),
      },
    });
    expect(relationshipsResult.status).toBe(400);
    expect(relationshipsResult.body).toMatchObject({
      error: { code: 'UPLOAD_BATCH_TOO_LARGE' },
    });
    expect(server.jobs[0].entities).toHaveLength(0);
    expect(server.jobs[0].relationships).toHaveLength(0);
    expect(server.jobs[0].batches).toEqual({ entities: [], relationships: [] });
    expect(server.rejectedRequests).toBe(2);
  });

  test('rejects malformed upload items', async () => {
    const jobId = await createJob();
    const bodies: unknown[] = [
      { entities: 'not-an-array' },
      { entities: ['not-an-object'] },
      { entities: [{ _type: 'acme_user' }] },
      { relationships: makeEntities(1) },
    ];

    for (const body of bodies) {
      const result = await call('POST', `${JOBS_PATH}/${jobId}/entities`, body);
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    }
    expect(server.jobs[0].entities).toHaveLength(0);
  });

  test('records events', async () => {
    const jobId = await createJob();
    const events = [
      { name: 'step_start', description: 'Starting step "Fetch Users"...' },
      { name: 'step_end', description: 'Completed step "Fetch Users".' },
    ];

    const result = await call('POST', `${JOBS_PATH}/${jobId}/events`, {
      events,
    });

    expect(result.status).toBe(200);
    expect(server.jobs[0].events).toEqual(events);
  });

  test('gets job by id', async () => {
    const jobId = await createJob();
    await call('POST', `${JOBS_PATH}/${jobId}/entities`, {
      entities: makeEntities(3),
    });

    const result = await call('GET', `${JOBS_PATH}/${jobId}`);

    expect(result.status).toBe(200);
    expect(result.body.job).toMatchObject({
      id: jobId,
      status: 'AWAITING_UPLOADS',
      numEntitiesUploaded: 3,
      numRelationshipsUploaded: 0,
    });
  });

  test('finalize stores partial datasets', async () => {
    const jobId = await createJob();
    await call('POST', `${JOBS_PATH}/${jobId}/entities`, {
      entities: makeEntities(3),
    });
    await call('POST', `${JOBS_PATH}/${jobId}/relationships`, {
      relationships: makeEntities(2),
    });

    const result = await call('POST', `${JOBS_PATH}/${jobId}/finalize`, {
      partialDatasets: { types: ['acme_user'] },
    });

    expect(result.status).toBe(200);
    expect(result.body.job).toMatchObject({
      status: 'FINALIZE_PENDING',
      numEntitiesUploaded: 3,
      numRelationshipsUploaded: 2,
    });
    expect(server.jobs[0].status).toBe('FINALIZE_PENDING');
    expect(server.jobs[0].partialDatasets).toEqual({ types: ['acme_user'] });
  });

  test('rejects invalid partial datasets', async () => {
    const jobId = await createJob();

    const result = await call('POST', `${JOBS_PATH}/${jobId}/finalize`, {
      partialDatasets: { types: [1] },
    });

    expect(result.status).toBe(400);
    expect(server.jobs[0].status).toBe('AWAITING_UPLOADS');
  });

  test('rejects upload after finalize', async () => {
    const jobId = await createJob();
    await call('POST', `${JOBS_PATH}/${jobId}/finalize`, {
      partialDatasets: { types: [] },
    });

    const entitiesResult = await call(
      'POST',
      `${JOBS_PATH}/${jobId}/entities`,
      {
        entities: makeEntities(1),
      },
    );
    const relationshipsResult = await call(
      'POST',
      `${JOBS_PATH}/${jobId}/relationships`,
      { relationships: makeEntities(1) },
    );

    for (const result of [entitiesResult, relationshipsResult]) {
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({
        error: { code: 'JOB_NOT_AWAITING_UPLOADS' },
      });
    }
    expect(server.jobs[0].entities).toHaveLength(0);
    expect(server.jobs[0].relationships).toHaveLength(0);
    expect(server.rejectedRequests).toBe(2);
  });

  test('rejects second finalize', async () => {
    const jobId = await createJob();
    await call('POST', `${JOBS_PATH}/${jobId}/finalize`, {});

    const result = await call('POST', `${JOBS_PATH}/${jobId}/finalize`, {});

    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      error: { code: 'JOB_NOT_AWAITING_UPLOADS' },
    });
  });

  test('abort stores reason', async () => {
    const jobId = await createJob();

    const result = await call('POST', `${JOBS_PATH}/${jobId}/abort`, {
      reason: 'Expected environment variable "API_KEY" to be set.',
    });

    expect(result.status).toBe(200);
    expect(result.body.job).toMatchObject({ id: jobId, status: 'ABORTED' });
    expect(server.jobs[0].status).toBe('ABORTED');
    expect(server.jobs[0].abortReason).toBe(
      'Expected environment variable "API_KEY" to be set.',
    );
  });

  test('rejects upload after abort', async () => {
    const jobId = await createJob();
    await call('POST', `${JOBS_PATH}/${jobId}/abort`, { reason: 'stop' });

    const uploadResult = await call('POST', `${JOBS_PATH}/${jobId}/entities`, {
      entities: makeEntities(1),
    });
    const finalizeResult = await call(
      'POST',
      `${JOBS_PATH}/${jobId}/finalize`,
      {},
    );

    expect(uploadResult.body).toMatchObject({
      error: { code: 'JOB_NOT_AWAITING_UPLOADS' },
    });
    expect(finalizeResult.body).toMatchObject({
      error: { code: 'JOB_NOT_AWAITING_UPLOADS' },
    });
    expect(server.jobs[0].status).toBe('ABORTED');
  });

  test('unknown job returns 404', async () => {
    const paths = [
      `${JOBS_PATH}/no-such-job`,
      `${JOBS_PATH}/no-such-job/entities`,
      `${JOBS_PATH}/no-such-job/finalize`,
      `${JOBS_PATH}/no-such-job/abort`,
    ];

    for (const path of paths) {
      const result =
        path === paths[0]
          ? await call('GET', path)
          : await call('POST', path, { entities: [] });
      expect(result.status).toBe(404);
      expect(result.body).toMatchObject({ error: { code: 'JOB_NOT_FOUND' } });
    }
    expect(server.rejectedRequests).toBe(paths.length);
  });

  test('unknown route returns 404', async () => {
    const result = await call('POST', '/persister/other');

    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  test('records rejection details', async () => {
    const jobId = await createJob();

    await call('POST', `${JOBS_PATH}/${jobId}/entities`, {
      entities: makeEntities(251),
    });

    expect(server.rejections).toEqual([
      {
        method: 'POST',
        path: `${JOBS_PATH}/${jobId}/entities`,
        status: 400,
        code: 'UPLOAD_BATCH_TOO_LARGE',
        message: expect.stringContaining('250'),
      },
    ]);
  });
});
