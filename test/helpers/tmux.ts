import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** A real terminal: a tmux server of its own, driven with send-keys and read with capture-pane. */
export class Terminal {
  private readonly socket = `meetup-note-test-${process.pid}-${randomBytes(3).toString('hex')}`;

  constructor(private readonly env: Record<string, string>) {}

  private tmux(args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-u', ...args], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...this.env },
    });
  }

  /** Starts a shell command; `EXIT:<code>` is printed when it ends and the pane stays open. */
  start(command: string): void {
    this.tmux(['new-session', '-d', '-s', 'main', '-x', '180', '-y', '50', `${command}; echo "EXIT:$?"; sleep 120`]);
  }

  screen(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-t', 'main']);
  }

  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Types text literally, then presses the named keys (Enter, Tab, C-c, Space, Down...). */
  type(text: string, ...keys: string[]): void {
    if (text) this.tmux(['send-keys', '-t', 'main', '-l', text]);
    if (keys.length) this.tmux(['send-keys', '-t', 'main', ...keys]);
  }

  close(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // already gone
    }
  }
}
