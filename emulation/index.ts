/** The emulated Google services and the sandbox, as tests import them. */
export { CallLog, countCalls, type Counted } from './calls';
export type { EmulationContext } from './context';
export { GoogleEmulation, type GoogleEmulationOptions, type Manifest } from './environment';
export { SheetsServiceEmulation, SpreadsheetsEmulation, ValuesEmulation, type SheetsContext } from './sheets-api';
export { loadAddOn, ScriptError, type AddOn, type AddOnOptions, type Json, type TriggerEvent } from './sandbox';
export { ScriptRunClient, SCRIPT_RUN_CONCURRENCY, type CompletionOrder } from './script-run';
export {
  PropertiesEmulation,
  PropertiesServiceEmulation,
  PropertyStore,
  PROPERTY_QUOTA_MESSAGE,
  PROPERTY_CALLS_PER_DAY,
  PROPERTY_DAILY_QUOTA_MESSAGE,
  PropertyQuota,
  PROPERTY_STORE_LIMIT_BYTES,
  PROPERTY_VALUE_LIMIT_BYTES,
  type PropertyStores,
} from './properties';
export {
  Button,
  ButtonSet,
  MenuEmulation,
  PromptResponseEmulation,
  UiEmulation,
  type Answer,
  type ButtonName,
  type ButtonSetName,
  type MenuItem,
  type RecordedDialog,
  type RecordedHtmlDialog,
  type RecordedMenu,
} from './ui';
export { HtmlOutputEmulation, HtmlServiceEmulation, SandboxMode, XFrameOptionsMode, type HtmlSnapshot } from './html';
export {
  AuthGate,
  AuthMode,
  ConsoleEmulation,
  formatDate,
  LOCK_TIMEOUT_MESSAGE,
  LockEmulation,
  LockServiceEmulation,
  LockState,
  LoggerEmulation,
  ScriptAppEmulation,
  SessionEmulation,
  UserEmulation,
  UtilitiesEmulation,
  type AuthModeName,
  type LogEntry,
} from './session';
export {
  FORMULA_STAND_IN,
  RangeEmulation as SpreadsheetRangeEmulation,
  readTyped,
  SheetEmulation,
  SpreadsheetAppEmulation,
  SpreadsheetEmulation,
  SpreadsheetModel,
  SheetModel,
  type CellValue,
  type SheetDump,
} from './spreadsheet';
export type { ChartModel, ConditionalRuleModel, GridRect } from './spreadsheet-features';
export { DocumentAppEmulation, DocumentEmulation } from './document';
