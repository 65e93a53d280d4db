// systemd notification protocol (sd_notify(3)): newline-separated VAR=VALUE assignments in one datagram
// to the AF_UNIX socket named by $NOTIFY_SOCKET (a path, or "@name" for the abstract namespace).
//
// How the datagram is sent, and why. With Type=notify and the default NotifyAccess=main, systemd accepts a
// message only when the kernel-attached sender credentials (SCM_CREDENTIALS) name the main PID, i.e. this
// Node process. Node has no AF_UNIX datagram socket in core (dgram does udp4/udp6 only; net does streams,
// and connecting a stream socket to a datagram socket fails with EPROTOTYPE). The choices were:
//  - `unix-dgram` / `sd-notify` / `sd-daemon` (npm): native addons compiled at install time, the last two
//    against libsystemd (libsystemd-dev headers); nan-based builds are tied to one Node ABI.
//  - spawning `systemd-notify`: the sender is the child, not the main PID. As root it passes the parent's
//    PID in SCM_CREDENTIALS (CAP_SYS_ADMIN lets it), so NotifyAccess=main works; without that privilege it
//    needs NotifyAccess=all, and systemd may drop a message whose sender has already exited (it resolves
//    the sender's unit from /proc after the fact; newer systemd-notify waits with a BARRIER=1 round trip).
//  - koffi (npm): a foreign function interface shipped as prebuilt N-API binaries per platform (no
//    compiler, no system headers, one binary for every Node version), calling socket(2) and sendto(2) in
//    libc from this very process.
// We use koffi: the datagram leaves the main PID itself, with any privilege, any NotifyAccess and any
// systemd version, and abstract sockets are a matter of the address bytes. It is loaded only when
// NOTIFY_SOCKET is set. If it cannot be loaded (a platform without a prebuilt binary), we fall back to
// spawning systemd-notify and say so once on stderr. docs/helper/sd-notify.md has the long form.
import { oneLine } from '../errors.js';

/** Sends one notification datagram. */
export interface NotifyTransport {
  readonly kind: 'datagram' | 'systemd-notify';
  /** Resolves once sent; rejects with the reason it could not be. */
  send(message: string): Promise<void>;
  close(): void;
}

export interface NotifySettings {
  /** As in $NOTIFY_SOCKET: an absolute path or "@abstract-name". */
  readonly socket: string;
  /** Watchdog timeout in microseconds ($WATCHDOG_USEC), when the watchdog is ours. */
  readonly watchdogUsec?: number;
}

export type TransportChoice = 'auto' | 'datagram' | 'systemd-notify';

export interface NotifierOptions {
  readonly log: (line: string) => void;
  /** Which transport to use; default "auto" (datagram, else systemd-notify). */
  readonly transport?: TransportChoice;
  /** Path or name of systemd-notify for the fallback; default "systemd-notify" on PATH. */
  readonly systemdNotify?: string;
}

const ENV_KEYS = ['NOTIFY_SOCKET', 'WATCHDOG_USEC', 'WATCHDOG_PID'] as const;

/**
 * Returns the notification settings from `env` (undefined when not started by systemd with
 * Type=notify, or when the socket is of a kind we cannot address) and removes the variables from `env`, so
 * hooks and other children do not inherit them (sd_notify's unset_environment). `pid` is ours: a
 * WATCHDOG_PID naming another process means the watchdog is not ours (sd_watchdog_enabled(3)).
 */
export function takeNotifySettings(
  env: NodeJS.ProcessEnv,
  pid: number,
  log: (line: string) => void,
): NotifySettings | undefined {
  const socket = env['NOTIFY_SOCKET'];
  const usecText = env['WATCHDOG_USEC'];
  const watchdogPid = env['WATCHDOG_PID'];
  for (const key of ENV_KEYS) Reflect.deleteProperty(env, key);
  if (socket === undefined || socket === '') return undefined;
  if (!socket.startsWith('/') && !socket.startsWith('@')) {
    // systemd 253+ can also name an AF_VSOCK address ("vsock:CID:PORT") for VMs; not supported here.
    log(
      `sd_notify: NOTIFY_SOCKET ${JSON.stringify(socket)} is neither a path nor an abstract socket; not notifying`,
    );
    return undefined;
  }
  const usec = usecText === undefined ? undefined : Number(usecText);
  const ours = watchdogPid === undefined || watchdogPid === '' || Number(watchdogPid) === pid;
  const watchdogUsec =
    usec !== undefined && Number.isSafeInteger(usec) && usec > 0 && ours ? usec : undefined;
  if (usecText !== undefined && watchdogUsec === undefined && ours) {
    log(`sd_notify: WATCHDOG_USEC ${JSON.stringify(usecText)} is not a positive integer; watchdog disabled`);
  }
  return { socket, ...(watchdogUsec === undefined ? {} : { watchdogUsec }) };
}

/** Returns the sockaddr_un bytes for `socket` ("@name" → abstract: leading NUL, no terminator). */
export function socketAddress(socket: string): Buffer {
  const abstract = socket.startsWith('@');
  const name = abstract
    ? Buffer.concat([Buffer.from([0]), Buffer.from(socket.slice(1))])
    : Buffer.from(socket);
  // sun_path holds 108 bytes on Linux, including the terminating NUL of a path name.
  if (name.length > (abstract ? 108 : 107)) {
    throw new Error(`NOTIFY_SOCKET ${JSON.stringify(socket)} is longer than sun_path allows`);
  }
  const address = Buffer.alloc(2 + name.length + (abstract ? 0 : 1));
  address.writeUInt16LE(AF_UNIX, 0);
  name.copy(address, 2);
  return address;
}

const AF_UNIX = 1;
const SOCK_DGRAM = 2;
const SOCK_CLOEXEC = 0o2000000;
const MSG_DONTWAIT = 0x40;
const MSG_NOSIGNAL = 0x4000;

interface Libc {
  socket(domain: number, type: number, protocol: number): number;
  sendto(fd: number, buf: Buffer, len: number, flags: number, addr: Buffer, addrlen: number): number;
  close(fd: number): number;
  strerror(errnum: number): string;
  errno(): number;
}

/** Returns a transport that sends from this process through socket(2)/sendto(2) via koffi. */
export async function datagramTransport(socket: string): Promise<NotifyTransport> {
  const address = socketAddress(socket);
  const koffi = (await import('koffi')).default;
  // null: the symbols already loaded into this process (Node links libc), glibc or musl alike.
  const self = koffi.load(null);
  const libc: Libc = {
    socket: self.func('int socket(int domain, int type, int protocol)') as Libc['socket'],
    sendto: self.func(
      'intptr_t sendto(int fd, const void *buf, size_t len, int flags, const void *addr, uint32_t addrlen)',
    ) as Libc['sendto'],
    close: self.func('int close(int fd)') as Libc['close'],
    strerror: self.func('const char *strerror(int errnum)') as Libc['strerror'],
    errno: () => koffi.errno(),
  };
  const fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw new Error(`socket(AF_UNIX, SOCK_DGRAM) failed: ${libc.strerror(libc.errno())}`);
  let open = true;
  return {
    kind: 'datagram',
    send(message) {
      if (!open) return Promise.reject(new Error('the notification socket is closed'));
      const data = Buffer.from(message);
      // Non-blocking: a service manager that stopped reading must not stall the daemon.
      const sent = libc.sendto(fd, data, data.length, MSG_DONTWAIT | MSG_NOSIGNAL, address, address.length);
      if (sent < 0) {
        const errno = libc.errno();
        return Promise.reject(new Error(`sendto ${socket} failed: ${libc.strerror(errno)} (errno ${errno})`));
      }
      return Promise.resolve();
    },
    close() {
      if (!open) return;
      open = false;
      libc.close(fd);
    },
  };
}

/**
 * Returns a transport that runs `systemd-notify VAR=VALUE…` for each message (the fallback; see the
 * file comment for what it needs from the unit).
 */
export function systemdNotifyTransport(socket: string, command = 'systemd-notify'): NotifyTransport {
  return {
    kind: 'systemd-notify',
    async send(message) {
      const { execa } = await import('execa');
      const result = await execa(command, message.split('\n'), {
        env: { NOTIFY_SOCKET: socket },
        extendEnv: false,
        stdin: 'ignore',
        reject: false,
        all: true,
        timeout: 10_000,
      });
      if (result.failed) {
        const said = typeof result.all === 'string' ? oneLine(result.all) : '';
        throw new Error(
          `${command} failed (exit ${String(result.exitCode)})${said === '' ? '' : `: ${said}`}`,
        );
      }
    },
    close() {
      // Nothing held open.
    },
  };
}

/** The daemon's side of sd_notify: READY, STATUS, STOPPING and the watchdog. */
export class Notifier {
  readonly settings: NotifySettings | undefined;
  readonly #transport: NotifyTransport | undefined;
  readonly #log: (line: string) => void;
  #queue: Promise<void> = Promise.resolve();
  #readySent = false;
  #lastStatus: string | undefined;
  #lastError: string | undefined;
  #watchdog: NodeJS.Timeout | undefined;
  #watchdogHealthy = true;

  constructor(
    settings: NotifySettings | undefined,
    transport: NotifyTransport | undefined,
    log: (line: string) => void,
  ) {
    this.settings = settings;
    this.#transport = transport;
    this.#log = log;
  }

  /** True when a service manager listens (NOTIFY_SOCKET was set and usable). */
  get enabled(): boolean {
    return this.#transport !== undefined;
  }

  get transportKind(): NotifyTransport['kind'] | undefined {
    return this.#transport?.kind;
  }

  /** Sends READY=1 (once) with a STATUS= line. */
  ready(status: string): Promise<void> {
    if (this.#readySent) return this.status(status);
    this.#readySent = true;
    this.#lastStatus = oneLine(status);
    return this.#send(`READY=1\nSTATUS=${this.#lastStatus}`);
  }

  /** Sends STATUS= unless it repeats the last one. */
  status(text: string): Promise<void> {
    const line = oneLine(text);
    if (line === this.#lastStatus) return this.#queue;
    this.#lastStatus = line;
    return this.#send(`STATUS=${line}`);
  }

  /** Sends STOPPING=1 with a STATUS= line. */
  stopping(status: string): Promise<void> {
    this.#lastStatus = oneLine(status);
    return this.#send(`STOPPING=1\nSTATUS=${this.#lastStatus}`);
  }

  /**
   * Sends WATCHDOG=1 every half of WATCHDOG_USEC (sd_watchdog_enabled(3) recommends half) while
   * `healthy()` says so; an unhealthy daemon stays silent and systemd's WatchdogSec= restarts it.
   */
  startWatchdog(healthy: () => boolean): void {
    const usec = this.settings?.watchdogUsec;
    if (usec === undefined || this.#transport === undefined || this.#watchdog !== undefined) return;
    const intervalMs = Math.max(1, Math.floor(usec / 2000));
    const tick = (): void => {
      const ok = healthy();
      if (ok !== this.#watchdogHealthy) {
        this.#watchdogHealthy = ok;
        this.#log(
          ok
            ? 'sd_notify: healthy again; watchdog pings resume'
            : 'sd_notify: unhealthy; watchdog pings stop',
        );
      }
      if (ok) void this.#send('WATCHDOG=1');
    };
    tick();
    this.#watchdog = setInterval(tick, intervalMs);
    this.#watchdog.unref();
  }

  /** Stops the watchdog pings (the daemon is shutting down). */
  stopWatchdog(): void {
    if (this.#watchdog !== undefined) clearInterval(this.#watchdog);
    this.#watchdog = undefined;
  }

  /** Stops the watchdog, waits for queued messages and closes the socket. */
  async close(): Promise<void> {
    this.stopWatchdog();
    await this.#queue;
    this.#transport?.close();
  }

  #send(message: string): Promise<void> {
    const transport = this.#transport;
    if (transport === undefined) return Promise.resolve();
    this.#queue = this.#queue.then(async () => {
      try {
        await transport.send(message);
        this.#lastError = undefined;
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        // One line per distinct failure, not one per watchdog tick.
        if (reason !== this.#lastError) this.#log(`sd_notify: ${reason}`);
        this.#lastError = reason;
      }
    });
    return this.#queue;
  }
}

/**
 * Returns the notifier for this process: reads (and unsets) NOTIFY_SOCKET / WATCHDOG_USEC / WATCHDOG_PID
 * from `env` and opens the transport. Without NOTIFY_SOCKET it is a no-op notifier.
 */
export async function createNotifier(
  options: NotifierOptions & { env?: NodeJS.ProcessEnv; pid?: number },
): Promise<Notifier> {
  const settings = takeNotifySettings(options.env ?? process.env, options.pid ?? process.pid, options.log);
  if (settings === undefined) return new Notifier(undefined, undefined, options.log);
  const choice = options.transport ?? 'auto';
  let transport: NotifyTransport | undefined;
  if (choice !== 'systemd-notify') {
    try {
      transport = await datagramTransport(settings.socket);
    } catch (err) {
      const reason = oneLine(err instanceof Error ? err.message : String(err));
      if (choice === 'datagram') {
        options.log(`sd_notify: cannot open the notification socket: ${reason}; not notifying`);
        return new Notifier(settings, undefined, options.log);
      }
      options.log(
        `sd_notify: in-process datagram unavailable (${reason}); falling back to systemd-notify, which needs root or NotifyAccess=all`,
      );
    }
  }
  transport ??= systemdNotifyTransport(settings.socket, options.systemdNotify);
  return new Notifier(settings, transport, options.log);
}
