export const BODY_LIMIT_BYTES: number;
export const FORWARDED_HEADERS: string[];
export const RELAYED_HEADER: string;
export function relayedByProxy(headers: Record<string, string | string[] | undefined>): boolean;
export function trustedHops(value: string | undefined): number;
export function clientIp(forwardedFor: string | string[] | undefined, socketIp: string | undefined, hops: number): string;
export function maybeServerAction(method: string | undefined, headers: Record<string, string | string[] | undefined>): boolean;
export function sameOrigin(origin: string | undefined, host: string | undefined, configuredOrigin: string | null): boolean;
export function bodyRefusal(method: string | undefined, contentLength: string | undefined, transferEncoding: string | undefined, limit?: number): 411 | 413 | null;
