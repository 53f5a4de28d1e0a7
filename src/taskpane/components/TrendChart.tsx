import { Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { analyseHistory, type HistoryRow, type TrackPoint } from "../../engine/history";
import type { Translate } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", maxWidth: "420px" },
  picker: { width: "100%", minWidth: 0, maxWidth: "100%" },
  legend: { color: tokens.colorNeutralForeground2 },
});

const WIDTH = 420;
const HEIGHT = 180;
const PAD = { left: 28, right: 28, top: 16, bottom: 24 };
const MAX_STARS = 6;

/** x of the i-th of n years, spread over the plot. */
function xAt(i: number, n: number): number {
  const inner = WIDTH - PAD.left - PAD.right;
  return PAD.left + (n === 1 ? inner / 2 : (inner * i) / (n - 1));
}

function starsY(stars: number): number {
  return HEIGHT - PAD.bottom - ((HEIGHT - PAD.top - PAD.bottom) * stars) / MAX_STARS;
}

/** Rank 1 at the top, the year's last rank at the bottom: a rising line is a zone moving up. */
function rankY(rank: number, worst: number): number {
  return PAD.top + ((HEIGHT - PAD.top - PAD.bottom) * (rank - 1)) / Math.max(1, worst - 1);
}

/** One zone's stars (bars) and province rank (line) over the years of the history, renames followed. */
export function TrendChart({ history, year, zones, t }: { history: HistoryRow[]; year: number; zones: string[]; t: Translate }) {
  const styles = useStyles();
  const tracks = useMemo(() => analyseHistory(history, year), [history, year]);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const zone = picked !== undefined && zones.includes(picked) ? picked : zones[0];
  const series: TrackPoint[] = (zone !== undefined ? tracks.get(zone)?.series : undefined) ?? [];
  const worst = Math.max(1, ...history.map((r) => r.rank ?? 0));
  const starName = (s: number) => (s > 0 ? "★".repeat(s) : "0★");
  const ranked = series.filter((p) => p.rank !== null);
  const label = zone === undefined ? "" : t("trendChart", { zone });
  return (
    <div className={styles.root} data-testid="trend">
      <Field label={t("trendZone")}>
        <Select className={styles.picker} value={zone ?? ""} onChange={(_, d) => setPicked(d.value)} data-testid="trend-zone">
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </Field>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="trend-chart">
        <title>{label}</title>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke={tokens.colorNeutralStroke1} />
        {series.map((p, i) => {
          const x = xAt(i, series.length);
          const y = starsY(p.stars);
          return (
            <g key={p.year}>
              <rect x={x - 12} y={y} width={24} height={HEIGHT - PAD.bottom - y} fill={tokens.colorBrandBackground2} stroke={tokens.colorBrandStroke2} data-testid="trend-bar">
                <title>{t("trendPoint", { year: p.year, stars: starName(p.stars), rank: p.rank ?? t("trendNoRank") })}</title>
              </rect>
              <text x={x} y={HEIGHT - 8} textAnchor="middle" fontSize="11">
                {p.year}
              </text>
              <text x={x} y={Math.max(y - 3, 10)} textAnchor="middle" fontSize="10">
                {starName(p.stars)}
              </text>
            </g>
          );
        })}
        {ranked.length > 1 && (
          <polyline
            fill="none"
            stroke={tokens.colorPaletteRedForeground1}
            strokeWidth={2}
            points={series
              .map((p, i) => (p.rank === null ? null : `${xAt(i, series.length)},${rankY(p.rank, worst)}`))
              .filter((pt): pt is string => pt !== null)
              .join(" ")}
          />
        )}
        {series.map((p, i) =>
          p.rank === null ? null : (
            <g key={`r${p.year}`}>
              <circle cx={xAt(i, series.length)} cy={rankY(p.rank, worst)} r={3} fill={tokens.colorPaletteRedForeground1} data-testid="trend-rank" />
              <text x={xAt(i, series.length) + 14} y={rankY(p.rank, worst) + 4} fontSize="10">
                {p.rank}
              </text>
            </g>
          ),
        )}
      </svg>
      <Caption1 className={styles.legend}>
        {t("trendStars")} · {t("trendRank")}
      </Caption1>
    </div>
  );
}
