/** The client paths the import page links to; the app layer passes them in. */
export interface ImportPaths {
  history: string;
  workout: (id: string) => string;
}
