// What the command line says about files when it stops with exit 1, in the report language, and
// the one place where Node's error codes become such sentences. A user's mistake (a folder given as
// a file, a full disk, no permission) is told in one sentence that names the path; only an error
// this module cannot word is a bug, and only a bug may print a stack.
import { join } from "node:path";
import type { Locale } from "../i18n/locale";

/** What a path is to the run. */
export type FileRole = "input" | "rules" | "out" | "json";

/** A path as the user gave it, with what it is to the run. */
export interface FileRef {
  role: FileRole;
  path: string;
}

/** A file the run writes. */
export interface OutputRef extends FileRef {
  role: "out" | "json";
}

/** A refusal or failure the user can act on: printed as one line, exit 1, no stack. */
export class CliError extends Error {}

interface Words {
  zh: string;
  en: string;
}

const ROLE: Record<FileRole, Words> = {
  input: { zh: "输入工作簿", en: "the input workbook" },
  rules: { zh: "规则文件（--rules）", en: "the rules file (--rules)" },
  out: { zh: "结果工作簿（--out）", en: "the rated workbook (--out)" },
  json: { zh: "结果 JSON 文件（--json）", en: "the JSON result (--json)" },
};

const FLAG: Record<Exclude<FileRole, "input">, string> = { rules: "--rules", out: "--out", json: "--json" };

const EXAMPLE_NAME: Record<FileRole, string> = { input: "zones.xlsx", rules: "rules.json", out: "rated.xlsx", json: "result.json" };

function say(locale: Locale, words: Words): string {
  return locale === "zh-CN" ? words.zh : words.en;
}

/** The role and the path, e.g. 输入工作簿“a.xlsx” / the input workbook "a.xlsx". */
function named(ref: FileRef, locale: Locale): string {
  return locale === "zh-CN" ? `${ROLE[ref.role].zh}“${ref.path}”` : `${ROLE[ref.role].en} "${ref.path}"`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function inputNotFound(path: string, locale: Locale): string {
  return say(locale, {
    zh: `找不到输入工作簿“${path}”。请检查路径和文件名。`,
    en: `Input workbook not found: "${path}". Check the path and the file name.`,
  });
}

export function rulesNeitherPresetNorFile(value: string, presets: readonly string[], locale: Locale): string {
  return say(locale, {
    zh: `--rules“${value}”既不是内置规则（${presets.join("、")}），也不是已有的规则 .json 文件。请检查名称或路径。`,
    en: `--rules "${value}" is neither a preset (${presets.join(", ")}) nor an existing rules .json file. Check the name or the path.`,
  });
}

export function interrupted(locale: Locale): string {
  return say(locale, {
    zh: "已中断：未写入任何结果，已有的文件保持原样。",
    en: "Interrupted: no result was written; existing files were left as they were.",
  });
}

/** `target` (--out or --json) is the same file as `other`: the input, the rules file, or the other output. */
export function sameFile(target: OutputRef, other: FileRef, locale: Locale): string {
  if (other.role === "out" || other.role === "json") {
    return say(locale, {
      zh: `${FLAG[other.role]}“${other.path}”与 ${FLAG[target.role]}“${target.path}”是同一个文件，一个结果会覆盖另一个。请为两者分别指定不同的文件。`,
      en: `${FLAG[other.role]} "${other.path}" and ${FLAG[target.role]} "${target.path}" are the same file, so one result would overwrite the other. Give them different file names.`,
    });
  }
  return say(locale, {
    zh: `${named(target, "zh-CN")}就是${named(other, "zh-CN")}（同一个文件），写入会覆盖它，而用户的文件从不被覆盖。请为 ${FLAG[target.role]} 另选一个文件名。`,
    en: `${capitalised(named(target, "en-US"))} is ${named(other, "en-US")} (the same file): writing it would overwrite the user's file, which is never done. Choose another file name for ${FLAG[target.role]}.`,
  });
}

export function targetIsDirectory(ref: FileRef, locale: Locale): string {
  const example = join(ref.path, EXAMPLE_NAME[ref.role]);
  const fix =
    ref.role === "input"
      ? { zh: `请给出其中的工作簿文件，如“${example}”。`, en: `Give the workbook file in it, e.g. "${example}".` }
      : { zh: `请在 ${FLAG[ref.role]} 后写出文件名，如“${example}”。`, en: `Give a file name after ${FLAG[ref.role]}, e.g. "${example}".` };
  return say(locale, {
    zh: `${named(ref, "zh-CN")}是一个文件夹，不是文件。${fix.zh}`,
    en: `${capitalised(named(ref, "en-US"))} is a folder, not a file. ${fix.en}`,
  });
}

export function targetNotRegularFile(ref: OutputRef, locale: Locale): string {
  return say(locale, {
    zh: `${named(ref, "zh-CN")}不是普通文件（而是设备、管道或套接字），结果无法可靠地写入。请为 ${FLAG[ref.role]} 指定一个普通文件。`,
    en: `${capitalised(named(ref, "en-US"))} is not a regular file (it is a device, pipe or socket), so the result cannot be written safely. Give ${FLAG[ref.role]} a regular file.`,
  });
}

export function parentNotDirectory(ref: FileRef, parent: string, locale: Locale): string {
  return say(locale, {
    zh: `无法写入${named(ref, "zh-CN")}：其上级“${parent}”是一个文件，不是文件夹。请换一个文件夹。`,
    en: `Cannot write ${named(ref, "en-US")}: "${parent}" above it is a file, not a folder. Choose another folder.`,
  });
}

/** Node's error code, when `e` is an error of the operating system (fs, streams); else undefined. */
export function systemErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === "string" && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * The sentence for an operating-system error met while reading or writing `ref`; undefined for
 * any other error, which is then a bug.
 */
export function fileErrorMessage(e: unknown, ref: FileRef, action: "read" | "write", locale: Locale): string | undefined {
  const code = systemErrorCode(e);
  if (code === undefined) return undefined;
  const zh = named(ref, "zh-CN");
  const en = named(ref, "en-US");
  const verbZh = action === "read" ? "读取" : "写入";
  switch (code) {
    case "ENOENT":
      if (ref.role === "input") return inputNotFound(ref.path, locale);
      return say(locale, {
        zh: `无法${verbZh}${zh}：${action === "read" ? "文件" : "所在的文件夹"}不存在。请检查路径后重试。`,
        en: `Cannot ${action} ${en}: the ${action === "read" ? "file" : "folder"} does not exist. Check the path and try again.`,
      });
    case "EISDIR":
      return targetIsDirectory(ref, locale);
    case "ENOTDIR":
      return say(locale, {
        zh: `无法${verbZh}${zh}：路径中有一段是文件而不是文件夹。请检查路径后重试。`,
        en: `Cannot ${action} ${en}: part of the path is a file, not a folder. Check the path and try again.`,
      });
    case "ENOSPC":
    case "EDQUOT":
      return say(locale, {
        zh: `磁盘空间不足（或超出配额），无法写入${zh}；已有的文件未被改动。请清理磁盘空间或换一个位置后重试。`,
        en: `The disk is full (or over quota), so ${en} cannot be written; existing files were left as they were. Free some space or choose another place and try again.`,
      });
    case "EACCES":
    case "EPERM":
      return say(locale, {
        zh: `没有权限${verbZh}${zh}。${action === "read" ? "请检查该文件的权限后重试。" : "请换一个有写权限的文件夹，或检查该文件是否只读、是否正在 Excel 中打开。"}`,
        en: `No permission to ${action} ${en}. ${action === "read" ? "Check the file's permissions and try again." : "Choose a folder you may write to, or check that the file is not read-only or open in Excel."}`,
      });
    case "EROFS":
      return say(locale, {
        zh: `${zh}所在的磁盘是只读的，无法写入。请换一个可写的位置。`,
        en: `${capitalised(en)} is on a read-only disk and cannot be written. Choose a writable place.`,
      });
    case "EBUSY":
      return say(locale, {
        zh: `${zh}正被其他程序占用（可能已在 Excel 中打开）。请关闭它后重试。`,
        en: `${capitalised(en)} is in use by another program (perhaps open in Excel). Close it and try again.`,
      });
    case "ENAMETOOLONG":
      return say(locale, {
        zh: `${zh}的路径太长。请换一个较短的路径。`,
        en: `The path of ${en} is too long. Choose a shorter path.`,
      });
    default:
      return say(locale, {
        zh: `无法${verbZh}${zh}（系统错误 ${code}）。请检查该位置后重试。`,
        en: `Cannot ${action} ${en} (system error ${code}). Check that place and try again.`,
      });
  }
}
