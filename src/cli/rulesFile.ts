// A rules file (--rules rules.json) read into Rules, or the input error that says why it cannot
// be: not Unicode text, not JSON, far larger than a rule set, or nested far deeper than one
// (JSON.parse takes a million nested arrays, but printing or checking them recursively overflows
// the stack).
import { statSync } from "node:fs";
import type { Issue, Rules } from "../engine/types";

/** A rule set is a few KB. */
const MAX_RULES_BYTES = 1024 * 1024;
/** A rule set nests five levels (rules → awards → award → selection → metric → dimensions). */
const MAX_RULES_DEPTH = 32;

function unreadable(file: string, params: Record<string, string | number>): { issue: Issue } {
  return { issue: { severity: "error", code: "RULES_FILE_UNREADABLE", params: { file, ...params } } };
}

/** True when the value nests deeper than `limit` arrays or objects, found without recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The file's text: UTF-8, with or without the byte order mark Notepad writes, or UTF-16 (Notepad's
 * "Unicode") by its mark. A TypeError when it is none of them, as a file saved as GBK ("ANSI") is not.
 */
function decode(bytes: Buffer): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  return new TextDecoder(encoding, { fatal: true }).decode(bytes);
}

/** Reads the rules file at `path` with `read` (which words the operating system's errors). */
export function readRulesFile(path: string, read: () => Buffer): { rules: Rules } | { issue: Issue } {
  if (statSync(path).size > MAX_RULES_BYTES) return unreadable(path, { reason: "large", limit: MAX_RULES_BYTES / (1024 * 1024) });
  let text: string;
  try {
    text = decode(read());
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return unreadable(path, { reason: "encoding" });
  }
  let rules: unknown;
  try {
    rules = JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return unreadable(path, { reason: "json", detail: e.message });
  }
  if (nestsDeeperThan(rules, MAX_RULES_DEPTH)) return unreadable(path, { reason: "deep", limit: MAX_RULES_DEPTH });
  return { rules: rules as Rules };
}
