/**
 * 红色打卡: a person checks in at a red landmark when both hold — their phone's position (converted to GCJ-02) lies
 * within the landmark's radius, and they carry the scene code of that landmark's poster. Refused besides: a second
 * check-in at the same landmark on the same Shanghai day (the check-in's `_id` is derived from person, landmark
 * and day, so a storm of taps makes one), and a check-in further from the person's last one than anyone could
 * travel in the time between (MAP_MAX_SPEED_KMH).
 *
 * A party member's check-in posts the 「红色打卡」 rule's points through the ledger, within the rule's cap (past the
 * cap the check-in still counts, for 0 points). Everyone keeps a 足迹; a route is recorded complete, once, by the
 * check-in that visits its last landmark. Everything a check-in writes belongs to the person (their check-in,
 * traveller document, ledger, cap counter and completions), so crowds at one landmark never contend.
 */
import { z } from 'zod';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { distanceMetres } from '../core/geo';
import { TX_ATTEMPTS, derivedId } from '../core/ids';
import { dayOf, inZone } from '../core/time';
import { fields } from '../core/validation';
import { geoPointSchema } from '../stations';
import { post, takeFromCap, RULES, ruleDocSchema } from '../points';
import { DATUMS, toGcj02 } from './datum';
import { CHECKIN_KINDS, CHECKIN_RULE_ID } from './labels';
import {
  LANDMARKS,
  LANDMARK_CHECKINS,
  LANDMARK_SCENES,
  ROUTES,
  ROUTE_COMPLETIONS,
  TRAVELLERS,
  landmarkDocSchema,
  routeDocSchema,
  sceneSchema,
  type Traveller,
} from './model';
import { EARNERS, distanceText, leastTravelMs, maxSpeedKmh, readLandmark, readTraveller, travelGap } from './shared';

/** The check-in's `_id`: one per person, landmark and Shanghai day. */
export const checkinIdOf = (openid: string, landmarkId: string, day: string) =>
  derivedId('lc', openid, landmarkId, day);
/** The ledger entry a check-in's points are posted under: one per check-in. */
export const checkinEntryIdOf = (checkinId: string) => derivedId('lcp', checkinId);
/** A route's completion: one per person and route. */
export const completionIdOf = (openid: string, routeId: string) => derivedId('rc', openid, routeId);

const isEarner = (role: string) => (EARNERS as readonly string[]).includes(role);

export const checkIn = action({
  input: z.strictObject({
    landmarkId: fields.id,
    /** The scene of the poster's code the person opened (absent when they came another way). */
    scene: sceneSchema,
    location: geoPointSchema,
    /** What the phone gave: WeChat's gcj02, a browser's wgs84. */
    datum: z.enum(DATUMS).default('gcj02'),
  }),
  access: 'signedIn',
  async run({ landmarkId, scene, location, datum }, ctx) {
    const now = ctx.now();
    const user = ctx.user;
    const openid = user._id;
    const landmark = await readLandmark(ctx.db, landmarkId);
    if (!CHECKIN_KINDS.includes(landmark.kind) || !landmark.scene)
      throw new AppError('INVALID_ARGUMENT', `「${landmark.name}」不是打卡点`, 'landmarkId');

    // The poster's code: this landmark's, or refused — another landmark's by name.
    const code = scene.toUpperCase();
    if (code !== landmark.scene.toUpperCase()) {
      const link = await ctx.db.collection(LANDMARK_SCENES).doc(code).get();
      const other = link
        ? landmarkDocSchema.safeParse(await ctx.db.collection(LANDMARKS).doc(String(link.landmarkId)).get())
        : null;
      if (other?.success && other.data._id !== landmark._id)
        throw new AppError(
          'INVALID_ARGUMENT',
          `这是「${other.data.name}」的打卡码，请扫描「${landmark.name}」现场的二维码`,
          'scene',
        );
      throw new AppError('INVALID_ARGUMENT', '打卡码无效，请扫描现场的二维码', 'scene');
    }

    // The place: the phone's position, in GCJ-02, within the radius.
    const distance = distanceMetres(toGcj02(location, datum), landmark.location);
    if (distance > landmark.radius)
      throw new AppError(
        'INVALID_ARGUMENT',
        `你离「${landmark.name}」还有约 ${distanceText(distance)}，到 ${distanceText(landmark.radius)}以内才能打卡`,
        'location',
      );

    const day = dayOf(now);
    const checkinId = checkinIdOf(openid, landmark._id, day);
    const rule = isEarner(user.role)
      ? ruleDocSchema.safeParse(await ctx.db.collection(RULES).doc(CHECKIN_RULE_ID).get())
      : null;
    const routes = (await ctx.db.collection(ROUTES).where({ landmarkIds: landmark._id }).limit(100).get()).flatMap(
      (d) => {
        const r = routeDocSchema.safeParse(d);
        return r.success && r.data.active ? [r.data] : [];
      },
    );
    const speed = maxSpeedKmh();

    return ctx.db.runTransaction(async (tx) => {
      if (await tx.collection(LANDMARK_CHECKINS).doc(checkinId).get())
        throw new AppError('CONFLICT', `今天已在「${landmark.name}」打过卡，明天再来吧`);
      const traveller = await readTraveller(tx, openid);

      // Impossible travel: from the last check-in's place to this one faster than MAP_MAX_SPEED_KMH.
      const last = traveller.last;
      if (last && last.landmarkId !== landmark._id) {
        const gap = travelGap(distanceMetres(last.location, landmark.location), last.radius, landmark.radius);
        const possibleAt = last.at + Math.ceil(leastTravelMs(gap, speed));
        if (gap > 0 && now < possibleAt) {
          const from = await tx.collection(LANDMARKS).doc(last.landmarkId).get();
          const name = typeof from?.name === 'string' ? from.name : '另一处打卡点';
          throw new AppError(
            'TOO_EARLY',
            `你 ${inZone(last.at).format('HH:mm')} 在「${name}」打了卡，离这里约 ${distanceText(gap)}，` +
              `${inZone(possibleAt).format(dayOf(possibleAt) === day ? 'HH:mm' : 'M月D日 HH:mm')} 以后才能在这里打卡`,
          );
        }
      }

      // Points: a party member's, by the rule, within its cap.
      let points = 0;
      let entryId: string | null = null;
      let balance: number | null = null;
      let capped = false;
      if (rule?.success) {
        const grant = await takeFromCap(tx, openid, rule.data, now);
        if (grant > 0) {
          entryId = checkinEntryIdOf(checkinId);
          const account = await post(tx, {
            openid,
            branchId: user.branchId,
            amount: grant,
            kind: 'checkin',
            reason: `${rule.data.category}：${landmark.name}`,
            entryId,
            at: now,
            ruleId: rule.data._id,
          });
          points = grant;
          balance = account.balance;
        } else capped = true;
      }

      const seen = traveller.visits[landmark._id];
      const next: Traveller = {
        ...traveller,
        checkins: traveller.checkins + 1,
        last: { landmarkId: landmark._id, at: now, location: landmark.location, radius: landmark.radius },
        visits: {
          ...traveller.visits,
          [landmark._id]: { first: seen?.first ?? now, last: now, count: (seen?.count ?? 0) + 1 },
        },
        routes: { ...traveller.routes },
      };
      await tx.collection(LANDMARK_CHECKINS).add({
        _id: checkinId,
        openid,
        landmarkId: landmark._id,
        day,
        at: now,
        seq: next.checkins,
        distance,
        radius: landmark.radius,
        datum,
        speedKmh: speed,
        points,
        entryId,
        ruleId: entryId ? CHECKIN_RULE_ID : null,
      });

      // A route is complete once every one of its landmarks has a check-in: recorded once, by this check-in.
      const completed: { routeId: string; name: string; nameEn: string }[] = [];
      for (const route of routes) {
        if (next.routes[route._id] !== undefined) continue;
        if (!route.landmarkIds.every((id) => next.visits[id])) continue;
        const completionId = completionIdOf(openid, route._id);
        if (await tx.collection(ROUTE_COMPLETIONS).doc(completionId).get()) continue;
        await tx.collection(ROUTE_COMPLETIONS).add({
          _id: completionId,
          openid,
          routeId: route._id,
          completedAt: now,
          landmarks: route.landmarkIds.map((id) => ({ landmarkId: id, at: next.visits[id]!.first })),
        });
        next.routes[route._id] = now;
        completed.push({ routeId: route._id, name: route.name, nameEn: route.nameEn });
      }

      await tx.collection(TRAVELLERS).doc(openid).set({
        checkins: next.checkins,
        last: next.last,
        visits: next.visits,
        routes: next.routes,
      });
      return {
        checkinId,
        landmarkId: landmark._id,
        name: landmark.name,
        nameEn: landmark.nameEn,
        at: now,
        day,
        points,
        /** The rule's cap was reached today: the check-in counts, without points. */
        capped,
        balance,
        completedRoutes: completed,
        checkins: next.checkins,
        landmarks: Object.keys(next.visits).length,
      };
    }, TX_ATTEMPTS);
  },
});
