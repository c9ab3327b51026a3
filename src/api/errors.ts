// Errors as the API returns them: a JSON body with a message and, for bad input, the parameter at
// fault. Client errors say what was wrong; server errors say only that something failed (the
// details go to the server log, never a stack trace to the client).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  parameter?: string;
}

/** An error a handler throws on purpose, with the status and the parameter to report. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const contextName: Record<string, string> = {
  querystring: 'query parameter',
  params: 'path parameter',
  body: 'body field',
  headers: 'header',
};

/** The parameter an ajv issue is about: the path's last segment, or the missing/extra property. */
function issueParameter(issue: AjvIssue): string | undefined {
  const p = issue.params ?? {};
  if (typeof p.missingProperty === 'string') return p.missingProperty;
  if (typeof p.additionalProperty === 'string') return p.additionalProperty;
  const path = issue.instancePath ?? '';
  if (path === '') return undefined;
  return path.split('/').filter(Boolean).join('.');
}

function describe(issue: AjvIssue, parameter: string | undefined, context: string): string {
  const where = contextName[context] ?? context;
  const p = issue.params ?? {};
  if (issue.keyword === 'additionalProperties') return `unknown ${where} "${parameter}"`;
  if (issue.keyword === 'required') return `missing ${where} "${parameter}"`;
  if (issue.keyword === 'pattern' && typeof p.pattern === 'string')
    return `${where} "${parameter}": must match ${p.pattern}`;
  return `${where} "${parameter ?? '(root)'}": ${issue.message ?? 'invalid'}`;
}

function toErrorBody(err: FastifyError, bodyLimit?: number): ApiErrorBody {
  if (err instanceof ApiError) {
    return {
      statusCode: err.statusCode,
      error: err.message,
      ...(err.parameter ? { parameter: err.parameter } : {}),
    };
  }
  const validation = (err as FastifyError & { validation?: AjvIssue[]; validationContext?: string })
    .validation;
  if (validation && validation.length > 0) {
    const issue = validation[0];
    const context = (err as { validationContext?: string }).validationContext ?? 'request';
    const parameter = issueParameter(issue);
    return {
      statusCode: 400,
      error: describe(issue, parameter, context),
      ...(parameter ? { parameter } : {}),
    };
  }
  const code = err.code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return {
      statusCode: 413,
      error: `request body too large${bodyLimit ? `: this route accepts at most ${bodyLimit} bytes` : ''}`,
    };
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return { statusCode: status, error: err.message };
  return { statusCode: 500, error: 'internal error: the server could not answer this request' };
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const body = toErrorBody(err, req.routeOptions?.bodyLimit);
  if (body.statusCode >= 500) req.log.error({ err }, 'request failed');
  void reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}
