/** DocumentApp's enums as Apps Script exposes them: each member's value stringifies to its own name. */

/*
 * In Apps Script, `DocumentApp.ElementType.TABLE_ROW` is an object whose toString() and JSON form are
 * "TABLE_ROW", and getType() returns that same member, so `===` comparisons work. A string with the
 * member's name has all three properties. @types declares these as numeric enums, hence the casts
 * at the edge (`apiEnum`).
 */

function enumOf<const K extends string>(names: readonly K[]): { readonly [P in K]: P } {
  const members: Record<string, string> = {};
  for (const name of names) members[name] = name;
  return Object.freeze(members) as { readonly [P in K]: P };
}

export const ElementTypeNames = enumOf([
  'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'DOCUMENT', 'EQUATION', 'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR', 'EQUATION_SYMBOL', 'FOOTER_SECTION', 'FOOTNOTE',
  'FOOTNOTE_SECTION', 'HEADER_SECTION', 'HORIZONTAL_RULE', 'INLINE_DRAWING', 'INLINE_IMAGE',
  'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH', 'PERSON', 'RICH_LINK', 'TABLE', 'TABLE_CELL',
  'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
]);
export type ElementTypeName = keyof typeof ElementTypeNames;

export const ParagraphHeadingNames = enumOf([
  'NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE',
]);
export type ParagraphHeadingName = keyof typeof ParagraphHeadingNames;

export const HorizontalAlignmentNames = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
export type HorizontalAlignmentName = keyof typeof HorizontalAlignmentNames;

export const GlyphTypeNames = enumOf([
  'BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER',
]);
export type GlyphTypeName = keyof typeof GlyphTypeNames;

export const TextAlignmentNames = enumOf(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT']);
export const VerticalAlignmentNames = enumOf(['BOTTOM', 'CENTER', 'TOP']);
export type VerticalAlignmentName = keyof typeof VerticalAlignmentNames;
export const TabTypeNames = enumOf(['DOCUMENT_TAB']);

export const AttributeNames = enumOf([
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE',
  'FOREGROUND_COLOR', 'HEADING', 'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE',
  'INDENT_START', 'ITALIC', 'GLYPH_TYPE', 'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL', 'LIST_ID',
  'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL', 'MINIMUM_HEIGHT',
  'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH',
  'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
]);
export type AttributeName = keyof typeof AttributeNames;

/** The typed faces the add-on sees (`DocumentApp.ElementType` etc.). */
export const ElementType = ElementTypeNames as unknown as typeof GoogleAppsScript.Document.ElementType;
export const ParagraphHeading = ParagraphHeadingNames as unknown as typeof GoogleAppsScript.Document.ParagraphHeading;
export const HorizontalAlignment = HorizontalAlignmentNames as unknown as typeof GoogleAppsScript.Document.HorizontalAlignment;
export const GlyphType = GlyphTypeNames as unknown as typeof GoogleAppsScript.Document.GlyphType;
export const TextAlignment = TextAlignmentNames as unknown as typeof GoogleAppsScript.Document.TextAlignment;
export const VerticalAlignment = VerticalAlignmentNames as unknown as typeof GoogleAppsScript.Document.VerticalAlignment;
export const TabType = TabTypeNames as unknown as typeof GoogleAppsScript.Document.TabType;
export const Attribute = AttributeNames as unknown as typeof GoogleAppsScript.Document.Attribute;

/** A member name handed out as the @types enum type it stands for (null where Apps Script returns null). */
export function apiEnum<E>(name: string | null): E {
  return name as unknown as E;
}

/**
 * Reads an enum argument back to its member name. Apps Script rejects values that are not members
 * of the expected enum; the exact wording of that error is unverified.
 */
export function enumName<const K extends string>(members: { readonly [P in K]: P }, value: unknown, parameter: string): K {
  const name = String(value);
  if (Object.prototype.hasOwnProperty.call(members, name)) return name as K;
  throw new Error(`Invalid argument: ${parameter}`);
}
