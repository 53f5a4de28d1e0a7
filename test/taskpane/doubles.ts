// A hand-written RatingHost and a small hand-made result, for the pane's tests.
import type { RatingHost, RunOptions, RunOutcome, SheetChange, StopWatching, WorkbookOverview } from "../../src/host/host";
import { getPreset } from "../../src/engine/presets";
import type { Issue, RatingResult, ZoneResult } from "../../src/engine/types";
import type { Locale } from "../../src/i18n/locale";
import type { RatingInput, SheetWritten } from "../../src/host/host";
import type { RobustnessResult } from "../../src/engine/robustness";

export function zone(name: string, rank: number, stars: number, prevStars: number | null, starStatus: ZoneResult["starStatus"]): ZoneResult {
  return {
    zone: name,
    city: "郑州市",
    indicators: [],
    dimensions: {},
    bonus: 0,
    penalty: 0,
    composite: 100 - rank,
    rank,
    tied: false,
    cityRank: rank,
    cityTied: false,
    prevRank: null,
    rankChange: null,
    stars,
    prevStars,
    starStatus,
    belowGate: false,
    nextStar: null,
    awards: [],
    vetoed: false,
    plaque: stars >= 2,
    derived: {},
  };
}

/** Three zones: 甲 promoted 1★→2★, 乙 first star 0→1★, 丙 kept at 0; 甲 wins 十强, 乙 十快. */
export function smallResult(): RatingResult {
  const rules = getPreset("henan-2013");
  if (!rules) throw new Error("preset henan-2013 missing");
  return {
    rules,
    year: 2013,
    zones: [zone("甲集聚区", 1, 2, 1, "promoted"), zone("乙集聚区", 2, 1, 0, "first"), zone("丙集聚区", 3, 0, 0, "kept")],
    awards: [
      { key: "strong", nameZh: "十强", nameEn: "Top 10 strongest", prizeYuan: 5_000_000, zones: ["甲集聚区"], tieAtLastPlace: false, metricUsed: "composite" },
      { key: "fast", nameZh: "十快", nameEn: "Top 10 fastest", prizeYuan: 5_000_000, zones: ["乙集聚区"], tieAtLastPlace: true, metricUsed: "rankChange" },
    ],
    prizeTotalYuan: 10_000_000,
    starCounts: { "0": 1, "1": 1, "2": 1, "3": 0, "4": 0, "5": 0, "6": 0 },
    plaque: ["甲集聚区"],
    issues: [],
  };
}

export function overview(partial: Partial<WorkbookOverview> = {}): WorkbookOverview {
  const rules = getPreset("henan-2013");
  if (!rules) throw new Error("preset henan-2013 missing");
  return {
    sheets: [{ name: "指标数据", id: "{DATA}", ownedByAddin: false, hasIndicatorTable: true, tables: [] }],
    indicatorSheet: "指标数据",
    zoneCount: 3,
    rules,
    rulesSource: "preset",
    presetId: "henan-2013",
    issues: [],
    ...partial,
  };
}

export const ERROR_AT_E7: Issue = { severity: "error", code: "NOT_A_NUMBER", sheet: "指标数据", cell: "E7", message: "E7 不是数字" };

type Call = { method: keyof RatingHost; args: unknown[] };

/** Records every call; each method's behaviour can be replaced per test. */
export class HostDouble implements RatingHost {
  readonly calls: Call[] = [];
  overviewImpl: () => Promise<WorkbookOverview> = async () => overview();
  runImpl: (options: RunOptions) => Promise<RunOutcome> = async (options) => {
    options.onProgress?.(0.5, "写入");
    return { ok: true, result: smallResult(), issues: [], sheetsWritten: ["星级评定", "综合排名"], notices: [] };
  };
  selectImpl: () => Promise<void> = async () => undefined;
  removeImpl: () => Promise<number> = async () => 7;

  overview(locale: Locale, presetId?: string): Promise<WorkbookOverview> {
    this.calls.push({ method: "overview", args: [locale, presetId] });
    return this.overviewImpl();
  }
  run(options: RunOptions): Promise<RunOutcome> {
    this.calls.push({ method: "run", args: [options] });
    return this.runImpl(options);
  }
  async insertRulesSheet(presetId: string, locale: Locale): Promise<string> {
    this.calls.push({ method: "insertRulesSheet", args: [presetId, locale] });
    return "评定规则";
  }
  async insertSampleSheet(locale: Locale): Promise<string> {
    this.calls.push({ method: "insertSampleSheet", args: [locale] });
    return "示例数据";
  }
  removeResultSheets(): Promise<number> {
    this.calls.push({ method: "removeResultSheets", args: [] });
    return this.removeImpl();
  }
  selectCell(sheet: string, cell: string): Promise<void> {
    this.calls.push({ method: "selectCell", args: [sheet, cell] });
    return this.selectImpl();
  }
  /** What readInput answers: by default the errors that stop a run. */
  inputImpl: () => Promise<RatingInput> = async () => ({ ok: false, issues: [ERROR_AT_E7] });
  readInput(options: Omit<RunOptions, "onProgress">): Promise<RatingInput> {
    this.calls.push({ method: "readInput", args: [options] });
    return this.inputImpl();
  }
  async writeRobustnessSheet(result: RobustnessResult, locale: Locale): Promise<SheetWritten> {
    this.calls.push({ method: "writeRobustnessSheet", args: [result, locale] });
    return { sheet: locale === "zh-CN" ? "稳健性分析" : "Robustness", notices: [] };
  }
  /** The listeners watching now; a test calls them as Excel's events would. */
  readonly watchers = new Set<(change: SheetChange) => void>();
  /** False stands for an Excel without worksheet events. */
  eventsSupported = true;
  async watchSheets(listener: (change: SheetChange) => void): Promise<StopWatching | undefined> {
    this.calls.push({ method: "watchSheets", args: [] });
    if (!this.eventsSupported) return undefined;
    this.watchers.add(listener);
    return async () => void this.watchers.delete(listener);
  }
}
