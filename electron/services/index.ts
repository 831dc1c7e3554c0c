import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { systemClock, type Clock } from '../../db/clock';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { batchService } from './batchService';
import { checkService } from './checkService';
import { documentService } from './documentService';
import { fixMemoryService } from './fixMemoryService';
import { glossaryService } from './glossaryService';
import { metricsService } from './metricsService';
import { propagationService } from './propagationService';
import { segmentService } from './segmentService';

/** The document shipped with the app, so a fresh install shows real work at once. */
export interface Sample {
  fileName: string;
  title: string;
  text: string;
}

export interface ServiceOptions {
  clock?: Clock;
  nativeBinding?: string | undefined;
}

/** Everything main, the CLI and the end-to-end tests do with documents, over one store. */
export function createServices(databaseFile: string, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  if (databaseFile !== ':memory:') mkdirSync(dirname(databaseFile), { recursive: true });
  const store = createStore(openDatabase(databaseFile, { clock, nativeBinding: options.nativeBinding }));
  const documents = documentService(store, clock);
  const segments = segmentService(store, clock);
  const batches = batchService(store, segments, clock);
  return {
    documents,
    segments,
    metrics: metricsService(store),
    batches,
    checks: checkService(store, batches, clock),
    propagation: propagationService(store, batches, clock),
    fixMemory: fixMemoryService(store, batches, clock),
    glossary: glossaryService(store, clock),
    openSample: (sample: Sample) => documents.importText({ ...sample, hasBom: false }),
    close: () => store.close(),
  };
}

export type Services = ReturnType<typeof createServices>;
