export function buildCli(): Promise<void>;
export function buildCore(outfile?: string): Promise<void>;
