export { RolloutHttpModule, RolloutModule } from './rollout.module.js';
export { RolloutService } from './rollout.service.js';
export { AdmissionUsage } from './admission-usage.js';
