// The pane's side of following the workbook: listens while mounted, marks the results out of date,
// and once edits pause recomputes (when asked to) or looks at the workbook again.
import { useCallback, useEffect, useRef, useState } from "react";
import type { PaneSettings } from "../host/settings";
import { followEdits, loadOverview, runRating, setAutoRecompute, type PaneContext } from "./actions";
import { WorkbookFollower } from "./follow";
import { afterEdits, resultsOutOfDate, targetSheet, type PaneState } from "./state";

/** One follower for the pane's lifetime; the pane's context runs its own work through `follower.own`. */
export function useWorkbookFollower(): WorkbookFollower {
  const [follower] = useState(() => new WorkbookFollower());
  return follower;
}

/** Wires the follower to the host and the pane; returns what the recompute-after-edits switch does. */
export function useFollowEdits(ctx: PaneContext, state: PaneState, follower: WorkbookFollower, settings: PaneSettings): (on: boolean) => void {
  // The settle timer fires long after the render that armed it: it must act on the state of now.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });

  useEffect(() => {
    follower.listen({
      onChange: () => ctx.dispatch({ type: "workbookChanged" }),
      onSettled: (lookNeeded) => {
        const now = latest.current;
        const next = afterEdits(now) ?? (lookNeeded ? "refresh" : undefined);
        if (next === "recompute") void runRating(ctx, now.presetId, targetSheet(now), false);
        else if (next === "refresh") void loadOverview(ctx, now.presetId);
      },
    });
    let stop: (() => Promise<void>) | undefined;
    let unmounted = false;
    // Once the pane is gone there is no one to tell that Excel kept a handler.
    const quietly = (s: (() => Promise<void>) | undefined) => void s?.().catch(() => undefined);
    void followEdits(ctx, follower.hear).then((s) => {
      if (unmounted) quietly(s);
      else stop = s;
    });
    return () => {
      unmounted = true;
      follower.stop();
      quietly(stop);
    };
  }, [ctx, follower]);

  const { overview } = state;
  const target = targetSheet(state);
  useEffect(() => {
    if (overview) follower.know(overview, target);
  }, [follower, overview, target]);

  return useCallback(
    (on: boolean) => {
      void setAutoRecompute(ctx, settings, on);
      const now = latest.current;
      // Turned on over results already out of date: bring them up to date now rather than at the next edit.
      if (on && resultsOutOfDate(now)) void runRating(ctx, now.presetId, targetSheet(now), false);
    },
    [ctx, settings],
  );
}
