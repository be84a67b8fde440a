// Reads a JSON file and says where it is broken, instead of a bare SyntaxError.
import { readFile } from 'node:fs/promises';
import { InvalidInput } from '../domain/errors.ts';

export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    throw new InvalidInput([code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code || String(err)})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new InvalidInput([`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`]);
  }
}
