import type { GraphQLDataSource } from '@apollo/gateway';

export type Answer = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** One fetch the lean path sent, and how it settled. */
export type ReceivedAnswer = { serviceName: string; query: string; variables: Record<string, unknown> } & ({ answer: Answer } | { error: unknown });

export interface AnswerReplay {
  /** The subgraph's data source, handing the gateway an answer already received for the same request instead of fetching. */
  wrap(serviceName: string, source: GraphQLDataSource<any>): GraphQLDataSource<any>;
  /** Answers the gateway's executor is to be handed back while it runs this request, in the order they arrived. */
  handBack(requestContext: object, received: ReceivedAnswer[]): void;
}

interface Replay {
  waiting: { entry: ReceivedAnswer; arrived: number; json?: string }[];
  /** Answers asked for in the current task, handed over from the next one. */
  asked: { arrived: number; settle: () => void }[];
}

/**
 * What lets the lean path give up on a request half way without anything being fetched
 * twice: the answers it received are kept by request, and the gateway's executor, now
 * running the same plan, is handed each one when it sends the same fetch (same
 * subgraph, operation text and variables, representations included). A fetch the lean
 * path would have sent differently is not matched and goes to the subgraph, so a
 * mistake costs a fetch, never a wrong answer. Variables are compared as JSON (what the
 * subgraph receives), only when handing back, which is rare.
 *
 * Answers asked for together (a `Parallel`'s) are handed over one task apart, in the
 * order they first arrived: the gateway merges them, and lists their errors, in that
 * order, as it would have had it received them itself.
 */
export function createAnswerReplay(): AnswerReplay {
  const replays = new WeakMap<object, Replay>();
  return {
    handBack: (requestContext, received) => {
      if (received.length > 0) replays.set(requestContext, { waiting: received.map((entry, arrived) => ({ entry, arrived })), asked: [] });
    },
    wrap: (serviceName, source) => ({
      process: (request) => {
        const context = 'incomingRequestContext' in request ? request.incomingRequestContext : undefined;
        const replay = context && replays.get(context);
        if (!replay) return source.process(request);
        let json: string | undefined;
        const index = replay.waiting.findIndex((candidate) => {
          const { entry } = candidate;
          if (entry.serviceName !== serviceName || entry.query !== request.request.query) return false;
          json ??= JSON.stringify(request.request.variables);
          candidate.json ??= JSON.stringify(entry.variables);
          return candidate.json === json;
        });
        if (index < 0) return source.process(request);
        const [{ entry, arrived }] = replay.waiting.splice(index, 1);
        if (replay.waiting.length === 0) replays.delete(context);
        return new Promise<Answer>((resolve, reject) => {
          if (replay.asked.length === 0) setImmediate(() => handOver(replay.asked.splice(0).sort((a, b) => a.arrived - b.arrived)));
          replay.asked.push({ arrived, settle: () => ('answer' in entry ? resolve(entry.answer) : reject(entry.error)) });
        });
      },
    }),
  };
}

/** One answer per task, so that the gateway is done with each before it sees the next. */
function handOver(answers: { settle: () => void }[]): void {
  const next = answers.shift();
  if (!next) return;
  next.settle();
  if (answers.length > 0) setImmediate(() => handOver(answers));
}
