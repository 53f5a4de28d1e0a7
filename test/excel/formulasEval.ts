// A tiny evaluator for the formulas the plans write, so a test can check what Excel will compute
// without Excel: numbers, text, cell references and ranges on one sheet, + − × ÷, unary minus,
// comparisons, &, and the functions IF, IFERROR, MIN, MAX, ABS, ISNUMBER, SUMPRODUCT, INDEX,
// MATCH (exact, with Excel's wildcards), SUBSTITUTE, EXACT, ROW, NA; arithmetic on ranges runs cell by
// cell (as inside SUMPRODUCT). Errors are values ("#N/A", "#DIV/0!") as in Excel.

export type Scalar = number | string | boolean | null;
type Value = Scalar | Scalar[][];

/** Reads a cell's value by 0-based row and column; a formula cell's value is its own evaluation. */
export type CellReader = (row: number, col: number) => Scalar;

interface Ref {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NUM!)$/;

/** Not a type guard: an error is a string, but not every string is an error. */
function isError(v: unknown): boolean {
  return typeof v === "string" && ERROR.test(v);
}

function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

type Token = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; v: Ref } | { t: "name"; v: string } | { t: "op"; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') break;
        else s += src[i++];
      }
      i++;
      out.push({ t: "str", v: s });
      continue;
    }
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/.exec(src.slice(i));
    if (ref && !/^[A-Z]+\(/.test(src.slice(i))) {
      const r0 = Number(ref[2]) - 1;
      const c0 = colNumber(ref[1]);
      out.push({ t: "ref", v: { r0, c0, r1: ref[3] ? Number(ref[4]) - 1 : r0, c1: ref[3] ? colNumber(ref[3]) : c0 } });
      i += ref[0].length;
      continue;
    }
    const num = /^\d+(\.\d+)?(E[+-]?\d+)?/i.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Z][A-Z0-9.]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/(),=<>&])/.exec(src.slice(i));
    if (!op) throw new Error(`Cannot read formula at "${src.slice(i)}"`);
    out.push({ t: "op", v: op[0] });
    i += op[0].length;
  }
  return out;
}

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; v: Ref }
  | { k: "neg"; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; name: string; args: Node[] };

/** Precedence climbing with Excel's levels: comparison < & < + − < × ÷ < unary minus. */
function parse(tokens: Token[]): Node {
  let p = 0;
  const peek = (): Token | undefined => tokens[p];
  const isOp = (v: string): boolean => peek()?.t === "op" && peek()!.v === v;
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Error(`Expected ${v}`);
    p++;
  };
  const levels = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"]];
  function binary(level: number): Node {
    if (level === levels.length) return unary();
    let a = binary(level + 1);
    while (peek()?.t === "op" && levels[level].includes(peek()!.v as string)) {
      const op = tokens[p++].v as string;
      a = { k: "bin", op, a, b: binary(level + 1) };
    }
    return a;
  }
  function unary(): Node {
    if (isOp("-")) {
      p++;
      return { k: "neg", a: unary() };
    }
    return primary();
  }
  function primary(): Node {
    const t = tokens[p++];
    if (!t) throw new Error("Unexpected end of formula");
    if (t.t === "num") return { k: "lit", v: t.v };
    if (t.t === "str") return { k: "lit", v: t.v };
    if (t.t === "ref") return { k: "ref", v: t.v };
    if (t.t === "name") {
      expect("(");
      const args: Node[] = [];
      if (!isOp(")")) {
        args.push(binary(0));
        while (isOp(",")) {
          p++;
          args.push(binary(0));
        }
      }
      expect(")");
      return { k: "call", name: t.v, args };
    }
    if (t.v === "(") {
      const e = binary(0);
      expect(")");
      return e;
    }
    throw new Error(`Unexpected ${t.v}`);
  }
  const node = binary(0);
  if (p !== tokens.length) throw new Error("Trailing tokens");
  return node;
}

function scalar(v: Value): Scalar {
  return Array.isArray(v) ? v[0][0] : v;
}

/** A number as arithmetic sees it: a blank is 0, text is #VALUE!. */
function num(v: Scalar): number | string {
  if (isError(v)) return v as string;
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  return "#VALUE!";
}

function wildcard(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i");
}

function compare(op: string, a: Scalar, b: Scalar): boolean {
  const an = a === null ? (typeof b === "string" ? "" : 0) : a;
  const bn = b === null ? (typeof a === "string" ? "" : 0) : b;
  if (typeof an !== typeof bn) {
    // Excel orders numbers before text before booleans.
    const rank = (v: Scalar): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
    return ["<>", "<", "<="].includes(op) ? (op === "<>" ? true : rank(an) < rank(bn)) : op === ">" || op === ">=" ? rank(an) > rank(bn) : false;
  }
  const x = typeof an === "string" ? an.toLowerCase() : an;
  const y = typeof bn === "string" ? bn.toLowerCase() : bn;
  switch (op) {
    case "=":
      return x === y;
    case "<>":
      return x !== y;
    case "<":
      return x! < y!;
    case ">":
      return x! > y!;
    case "<=":
      return x! <= y!;
    default:
      return x! >= y!;
  }
}

export function evaluateFormula(formula: string, read: CellReader): Scalar {
  const tree = parse(tokenize(formula.replace(/^=/, "")));
  const rangeValues = (r: Ref): Scalar[][] => {
    const out: Scalar[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const line: Scalar[] = [];
      for (let col = r.c0; col <= r.c1; col++) line.push(read(row, col));
      out.push(line);
    }
    return out;
  };
  const ev = (n: Node): Value => {
    switch (n.k) {
      case "lit":
        return n.v;
      case "ref":
        return n.v.r0 === n.v.r1 && n.v.c0 === n.v.c1 ? read(n.v.r0, n.v.c0) : rangeValues(n.v);
      case "neg": {
        const a = num(scalar(ev(n.a)));
        return typeof a === "string" ? a : -a;
      }
      case "bin": {
        const va = ev(n.a);
        const vb = ev(n.b);
        // Inside SUMPRODUCT a range is an array, and arithmetic runs cell by cell.
        if (Array.isArray(va) || Array.isArray(vb)) {
          const rows = Array.isArray(va) ? va : (vb as Scalar[][]);
          const at = (v: Value, r: number, c: number): Scalar => (Array.isArray(v) ? v[r][c] : v);
          return rows.map((row, r) => row.map((_, c) => binary(n.op, at(va, r, c), at(vb, r, c))));
        }
        return binary(n.op, va, vb);
      }
      case "call":
        return call(n.name, n.args);
    }
  };
  const binary = (op: string, a: Scalar, b: Scalar): Scalar => {
    if (isError(a)) return a;
    if (isError(b)) return b;
    if (op === "&") return `${a ?? ""}${b ?? ""}`;
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) return compare(op, a, b);
    const x = num(a);
    const y = num(b);
    if (typeof x === "string") return x;
    if (typeof y === "string") return y;
    if (op === "+") return x + y;
    if (op === "-") return x - y;
    if (op === "*") return x * y;
    return y === 0 ? "#DIV/0!" : x / y;
  };
  const numbers = (args: Node[]): number[] | string => {
    const out: number[] = [];
    for (const a of args) {
      const v = ev(a);
      if (Array.isArray(v)) {
        for (const row of v) for (const c of row) if (typeof c === "number") out.push(c);
        continue;
      }
      const x = num(v);
      if (typeof x === "string") return x;
      out.push(x);
    }
    return out;
  };
  const call = (name: string, args: Node[]): Value => {
    switch (name) {
      case "IF": {
        const c = scalar(ev(args[0]));
        if (isError(c)) return c;
        return c === true || (typeof c === "number" && c !== 0) ? ev(args[1]) : args.length > 2 ? ev(args[2]) : false;
      }
      case "IFERROR": {
        const v = scalar(ev(args[0]));
        return isError(v) ? ev(args[1]) : v;
      }
      case "ISNUMBER":
        return typeof scalar(ev(args[0])) === "number";
      case "MIN":
      case "MAX": {
        const xs = numbers(args);
        if (typeof xs === "string") return xs;
        return xs.length === 0 ? 0 : name === "MIN" ? Math.min(...xs) : Math.max(...xs);
      }
      case "ABS": {
        const v = ev(args[0]);
        if (Array.isArray(v)) return v.map((row) => row.map((c) => (typeof c === "number" ? Math.abs(c) : isError(c) ? c : 0)));
        const x = num(v);
        return typeof x === "string" ? x : Math.abs(x);
      }
      case "SUMPRODUCT": {
        const v = ev(args[0]);
        const cells = Array.isArray(v) ? v.flat() : [v];
        let sum = 0;
        for (const c of cells) {
          if (isError(c)) return c;
          if (typeof c === "number") sum += c;
        }
        return sum;
      }
      case "INDEX": {
        const v = ev(args[0]);
        const k = num(scalar(ev(args[1])));
        if (typeof k === "string") return k;
        const cells = Array.isArray(v) ? v : [[v]];
        const row = cells[k - 1];
        return row === undefined || k < 1 ? "#REF!" : (row[0] ?? null);
      }
      case "MATCH": {
        const wanted = scalar(ev(args[0]));
        if (isError(wanted)) return wanted;
        const v = ev(args[1]);
        const cells = (Array.isArray(v) ? v : [[v]]).map((row) => row[0]);
        const pattern = typeof wanted === "string" ? wildcard(wanted) : null;
        const at = cells.findIndex((c) => (pattern ? typeof c === "string" && pattern.test(c) : c === wanted));
        return at < 0 ? "#N/A" : at + 1;
      }
      case "SUBSTITUTE": {
        const [text, from, to] = args.map((a) => scalar(ev(a)));
        if (isError(text)) return text;
        return String(text ?? "").split(String(from)).join(String(to));
      }
      case "EXACT": {
        const [a, b] = args.map((x) => ev(x));
        const same = (x: Scalar, y: Scalar): Scalar => (isError(x) ? x : isError(y) ? y : String(x ?? "") === String(y ?? ""));
        if (Array.isArray(a)) return a.map((row) => row.map((c) => same(c, scalar(b))));
        return same(a, scalar(b));
      }
      case "ROW": {
        const ref = args[0];
        if (ref.k !== "ref") throw new Error("ROW takes a reference");
        return Array.from({ length: ref.v.r1 - ref.v.r0 + 1 }, (_, k) => [ref.v.r0 + k + 1]);
      }
      case "NA":
        return "#N/A";
      default:
        throw new Error(`The test evaluator has no ${name}`);
    }
  };
  return scalar(ev(tree));
}

/**
 * Every cell's value on a sheet given as values plus formulas (by "row,col"), formulas evaluated on
 * demand from the cells they read.
 */
export function sheetReader(values: ReadonlyArray<ReadonlyArray<Scalar>>, formulas: ReadonlyMap<string, string>): CellReader {
  const cache = new Map<string, Scalar>();
  const read: CellReader = (row, col) => {
    const key = `${row},${col}`;
    const formula = formulas.get(key);
    if (formula === undefined) {
      const v = values[row]?.[col];
      return v === undefined || v === "" ? null : v;
    }
    if (!cache.has(key)) cache.set(key, evaluateFormula(formula, read));
    return cache.get(key)!;
  };
  return read;
}
