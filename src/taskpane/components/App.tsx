import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useReducer, useState, type ReactNode } from "react";
import type { RatingHost, WorkbookOverview } from "../../host/host";
import type { PaneSettings } from "../../host/settings";
import type { Locale } from "../../i18n/locale";
import { goToCell, insertRules, insertSample, loadOverview, removeResults, runButtonLabel, runRating, type PaneContext } from "../actions";
import { chooseWorkbook, choosePrevious } from "../fileActions";
import { INITIAL_STATE, paneReducer, targetSheet } from "../state";
import { PRESETS, PRESET_IDS } from "../../engine/presets";
import { translator, type Translate } from "../strings";
import { useFollowEdits, useWorkbookFollower } from "../useFollowEdits";
import { DownloadRated, PreviousFile, WorkbookFile } from "./FileControls";
import { FollowEdits } from "./FollowEdits";
import { ProblemList } from "./ProblemList";
import type { WorkerPort } from "../robustnessClient";
import { RobustnessPanel } from "./RobustnessPanel";
import { RulesDetails } from "./RulesDetails";
import { Summary } from "./Summary";
import { ZonePage } from "./ZonePage";
import { YearCycle } from "./YearCycle";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "640px",
    margin: "0 auto",
    boxSizing: "border-box",
  },
  header: { borderBottom: `2px solid ${tokens.colorBrandStroke1}`, paddingBottom: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sectionTitle: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Long preset and sheet names must not push the pane wider than Excel's.
  picker: { width: "100%", minWidth: 0, maxWidth: "100%" },
});

function sheetOptionLabel(sheet: WorkbookOverview["sheets"][number], t: Translate): string {
  if (sheet.hasIndicatorTable) return t("sheetOptionIndicator", { sheet: sheet.name });
  if (sheet.tables.length > 0) return t("sheetOptionTables", { sheet: sheet.name, tables: sheet.tables.join(", ") });
  return sheet.name;
}

/** A titled part of the pane; its heading names it for screen readers. */
function PaneSection({ id, title, live, children }: { id: string; title: string; live?: boolean; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`} aria-live={live ? "polite" : undefined}>
      <Subtitle2 as="h2" id={`${id}-title`} className={styles.sectionTitle}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export function App({ host, locale, settings, createWorker }: { host: RatingHost; locale: Locale; settings: PaneSettings; createWorker?: () => WorkerPort }) {
  const styles = useStyles();
  const t = useMemo(() => translator(locale), [locale]);
  const [state, dispatch] = useReducer(paneReducer, settings, (s) => ({ ...INITIAL_STATE, autoRecompute: s.autoRecompute() }));
  const follower = useWorkbookFollower();
  const ctx: PaneContext = useMemo(() => ({ host, locale, t, dispatch, own: follower.own }), [host, locale, t, follower]);
  const setAutoRecompute = useFollowEdits(ctx, state, follower, settings);
  const { overview, outcome, busy, presetId, progress, message } = state;
  // The zone whose page the pane shows, picked in the summary's lists or in the page's own picker.
  const [zone, pickZone] = useState<string>();
  // Where the host rates a file: the names of the files chosen, the workbook's and last year's.
  const files = host.files;
  const [chosen, setChosen] = useState<{ workbook?: string; previous?: string }>({});
  // A file's results are a download: a choice that changes them rates again, so the download always matches what the pane shows.
  const rerunFile = files !== undefined && chosen.workbook !== undefined;

  useEffect(() => {
    void loadOverview(ctx, undefined);
  }, [ctx]);

  const choosePreset = useCallback(
    (id: string) => {
      dispatch({ type: "presetChosen", presetId: id });
      void (rerunFile ? runRating(ctx, id, state.sheet) : loadOverview(ctx, id));
    },
    [ctx, rerunFile, state.sheet],
  );

  const userSheets = overview?.sheets.filter((s) => !s.ownedByAddin) ?? [];
  const sheet = targetSheet(state);
  const rulesFromSheet = overview?.rulesSource === "sheet";
  const rules = overview?.rules;
  const rulesName = rules ? (locale === "zh-CN" ? rules.nameZh : rules.nameEn) : "";
  const issues = outcome?.issues ?? overview?.issues ?? [];
  const runButton = runButtonLabel(outcome !== undefined, t);
  // A new rating, or edits heard since, make an earlier robustness analysis one of other data.
  const dataVersion = useMemo(() => ({ outcome, changes: state.changesHeard }), [outcome, state.changesHeard]);

  return (
    <main className={styles.root} aria-busy={busy}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t("appTitle")}</h1>
        <Caption1>{t("appSubtitle")}</Caption1>
      </header>

      <div role="status" aria-live="polite" data-testid="status">
        {progress && <ProgressBar value={progress.fraction} thickness="large" aria-label={t("progressLabel")} />}
        {progress && <Caption1 data-testid="progress-label">{progress.label}</Caption1>}
        {!overview && busy && !progress && <Spinner size="small" label={t("loadingWorkbook")} />}
        {message && (
          <MessageBar intent={message.intent} data-testid="message" data-intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
            {message.retryOverview && (
              <MessageBarActions>
                <Button size="small" onClick={() => void loadOverview(ctx, overview ? presetId : undefined)}>
                  {t("retry")}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>

      {overview && (
        <PaneSection id="data" title={t("sectionData")}>
          {files && (
            <WorkbookFile
              name={chosen.workbook}
              disabled={busy}
              t={t}
              onFile={(file) => {
                setChosen((c) => ({ ...c, workbook: file.name }));
                void chooseWorkbook(ctx, files, presetId, file);
              }}
            />
          )}
          {(!files || chosen.workbook !== undefined) && (
            <Body1 data-testid="indicator-sheet">
              {sheet ? t("indicatorSheetFound", { sheet }) : t(files ? "indicatorSheetMissingFile" : "indicatorSheetMissing")}
            </Body1>
          )}
          {userSheets.length > 0 ? (
            <Field label={t("indicatorSheetLabel")}>
              <Select
                className={styles.picker}
                value={sheet ?? ""}
                disabled={busy}
                onChange={(_, data) => {
                  dispatch({ type: "sheetChosen", sheet: data.value });
                  if (rerunFile) void runRating(ctx, presetId, data.value);
                }}
                data-testid="sheet-picker"
              >
                {!sheet && <option value="">—</option>}
                {userSheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {sheetOptionLabel(s, t)}
                  </option>
                ))}
              </Select>
            </Field>
          ) : (
            (!files || chosen.workbook !== undefined) && <Caption1>{t("noUserSheets")}</Caption1>
          )}
          <Caption1 data-testid="zone-count">
            {sheet === overview.indicatorSheet && overview.indicatorSheet ? t("zoneCount", { count: overview.zoneCount }) : t("zoneCountOtherSheet")}
          </Caption1>
        </PaneSection>
      )}

      {overview && (
        <PaneSection id="rules" title={t("sectionRules")}>
          {rulesFromSheet ? (
            <Body1 data-testid="rules-source">{rules ? t("rulesFromSheet", { name: rulesName }) : t("rulesSheetInvalid")}</Body1>
          ) : (
            <Field label={t("presetLabel")} hint={t("presetHelp")}>
              <Select className={styles.picker} value={presetId} disabled={busy} onChange={(_, data) => choosePreset(data.value)} data-testid="preset-picker">
                {PRESET_IDS.map((id) => (
                  <option key={id} value={id}>
                    {locale === "zh-CN" ? PRESETS[id].nameZh : PRESETS[id].nameEn}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {rules && <RulesDetails rules={rules} locale={locale} t={t} />}
        </PaneSection>
      )}

      {overview && (
        <PaneSection id="actions" title={t("sectionActions")}>
          <div className={styles.buttons}>
            <Button appearance={files ? undefined : "primary"} disabled={busy || (files !== undefined && chosen.workbook === undefined)} onClick={() => void runRating(ctx, presetId, sheet)} data-testid="run">
              {runButton}
            </Button>
            {files ? (
              <DownloadRated files={files} disabled={busy || outcome?.ok !== true} t={t} />
            ) : (
              <>
                <Button disabled={busy} onClick={() => void insertRules(ctx, presetId, runButton)}>
                  {t("buttonInsertRules")}
                </Button>
                <Button disabled={busy} onClick={() => void insertSample(ctx, presetId)}>
                  {t("buttonInsertSample")}
                </Button>
                <Button disabled={busy} onClick={() => void removeResults(ctx, presetId)}>
                  {t("buttonRemoveResults")}
                </Button>
              </>
            )}
          </div>
          {!files && <FollowEdits state={state} settings={settings} t={t} onRecompute={() => void runRating(ctx, presetId, sheet)} onAutoRecompute={setAutoRecompute} />}
        </PaneSection>
      )}

      {outcome?.result && (
        <PaneSection id="summary" title={t("sectionSummary")} live>
          <Summary result={outcome.result} sheetsWritten={outcome.sheetsWritten} notices={outcome.notices} locale={locale} t={t} onZone={pickZone} />
        </PaneSection>
      )}

      {outcome?.result && (
        <PaneSection id="zone" title={t("sectionZone")}>
          <ZonePage result={outcome.result} zone={zone} onZone={pickZone} locale={locale} t={t} />
        </PaneSection>
      )}

      {overview && (
        <PaneSection id="years" title={t("sectionYears")}>
          <YearCycle
            ctx={ctx}
            presetId={presetId}
            overview={overview}
            outcome={outcome}
            disabled={busy}
            locale={locale}
            fileControls={
              files && (
                <PreviousFile
                  name={chosen.previous}
                  disabled={busy}
                  t={t}
                  onChange={(file) => {
                    setChosen((c) => ({ ...c, previous: file?.name }));
                    void choosePrevious(ctx, files, presetId, sheet, file, chosen.workbook !== undefined);
                  }}
                />
              )
            }
          />
        </PaneSection>
      )}

      {overview && (
        <PaneSection id="robustness" title={t("robustnessTitle")}>
          <RobustnessPanel ctx={ctx} presetId={presetId} sheet={sheet} disabled={busy || (files !== undefined && outcome?.ok !== true)} dataVersion={dataVersion} runButton={runButton} createWorker={createWorker} />
        </PaneSection>
      )}

      {(outcome || issues.length > 0) && (
        <PaneSection id="problems" title={t("sectionProblems")}>
          <ProblemList issues={issues} t={t} onGoTo={files ? undefined : (s, c) => void goToCell(ctx, s, c)} />
        </PaneSection>
      )}
    </main>
  );
}
