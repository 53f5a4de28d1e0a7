import { renamedSheetsLine } from "../../src/cli/summary";

describe("renamedSheetsLine", () => {
  const planned = ["星级评定", "综合排名", "校验报告"];

  it("says nothing when every result sheet got its name", () => {
    expect(renamedSheetsLine(planned, planned, "zh-CN")).toBeUndefined();
  });

  it("names each result sheet that went under a suffixed name because a user's sheet held its name", () => {
    const written = ["星级评定 (2)", "综合排名", "校验报告 (3)"];
    expect(renamedSheetsLine(planned, written, "zh-CN")).toBe("星级评定 已存在（用户工作表），结果写入 星级评定 (2)；校验报告 已存在（用户工作表），结果写入 校验报告 (3)");
    expect(renamedSheetsLine(["Stars"], ["Stars (2)"], "en-US")).toBe("Stars already exists (a user's sheet); the result went to Stars (2)");
  });
});
