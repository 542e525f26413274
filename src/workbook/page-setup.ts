import { cellAddress } from "./cell-address.js";
import type { Worksheet } from "./excel.js";

export interface PageLayout {
  /** Rows and columns that stay in view while scrolling (and print on every page). */
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly landscape?: boolean;
  /** Shrink to one page wide (tall sheets then run over several pages). */
  readonly fitToWidth?: boolean;
  /**
   * Print the frozen rows on every page (the default). Not for a sheet whose later table has headers of
   * its own (the Summary's capacity, per scenario): they would stand over columns they do not name.
   */
  readonly repeatHeader?: boolean;
}

/**
 * Freezes the header, sets the print area and repeats the header rows and label columns on every
 * printed page, so a printed or PDF copy reads like the screen.
 */
export function setUpPage(worksheet: Worksheet, layout: PageLayout): void {
  worksheet.views = [
    {
      state: "frozen",
      xSplit: layout.frozenColumns,
      ySplit: layout.frozenRows,
      topLeftCell: cellAddress(layout.frozenRows + 1, layout.frozenColumns + 1),
      showGridLines: false,
    },
  ];
  worksheet.pageSetup.orientation = layout.landscape ? "landscape" : "portrait";
  worksheet.pageSetup.paperSize = 9; // A4
  worksheet.pageSetup.margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 };
  worksheet.pageSetup.printArea = `A1:${cellAddress(layout.lastRow, layout.lastColumn)}`;
  if (layout.frozenRows > 0 && layout.repeatHeader !== false) worksheet.pageSetup.printTitlesRow = `1:${layout.frozenRows}`;
  if (layout.frozenColumns > 0) worksheet.pageSetup.printTitlesColumn = `A:${cellAddress(1, layout.frozenColumns).replace(/\d+$/, "")}`;
  if (layout.fitToWidth) {
    worksheet.pageSetup.fitToPage = true;
    worksheet.pageSetup.fitToWidth = 1;
    worksheet.pageSetup.fitToHeight = 0;
  }
  worksheet.headerFooter.oddFooter = "&L&A&R&P / &N";
}
