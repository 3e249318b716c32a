// @ts-nocheck
import type { IncomingMessage } from "node:http";

export declare function clientAddressOf(req: IncomingMessage, trustProxy?: boolean): string;
export declare function pathDecodes(target: string | undefined): boolean;
