/**
 * The privacy module's door: what other modules, the functions and the hosts may use. Personal data: sealing and keyed hashes, ID-number rules, masks.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { decrypt, encrypt, keyedHash, useLocalPiiKey } from './crypto';
export { MOBILE, ageOn, checkIdNumber, makeIdNumber } from './idnumber';
export { maskIdNumber, maskName, maskPhone } from './mask';
