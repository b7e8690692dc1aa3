/** The reader's diagnostics: what it could not read, each in a seller's words, given back in document order. */
import type { CellRef, Diagnostic } from './parsed-plan';

export class Diagnostics {
  private readonly found: Diagnostic[] = [];
  private readonly places: number[][] = [];

  /** `at` places a diagnostic without a cell: body index, then row and column within a table. */
  warn(severity: Diagnostic['severity'], where: string, text: string | null, message: string, cell: CellRef | null = null, at?: number[]): void {
    this.found.push({ severity, where, text, message, cell });
    this.places.push(at ?? (cell ? [cell.tableIndex, cell.row, cell.column] : [-1]));
  }

  /** Diagnostics in document order, as a seller reads down the page; same place, order found. */
  sorted(): Diagnostic[] {
    const order = this.found.map((d, i) => ({ d, at: this.places[i] ?? [-1], i }));
    order.sort((a, b) => {
      for (let k = 0; k < Math.max(a.at.length, b.at.length); k++) {
        const [x, y] = [a.at[k] ?? -1, b.at[k] ?? -1];
        if (x !== y) return x - y;
      }
      return a.i - b.i;
    });
    return order.map((o) => o.d);
  }
}
