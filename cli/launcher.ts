import { FULL_BUNDLE, METRICS_BUNDLE, runBundle } from './bundleFiles';
import { isFileMetrics } from './fileMetricsArgs';

// dist-cli/redline.js: hands the run to the bundle that holds what the command needs (cli/bundleFiles.ts).
runBundle(isFileMetrics(process.argv.slice(2)) ? METRICS_BUNDLE : FULL_BUNDLE);
