import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Rules } from "../../engine/types";
import type { Locale } from "../../i18n/locale";
import { formatNumber } from "../numbers";
import type { Translate } from "../strings";
import { ProvenanceBadge } from "./ProvenanceBadge";

const useStyles = makeStyles({
  details: { fontSize: tokens.fontSizeBase200 },
  summary: {
    cursor: "pointer",
    padding: `${tokens.spacingVerticalXS} 0`,
    color: tokens.colorNeutralForeground2,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusMedium },
  },
  heading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXXS },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: "left", padding: `2px ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

interface RulesProps {
  rules: Rules;
  locale: Locale;
  t: Translate;
}

/** A native disclosure: keyboard and screen-reader behaviour come with the element, at no bundle cost. */
export function RulesDetails(props: RulesProps) {
  const styles = useStyles();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{props.t("rulesDetails")}</summary>
      <RulesFacts {...props} />
    </details>
  );
}

/** Weights, thresholds and prizes, each with its provenance badge. */
export function RulesFacts({ rules, locale, t }: RulesProps) {
  const styles = useStyles();
  const name = (r: { nameZh: string; nameEn: string }) => (locale === "zh-CN" ? r.nameZh : r.nameEn);
  const n = (v: number) => formatNumber(v, locale);
  const starRows = [
    { label: t("rulesGate"), ...rules.stars.gate },
    ...rules.stars.levels.map((l) => ({ label: t("rulesLevel", { level: l.level }), ...l })),
  ];
  return (
    <>
      <h4 className={styles.heading}>{t("rulesDimensions")}</h4>
      <ul className={styles.list}>
        {rules.dimensions.map((d) => (
          <li key={d.key} className={styles.item}>
            {name(d)} · {t("rulesWeight", { weight: n(d.weight) })} <ProvenanceBadge provenance={d.provenance} t={t} />
          </li>
        ))}
        <li className={styles.item}>
          {t("rulesBonusCap", { points: n(rules.bonusCap) })} <ProvenanceBadge provenance={rules.bonusCapProvenance} t={t} />
        </li>
      </ul>
      <h4 className={styles.heading}>{t("rulesStars")}</h4>
      <table className={styles.table}>
        <thead>
          <tr>
            {(["rulesLevelColumn", "rulesVaColumn", "rulesTaxColumn", "rulesEmpColumn", "rulesSourceColumn"] as const).map((key) => (
              <th key={key} scope="col" className={styles.cell}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {starRows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={styles.cell}>
                {row.label}
              </th>
              <td className={styles.cell}>{n(row.va)}</td>
              <td className={styles.cell}>{n(row.tax)}</td>
              <td className={styles.cell}>{n(row.emp)}</td>
              <td className={styles.cell}>
                <ProvenanceBadge provenance={row.provenance} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className={styles.heading}>{t("rulesAwards")}</h4>
      <ul className={styles.list}>
        {rules.awards.map((a) => (
          <li key={a.key} className={styles.item}>
            {name(a)} · {t("rulesPrize", { prize: n(a.prizeYuan) })} <ProvenanceBadge provenance={a.provenance} t={t} />
          </li>
        ))}
      </ul>
      <Caption1>{t("provenanceNote")}</Caption1>
    </>
  );
}
