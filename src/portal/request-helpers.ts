import type { FastifyRequest } from 'fastify';
import type { Unit } from '../db/types.ts';
import { chinaDate } from '../disclosure/store.ts';
import { AppError } from '../lib/errors.ts';
import { findPublicUnitByCode } from './queries.ts';

/** The China date of the request's clock (ARCHITECTURE rule 3: time is an input). */
export const todayOf = (req: FastifyRequest): string => chinaDate(req.now);

/** A unit by code as the portal shows it (active or retired, never the region root), else 404. */
export async function publicUnitOr404(req: FastifyRequest, code: string): Promise<Unit> {
  const unit = await findPublicUnitByCode(req.server.gk.db, req.actor.tenantId, code);
  if (!unit) throw new AppError('error.not_found', { status: 404 });
  return unit;
}
