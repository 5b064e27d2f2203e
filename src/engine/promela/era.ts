// What an era's Promela module provides: its kernel functions as inlines, and the hooks the shared
// event bodies call (one `era_<hook>` inline per function-valued member of src/engine/era.ts's Era).

export interface PromelaEra {
  /** The engine era it models (Era.id). */
  id: string;
  /** Shared modules it builds on, in order (e.g. the host side of kernel/fpsimd). */
  uses: readonly string[];
  /** Its own inlines, ending with the era_<hook> inlines. */
  text: string;
}
