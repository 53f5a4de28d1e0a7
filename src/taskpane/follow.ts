// Following the workbook as officials edit it: which of Excel's change events leave the results out
// of date, and when the edits have paused long enough to recompute. Free of React and Office.
import type { SheetChange, WorkbookOverview } from "../host/host";

/** Edits come in bursts (a row typed cell by cell, a block pasted): recompute once they pause this long. */
export const SETTLE_MS = 1500;

/** The sheets a change is judged against, by Excel's sheet id. */
export interface WatchedSheets {
  /** The sheet a run would rate. */
  targetId?: string;
  rulesIds: ReadonlySet<string>;
  /** Every sheet of the latest overview that is not one of the add-in's result sheets. */
  inputIds: ReadonlySet<string>;
  /** The add-in's result sheets in any overview seen: an event about an old one, arriving late, is still the add-in's. */
  resultIds: ReadonlySet<string>;
}

export function watchedSheets(overview: WorkbookOverview, target: string | undefined, resultsSeen: ReadonlySet<string> = new Set()): WatchedSheets {
  const resultIds = new Set(resultsSeen);
  const rulesIds = new Set<string>();
  const inputIds = new Set<string>();
  let targetId: string | undefined;
  for (const s of overview.sheets) {
    if (s.role === "result") resultIds.add(s.id);
    else inputIds.add(s.id);
    if (s.role === "rules") rulesIds.add(s.id);
    if (s.name === target) targetId = s.id;
  }
  return targetId === undefined ? { rulesIds, inputIds, resultIds } : { targetId, rulesIds, inputIds, resultIds };
}

/**
 * A run reads the indicator sheet and the rules sheet only, so a change elsewhere alters nothing;
 * until there is an indicator sheet, an edit on any of the user's sheets may be making one. The
 * add-in's own result sheets never count, nor do sheets the overview does not list (its registry).
 * A sheet just added is judged as an edited one, once an overview lists it.
 */
export function affectsResults(change: SheetChange, sheets: WatchedSheets): boolean {
  const id = change.worksheetId;
  return id === sheets.targetId || sheets.rulesIds.has(id) || (sheets.targetId === undefined && sheets.inputIds.has(id));
}

export interface FollowerCallbacks {
  /** A change left the results out of date. */
  onChange: () => void;
  /**
   * The changes have paused for SETTLE_MS and none of the add-in's own work is under way.
   * `lookNeeded`: sheets were added that only a new overview can tell apart.
   */
  onSettled: (lookNeeded: boolean) => void;
}

/**
 * Hears the host's change events, keeps those that matter and calls back once they pause.
 *
 * The add-in's own work never writes into a sheet the user has: it adds sheets (results under new
 * names, inserted rules and templates) and deletes its old results. Its edits are thus told apart
 * by sheet, whenever Excel delivers their events: an edit or a deletion counts only on the sheet a
 * run would rate or the rules sheet, which the add-in never touches, so an edit made while a run is
 * under way still counts. A sheet added is not known until an overview lists it: one added during
 * the add-in's own work is its own, one the overview after that work already lists is too, and any
 * other waits for the next overview to say what it is.
 */
export class WorkbookFollower {
  private callbacks: FollowerCallbacks = { onChange: () => undefined, onSettled: () => undefined };
  private sheets: WatchedSheets = { rulesIds: new Set(), inputIds: new Set(), resultIds: new Set() };
  private overview: WorkbookOverview | undefined;
  /** Sheets added since the latest overview, by someone other than the add-in. */
  private readonly addedUnseen = new Set<string>();
  private ownWork = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A pause fell during the add-in's own work: it is waited for again once that work ends. */
  private settlePending = false;

  constructor(private readonly settleMs = SETTLE_MS) {}

  listen(callbacks: FollowerCallbacks): void {
    this.callbacks = callbacks;
  }

  /** Takes up the sheets of the latest overview and the one a run would rate. */
  know(overview: WorkbookOverview, target: string | undefined): void {
    this.sheets = watchedSheets(overview, target, this.sheets.resultIds);
    if (overview === this.overview) return;
    this.overview = overview;
    const added = [...this.addedUnseen];
    this.addedUnseen.clear();
    // An overview taken by the add-in's own work comes after it read the whole workbook: the added sheets are in that reading.
    if (this.ownWork > 0) return;
    if (added.some((id) => affectsResults({ kind: "changed", worksheetId: id }, this.sheets))) this.changed();
  }

  /** Runs the add-in's own work (a run or a sheet action with the overview after it). */
  readonly own = async <T>(work: () => Promise<T>): Promise<T> => {
    this.ownWork += 1;
    try {
      return await work();
    } finally {
      this.ownWork -= 1;
      if (this.ownWork === 0 && this.settlePending) this.arm();
    }
  };

  readonly hear = (change: SheetChange): void => {
    const id = change.worksheetId;
    if (change.kind === "added") {
      if (this.ownWork > 0 || this.sheets.inputIds.has(id) || this.sheets.resultIds.has(id)) return;
      this.addedUnseen.add(id);
      this.arm();
    } else if (affectsResults(change, this.sheets)) this.changed();
  };

  /** Forgets a pending pause (the pane is going away). */
  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.settlePending = false;
  }

  private changed(): void {
    this.callbacks.onChange();
    this.arm();
  }

  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.settlePending = true;
    this.timer = setTimeout(() => this.settle(), this.settleMs);
  }

  private settle(): void {
    this.timer = undefined;
    if (this.ownWork > 0) return;
    this.settlePending = false;
    this.callbacks.onSettled(this.addedUnseen.size > 0);
  }
}
