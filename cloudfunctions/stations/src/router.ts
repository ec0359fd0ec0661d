import { defineFunction } from '../../../domain/core/router';
import * as stations from '../../../domain/stations/actions';

export const router = defineFunction('stations', { list: stations.list, detail: stations.detail });
