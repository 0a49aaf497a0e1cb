// Precompresses the static site for a host that serves it as is: every text file and the wasm
// under www/ (or the folders given) gets a .gz (gzip -9) and a .br (brotli, quality 11) beside
// it, which scripts/serve.mjs (and hosts such as nginx's gzip_static / brotli_static) send to a
// browser that accepts them. Node's zlib has both, so no package is needed. The copies are
// build output (gitignored); `make web` runs this after building.
//
//   node scripts/compress.mjs [DIR ...]      (default: www)
import { readdirSync, readFileSync, writeFileSync, statSync, existsSync, unlinkSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What compresses: text and WebAssembly. Images other than SVG are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.wasm', '.json', '.txt', '.md', '.ts', '.xml', '.webmanifest']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

/** Writes the .gz and .br of one file unless both are newer than it; returns their sizes. */
export function compressFile(file) {
  const mtime = statSync(file).mtimeMs;
  const fresh = (p) => existsSync(p) && statSync(p).mtimeMs >= mtime;
  const data = readFileSync(file);
  if (!fresh(`${file}.gz`)) writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  if (!fresh(`${file}.br`)) {
    writeFileSync(`${file}.br`, brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: file.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }));
  }
  return { raw: data.length, gz: statSync(`${file}.gz`).size, br: statSync(`${file}.br`).size };
}

/** Compresses every compressible file under `dir`; drops .gz/.br copies whose original is gone. */
export function compressDir(dir) {
  let count = 0;
  for (const file of files(dir)) {
    const ext = path.extname(file);
    if (ext === '.gz' || ext === '.br') {
      if (!existsSync(file.slice(0, -ext.length))) unlinkSync(file);
      continue;
    }
    if (!COMPRESSIBLE.has(ext)) continue;
    compressFile(file);
    count++;
  }
  return count;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  for (const dir of dirs.length ? dirs : [path.join(ROOT, 'www')]) {
    console.log(`compress: ${compressDir(dir)} files in ${path.relative(ROOT, dir) || '.'} (.gz and .br beside each)`);
  }
}
