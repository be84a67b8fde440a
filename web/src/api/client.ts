// The one way the console talks to the server: JSON, the session cookie, and the CSRF header on changes.
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; body: ErrorBody }
  | { ok: false; status: 0; body: { error: 'offline' } };

export interface ErrorBody {
  error: string;
  retryAfterSeconds?: number;
  problems?: string[];
  [key: string]: unknown;
}

let csrfToken: string | undefined;

/** Set when a session starts or is read back; sent as x-csrf-token on every change. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    return { ok: false, status: 0, body: { error: 'offline' } };
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  const errorBody = isErrorBody(parsed) ? parsed : { error: `http_${response.status}` };
  return { ok: false, status: response.status, body: errorBody };
}

/** Sends a file's bytes as they are (an upload the server judges by its content, not by a type). */
export async function sendBytes<T>(method: 'PUT' | 'POST', path: string, file: Blob): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: file });
  } catch {
    return { ok: false, status: 0, body: { error: 'offline' } };
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  return { ok: false, status: response.status, body: isErrorBody(parsed) ? parsed : { error: `http_${response.status}` } };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}
