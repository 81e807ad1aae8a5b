#!/usr/bin/env node
// Keeps src/domain pure: no I/O, no clock, no randomness, no framework, no server/web/cli code.
// Usage: node scripts/check-domain-purity.js [dir]   (default: src/domain next to this script)
// Exits 1 and lists file:line for every violation. Comments are ignored; strings are not
// (an import specifier is a string).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const domainDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'src/domain'));
const srcDir = path.resolve(domainDir, '..');

const BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, '')));

/** Packages that mean I/O or a framework. A name matches itself and its subpaths. */
const BANNED_PACKAGES = [
  'kysely',
  'fastify',
  '@fastify/',
  'react',
  'react-dom',
  'pg',
  'pg-',
  'better-sqlite3',
  'nodemailer',
  'exceljs',
  'csv-parse',
  'csv-stringify',
  'undici',
  'axios',
];

/** Folders of src/ the domain must not reach into. */
const BANNED_DIRS = ['server', 'web', 'cli'];

const BANNED_USES = [
  { re: /\bDate\s*\.\s*now\s*\(/, message: 'Date.now() reads the clock; take the time as a parameter' },
  {
    re: /\bnew\s+Date\s*(\(\s*\)|(?![\s(]))/,
    message: 'new Date() without an argument reads the clock; take the time as a parameter',
  },
  { re: /(?<![\w$.]|new\s)Date\s*\(\s*\)/, message: 'Date() reads the clock' },
  { re: /\bMath\s*\.\s*random\b/, message: 'Math.random is randomness; take random values as a parameter' },
  {
    re: /\bcrypto\s*\.\s*(randomUUID|getRandomValues)\b/,
    message: 'crypto randomness; take ids as a parameter',
  },
  { re: /\bperformance\s*\.\s*now\s*\(/, message: 'performance.now() reads the clock' },
  { re: /(?<![\w$.])process\s*\./, message: 'process.* is environment/I/O; pass values in' },
  { re: /(?<![\w$])fetch\s*\(/, message: 'fetch() is I/O' },
];

const IMPORT_RES = [
  /\b(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
  /\bimport\s*(['"])([^'"]+)\1/g,
  /\bimport\s*\(\s*(['"])([^'"]+)\1/g,
  /\brequire\s*\(\s*(['"])([^'"]+)\1/g,
];

/** Replaces comments with spaces (keeping newlines so line numbers stay right). */
export function stripComments(text) {
  let out = '';
  let i = 0;
  let quote = null;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote || (c === '\n' && quote !== '`')) {
        quote = null;
      }
      i += 1;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i += 1;
      }
      continue;
    }
    if (c === '/' && next === '*') {
      out += '  ';
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) {
        out += text[i] === '\n' ? '\n' : ' ';
        i += 1;
      }
      out += '  ';
      i += 2;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      quote = c;
    }
    out += c;
    i += 1;
  }
  return out;
}

function lineOf(text, index) {
  let line = 1;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
    }
  }
  return line;
}

function bannedImport(specifier, file) {
  if (specifier.startsWith('node:')) {
    return `imports ${specifier} (Node built-in)`;
  }
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = path.resolve(path.dirname(file), specifier);
    for (const dir of BANNED_DIRS) {
      const banned = path.join(srcDir, dir);
      if (target === banned || target.startsWith(banned + path.sep)) {
        return `imports ${specifier} (src/${dir} is outside the domain's reach)`;
      }
    }
    return null;
  }
  if (/^(src\/)?(server|web|cli)(\/|$)/.test(specifier)) {
    return `imports ${specifier} (server/web/cli code)`;
  }
  const root = specifier.split('/')[0];
  if (BUILTINS.has(specifier) || BUILTINS.has(root)) {
    return `imports ${specifier} (Node built-in)`;
  }
  for (const banned of BANNED_PACKAGES) {
    const matches =
      banned.endsWith('/') || banned.endsWith('-')
        ? specifier.startsWith(banned)
        : specifier === banned || specifier.startsWith(`${banned}/`);
    if (matches) {
      return `imports ${specifier} (I/O or framework package)`;
    }
  }
  return null;
}

export function checkSource(text, file) {
  const problems = [];
  const code = stripComments(text);
  for (const re of IMPORT_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m !== null; m = re.exec(code)) {
      const why = bannedImport(m[2], file);
      if (why) {
        problems.push({ line: lineOf(code, m.index), message: why });
      }
    }
  }
  code.split('\n').forEach((line, index) => {
    for (const { re, message } of BANNED_USES) {
      if (re.test(line)) {
        problems.push({ line: index + 1, message });
      }
    }
  });
  return problems.sort((a, b) => a.line - b.line);
}

function listFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      files.push(...listFiles(full));
    } else if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(name)) {
      files.push(full);
    }
  }
  return files;
}

function main() {
  let files;
  try {
    files = listFiles(domainDir);
  } catch (error) {
    console.error(`check-domain-purity: cannot read ${domainDir}: ${error.message}`);
    process.exit(2);
  }
  let count = 0;
  for (const file of files.sort()) {
    for (const { line, message } of checkSource(readFileSync(file, 'utf8'), file)) {
      console.error(`${path.relative(process.cwd(), file)}:${line}: ${message}`);
      count += 1;
    }
  }
  if (count > 0) {
    console.error(
      `check-domain-purity: ${count} violation(s) in ${path.relative(process.cwd(), domainDir) || '.'}`,
    );
    process.exit(1);
  }
  console.log(
    `check-domain-purity: ${files.length} files in ${path.relative(process.cwd(), domainDir) || '.'} are pure`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
