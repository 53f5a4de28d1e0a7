// The pane's controls where the host rates a workbook file (the offline page): choosing the
// workbook (a button, or a file dropped anywhere on the page), last year's rated workbook, and the
// download of the rated copy. They stand where a live workbook's sheet buttons stand.
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { WorkbookFiles } from "../../host/host";
import { saveRated } from "../fileActions";
import type { Translate } from "../strings";

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { overflowWrap: "anywhere" },
});

/** A button that opens the browser's file dialog for one .xlsx file. */
function FilePicker({ label, disabled, testId, onFile, appearance }: { label: string; disabled: boolean; testId: string; onFile: (file: File) => void; appearance?: "primary" }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} disabled={disabled} onClick={() => input.current?.click()} data-testid={`${testId}-button`}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={XLSX_TYPES}
        hidden
        data-testid={testId}
        onChange={(e) => {
          const picked = e.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) is a change too.
          e.target.value = "";
          if (picked) onFile(picked);
        }}
      />
    </>
  );
}

/** Takes a file dropped anywhere on the page while the pane is mounted. */
function useDroppedFile(disabled: boolean, onFile: (file: File) => void): void {
  const latest = useRef({ disabled, onFile });
  useEffect(() => {
    latest.current = { disabled, onFile };
  });
  useEffect(() => {
    // Without this the browser would open the dropped file in place of the page.
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file && !latest.current.disabled) latest.current.onFile(file);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, []);
}

/** The workbook to rate: its name once chosen, the button, and the note that nothing leaves the computer. */
export function WorkbookFile({ name, disabled, t, onFile }: { name?: string; disabled: boolean; t: Translate; onFile: (file: File) => void }) {
  const styles = useStyles();
  useDroppedFile(disabled, onFile);
  return (
    <>
      <Body1 className={styles.name} data-testid="workbook-file-name">
        {name === undefined ? t("fileNone") : t("fileChosen", { file: name })}
      </Body1>
      <div className={styles.buttons}>
        <FilePicker label={t("fileChoose")} disabled={disabled} testId="workbook-file" appearance={name === undefined ? "primary" : undefined} onFile={onFile} />
      </div>
      <Caption1 data-testid="file-privacy">{t("fileHint")}</Caption1>
    </>
  );
}

/** Last year's rated workbook (the command line's --prev): optional, and can be dropped again. */
export function PreviousFile({ name, disabled, t, onChange }: { name?: string; disabled: boolean; t: Translate; onChange: (file: File | undefined) => void }) {
  const styles = useStyles();
  return (
    <>
      <Caption1>{t("prevFileIntro")}</Caption1>
      {name !== undefined && (
        <Body1 className={styles.name} data-testid="prev-file-name">
          {t("prevFileChosen", { file: name })}
        </Body1>
      )}
      <div className={styles.buttons}>
        <FilePicker label={t("prevFileChoose")} disabled={disabled} testId="prev-workbook-file" onFile={onChange} />
        {name !== undefined && (
          <Button disabled={disabled} onClick={() => onChange(undefined)} data-testid="prev-file-remove">
            {t("prevFileRemove")}
          </Button>
        )}
      </div>
    </>
  );
}

/** Saves the rated workbook of the last run; offered only when that run rated. */
export function DownloadRated({ files, disabled, t }: { files: WorkbookFiles; disabled: boolean; t: Translate }) {
  return (
    <Button appearance="primary" disabled={disabled} onClick={() => saveRated(files)} data-testid="download">
      {t("buttonDownload")}
    </Button>
  );
}
