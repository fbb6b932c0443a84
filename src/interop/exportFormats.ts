// The names of the export formats, apart from their writers: the CLI checks
// --format without loading the XML and CSV libraries.
export const EXPORT_FORMATS = ["json", "graphml", "gexf", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(v: string): v is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(v);
}
