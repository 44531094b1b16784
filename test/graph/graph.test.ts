import { execFile } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

import { buildGraphModel } from '../../scripts/graph/graphModel';
import { readGraph } from '../../scripts/graph/readGraph';
import { renderHtml } from '../../scripts/graph/renderHtml';
import { sampleGraph } from '../../scripts/graph/sampleGraph';

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const VIS_NETWORK_FILE = path.join(
  PROJECT_ROOT,
  'node_modules/vis-network/standalone/umd/vis-network.min.js',
);
const HOSTILE_NAME = '</script><img src="https://attacker.test/x.png">';

interface PageData {
  nodes: Array<{ id: number; label: string; group: string; title: string }>;
  edges: Array<{
    id: number;
    from: number;
    to: number;
    label: string;
    mapped: boolean;
    title: string;
  }>;
  groups: Record<string, unknown>;
}

let dataDirectory: string;

function entity(
  key: string,
  type: string,
  className: string,
  displayName: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    _key: key,
    _type: type,
    _class: [className],
    name: displayName,
    displayName,
    _rawData: [{ name: 'default', rawData: { secretLookingField: 'raw' } }],
    ...extra,
  };
}

function relationship(
  from: string,
  to: string,
  className: string,
  type: string,
): Record<string, unknown> {
  return {
    _key: `${from}|${className.toLowerCase()}|${to}`,
    _type: type,
    _class: className,
    _fromEntityKey: from,
    _toEntityKey: to,
    displayName: className,
  };
}

function mappedToAwsInstance(
  computerKey: string,
  instanceId: string,
  relationshipDirection: 'FORWARD' | 'REVERSE' = 'FORWARD',
): Record<string, unknown> {
  return {
    _key: `${computerKey}|is|${instanceId}`,
    _type: 'trend_micro_computer_is_aws_instance',
    _class: 'IS',
    displayName: 'IS',
    _mapping: {
      relationshipDirection,
      sourceEntityKey: computerKey,
      targetFilterKeys: [['_type', 'instanceId']],
      targetEntity: { _type: 'aws_instance', _class: 'Host', instanceId },
      skipTargetCreation: true,
    },
  };
}

async function writeGraphFile(
  step: string,
  kind: 'entities' | 'relationships',
  name: string,
  items: unknown[],
): Promise<void> {
  const folder = path.join(dataDirectory, 'graph', step, kind);
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(
    path.join(folder, `${name}.json`),
    JSON.stringify({ [kind]: items }),
  );
}

/**
 * Writes a graph folder with an account, two computers in a group, a
 * relationship to an entity no file contains, two mapped relationships to
 * one AWS instance and one malformed entity.
 */
async function writeSmallGraph(): Promise<void> {
  await writeGraphFile('fetch-account', 'entities', 'a', [
    entity(
      'trend-micro-account:1',
      'trend_micro_account',
      'Account',
      'Acme DSM',
      {
        webLink: 'https://dsm.example.test/',
      },
    ),
  ]);
  await writeGraphFile('fetch-computers', 'entities', 'b', [
    entity('trend-micro-computer:1', 'trend_micro_computer', 'Host', 'web-001'),
    entity(
      'trend-micro-computer:2',
      'trend_micro_computer',
      'Host',
      HOSTILE_NAME,
    ),
    { _type: 'trend_micro_computer', name: 'no key' },
  ]);
  await writeGraphFile('fetch-computer-groups', 'entities', 'c', [
    entity(
      'trend-micro-computer-group:1',
      'trend_micro_computer_group',
      'Group',
      'Production',
    ),
  ]);
  await writeGraphFile(
    'build-computer-group-relationships',
    'relationships',
    'd',
    [
      relationship(
        'trend-micro-account:1',
        'trend-micro-computer-group:1',
        'HAS',
        'trend_micro_account_has_computer_group',
      ),
      relationship(
        'trend-micro-computer-group:1',
        'trend-micro-computer:1',
        'HAS',
        'trend_micro_computer_group_has_computer',
      ),
      relationship(
        'trend-micro-computer-group:1',
        'trend-micro-computer:2',
        'HAS',
        'trend_micro_computer_group_has_computer',
      ),
      relationship(
        'trend-micro-account:1',
        'trend-micro-administrator:gone',
        'HAS',
        'trend_micro_account_has_administrator',
      ),
    ],
  );
  await writeGraphFile('fetch-computers', 'relationships', 'e', [
    mappedToAwsInstance('trend-micro-computer:1', 'i-0123456789abcdef0'),
    mappedToAwsInstance('trend-micro-computer:2', 'i-0123456789abcdef0'),
  ]);
}

async function renderSmallGraph(maxNodes = 2000): Promise<string> {
  const graph = await readGraph(dataDirectory);
  const model = buildGraphModel(graph);
  return renderHtml({
    sample: sampleGraph(model, maxNodes),
    maxNodes,
    source: dataDirectory,
    warnings: graph.warnings,
    duplicateEntityKeys: model.duplicateEntityKeys,
  });
}

function readPageData(html: string): PageData {
  const match =
    /<script type="application\/json" id="graph-data">([\s\S]*?)<\/script>/.exec(
      html,
    );
  if (!match) {
    throw new Error('The page has no graph-data element.');
  }
  const data: PageData = JSON.parse(match[1]);
  return data;
}

function readVisNetworkSource(): string {
  return readFileSync(VIS_NETWORK_FILE, 'utf8').replace(
    /^\/\/# sourceMappingURL=.*$/m,
    '',
  );
}

/** Removes the inlined library and the embedded data, leaving the page's own markup, style and script. */
function pageWithoutLibraryAndData(html: string): string {
  return html
    .replace(readVisNetworkSource(), '')
    .replace(
      /<script type="application\/json" id="graph-data">[\s\S]*?<\/script>/,
      '',
    );
}

beforeEach(async () => {
  dataDirectory = await fs.mkdtemp(path.join(os.tmpdir(), 'graph-test-'));
  await writeSmallGraph();
});

afterEach(async () => {
  await fs.rm(dataDirectory, { recursive: true, force: true });
});

describe('readGraph', () => {
  test('reads entities and both relationship kinds', async () => {
    const graph = await readGraph(dataDirectory);

    expect(graph.fileCount).toBe(5);
    expect(graph.entities.map((item) => item.key).sort()).toEqual([
      'trend-micro-account:1',
      'trend-micro-computer-group:1',
      'trend-micro-computer:1',
      'trend-micro-computer:2',
    ]);
    expect(graph.relationships).toHaveLength(4);
    expect(graph.mappedRelationships).toHaveLength(2);
    expect(graph.mappedRelationships[0]).toMatchObject({
      sourceKey: 'trend-micro-computer:1',
      direction: 'FORWARD',
      targetFilterKeys: [['_type', 'instanceId']],
    });
  });

  test('drops _rawData from entities', async () => {
    const graph = await readGraph(dataDirectory);

    for (const item of graph.entities) {
      expect(item.properties).not.toHaveProperty('_rawData');
    }
  });

  test('warns about entity without _key', async () => {
    const graph = await readGraph(dataDirectory);

    expect(graph.warnings).toHaveLength(1);
    expect(graph.warnings[0]).toContain('entities[2]');
    expect(graph.warnings[0]).toContain('_key');
  });

  test('rejects missing graph folder', async () => {
    await expect(
      readGraph(path.join(dataDirectory, 'no-such-folder')),
    ).rejects.toThrow(/Cannot read graph folder .*no-such-folder/);
  });

  test('rejects invalid JSON file', async () => {
    const file = path.join(dataDirectory, 'graph/broken/entities/x.json');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"entities": [');

    await expect(readGraph(dataDirectory)).rejects.toThrow(
      /Cannot parse graph file .*broken\/entities\/x\.json/,
    );
  });
});

describe('buildGraphModel', () => {
  test('shares one placeholder per mapped target', async () => {
    const model = buildGraphModel(await readGraph(dataDirectory));

    const placeholders = model.nodes.filter(
      (node) => node.kind === 'placeholder',
    );
    expect(placeholders).toHaveLength(1);
    expect(placeholders[0].type).toBe('aws_instance');
    expect(placeholders[0].label).toBe(
      'aws_instance\ninstanceId: i-0123456789abcdef0',
    );
    const mappedEdges = model.edges.filter((edge) => edge.mapped);
    expect(mappedEdges).toHaveLength(2);
    for (const edge of mappedEdges) {
      expect(edge.to).toBe(placeholders[0].id);
      expect(edge.label).toBe('IS');
    }
  });

  test('links mapped target to collected entity', async () => {
    await writeGraphFile('fetch-aws', 'entities', 'f', [
      entity('aws-instance:1', 'aws_instance', 'Host', 'ec2 box', {
        instanceId: 'i-0123456789abcdef0',
      }),
    ]);

    const model = buildGraphModel(await readGraph(dataDirectory));

    expect(model.nodes.some((node) => node.kind === 'placeholder')).toBe(false);
    const target = model.nodes.find((node) => node.label === 'ec2 box');
    expect(target).toBeDefined();
    for (const edge of model.edges.filter((item) => item.mapped)) {
      expect(edge.to).toBe(target?.id);
    }
  });

  test('reverse mapping points at source', async () => {
    const reverse = mappedToAwsInstance(
      'trend-micro-computer:1',
      'i-reverse',
      'REVERSE',
    );
    await writeGraphFile('fetch-reverse', 'relationships', 'g', [reverse]);

    const model = buildGraphModel(await readGraph(dataDirectory));

    const source = model.nodes.find((node) => node.label === 'web-001');
    const edge = model.edges.find((item) =>
      item.title.includes('trend-micro-computer:1|is|i-reverse'),
    );
    expect(edge).toBeDefined();
    expect(edge?.to).toBe(source?.id);
    expect(model.nodes.find((node) => node.id === edge?.from)?.label).toBe(
      'aws_instance\ninstanceId: i-reverse',
    );
  });

  test('placeholder shows absent key value', async () => {
    const mapping = mappedToAwsInstance('trend-micro-computer:1', 'i-absent');
    mapping._key = 'absent-key-mapping';
    mapping._mapping = {
      relationshipDirection: 'FORWARD',
      sourceEntityKey: 'trend-micro-computer:1',
      targetFilterKeys: [['_type', 'arn']],
      targetEntity: { _type: 'aws_instance' },
    };
    await writeGraphFile('fetch-absent', 'relationships', 'j', [mapping]);

    const model = buildGraphModel(await readGraph(dataDirectory));

    expect(model.nodes.map((node) => node.label)).toContain(
      'aws_instance\narn: undefined',
    );
  });

  test('marks missing relationship endpoint', async () => {
    const model = buildGraphModel(await readGraph(dataDirectory));

    const missing = model.nodes.filter((node) => node.kind === 'missing');
    expect(missing).toHaveLength(1);
    expect(missing[0].label).toBe('trend-micro-administrator:gone');
  });

  test('draws duplicate entity key once', async () => {
    await writeGraphFile('fetch-again', 'entities', 'h', [
      entity('trend-micro-account:1', 'trend_micro_account', 'Account', 'Copy'),
    ]);

    const model = buildGraphModel(await readGraph(dataDirectory));

    expect(model.duplicateEntityKeys).toEqual(['trend-micro-account:1']);
    expect(model.nodes.filter((node) => node.kind === 'entity')).toHaveLength(
      4,
    );
  });
});

describe('sampleGraph', () => {
  test('keeps whole graph under cap', async () => {
    const model = buildGraphModel(await readGraph(dataDirectory));

    const sample = sampleGraph(model, 2000);

    expect(sample.sampled).toBe(false);
    expect(sample.nodes).toHaveLength(model.nodes.length);
    expect(sample.edges).toHaveLength(model.edges.length);
  });

  test('samples to cap keeping small types', async () => {
    const computers = Array.from({ length: 300 }, (_, index) =>
      entity(
        `trend-micro-computer:bulk-${index}`,
        'trend_micro_computer',
        'Host',
        `bulk-${index}`,
      ),
    );
    await writeGraphFile('fetch-bulk', 'entities', 'i', computers);
    const model = buildGraphModel(await readGraph(dataDirectory));

    const sample = sampleGraph(model, 20);

    expect(sample.sampled).toBe(true);
    expect(sample.nodes).toHaveLength(20);
    expect(sample.totalNodes).toBe(model.nodes.length);
    const shownByGroup = Object.fromEntries(
      sample.groups.map((group) => [group.group, group.shown]),
    );
    expect(shownByGroup).toEqual({
      'aws_instance (mapped target)': 1,
      'missing entity': 1,
      trend_micro_account: 1,
      trend_micro_computer: 16,
      trend_micro_computer_group: 1,
    });
    const keptIds = new Set(sample.nodes.map((node) => node.id));
    for (const edge of sample.edges) {
      expect(keptIds.has(edge.from)).toBe(true);
      expect(keptIds.has(edge.to)).toBe(true);
    }
  });

  test('prefers connected nodes in sample', async () => {
    const computers = Array.from({ length: 50 }, (_, index) =>
      entity(
        `trend-micro-computer:bulk-${index}`,
        'trend_micro_computer',
        'Host',
        `bulk-${index}`,
      ),
    );
    await writeGraphFile('fetch-bulk', 'entities', 'i', computers);
    const model = buildGraphModel(await readGraph(dataDirectory));

    const sample = sampleGraph(model, 6);

    const labels = sample.nodes.map((node) => node.label);
    expect(labels).toContain('web-001');
    expect(labels).not.toContain('bulk-0');
  });
});

describe('renderHtml', () => {
  test('page contains graph data', async () => {
    const html = await renderSmallGraph();
    const data = readPageData(html);

    expect(data.nodes.map((node) => node.label)).toEqual(
      expect.arrayContaining([
        'Acme DSM',
        'web-001',
        HOSTILE_NAME,
        'Production',
        'aws_instance\ninstanceId: i-0123456789abcdef0',
        'trend-micro-administrator:gone',
      ]),
    );
    expect(data.nodes).toHaveLength(6);
    expect(data.edges).toHaveLength(6);
    expect(data.edges.map((edge) => edge.label).sort()).toEqual([
      'HAS',
      'HAS',
      'HAS',
      'HAS',
      'IS',
      'IS',
    ]);
    expect(Object.keys(data.groups).sort()).toEqual([
      'aws_instance (mapped target)',
      'missing entity',
      'trend_micro_account',
      'trend_micro_computer',
      'trend_micro_computer_group',
    ]);
  });

  test('legend lists types with counts', async () => {
    const html = await renderSmallGraph();

    expect(html).toMatch(
      /<tr data-group="trend_micro_computer">.*?<td class="count">2<\/td><\/tr>/,
    );
    expect(html).toMatch(
      /<tr data-group="trend_micro_account">.*?<td class="count">1<\/td><\/tr>/,
    );
    expect(html).toMatch(
      /<tr data-edge-type="trend_micro_computer_is_aws_instance">.*?<td class="count">2<\/td><\/tr>/,
    );
    expect(html).toContain('6 nodes and 6 relationships');
    expect(html).not.toContain('id="sample-notice"');
  });

  test('page lists skipped objects', async () => {
    const html = await renderSmallGraph();

    expect(html).toContain('1 problem(s) in the graph files');
    expect(html).toContain('entities[2]');
  });

  test('page inlines vis-network', async () => {
    const html = await renderSmallGraph();

    expect(html).toContain(readVisNetworkSource());
    expect(html).not.toContain('sourceMappingURL');
    expect(html).toContain('vis-network 10.1.5 standalone UMD build');
  });

  test('page has no external URL', async () => {
    const html = await renderSmallGraph();

    const ownMarkup = pageWithoutLibraryAndData(html);

    expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|source)\b/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:|\/\/)/i);
    expect(html).not.toMatch(/@import/i);
    expect(ownMarkup).not.toMatch(/\b(src|href|action|srcset)\s*=/i);
    expect(ownMarkup).not.toMatch(/https?:/i);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`,
    );
  });

  test('page escapes hostile names', async () => {
    const html = await renderSmallGraph();

    expect(html).not.toContain(HOSTILE_NAME);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(readPageData(html).nodes.map((node) => node.label)).toContain(
      HOSTILE_NAME,
    );
  });

  test('page shows sample notice with counts', async () => {
    const html = await renderSmallGraph(3);
    const data = readPageData(html);

    expect(data.nodes).toHaveLength(3);
    expect(html).toContain('id="sample-notice"');
    expect(html).toContain('Showing a sample: 3 of 6 nodes');
    expect(html).toContain('the limit of 3 (--max-nodes)');
  });
});

describe('graph CLI', () => {
  test('writes page and prints its path', async () => {
    const output = path.join(dataDirectory, 'out', 'page.html');

    const { stdout } = await promisify(execFile)(
      path.join(PROJECT_ROOT, 'node_modules/.bin/ts-node'),
      [
        '--transpile-only',
        path.join(PROJECT_ROOT, 'scripts/graph.ts'),
        '--data-dir',
        dataDirectory,
        '--output',
        output,
        '--max-nodes',
        '5',
      ],
      { cwd: PROJECT_ROOT },
    );

    expect(stdout).toContain(`Wrote graph page to ${output}`);
    expect(stdout).toContain('6 nodes and 6 relationships');
    expect(stdout).toContain('sample of 5 nodes');
    const html = await fs.readFile(output, 'utf8');
    expect(readPageData(html).nodes).toHaveLength(5);
  });

  test('rejects invalid max-nodes', async () => {
    const run = promisify(execFile)(
      path.join(PROJECT_ROOT, 'node_modules/.bin/ts-node'),
      [
        '--transpile-only',
        path.join(PROJECT_ROOT, 'scripts/graph.ts'),
        '--data-dir',
        dataDirectory,
        '--max-nodes',
        'many',
      ],
      { cwd: PROJECT_ROOT },
    );

    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Invalid --max-nodes "many"'),
    });
  });
});
