import { launch } from './launch';

/** `npm start`: one process of each subgraph and one gateway (see {@link launch}). */
void launch({ cluster: false });
