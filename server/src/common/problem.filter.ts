import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { ZodError } from 'zod';
import {
  type FieldError,
  type Language,
  type Problem,
  type ProblemCode,
  fieldErrorMessage,
  languageFromHeader,
  problemMessage,
} from '@sip/shared';
import { ProblemException } from './problem.exception';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Turns zod issues into field errors with a dotted path into the request part. */
export function fieldErrorsFromZod(error: ZodError, part: string): FieldError[] {
  return error.issues.map((issue) => {
    const reason = (issue as { params?: { reason?: string } }).params?.reason;
    return {
      path: [part, ...issue.path.map(String)].join('.'),
      message: issue.message,
      code: reason ?? issue.code,
    };
  });
}

interface Mapped {
  status: number;
  code: ProblemCode;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  detail?: string | ((language: Language) => string);
  reasons?: string[];
}

/**
 * The JSON body parser's (body-parser, raw-body) refusals as problems. Each is the client's
 * doing and comes before any handler runs, so nothing is stored and nothing is logged as
 * an error. Left out on purpose: `stream.encoding.set` and `stream.not.readable`, which
 * mean server code read the body before the parser did — our bug, so a 500.
 */
export function bodyParserProblem(exception: unknown): Mapped | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { type, code, status } = exception as { type?: unknown; code?: unknown; status?: unknown };
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'malformed_json' };
    case 'entity.too.large': // also a compressed body that inflates beyond the limit
      return { status: 413, code: 'payload_too_large' };
    case 'encoding.unsupported':
      return { status: 415, code: 'unsupported_content_encoding' };
    case 'charset.unsupported':
      return { status: 415, code: 'unsupported_charset' };
    case 'request.aborted': // the client hung up mid-body; nobody reads this answer
    case 'request.size.invalid': // fewer or more bytes than Content-Length said
      return { status: 400, code: 'incomplete_body' };
    case 'entity.verify.failed': // only from a `verify` option, which the API does not set
      return { status: 403, code: 'forbidden' };
  }
  // A damaged gzip/deflate/br body fails inside zlib; body-parser passes that error on with
  // status 400 but no type. zlib codes are Z_*, brotli's ERR__ERROR_*, zstd's ZSTD_error_*.
  if (status === 400 && typeof code === 'string' && /^(Z_|ERR__ERROR_|ZSTD_error_)/.test(code)) {
    return { status: 400, code: 'malformed_compressed_body' };
  }
  return undefined;
}

/**
 * The one place that decides what an error looks like on the wire: an RFC 9457 problem
 * document with a stable code and a message in the request's language. Unknown errors
 * become a 500 with a generic message; their details go only to the server log.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    this.respond(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }

  /** Answers with the problem for this exception, and returns it. */
  respond(exception: unknown, request: Request, response: Response): Problem {
    const mapped = this.map(exception, request);
    const language = languageFromHeader(request.headers['accept-language']);
    const body: Problem = {
      type: `urn:sip:problem:${mapped.code}`,
      title: TITLES[mapped.status] ?? 'Error',
      status: mapped.status,
      code: mapped.code,
      detail:
        (typeof mapped.detail === 'function' ? mapped.detail(language) : mapped.detail) ??
        problemMessage(mapped.code, language, { retryAfterSeconds: mapped.retryAfterSeconds }),
      instance: request.originalUrl?.split('?')[0],
      ...(mapped.errors?.length ? { errors: mapped.errors.map((e) => ({ ...e, message: fieldErrorMessage(e.code, language) ?? e.message })) } : {}),
      ...(mapped.retryAfterSeconds !== undefined ? { retryAfterSeconds: mapped.retryAfterSeconds } : {}),
      ...(mapped.reasons?.length ? { reasons: mapped.reasons } : {}),
    };
    if (mapped.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(mapped.retryAfterSeconds));
    }
    if (!response.headersSent) {
      response.status(mapped.status).type('application/problem+json').send(JSON.stringify(body));
    }
    return body;
  }

  private map(exception: unknown, request: Request): Mapped {
    if (exception instanceof ProblemException) {
      return { status: exception.status, code: exception.code, ...exception.options };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception as { driverError?: { code?: string } }).driverError?.code;
      if (pgCode === '23505') return { status: 409, code: 'conflict' };
      if (pgCode === '23503') return { status: 409, code: 'in_use' };
      // Input PostgreSQL cannot hold (bad text, a date or time out of range): the client's
      // mistake, refused as such — a schema should have caught it first.
      if (pgCode && ['22P02', '22021', '22P05', '22007', '22008', '22009'].includes(pgCode)) return { status: 400, code: 'validation_failed' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse() as { message?: unknown } | string;
      // body-parser errors surface as HttpExceptions carrying the express error type.
      const type = (exception.cause as { type?: string } | undefined)?.type;
      if (status === 400 && (type === 'entity.parse.failed' || /JSON/i.test(String((raw as { message?: unknown }).message ?? raw)))) {
        return { status, code: 'malformed_json' };
      }
      if (status === 404) {
        // Nest's router answers an unmatched path with "Cannot GET /path".
        const unmatched = /^Cannot [A-Z]+ /.test(exception.message);
        return { status, code: unmatched ? 'route_not_found' : 'not_found' };
      }
      if (status === 413) return { status, code: 'payload_too_large' };
      if (status === 415) return { status, code: 'unsupported_media_type' };
      if (status === 429) return { status, code: 'rate_limited', retryAfterSeconds: 60 };
      if (status === 401) return { status, code: 'unauthenticated' };
      if (status === 403) return { status, code: 'forbidden' };
      if (status >= 400 && status < 500) return { status, code: 'validation_failed' };
    }
    const bodyProblem = bodyParserProblem(exception);
    if (bodyProblem) return bodyProblem;
    this.logger.error(
      { err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception), route: request.route?.path },
      'Unhandled error',
    );
    return { status: 500, code: 'internal_error' };
  }
}
