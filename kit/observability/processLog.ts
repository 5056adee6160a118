import pino from 'pino';
import { activeTraceId } from './tracing';

export type LogFormat = 'text' | 'json';

/**
 * The log format a process uses: ENSEMBLE_LOG_FORMAT (`json` or `text`) when set, else JSON
 * in production (NODE_ENV=production) and readable lines otherwise (`npm start` on a terminal).
 */
export function logFormatFrom(env: Readonly<Record<string, string | undefined>>): LogFormat {
  const given = env.ENSEMBLE_LOG_FORMAT;
  if (given === 'json' || given === 'text') return given;
  if (given) throw new Error(`ENSEMBLE_LOG_FORMAT must be json or text, got "${given.slice(0, 40)}"`);
  return env.NODE_ENV === 'production' ? 'json' : 'text';
}

/**
 * The process's log function (every part of Ensemble logs through one `(line) => void`).
 * `text`: `HH:MM:SS line` on stdout. `json`: one pino object per line on stdout, with `time`,
 * `service`, `msg` and, inside a traced request, `trace_id`, so log lines join traces.
 */
export function createProcessLog(format: LogFormat, service: string, destination?: NodeJS.WritableStream): (line: string) => void {
  if (format === 'text') {
    const write = destination ? (text: string) => void destination.write(`${text}\n`) : (text: string) => console.log(text);
    return (line) => write(`${new Date().toISOString().slice(11, 19)} ${line}`);
  }
  const logger = pino(
    {
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const traceId = activeTraceId();
        return traceId ? { trace_id: traceId } : {};
      },
    },
    // Synchronous: a line logged just before process.exit is not lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return (line) => logger.info(line);
}
