// Crafted inputs, generated at test time (none is committed): zip bombs in every part the reader
// parses, a zip of tens of thousands of entries, cells scattered just inside every stray-cell gap,
// a table of 1,048,575 zones, a rules file nested a million arrays deep. Each says what the run
// must answer: the code, the part or sheet it names, and its words. The tests (test/xlsx/limits.test.ts,
// test/cli/hostile.test.ts, test/web/fileHost.test.ts) and the benchmark (bench/hostile.bench.ts)
// share them.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { a1 } from "../../src/workbook/grid";
import { STRAY_COL_GAP, STRAY_ROW_GAP } from "../../src/xlsx/read";
import { storedEntry, zipArchive, type ZipEntry } from "../cli/fixtures";
import { zones } from "../corpus/cases";
import { HEADER } from "../corpus/header";
import { largeRow } from "../corpus/large";

const GiB = 1024 * 1024 * 1024;

/** The five-zone indicator workbook every crafted workbook starts from (ExcelJS writes shared strings). */
export async function baseWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标数据");
  [HEADER, ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A deflate stream of `data`, each piece compressed once (and repeated `times` over), as a zip entry stores it. */
function deflated(name: string, pieces: ReadonlyArray<{ data: Buffer; times?: number }>, level = 1): ZipEntry {
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const { data, times = 1 } of pieces) {
    // A full flush ends each piece on a byte boundary with nothing carried over, so copies of it
    // can follow one another in one stream.
    const piece = deflateRawSync(data, { level, finishFlush: constants.Z_FULL_FLUSH });
    for (let i = 0; i < times; i++) {
      out.push(piece);
      crc = crc32(data, crc);
      size += data.length;
    }
  }
  out.push(deflateRawSync(Buffer.alloc(0)));
  return { name, method: 8, data: Buffer.concat(out), crc, size };
}

/**
 * The base workbook with some parts replaced (and entries added): every other part as the base
 * holds it. `understate` makes the zip's directory state a part smaller than it inflates to.
 */
async function withParts(base: Buffer, parts: Record<string, ZipEntry>, added: ZipEntry[] = [], understate?: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  const entries: ZipEntry[] = [];
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) entries.push(parts[name] ?? deflated(name, [{ data: await file.async("nodebuffer") }]));
  return zipArchive([...entries, ...added].map((entry) => (entry.name === understate ? { ...entry, size: 64 * 1024 } : entry)));
}

/**
 * The part's XML with `filler` repeated to about `bytes` in all before the end tag of `within` (of
 * its root when not given), compressed as tightly as deflate goes.
 */
async function inflatedPart(base: Buffer, name: string, filler: string, bytes: number, within?: string): Promise<ZipEntry> {
  return inflatedXml(name, await (await JSZip.loadAsync(base)).file(name)!.async("string"), filler, bytes, within);
}

/** inflatedPart for a part of this XML. */
function inflatedXml(name: string, xml: string, filler: string, bytes: number, within?: string): ZipEntry {
  const end = within === undefined ? xml.lastIndexOf("</") : xml.indexOf(`</${within}>`);
  const unit = Buffer.from(filler.repeat(Math.ceil((1024 * 1024) / filler.length)));
  return deflated(name, [{ data: Buffer.from(xml.slice(0, end)) }, { data: unit, times: Math.ceil(bytes / unit.length) }, { data: Buffer.from(xml.slice(end)) }], 9);
}

/** A comment any XML part may hold between elements: the filler of the parts that hold no cells. */
const COMMENT = `<!--${"x".repeat(1000)}-->`;
/** A row of twenty cells without references, as generators may write them: what a sheet bomb repeats. */
const ROW = `<row>${"<c><v>1</v></c>".repeat(20)}</row>`;
/** A shared string, repeated. */
const SHARED = "<si><t>甲区产业集聚区</t></si>";

/** A part inflating to 1 GiB (the filler within `within`), as the directory states it or understated. */
async function bomb(part: string, filler: string, understated = false, within?: string): Promise<Buffer> {
  const base = await baseWorkbook();
  return withParts(base, { [part]: await inflatedPart(base, part, filler, GiB, within) }, [], understated ? part : undefined);
}

/**
 * The base workbook with a relationships part added, inflating to 1 GiB: a drawing's, which the
 * writer follows to the parts only a replaced sheet used, though the reader reads no drawing.
 */
async function addedRelsBomb(part: string, understated: boolean): Promise<Buffer> {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  return withParts(await baseWorkbook(), {}, [inflatedXml(part, xml, COMMENT, GiB)], understated ? part : undefined);
}

/**
 * The table with one cell chained just inside each stray-cell gap, down to the last row and across
 * to the last column: no cell is stray, and the grid would span the whole sheet.
 */
async function scattered(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标数据");
  [HEADER, ...zones()].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  for (let r = 6 + STRAY_ROW_GAP; r < 1_048_576; r += STRAY_ROW_GAP + 1) ws.getCell(r + 1, 1).value = "x";
  for (let c = HEADER.length + STRAY_COL_GAP; c < 16_384; c += STRAY_COL_GAP + 1) ws.getCell(1, c + 1).value = "x";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip of the base workbook's parts and 60,000 more entries (the directory counts up to 65,535 without ZIP64). */
async function manyEntries(): Promise<Buffer> {
  const added = Array.from({ length: 60_000 }, (_, i) => storedEntry(`customXml/item${i}.xml`, ""));
  return withParts(await baseWorkbook(), {}, added);
}

function cellXml(r: number, c: number, v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  const ref = a1(r, c);
  return typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${String(v)}</t></is></c>`;
}

/** A valid indicator table of `rows` zones, its sheet written in batches of rows (ExcelJS takes a minute for a million). */
export async function largeTable(rows: number): Promise<Buffer> {
  const pieces: Array<{ data: Buffer }> = [];
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${HEADER.map((h, c) => cellXml(0, c, h)).join("")}</row>`;
  for (let i = 0; i < rows; i++) {
    xml += `<row r="${i + 2}">${largeRow(i).map((v, c) => cellXml(i + 1, c, v)).join("")}</row>`;
    if (xml.length > 4 * 1024 * 1024) {
      pieces.push({ data: Buffer.from(xml) });
      xml = "";
    }
  }
  pieces.push({ data: Buffer.from(`${xml}</sheetData></worksheet>`) });
  return withParts(await baseWorkbook(), { "xl/worksheets/sheet1.xml": deflated("xl/worksheets/sheet1.xml", pieces) });
}

/** What the message must say, in words, for each code (zh-CN). */
export const WORDS: Record<string, RegExp> = {
  SHEET_TOO_SCATTERED: /工作表“指标数据”中有内容的单元格只有 1,265 个，却零散分布在 A1:XER1048053 中.*请删除远离指标表的零散单元格/,
  XLSX_ZIP_BOMB: /(压缩比达 \d+:1.*“压缩炸弹”|比文件目录中记录的大小（65,536 字节）还大).*未读取/,
  XLSX_TOO_MANY_PARTS: /中的压缩部件超过 10,000 个.*未读取/,
  TABLE_TOO_LARGE: /工作表“指标数据”的数据超过 200,000 行：本工具一次最多评定 200,000 个集聚区/,
  RULES_FILE_UNREADABLE: /无法读取规则文件“.*deep\.json”：它大于 1 MB.*它不是规则文件/,
};

/** What a run on a crafted input must answer. */
export interface Expected {
  code: string;
  /** The part the issue names, where it names one. */
  part?: string;
  /** The sheet the issue is at, where it is at one. */
  sheet?: string;
}

export interface CraftedInput {
  name: string;
  /** Writes the input into `dir` and returns the command line's arguments for it (the input first). */
  make(dir: string): Promise<string[]>;
  expected: Expected;
}

function workbookInput(name: string, file: string, build: () => Promise<Buffer>, expected: Expected): CraftedInput {
  return {
    name,
    expected,
    async make(dir) {
      const path = join(dir, file);
      writeFileSync(path, await build());
      return [path];
    },
  };
}

const SHEET = "xl/worksheets/sheet1.xml";
const DRAWING_RELS = "xl/drawings/_rels/drawing1.xml.rels";

export const CRAFTED: readonly CraftedInput[] = [
  workbookInput("cells chained just inside every stray-cell gap (35 KB)", "scattered.xlsx", scattered, { code: "SHEET_TOO_SCATTERED", sheet: "指标数据" }),
  workbookInput("a sheet inflating to 1 GiB", "sheet-bomb.xlsx", () => bomb(SHEET, ROW, false, "sheetData"), { code: "XLSX_ZIP_BOMB", part: SHEET, sheet: "指标数据" }),
  workbookInput("a sheet inflating to 1 GiB, its size understated", "sheet-bomb-understated.xlsx", () => bomb(SHEET, ROW, true, "sheetData"), { code: "XLSX_ZIP_BOMB", part: SHEET, sheet: "指标数据" }),
  workbookInput("shared strings inflating to 1 GiB", "strings-bomb.xlsx", () => bomb("xl/sharedStrings.xml", SHARED), { code: "XLSX_ZIP_BOMB", part: "xl/sharedStrings.xml" }),
  workbookInput("shared strings inflating to 1 GiB, their size understated", "strings-bomb-understated.xlsx", () => bomb("xl/sharedStrings.xml", SHARED, true), { code: "XLSX_ZIP_BOMB", part: "xl/sharedStrings.xml" }),
  ...["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels", "xl/styles.xml", "[Content_Types].xml"].flatMap((part) => [
    workbookInput(`${part} inflating to 1 GiB`, "part-bomb.xlsx", () => bomb(part, COMMENT), { code: "XLSX_ZIP_BOMB", part }),
    workbookInput(`${part} inflating to 1 GiB, its size understated`, "part-bomb-understated.xlsx", () => bomb(part, COMMENT, true), { code: "XLSX_ZIP_BOMB", part }),
  ]),
  ...[false, true].map((understated) =>
    workbookInput(`a drawing's relationships inflating to 1 GiB${understated ? ", their size understated" : ""}`, "rels-bomb.xlsx", () => addedRelsBomb(DRAWING_RELS, understated), { code: "XLSX_ZIP_BOMB", part: DRAWING_RELS }),
  ),
  workbookInput("60,000 zip entries", "entries.xlsx", manyEntries, { code: "XLSX_TOO_MANY_PARTS" }),
  workbookInput("a valid table of 1,048,575 zones", "zones-1048575.xlsx", () => largeTable(1_048_575), { code: "TABLE_TOO_LARGE", sheet: "指标数据" }),
  {
    name: "a rules file nested a million arrays deep",
    expected: { code: "RULES_FILE_UNREADABLE" },
    async make(dir) {
      const rules = join(dir, "deep.json");
      writeFileSync(rules, `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`);
      const input = join(dir, "in.xlsx");
      writeFileSync(input, await baseWorkbook());
      return [input, "--rules", rules];
    },
  },
];
