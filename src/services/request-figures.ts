/** The public figure of 群众点单 on the home page (main package): kept apart from services/requests.ts so that the
 * rest of the requests API stays in the help subpackage. */
import type { ActionOutput } from '../../cloudfunctions/contract';
import { callFunction } from './transport';

export type Figures = ActionOutput<'requests', 'figures'>;
export const getRequestFigures = (county?: string) => callFunction('requests', 'figures', { county });
