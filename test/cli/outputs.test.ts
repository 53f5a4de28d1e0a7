import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileErrorMessage, type OutputRef } from "../../src/cli/messages";
import { nodeOutputFs, OutputWriteError, writeAllOrNothing, type Output, type OutputFs } from "../../src/cli/outputs";
import { systemError } from "./fixtures";

function textOutput(ref: OutputRef, text: string): Output {
  return { ref, write: (tempPath, fs) => fs.writeFile(tempPath, text) };
}

/** A folder holding an existing rated workbook and JSON from an earlier run. */
function earlierRun(): { dir: string; out: OutputRef; json: OutputRef } {
  const dir = mkdtempSync(join(tmpdir(), "rate-outputs-"));
  const out: OutputRef = { role: "out", path: join(dir, "rated.xlsx") };
  const json: OutputRef = { role: "json", path: join(dir, "result.json") };
  writeFileSync(out.path, "old workbook");
  writeFileSync(json.path, "old json");
  return { dir, out, json };
}

async function failure(run: Promise<void>): Promise<OutputWriteError> {
  try {
    await run;
  } catch (e) {
    if (e instanceof OutputWriteError) return e;
    throw e;
  }
  throw new Error("the outputs were written although a step failed");
}

describe("writeAllOrNothing", () => {
  it("writes every output into place and leaves no temporary file", async () => {
    const { dir, out, json } = earlierRun();
    await writeAllOrNothing([textOutput(out, "new workbook"), textOutput(json, "new json")]);
    expect(readFileSync(out.path, "utf8")).toBe("new workbook");
    expect(readFileSync(json.path, "utf8")).toBe("new json");
    expect(readdirSync(dir).sort()).toEqual(["rated.xlsx", "result.json"]);
  });

  it("on a full disk while writing the JSON, leaves both earlier files as they were and says so in one sentence", async () => {
    const { dir, out, json } = earlierRun();
    const fullDisk: OutputFs = {
      ...nodeOutputFs,
      writeFile: (path, text) => {
        if (basename(path).startsWith(".result.json.")) throw systemError("ENOSPC", path);
        nodeOutputFs.writeFile(path, text);
      },
    };
    const error = await failure(writeAllOrNothing([textOutput(out, "new workbook"), textOutput(json, "new json")], fullDisk));
    expect(error.ref).toBe(json);
    expect(readFileSync(out.path, "utf8")).toBe("old workbook");
    expect(readFileSync(json.path, "utf8")).toBe("old json");
    expect(readdirSync(dir).sort()).toEqual(["rated.xlsx", "result.json"]);
    expect(fileErrorMessage(error.cause, error.ref, "write", "zh-CN")).toBe(`磁盘空间不足（或超出配额），无法写入结果 JSON 文件（--json）“${json.path}”；已有的文件未被改动。请清理磁盘空间或换一个位置后重试。`);
  });

  it("writes no JSON when the workbook cannot be written", async () => {
    const { dir, out, json } = earlierRun();
    const failingWorkbook: Output = {
      ref: out,
      write: (tempPath) => {
        writeFileSync(tempPath, "half a workbook");
        throw systemError("EACCES", tempPath);
      },
    };
    const error = await failure(writeAllOrNothing([failingWorkbook, textOutput(json, "new json")]));
    expect(error.ref).toBe(out);
    expect(readFileSync(out.path, "utf8")).toBe("old workbook");
    expect(readFileSync(json.path, "utf8")).toBe("old json");
    expect(readdirSync(dir).sort()).toEqual(["rated.xlsx", "result.json"]);
  });

  it("puts the first file back when the second cannot be renamed into place", async () => {
    const { dir, out, json } = earlierRun();
    const inodeBefore = statSync(out.path).ino;
    const lastRenameFails: OutputFs = {
      ...nodeOutputFs,
      rename: (from, to) => {
        if (to === json.path) throw systemError("EROFS", to);
        nodeOutputFs.rename(from, to);
      },
    };
    const error = await failure(writeAllOrNothing([textOutput(out, "new workbook"), textOutput(json, "new json")], lastRenameFails));
    expect(error.ref).toBe(json);
    expect(readFileSync(out.path, "utf8")).toBe("old workbook");
    expect(statSync(out.path).ino).toBe(inodeBefore);
    expect(readFileSync(json.path, "utf8")).toBe("old json");
    expect(readdirSync(dir).sort()).toEqual(["rated.xlsx", "result.json"]);
  });

  it("removes a first file that did not exist before when the second cannot be renamed into place", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rate-outputs-"));
    const out: OutputRef = { role: "out", path: join(dir, "new", "rated.xlsx") };
    const json: OutputRef = { role: "json", path: join(dir, "new", "deeper", "result.json") };
    const lastRenameFails: OutputFs = {
      ...nodeOutputFs,
      rename: (from, to) => {
        if (to === json.path) throw systemError("ENOSPC", to);
        nodeOutputFs.rename(from, to);
      },
    };
    await failure(writeAllOrNothing([textOutput(out, "new workbook"), textOutput(json, "new json")], lastRenameFails));
    expect(existsSync(out.path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("passes on an error that is not the operating system's, for the caller to report as a bug", async () => {
    const { out } = earlierRun();
    const bug = new TypeError("plan.values is undefined");
    const error = await failure(
      writeAllOrNothing([
        {
          ref: out,
          write: () => {
            throw bug;
          },
        },
      ]),
    );
    expect(error.cause).toBe(bug);
    expect(fileErrorMessage(error.cause, error.ref, "write", "zh-CN")).toBeUndefined();
  });
});
