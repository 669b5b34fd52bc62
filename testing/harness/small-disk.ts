/**
 * A real full disk for tests: a small tmpfs mounted in a temporary folder
 * (the tests run as root here), filled with a ballast file until the kernel
 * says ENOSPC, and given its space back by removing it. Unlike a file-size
 * limit (full-disk.test.ts), the space can come back while the core runs.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './test-core';

export interface SmallDisk {
  dir: string;
  /** Fills what is left (ENOSPC from then on). */
  fill(): void;
  /** Gives the ballast's space back. */
  free(): void;
  unmount(): void;
}

export function mountSmallDisk(sizeMb = 16): SmallDisk {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`this test needs a tmpfs of its own (run as root): ${error instanceof Error ? error.message : String(error)}`);
  }
  const ballast = join(dir, 'ballast');
  return {
    dir,
    fill() {
      const fd = openSync(ballast, 'a');
      const chunk = Buffer.alloc(64 * 1024);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      // The last bytes a 64 kB chunk could not take.
      const fd2 = openSync(ballast, 'a');
      try {
        for (;;) writeSync(fd2, Buffer.alloc(512));
      } catch {
        // full
      } finally {
        closeSync(fd2);
      }
    },
    free() {
      rmSync(ballast, { force: true });
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
