import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { validationFailed } from './problem.exception';
import { fieldErrorsFromZod } from './problem.filter';

const PART = { body: 'body', query: 'query', param: 'params', custom: 'input' } as const;

/**
 * Parses every body, query and path parameter whose DTO wraps a shared zod schema. Field
 * errors name the request part (`body.name`, `query.limit`, `params.id`), which
 * nestjs-zod's own pipe does not tell us.
 */
@Injectable()
export class SharedSchemaValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // createZodDto classes carry their schema as a static `schema` with `isZodDto` set.
    const dto = metadata.metatype as { isZodDto?: boolean; schema?: ZodType } | undefined;
    if (!dto?.isZodDto || !dto.schema) return value;
    const result = dto.schema.safeParse(value);
    if (!result.success) throw validationFailed(fieldErrorsFromZod(result.error, PART[metadata.type]));
    return result.data;
  }
}
