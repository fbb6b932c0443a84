// The relation rules, in the order they are tried. Trigger rules: the first
// that claims a trigger decides it. Sentence rules: each runs once per sentence.
// To add a rule, write it in a file of its family and put it in its place here.
import { appositionAffiliationRule, knownAffiliationRule, titleAffiliationRule } from "./affiliation";
import { betweenRule } from "./between";
import { compoundParticipleRule } from "./compound";
import { agentOfRule, branchRule, hyphenPairRule, roleNounRule, underCompoundRule } from "./nominal";
import { passiveRule } from "./passive";
import { mutualRule, quotedWeRule, svoRule } from "./svo";
import type { SentenceRule, TriggerRule } from "./types";

export const TRIGGER_RULES: readonly TriggerRule[] = [
  betweenRule,
  passiveRule,
  branchRule,
  hyphenPairRule,
  agentOfRule,
  roleNounRule,
  underCompoundRule,
  svoRule,
  mutualRule,
  quotedWeRule,
];

export const SENTENCE_RULES: readonly SentenceRule[] = [compoundParticipleRule, titleAffiliationRule, appositionAffiliationRule, knownAffiliationRule];

export const RULE_IDS: readonly string[] = [...TRIGGER_RULES, ...SENTENCE_RULES].map((r) => r.id);
