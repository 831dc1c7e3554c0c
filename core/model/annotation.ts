import { z } from 'zod';
import { MQM_CATEGORIES, MQM_SEVERITIES } from '../mqm/categories';
import { count, id } from './fields';

/** The text an annotation marks a span of: the source, the MT, or the editor's correction. */
export const ANNOTATION_SIDES = ['source', 'mt', 'target'] as const;

/** An MQM error an editor tagged on a span of the MT or of the correction. */
export const annotationSchema = z.object({
  id,
  segmentId: id,
  side: z.enum(ANNOTATION_SIDES),
  start: count,
  end: count,
  /** The annotated words as they were when tagged. */
  quote: z.string(),
  category: z.enum(MQM_CATEGORIES),
  severity: z.enum(MQM_SEVERITIES),
  comment: z.string(),
  createdAt: z.number(),
});
export type Annotation = z.infer<typeof annotationSchema>;

export type NewAnnotation = Omit<Annotation, 'id' | 'createdAt'>;
