import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { ZodError } from 'zod';
import {
  type FieldError,
  type Language,
  type Problem,
  type ProblemCode,
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

  respond(exception: unknown, request: Request, response: Response): void {
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
      ...(mapped.errors?.length ? { errors: mapped.errors } : {}),
      ...(mapped.retryAfterSeconds !== undefined ? { retryAfterSeconds: mapped.retryAfterSeconds } : {}),
      ...(mapped.reasons?.length ? { reasons: mapped.reasons } : {}),
    };
    if (mapped.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(mapped.retryAfterSeconds));
    }
    if (response.headersSent) return;
    response.status(mapped.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private map(exception: unknown, request: Request): Mapped {
    if (exception instanceof ProblemException) {
      return { status: exception.status, code: exception.code, ...exception.options };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception as { driverError?: { code?: string } }).driverError?.code;
      if (pgCode === '23505') return { status: 409, code: 'conflict' };
      if (pgCode === '23503') return { status: 409, code: 'in_use' };
      if (pgCode === '22P02') return { status: 400, code: 'validation_failed' };
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
    // Express body-parser errors that reach us without being wrapped.
    const expressType = (exception as { type?: string })?.type;
    if (expressType === 'entity.parse.failed') return { status: 400, code: 'malformed_json' };
    if (expressType === 'entity.too.large') return { status: 413, code: 'payload_too_large' };
    if (expressType === 'charset.unsupported' || expressType === 'encoding.unsupported') {
      return { status: 415, code: 'unsupported_media_type' };
    }
    this.logger.error(
      { err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception), route: request.route?.path },
      'Unhandled error',
    );
    return { status: 500, code: 'internal_error' };
  }
}
