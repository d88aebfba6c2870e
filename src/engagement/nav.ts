import type { Actor } from '../auth/actor.ts';

export interface NavItem {
  href: string;
  label: string;
}

/** Back-office menu entries of the engagement features, each shown only to those it serves. */
export function engagementNavItems(actor: Actor): NavItem[] {
  const out: NavItem[] = [];
  void actor;
  return out;
}
