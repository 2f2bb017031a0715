// The public APIs, called through this gateway (same origin). Every failure becomes an ApiError
// whose message a person can read: the API's own `detail` (problem+json), math's `error`, or what
// went wrong on the way.
import { session } from "./session.js";

export class ApiError extends Error {
  constructor(message, status, fieldErrors = []) {
    super(message);
    this.status = status;
    this.fieldErrors = fieldErrors;
  }
}

/**
 * Calls the API and returns {body, text, headers, status}: `body` is the parsed JSON, `text` the
 * raw answer (for numbers too big for a JavaScript number). `json` is sent as the request body; the
 * signed-in user's token goes along when `auth` is true.
 */
export async function api(path, { method = "GET", json, auth = false } = {}) {
  const headers = { Accept: "application/json" };
  if (json !== undefined) headers["Content-Type"] = "application/json";
  const token = session.token();
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch {
    throw new ApiError("The server cannot be reached. Check your connection and try again.", 0);
  }
  const text = await response.text();
  const body = parse(response, text);
  if (!response.ok) {
    if (response.status === 401 && auth) session.clear();
    throw new ApiError(messageOf(response, body), response.status, body?.errors ?? []);
  }
  return { body, text, headers: response.headers, status: response.status };
}

function parse(response, text) {
  const type = response.headers.get("Content-Type") || "";
  if (!text || !type.includes("json")) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function messageOf(response, body) {
  if (body?.detail) return body.detail;
  if (body?.error) return body.error;
  if (response.status === 401) return "Please log in first.";
  if (response.status === 403) return "That is not yours to change.";
  if (response.status === 404) return "Not found.";
  if (response.status === 429) return "Too many attempts; wait a little and try again.";
  if (response.status >= 500) return `The service is having trouble (${response.status}); try again shortly.`;
  return `The request failed (${response.status}).`;
}
