import { defineFunction } from '../../../domain/core/router';
import * as vaccine from '../../../domain/vaccine/actions';

export const router = defineFunction('vaccine', { sites: vaccine.sites, siteDetail: vaccine.siteDetail });
