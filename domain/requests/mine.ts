/** What a resident (or anyone allowed) sees: my requests, and one request in detail with the actions open to the viewer. */
import { action } from '../core/router';
import { pageByNewest } from '../core/paging';
import { allows } from './status';
import { REQUESTS, REQUEST_EVENTS, STATUS_LABELS, eventDocSchema, requestDocSchema } from './model';
import { card, contactFor, maySee, notFoundRequest, photoUrls, readRequest, viewerOf } from './present';
import { requestIdField, listInput, cards } from './shared';

export const mine = action({
  input: listInput,
  access: 'signedIn',
  async run({ status, cursor, limit }, ctx) {
    const page = await pageByNewest(
      ctx.db.collection(REQUESTS),
      { openid: ctx.user._id, status },
      'createdAt',
      { cursor, limit },
      requestDocSchema,
      (d) => d,
    );
    return cards(ctx, page);
  },
});

export const detail = action({
  input: requestIdField.strict(),
  access: 'signedIn',
  async run({ id }, ctx) {
    const req = await readRequest(ctx.db, id);
    if (!req) throw notFoundRequest();
    const v = await viewerOf(ctx.db, req, ctx.user);
    if (!maySee(req, v)) throw notFoundRequest();
    const contact = contactFor(req, v);
    const claims = Object.values(req.claims).sort((a, b) => a.at - b.at);
    const events = (
      await ctx.db.collection(REQUEST_EVENTS).where({ requestId: id }).orderBy('at', 'asc').limit(200).get()
    ).flatMap((d) => {
      const e = eventDocSchema.safeParse(d);
      return e.success ? [e.data] : [];
    });
    // Lines written in the same millisecond read in the order the flow goes.
    const rank = Object.keys(STATUS_LABELS);
    events.sort((a, b) => a.at - b.at || rank.indexOf(a.status) - rank.indexOf(b.status));
    const timeline = [];
    for (const e of events)
      timeline.push({
        at: e.at,
        status: e.status,
        statusLabel: STATUS_LABELS[e.status],
        text: e.text,
        by: e.by,
        photos: await photoUrls(ctx.services, e.photos),
        // Photos still waiting for their content check: to the one who wrote the line only, marked 审核中.
        pendingPhotos: e.heldFor === ctx.user._id ? await photoUrls(ctx.services, e.heldPhotos) : [],
      });
    const staff = v.secretary || v.admin;
    // Where exactly: to those involved and to those who may claim it now; the place's name only to everyone else.
    const exact = v.resident || staff || v.claimant || (v.taker && req.status === 'open');
    const place = req.place && !exact ? { name: req.place.name, lat: null, lng: null } : req.place;
    // How it was dispatched (任务大厅 or assigned, places taken, 时间银行 hours) is for the branch and those who take it
    // on: the resident who asked sees who handles it and every step, not the dispatch.
    const dispatchShown = staff || v.claimant || (v.taker && !v.resident);
    return {
      request: {
        ...(await card(req, ctx.services)),
        text: req.text,
        /** The resident's photos still waiting for their content check: shown to them only, marked 审核中. */
        pendingPhotos: v.resident ? await photoUrls(ctx.services, req.heldPhotos ?? []) : [],
        place,
        contact: { name: contact.name, phone: contact.phone },
        contactMasked: contact.masked,
        rating: req.rating,
        comment: req.comment,
        mode: dispatchShown ? req.mode : null,
        hours: dispatchShown ? req.hours : null,
        /** False for the resident: no places, claims or hours on their own request. */
        dispatchShown,
        reason: req.reason,
        // Claimants are shown to those involved by nickname; others see how many.
        // The branch also gets each claimant's id, to take a claim back (withdraw).
        claimants:
          v.resident || staff || v.claimant
            ? claims.map((c) => ({
                nickname: c.nickname,
                status: c.status,
                kind: c.kind,
                ...(staff ? { openid: c.openid } : {}),
              }))
            : [],
        mine: v.resident,
        claimed: v.claimant,
        /** False for a claimant from outside the branch: the contact stays masked and the branch puts them in touch. */
        contactShown: !contact.masked,
        canClaim: allows('claim', req.status) && v.taker && !v.resident && !v.claimant && req.taken < req.places,
        canFinish: v.claimant && allows('finish', req.status),
        canRelease: v.claimant && allows('release', req.status),
        canWithdraw: staff && allows('withdraw', req.status) && req.taken > 0,
        canConfirm: v.resident && allows('confirm', req.status),
        canCancel: v.resident && allows('cancel', req.status),
        canReview: staff && allows('review', req.status),
        canDispatch: staff && allows('dispatch', req.status),
      },
      timeline,
    };
  },
});

// ---- 支部下单 ----
