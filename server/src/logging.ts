import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import type { AppConfig } from './config/config';

/**
 * Request logs carry method, path (never the query string), status and timing — no
 * headers, cookies or bodies, so that no session token, CSRF token, personnummer or plan
 * text can reach a log line.
 */
export function loggerOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url?.split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    redact: {
      paths: ['req.headers', 'res.headers', '*.password', '*.personnummer', 'err.config'],
      remove: true,
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  };
}
