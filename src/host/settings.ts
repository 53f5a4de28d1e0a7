// The pane's per-workbook choices, as every host keeps them: Excel in the workbook's document
// settings (src/excel/settings.ts), other hosts where they can, or in memory for the pane's life.

/** Recompute after edits, per workbook; off until the user turns it on. */
export interface PaneSettings {
  /** False where the choice lasts only while the pane stays open. */
  readonly remembered: boolean;
  autoRecompute(): boolean;
  /** Keeps the choice; rejects when the workbook would not take it. */
  saveAutoRecompute(on: boolean): Promise<void>;
}

/** Kept in memory only: where the host has no place for it, and in tests. */
export function sessionSettings(autoRecompute = false): PaneSettings {
  let on = autoRecompute;
  return {
    remembered: false,
    autoRecompute: () => on,
    saveAutoRecompute: async (value) => {
      on = value;
    },
  };
}
