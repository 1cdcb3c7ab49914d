/**
 * @module /api/v1/components: the catalog's components with their derived status and cause.
 */
import { notFound } from '#src/domain/errors.ts';
import { getStatusSnapshot } from '#src/services/get-status-snapshot.ts';
import type { AppDeps } from '../../../deps.ts';
import { type Endpoint, endpoint } from './endpoint.ts';
import { presentComponent } from './presenters.ts';
import { Component, ComponentList, IdParams } from './schemas.ts';

export function componentEndpoints(deps: AppDeps): Endpoint[] {
  const snapshot = () => getStatusSnapshot(deps.store.db, deps.clock());
  return [
    endpoint({
      method: 'GET',
      url: '/components',
      operationId: 'listComponents',
      tag: 'components',
      role: 'operator',
      success: { status: 200, schema: ComponentList },
      async handler() {
        const { catalog, statuses } = await snapshot();
        return {
          components: catalog.components.map((c) => presentComponent(c, catalog, statuses.get(c.id))),
        };
      },
    }),
    endpoint({
      method: 'GET',
      url: '/components/:id',
      operationId: 'getComponent',
      tag: 'components',
      role: 'operator',
      params: IdParams,
      success: { status: 200, schema: Component },
      async handler({ params }) {
        const { catalog, statuses } = await snapshot();
        const c = catalog.components.find((x) => x.id === params.id);
        if (!c) throw notFound('component', params.id);
        return presentComponent(c, catalog, statuses.get(c.id));
      },
    }),
  ];
}
