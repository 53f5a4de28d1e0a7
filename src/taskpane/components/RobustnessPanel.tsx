// The 稳健性分析 section of the pane: settings, a run button, progress from the worker, the
// rank-interval chart and each award's borderline and close zones; the sheet written at the end.
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, ProgressBar, Select, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { AwardChance, RobustnessResult, ZoneRobustness } from "../../engine/robustness";
import { ROBUSTNESS_DEFAULTS } from "../../engine/robustnessSettings";
import { errorDetail, ownWork, type PaneContext } from "../actions";
import { formatNumber } from "../numbers";
import { RobustnessCancelled, startRobustness, type RobustnessRun, type WorkerPort } from "../robustnessClient";
import type { PaneMessage } from "../state";
import { RobustnessChart } from "./RobustnessChart";

const RUN_CHOICES = [1_000, ROBUSTNESS_DEFAULTS.runs, 50_000];
/** The chart shows the leaders of the nominal ranking besides every zone on or near an award list. */
const CHART_LEADERS = 10;
const MAX_SHARE_PERCENT = 95;

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9em, 1fr))", gap: tokens.spacingHorizontalM, alignItems: "end" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  note: { fontWeight: tokens.fontWeightSemibold },
  heading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  awards: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  awardName: { fontWeight: tokens.fontWeightSemibold },
});

type Phase = "idle" | "reading" | "running" | "writing";

interface Analysis {
  result: RobustnessResult;
  elapsedMs: number;
  /** The data it was run on (see `dataVersion`). */
  version: unknown;
}

/**
 * The zones the chart draws, in rank order: the leaders, every award winner and every zone close
 * to an award, so 十快's and 十先进's winners, far down the composite ranking, are drawn too.
 */
export function chartZones(result: RobustnessResult): ZoneRobustness[] {
  const near = new Set(result.awards.flatMap((a) => [...a.stable, ...a.borderline, ...a.close].map((c) => c.zone)));
  return result.zones.filter((z, i) => i < CHART_LEADERS || z.awards.length > 0 || near.has(z.zone));
}

function parseShare(text: string): number | undefined {
  const v = Number(text);
  return text.trim() !== "" && Number.isFinite(v) && v >= 0 && v <= MAX_SHARE_PERCENT ? v : undefined;
}

function parseSeed(text: string): number | undefined {
  const v = Number(text);
  return /^\d+$/.test(text.trim()) && v <= 0xffffffff ? v : undefined;
}

export function RobustnessPanel({ ctx, presetId, sheet, disabled, dataVersion, runButton, createWorker }: {
  ctx: PaneContext;
  presetId: string;
  sheet: string | undefined;
  /** Another action of the pane is under way. */
  disabled: boolean;
  /** Changes whenever the rated data may have (a new rating, edits heard): an analysis of other data is no longer shown. */
  dataVersion: unknown;
  /** The label the pane's rating button shows now, which messages name. */
  runButton: string;
  /** Makes the analysis's worker: a Blob-URL one where the page cannot load it by URL (file:// pages), a stand-in in tests. */
  createWorker?: () => WorkerPort;
}) {
  const styles = useStyles();
  const { host, locale, t } = ctx;
  const [runs, setRuns] = useState<number>(ROBUSTNESS_DEFAULTS.runs);
  const [shareText, setShareText] = useState(String(ROBUSTNESS_DEFAULTS.weightShare * 100));
  const [seedText, setSeedText] = useState(String(ROBUSTNESS_DEFAULTS.seed));
  const [varyMethods, setVaryMethods] = useState(false);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState({ done: 0, total: 1 });
  const [analysis, setAnalysis] = useState<Analysis>();
  const [unwritten, setUnwritten] = useState(false);
  const [message, setMessage] = useState<PaneMessage>();
  const job = useRef<RobustnessRun | undefined>(undefined);
  // A run under way is stopped when the pane closes, or when the data change (a new rating removes the sheet it would write).
  useEffect(() => () => job.current?.cancel(), [dataVersion]);

  const share = parseShare(shareText);
  const seed = parseSeed(seedText);
  const n = (v: number) => formatNumber(v, locale);

  async function write(done: Analysis): Promise<void> {
    setPhase("writing");
    try {
      // Marked as the add-in's own work, so the pane does not take the new sheet for a user's edit.
      const written = await ownWork(ctx, () => host.writeRobustnessSheet(done.result, locale));
      setUnwritten(false);
      const text = t(host.files ? "robustnessDoneFile" : "robustnessDone", { runs: n(done.result.runs), seconds: formatNumber(done.elapsedMs / 1000, locale, 1), sheet: written.sheet });
      setMessage({ intent: "success", text: [text, ...written.notices].join(" ") });
    } catch (error) {
      setUnwritten(true);
      setMessage({ intent: "warning", text: t("robustnessWriteFailed", { detail: errorDetail(error, t) }) });
    }
    setPhase("idle");
  }

  async function run(weightShare: number, seedValue: number): Promise<void> {
    setMessage(undefined);
    setPhase("reading");
    let input;
    try {
      input = await host.readInput({ locale, presetId, ...(sheet !== undefined ? { sheet } : {}) });
    } catch (error) {
      setMessage({ intent: "error", text: t("robustnessFailed", { detail: errorDetail(error, t) }) });
      setPhase("idle");
      return;
    }
    if (!input.ok || !input.table || !input.rules) {
      setMessage({ intent: "error", text: t("robustnessInputErrors", { errors: input.issues.filter((i) => i.severity === "error").length, button: runButton }) });
      setPhase("idle");
      return;
    }
    setProgress({ done: 0, total: runs });
    setPhase("running");
    const started = startRobustness(
      { table: input.table, rules: input.rules, options: { runs, seed: seedValue, weightShare: weightShare / 100, varyMethods } },
      (done, total) => setProgress({ done, total }),
      createWorker,
    );
    job.current = started;
    let done: Omit<Analysis, "version">;
    try {
      done = await started.done;
    } catch (error) {
      setMessage(error instanceof RobustnessCancelled ? { intent: "info", text: t("robustnessCancelled") } : { intent: "error", text: t("robustnessFailed", { detail: errorDetail(error, t) }) });
      setPhase("idle");
      return;
    } finally {
      job.current = undefined;
    }
    const analysed = { ...done, version: dataVersion };
    setAnalysis(analysed);
    await write(analysed);
  }

  const working = phase !== "idle";
  const status = phase === "reading" ? t("robustnessReading") : phase === "running" ? t("robustnessProgress", { done: n(progress.done), total: n(progress.total) }) : phase === "writing" ? t("robustnessWriting") : undefined;
  // An analysis of data since changed is not shown (nor offered to write).
  const current = analysis?.version === dataVersion ? analysis : undefined;
  const result = current?.result;
  const drawn = result ? chartZones(result) : [];
  const chances = (list: AwardChance[]) => list.map((c) => t("robustnessChance", { zone: c.zone, percent: Math.round(c.probability * 100) })).join(locale === "zh-CN" ? "、" : ", ");

  return (
    <>
      <Body1>{t("robustnessIntro")}</Body1>
      <Caption1 className={styles.note} data-testid="robustness-stars-note">
        {t("robustnessStarsNote")}
      </Caption1>
      <div className={styles.form}>
        <Field label={t("robustnessRuns")}>
          <Select value={String(runs)} disabled={working} onChange={(_, d) => setRuns(Number(d.value))} data-testid="robustness-runs">
            {RUN_CHOICES.map((r) => (
              <option key={r} value={r}>
                {t("robustnessRunsOption", { runs: n(r) })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("robustnessShare")} validationMessage={share === undefined ? t("robustnessInvalidShare") : undefined}>
          <Input type="number" min={0} max={MAX_SHARE_PERCENT} step={5} value={shareText} disabled={working} onChange={(_, d) => setShareText(d.value)} data-testid="robustness-share" />
        </Field>
        <Field label={t("robustnessSeed")} validationMessage={seed === undefined ? t("robustnessInvalidSeed") : undefined}>
          <Input type="number" min={0} step={1} value={seedText} disabled={working} onChange={(_, d) => setSeedText(d.value)} data-testid="robustness-seed" />
        </Field>
      </div>
      <Switch checked={varyMethods} disabled={working} onChange={(_, d) => setVaryMethods(d.checked)} label={t("robustnessVaryMethods")} data-testid="robustness-vary" />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled || working || share === undefined || seed === undefined} onClick={() => share !== undefined && seed !== undefined && void run(share, seed)} data-testid="robustness-run">
          {t("robustnessRun")}
        </Button>
        {phase === "running" && <Button onClick={() => job.current?.cancel()}>{t("robustnessCancel")}</Button>}
        {phase === "idle" && unwritten && current && (
          <Button disabled={disabled} onClick={() => void write(current)}>
            {t("robustnessWrite")}
          </Button>
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="robustness-status">
        {working && <ProgressBar value={phase === "running" ? progress.done / progress.total : undefined} thickness="large" aria-label={t("progressLabel")} />}
        {status && <Caption1>{status}</Caption1>}
        {message && (
          <MessageBar intent={message.intent} data-testid="robustness-message" data-intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result && (
        <div data-testid="robustness-result">
          <Caption1>
            {t("robustnessSettings", {
              runs: n(result.runs),
              seed: result.seed,
              share: formatNumber(result.weightShare * 100, locale, 1),
              methods: t(result.varyMethods ? "robustnessMethodsDrawn" : "robustnessMethodsFixed"),
            })}
          </Caption1>
          <h3 className={styles.heading}>{t("robustnessChartTitle", { count: drawn.length })}</h3>
          <RobustnessChart zones={drawn} t={t} />
          <Caption1>{t("robustnessChartLegend")}</Caption1>
          <ul className={styles.awards}>
            {result.awards.map((a) => (
              <li key={a.key} data-testid={`robustness-award-${a.key}`}>
                <span className={styles.awardName}>
                  {t("robustnessAwardSummary", { award: locale === "zh-CN" ? a.nameZh : a.nameEn, stable: a.stable.length, borderline: a.borderline.length, close: a.close.length })}
                </span>
                {a.borderline.length > 0 && <Caption1 block>{t("robustnessBorderline", { zones: chances(a.borderline) })}</Caption1>}
                {a.close.length > 0 && <Caption1 block>{t("robustnessClose", { zones: chances(a.close) })}</Caption1>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
