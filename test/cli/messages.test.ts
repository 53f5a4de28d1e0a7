import { fileErrorMessage, type FileRef } from "../../src/cli/messages";
import { systemError } from "./fixtures";

const json: FileRef = { role: "json", path: "/data/out/result.json" };

describe("fileErrorMessage", () => {
  it.each([
    ["ENOSPC", /^磁盘空间不足.*“\/data\/out\/result\.json”.*请清理磁盘空间或换一个位置后重试。$/, /^The disk is full .*"\/data\/out\/result\.json".*Free some space/],
    ["EACCES", /^没有权限写入结果 JSON 文件（--json）“\/data\/out\/result\.json”。请换一个有写权限的文件夹/, /^No permission to write the JSON result \(--json\) "\/data\/out\/result\.json"\. Choose a folder/],
    ["EPERM", /^没有权限写入.*“\/data\/out\/result\.json”/, /^No permission to write .*"\/data\/out\/result\.json"/],
    ["EROFS", /^结果 JSON 文件（--json）“\/data\/out\/result\.json”所在的磁盘是只读的.*请换一个可写的位置。$/, /^The JSON result \(--json\) "\/data\/out\/result\.json" is on a read-only disk/],
    ["EISDIR", /“\/data\/out\/result\.json”是一个文件夹，不是文件。请在 --json 后写出文件名/, /is a folder, not a file\. Give a file name after --json/],
    ["EIO", /^无法写入.*“\/data\/out\/result\.json”（系统错误 EIO）/, /^Cannot write .*"\/data\/out\/result\.json" \(system error EIO\)/],
  ])("words %s as one sentence naming the path, in both languages", (code, zh, en) => {
    const zhText = fileErrorMessage(systemError(code), json, "write", "zh-CN") ?? "";
    const enText = fileErrorMessage(systemError(code), json, "write", "en-US") ?? "";
    expect(zhText).toMatch(zh);
    expect(enText).toMatch(en);
    for (const text of [zhText, enText]) expect(text).not.toMatch(/\n|\s{4}at /);
  });

  it("words a read error of the input as a reading problem", () => {
    const input: FileRef = { role: "input", path: "zones.xlsx" };
    expect(fileErrorMessage(systemError("EACCES"), input, "read", "zh-CN")).toBe("没有权限读取输入工作簿“zones.xlsx”。请检查该文件的权限后重试。");
    expect(fileErrorMessage(systemError("EISDIR"), input, "read", "en-US")).toMatch(/^The input workbook "zones\.xlsx" is a folder, not a file\. Give the workbook file in it/);
  });

  it("leaves an error that is not the operating system's to the caller, as a bug", () => {
    expect(fileErrorMessage(new TypeError("x is undefined"), json, "write", "zh-CN")).toBeUndefined();
    expect(fileErrorMessage("ENOSPC", json, "write", "zh-CN")).toBeUndefined();
  });
});
