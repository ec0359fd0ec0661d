import { defineFunction } from '../../define';
import * as actions from '../../../domain/requests';
import * as claims from '../../../domain/requests';
import * as figures from '../../../domain/requests';
import { markOverdue, purgePhotos } from '../../../domain/requests';
import * as volunteers from '../../../domain/requests';

/** 群众点单 → 支部下单 → 党员接单 (domain/requests). */
export const router = defineFunction(
  'requests',
  {
    communities: actions.communities,
    uploadPhoto: actions.uploadPhoto,
    ask: actions.ask,
    mine: actions.mine,
    detail: actions.detail,
    queue: actions.queue,
    review: actions.review,
    dispatch: actions.dispatch,
    hall: claims.hall,
    claim: claims.claim,
    myTasks: claims.myTasks,
    progress: claims.progress,
    finish: claims.finish,
    release: claims.release,
    withdraw: claims.withdraw,
    confirm: actions.confirm,
    sendBack: actions.sendBack,
    cancel: actions.cancel,
    registerVolunteer: volunteers.registerVolunteer,
    volunteerMe: volunteers.volunteerMe,
    timeBank: volunteers.timeBank,
    volunteers: volunteers.volunteers,
    reviewVolunteer: volunteers.reviewVolunteer,
    wall: figures.wall,
    figures: figures.figures,
    stats: figures.stats,
  },
  { markOverdue, purgePhotos },
);
