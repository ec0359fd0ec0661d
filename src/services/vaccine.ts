import type { Page } from '../../domain/core/paging';
import type { SiteSummary, siteDetail } from '../../domain/vaccine/actions';
import { callFunction } from './transport';

export type { SiteSummary };
export type SiteDetail = Awaited<ReturnType<typeof siteDetail.run>>['site'];

export const listSites = (query: { cursor?: string; limit?: number }) => callFunction<Page<SiteSummary>>('vaccine', 'sites', query);
export const getSite = (siteId: string) => callFunction<{ site: SiteDetail }>('vaccine', 'siteDetail', { siteId }).then((r) => r.site);
