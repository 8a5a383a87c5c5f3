import net from 'node:net';

// Any connection to a host outside this machine is a bug in a test: fail loudly.
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied with the socket as `this` below
const original = net.Socket.prototype.connect;
const local = /^(127\.|::1$|localhost$|::ffff:127\.)/;
net.Socket.prototype.connect = function patched(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string;
  const host =
    typeof first === 'object' && first !== null
      ? first.path
        ? 'localhost'
        : (first.host ?? 'localhost')
      : typeof args[1] === 'string'
        ? args[1]
        : 'localhost';
  if (!local.test(host)) throw new Error(`Test tried to reach ${host}: tests must not use the network`);
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
};
