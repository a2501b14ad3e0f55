// The peer: Hocuspocus, in memory (no persistence extension), as its own process.
import { Server } from '@hocuspocus/server';

const port = Number(process.argv[2]);
const server = new Server({ port, address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write('ready\n');
