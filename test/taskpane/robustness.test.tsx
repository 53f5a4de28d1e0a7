import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { analyseRobustness } from "../../src/engine/robustness";
import { RobustnessChart } from "../../src/taskpane/components/RobustnessChart";
import { chartZones, RobustnessPanel } from "../../src/taskpane/components/RobustnessPanel";
import { RobustnessCancelled, startRobustness, type WorkerPort } from "../../src/taskpane/robustnessClient";
import { runRobustnessJob } from "../../src/taskpane/robustnessJob";
import type { RobustnessReply, RobustnessRequest } from "../../src/taskpane/robustnessProtocol";
import { translator } from "../../src/taskpane/strings";
import { ON_GATE, dim, ind, rules, table, topAward, zone } from "../engine/fixtures";
import { HostDouble } from "./doubles";

function request(runs: number): RobustnessRequest {
  const zones = Array.from({ length: 40 }, (_, i) => zone(`区${i}`, { ...ON_GATE, fai: 10 + ((i * 7) % 40), outCap: 5 + ((i * 13) % 40) }));
  const r = rules([dim("x", 50, [ind("fai", 1, "minmax")]), dim("y", 50, [ind("outCap", 1, "minmax")])], { awards: [topAward("top5", 5, { kind: "composite" })] });
  return { table: table(zones), rules: r, options: { runs, seed: 5, weightShare: 0.3, varyMethods: false } };
}

/** A worker that runs the job on a later turn, as a real one answers asynchronously; it records whether it was stopped. */
class FakeWorker implements WorkerPort {
  onmessage: ((event: MessageEvent<RobustnessReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly behaviour: "run" | "hang" | "crash" = "run") {}
  postMessage(req: RobustnessRequest): void {
    if (this.behaviour === "hang") return;
    setTimeout(() => {
      if (this.behaviour === "crash") this.onerror?.({ message: "Uncaught SyntaxError" } as ErrorEvent);
      else runRobustnessJob(structuredClone(req), (reply) => !this.terminated && this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<RobustnessReply>));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("startRobustness", () => {
  it("passes progress on and answers with the analysis the engine gives", async () => {
    const worker = new FakeWorker();
    const seen: number[] = [];
    const run = startRobustness(request(300), (done) => seen.push(done), () => worker);
    const { result, elapsedMs } = await run.done;
    const req = request(300);
    expect(result).toEqual(analyseRobustness(req.table, req.rules, req.options));
    expect(elapsedMs).toBeGreaterThanOrEqual(0);
    expect(seen[seen.length - 1]).toBe(300);
    expect(worker.terminated).toBe(true);
  });

  it("rejects with the job's own message when the analysis refuses its options", async () => {
    const run = startRobustness({ ...request(10), options: { runs: 0, seed: 1, weightShare: 0.2, varyMethods: false } }, () => undefined, () => new FakeWorker());
    await expect(run.done).rejects.toThrow("runs must be a whole number of at least 1");
  });

  it("rejects when the worker script itself fails", async () => {
    const run = startRobustness(request(10), () => undefined, () => new FakeWorker("crash"));
    await expect(run.done).rejects.toThrow("Uncaught SyntaxError");
  });

  it("stops the worker when cancelled", async () => {
    const worker = new FakeWorker("hang");
    const run = startRobustness(request(10), () => undefined, () => worker);
    run.cancel();
    await expect(run.done).rejects.toBeInstanceOf(RobustnessCancelled);
    expect(worker.terminated).toBe(true);
  });
});

function html(element: ReactElement): string {
  return renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
}

describe("RobustnessPanel", () => {
  it("offers the settings with their defaults and says that stars do not move with weights", () => {
    const t = translator("zh-CN");
    const markup = html(<RobustnessPanel ctx={{ host: new HostDouble(), locale: "zh-CN", t, dispatch: () => undefined }} presetId="henan-2013" sheet={undefined} disabled={false} dataVersion={0} runButton={t("buttonRun")} />);
    expect(markup).toContain(t("robustnessStarsNote"));
    expect(markup).toMatch(/<option value="10000" selected="">10,000 次<\/option>/);
    expect(markup).toMatch(/data-testid="robustness-share"[^>]*value="20"|value="20"[^>]*data-testid="robustness-share"/);
    expect(markup).toContain(t("robustnessRun"));
    expect(markup).not.toContain('data-testid="robustness-result"');
  });
});

describe("the zones the pane's chart draws", () => {
  // Two awards: the top 5 by composite and the top 3 by the y points, exclusive, so the second's winners sit far down the ranking.
  const zones = Array.from({ length: 60 }, (_, i) => zone(`区${i}`, { ...ON_GATE, fai: 100 - i, outCap: i < 10 ? 1 : i }));
  const r = rules([dim("x", 80, [ind("fai", 1, "minmax")]), dim("y", 20, [ind("outCap", 1, "minmax")])], {
    awards: [topAward("top5", 5, { kind: "composite" }), topAward("ylead", 3, { kind: "dimensions", dimensions: ["y"] })],
  });
  const result = analyseRobustness(table(zones), r, { runs: 300, seed: 3, weightShare: 0.2, varyMethods: false });

  it("are the leaders, every winner and every zone close to an award, in rank order", () => {
    const drawn = chartZones(result);
    const winners = result.zones.filter((z) => z.awards.length > 0);
    // The y award's winners rank far below the top 30 the chart used to stop at.
    expect(Math.max(...winners.map((z) => z.rank))).toBeGreaterThan(30);
    for (const w of winners) expect(drawn).toContainEqual(w);
    for (const a of result.awards) for (const c of a.close) expect(drawn.map((z) => z.zone)).toContain(c.zone);
    expect(drawn.slice(0, 10)).toEqual(result.zones.slice(0, 10));
    expect(drawn.map((z) => z.rank)).toEqual([...drawn.map((z) => z.rank)].sort((a, b) => a - b));
    expect(drawn.length).toBeLessThan(result.zones.length);
  });
});

describe("RobustnessChart", () => {
  const req = request(400);
  const zones = analyseRobustness(req.table, req.rules, req.options).zones.slice(0, 30);
  const markup = html(<RobustnessChart zones={zones} t={translator("en-US")} />);

  it("draws one bar with a median dot per zone, each titled with its figures", () => {
    expect(markup.match(/data-testid="robustness-row"/g)).toHaveLength(30);
    expect(markup.match(/<rect /g)).toHaveLength(30);
    expect(markup.match(/<circle /g)).toHaveLength(30);
    const z = zones[0];
    expect(markup).toContain(`<title>Rank ${z.rank} ${z.zone}: median rank ${z.medianRank}, interval ${z.rankP5}–${z.rankP95}</title>`);
    expect(markup).toContain('role="img"');
  });

  it("spans each bar from the 5 % to the 95 % rank on one scale", () => {
    const bars = [...markup.matchAll(/<rect [^>]*x="([\d.]+)"[^>]*width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const perRank = zones.map((z, k) => (bars[k][1] - 6) / Math.max(z.rankP95 - z.rankP5, 1e-9));
    const spread = zones.map((z, k) => [z, perRank[k]] as const).filter(([z]) => z.rankP95 > z.rankP5);
    expect(spread.length).toBeGreaterThan(5);
    for (const [, scale] of spread) expect(scale).toBeCloseTo(spread[0][1], 6);
  });
});
