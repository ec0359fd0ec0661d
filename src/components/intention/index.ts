export { useIntention, type Confirmation, type Intention, type IntentionOptions } from './useIntention';
