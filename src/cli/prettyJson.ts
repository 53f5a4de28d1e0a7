// The text of JSON.stringify(value, null, 2), piece by piece. A 100,000-zone result as one string
// is a few hundred megabytes on top of the objects it is made from; written in pieces, the run's
// memory stays where the rating left it.

const INDENT = "  ";
/** Levels opened here; members deeper down are small and stringified whole. */
const OPENED_LEVELS = 3;

function isOpenable(value: unknown): value is object {
  return value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/** JSON.stringify(value, null, 2) as a sequence of strings whose concatenation is exactly that text. */
export function* prettyJson(value: unknown, depth = 0): Generator<string, void, undefined> {
  if (depth >= OPENED_LEVELS || !isOpenable(value)) {
    // JSON escapes every line break inside a string, so each one in the text is indentation's.
    const text = JSON.stringify(value, null, INDENT) ?? "null";
    yield depth === 0 ? text : text.replace(/\n/g, "\n" + INDENT.repeat(depth));
    return;
  }
  const inner = "\n" + INDENT.repeat(depth + 1);
  const close = "\n" + INDENT.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return yield "[]";
    for (let i = 0; i < value.length; i++) {
      yield (i === 0 ? "[" : ",") + inner;
      // An array's undefined or function member is null in JSON.
      const member: unknown = value[i];
      yield* prettyJson(member === undefined || typeof member === "function" || typeof member === "symbol" ? null : member, depth + 1);
    }
    return yield close + "]";
  }
  const members = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
  if (members.length === 0) return yield "{}";
  for (let i = 0; i < members.length; i++) {
    yield (i === 0 ? "{" : ",") + inner + JSON.stringify(members[i][0]) + ": ";
    yield* prettyJson(members[i][1], depth + 1);
  }
  yield close + "}";
}
