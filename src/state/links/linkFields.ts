// The view parameters of an opened link that a person may edit by hand (`step`, `variant`, `view`,
// `cpu`), checked one by one: a bad one is replaced by its default and named in the link's notice, while
// the rest of the link opens (the checksum guards only the scenario: linkSum.ts). v1 links keep their
// old rule: a step or CPU that is not a whole number refuses the whole link (frozen fixtures).
import { findVariant, variantOrError, type Scenario } from '../../engine';
import { LinkError } from './linkCompact';
import { DEFAULT_VIEW, isView, type ViewId } from '../stores/views';

/** A whole-number field (`step`, `cpu`): its value, 0 when absent or refused, and why it was refused. */
export function wholeField(
  params: Record<string, string>,
  key: 'step' | 'cpu',
  strict: boolean,
): { value: number; problem?: string } {
  const v = params[key];
  if (v === undefined || /^\d{1,7}$/.test(v)) return { value: v === undefined ? 0 : Number(v) };
  const what = key === 'step' ? 'the step' : 'the CPU';
  if (strict) throw new LinkError(`${what} "${v.slice(0, 20)}" is not a whole number`);
  return {
    value: 0,
    problem: `${key}=${v.slice(0, 20)} is not a whole number; showing ${key === 'step' ? 'step 0' : 'CPU0'}`,
  };
}

/**
 * A variant id as a link gives it: a fixed base typed into a link by hand (`v6.13+49ce484187f7`)
 * arrives with its `+` read as a space by the query syntax.
 */
export function linkVariantId(raw: string): string {
  if (!raw.includes(' ') || findVariant(raw)) return raw;
  const plus = raw.replace(/ /g, '+');
  return findVariant(plus) ? plus : raw;
}

/** The variant a link asks for, or the scenario's own (named in `problem`) when it is not known. */
export function variantField(asked: string, scenario: Scenario): { variant: string; problem?: string } {
  const variant = linkVariantId(asked);
  if (findVariant(variant)) return { variant };
  const own = scenario.variant ?? '';
  const why = variant === '' ? 'the link names no variant' : `variant=${variant}: ${variantOrError(variant)}`;
  return { variant: own, problem: `${why}; showing the scenario's own variant${own ? ` (${own})` : ''}` };
}

/** The view a link asks for, or the default one (named in `problem`). */
export function viewField(view: string): { view: ViewId; problem?: string } {
  if (isView(view)) return { view };
  const why =
    view === '' ? 'the link names no view' : `view=${view.slice(0, 40)} is not a view of this version`;
  return { view: DEFAULT_VIEW, problem: `${why}; showing the step-through view` };
}

/** `embed`: `1` or absent; any other value is named and taken as off (v1 links took it so silently). */
export function embedField(
  params: Record<string, string>,
  strict: boolean,
): { value: boolean; problem?: string } {
  const v = params.embed;
  if (v === undefined || v === '1' || strict) return { value: v === '1' };
  return { value: false, problem: `embed=${v.slice(0, 20)} is not 1; showing the whole page` };
}
