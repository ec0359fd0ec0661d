import type { RequestContext } from '../core/router';
import type { SealedIdentity } from '../core/identity';
import { phoneField, sealIdentity } from '../org';
import { phoneCodeField, resolvePhone } from './resolve';

/**
 * A request's contact phone (群众点单): typed (`contactPhone`, unverified) or from the phone-number button
 * (`contactPhoneCode`, exchanged on the server, verified). Spread into the ask's input schema.
 */
export const contactPhoneInput = {
  contactPhone: phoneField.optional(),
  contactPhoneCode: phoneCodeField.optional(),
};

/** The sealed contact an ask stores, with whether WeChat gave the phone; a refused code throws before any write. */
export async function sealContact(
  ctx: Pick<RequestContext, 'services' | 'caller'>,
  name: string,
  given: { contactPhone?: string; contactPhoneCode?: string },
): Promise<SealedIdentity> {
  const { phone, verified } = await resolvePhone(
    ctx,
    { phone: given.contactPhone, code: given.contactPhoneCode },
    'contactPhone',
    '请填写联系电话',
  );
  return { ...sealIdentity(name, phone), phoneVerified: verified };
}
