import fc from "fast-check";
import { prettyJson } from "../../src/cli/prettyJson";

describe("prettyJson", () => {
  test("its pieces join to exactly JSON.stringify(value, null, 2), for any JSON value and nesting", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect([...prettyJson(value)].join("")).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  test("undefined members, functions and dates come out as JSON.stringify writes them", () => {
    const value = { a: undefined, f: () => 1, list: [undefined, () => 2, new Date(0)], deep: { deeper: { deepest: { at: new Date(0), gone: undefined } } }, text: "line\nbreak" };
    expect([...prettyJson(value)].join("")).toBe(JSON.stringify(value, null, 2));
  });

  test("a long list comes out in pieces, one or more per member, never as one string", () => {
    const zones = Array.from({ length: 1000 }, (_, i) => ({ name: `zone ${i}`, score: i / 7 }));
    const pieces = [...prettyJson({ zones })];
    expect(pieces.length).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200);
  });
});
