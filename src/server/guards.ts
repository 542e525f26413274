import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { MAX_SOURCE_BYTES } from "../engine/index.js";
import { RequestError } from "./case-folder.js";

/** The largest request body: a scenario file's limit, since every body carries one case. */
export const MAX_BODY_BYTES = MAX_SOURCE_BYTES;

/**
 * Refuses requests whose Host is not one of ours. A page on another site can make the browser
 * send requests to 127.0.0.1 through a name it controls (DNS rebinding); the Host header then
 * names that site, so checking it keeps the local server private.
 * @example app.use(hostGuard(["127.0.0.1", "localhost"]))
 */
export function hostGuard(allowedHostNames: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHostNames.map((name) => name.toLowerCase()));
  return async (c, next) => {
    const host = c.req.header("host") ?? "";
    const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
    if (!allowed.has(name.toLowerCase())) return c.json({ message: `this server only answers to ${[...allowed].join(", ")}` }, 403);
    await next();
  };
}

/**
 * Changes must come from our own page: JSON only (another site's form cannot send JSON without
 * the browser asking us first, which we never allow) and, when the browser names the page's
 * origin, the same host.
 */
export const sameOriginJson: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/json\b/i.test(type))
      throw new RequestError(415, `expected a JSON body (Content-Type: application/json), got ${type === "" ? "none" : type}`);
    const origin = c.req.header("origin");
    if (origin !== undefined && origin !== "null") {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        throw new RequestError(403, `the request's origin "${origin}" is not a web address`);
      }
      if (originHost !== c.req.header("host")) throw new RequestError(403, `requests from ${origin} are not allowed; open the app from this server`);
    }
  }
  await next();
};

/** Bodies above the limit are refused before they are read whole. */
export const bodySizeLimit: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) =>
    c.json({ message: `the request is larger than ${MAX_BODY_BYTES / 1_000_000} MB; a scenario file may be at most ${MAX_SOURCE_BYTES / 1_000_000} MB` }, 413),
});

/**
 * Headers that keep the page to its own files. Vega compiles chart expressions with `new Function`,
 * hence 'unsafe-eval'; nothing is ever loaded from another site, so the app works offline.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header(
    "Content-Security-Policy",
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  );
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
  c.header("Cross-Origin-Resource-Policy", "same-origin");
};
