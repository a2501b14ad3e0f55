export function clientIsStale(root: string): boolean;
export function buildClientIfStale(root: string, log?: (message: string) => void): boolean;
