import { ScenarioResult } from './runScenario';

/** Formats the Markdown table of outcomes, one row per fault. */
export function formatTable(results: ScenarioResult[]): string {
  const rows = results.map((result) => {
    const collected = sum(result.collected);
    const expected = sum(result.expected);
    return [
      result.scenario.name,
      result.scenario.target,
      describeOutcome(result),
      result.failedSteps.join(', ') || '-',
      `${collected} / ${expected}`,
      String(result.retries),
      result.seconds.toFixed(1),
    ];
  });

  const header = [
    'Fault',
    'Where',
    'Outcome',
    'Steps failed',
    'Entities collected / expected',
    'Retries',
    'Seconds',
  ];
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join(
    '\n',
  );
}

/**
 * Formats, per fault, what the CLI printed for the user: the first retry
 * warning, each step error and the other warnings.
 */
export function formatMessages(results: ScenarioResult[]): string {
  const sections = results
    .filter(
      (result) =>
        result.firstRetry ||
        result.errors.length > 0 ||
        result.warnings.length > 0,
    )
    .map((result) => {
      const lines = [`### ${result.scenario.name} (${result.scenario.target})`];
      if (result.firstRetry) {
        lines.push('', `First retry warning: ${result.firstRetry}`);
      }
      for (const error of result.errors) {
        lines.push('', `Step error: ${error}`);
      }
      for (const warning of result.warnings) {
        lines.push('', `Warning: ${warning}`);
      }
      return lines.join('\n');
    });
  return `\n${sections.join('\n\n')}\n`;
}

function describeOutcome(result: ScenarioResult): string {
  if (result.problems.length > 0) {
    return `UNEXPECTED: ${result.problems.join('; ')}`;
  }
  return result.scenario.expected.kind === 'recovered'
    ? 'recovered, nothing lost'
    : 'failed only its own step';
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

function row(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}
