import { deletedResponse, page, parseSort } from '../../shared/schemas/common.js';
import { createReferralInput, referralListQuery, referralSchema, type ReferralSortField, updateReferralInput } from '../../shared/schemas/referrals.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { createReferral, deleteReferral, getReferral, listReferrals, updateReferral } from './referrals.usecases.js';

export function registerReferralRoutes(app: App, ctx: AppContext): void {
  const tags = ['referrals'];
  app.get('/api/v1/referrals', {
    schema: { tags, summary: 'List referrals', querystring: referralListQuery, response: { 200: page(referralSchema), ...errorResponses } },
    handler: async (request) => {
      const { limit, offset, sort, ...filters } = request.query;
      return listReferrals({ ctx, filters, sort: parseSort<ReferralSortField>(sort), page: { limit, offset } });
    },
  });
  app.post('/api/v1/referrals', {
    schema: { tags, summary: 'Record a referral', body: createReferralInput, response: { 201: referralSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createReferral({ ctx, input: request.body })).referral),
  });
  app.get('/api/v1/referrals/:id', {
    schema: { tags, summary: 'One referral', params: idParams, response: { 200: referralSchema, ...errorResponses } },
    handler: async (request) => (await getReferral({ ctx, id: request.params.id })).referral,
  });
  app.patch('/api/v1/referrals/:id', {
    schema: { tags, summary: 'Change a referral', params: idParams, body: updateReferralInput, response: { 200: referralSchema, ...errorResponses } },
    handler: async (request) => (await updateReferral({ ctx, id: request.params.id, input: request.body })).referral,
  });
  app.delete('/api/v1/referrals/:id', {
    schema: { tags, summary: 'Remove a referral', params: idParams, response: { 200: deletedResponse, ...errorResponses } },
    handler: async (request) => ({ deleted: true as const, id: (await deleteReferral({ ctx, id: request.params.id })).id }),
  });
}
