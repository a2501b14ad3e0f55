import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { PLAN_NEED, type PlanNeed, describePlanNeed } from './access/plan-needs.decorator';
import { ROUTE_ACCESS, type RouteAccess, describeRouteAccess } from './common/route-access.decorator';

export interface RouteEntry {
  method: string;
  path: string;
  access: RouteAccess | undefined;
  planNeed?: PlanNeed;
}

const joinPath = (...parts: string[]) =>
  `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;

/** Every HTTP route the application serves, with the audience it declares. */
export function listRoutes(app: INestApplication, globalPrefix = 'api'): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const controllerPath: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
      const classAccess: RouteAccess | undefined = Reflect.getMetadata(ROUTE_ACCESS, controller);
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path: string | undefined = Reflect.getMetadata(PATH_METADATA, handler);
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        routes.push({
          method: RequestMethod[method],
          path: joinPath(globalPrefix, controllerPath, path),
          access: Reflect.getMetadata(ROUTE_ACCESS, handler) ?? classAccess,
          planNeed: Reflect.getMetadata(PLAN_NEED, handler),
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** One line per route, e.g. `POST   /api/organisations  roles:admin`. */
export function describeRoutes(routes: RouteEntry[]): string {
  return routes.map((r) => `${r.method.padEnd(7)}${`${r.path} `.padEnd(44)}${describeRouteAccess(r.access)}${describePlanNeed(r.planNeed)}`).join('\n') + '\n';
}

/** Refuses to start an application with a route that declares no audience. */
export function assertEveryRouteDeclared(app: INestApplication): void {
  const undeclared = listRoutes(app).filter((r) => !r.access);
  if (undeclared.length) {
    throw new Error(`Routes without an access declaration: ${undeclared.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  }
}
