// Donor eligibility: the organisation's rules as data and the pure function that applies them.
export { DonorRulesSchema, DeferralRuleSchema, DEFAULT_DONOR_RULES, type DonorRules, type DeferralRule } from './donor-rules.ts';
export { evaluateDonorEligibility, DonorAnswersSchema, type DonorAnswers, type Eligibility, type Reason, type ReasonCode } from './donor-eligibility.ts';
export { donorRulesFor, setDonorRules } from './organisation-rules.ts';
