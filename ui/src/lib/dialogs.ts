// Where the file dialogs start: the app remembers the folder last used (src-tauri/folders.rs)
// and otherwise offers the person's home, so a dialog never opens in the process's working
// folder. This is the pure part: a folder and a suggested file name made into the dialog's
// default path, with the separator the folder already uses (Windows paths have backslashes).

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
