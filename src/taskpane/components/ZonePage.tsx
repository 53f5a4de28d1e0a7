import { Badge, Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef } from "react";
import { RunExplainer, type IndicatorStanding, type ZoneProfile } from "../../engine/explain";
import type { RatingResult } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import { explainLabels, type ExplainLabels } from "../../workbook/plan/explainLabels";
import { planLabels, type PlanLabels } from "../../workbook/plan/labels";
import { shortfallText, starText } from "../../workbook/plan/labels";
import { formatQuantity, indicatorQuantity } from "../../workbook/plan/quantities";
import type { Translate } from "../strings";

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  title: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  group: { display: "contents" },
  // A narrow pane scrolls the table sideways rather than squeezing its columns.
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "right" },
  // A header wraps between words (and keeps a Chinese term such as 全省中位数 whole), never inside one.
  head: { wordBreak: "keep-all", overflowWrap: "normal", hyphens: "none", verticalAlign: "bottom" },
  first: { textAlign: "left" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  picker: { width: "100%", minWidth: 0, maxWidth: "100%" },
});

function Facts({ rows }: { rows: Array<[string, string]> }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.group}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One indicator in a sentence, its figures written as the sheet's 集聚区档案 writes them. */
function standingText(s: IndicatorStanding, l: PlanLabels, x: ExplainLabels, locale: Locale): string {
  const raw = s.raw === null ? l.missing : `${formatQuantity(s.raw, indicatorQuantity(s.key), locale)} ${l.units[s.key] ?? ""}`.trim();
  return x.standingLine(l.indicatorNames[s.key] ?? s.key, raw, formatQuantity(s.score, "score", locale), x.indicatorRankOf(s.rank, s.of, s.tied));
}

/** The zone's page (一区一档) in the pane: the figures of 集聚区档案, from the same zoneProfile. */
export function ZoneProfileView({ profile, result, locale }: { profile: ZoneProfile; result: RatingResult; locale: Locale }) {
  const styles = useStyles();
  const l = planLabels(locale);
  const x = explainLabels(locale);
  const n = (v: number) => formatQuantity(v, "points", locale);
  const signed = (v: number) => formatQuantity(v, "signedPoints", locale);
  const name = (item: { nameZh: string; nameEn: string }) => (locale === "en-US" ? item.nameEn : item.nameZh);
  const awardName = new Map(result.awards.map((a) => [a.key, name(a)]));
  const leaders = x.leadersMean(profile.leaders.award ? name(profile.leaders.award) : null, profile.leaders.count);
  const won = profile.awards.filter((a) => a.status.kind === "won").map((a) => name(a));
  return (
    <div data-testid="zone-page">
      <h3 className={styles.title} data-testid="zone-page-heading">
        {x.heading(profile.zone, profile.city)}
      </h3>
      <h4 className={styles.heading}>{x.sections.stars}</h4>
      <Facts
        rows={[
          [l.stars, starText(profile.stars, l)],
          [l.prevStars, profile.prevStars === null ? "—" : starText(profile.prevStars, l)],
          [l.status, l.statusNames[profile.starStatus]],
          [x.nextLevel, profile.nextStar ? l.starLevelName(profile.nextStar.level) : x.noNextLevel],
          ...(profile.nextStar ? ([[l.shortfall, shortfallText(profile, l)]] as Array<[string, string]>) : []),
        ]}
      />
      <h4 className={styles.heading}>{x.sections.ranking}</h4>
      <Facts
        rows={[
          [x.composite, n(profile.composite)],
          [x.provinceRank, x.rankOf(profile.rank, profile.zoneCount, profile.tied)],
          [x.rankChange, x.changeText(profile.rankChange, profile.prevRank)],
          [x.cityRank, x.rankOf(profile.cityRank, profile.cityZoneCount, profile.cityTied)],
          [x.cityRankChange, x.changeText(profile.cityRankChange, profile.prevCityRank)],
        ]}
      />
      <h4 className={styles.heading}>{x.sections.dimensions}</h4>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="zone-page-dimensions">
          <thead>
            <tr>
              {[l.dimension, x.dimensionPoints, x.maxPoints, x.median, leaders, x.vsMedian].map((h, i) => (
                <th key={h} scope="col" className={i === 0 ? `${styles.cell} ${styles.head} ${styles.first}` : `${styles.cell} ${styles.head}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {profile.dimensions.map((d) => (
              <tr key={d.key}>
                <th scope="row" className={`${styles.cell} ${styles.first}`}>
                  {name(d)}
                </th>
                <td className={styles.cell}>{n(d.points)}</td>
                <td className={styles.cell}>{n(d.maxPoints)}</td>
                <td className={styles.cell}>{n(d.median)}</td>
                <td className={styles.cell}>{d.leadersMean === null ? "—" : n(d.leadersMean)}</td>
                <td className={styles.cell}>{signed(d.points - d.median)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 className={styles.heading}>{x.sections.indicators}</h4>
      <Caption1>{x.strong}</Caption1>
      <ol className={styles.list} data-testid="zone-page-strong">
        {profile.strongest.map((s) => (
          <li key={s.key}>{standingText(s, l, x, locale)}</li>
        ))}
      </ol>
      <Caption1>{x.weak}</Caption1>
      <ol className={styles.list} data-testid="zone-page-weak">
        {profile.weakest.map((s) => (
          <li key={s.key}>{standingText(s, l, x, locale)}</li>
        ))}
      </ol>
      <h4 className={styles.heading}>{x.sections.awards}</h4>
      <Facts
        rows={[
          [x.awardsWon, won.length > 0 ? won.join(locale === "en-US" ? ", " : "、") : x.noAward],
          ...profile.awards.map((a): [string, string] => [
            name(a),
            x.awardReason(a.status, name(a), a.metricUsed, profile.nearestMissed === a.key, a.status.kind === "titled" ? (awardName.get(a.status.award) ?? a.status.award) : ""),
          ]),
        ]}
      />
      <h4 className={styles.heading}>{x.sections.veto}</h4>
      {profile.vetoed && (
        <Badge appearance="tint" color="danger" size="small">
          {l.veto}
        </Badge>
      )}
      <Facts
        rows={[
          [x.veto, profile.vetoed ? profile.veto || l.veto : x.noVeto],
          [x.bonus, n(profile.bonus)],
          [x.penalty, n(profile.penalty)],
        ]}
      />
    </div>
  );
}

/** A zone picker over the run's zones and the picked zone's page; a zone gone from the run shows none. */
export function ZonePage({ result, zone, onZone, locale, t }: { result: RatingResult; zone: string | undefined; onZone: (zone: string) => void; locale: Locale; t: Translate }) {
  const styles = useStyles();
  const explainer = useMemo(() => new RunExplainer(result), [result]);
  const profile = zone === undefined ? undefined : explainer.profile(zone);
  const top = useRef<HTMLDivElement>(null);
  // A name clicked in the summary above brings its page into view.
  useEffect(() => {
    if (zone !== undefined) top.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [zone]);
  return (
    <div ref={top}>
      <Field label={t("zonePickLabel")}>
        <Select className={styles.picker} value={profile ? profile.zone : ""} onChange={(_, data) => onZone(data.value)} data-testid="zone-picker">
          {!profile && <option value="">—</option>}
          {result.zones.map((z) => (
            <option key={z.zone} value={z.zone}>
              {z.zone}
            </option>
          ))}
        </Select>
      </Field>
      {profile ? <ZoneProfileView profile={profile} result={result} locale={locale} /> : <Caption1>{t("zonePickHint")}</Caption1>}
    </div>
  );
}
