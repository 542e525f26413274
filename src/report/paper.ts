/** The paper sizes a PDF report can be printed on (a light module: the command line checks them before loading anything). */
export const paperSizes = ["A4", "Letter"] as const;
export type PaperSize = (typeof paperSizes)[number];
