/** How each normalised status looks in the document: the method's word and the cell colour a person sees. */
import type { Status } from './plan';

/** Soft Google-palette fills that keep black text readable; the sidebar uses the same values. */
export const STATUS_COLOURS: Record<Status, string> = {
  pending: '#e8eaed',
  in_progress: '#d2e3fc',
  complete: '#ceead6',
  blocked: '#fad2cf',
};
