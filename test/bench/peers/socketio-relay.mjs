// The floor: socket.io relaying Yjs updates to the other members of a room. No auth, no
// policy, no validation, no storage — what any co-editing server costs at the least.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('join', (room) => socket.join(room));
  socket.on('u', (room, data) => socket.to(room).emit('u', room, data));
});
http.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
