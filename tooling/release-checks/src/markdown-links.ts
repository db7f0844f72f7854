// Every relative link in the repository's Markdown must lead to a file of the repository, and
// a `#fragment` into a Markdown file to one of its headings. A reader of a README on npm or
// GitHub cannot open a file outside the repository, so a link that leaves it is an error too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** One link as written in a Markdown file. */
export interface MarkdownLink {
  /** 1-based line of the link. */
  line: number;
  target: string;
}

/** A link that does not resolve, and why. */
export interface BrokenLink {
  /** The Markdown file, relative to the root. */
  file: string;
  line: number;
  target: string;
  reason: string;
}

const SKIPPED_NAMES = new Set(['CHANGELOG.md']);

function markdownIn(dir: string, recursive: boolean): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive && entry.name !== 'node_modules' && entry.name !== 'dist' && !entry.name.startsWith('.'))
        found.push(...markdownIn(path, true));
    } else if (entry.name.endsWith('.md') && !SKIPPED_NAMES.has(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

/**
 * The Markdown a reader of the repository sees: the root's `*.md`, each package's, app's and
 * tool's top-level `*.md`, and everything under `docs/`. CHANGELOGs are generated and skipped.
 */
export function markdownFiles(root: string): string[] {
  const files = markdownIn(root, false);
  for (const group of ['packages', 'apps', 'tooling']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) files.push(...markdownIn(join(dir, entry.name), false));
  }
  files.push(...markdownIn(join(root, 'docs'), true));
  return files.sort();
}

/** The text's lines with fenced code blocks blanked (line count kept), and inline code spans removed unless `keepSpans`. */
function proseOnly(text: string, keepSpans = false): string[] {
  let fence: string | undefined;
  return text.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return keepSpans ? line : line.replace(/(`+)[\s\S]*?\1/g, '');
  });
}

const INLINE_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
const HTML_ATTRIBUTE = /<(?:a|img|source)\b[^>]*?\s(?:href|src)\s*=\s*["']([^"']+)["']/gi;

/** Every link target of a Markdown text (inline links and images, reference definitions, HTML `href`/`src`), outside code. */
export function extractLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  proseOnly(text).forEach((line, i) => {
    for (const m of line.matchAll(INLINE_LINK)) links.push({ line: i + 1, target: m[1] });
    for (const m of line.matchAll(HTML_ATTRIBUTE)) links.push({ line: i + 1, target: m[1] });
    const definition = REFERENCE_DEFINITION.exec(line);
    if (definition) links.push({ line: i + 1, target: definition[1] });
  });
  return links;
}

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
    .replace(/<[^>]+>/g, '') // HTML tags
    .replace(/[`*]/g, '');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a Markdown text defines: its ATX headings (repeats get `-1`, `-2`, …) and HTML `id`/`name`s. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseOnly(text, true)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const slug = headingSlug(heading[1]);
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const m of line.matchAll(/<[a-z]+\b[^>]*\s(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(m[1]);
  }
  return anchors;
}

const isExternal = (target: string): boolean =>
  /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** Checks one link of `file` (absolute path) against the repository at `root`; undefined when it resolves. */
function checkLink(root: string, file: string, target: string): string | undefined {
  if (isExternal(target)) return undefined;
  const hash = target.indexOf('#');
  const pathPart = hash === -1 ? target : target.slice(0, hash);
  const fragment = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
  let path: string;
  try {
    path = decodeURIComponent(pathPart.split('?')[0]);
  } catch {
    return 'is not a valid URL path';
  }
  const resolved =
    path === '' ? file : path.startsWith('/') ? join(root, path) : resolve(dirname(file), path);
  const inside = relative(root, resolved);
  if (inside.startsWith('..') || isAbsolute(inside)) return 'points outside the repository';
  if (!existsSync(resolved)) return 'names no file or folder of the repository';
  if (fragment !== undefined && fragment !== '' && statSync(resolved).isFile() && resolved.endsWith('.md')) {
    if (!headingAnchors(readFileSync(resolved, 'utf8')).has(fragment))
      return `names no heading #${fragment} in ${relative(root, resolved)}`;
  }
  return undefined;
}

/** A mention, in prose or code, of a path into the folder beside the repository (`../shared/…`). */
const SIBLING_FOLDER = /(?:^|[\s(`'"[])(?:\.\.\/)+shared\//;

/** Every broken link in the repository's Markdown, and every mention of a path beside it. */
export function brokenLinks(root: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of markdownFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file);
    for (const { line, target } of extractLinks(text)) {
      const reason = checkLink(root, file, target);
      if (reason) broken.push({ file: name, line, target, reason });
    }
    text.split('\n').forEach((line, i) => {
      const m = SIBLING_FOLDER.exec(line);
      if (m)
        broken.push({
          file: name,
          line: i + 1,
          target: m[0].replace(/^[\s(`'"[]/, ''),
          reason: 'names a path outside the repository',
        });
    });
  }
  return broken;
}
