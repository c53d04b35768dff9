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

/** A method decorator that lets only a handler returning `T` (or a promise of it) through: its value is the body. */
type Returning<T> = <M extends (...args: never[]) => T | Promise<T>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void;

/** The body of a download: its text or bytes. */
type FileBody = string | Uint8Array;

/** A download a handler may answer with instead of JSON: its media type, and when it is sent. */
interface FileAlternative {
  mediaType: string;
  description: string;
}

/**
 * The handler's success response: its zod schema. The document describes the schema's output and the handler's
 * value is sent as is, so the handler must return `z.infer<S>` (or a promise of it) — or, given `file`, that or
 * the download's body.
 */
export function ApiReturns<S extends z.ZodType>(schema: S, status?: number): Returning<z.infer<S>>;
export function ApiReturns<S extends z.ZodType>(schema: S, status: number, file: FileAlternative): Returning<z.infer<S> | FileBody>;
export function ApiReturns(schema: z.ZodType, status = 200, file?: FileAlternative): Returning<unknown> {
  const document = applyDecorators(ApiResponse({ status, description: schema.description ?? 'OK', standardSchema: schema }));
  return (target, key, descriptor) => {
    document(target, key, descriptor);
    if (file) contractAt(target, key).files.set(file.mediaType, file.description);
  };
}

/** A success without a body. */
export function ApiNoContent(): MethodDecorator {
  return applyDecorators(ApiResponse({ status: 204, description: 'Done; no body' }));
}

/** A success whose body is only a file of this media type (a download), not JSON; see `ApiReturns` for either. */
export function ApiFile(mediaType: string, description: string): Returning<FileBody> {
  return (target, key) => {
    contractAt(target, key).files.set(mediaType, description);
  };
}
