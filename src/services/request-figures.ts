/** The public figure of 群众点单 on the home page (main package): kept apart from services/requests.ts so that the
 * rest of the requests API stays in the help subpackage. */
import { callFunction } from './transport';

export interface Figures {
  requests: number;
  confirmed: number;
  finishRate: number;
  avgHours: number;
  satisfaction: number;
}

export const getRequestFigures = (county?: string) => callFunction<Figures>('requests', 'figures', { county });
