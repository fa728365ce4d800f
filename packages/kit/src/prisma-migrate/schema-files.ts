// A Prisma schema here is a folder of .prisma files, some of them symlinks to files shared across
// services (messaging.prisma). The engine takes the files' text, not a path, so read them all.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type SchemaFile = { path: string; content: string };

/** Every `.prisma` file under `schemaDir` (symlinks followed, subfolders included), sorted by path. */
export async function readSchemaFiles(schemaDir: string): Promise<SchemaFile[]> {
  const files: SchemaFile[] = [];
  for (const name of (await readdir(schemaDir)).sort()) {
    const path = join(schemaDir, name);
    // stat, not the dirent type: a symlink's dirent says "symlink", stat says what it points to.
    const info = await stat(path);
    if (info.isDirectory()) files.push(...(await readSchemaFiles(path)));
    else if (info.isFile() && name.endsWith('.prisma')) {
      files.push({ path, content: await readFile(path, 'utf8') });
    }
  }
  if (files.length === 0) throw new Error(`No .prisma files found in ${schemaDir}`);
  return files;
}
