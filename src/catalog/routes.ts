import type { FastifyInstance } from 'fastify';
import { registerCatalogApi } from './api-routes.ts';
import { registerCatalogImportRoutes } from './import-routes.ts';
import { registerCatalogPages } from './pages.ts';
import { registerUnitCatalogPages } from './unit-pages.ts';

/** Every route of the catalogs feature: back-office pages, import/export, JSON API. */
export function registerCatalogRoutes(app: FastifyInstance): void {
  // Import routes first: their static paths (template.xlsx) sit beside the :id pages.
  registerCatalogImportRoutes(app);
  registerCatalogPages(app);
  registerUnitCatalogPages(app);
  registerCatalogApi(app);
}
