import { readFileSync } from 'fs';
import path from 'path';

import { MISSING_GROUP } from './graphModel';
import { GraphSample, GroupCount } from './sampleGraph';

export interface RenderHtmlOptions {
  sample: GraphSample;
  /** Node cap that was applied, shown in the sample notice. */
  maxNodes: number;
  /** Folder the graph was read from, shown in the page header. */
  source: string;
  warnings: string[];
  duplicateEntityKeys: string[];
  generatedAt?: Date;
}

const PAGE_TITLE = 'Collected JupiterOne graph';
const MAX_LISTED_PROBLEMS = 10;
const MISSING_COLOR = { background: '#f8d7da', border: '#c81e1e' };

/**
 * Content-Security-Policy that blocks every load: scripts and styles must be
 * inline and images data: URLs.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

interface GroupStyle {
  color: {
    background: string;
    border: string;
    highlight: { background: string; border: string };
    hover: { background: string; border: string };
  };
  shapeProperties?: { borderDashes: number[] };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Checks that script text can sit inside a <script> element unchanged:
 * `</script` would end the element early and `<!--` changes how the HTML
 * parser reads the rest. Rewriting them could change what the code does, so
 * this throws instead.
 */
function checkInlineScript(name: string, text: string): string {
  if (/<\/script/i.test(text) || text.includes('<!--')) {
    throw new Error(
      `Cannot inline ${name} into the graph page because it contains "</script" or "<!--", which would end or alter its <script> element.`,
    );
  }
  return text;
}

/**
 * Serializes JSON for a <script type="application/json"> element. Writing `<`
 * as `\u003c` keeps the text from closing the element.
 */
function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Reads the vis-network standalone UMD build and drops its source map comment, whose file the page cannot load. */
function readVisNetwork(): { version: string; source: string } {
  const packageJsonPath = require.resolve('vis-network/package.json');
  const packageDirectory = path.dirname(packageJsonPath);
  const packageJson: unknown = JSON.parse(
    readFileSync(packageJsonPath, 'utf8'),
  );
  const version =
    typeof packageJson === 'object' &&
    packageJson !== null &&
    'version' in packageJson &&
    typeof packageJson.version === 'string'
      ? packageJson.version
      : 'unknown';

  const source = readFileSync(
    path.join(packageDirectory, 'standalone/umd/vis-network.min.js'),
    'utf8',
  ).replace(/^\/\/# sourceMappingURL=.*$/m, '');
  return { version, source };
}

function readAsset(name: string): string {
  return readFileSync(path.join(__dirname, name), 'utf8');
}

/**
 * Hues for the first types in sorted order, chosen so that neighbours differ
 * clearly. Red is left out because it marks missing entities.
 */
const TYPE_HUES = [210, 30, 140, 275, 330, 180, 45, 250, 95, 300, 195, 160];

/**
 * Assigns each `_type` a colour: the fixed hues first, then golden-angle
 * steps at a lower saturation for graphs with more types than that.
 * Collected types come first because their nodes are filled, while mapped
 * targets are drawn hollow and stay apart even in a similar hue.
 */
function colorsByType(groups: GroupCount[]): Map<string, string> {
  const collectedTypes = groups
    .filter((group) => group.kind === 'entity')
    .map((group) => group.type)
    .sort();
  const otherTypes = groups.map((group) => group.type).sort();
  const types = [...new Set([...collectedTypes, ...otherTypes])];
  const colors = new Map<string, string>();
  types.forEach((type, index) => {
    const color =
      index < TYPE_HUES.length
        ? `hsl(${TYPE_HUES[index]}, 65%, 55%)`
        : `hsl(${Math.round((index * 137.508) % 360)}, 40%, 55%)`;
    colors.set(type, color);
  });
  return colors;
}

/** Turns an `hsl(h, s, 55%)` border colour into the lighter fill of the same hue. */
function lighter(color: string): string {
  return color.replace(/55%\)$/, '85%)');
}

function buildGroupStyles(
  groups: GroupCount[],
  colors: Map<string, string>,
): Record<string, GroupStyle> {
  const styles: Record<string, GroupStyle> = {};
  for (const group of groups) {
    const border =
      group.kind === 'missing'
        ? MISSING_COLOR.border
        : colors.get(group.type) ?? '#829ab1';
    const background =
      group.kind === 'missing'
        ? MISSING_COLOR.background
        : group.kind === 'placeholder'
        ? '#ffffff'
        : lighter(border);

    styles[group.group] = {
      color: {
        background,
        border,
        highlight: { background, border: '#102a43' },
        hover: { background, border: '#102a43' },
      },
      shapeProperties:
        group.kind === 'entity' ? undefined : { borderDashes: [4, 3] },
    };
  }
  return styles;
}

function renderLegend(
  sample: GraphSample,
  styles: Record<string, GroupStyle>,
): string {
  const showCounts = (total: number, shown: number): string =>
    sample.sampled && shown !== total
      ? `${formatCount(shown)} of ${formatCount(total)}`
      : formatCount(total);

  const groupRows = sample.groups.map((group) => {
    const style = styles[group.group];
    const dashed = group.kind === 'entity' ? '' : ' dashed';
    const label =
      group.group === MISSING_GROUP
        ? 'missing entity (relationship endpoint not collected)'
        : group.group;
    return `<tr data-group="${escapeHtml(
      group.group,
    )}"><td><span class="swatch${dashed}" style="background:${
      style.color.background
    };border-color:${style.color.border}"></span></td><td>${escapeHtml(
      label,
    )}</td><td class="count">${showCounts(group.total, group.shown)}</td></tr>`;
  });

  const edgeRows = sample.edgeTypes.map(
    (edgeType) =>
      `<tr data-edge-type="${escapeHtml(edgeType.type)}"><td>${escapeHtml(
        edgeType.type,
      )}</td><td class="count">${showCounts(
        edgeType.total,
        edgeType.shown,
      )}</td></tr>`,
  );

  return [
    '<h2>Entity types</h2>',
    `<table id="legend">${groupRows.join('')}</table>`,
    '<h2>Relationship types</h2>',
    `<table id="relationship-legend">${edgeRows.join('')}</table>`,
  ].join('\n');
}

function renderProblems(options: RenderHtmlOptions): string {
  const problems = [
    ...options.warnings,
    ...options.duplicateEntityKeys.map(
      (key) => `duplicate entity _key ${key}, drawn once`,
    ),
  ];
  if (problems.length === 0) {
    return '';
  }

  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map(escapeHtml);
  if (problems.length > MAX_LISTED_PROBLEMS) {
    listed.push(`… and ${problems.length - MAX_LISTED_PROBLEMS} more`);
  }
  return `<p class="warnings">${formatCount(
    problems.length,
  )} problem(s) in the graph files:<br>${listed.join('<br>')}</p>`;
}

function renderSummary(options: RenderHtmlOptions): string {
  const { sample } = options;
  const counts = `<p id="graph-counts">${formatCount(
    sample.totalNodes,
  )} nodes and ${formatCount(
    sample.totalEdges,
  )} relationships read from ${escapeHtml(options.source)}.</p>`;
  if (!sample.sampled) {
    return counts;
  }

  const notice = `<p class="sample-notice" id="sample-notice">Showing a sample: ${formatCount(
    sample.nodes.length,
  )} of ${formatCount(sample.totalNodes)} nodes and ${formatCount(
    sample.edges.length,
  )} of ${formatCount(
    sample.totalEdges,
  )} relationships, because the graph has more nodes than the limit of ${formatCount(
    options.maxNodes,
  )} (--max-nodes). The sample keeps the most connected nodes of each type.</p>`;
  return counts + notice;
}

/**
 * Builds one self-contained HTML page that draws the sampled graph with an
 * inlined copy of vis-network. The page references no external URL, and its
 * Content-Security-Policy blocks any load the library might attempt.
 */
export function renderHtml(options: RenderHtmlOptions): string {
  const { sample } = options;
  const colors = colorsByType(sample.groups);
  const groupStyles = buildGroupStyles(sample.groups, colors);
  const visNetwork = readVisNetwork();
  const generatedAt = (options.generatedAt ?? new Date()).toISOString();

  const pageData = {
    nodes: sample.nodes.map((node) => ({
      id: node.id,
      label: node.label,
      group: node.group,
      title: node.title,
    })),
    edges: sample.edges.map((edge) => ({
      id: edge.id,
      from: edge.from,
      to: edge.to,
      label: edge.label,
      mapped: edge.mapped,
      title: edge.title,
    })),
    groups: groupStyles,
  };

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="scripts/graph.ts at ${generatedAt}">
<title>${PAGE_TITLE}</title>
<style>
${readAsset('page.css')}
</style>
</head>
<body>
<header>
<h1>${PAGE_TITLE}</h1>
${renderSummary(options)}
${renderProblems(options)}
</header>
<aside>
${renderLegend(sample, groupStyles)}
</aside>
<div id="graph"></div>
<script type="application/json" id="graph-data">${embedJson(pageData)}</script>
<!-- vis-network ${escapeHtml(
    visNetwork.version,
  )} standalone UMD build, inlined so that the page works offline -->
<script>
${checkInlineScript('vis-network', visNetwork.source)}
</script>
<script>
${checkInlineScript('page.js', readAsset('page.js'))}
</script>
</body>
</html>
`;
}
