/** File-system errors in words: a user reads "file not found", not `ENOENT`. */

const WORDS: Record<string, string> = {
  ENOENT: 'file not found',
  ENOTDIR: 'a parent in the path is a file, not a folder',
  EISDIR: 'is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'already exists',
  ELOOP: 'too many symbolic links (a link loop)',
  ENAMETOOLONG: 'name too long',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  EBUSY: 'busy',
  EXDEV: 'on another device',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EINVAL: 'invalid argument',
  EAGAIN: 'not ready (a pipe or device)',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  ENOTEMPTY: 'folder not empty',
  EPIPE: 'broken pipe',
}

/** What went wrong, in words; the code is kept in brackets for a search or a bug report. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code
  if (code && Object.hasOwn(WORDS, code)) return `${WORDS[code]} (${code})`
  return code ?? (e as Error)?.message ?? String(e)
}
