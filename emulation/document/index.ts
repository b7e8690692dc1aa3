/** The emulated DocumentApp: what tests, the integration harness and the preview import. */
export { DocumentAppEmulation } from './document-app';
export {
  DocumentEmulation, DocumentTabEmulation, TabEmulation, blockSnapshots, dateChipText,
  type BlockSnapshot, type CellSnapshot, type DateChip, type DocumentOptions, type InlineSnapshot, type ParagraphSnapshot,
  type PersonChip, type TableSnapshot,
} from './document';
export { documentFromMarkdown, documentToMarkdown, type MarkdownOptions } from './markdown';
export {
  BodyEmulation, DateEmulation, HorizontalRuleEmulation, LAST_PARAGRAPH_IN_CELL, LAST_PARAGRAPH_IN_SECTION, ListItemEmulation,
  ParagraphEmulation, PersonEmulation, RangeElementEmulation, TableCellEmulation, TableEmulation, TableRowEmulation,
  TextEmulation, TextViewEmulation, CHIP_TEXTS, type ChipText, type TextStyle,
} from './elements';
export { NamedRangeEmulation, PositionEmulation, RangeBuilderEmulation, RangeEmulation } from './ranges';
export { Attribute, ElementType, GlyphType, HorizontalAlignment, ParagraphHeading, TextAlignment, VerticalAlignment } from './enums';
