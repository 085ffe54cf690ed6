export { generateDemoData, findDemoAccount, DEMO_SEED } from './demo/demo-data';
export { demoPrincipal, DemoPrincipalError } from './demo/demo-principal';
export type { DemoPrincipalRequest } from './demo/demo-principal';
export type { DemoAccount, DemoData } from './demo/demo-data';
export { powersSubgraph, createPowersSubgraph as createSubgraph } from './powers.subgraph';
export { powerCode } from './power/power-code';
export type { PowerContent, PowerStepContent } from './power/power-content';
