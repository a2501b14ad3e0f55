import { describe, expect, it } from 'vitest';
import { bodyParserProblem } from './problem.filter';

// The shapes body-parser and raw-body hand on; the integration tests in
// test/integration/body-parsing.test.ts send the ones a client can cause over HTTP.
const bodyParserError = (fields: Record<string, unknown>) => Object.assign(new Error('refused'), { expose: true, ...fields });

describe('bodyParserProblem', () => {
  it.each([
    [{ type: 'entity.parse.failed', status: 400 }, 400, 'malformed_json'],
    [{ type: 'entity.too.large', status: 413 }, 413, 'payload_too_large'],
    [{ type: 'encoding.unsupported', status: 415 }, 415, 'unsupported_content_encoding'],
    [{ type: 'charset.unsupported', status: 415 }, 415, 'unsupported_charset'],
    [{ type: 'request.aborted', code: 'ECONNABORTED', status: 400 }, 400, 'incomplete_body'],
    // Node's HTTP parser holds a body to its Content-Length, so this cannot be sent over HTTP.
    [{ type: 'request.size.invalid', status: 400 }, 400, 'incomplete_body'],
    [{ type: 'entity.verify.failed', status: 403 }, 403, 'forbidden'],
    [{ code: 'Z_DATA_ERROR', errno: -3, status: 400 }, 400, 'malformed_compressed_body'],
    [{ code: 'Z_BUF_ERROR', errno: -5, status: 400 }, 400, 'malformed_compressed_body'],
    [{ code: 'ERR__ERROR_FORMAT_PADDING_2', errno: -15, status: 400 }, 400, 'malformed_compressed_body'],
  ])('%o is %i %s', (fields, status, code) => {
    expect(bodyParserProblem(bodyParserError(fields))).toEqual({ status, code });
  });

  it.each([
    // Server code read the body before the parser did: our bug, left to be a 500.
    { type: 'stream.encoding.set', status: 500 },
    { type: 'stream.not.readable', status: 500 },
    // A zlib error that body-parser did not mark as the client's.
    { code: 'Z_DATA_ERROR', errno: -3 },
    { code: 'ECONNREFUSED' },
  ])('leaves %o to the generic 500', (fields) => {
    expect(bodyParserProblem(bodyParserError(fields))).toBeUndefined();
    expect(bodyParserProblem(null)).toBeUndefined();
  });
});
