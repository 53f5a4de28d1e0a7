import { STRING_BUNDLES, format, translator } from "../../src/taskpane/strings";

describe("string bundles", () => {
  const zh = STRING_BUNDLES["zh-CN"];
  const en = STRING_BUNDLES["en-US"];

  it("have the same keys in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it("have no empty string", () => {
    for (const bundle of [zh, en]) {
      for (const [key, text] of Object.entries(bundle)) expect({ key, blank: text.trim() === "" }).toEqual({ key, blank: false });
    }
  });

  it("use the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) expect({ key, names: names(en[key]) }).toEqual({ key, names: names(zh[key]) });
  });

  it("keep the English bundle free of Chinese except quoted unit names", () => {
    const han = /[\u4e00-\u9fff]/;
    const withHan = Object.entries(en).filter(([, text]) => han.test(text));
    expect(withHan).toEqual([]);
  });
});

describe("format", () => {
  it("fills named placeholders, repeated ones too", () => {
    expect(format("{a} 与 {b}，{a}", { a: "甲", b: 2 })).toBe("甲 与 2，甲");
  });

  it("leaves a placeholder without a value visible", () => {
    expect(format("共 {count} 个", {})).toBe("共 {count} 个");
  });

  it("is reached through the translator of each locale", () => {
    expect(translator("zh-CN")("zoneCount", { count: 180 })).toBe("集聚区数量：180 个");
    expect(translator("en-US")("zoneCount", { count: 180 })).toBe("Zones: 180");
  });
});
