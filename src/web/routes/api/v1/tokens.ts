/**
 * @module /api/v1/tokens (admins only): list, create (the secret is in the answer once), revoke.
 */
import { createApiToken } from '#src/services/create-api-token.ts';
import { listApiTokens } from '#src/services/list-api-tokens.ts';
import { revokeApiToken } from '#src/services/revoke-api-token.ts';
import { type AppDeps, serviceContext } from '../../../deps.ts';
import { staffActor } from '../../../plugins/guards.ts';
import { type Endpoint, endpoint } from './endpoint.ts';
import { presentApiToken } from './presenters.ts';
import { ApiToken, ApiTokenList, CreateApiTokenBody, CreatedApiToken, IdParams } from './schemas.ts';

export function tokenEndpoints(deps: AppDeps): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      url: '/tokens',
      operationId: 'listApiTokens',
      tag: 'tokens',
      role: 'admin',
      success: { status: 200, schema: ApiTokenList },
      async handler() {
        return { tokens: (await listApiTokens(deps.store.db)).map(presentApiToken) };
      },
    }),
    endpoint({
      method: 'POST',
      url: '/tokens',
      operationId: 'createApiToken',
      tag: 'tokens',
      role: 'admin',
      body: CreateApiTokenBody,
      success: { status: 201, schema: CreatedApiToken },
      example: { name: 'monitoring', role: 'operator' },
      async handler({ body, request, reply }) {
        const ctx = serviceContext(deps, staffActor(request));
        const created = await createApiToken({ ctx, input: body });
        // The secret is in this answer only: no cache may keep it.
        reply.header('cache-control', 'no-store');
        return {
          ...presentApiToken({ ...created, lastUsedAt: null, revokedAt: null }),
          token: created.token,
        };
      },
    }),
    endpoint({
      method: 'POST',
      url: '/tokens/:id/revoke',
      operationId: 'revokeApiToken',
      tag: 'tokens',
      role: 'admin',
      params: IdParams,
      success: { status: 200, schema: ApiToken },
      conflicts: true,
      async handler({ params, request }) {
        const ctx = serviceContext(deps, staffActor(request));
        const { id } = await revokeApiToken({ ctx, input: { id: params.id } });
        const token = (await listApiTokens(deps.store.db)).find((t) => t.id === id);
        return presentApiToken(token!);
      },
    }),
  ];
}
