import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { RunOutcome, WorkbookOverview } from "../../host/host";
import { DEFAULT_EXIT_RULE } from "../../engine/history";
import type { Locale } from "../../i18n/locale";
import { isSheetNamed, planLabels } from "../../workbook/plan/labels";
import { runButtonLabel, type PaneContext } from "../actions";
import { importPreviousFile, startHistory } from "../yearCycleActions";
import { ProvenanceBadge } from "./ProvenanceBadge";
import { TrendChart } from "./TrendChart";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function historyYears(outcome: RunOutcome | undefined): number[] {
  return [...new Set(outcome?.yearCycle?.history.map((r) => r.year) ?? [])].sort((a, b) => a - b);
}

/**
 * 历年评定 in the pane: import last year's results or start the history, then this run's trend, 退出预警
 * and 达标情况. Where the host rates a file, `fileControls` stand in for the import: last year's rated
 * workbook is chosen for each run instead of joined into the workbook.
 */
export function YearCycle({ ctx, presetId, overview, outcome, disabled, locale, fileControls }: { ctx: PaneContext; presetId: string; overview: WorkbookOverview; outcome?: RunOutcome; disabled: boolean; locale: Locale; fileControls?: ReactNode }) {
  const styles = useStyles();
  const { t } = ctx;
  const file = useRef<HTMLInputElement>(null);
  const hasHistory = overview.sheets.some((s) => isSheetNamed(s.name, "history"));
  const cycle = outcome?.yearCycle;
  // The years an import just wrote show at once; the next rating's history replaces them.
  const [imported, setImported] = useState<number[]>();
  useEffect(() => setImported(undefined), [outcome]);
  const years = imported ?? historyYears(outcome);
  const keep = (written: number[] | undefined): void => {
    if (written) setImported([...written].sort((a, b) => a - b));
  };
  const join = (items: readonly string[]) => items.join(locale === "zh-CN" ? "、" : ", ");
  const labels = planLabels(locale);
  const exit = overview.rules?.exit ?? DEFAULT_EXIT_RULE;
  return (
    <>
      {!fileControls && <Caption1>{t("yearsIntro")}</Caption1>}
      <Caption1 data-testid="exit-rule">
        {t("exitRuleLine", { window: exit.window, times: exit.times, n: exit.bottomN })} <ProvenanceBadge provenance={exit.provenance} t={t} />
      </Caption1>
      <Body1 data-testid="years-kept">{hasHistory ? t("yearsKept", { years: years.length > 0 ? `${years[0]}–${years[years.length - 1]}` : "—" }) : t("yearsNone")}</Body1>
      {fileControls ?? (
        <>
          <div className={styles.buttons}>
            <Button disabled={disabled || !ctx.host.importPrevious} onClick={() => file.current?.click()} data-testid="import-prev">
              {t("buttonImportPrev")}
            </Button>
            {!hasHistory && (
              <Button disabled={disabled || !ctx.host.importPrevious} onClick={() => void startHistory(ctx, presetId).then(keep)} data-testid="start-history">
                {t("buttonStartHistory")}
              </Button>
            )}
          </div>
          <input
            ref={file}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="prev-file"
            onChange={(e) => {
              const picked = e.target.files?.[0];
              e.target.value = "";
              if (picked) void importPreviousFile(ctx, presetId, picked, runButtonLabel(outcome !== undefined, t)).then(keep);
            }}
          />
        </>
      )}
      {cycle && cycle.exitWarnings.length > 0 && <Body1 data-testid="exit-warnings">{t("exitWarningsLine", { count: cycle.exitWarnings.length, zones: join(cycle.exitWarnings) })}</Body1>}
      {cycle && cycle.targets.targets.length > 0 && (
        <ul className={styles.list} data-testid="targets">
          {cycle.targets.counts.map((c) => (
            <li key={c.key}>{t("targetsLine", { name: labels.indicatorNames[c.key] ?? c.key, met: c.met, notMet: c.notMet })}</li>
          ))}
        </ul>
      )}
      {cycle && cycle.year !== undefined && years.length > 0 && outcome?.result && <TrendChart history={cycle.history} year={cycle.year} zones={outcome.result.zones.map((z) => z.zone)} t={t} />}
    </>
  );
}
