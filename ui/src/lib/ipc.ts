// Typed wrappers around the app's Tauri commands. The document and error types are generated
// from the core by ts-rs; only CaseInfo is written here because it is defined in src-tauri.

import { invoke } from "@tauri-apps/api/core";
import type { Document } from "./bindings/Document";
import type { DocumentSummary } from "./bindings/DocumentSummary";

/** Mirrors `CaseInfo` in src-tauri/src/main.rs. */
export type CaseInfo = { path: string; document_count: number };

export function currentCase(): Promise<CaseInfo | null> {
  return invoke<CaseInfo | null>("current_case");
}

export function openCase(path: string): Promise<CaseInfo> {
  return invoke<CaseInfo>("open_case", { path });
}

export function listDocuments(): Promise<DocumentSummary[]> {
  return invoke<DocumentSummary[]>("list_documents");
}

export function getDocument(id: number): Promise<Document> {
  return invoke<Document>("get_document", { id });
}
