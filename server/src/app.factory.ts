import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import responseTime from 'response-time';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { CSRF_HEADER } from '@sip/shared';
import { AppModule, type AppModuleOptions } from './app.module';
import { RedisIoAdapter } from './collaboration/redis-io.adapter';
import { assertEveryRouteDeclared } from './route-inventory';
import { ProblemException } from './common/problem.exception';
import { ProblemFilter } from './common/problem.filter';
import { serveClient } from './static/serve-client';

/** Whether a request has body bytes; `Content-Length: 0` (a body-less POST) does not. */
function carriesBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
}

/** Largest JSON body the API accepts. Plan text travels over the co-editing socket, not here. */
export const JSON_BODY_LIMIT = '256kb';

const appCsp = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

// Swagger UI ships inline styles; it gets its own, slightly wider policy.
const docsCsp = {
  useDefaults: false,
  directives: { ...appCsp.directives, styleSrc: ["'self'", "'unsafe-inline'"] },
};

export async function createApp(options: AppModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', options.config.trustProxy);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  // socket.io on the same HTTP server: /socket.io, namespace /collab; over Redis when
  // REDIS_URL is set, so that several instances serve the same plans.
  if (options.config.redisUrl) {
    const redis = new RedisIoAdapter(app);
    await redis.connect(options.config.redisUrl);
    app.useWebSocketAdapter(redis);
  } else {
    app.useWebSocketAdapter(new IoAdapter(app));
  }

  const problems = new ProblemFilter();
  const appHelmet = helmet({ contentSecurityPolicy: appCsp, crossOriginEmbedderPolicy: false });
  const docsHelmet = helmet({ contentSecurityPolicy: docsCsp, crossOriginEmbedderPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docsHelmet : appHelmet)(req, res, next),
  );
  // X-Response-Time: the server's own time for each request (benchmarks read it).
  app.use(responseTime({ digits: 3 }));
  // The built client, pre-compressed and cached by kind of file; before the API's own
  // middleware, which a file never needs.
  const client = serveClient(options.config.clientDist);
  if (client) app.use(client);
  app.use(cookieParser());
  // Body parse errors never reach Nest's filters on their own; answer them as problems here.
  // A body the JSON parser leaves alone (text/plain, a form, no Content-Type) would reach
  // the handler as a missing body and read as a validation error; refuse its type instead.
  const json = express.json({ limit: JSON_BODY_LIMIT, strict: true });
  const bodyLog = new NestLogger('BodyParser');
  const refuseBody = (error: unknown, req: Request, res: Response) => {
    const { status, code } = problems.respond(error, req, res);
    // These requests end before the request logger sees them, so this is their one line
    // (a 500 is already logged as an error). Never the error: body-parser puts the body on it.
    if (status < 500) bodyLog.warn({ method: req.method, path: req.path, status, code }, 'Request body refused');
  };
  app.use((req: Request, res: Response, next: NextFunction) =>
    json(req, res, (err?: unknown) => {
      if (err) return refuseBody(err, req, res);
      if (req.body === undefined && carriesBody(req)) {
        return refuseBody(new ProblemException(415, 'unsupported_media_type'), req, res);
      }
      next();
    }),
  );

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('SIP platform API')
      .setDescription(
        'Samordnad individuell plan. Sign in with POST /api/auth/sign-in; send the csrfToken from ' +
          `GET /api/auth/session in the ${CSRF_HEADER} header on every state-changing request. ` +
          'Errors are application/problem+json with a stable code.',
      )
      .setVersion('0.1.0')
      .addCookieAuth('sip.sid')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(openApi), { jsonDocumentUrl: 'api/docs/openapi.json' });

  assertEveryRouteDeclared(app);
  return app;
}
