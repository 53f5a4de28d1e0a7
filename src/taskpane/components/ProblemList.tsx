import { Badge, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../engine/types";
import type { Translate } from "../strings";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0 },
  item: {
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Errors first (they stop the run), then warnings, each group in the order the host reported them. */
export function sortedIssues(issues: Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity !== "error")];
}

/** Without `onGoTo` (a workbook file, no open workbook to go to) a problem's cell is named, not linked. */
export function ProblemList({ issues, t, onGoTo }: { issues: Issue[]; t: Translate; onGoTo?: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  if (issues.length === 0) return <Caption1>{t("problemsNone")}</Caption1>;
  const errors = issues.filter((i) => i.severity === "error").length;
  return (
    <>
      <Caption1 data-testid="problem-count">{t("problemsCount", { errors, warnings: issues.length - errors })}</Caption1>
      <ul className={styles.list} data-testid="problems">
        {sortedIssues(issues).map((issue, index) => (
          <li key={`${index}-${issue.code}`} className={styles.item} data-testid="problem" data-severity={issue.severity} data-code={issue.code}>
            <span className={styles.head}>
              <Badge appearance="filled" size="small" color={issue.severity === "error" ? "danger" : "warning"}>
                {t(issue.severity === "error" ? "severity_error" : "severity_warning")}
              </Badge>
              {issue.sheet && issue.cell && onGoTo ? (
                <Link as="button" data-testid="problem-link" onClick={() => onGoTo(issue.sheet as string, issue.cell as string)}>
                  {t("problemGoTo", { sheet: issue.sheet, cell: issue.cell })}
                </Link>
              ) : issue.sheet && issue.cell ? (
                <Caption1 data-testid="problem-cell">{t("problemAt", { sheet: issue.sheet, cell: issue.cell })}</Caption1>
              ) : (
                <Caption1>{issue.sheet ?? t("problemNoCell")}</Caption1>
              )}
            </span>
            <span data-testid="problem-message">{issue.message ?? issue.code}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
