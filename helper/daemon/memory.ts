// How the daemon keeps its resident memory flat across rotations (docs/helper/run.md, "Resource use").
//
// - No optimizing compiler (TurboFan): its own code and the code it generates stay out of memory (~6 MB
//   resident with 11 outputs). The mid-tier compiler (Maglev) still compiles the hot paths; a push was
//   measured to cost the same CPU either way. Set when `run` starts, before any code is hot.
// - A full garbage collection after each push has been applied, when Node runs with --expose-gc (the
//   systemd unit sets it in NODE_OPTIONS). Handling a push leaves behind parsed certificates and native
//   memory (keys, buffers) that V8 does not count towards its heap; collected at once, it is reused by the
//   next push instead of growing the process (~10 MB over 40 back-to-back rotations without it; collecting
//   only every few pushes let it grow as far). It runs after the files are written and ends before the next
//   message is read (a background collection slowed the next push instead); pushes are minutes apart.
import { setFlagsFromString } from 'node:v8';

/** Applies the settings above; returns what to call after each push (a no-op without --expose-gc). */
export function tuneForDaemon(): () => void {
  setFlagsFromString('--no-opt');
  const collect = (globalThis as { gc?: () => void }).gc;
  return () => {
    collect?.();
  };
}
