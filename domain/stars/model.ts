/**
 * `starRatings/{sr_<quarter>_<branchId>}`: one branch's rating for one quarter — the proposal computed from its
 * records (score, stars and the breakdown), a county admin's adjustment with its reason, the sign-off, and the
 * history of each step (also in the audit log). `starRuns/{quarter}`: how far the quarter's job has got.
 */
import { z } from 'zod';
import { notClientWritten } from '../core/identity';
import { FIGURE_KEYS, type FigureKey } from './labels';

export const STAR_RATINGS = 'starRatings';
export const STAR_RUNS = 'starRuns';

export const ratingIdOf = (quarter: string, branchId: string) => `sr_${quarter}_${branchId}`;

const figureRowSchema = z.object({
  key: z.enum(FIGURE_KEYS as [FigureKey, ...FigureKey[]]),
  label: z.string(),
  weight: z.number(),
  counted: z.boolean(),
  value: z.number(),
  points: z.number(),
  detail: z.string(),
});

export const proposalSchema = z.object({
  score: z.number(),
  stars: z.number().int().min(0).max(5),
  figures: z.array(figureRowSchema),
  /** The counts the figures come from (compute.ts `Facts`). */
  facts: z.record(z.string(), z.unknown()),
  /** The weights, thresholds and hours target it was computed with. */
  rules: z.record(z.string(), z.unknown()).default({}),
  computedAt: z.number(),
});
export type StoredProposal = z.output<typeof proposalSchema>;

export const historySchema = z.object({
  at: z.number(),
  by: z.string(),
  byName: z.string().default(''),
  kind: z.enum(['computed', 'adjusted', 'signedOff']),
  stars: z.number().int().min(0).max(5),
  score: z.number().nullable().default(null),
  reason: z.string().default(''),
});
export type HistoryEntry = z.output<typeof historySchema>;

export const ratingDocSchema = z.object({
  _id: z.string(),
  _openid: notClientWritten,
  quarter: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  county: z.string().default(''),
  status: z.enum(['proposed', 'signedOff']),
  proposed: proposalSchema,
  /** A county admin's stars instead of the proposal's, with the reason (required). */
  adjusted: z
    .object({ stars: z.number().int().min(0).max(5), reason: z.string(), by: z.string(), at: z.number() })
    .nullable()
    .default(null),
  /** The stars now: the adjustment's, else the proposal's; final once signed off. */
  stars: z.number().int().min(0).max(5),
  signedOffBy: z.string().nullable().default(null),
  signedOffAt: z.number().nullable().default(null),
  history: z.array(historySchema).default([]),
  updatedAt: z.number(),
});
export type RatingDoc = z.output<typeof ratingDocSchema>;

export const runDocSchema = z.object({
  _id: z.string(),
  /** The last branch id done (keyset), '' before the first. */
  cursor: z.string(),
  done: z.boolean(),
  computed: z.number().int().min(0),
  updatedAt: z.number(),
});
