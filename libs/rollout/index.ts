export { RolloutHttpModule, RolloutModule } from './rollout.module.js';
export { RolloutService, type RolloutSettingsDto, type RolloutStatusDto } from './rollout.service.js';
export { AdmissionUsage } from './admission-usage.js';
