import type { IncomingMessage, ServerResponse } from "node:http";

export function acceptsGzip(header: string | string[] | undefined): boolean;
export class GzipParts {
  constructor(level?: number);
  part(data: Buffer, last?: boolean): Buffer;
}
export function compressResponses(options?: { level?: number }): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
