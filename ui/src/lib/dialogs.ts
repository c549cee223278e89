// Where the file dialogs start: the app remembers the folder last used (src-tauri/folders.rs)
// and otherwise offers the person's home, so a dialog never opens in the process's working
// folder. This is the pure part: a folder and a suggested file name made into the dialog's
// default path, with the separator the folder already uses (Windows paths have backslashes),
// and the options of the import dialog.

export function startPath(folder: string | null, name?: string): string | undefined {
  if (folder === null || folder === "") {
    return name;
  }
  if (name === undefined) {
    return folder;
  }
  const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/**
 * The import dialog's options: several files (or one folder) starting at `defaultPath`, and
 * no file-type filter, so every file can be picked: `.mbox` and `.eml` archives, and the
 * mboxes mail programs write without an extension (Thunderbird's `Inbox`). A filter would
 * hide those: on Linux the dialog (rfd's GTK backend) turns each extension into the pattern
 * `*.ext`, so no filter, not even "All files" (`*.*`), matches a name without a dot, and the
 * patterns are case-sensitive (`LEDGER.CSV`). The import recognises formats by their content,
 * so a filter would only hide files it reads.
 */
export function importDialogOptions(directory: boolean, defaultPath: string | undefined) {
  return {
    title: directory ? "Import a folder" : "Import files",
    multiple: true,
    directory,
    defaultPath,
  };
}
