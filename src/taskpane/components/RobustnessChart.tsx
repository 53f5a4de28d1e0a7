// The rank-interval chart of the robustness analysis: per zone of the top ranks, one bar from the
// 5 % to the 95 % rank with a dot at the median. Plain SVG: one chart does not justify a library.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { ZoneRobustness } from "../../engine/robustness";
import type { Translate } from "../strings";

const LABEL_WIDTH = 118;
const PLOT_WIDTH = 200;
const RIGHT = 10;
const ROW = 15;
const TOP = 18;
const WIDTH = LABEL_WIDTH + PLOT_WIDTH + RIGHT;
/** The suffix nearly every zone's name shares; the chart shows the rest, the tooltip the whole name. */
const COMMON_SUFFIX = "产业集聚区";
const LABEL_CHARS = 8;

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block", fontFamily: tokens.fontFamilyBase },
  label: { fontSize: "10px", fill: tokens.colorNeutralForeground1 },
  winner: { fontWeight: tokens.fontWeightSemibold },
  axisText: { fontSize: "9px", fill: tokens.colorNeutralForeground3 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 0.5 },
  bar: { fill: tokens.colorBrandBackground2Pressed },
  dot: { fill: tokens.colorBrandForeground1 },
});

function shortName(zone: string): string {
  const name = zone.endsWith(COMMON_SUFFIX) && zone.length > COMMON_SUFFIX.length ? zone.slice(0, -COMMON_SUFFIX.length) : zone;
  const chars = [...name];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join("")}…` : name;
}

/** Axis ticks: rank 1 and every 5th or 10th rank up to the axis end. */
function ticks(maxRank: number): number[] {
  const step = maxRank <= 30 ? 5 : maxRank <= 80 ? 10 : 20;
  const out = [1];
  for (let r = step; r <= maxRank; r += step) out.push(r);
  return out;
}

export function RobustnessChart({ zones, t }: { zones: ZoneRobustness[]; t: Translate }) {
  const styles = useStyles();
  const titleId = useId();
  const descId = useId();
  const worst = Math.max(2, ...zones.map((z) => z.rankP95));
  const maxRank = Math.ceil(worst / 5) * 5;
  const x = (rank: number) => LABEL_WIDTH + ((rank - 1) / (maxRank - 1)) * PLOT_WIDTH;
  const height = TOP + zones.length * ROW + 4;
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} data-testid="robustness-chart">
      <title id={titleId}>{t("robustnessChartTitle", { count: zones.length })}</title>
      <desc id={descId}>{t("robustnessChartLegend")}</desc>
      {ticks(maxRank).map((r) => (
        <g key={r}>
          <line className={styles.grid} x1={x(r)} x2={x(r)} y1={TOP - 4} y2={height - 2} />
          <text className={styles.axisText} x={x(r)} y={TOP - 7} textAnchor="middle">
            {r}
          </text>
        </g>
      ))}
      <text className={styles.axisText} x={LABEL_WIDTH - 4} y={TOP - 7} textAnchor="end">
        {t("robustnessAxis")}
      </text>
      {zones.map((z, k) => {
        const y = TOP + k * ROW + ROW / 2;
        const from = x(z.rankP5);
        const to = x(z.rankP95);
        return (
          <g key={z.zone} data-testid="robustness-row">
            <title>{t("robustnessChartRow", { rank: z.rank, zone: z.zone, median: z.medianRank, p5: z.rankP5, p95: z.rankP95 })}</title>
            <text className={z.awards.length > 0 ? `${styles.label} ${styles.winner}` : styles.label} x={LABEL_WIDTH - 4} y={y + 3.5} textAnchor="end">
              {`${z.rank} ${shortName(z.zone)}`}
            </text>
            <rect className={styles.bar} x={from - 3} y={y - 3.5} width={to - from + 6} height={7} rx={3.5} />
            <circle className={styles.dot} cx={x(z.medianRank)} cy={y} r={3} />
          </g>
        );
      })}
    </svg>
  );
}
