import { Badge, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { RatingResult } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import { formatQuantity } from "../../workbook/plan/quantities";
import { starStatusKey, type Translate } from "../strings";

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  stars: { display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", gap: tokens.spacingHorizontalXXS, margin: 0 },
  starCell: {
    display: "flex",
    // The label comes first for screen readers (dt before dd) but sits under the figure.
    flexDirection: "column-reverse",
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  starCount: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  starLabel: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  award: { marginBottom: tokens.spacingVerticalS },
  awardName: { fontWeight: tokens.fontWeightSemibold },
  zones: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL, columns: "13em 2", columnGap: tokens.spacingHorizontalL },
  total: { fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0` },
  plain: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function Summary({ result, sheetsWritten, notices, locale, t, onZone }: {
  result: RatingResult;
  sheetsWritten: string[];
  notices: string[];
  locale: Locale;
  t: Translate;
  /** Shows a zone's page (集聚区档案) when its name is clicked. */
  onZone?: (zone: string) => void;
}) {
  const styles = useStyles();
  const yuan = (v: number) => formatQuantity(v, "yuan", locale);
  const levels = [6, 5, 4, 3, 2, 1, 0];
  const promotions = result.zones.filter((z) => z.starStatus === "promoted" || z.starStatus === "first");
  const starName = (level: number | null) => (level === null || level === 0 ? t("starNone") : t("starLevel", { level }));
  return (
    <div data-testid="summary">
      <Caption1>
        {result.year !== undefined ? `${t("summaryYear", { year: result.year })} · ` : ""}
        {t("summaryZones", { count: result.zones.length })}
      </Caption1>
      <h3 className={styles.heading}>{t("starCountsTitle")}</h3>
      <dl className={styles.stars}>
        {levels.map((level) => (
          <div key={level} className={styles.starCell}>
            <dt className={styles.starLabel}>{starName(level)}</dt>
            <dd className={styles.starCount} data-testid={`star-count-${level}`}>
              {result.starCounts[String(level)] ?? 0}
            </dd>
          </div>
        ))}
      </dl>
      <h3 className={styles.heading}>{t("awardsTitle")}</h3>
      {result.awards.map((award) => (
        <section key={award.key} className={styles.award} data-testid={`award-${award.key}`} aria-label={locale === "zh-CN" ? award.nameZh : award.nameEn}>
          <span className={styles.awardName}>{locale === "zh-CN" ? award.nameZh : award.nameEn}</span>{" "}
          <Caption1>{t("awardCount", { count: award.zones.length, prize: yuan(award.prizeYuan) })}</Caption1>{" "}
          {award.tieAtLastPlace && (
            <Badge appearance="tint" color="warning" size="small">
              {t("awardTie")}
            </Badge>
          )}
          {award.zones.length > 0 ? (
            <ol className={styles.zones}>
              {award.zones.map((zone) => (
                <li key={zone} data-testid="award-zone">
                  {onZone ? (
                    <Link as="button" inline onClick={() => onZone(zone)}>
                      {zone}
                    </Link>
                  ) : (
                    zone
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <div>{t("awardEmpty")}</div>
          )}
        </section>
      ))}
      <p className={styles.total} data-testid="prize-total">
        {t("prizeTotal", { total: yuan(result.prizeTotalYuan) })}
      </p>
      <h3 className={styles.heading}>{t("promotionsTitle")}</h3>
      {promotions.length === 0 ? (
        <Caption1>{t("promotionsEmpty")}</Caption1>
      ) : (
        <ul className={styles.plain} data-testid="promotions">
          {promotions.map((z) => (
            <li key={z.zone}>
              {t("promotionEntry", { zone: z.zone, from: starName(z.prevStars), to: starName(z.stars) })}{" "}
              <Badge appearance="tint" size="small" color={z.starStatus === "first" ? "brand" : "success"}>
                {t(starStatusKey(z.starStatus))}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <h3 className={styles.heading}>{t("plaqueTitle", { count: result.plaque.length })}</h3>
      <Caption1 data-testid="plaque">{result.plaque.join(locale === "zh-CN" ? "、" : ", ")}</Caption1>
      {sheetsWritten.length > 0 && (
        <>
          <h3 className={styles.heading}>{t("sheetsWrittenTitle")}</h3>
          <Caption1 data-testid="sheets-written">{sheetsWritten.join(locale === "zh-CN" ? "、" : ", ")}</Caption1>
        </>
      )}
      {notices.length > 0 && (
        <>
          <h3 className={styles.heading}>{t("noticesTitle")}</h3>
          <ul className={styles.plain}>
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
