// A plain view of the in-browser fake workbook: sheet tabs, a grid, the selection highlighted,
// every cell editable (so a visitor can break a number and watch the pane report it).
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import type { FakeSheet, FakeWorkbook, Scalar } from "../../test/fake-excel/model";
import { a1, parseA1 } from "../workbook/grid";
import type { DemoStrings } from "./demoStrings";

/** What a typed entry becomes: a number where the whole text reads as one, else the text. */
export function parseEntry(text: string): Scalar | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed) ? n : text;
}

function columnName(col: number): string {
  return a1(0, col).replace(/\d+$/, "");
}

function display(value: Scalar | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 10000) / 10000);
  return String(value);
}

/** Re-renders on every workbook change: the fake notifies, the view reads a change counter. */
function useWorkbookVersion(workbook: FakeWorkbook): number {
  const version = useRef(0);
  return useSyncExternalStore(
    (notify) =>
      workbook.onChange(() => {
        version.current += 1;
        notify();
      }),
    () => version.current,
  );
}

function CellEditor({ initial, label, onDone }: { initial: string; label: string; onDone: (text: string | null) => void }) {
  const [text, setText] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  // Enter or Escape ends the edit; a blur that follows must not end it a second time.
  const finished = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(value);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter" && e.key !== "Escape") return;
    e.preventDefault();
    e.stopPropagation();
    const grid = input.current?.closest<HTMLElement>(".grid-scroll");
    finish(e.key === "Enter" ? text : null);
    grid?.focus();
  };
  return <input ref={input} className="cell-editor" aria-label={label} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKey} onBlur={() => finish(text)} />;
}

function SheetGrid({ workbook, sheet, strings }: { workbook: FakeWorkbook; sheet: FakeSheet; strings: DemoStrings }) {
  const [editing, setEditing] = useState<string | undefined>();
  const rect = sheet.usedRect() ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
  const rows = Array.from({ length: rect.r1 + 1 }, (_, r) => r);
  const cols = Array.from({ length: rect.c1 + 1 }, (_, c) => c);
  const selected = workbook.selection?.sheet === sheet.name ? workbook.selection.cell : undefined;

  useEffect(() => {
    // "nearest" leaves a visible cell where it is, so a click (or the second half of a double click) is not moved away.
    if (selected) document.querySelector(`[data-cell="${selected}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selected, sheet.name]);

  const select = (cell: string) => {
    workbook.selection = { sheet: sheet.name, cell };
    workbook.changed();
  };
  const commit = (cell: string, text: string | null) => {
    setEditing(undefined);
    if (text !== null && text !== display(sheet.cell(cell).value)) workbook.setCell(sheet.name, cell, parseEntry(text));
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !selected) return;
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      setEditing(selected);
      return;
    }
    const step: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = step[e.key];
    if (!move) return;
    e.preventDefault();
    const { row, col } = parseA1(selected);
    select(a1(Math.min(rect.r1, Math.max(0, row + move[0])), Math.min(rect.c1, Math.max(0, col + move[1]))));
  };

  return (
    <div className="grid-scroll" role="region" aria-label={strings.gridLabel(sheet.name)} tabIndex={0} onKeyDown={onKey}>
      <table className="grid">
        <thead>
          <tr>
            <th className="corner" />
            {cols.map((c) => (
              <th key={c} scope="col">
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {cols.map((c) => {
                const address = a1(r, c);
                const cell = sheet.cellAt(r, c);
                const isSelected = address === selected;
                return (
                  <td
                    key={c}
                    data-cell={address}
                    className={[isSelected ? "selected" : "", typeof cell?.value === "number" ? "number" : ""].join(" ").trim() || undefined}
                    aria-selected={isSelected}
                    title={address}
                    onClick={() => select(address)}
                    onDoubleClick={() => setEditing(address)}
                  >
                    {editing === address ? (
                      <CellEditor initial={display(cell?.value)} label={strings.editLabel(address)} onDone={(text) => commit(address, text)} />
                    ) : (
                      display(cell?.value)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WorkbookView({ workbook, strings }: { workbook: FakeWorkbook; strings: DemoStrings }) {
  useWorkbookVersion(workbook);
  const visible = workbook.sheets.filter((s) => s.visibility === "Visible");
  const active = visible.find((s) => s.name === workbook.activeSheet) ?? visible[0];
  const activate = (name: string) => {
    workbook.activeSheet = name;
    workbook.changed();
  };
  return (
    <section className="workbook" aria-label={strings.workbookLabel}>
      <div className="formula-bar" data-testid="demo-selection">
        {workbook.selection ? `${workbook.selection.sheet}!${workbook.selection.cell}` : ""}
      </div>
      {active ? <SheetGrid key={active.name} workbook={workbook} sheet={active} strings={strings} /> : <p>{strings.emptyWorkbook}</p>}
      <div className="tabs" role="tablist" aria-label={strings.tabsLabel}>
        {visible.map((s) => (
          <button key={s.name} role="tab" aria-selected={s === active} className={s === active ? "tab active" : "tab"} onClick={() => activate(s.name)}>
            {s.name}
          </button>
        ))}
      </div>
    </section>
  );
}
