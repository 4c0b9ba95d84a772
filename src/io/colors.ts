/** Colours for terminal output, loaded only when a formatter draws them. */
export interface Colors {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  boldRed(text: string): string;
  boldYellow(text: string): string;
}

export const plainColors: Colors = {
  red: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
  dim: (t) => t,
  underline: (t) => t,
  boldRed: (t) => t,
  boldYellow: (t) => t,
};

export async function loadColors(enabled: boolean): Promise<Colors> {
  if (!enabled) return plainColors;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    red: chalk.red,
    green: chalk.green,
    yellow: chalk.yellow,
    dim: chalk.dim,
    underline: chalk.underline,
    boldRed: chalk.red.bold,
    boldYellow: chalk.yellow.bold,
  };
}

/**
 * Whether to colour: never with --no-color or NO_COLOR (chalk ignores NO_COLOR), always with
 * FORCE_COLOR set to something other than 0, else when the stream is a terminal.
 */
export function wantsColor(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
  flag: boolean,
): boolean {
  if (!flag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
