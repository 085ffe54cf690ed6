import { launch } from './launch';

/** `npm run start:cluster`: two processes of each subgraph and of the gateway behind balancers (see {@link launch}). */
void launch({ cluster: true });
