/** ANSI styling; every function is the identity when colours are off. */
export interface Colours {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const style = (open: number, close: number) => (text: string) => (text ? `\u001b[${open}m${text}\u001b[${close}m` : text);

const ON: Colours = {
  bold: style(1, 22),
  dim: style(2, 22),
  red: style(31, 39),
  yellow: style(33, 39),
  green: style(32, 39),
  cyan: style(36, 39),
};

const identity = (text: string) => text;
const OFF: Colours = { bold: identity, dim: identity, red: identity, yellow: identity, green: identity, cyan: identity };

/** Colours for a stream: main.ts decides (a TTY, NO_COLOR unset, no --no-color). */
export function createColours(enabled: boolean): Colours {
  return enabled ? ON : OFF;
}
