import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import type { ErrorCode } from '#libs/errors';

/**
 * What the OpenAPI document says about each handler beyond its schemas: the error codes it answers with and
 * whether it needs a bearer token. Keyed by Swagger's operation id (`Controller_method`); a class-level entry
 * applies to each of its handlers. Read by `buildOpenApiDocument`.
 */
interface Contract {
  errors: Set<ErrorCode>;
  public: boolean;
  /** Media types the success response may also be sent as (a download), besides JSON. */
  files: Map<string, string>;
}
const contracts = new Map<string, Contract>();

function contractAt(target: object, key?: string | symbol): Contract {
  const className = key === undefined ? (target as { name: string }).name : target.constructor.name;
  const id = key === undefined ? className : `${className}_${String(key)}`;
  let contract = contracts.get(id);
  if (!contract) contracts.set(id, (contract = { errors: new Set(), public: false, files: new Map() }));
  return contract;
}

/** The contract of one operation: its handler's entry merged with its controller's. */
export function contractOf(operationId: string): { errors: ErrorCode[]; public: boolean; files: [string, string][] } {
  const method = contracts.get(operationId);
  const klass = contracts.get(operationId.slice(0, operationId.indexOf('_')));
  return {
    errors: [...new Set([...(klass?.errors ?? []), ...(method?.errors ?? [])])],
    public: Boolean(klass?.public || method?.public),
    files: [...(method?.files ?? [])],
  };
}

/** Documents the domain error codes a handler (or every handler of a controller) may answer with. */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol) => {
    const contract = contractAt(target, key);
    for (const code of codes) contract.errors.add(code);
  };
}

/** Documents a handler (or controller) that needs no bearer token; `Public()` of libs/auth applies it. */
export function ApiPublic(): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol) => {
    contractAt(target, key).public = true;
  };
}

/** The handler's success response: its zod schema (the handler's return type must fit `z.infer` of it). */
export function ApiReturns(schema: z.ZodType, status = 200): MethodDecorator {
  return applyDecorators(ApiResponse({ status, description: schema.description ?? 'OK', standardSchema: schema }));
}

/** A success without a body. */
export function ApiNoContent(): MethodDecorator {
  return applyDecorators(ApiResponse({ status: 204, description: 'Done; no body' }));
}

/** A success whose body is a file of this media type (a download), not JSON; beside `ApiReturns`, an alternative to it. */
export function ApiFile(mediaType: string, description: string): MethodDecorator {
  return (target: object, key: string | symbol) => {
    contractAt(target, key).files.set(mediaType, description);
  };
}
