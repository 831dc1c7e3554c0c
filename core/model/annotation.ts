import type { MqmCategory, MqmSeverity } from '../mqm/categories';

/** An MQM error an editor tagged on a span of the MT or of the correction. */
export interface Annotation {
  id: number;
  segmentId: number;
  side: 'mt' | 'target';
  start: number;
  end: number;
  /** The annotated words as they were when tagged. */
  quote: string;
  category: MqmCategory;
  severity: MqmSeverity;
  comment: string;
  createdAt: number;
}

export type NewAnnotation = Omit<Annotation, 'id' | 'createdAt'>;
