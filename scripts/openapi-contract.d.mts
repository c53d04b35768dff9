export declare const root: string;
export declare const CONTRACT_FILES: { openapi: string; webTypes: string; socketProtocol: string };
export declare function jsonFile(value: unknown): string;
export declare function webApiTypes(document: object): Promise<string>;
export declare function buildDocumentFromDist(): Promise<object>;
export declare function socketProtocolFromDist(): Promise<object>;
