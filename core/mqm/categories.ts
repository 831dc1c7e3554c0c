/**
 * MQM error typology (MQM 2.0 core), as editors annotate post-edited MT. Ids are `dimension.type`, or the
 * dimension alone where MQM has no finer type here.
 */
export const MQM_CATEGORIES = [
  'accuracy.mistranslation',
  'accuracy.omission',
  'accuracy.addition',
  'accuracy.untranslated',
  'fluency.grammar',
  'fluency.punctuation',
  'fluency.spelling',
  'fluency.typography',
  'terminology',
  'style',
  'locale-convention',
] as const;
export type MqmCategory = (typeof MQM_CATEGORIES)[number];

export const MQM_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type MqmSeverity = (typeof MQM_SEVERITIES)[number];

/** MQM 2.0 severity weights. */
export const MQM_WEIGHTS: Record<MqmSeverity, number> = { minor: 1, major: 5, critical: 25 };

export const MQM_LABELS: Record<MqmCategory, string> = {
  'accuracy.mistranslation': 'Accuracy · Mistranslation',
  'accuracy.omission': 'Accuracy · Omission',
  'accuracy.addition': 'Accuracy · Addition',
  'accuracy.untranslated': 'Accuracy · Untranslated',
  'fluency.grammar': 'Fluency · Grammar',
  'fluency.punctuation': 'Fluency · Punctuation',
  'fluency.spelling': 'Fluency · Spelling',
  'fluency.typography': 'Fluency · Typography',
  terminology: 'Terminology',
  style: 'Style',
  'locale-convention': 'Locale convention',
};
