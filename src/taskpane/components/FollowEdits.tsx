import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Switch } from "@fluentui/react-components";
import type { PaneSettings } from "../../host/settings";
import { SETTLE_MS } from "../follow";
import { resultsOutOfDate, type PaneState } from "../state";
import type { Translate } from "../strings";

/** The results-out-of-date notice with its recompute button, and the recompute-after-edits switch. */
export function FollowEdits({
  state,
  settings,
  t,
  onRecompute,
  onAutoRecompute,
}: {
  state: PaneState;
  settings: PaneSettings;
  t: Translate;
  onRecompute: () => void;
  onAutoRecompute: (on: boolean) => void;
}) {
  const unsupported = state.following === "unsupported";
  const hint = unsupported ? t("autoRecomputeUnsupported") : settings.remembered ? t("autoRecomputeHint", { seconds: SETTLE_MS / 1000 }) : t("autoRecomputeNotRemembered");
  return (
    <>
      {resultsOutOfDate(state) && (
        <MessageBar intent="warning" data-testid="results-stale">
          <MessageBarBody>{t("resultsStale")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={state.busy} onClick={onRecompute} data-testid="recompute-stale">
              {t("buttonRerun")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Field hint={hint}>
        <Switch
          label={t("autoRecompute")}
          checked={state.autoRecompute && !unsupported}
          disabled={unsupported || state.following === "failed"}
          onChange={(_, data) => onAutoRecompute(data.checked)}
          data-testid="auto-recompute"
        />
      </Field>
    </>
  );
}
