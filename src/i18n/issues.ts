// The message catalogue for every issue code of the product (reader, rules sheet, engine), in
// zh-CN and en-US. Each message says what is wrong and how to fix it.
import type { Issue } from "../engine/types";
import type { Locale } from "./locale";
import { indicatorLabel } from "./indicators";

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

interface Entry {
  "zh-CN": Template;
  "en-US": Template;
}

function s(p: Params, key: string): string {
  const v = p[key];
  return v === undefined ? "" : String(v);
}

const POLICY_ZH: Record<string, string> = { zero: "按 0 分计", mean: "按其他集聚区该项得分的平均分计" };
const POLICY_EN: Record<string, string> = { zero: "it scores 0", mean: "it scores the mean of the other zones' scores" };

function levelZh(v: string | number | undefined): string {
  return Number(v) === 0 ? "门槛" : `${v}星`;
}

function levelEn(v: string | number | undefined): string {
  return Number(v) === 0 ? "the gate" : `level ${v}`;
}

function rangeZh(p: Params): string {
  if (p.min !== undefined && p.max !== undefined) return `（${s(p, "min")}–${s(p, "max")}）`;
  if (p.min !== undefined) return `（不小于 ${s(p, "min")}）`;
  return "";
}

function rangeEn(p: Params): string {
  if (p.min !== undefined && p.max !== undefined) return ` (${s(p, "min")}–${s(p, "max")})`;
  if (p.min !== undefined) return ` (at least ${s(p, "min")})`;
  return "";
}

const SAVE_AS_ZH = "请在 Excel 中打开它，另存为“Excel 工作簿 (*.xlsx)”后重试。";
const SAVE_AS_EN = 'Open it in Excel, save it as "Excel Workbook (*.xlsx)" and try again.';

/** NOT_XLSX by the file's `kind` (see src/xlsx/sniff.ts): what the file is, and how to get an .xlsx from it. */
const NOT_XLSX_ZH: Record<string, (file: string) => string> = {
  empty: (f) => `“${f}”是空文件（0 字节），没有可读的内容。请检查文件是否完整，或重新导出为 .xlsx。`,
  xls: (f) => `“${f}”是 Excel 97-2003 工作簿（.xls），本工具只能读取 .xlsx。${SAVE_AS_ZH}`,
  encrypted: (f) => `“${f}”设有打开密码（已加密），无法读取。请在 Excel 中打开它，在“文件 > 信息 > 保护工作簿 > 用密码进行加密”中清除密码，保存后重试。`,
  ole: (f) => `“${f}”是 Office 97-2003 格式的文件，但不是 Excel 工作簿。请确认选对了文件；如是工作簿，${SAVE_AS_ZH.slice(1)}`,
  ods: (f) => `“${f}”是 OpenDocument 电子表格（.ods），本工具只能读取 .xlsx。请在 WPS、LibreOffice 或 Excel 中打开它，另存为 .xlsx 后重试。`,
  xlsb: (f) => `“${f}”是 Excel 二进制工作簿（.xlsb），本工具只能读取 .xlsx。${SAVE_AS_ZH}`,
  xml2003: (f) => `“${f}”是 Excel 2003 XML 表格，本工具只能读取 .xlsx。${SAVE_AS_ZH}`,
  html: (f) => `“${f}”是网页（HTML）格式的表格（有些系统以 .xls 为名导出），不是真正的工作簿。${SAVE_AS_ZH}`,
  text: (f) => `“${f}”是文本文件（如 CSV），不是 Excel 工作簿。${SAVE_AS_ZH}`,
  docx: (f) => `“${f}”是 Word 文档（.docx），不是 Excel 工作簿。请选择存放指标表的 .xlsx 文件。`,
  zip: (f) => `“${f}”是 zip 压缩包，其中没有 Excel 工作簿。如指标表在压缩包内，请先解压，再选择其中的 .xlsx 文件。`,
  unknown: (f) => `“${f}”不是 Excel 工作簿（.xlsx）。${SAVE_AS_ZH}`,
};

const NOT_XLSX_EN: Record<string, (file: string) => string> = {
  empty: (f) => `"${f}" is an empty file (0 bytes), with nothing to read. Check that the file is complete, or export it again as .xlsx.`,
  xls: (f) => `"${f}" is an Excel 97-2003 workbook (.xls); only .xlsx can be read. ${SAVE_AS_EN}`,
  encrypted: (f) => `"${f}" has a password to open (it is encrypted) and cannot be read. Open it in Excel, clear the password under File > Info > Protect Workbook > Encrypt with Password, save it and try again.`,
  ole: (f) => `"${f}" is an Office 97-2003 file but not an Excel workbook. Check that you chose the right file; if it is a workbook, ${SAVE_AS_EN.charAt(0).toLowerCase()}${SAVE_AS_EN.slice(1)}`,
  ods: (f) => `"${f}" is an OpenDocument spreadsheet (.ods); only .xlsx can be read. Open it in LibreOffice, WPS or Excel, save it as .xlsx and try again.`,
  xlsb: (f) => `"${f}" is an Excel binary workbook (.xlsb); only .xlsx can be read. ${SAVE_AS_EN}`,
  xml2003: (f) => `"${f}" is an Excel 2003 XML spreadsheet; only .xlsx can be read. ${SAVE_AS_EN}`,
  html: (f) => `"${f}" is a web page (HTML) table, as some systems export under an .xls name, not a real workbook. ${SAVE_AS_EN}`,
  text: (f) => `"${f}" is a text file (such as CSV), not an Excel workbook. ${SAVE_AS_EN}`,
  docx: (f) => `"${f}" is a Word document (.docx), not an Excel workbook. Choose the .xlsx file that holds the indicator table.`,
  zip: (f) => `"${f}" is a zip archive with no Excel workbook in it. If the indicator table is inside, unzip it first and choose the .xlsx file.`,
  unknown: (f) => `"${f}" is not an Excel workbook (.xlsx). ${SAVE_AS_EN}`,
};

/** A count as the messages print it, digits grouped (1,048,576). */
function n(p: Params, key: string): string {
  const v = Number(p[key]);
  return Number.isFinite(v) ? v.toLocaleString("en-US") : s(p, key);
}

/** The part of a workbook a reading limit stopped at: the sheet (and its part) where it is one. */
function partZh(p: Params): string {
  return p.sheet !== undefined ? `工作表“${s(p, "sheet")}”（${s(p, "part")}）` : `部件 ${s(p, "part")}`;
}

function partEn(p: Params): string {
  return p.sheet !== undefined ? `the sheet "${s(p, "sheet")}" (${s(p, "part")})` : `the part ${s(p, "part")}`;
}

const RESAVE_ZH = "请在 Excel 中打开它（Excel 会尝试修复），把指标表另存为新的 .xlsx 后重试。";
const RESAVE_EN = "Open it in Excel (which tries to repair it), save the indicator table as a new .xlsx and try again.";

/** WORKBOOK_TOO_MANY_CELLS by what ran over: cells holding a value, shared strings, their characters. */
const TOO_MANY_ZH: Record<string, (p: Params) => string> = {
  cells: (p) => `工作簿中有内容的单元格超过 ${n(p, "limit")} 个（读到工作表“${s(p, "sheet")}”时），超出本工具读取的上限，未读取。请删除不需要的工作表或数据，或把指标表复制到新工作簿后重试。`,
  strings: (p) => `工作簿的共享字符串表（${s(p, "part")}）超过 ${n(p, "limit")} 项，超出本工具读取的上限，未读取。请删除不需要的工作表或数据，或把指标表复制到新工作簿后重试。`,
  chars: (p) => `工作簿的共享字符串表（${s(p, "part")}）合计超过 ${n(p, "limit")} 个字符，超出本工具读取的上限，未读取。请删除不需要的工作表或大段文字，或把指标表复制到新工作簿后重试。`,
};

const TOO_MANY_EN: Record<string, (p: Params) => string> = {
  cells: (p) => `The workbook holds more than ${n(p, "limit")} cells with content (reached on the sheet "${s(p, "sheet")}"), beyond what this tool reads; it was not read. Delete sheets or data you do not need, or copy the indicator table into a new workbook, and try again.`,
  strings: (p) => `The workbook's shared-string table (${s(p, "part")}) has more than ${n(p, "limit")} entries, beyond what this tool reads; it was not read. Delete sheets or data you do not need, or copy the indicator table into a new workbook, and try again.`,
  chars: (p) => `The workbook's shared-string table (${s(p, "part")}) holds more than ${n(p, "limit")} characters in all, beyond what this tool reads; it was not read. Delete sheets or long texts you do not need, or copy the indicator table into a new workbook, and try again.`,
};

/** RULES_FILE_UNREADABLE by its `reason`. */
const RULES_FILE_ZH: Record<string, (p: Params) => string> = {
  encoding: (p) => `无法读取规则文件“${s(p, "file")}”：它不是 UTF-8 编码的文本（可能以 GBK/ANSI 保存）。请用记事本打开它，“另存为”时在“编码”中选 UTF-8，然后重试。`,
  json: (p) => `无法读取规则文件“${s(p, "file")}”：它不是有效的 JSON（${s(p, "detail")}）。请修正该文件（格式同内置规则），或改用内置规则（--rules henan-2013 等）。`,
  deep: (p) => `无法读取规则文件“${s(p, "file")}”：其中的数据嵌套超过 ${n(p, "limit")} 层，而一套规则只有几层，它不是规则文件。请检查选对了文件，或按内置规则的格式重写它，或改用内置规则（--rules henan-2013 等）。`,
  large: (p) => `无法读取规则文件“${s(p, "file")}”：它大于 ${n(p, "limit")} MB，而一套规则只有几 KB，它不是规则文件。请检查选对了文件，或改用内置规则（--rules henan-2013 等）。`,
};

const RULES_FILE_EN: Record<string, (p: Params) => string> = {
  encoding: (p) => `Cannot read the rules file "${s(p, "file")}": it is not text in UTF-8 (it may be saved as GBK/ANSI). Open it in Notepad, choose UTF-8 under Encoding in Save As, and try again.`,
  json: (p) => `Cannot read the rules file "${s(p, "file")}": it is not valid JSON (${s(p, "detail")}). Correct the file (laid out as the built-in rules are) or use a preset (--rules henan-2013 or another).`,
  deep: (p) => `Cannot read the rules file "${s(p, "file")}": its data nests more than ${n(p, "limit")} levels deep, where a rule set has a few, so it is no rules file. Check that you chose the right file, rewrite it as the built-in rules are laid out, or use a preset (--rules henan-2013 or another).`,
  large: (p) => `Cannot read the rules file "${s(p, "file")}": it is larger than ${n(p, "limit")} MB, where a rule set takes a few KB, so it is no rules file. Check that you chose the right file, or use a preset (--rules henan-2013 or another).`,
};

const CATALOG: Record<string, Entry> = {
  NO_HEADER: {
    "zh-CN": (p) => `前 20 行中没有找到表头：需要一行含有集聚区名称列（${s(p, "accepted")}）。请在指标表上方加入表头行。`,
    "en-US": (p) => `No header row in the first 20 rows: one row must name the zone column (${s(p, "accepted")}). Add a header row above the indicator table.`,
  },
  MISSING_COLUMN_REQUIRED: {
    "zh-CN": (p) => `缺少必填列“${s(p, "column")}”。请在表头行加入该列，列名可写作：${s(p, "accepted")}。`,
    "en-US": (p) => `The required column "${s(p, "columnEn")}" is missing. Add it to the header row under one of these names: ${s(p, "accepted")}.`,
  },
  DUPLICATE_COLUMN: {
    "zh-CN": (p) => `表头“${s(p, "header")}”与 ${s(p, "first")} 列重复，本列未被读取。请删除或改名其中一列。`,
    "en-US": (p) => `The header "${s(p, "header")}" repeats the column at ${s(p, "first")}; this one is ignored. Delete or rename one of them.`,
  },
  UNKNOWN_UNIT: {
    "zh-CN": (p) => `表头“${s(p, "header")}”的单位“${s(p, "unit")}”无法识别。请改用${s(p, "expected") || "无单位的列名"}（或可换算的单位，如 万元、人、公顷、平方公里）。`,
    "en-US": (p) => `The unit "${s(p, "unit")}" in header "${s(p, "header")}" is not known. Use ${s(p, "expected") || "the plain column name"} (or a convertible unit such as 万元, 人, 公顷, 平方公里).`,
  },
  NO_DATA_ROWS: {
    "zh-CN": (p) => `表头（${s(p, "header")}）下面没有集聚区数据。请在表头下方每行填写一个集聚区。`,
    "en-US": (p) => `There are no zone rows under the header (${s(p, "header")}). Enter one zone per row below the header.`,
  },
  DUPLICATE_ZONE: {
    "zh-CN": (p) => `集聚区“${s(p, "zone")}”重复出现（首次在 ${s(p, "first")}）。请删除重复行或改正名称。`,
    "en-US": (p) => `The zone "${s(p, "zone")}" appears twice (first at ${s(p, "first")}). Delete the duplicate row or correct the name.`,
  },
  REQUIRED_BLANK: {
    "zh-CN": (p) => `必填项“${s(p, "column")}”为空。请填写该单元格。`,
    "en-US": (p) => `The required cell "${s(p, "column")}" is blank. Fill it in.`,
  },
  NOT_A_NUMBER: {
    "zh-CN": (p) => `“${s(p, "value")}”不是数字。请只填写数字（单位由表头给出），如 12。`,
    "en-US": (p) => `"${s(p, "value")}" is not a number. Enter only the number (the header gives the unit), e.g. 12.`,
  },
  DATE_IN_NUMBER_COLUMN: {
    "zh-CN": (p) => `单元格中是日期或时间（${s(p, "value")}），不是数字。请填写数值，并把单元格格式设为“常规”或“数值”（开始 → 数字格式）。`,
    "en-US": (p) => `The cell holds a date or time (${s(p, "value")}), not a number. Enter the number and set the cell format to General or Number (Home → Number Format).`,
  },
  UNCALCULATED_FORMULA: {
    "zh-CN": (p) => `单元格是公式 ${s(p, "value")}，但 Excel 还没有算出它的结果（文件由其他程序生成后未在 Excel 中保存）。请用 Excel 打开该文件并保存后重试，或直接填写内容。`,
    "en-US": (p) => `The cell holds the formula ${s(p, "value")}, which Excel has not calculated (the file was written by another program and never saved in Excel). Open the file in Excel, save it and try again, or type the value.`,
  },
  CONTROL_CHARS_REMOVED: {
    "zh-CN": (p) => `“${s(p, "column")}”中有不可见的控制字符（${s(p, "chars")}），已删除（换行、制表符改为空格），结果中写作“${s(p, "value")}”。如应写作其他样子，请改正该单元格。`,
    "en-US": (p) => `"${s(p, "column")}" holds invisible control characters (${s(p, "chars")}); they were removed (line breaks and tabs became spaces), so the results show "${s(p, "value")}". Correct the cell if it should read otherwise.`,
  },
  VETO_NONE_MARKERS: {
    "zh-CN": (p) => `“${s(p, "column")}”列有 ${s(p, "count")} 个单元格写的是“没有”（${s(p, "markers")}），这些集聚区按未否决评定。如确有否决事项，请写明具体事项。`,
    "en-US": (p) => `${s(p, "count")} cells of the "${s(p, "column")}" column say there is none (${s(p, "markers")}); those zones are rated as not vetoed. If a zone is vetoed, write what for.`,
  },
  EXCEL_ERROR: {
    "zh-CN": (p) => `单元格是 Excel 错误值 ${s(p, "value")}。请修正该单元格的公式或改填数值。`,
    "en-US": (p) => `The cell holds the Excel error ${s(p, "value")}. Fix the cell's formula or type the value.`,
  },
  NEGATIVE_VALUE: {
    "zh-CN": (p) => `“${s(p, "column")}”不能为负数（现为 ${s(p, "value")}）。请填写 0 或正数。`,
    "en-US": (p) => `"${s(p, "column")}" cannot be negative (it is ${s(p, "value")}). Enter 0 or a positive number.`,
  },
  PERCENT_OUT_OF_RANGE: {
    "zh-CN": (p) => `百分比“${s(p, "value")}”超出 0–100。请填写 0 到 100 之间的数，如 45 或 45%。`,
    "en-US": (p) => `The percentage "${s(p, "value")}" is outside 0–100. Enter a number from 0 to 100, e.g. 45 or 45%.`,
  },
  BAD_STAR_LEVEL: {
    "zh-CN": (p) => `星级“${s(p, "value")}”无效。请填写 0 到 6 的整数（无星填 0）。`,
    "en-US": (p) => `The star level "${s(p, "value")}" is not valid. Enter a whole number from 0 to 6 (0 for none).`,
  },
  BAD_PREV_RANK: {
    "zh-CN": (p) => `上年排名“${s(p, "value")}”无效。请填写正整数，如 1、2、3；没有排名则留空。`,
    "en-US": (p) => `The previous rank "${s(p, "value")}" is not valid. Enter a positive whole number such as 1, 2, 3; leave it blank when there is none.`,
  },
  TOO_MANY_ERRORS: {
    "zh-CN": (p) => `本表共有 ${s(p, "total")} 处错误，只列出前 ${s(p, "shown")} 处。请先改正以上各处后重新评定。`,
    "en-US": (p) => `This sheet has ${s(p, "total")} errors; only the first ${s(p, "shown")} are listed. Fix these and run again.`,
  },
  TOTALS_ROW_SKIPPED: {
    "zh-CN": (p) =>
      p.table !== undefined ? `第 ${s(p, "row")} 行是表格“${s(p, "table")}”的汇总行，已跳过，不参加评定。` : `第 ${s(p, "row")} 行是合计行（“${s(p, "value")}”），已跳过，不参加评定。`,
    "en-US": (p) =>
      p.table !== undefined ? `Row ${s(p, "row")} is the totals row of the table "${s(p, "table")}" and was skipped; it is not rated.` : `Row ${s(p, "row")} is a totals row ("${s(p, "value")}") and was skipped; it is not rated.`,
  },
  BLANK_ROW_SKIPPED: {
    "zh-CN": (p) => `第 ${s(p, "row")} 行为空行，已跳过。如该行应有数据，请补填。`,
    "en-US": (p) => `Row ${s(p, "row")} is blank and was skipped. Fill it in if it should hold a zone.`,
  },
  NOTE_ROW_SKIPPED: {
    "zh-CN": (p) => `第 ${s(p, "row")} 行是表下说明（“${s(p, "value")}”），已跳过，不参加评定。`,
    "en-US": (p) => `Row ${s(p, "row")} is a note under the table ("${s(p, "value")}") and was skipped; it is not rated.`,
  },
  SHEET_NOT_FOUND: {
    "zh-CN": (p) => `工作簿中没有名为“${s(p, "name")}”的工作表。现有工作表：${s(p, "sheets")}。请检查表名。`,
    "en-US": (p) => `The workbook has no sheet named "${s(p, "name")}". Sheets: ${s(p, "sheets")}. Check the name.`,
  },
  UNKNOWN_PRESET: {
    "zh-CN": (p) => `没有名为“${s(p, "preset")}”的内置规则。可选：${s(p, "presets")}。`,
    "en-US": (p) => `There is no built-in rule set "${s(p, "preset")}". Choose one of: ${s(p, "presets")}.`,
  },
  NOT_XLSX: {
    "zh-CN": (p) => (NOT_XLSX_ZH[s(p, "kind")] ?? NOT_XLSX_ZH.unknown)(s(p, "file")),
    "en-US": (p) => (NOT_XLSX_EN[s(p, "kind")] ?? NOT_XLSX_EN.unknown)(s(p, "file")),
  },
  UNREADABLE_WORKBOOK: {
    "zh-CN": (p) => `“${s(p, "file")}”看似 .xlsx 工作簿，但无法读取，文件可能已损坏或不完整。请在 Excel 中打开它（Excel 会尝试修复），另存为新的 .xlsx 后重试。`,
    "en-US": (p) => `"${s(p, "file")}" looks like an .xlsx workbook but cannot be read; it may be damaged or incomplete. Open it in Excel (which tries to repair it), save it as a new .xlsx and try again.`,
  },
  XLSX_TOO_MANY_PARTS: {
    "zh-CN": (p) => `“${s(p, "file")}”中的压缩部件超过 ${n(p, "limit")} 个，远多于任何真实的工作簿，文件可能是恶意构造的或已损坏，未读取。${RESAVE_ZH}`,
    "en-US": (p) => `"${s(p, "file")}" holds more than ${n(p, "limit")} zip entries, far more than any real workbook; it may be crafted or damaged, and was not read. ${RESAVE_EN}`,
  },
  XLSX_PART_TOO_LARGE: {
    "zh-CN": (p) =>
      p.total !== undefined
        ? `“${s(p, "file")}”中要读取的各部件解压后合计超过 ${n(p, "limitMb")} MB（读到${partZh(p)}时），超出本工具读取的上限，未读取。请删除不需要的工作表或数据，或把指标表复制到新工作簿后重试。`
        : `“${s(p, "file")}”中的${partZh(p)}解压后超过 ${n(p, "limitMb")} MB（约 ${n(p, "mb")} MB），超出本工具读取的上限，未读取。请删除不需要的数据，或把指标表复制到新工作簿后重试。`,
    "en-US": (p) =>
      p.total !== undefined
        ? `The parts of "${s(p, "file")}" to be read inflate to more than ${n(p, "limitMb")} MB in all (reached at ${partEn(p)}), beyond what this tool reads; it was not read. Delete sheets or data you do not need, or copy the indicator table into a new workbook, and try again.`
        : `In "${s(p, "file")}", ${partEn(p)} inflates to more than ${n(p, "limitMb")} MB (about ${n(p, "mb")} MB), beyond what this tool reads; it was not read. Delete data you do not need, or copy the indicator table into a new workbook, and try again.`,
  },
  XLSX_ZIP_BOMB: {
    "zh-CN": (p) =>
      Number(p.ratio) > 0
        ? `“${s(p, "file")}”中的${partZh(p)}压缩比达 ${n(p, "ratio")}:1（解压后约 ${n(p, "mb")} MB），真实的工作簿不会如此，文件可能是恶意构造的“压缩炸弹”，未读取。请确认文件的来源；如确是指标表，${RESAVE_ZH.slice(1)}`
        : `“${s(p, "file")}”中的${partZh(p)}解压后比文件目录中记录的大小（${n(p, "stated")} 字节）还大，文件已损坏或被篡改，未读取。${RESAVE_ZH}`,
    "en-US": (p) =>
      Number(p.ratio) > 0
        ? `In "${s(p, "file")}", ${partEn(p)} is compressed ${n(p, "ratio")} to 1 (about ${n(p, "mb")} MB inflated), as no real workbook is; the file may be a crafted "zip bomb" and was not read. Check where the file came from; if it is the indicator table, ${RESAVE_EN.charAt(0).toLowerCase()}${RESAVE_EN.slice(1)}`
        : `In "${s(p, "file")}", ${partEn(p)} inflates to more than the size the zip's directory states (${n(p, "stated")} bytes): the file is damaged or tampered with, and was not read. ${RESAVE_EN}`,
  },
  XLSX_TEXT_TOO_LONG: {
    "zh-CN": (p) => `“${s(p, "file")}”中的${partZh(p)}有一段超过 ${n(p, "limit")} 个字符的连续文字，远超 Excel 单元格能容纳的 32,767 个字符，文件可能已损坏或是恶意构造的，未读取。${RESAVE_ZH}`,
    "en-US": (p) => `In "${s(p, "file")}", ${partEn(p)} holds an unbroken text of more than ${n(p, "limit")} characters, far beyond the 32,767 an Excel cell holds; the file may be damaged or crafted, and was not read. ${RESAVE_EN}`,
  },
  SHEET_BEYOND_EXCEL: {
    "zh-CN": (p) => `工作表“${s(p, "sheet")}”中有单元格或行的地址“${s(p, "ref")}”，超出 Excel 工作表的范围（1,048,576 行、16,384 列，即 A1:XFD1048576）或无效：文件不是由电子表格软件正常保存的，未读取。${RESAVE_ZH}`,
    "en-US": (p) => `The sheet "${s(p, "sheet")}" has a cell or row at "${s(p, "ref")}", outside an Excel sheet (1,048,576 rows by 16,384 columns, A1:XFD1048576) or no cell address at all: the file was not saved by a spreadsheet program as it should be, and was not read. ${RESAVE_EN}`,
  },
  SHEET_TOO_SCATTERED: {
    "zh-CN": (p) => `工作表“${s(p, "sheet")}”中有内容的单元格只有 ${n(p, "cells")} 个，却零散分布在 ${s(p, "block")} 中（共 ${n(p, "span")} 个单元格），无法作为一张表读取。请删除远离指标表的零散单元格（在该表按 Ctrl+End 可找到最远的一个），或把指标表复制到新工作表后重试。`,
    "en-US": (p) => `The sheet "${s(p, "sheet")}" has only ${n(p, "cells")} cells with content, scattered over ${s(p, "block")} (${n(p, "span")} cells), and cannot be read as one table. Delete the stray cells far from the indicator table (Ctrl+End on the sheet finds the farthest one), or copy the table into a new sheet, and try again.`,
  },
  WORKBOOK_TOO_MANY_CELLS: {
    "zh-CN": (p) => (TOO_MANY_ZH[s(p, "what")] ?? TOO_MANY_ZH.cells)(p),
    "en-US": (p) => (TOO_MANY_EN[s(p, "what")] ?? TOO_MANY_EN.cells)(p),
  },
  TABLE_TOO_LARGE: {
    "zh-CN": (p) => `工作表“${s(p, "sheet")}”的数据超过 ${n(p, "limit")} 行：本工具一次最多评定 ${n(p, "limit")} 个集聚区，未读取完。请确认选对了工作表（--sheet），或删除不参加评定的行后重试。`,
    "en-US": (p) => `The sheet "${s(p, "sheet")}" holds more than ${n(p, "limit")} rows of data: this tool rates at most ${n(p, "limit")} zones in one run, so it stopped reading. Check that it is the right sheet (--sheet), or delete the rows that are not to be rated, and try again.`,
  },
  MERGED_CELLS_READ: {
    "zh-CN": (p) => `表中有 ${n(p, "count")} 处合并单元格（${s(p, "areas")}），合并区域内的每个单元格都按其左上角单元格的值读取（如整块合并的“所属地市”，块内每个集聚区都属于该市）。如不应如此，请取消合并并逐行填写。`,
    "en-US": (p) => `${n(p, "count")} merged area${Number(p.count) === 1 ? " was" : "s were"} read (${s(p, "areas")}): every cell of a merged area takes its top-left cell's value (a city merged down a block of rows applies to each zone in it). If that is wrong, unmerge the cells and fill in each row.`,
  },
  INVISIBLE_CHARS_REMOVED: {
    "zh-CN": (p) => `“${s(p, "column")}”中有看不见的字符（${s(p, "chars")}，如零宽空格、字节顺序标记），已删除，结果中写作“${s(p, "value")}”。从网页或其他文件复制的文字常带这类字符；如应写作其他样子，请改正该单元格。`,
    "en-US": (p) => `"${s(p, "column")}" holds invisible characters (${s(p, "chars")}, such as a zero-width space or a byte order mark); they were removed, so the results show "${s(p, "value")}". Text copied from web pages or other files often carries them; correct the cell if it should read otherwise.`,
  },
  RULES_FILE_UNREADABLE: {
    "zh-CN": (p) => (RULES_FILE_ZH[s(p, "reason")] ?? RULES_FILE_ZH.json)(p),
    "en-US": (p) => (RULES_FILE_EN[s(p, "reason")] ?? RULES_FILE_EN.json)(p),
  },
  STRAY_CELLS_IGNORED: {
    "zh-CN": (p) =>
      `${s(p, "cells")}${Number(p.count) > 5 ? ` 等 ${s(p, "count")} 个单元格` : ""}远离本表的数据区域（${s(p, "block")}），中间隔着上千个空行或上百个空列，已忽略，未参加评定。如果它们不是数据，请删除；如果是，请把它们移到表格中。`,
    "en-US": (p) =>
      `${s(p, "cells")}${Number(p.count) > 5 ? ` and ${s(p, "count")} cells in all` : ""} lie far from this sheet's data (${s(p, "block")}), beyond thousands of blank rows or hundreds of blank columns, and were ignored. Delete them if they are not data; otherwise move them into the table.`,
  },
  SHEET_NAME_TAKEN: {
    "zh-CN": (p) => `工作簿中已有用户自己的工作表“${s(p, "wanted")}”，本次结果写入“${s(p, "name")}”，原表未改动。`,
    "en-US": (p) => `The workbook already has a sheet of the user's named "${s(p, "wanted")}"; this run's results went to "${s(p, "name")}", and that sheet was left as it was.`,
  },
  // For a derived indicator the cell is its input's (blank, or a divisor of 0), so the message names that input.
  MISSING_VALUE: {
    "zh-CN": (p) =>
      p.input !== undefined && p.input !== p.indicator
        ? `“${s(p, "input")}”为空或为 0，无法计算“${s(p, "indicator")}”，该项${POLICY_ZH[s(p, "policy")] ?? s(p, "policy")}。如有数据请补填后重新评定。`
        : `“${s(p, "indicator")}”缺少数值，${POLICY_ZH[s(p, "policy")] ?? s(p, "policy")}。如有数据请补填后重新评定。`,
    "en-US": (p) =>
      p.input !== undefined && p.input !== p.indicator
        ? `"${s(p, "input")}" is blank or 0, so "${s(p, "indicator")}" cannot be computed and ${POLICY_EN[s(p, "policy")] ?? s(p, "policy")}. Fill it in and run again if the figure exists.`
        : `"${s(p, "indicator")}" has no value, so ${POLICY_EN[s(p, "policy")] ?? s(p, "policy")}. Fill it in and run again if the figure exists.`,
  },
  // A derived indicator names the input columns the user must add (上年增加值 for 增加值增速), not itself.
  MISSING_COLUMN: {
    "zh-CN": (p) =>
      `表中没有“${s(p, "columns") || s(p, "indicator")}”列${p.columns !== undefined && p.columns !== p.indicator ? `（计算“${s(p, "indicator")}”需要）` : ""}，所有集聚区该项${POLICY_ZH[s(p, "policy")] ?? s(p, "policy")}。如需计入，请加入该列。`,
    "en-US": (p) =>
      `The table has no "${s(p, "columns") || s(p, "indicator")}" column${s(p, "columns").includes(", ") ? "s" : ""}${p.columns !== undefined && p.columns !== p.indicator ? ` (needed for "${s(p, "indicator")}")` : ""}, so for every zone ${POLICY_EN[s(p, "policy")] ?? s(p, "policy")}. Add the column to count it.`,
  },
  // The cell is the out-of-range input's; value is what it holds.
  DERIVED_OUT_OF_RANGE: {
    "zh-CN": (p) => `“${s(p, "input")}”为 ${s(p, "value")}，由此算出的“${s(p, "indicator")}”超出可计算的数值范围，无法计入，该项${POLICY_ZH[s(p, "policy")] ?? s(p, "policy")}。请核对该单元格的数值和单位（是否多打或少打了位数）后重新评定。`,
    "en-US": (p) => `"${s(p, "input")}" is ${s(p, "value")}, so "${s(p, "indicator")}" comes out beyond the range of numbers that can be computed and cannot count; ${POLICY_EN[s(p, "policy")] ?? s(p, "policy")}. Check the cell's value and unit (too many or too few digits?) and run again.`,
  },
  MISSING_VALUE_MORE: {
    "zh-CN": (p) => `另有 ${s(p, "count")} 个集聚区缺少“${s(p, "indicator")}”，均${POLICY_ZH[s(p, "policy")] ?? s(p, "policy")}。请补填该列后重新评定。`,
    "en-US": (p) => `${s(p, "count")} more zones lack "${s(p, "indicator")}"; for each ${POLICY_EN[s(p, "policy")] ?? s(p, "policy")}. Fill in the column and run again.`,
  },
  RULES_NO_DIMENSIONS: {
    "zh-CN": () => `评定规则没有任何维度。请在“维度与指标”部分至少填写一个维度及其指标。`,
    "en-US": () => `The rules have no dimension. Enter at least one dimension with its indicators under "Dimensions and indicators".`,
  },
  RULES_EMPTY_DIMENSION: {
    "zh-CN": (p) => `维度“${s(p, "value")}”下没有指标。请为它填写至少一个指标，或删除该维度。`,
    "en-US": (p) => `The dimension "${s(p, "value")}" has no indicator. Give it at least one indicator or delete it.`,
  },
  RULES_NEGATIVE_WEIGHT: {
    "zh-CN": (p) => `权重“${s(p, "value")}”无效。请填写 0 或正数。`,
    "en-US": (p) => `The weight "${s(p, "value")}" is not valid. Enter 0 or a positive number.`,
  },
  RULES_UNKNOWN_INDICATOR: {
    "zh-CN": (p) => `指标键“${s(p, "value")}”无法识别。请填写已有指标的键，如 va、tax、emp、vaGrowth、taxPerMu。`,
    "en-US": (p) => `The indicator key "${s(p, "value")}" is not known. Enter a known key such as va, tax, emp, vaGrowth, taxPerMu.`,
  },
  RULES_UNKNOWN_METHOD: {
    "zh-CN": (p) => `方法“${s(p, "value")}”无法识别。请填写 minmax、p90cap、zscore 或 target。`,
    "en-US": (p) => `The method "${s(p, "value")}" is not known. Enter minmax, p90cap, zscore or target.`,
  },
  RULES_TARGET_MISSING: {
    "zh-CN": (p) => `指标“${s(p, "indicator")}”用 target 方法，但目标值${p.value !== undefined ? `“${s(p, "value")}”` : ""}无效。请在目标值列填写大于 0 的数。`,
    "en-US": (p) => `The indicator "${s(p, "indicator")}" uses the target method but its target${p.value !== undefined ? ` "${s(p, "value")}"` : ""} is not valid. Enter a number above 0 in the Target column.`,
  },
  RULES_BAD_THRESHOLD: {
    "zh-CN": (p) => `星级门槛“${s(p, "value")}”无效。请填写 0 或正数。`,
    "en-US": (p) => `The star threshold "${s(p, "value")}" is not valid. Enter 0 or a positive number.`,
  },
  RULES_THRESHOLD_DECREASING: {
    "zh-CN": (p) => `${levelZh(p.level)}的“${s(p, "indicator")}”标准 ${s(p, "value")} 低于${levelZh(p.previousLevel)}的 ${s(p, "previous")}。星级越高标准不得越低，请改正。`,
    "en-US": (p) => `The "${s(p, "indicator")}" threshold of ${levelEn(p.level)} (${s(p, "value")}) is below that of ${levelEn(p.previousLevel)} (${s(p, "previous")}). Thresholds must not fall as the level rises; correct it.`,
  },
  RULES_BAD_LEVELS: {
    "zh-CN": (p) => `星级标准应有 1 至 6 星共 6 级，按顺序排列（现为“${s(p, "value")}”，应为“${s(p, "expected")}”）。请补齐或调整各级。`,
    "en-US": (p) => `The star ladder must list levels 1 to 6 in order (found "${s(p, "value")}", expected "${s(p, "expected")}"). Complete or reorder the levels.`,
  },
  RULES_BAD_OPTION: {
    "zh-CN": (p) => `设置值“${s(p, "value")}”超出允许范围${rangeZh(p)}。请改为允许的值。`,
    "en-US": (p) => `The setting "${s(p, "value")}" is out of range${rangeEn(p)}. Enter an allowed value.`,
  },
  RULES_DUPLICATE_KEY: {
    "zh-CN": (p) => `键“${s(p, "value")}”重复使用。维度键和奖项键须各不相同，请改名其中一个。`,
    "en-US": (p) => `The key "${s(p, "value")}" is used twice. Dimension and award keys must be unique; rename one.`,
  },
  // A rules file holding null, a list or a number: there is no path to lead with.
  RULES_NOT_AN_OBJECT: {
    "zh-CN": (p) => `评定规则文件的内容是 ${s(p, "value")}，不是一套规则。请改为一个 JSON 对象（{ … }），含 id、nameZh、nameEn、dimensions、stars、awards 等各项，格式同内置规则。`,
    "en-US": (p) => `The rules file holds ${s(p, "value")}, not a rule set. Write one JSON object ({ … }) with id, nameZh, nameEn, dimensions, stars, awards and the other parts, laid out as the built-in rules are.`,
  },
  RULES_MISSING_NAME: {
    "zh-CN": (p) => `键或名称为空${p.value !== undefined ? `（现为“${s(p, "value")}”）` : ""}。规则本身、每个维度和每个奖项都须有键（英文）、中文名称和英文名称，结果表中要用，请填写。`,
    "en-US": (p) => `A key or name is blank${p.value !== undefined ? ` (it is "${s(p, "value")}")` : ""}. The rules, every dimension and every award need a key, a Chinese name and an English name, which the results print; fill it in.`,
  },
  RULES_RESERVED_KEY: {
    "zh-CN": (p) => `键“${s(p, "value")}”是程序保留的名称，不能用作维度键或奖项键（结果按键存放，用它会丢失或与内部名称冲突）。请改用其他英文键，如 scale、strong。`,
    "en-US": (p) => `The key "${s(p, "value")}" is a name the program reserves and cannot key a dimension or award (results are stored by key, where it would vanish or clash with a built-in name). Choose another key, such as scale or strong.`,
  },
  RULES_BAD_PROVENANCE: {
    "zh-CN": (p) => `来源“${s(p, "value")}”无法识别。请填写 省文件、参照外省 或 推定（规则文件中写 official、otherProvince 或 inferred）。`,
    "en-US": (p) => `The source "${s(p, "value")}" is not known. Enter official, other province or inferred (in a rules file: official, otherProvince or inferred).`,
  },
  RULES_WEIGHT_TOO_LARGE: {
    "zh-CN": (p) => `数值“${s(p, "value")}”过大：与其他权重（及加分上限）相加超出可计算的数值范围。请填写实际的权重或分数，如 0–100 之间的数。`,
    "en-US": (p) => `The value "${s(p, "value")}" is too large: added to the other weights (and the bonus cap) it goes beyond the numbers that can be computed. Enter the actual weight or points, e.g. a number from 0 to 100.`,
  },
  RULES_UNKNOWN_DIMENSION: {
    "zh-CN": (p) => `奖项依据的维度“${s(p, "value")}”不存在。请填写“维度与指标”中已有的维度键。`,
    "en-US": (p) => `The award is ranked by dimension "${s(p, "value")}", which the rules lack. Enter a dimension key from "Dimensions and indicators".`,
  },
  RULES_SHEET_MISSING_ROW: {
    "zh-CN": (p) => `评定规则缺少“${s(p, "field")}”一行。请补回该行，或删除本表后重新插入评定规则。`,
    "en-US": (p) => `The rules sheet lacks the "${s(p, "field")}" row. Restore it, or delete the sheet and insert the rules again.`,
  },
  FAST_FALLBACK_GROWTH: {
    "zh-CN": (p) => `表中没有“上年综合排名”列，${s(p, "award") || "十快"}改按增加值增速评选。如需按名次进步评选，请加入“上年综合排名”列。`,
    "en-US": (p) => `There is no "PrevRank" column, so ${s(p, "award") || "the ten fastest"} is chosen by value-added growth. Add a "PrevRank" (上年综合排名) column to choose by rank improvement.`,
  },
  AWARD_TIE_LAST_PLACE: {
    "zh-CN": (p) => `“${s(p, "award")}”最后一名并列无法区分（${s(p, "zones")}），已全部列入，需人工确认。`,
    "en-US": (p) => `The last place of "${s(p, "award")}" is tied and cannot be split (${s(p, "zones")}); all tied zones were taken in. Please confirm by hand.`,
  },
  RULES_SHEET_MISSING_SECTION: {
    "zh-CN": (p) => `评定规则表缺少“${s(p, "section")}”部分。请删除本表后重新插入评定规则，或补回该部分的标题行。`,
    "en-US": (p) => `The rules sheet lacks its "${s(p, "section")}" section. Delete the sheet and insert the rules again, or restore that section's title row.`,
  },
  RULES_SHEET_NOT_A_NUMBER: {
    "zh-CN": (p) => `评定规则中“${s(p, "field")}”的值“${s(p, "value")}”不是数字。请填写数字。`,
    "en-US": (p) => `In the rules, "${s(p, "field")}" holds "${s(p, "value")}", which is not a number. Enter a number.`,
  },
  RULES_SHEET_BAD_CHOICE: {
    "zh-CN": (p) => `评定规则中“${s(p, "field")}”的值“${s(p, "value")}”无效。请填写以下之一：${s(p, "allowed")}。`,
    "en-US": (p) => `In the rules, "${s(p, "field")}" holds "${s(p, "value")}", which is not allowed. Enter one of: ${s(p, "allowed")}.`,
  },
  RULES_SHEET_BLANK: {
    "zh-CN": (p) => `评定规则中“${s(p, "field")}”为空。请填写该单元格。`,
    "en-US": (p) => `In the rules, "${s(p, "field")}" is blank. Fill it in.`,
  },
};

/** Rules issues from the engine's validator that the catalogue does not name one by one. */
const RULES_FALLBACK: Entry = {
  "zh-CN": (p) => `评定规则有误（${s(p, "path")}${p.value !== undefined ? `：${s(p, "value")}` : ""}）。请按说明改正该单元格，权重和门槛须为非负数，星级门槛不得随级别降低。`,
  "en-US": (p) => `The rules are invalid (${s(p, "path")}${p.value !== undefined ? `: ${s(p, "value")}` : ""}). Correct that cell: weights and thresholds must be non-negative and star thresholds must not fall with the level.`,
};

const GENERIC: Entry = {
  "zh-CN": (p) => `问题 ${s(p, "code")}。请检查该单元格。`,
  "en-US": (p) => `Problem ${s(p, "code")}. Check this cell.`,
};

/** Codes the catalogue words one by one (the others fall back to a RULES_ or a generic message). */
export function knownIssueCodes(): string[] {
  return Object.keys(CATALOG);
}

function entryFor(code: string): Entry {
  return CATALOG[code] ?? (code.startsWith("RULES_") ? RULES_FALLBACK : GENERIC);
}

/** Where an issue points: its cell, else its zone, else (rules from a file have no cells) its path in the rules. */
function locationOf(issue: Issue): string | undefined {
  const path = issue.params?.path;
  return issue.cell ?? issue.zone ?? (typeof path === "string" && path !== "" ? path : undefined);
}

/** The location with the zone it concerns, where the issue has a cell and a zone the text does not name: "B138（某某产业集聚区）". */
function locationWithZone(issue: Issue, text: string, locale: Locale): string | undefined {
  const where = locationOf(issue);
  const zone = issue.zone;
  // A message that quotes the zone already names it.
  if (where === undefined || zone === undefined || zone === "" || where === zone || text.includes(`“${zone}”`) || text.includes(`"${zone}"`)) return where;
  return locale === "zh-CN" ? `${where}（${zone}）` : `${where} (${zone})`;
}

/** The issue as one line in the report language, led by the cell it concerns. */
export function formatIssue(issue: Issue, locale: Locale): string {
  const params: Params = { code: issue.code, ...(issue.params ?? {}) };
  const lang = locale === "zh-CN" ? "zh" : "en";
  if (typeof params.indicator === "string") params.indicator = indicatorLabel(params.indicator, lang);
  if (typeof params.input === "string") params.input = indicatorLabel(params.input, lang);
  if (typeof params.columns === "string") params.columns = params.columns.split(",").map((key) => indicatorLabel(key, lang)).join(lang === "zh" ? "”、“" : '", "');
  const awardName = locale === "zh-CN" ? params.awardZh : params.awardEn;
  if (awardName !== undefined && awardName !== "") params.award = awardName;
  return withLocation(issue, entryFor(issue.code)[locale](params), locale);
}

/** An issue's text led by where it points and the zone it concerns, as every message catalogue words its lines. */
export function withLocation(issue: Issue, text: string, locale: Locale): string {
  const where = locationWithZone(issue, text, locale);
  if (where === undefined) return text;
  return locale === "zh-CN" ? `${where}：${text}` : `${where}: ${text}`;
}

/** Copies of the issues with .message filled in the report language. */
export function localizeIssues(issues: readonly Issue[], locale: Locale): Issue[] {
  return issues.map((i) => ({ ...i, message: formatIssue(i, locale) }));
}

/** What kind of problem each code is, in a few words: 校验报告's 问题类型 column. */
const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  NO_HEADER: { zh: "缺少表头", en: "No header" },
  MISSING_COLUMN_REQUIRED: { zh: "缺少必填列", en: "Required column missing" },
  DUPLICATE_COLUMN: { zh: "列名重复", en: "Duplicate column" },
  UNKNOWN_UNIT: { zh: "单位无法识别", en: "Unknown unit" },
  NO_DATA_ROWS: { zh: "没有数据行", en: "No data rows" },
  DUPLICATE_ZONE: { zh: "集聚区重复", en: "Duplicate zone" },
  REQUIRED_BLANK: { zh: "必填项为空", en: "Required cell blank" },
  NOT_A_NUMBER: { zh: "不是数字", en: "Not a number" },
  DATE_IN_NUMBER_COLUMN: { zh: "数字列中有日期", en: "Date in a number column" },
  UNCALCULATED_FORMULA: { zh: "公式未计算", en: "Formula not calculated" },
  CONTROL_CHARS_REMOVED: { zh: "已删除控制字符", en: "Control characters removed" },
  VETO_NONE_MARKERS: { zh: "否决事项写“无”", en: "Veto says none" },
  EXCEL_ERROR: { zh: "Excel 错误值", en: "Excel error value" },
  NEGATIVE_VALUE: { zh: "数值为负", en: "Negative value" },
  PERCENT_OUT_OF_RANGE: { zh: "百分比超出范围", en: "Percentage out of range" },
  BAD_STAR_LEVEL: { zh: "星级无效", en: "Invalid star level" },
  BAD_PREV_RANK: { zh: "上年排名无效", en: "Invalid previous rank" },
  TOO_MANY_ERRORS: { zh: "错误过多", en: "Too many errors" },
  TOTALS_ROW_SKIPPED: { zh: "跳过合计行", en: "Totals row skipped" },
  BLANK_ROW_SKIPPED: { zh: "跳过空行", en: "Blank row skipped" },
  NOTE_ROW_SKIPPED: { zh: "跳过说明行", en: "Note row skipped" },
  SHEET_NOT_FOUND: { zh: "找不到工作表", en: "Sheet not found" },
  UNKNOWN_PRESET: { zh: "没有该内置规则", en: "Unknown preset" },
  NOT_XLSX: { zh: "不是 xlsx 工作簿", en: "Not an .xlsx workbook" },
  UNREADABLE_WORKBOOK: { zh: "工作簿无法读取", en: "Unreadable workbook" },
  STRAY_CELLS_IGNORED: { zh: "忽略远处单元格", en: "Stray cells ignored" },
  XLSX_TOO_MANY_PARTS: { zh: "文件部件过多", en: "Too many parts in the file" },
  XLSX_PART_TOO_LARGE: { zh: "文件部件过大", en: "Part of the file too large" },
  XLSX_ZIP_BOMB: { zh: "压缩比异常", en: "Suspicious compression" },
  XLSX_TEXT_TOO_LONG: { zh: "文本过长", en: "Text too long" },
  SHEET_BEYOND_EXCEL: { zh: "超出 Excel 表格范围", en: "Beyond Excel's sheet size" },
  SHEET_TOO_SCATTERED: { zh: "单元格过于分散", en: "Cells too scattered" },
  WORKBOOK_TOO_MANY_CELLS: { zh: "单元格过多", en: "Too many cells" },
  TABLE_TOO_LARGE: { zh: "集聚区过多", en: "Table too large" },
  MERGED_CELLS_READ: { zh: "已按合并单元格读取", en: "Merged cells read" },
  INVISIBLE_CHARS_REMOVED: { zh: "已删除不可见字符", en: "Invisible characters removed" },
  RULES_FILE_UNREADABLE: { zh: "规则文件无法读取", en: "Rules file unreadable" },
  SHEET_NAME_TAKEN: { zh: "结果表已改名", en: "Result sheet renamed" },
  MISSING_VALUE: { zh: "缺少数值", en: "Value missing" },
  MISSING_COLUMN: { zh: "缺少指标列", en: "Indicator column missing" },
  DERIVED_OUT_OF_RANGE: { zh: "派生指标无法计算", en: "Derived value out of range" },
  MISSING_VALUE_MORE: { zh: "缺少数值（其余）", en: "More values missing" },
  FAST_FALLBACK_GROWTH: { zh: "十快改按增速评选", en: "Fastest by growth" },
  AWARD_TIE_LAST_PLACE: { zh: "末位并列", en: "Tie at last place" },
  RULES_NO_DIMENSIONS: { zh: "规则没有维度", en: "Rules: no dimension" },
  RULES_EMPTY_DIMENSION: { zh: "维度没有指标", en: "Rules: empty dimension" },
  RULES_NEGATIVE_WEIGHT: { zh: "权重无效", en: "Rules: invalid weight" },
  RULES_UNKNOWN_INDICATOR: { zh: "指标键无法识别", en: "Rules: unknown indicator" },
  RULES_UNKNOWN_METHOD: { zh: "计分方法无法识别", en: "Rules: unknown method" },
  RULES_TARGET_MISSING: { zh: "缺少目标值", en: "Rules: target missing" },
  RULES_BAD_THRESHOLD: { zh: "星级门槛无效", en: "Rules: invalid threshold" },
  RULES_THRESHOLD_DECREASING: { zh: "星级标准递减", en: "Rules: threshold falls" },
  RULES_BAD_LEVELS: { zh: "星级级别有误", en: "Rules: star levels" },
  RULES_BAD_OPTION: { zh: "设置超出范围", en: "Rules: setting out of range" },
  RULES_DUPLICATE_KEY: { zh: "键重复", en: "Rules: duplicate key" },
  RULES_NOT_AN_OBJECT: { zh: "规则文件格式有误", en: "Rules file not a rule set" },
  RULES_MISSING_NAME: { zh: "键或名称为空", en: "Rules: name missing" },
  RULES_RESERVED_KEY: { zh: "键为保留名称", en: "Rules: reserved key" },
  RULES_BAD_PROVENANCE: { zh: "来源无法识别", en: "Rules: unknown source" },
  RULES_WEIGHT_TOO_LARGE: { zh: "权重过大", en: "Rules: weight too large" },
  RULES_UNKNOWN_DIMENSION: { zh: "奖项维度不存在", en: "Rules: unknown dimension" },
  RULES_SHEET_MISSING_ROW: { zh: "规则表缺少一行", en: "Rules sheet: row missing" },
  RULES_SHEET_MISSING_SECTION: { zh: "规则表缺少部分", en: "Rules sheet: section missing" },
  RULES_SHEET_NOT_A_NUMBER: { zh: "规则值不是数字", en: "Rules sheet: not a number" },
  RULES_SHEET_BAD_CHOICE: { zh: "规则值无效", en: "Rules sheet: invalid choice" },
  RULES_SHEET_BLANK: { zh: "规则值为空", en: "Rules sheet: blank" },
  PREV_NO_RESULTS: { zh: "没有上年结果", en: "No results last year" },
  PREV_NO_YEAR: { zh: "上年结果无年度", en: "Last year's results: no year" },
  PREV_YEAR_NOT_BEFORE: { zh: "上年结果年度有误", en: "Last year's year not earlier" },
  HISTORY_ROW_SKIPPED: { zh: "历年评定行未读", en: "History row skipped" },
  HISTORY_NO_YEAR: { zh: "本年未记入历年", en: "Year not added to history" },
  ZONE_NOT_IN_PREVIOUS: { zh: "上年无此集聚区", en: "Not rated last year" },
  ZONE_DROPPED: { zh: "本年无此集聚区", en: "Missing this year" },
  NAME_MAP_UNKNOWN: { zh: "名称对照有误", en: "Name map: unknown name" },
  PREV_VALUE_CONFLICT: { zh: "与上年结果不同", en: "Differs from last year" },
  EXIT_WARNING: { zh: "退出预警", en: "Exit warning" },
};

/** The kind of problem a code stands for, in the report language (a rules code the table lacks: a rules error). */
export function issueKindName(code: string, locale: Locale): string {
  const names = KIND_NAMES[code] ?? (code.startsWith("RULES_") ? { zh: "评定规则有误", en: "Rules error" } : { zh: "其他问题", en: "Other problem" });
  return locale === "zh-CN" ? names.zh : names.en;
}

/** Codes with a kind name of their own, for the test that every code has one. */
export function namedIssueKinds(): string[] {
  return Object.keys(KIND_NAMES);
}
