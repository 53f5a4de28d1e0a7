// Which Excel loads the add-in, proved offline: walks the code with the TypeScript compiler, lists
// every Office.js member it uses with the requirement set @types/office-js gives for it, and fails
// when a member above the manifest's minimum is used outside a runtime check that has a fallback.
//
// The convention checked (see README "Which Excel loads it"):
// - A runtime check is a call `isSetSupported("ExcelApi", "1.9")` — Office.context.requirements'
//   own, or an injected `isSetSupported` every production caller wires straight to it — or a
//   capability flag: an interface property every assignment of which in src/ is such a call (or
//   another flag), its version the lowest of them. A flag's declaration carries `@fallback <what
//   happens without it>`.
// - A use is gated when it sits lexically in the `then` of an `if`, the true arm of `?:` or the
//   right of `&&` on such a check (or in the `else` / false arm / right of `||` of its negation),
//   or after an `if (!check) return|throw` in the same block. A gate covers a member of the same
//   set at its version or lower.
// - A direct isSetSupported gate needs a fallback in the code itself: an `else`, a false arm or
//   the early exit.
//
//   npm run api-sets                 the table, one row per use; exit 1 on a violation
//   npm run api-sets -- --markdown   the table grouped by member, as the README shows it
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ts from "typescript";

export interface Requirement {
  set: string;
  version: string;
}

export type Access = "read" | "write" | "call" | "load" | "argument";

export interface Gate {
  requirement: Requirement;
  /** The condition as written, e.g. `caps.printSetup` or `isSetSupported("DialogApi", "1.1")`. */
  by: string;
  /** Where the code goes without it: file:line of the else / early exit, or a flag's @fallback text. */
  fallback?: string;
}

export interface ApiUse {
  /** Namespace-qualified member, e.g. "Excel.Worksheet.pageLayout"; a parameter as "….getUsedRange(valuesOnly)". */
  member: string;
  /** Undefined when the member belongs to no requirement set. */
  requirement?: Requirement;
  /** The requirement text as @types/office-js states it. */
  tag: string;
  access: Access;
  file: string;
  line: number;
  gates: Gate[];
}

export interface ScanResult {
  uses: ApiUse[];
  /** Code the checker cannot vouch for (a load() it cannot read, a mis-wired isSetSupported, …). */
  problems: string[];
}

export interface Violation {
  use: ApiUse;
  reason: string;
}

const ROOT = join(__dirname, "..");
const OFFICE_TYPES = `${sep}@types${sep}office-js${sep}index.d.ts`;
const NAMESPACES = new Set(["Excel", "Office"]);
/** Sets of other Office applications: a member's Outlook or Word requirement says nothing about Excel. */
const OTHER_HOSTS = /^(Mailbox|WordApi|WordApiDesktop|WordApiOnline|WordApiHiddenDocument|PowerPointApi|OneNoteApi|Visio)/;

export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Minimum versions from the manifest's <Requirements><Sets>, by set name. */
export function manifestMinimums(manifestXml: string): Map<string, string> {
  const sets = /<Requirements>[\s\S]*?<Sets\b([^>]*)>([\s\S]*?)<\/Sets>[\s\S]*?<\/Requirements>/.exec(manifestXml);
  const out = new Map<string, string>();
  if (!sets) return out;
  const defaultMin = /DefaultMinVersion="([^"]+)"/.exec(sets[1])?.[1];
  for (const m of sets[2].matchAll(/<Set\b([^>]*)\/?>/g)) {
    const name = /Name="([^"]+)"/.exec(m[1])?.[1];
    const min = /MinVersion="([^"]+)"/.exec(m[1])?.[1] ?? defaultMin;
    if (name && min) out.set(name, min);
  }
  return out;
}

/**
 * The requirement a doc comment states for an access: "[Api set: ExcelApi 1.1 for reading
 * visibility; 1.2 for setting it.]" gives 1.2 to a write; the common API's "**Requirement set**:
 * {@link … | DialogApi 1.1}" is read the same way. Sets of other applications are left out.
 */
export function requirementsIn(doc: string, access: Access): { requirements: Requirement[]; tag: string } {
  const tags: string[] = [];
  const requirements: Requirement[] = [];
  for (const m of doc.matchAll(/\[Api set:\s*([^\]]+)\]/g)) {
    const text = m[1].trim();
    const head = /^(\w+)\s+(\d+(?:\.\d+)*)/.exec(text);
    if (!head || OTHER_HOSTS.test(head[1])) continue;
    tags.push(text);
    let version = head[2];
    const wanted = access === "write" ? /(\d+(?:\.\d+)+) for (?:set|setting)\b/i : /(\d+(?:\.\d+)+) for (?:get|getting|reading)\b/i;
    const qualified = wanted.exec(text);
    if (qualified) version = qualified[1];
    requirements.push({ set: head[1], version });
  }
  // The common API lists its sets after "**Requirement set(s)**:", one link per item; an item that
  // starts with a condition ("- If the `messageOptions` parameter is used, …") is not the member's own.
  const listed = /^\s*\*\s*(?:\*\*Requirement sets?\*\*:\s*|-\s+)\{@link\s+https:\/\/learn\.microsoft\.com\/javascript\/api\/requirement-sets\/[^|}]*\|\s*([A-Za-z]+)(?:\s+(\d+(?:\.\d+)*))?\s*\}/gm;
  for (const m of doc.matchAll(listed)) {
    if (OTHER_HOSTS.test(m[1])) continue;
    // "DialogApi" without a number is the set from its first version on.
    tags.push(m[2] ? `${m[1]} ${m[2]}` : m[1]);
    requirements.push({ set: m[1], version: m[2] ?? "1.1" });
  }
  return { requirements, tag: tags.join("; ") };
}

function isOfficeDeclaration(decl: ts.Declaration): boolean {
  return decl.getSourceFile().fileName.replace(/\//g, sep).endsWith(OFFICE_TYPES) && NAMESPACES.has(topNamespace(decl) ?? "");
}

function topNamespace(node: ts.Node): string | undefined {
  let name: string | undefined;
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) if (ts.isModuleDeclaration(p)) name = p.name.getText();
  return name;
}

/** "Excel.Worksheet.pageLayout", "Office.context", "Office.AddinCommands.Event.completed". */
function memberName(decl: ts.Declaration): string {
  const parts: string[] = [];
  const own = ts.getNameOfDeclaration(decl);
  if (own) parts.unshift(own.getText());
  for (let p: ts.Node | undefined = decl.parent; p; p = p.parent) {
    if (ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isEnumDeclaration(p)) parts.unshift(p.name?.getText() ?? "?");
    else if (ts.isModuleDeclaration(p)) parts.unshift(p.name.getText());
  }
  return parts.join(".");
}

/** The JSDoc text before a declaration, without its @param sections (a parameter's set is its own). */
function docOf(decl: ts.Node): string {
  const text = decl.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, decl.pos) ?? [];
  const last = ranges[ranges.length - 1];
  if (!last) return "";
  return text.slice(last.pos, last.end).split(/\n\s*\*\s*@param\b/)[0];
}

function paramDoc(decl: ts.Declaration, param: ts.ParameterDeclaration): string {
  const text = decl.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, decl.pos) ?? [];
  const last = ranges[ranges.length - 1];
  if (!last) return "";
  const name = param.name.getText();
  const m = new RegExp(`@param\\s+${name}\\b([\\s\\S]*?)(?=\\n\\s*\\*\\s*@|\\*/)`).exec(text.slice(last.pos, last.end));
  return m ? m[1] : "";
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

function stringArg(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  const u = unwrap(e);
  return ts.isStringLiteral(u) || ts.isNoSubstitutionTemplateLiteral(u) ? u.text : undefined;
}

interface Flag {
  requirement: Requirement;
  fallback?: string;
}

class Scanner {
  readonly uses: ApiUse[] = [];
  readonly problems: string[] = [];
  private readonly flags = new Map<ts.Symbol, Flag>();

  constructor(
    private readonly program: ts.Program,
    private readonly files: readonly ts.SourceFile[],
    private readonly root: string,
  ) {}

  private get checker(): ts.TypeChecker {
    return this.program.getTypeChecker();
  }

  private where(node: ts.Node): { file: string; line: number } {
    const sf = node.getSourceFile();
    return { file: relative(this.root, sf.fileName).split(sep).join("/"), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
  }

  private at(node: ts.Node): string {
    const w = this.where(node);
    return `${w.file}:${w.line}`;
  }

  private symbolOf(node: ts.Node): ts.Symbol | undefined {
    const s = this.checker.getSymbolAtLocation(node);
    return s && s.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(s) : s;
  }

  /** Office.context.requirements.isSetSupported itself. */
  private isOfficeCheck(callee: ts.Expression): boolean {
    const decl = this.symbolOf(ts.isPropertyAccessExpression(callee) ? callee.name : callee)?.declarations?.[0];
    return decl !== undefined && isOfficeDeclaration(decl) && memberName(decl) === "Office.RequirementSetSupport.isSetSupported";
  }

  /** An injected check: a parameter or property named isSetSupported, whose every supplier checkWiring vouches for. */
  private isInjectedCheck(callee: ts.Expression): boolean {
    const decl = this.symbolOf(ts.isPropertyAccessExpression(callee) ? callee.name : callee)?.declarations?.[0];
    return decl !== undefined && (ts.isParameter(decl) || ts.isPropertySignature(decl) || ts.isPropertyAssignment(decl)) && decl.name.getText() === "isSetSupported";
  }

  /** The requirement an isSetSupported("Set", "1.x") call checks, if the node is one. */
  private checkCall(e: ts.Expression): Requirement | undefined {
    const u = unwrap(e);
    if (!ts.isCallExpression(u) || !(this.isOfficeCheck(u.expression) || this.isInjectedCheck(u.expression))) return undefined;
    const set = stringArg(u.arguments[0]);
    const version = stringArg(u.arguments[1]);
    return set && version ? { set, version } : undefined;
  }

  /** Office's own check, or an arrow handing its parameters straight to it, or another injected check. */
  private suppliesOfficeCheck(e: ts.Expression): boolean {
    const init = unwrap(e);
    if (this.isOfficeCheck(init) || this.isInjectedCheck(init)) return true;
    return (
      ts.isArrowFunction(init) &&
      ts.isCallExpression(init.body) &&
      this.isOfficeCheck(init.body.expression) &&
      init.body.arguments.length === init.parameters.length &&
      init.body.arguments.every((a, i) => ts.isIdentifier(a) && a.text === init.parameters[i].name.getText())
    );
  }

  /**
   * Every injected isSetSupported in production code is Office's own, so a call to one is a real
   * check. The demo is left out: it runs on the fake Excel, whose answers stand in for Excel's.
   */
  private checkWiring(): void {
    const complain = (node: ts.Node) => this.problems.push(`${this.at(node)}: isSetSupported is wired to something other than Office.context.requirements.isSetSupported`);
    for (const sf of this.files) {
      if (/[\\/]src[\\/]demo[\\/]/.test(sf.fileName)) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node) && node.name.getText() === "isSetSupported" && !this.suppliesOfficeCheck(node.initializer)) complain(node);
        if (ts.isCallExpression(node)) {
          const params = (this.checker.getResolvedSignature(node)?.declaration as ts.SignatureDeclaration | undefined)?.parameters ?? [];
          params.forEach((p, i) => {
            const arg = node.arguments[i];
            if (arg && p.name.getText() === "isSetSupported" && !this.suppliesOfficeCheck(arg)) complain(arg);
          });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }

  /** The property symbol an assignment target or object-literal member stands for. */
  private assignedProperty(node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): ts.Symbol | undefined {
    const literal = node.parent;
    if (!ts.isObjectLiteralExpression(literal)) return undefined;
    const type = this.checker.getContextualType(literal);
    return type ? this.checker.getPropertyOfType(type, node.name.getText()) : undefined;
  }

  /** The flag an expression reads (`caps.printSetup`, `opts.customProperties`), if it is one. */
  private flagOf(e: ts.Expression): Flag | undefined {
    const u = unwrap(e);
    if (!ts.isPropertyAccessExpression(u) && !ts.isIdentifier(u)) return undefined;
    const s = this.symbolOf(ts.isPropertyAccessExpression(u) ? u.name : u);
    return s ? this.flags.get(s) : undefined;
  }

  /**
   * Capability flags: properties whose every assignment in the code is a requirement check of one
   * set, or another flag of it. Found by fixpoint, since flags are passed on (caps → read options).
   */
  private findFlags(): void {
    const assignments = new Map<ts.Symbol, ts.Expression[]>();
    const add = (s: ts.Symbol | undefined, value: ts.Expression): void => {
      if (!s) return;
      const list = assignments.get(s) ?? [];
      list.push(value);
      assignments.set(s, list);
    };
    for (const sf of this.files) {
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node)) add(this.assignedProperty(node), node.initializer);
        else if (ts.isShorthandPropertyAssignment(node)) add(this.assignedProperty(node), node.name);
        else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) add(this.symbolOf(node.left.name), node.right);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const [symbol, values] of assignments) {
        if (this.flags.has(symbol)) continue;
        const found = values.map((v) => this.checkCall(v) ?? this.flagOf(v)?.requirement);
        if (found.some((r) => r === undefined)) continue;
        const reqs = found as Requirement[];
        if (new Set(reqs.map((r) => r.set)).size !== 1) continue;
        const lowest = reqs.reduce((a, b) => (compareVersions(a.version, b.version) <= 0 ? a : b));
        const fallback = this.fallbackTag(symbol) ?? reqs.map((_, i) => this.flagOf(values[i])?.fallback).find((f) => f !== undefined);
        this.flags.set(symbol, fallback === undefined ? { requirement: lowest } : { requirement: lowest, fallback });
        changed = true;
      }
    }
  }

  private fallbackTag(symbol: ts.Symbol): string | undefined {
    const tag = symbol.getJsDocTags(this.checker).find((t) => t.name === "fallback");
    const text = tag?.text?.map((p) => p.text).join("").trim();
    return text ? text : undefined;
  }

  /** Gates known to hold when `e` is true. */
  private whenTrue(e: ts.Expression, fallback: string | undefined): Gate[] {
    const u = unwrap(e);
    if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...this.whenTrue(u.left, fallback), ...this.whenTrue(u.right, fallback)];
    if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken) return this.whenFalse(u.operand, fallback);
    const checked = this.checkCall(u);
    if (checked) return [fallback === undefined ? { requirement: checked, by: u.getText() } : { requirement: checked, by: u.getText(), fallback }];
    const flag = this.flagOf(u);
    if (flag) {
      const why = fallback ?? flag.fallback;
      return [why === undefined ? { requirement: flag.requirement, by: u.getText() } : { requirement: flag.requirement, by: u.getText(), fallback: why }];
    }
    return [];
  }

  /** Gates known to hold when `e` is false. */
  private whenFalse(e: ts.Expression, fallback: string | undefined): Gate[] {
    const u = unwrap(e);
    if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.BarBarToken) return [...this.whenFalse(u.left, fallback), ...this.whenFalse(u.right, fallback)];
    if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken) return this.whenTrue(u.operand, fallback);
    return [];
  }

  private static exits(s: ts.Statement): boolean {
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
    return ts.isBlock(s) && s.statements.length > 0 && Scanner.exits(s.statements[s.statements.length - 1]);
  }

  /** The gates around a use, innermost first. */
  private gatesAt(node: ts.Node): Gate[] {
    const gates: Gate[] = [];
    let child: ts.Node = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      if (ts.isIfStatement(p)) {
        if (child === p.thenStatement) gates.push(...this.whenTrue(p.expression, p.elseStatement ? this.at(p.elseStatement) : undefined));
        else if (child === p.elseStatement) gates.push(...this.whenFalse(p.expression, this.at(p.thenStatement)));
      } else if (ts.isConditionalExpression(p)) {
        if (child === p.whenTrue) gates.push(...this.whenTrue(p.condition, this.at(p.whenFalse)));
        else if (child === p.whenFalse) gates.push(...this.whenFalse(p.condition, this.at(p.whenTrue)));
      } else if (ts.isBinaryExpression(p) && child === p.right) {
        if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) gates.push(...this.whenTrue(p.left, undefined));
        else if (p.operatorToken.kind === ts.SyntaxKind.BarBarToken) gates.push(...this.whenFalse(p.left, undefined));
      }
      if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
        for (const s of p.statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && !s.elseStatement && Scanner.exits(s.thenStatement)) gates.push(...this.whenFalse(s.expression, this.at(s)));
        }
      }
    }
    return gates;
  }

  private record(decl: ts.Declaration, access: Access, at: ts.Node, doc = docOf(decl), member = memberName(decl)): void {
    const { requirements, tag } = requirementsIn(doc, access);
    const gates = this.gatesAt(at);
    const w = this.where(at);
    if (requirements.length === 0) this.uses.push({ member, tag, access, ...w, gates });
    for (const requirement of requirements) this.uses.push({ member, requirement, tag, access, ...w, gates });
  }

  private accessOf(node: ts.PropertyAccessExpression): Access {
    const p = node.parent;
    if (ts.isCallExpression(p) && p.expression === node) return "call";
    if (ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return "write";
    return "read";
  }

  /** load("items/name,items/showTotals"): each path is a use of the members it names. */
  private loadPaths(call: ts.CallExpression, receiver: ts.Expression): void {
    const arg = call.arguments[0];
    if (!arg) return;
    const spec = stringArg(arg);
    if (spec === undefined) {
      this.problems.push(`${this.at(call)}: load() with an argument other than a string literal cannot be checked`);
      return;
    }
    const start = this.checker.getTypeAtLocation(receiver);
    for (const path of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
      let type: ts.Type = start;
      for (const segment of path.split("/")) {
        const prop = this.checker.getPropertyOfType(type, segment);
        const decl = prop?.declarations?.[0];
        if (!prop || !decl) {
          this.problems.push(`${this.at(arg)}: load path "${path}" names no member "${segment}" of ${this.checker.typeToString(type)}`);
          break;
        }
        if (isOfficeDeclaration(decl)) this.record(decl, "load", arg);
        type = this.checker.getTypeOfSymbolAtLocation(prop, arg);
        if (this.checker.isArrayType(type)) type = this.checker.getTypeArguments(type as ts.TypeReference)[0];
      }
    }
  }

  private visitAccess(node: ts.PropertyAccessExpression): void {
    const symbol = this.symbolOf(node.name);
    const access = this.accessOf(node);
    const decl = symbol?.declarations?.[0];
    if (access === "call") {
      const call = node.parent as ts.CallExpression;
      const signature = this.checker.getResolvedSignature(call);
      const method = (signature?.declaration as ts.Declaration | undefined) ?? decl;
      if (!method || !isOfficeDeclaration(method)) return;
      this.record(method, access, node);
      if (node.name.text === "load") this.loadPaths(call, node.expression);
      // A parameter that came later than its method ("valuesOnly … [Api set: ExcelApi 1.2]") counts when passed.
      if (ts.isFunctionLike(method)) {
        method.parameters.forEach((param, i) => {
          if (i >= call.arguments.length) return;
          const doc = paramDoc(method, param);
          if (/\[Api set:/.test(doc)) this.record(method, "argument", call.arguments[i], doc, `${memberName(method)}(${param.name.getText()})`);
        });
      }
      return;
    }
    if (decl && isOfficeDeclaration(decl)) this.record(decl, access, node);
  }

  private visitBinding(node: ts.BindingElement): void {
    const pattern = node.parent;
    if (!ts.isObjectBindingPattern(pattern)) return;
    const name = (node.propertyName ?? node.name).getText();
    const prop = this.checker.getPropertyOfType(this.checker.getTypeAtLocation(pattern), name);
    const decl = prop?.declarations?.[0];
    if (decl && isOfficeDeclaration(decl)) this.record(decl, "read", node);
  }

  /**
   * A dialog page (a module calling messageParent, which only works inside a dialog) runs only
   * where a displayDialogAsync opened it, so it shares the gates every such call has.
   */
  private gateDialogPages(): void {
    const opening = this.uses.filter((u) => u.member === "Office.UI.displayDialogAsync");
    if (opening.length === 0) return;
    const shared = opening[0].gates.filter((g) => opening.every((u) => u.gates.some((h) => h.by === g.by)));
    const pages = new Set(this.uses.filter((u) => u.member === "Office.UI.messageParent").map((u) => u.file));
    const where = [...new Set(opening.map((u) => u.file))].join(", ");
    for (const use of this.uses) {
      if (!pages.has(use.file)) continue;
      for (const g of shared) use.gates.push({ ...g, by: `dialog page, opened in ${where} under ${g.by}` });
    }
  }

  scan(): ScanResult {
    this.checkWiring();
    this.findFlags();
    for (const sf of this.files) {
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node)) this.visitAccess(node);
        else if (ts.isBindingElement(node)) this.visitBinding(node);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    this.gateDialogPages();
    return { uses: this.uses, problems: this.problems };
  }
}

let officeTypes: ts.SourceFile | undefined;

/**
 * The requirement @types/office-js states for a member named as the table names it:
 * "Excel.Worksheet.pageLayout", "Excel.Worksheet.visibility (set)", "Excel.Worksheet.getUsedRange(valuesOnly)".
 */
export function declaredRequirement(member: string): Requirement | undefined {
  const m = /^(\w+)\.(\w+)\.(\w+)(?:\((\w+)\))?( \(set\))?$/.exec(member);
  if (!m) throw new Error(`not a member name: ${member}`);
  const [, namespace, container, name, param, write] = m;
  const file = require.resolve("@types/office-js/index.d.ts", { paths: [ROOT] });
  officeTypes ??= ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  for (const ns of officeTypes.statements) {
    if (!ts.isModuleDeclaration(ns) || ns.name.getText() !== namespace || !ns.body || !ts.isModuleBlock(ns.body)) continue;
    for (const decl of ns.body.statements) {
      if (!(ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl)) || decl.name?.getText() !== container) continue;
      const own = (decl.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>).find((e) => e.name?.getText() === name);
      if (!own) continue;
      if (param !== undefined) {
        const p = (own as ts.MethodDeclaration).parameters?.find((x) => x.name.getText() === param);
        return p ? requirementsIn(paramDoc(own, p), "argument").requirements[0] : undefined;
      }
      return requirementsIn(docOf(own), write ? "write" : "read").requirements[0];
    }
  }
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath)).options;
}

/** Scans the given files (default: every source file under src/) with the project's compiler options. */
export function scanApiUses(options: { root?: string; files?: string[] } = {}): ScanResult {
  const root = options.root ?? ROOT;
  const files = options.files ?? sourceFiles(join(root, "src"));
  const program = ts.createProgram(files, { ...compilerOptions(ROOT), noEmit: true });
  const wanted = new Set(files.map((f) => f.split(sep).join("/")));
  // Binding (done by the checker) is what gives the syntax tree its parent links.
  program.getTypeChecker();
  const sfs = program.getSourceFiles().filter((sf) => wanted.has(sf.fileName.split(sep).join("/")));
  return new Scanner(program, sfs, root).scan();
}

/** Uses above the manifest's minimum that no runtime check with a fallback covers. */
export function violations(uses: ApiUse[], minimums: Map<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const use of uses) {
    const req = use.requirement;
    if (!req) continue;
    const min = minimums.get(req.set);
    if (min !== undefined && compareVersions(req.version, min) <= 0) continue;
    const covering = use.gates.filter((g) => g.requirement.set === req.set && compareVersions(g.requirement.version, req.version) >= 0);
    if (covering.length === 0) {
      const declared = min === undefined ? `the manifest declares no ${req.set}` : `the manifest's minimum is ${req.set} ${min}`;
      out.push({ use, reason: `${req.set} ${req.version} needed, ${declared}, and no runtime check for ${req.set} ${req.version} or later surrounds it` });
    } else if (!covering.some((g) => g.fallback !== undefined)) {
      out.push({ use, reason: `checked by ${covering.map((g) => g.by).join(", ")} but nothing says what happens without it (no else, early exit or @fallback)` });
    }
  }
  return out;
}

function requirementText(use: ApiUse): string {
  return use.requirement ? `${use.requirement.set} ${use.requirement.version}` : "—";
}

function gateText(use: ApiUse, minimums: Map<string, string>): string {
  const req = use.requirement;
  if (!req) return "";
  const min = minimums.get(req.set);
  if (min !== undefined && compareVersions(req.version, min) <= 0) return "manifest";
  const gate = use.gates.find((g) => g.requirement.set === req.set && compareVersions(g.requirement.version, req.version) >= 0);
  return gate ? gate.by : "NOT GATED";
}

function byRequirement(a: ApiUse, b: ApiUse): number {
  const set = (a.requirement?.set ?? "").localeCompare(b.requirement?.set ?? "");
  if (set !== 0) return set;
  return compareVersions(b.requirement?.version ?? "0", a.requirement?.version ?? "0") || a.member.localeCompare(b.member) || a.file.localeCompare(b.file) || a.line - b.line;
}

/** One row per use: member, API set, file:line, gated by. */
export function formatTable(uses: ApiUse[], minimums: Map<string, string>): string {
  const rows = [...uses].sort(byRequirement).map((u) => [u.member + (u.access === "write" ? " (set)" : ""), requirementText(u), `${u.file}:${u.line}`, gateText(u, minimums)]);
  const header = ["Member", "API set", "Where", "Gated by"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Grouped by member, API set and gate, with the files that use it: the README's table. */
export function formatMarkdown(uses: ApiUse[], minimums: Map<string, string>): string {
  const groups = new Map<string, { member: string; req: string; gate: string; files: Set<string>; first: ApiUse }>();
  for (const u of [...uses].sort(byRequirement)) {
    const member = u.member + (u.access === "write" ? " (set)" : "");
    const req = requirementText(u);
    const gate = gateText(u, minimums);
    const key = `${member}|${req}|${gate}`;
    const g = groups.get(key) ?? { member, req, gate, files: new Set<string>(), first: u };
    g.files.add(u.file);
    groups.set(key, g);
  }
  const rows = [...groups.values()].filter((g) => g.req !== "—");
  // A flag reached through different objects (caps.x, opts.caps.x) is one capability.
  const fallbacks = new Map<string, string>();
  for (const u of uses) for (const g of u.gates) if (g.fallback && !/:\d+$/.test(g.fallback)) fallbacks.set(`${g.by.replace(/^.*\./, "")} (${g.requirement.set} ${g.requirement.version})`, g.fallback);
  const lines = ["| Member | API set | Used in | Gated by |", "|---|---|---|---|"];
  for (const g of rows) lines.push(`| \`${g.member}\` | ${g.req} | ${[...g.files].join(", ")} | ${g.gate === "manifest" ? "manifest minimum" : `\`${g.gate}\``} |`);
  const none = [...new Set([...groups.values()].filter((g) => g.req === "—").map((g) => `\`${g.member}\``))];
  lines.push("", `In no requirement set (available wherever add-ins run): ${none.join(", ")}.`);
  if (fallbacks.size > 0) {
    lines.push("", "Without the capability:");
    for (const [by, text] of [...fallbacks].sort()) lines.push(`- \`${by}\`: ${text}`);
  }
  return lines.join("\n");
}

function main(): void {
  const minimums = manifestMinimums(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
  const { uses, problems } = scanApiUses();
  const bad = violations(uses, minimums);
  const minText = [...minimums].map(([s, v]) => `${s} ${v}`).join(", ") || "none";
  if (process.argv.includes("--markdown")) process.stdout.write(`${formatMarkdown(uses, minimums)}\n`);
  else process.stdout.write(`Manifest minimum: ${minText}. ${uses.length} uses of Office.js members in src/.\n\n${formatTable(uses, minimums)}\n`);
  for (const p of problems) process.stderr.write(`problem: ${p}\n`);
  for (const v of bad) process.stderr.write(`violation: ${v.use.member} at ${v.use.file}:${v.use.line}: ${v.reason}\n`);
  if (problems.length > 0 || bad.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
