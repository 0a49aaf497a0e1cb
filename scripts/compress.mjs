// Precompresses the static site for a host that serves it as is: every text file and the wasm
// under www/ (or the folders given) gets a .gz and a .br (brotli, quality 11) beside it, which
// scripts/serve.mjs (and hosts such as nginx's gzip_static / brotli_static) send to a browser
// that accepts them. The .gz is written by Zopfli (@gfx/zopfli): a gzip stream any browser
// reads, 6 % smaller than `gzip -9` on the classify module (151.8 KB instead of 161.6 KB),
// because it searches the whole file for the cheapest encoding, which a build can afford and a
// server compressing per request cannot. Brotli is Node's zlib. The copies are build output
// (gitignored); `make web` runs this after building.
//
//   node scripts/compress.mjs [DIR ...]      (default: www)
import { readdirSync, readFileSync, writeFileSync, statSync, existsSync, unlinkSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
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

/** Zopfli's passes per block: 15, its own default, is where larger counts stop paying here. */
const ZOPFLI_ITERATIONS = 15;

/** Writes the .gz and .br of one file unless both are newer than it; returns their sizes. */
export async function compressFile(file) {
  const mtime = statSync(file).mtimeMs;
  const fresh = (p) => existsSync(p) && statSync(p).mtimeMs >= mtime;
  const data = readFileSync(file);
  if (!fresh(`${file}.gz`)) writeFileSync(`${file}.gz`, await gzipAsync(data, { numiterations: ZOPFLI_ITERATIONS }));
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
export async function compressDir(dir) {
  let count = 0;
  for (const file of files(dir)) {
    const ext = path.extname(file);
    if (ext === '.gz' || ext === '.br') {
      if (!existsSync(file.slice(0, -ext.length))) unlinkSync(file);
      continue;
    }
    if (!COMPRESSIBLE.has(ext)) continue;
    await compressFile(file);
    count++;
  }
  return count;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  for (const dir of dirs.length ? dirs : [path.join(ROOT, 'www')]) {
    console.log(`compress: ${await compressDir(dir)} files in ${path.relative(ROOT, dir) || '.'} (.gz and .br beside each)`);
  }
}
