import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context.js';
import type { CompetitionRow } from '../competitions/competitions.tables.js';
import { scoreboardOf } from './competition-results.service.js';

// The venue scoreboard's live feed: Server-Sent Events. Each open stream polls the database every few
// seconds and sends the scoreboard when it changed, so it works the same behind a load balancer with
// several server processes (no in-memory pub/sub): whichever process a screen is connected to reads
// what any process wrote. Events:
//   event: scoreboard  data: TScoreboard (on connect and whenever progress or results change)
//   event: published   data: { skillId, number } (a skill's results were published while connected)
// A comment line keeps idle connections open through proxies. `retry` tells EventSource to reconnect.

export const SCOREBOARD_POLL_MS = 3000;
const KEEP_ALIVE_EVERY = 5;

/** Ends every open stream before the server closes (otherwise close would wait for the screens). */
export function closeStreamsOnShutdown(app: FastifyInstance): void {
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const stop of [...streams]) {
      stop();
    }
  });
  app.decorate('scoreboardStreams', streams);
}

declare module 'fastify' {
  interface FastifyInstance {
    scoreboardStreams?: Set<() => void>;
  }
}

export function streamScoreboard(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  competition: CompetitionRow,
  pollMs = SCOREBOARD_POLL_MS,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  });
  res.write(`retry: ${pollMs + 2000}\n\n`);

  const streams = request.server.scoreboardStreams;
  let last = '';
  let published: Set<string> | null = null;
  let quiet = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const send = (event: string, data: unknown) => {
    if (!stopped && !res.writableEnded) {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    }
  };
  const stop = () => {
    if (stopped) {
      return;
    }
    stopped = true;
    clearTimeout(timer);
    streams?.delete(stop);
    if (!res.writableEnded) {
      res.end();
    }
  };
  const tick = async () => {
    try {
      const board = await scoreboardOf(deps, competition);
      const { generatedAt: _generatedAt, ...content } = board;
      const key = JSON.stringify(content);
      if (key !== last) {
        last = key;
        quiet = 0;
        send('scoreboard', board);
      } else if (++quiet % KEEP_ALIVE_EVERY === 0 && !stopped) {
        res.write(': keep-alive\n\n');
      }
      const nowPublished = new Set(board.skills.filter((s) => s.state === 'published').map((s) => s.id));
      if (published) {
        for (const skill of board.skills) {
          if (nowPublished.has(skill.id) && !published.has(skill.id)) {
            send('published', { skillId: skill.id, number: skill.number });
          }
        }
      }
      published = nowPublished;
    } catch (err) {
      request.log.warn({ err }, 'scoreboard poll failed');
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), pollMs);
    }
  };
  streams?.add(stop);
  request.raw.on('close', stop);
  void tick();
}
