import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { validationFailed } from './problem.exception';
import { canonicalInput } from './canonical-input';
import { fieldErrorsFromZod } from './problem.filter';

const PART = { body: 'body', query: 'query', param: 'params', custom: 'input' } as const;

/**
 * Parses every body, query and path parameter whose DTO wraps a shared zod schema. Field
 * errors name the request part (`body.name`, `query.limit`, `params.id`), which
 * nestjs-zod's own pipe does not tell us. Ids are lower-cased and control characters refused
 * first (canonical-input.ts).
 */
@Injectable()
export class SharedSchemaValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // createZodDto classes carry their schema as a static `schema` with `isZodDto` set.
    const dto = metadata.metatype as { isZodDto?: boolean; schema?: ZodType } | undefined;
    if (!dto?.isZodDto || !dto.schema) return value;
    const canonical = canonicalInput(value, PART[metadata.type]);
    if ('errors' in canonical) throw validationFailed(canonical.errors);
    const result = dto.schema.safeParse(canonical.value);
    if (!result.success) throw validationFailed(fieldErrorsFromZod(result.error, PART[metadata.type]));
    return result.data;
  }
}
