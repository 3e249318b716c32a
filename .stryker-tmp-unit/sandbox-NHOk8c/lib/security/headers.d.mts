// @ts-nocheck
export declare const STATIC_SECURITY_HEADERS: { key: string; value: string }[];
export declare function contentSecurityPolicy(options?: { nonce?: string; dev?: boolean }): string;
