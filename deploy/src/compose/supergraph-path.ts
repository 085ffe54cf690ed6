import path from 'node:path';

/** The committed supergraph the gateway loads. */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '../../supergraph.graphql');
