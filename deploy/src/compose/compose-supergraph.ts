import { composeServices } from '@apollo/composition';
import { buildFederatedSchema } from '@sunlight/shared';
import { parse } from 'graphql';
import { SUBGRAPHS } from '../subgraphs';

/**
 * Composes the supergraph from each subgraph's SDL, built from its type-graphql classes in
 * process (no running services, no introspection). Throws with every composition error.
 */
export async function composeSupergraph(): Promise<string> {
  const services = [];
  for (const { definition, url } of SUBGRAPHS) {
    const { sdl } = await buildFederatedSchema(
      { resolvers: definition.resolvers, orphanedTypes: definition.orphanedTypes },
      definition.references,
    );
    services.push({ name: definition.name, url, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors)
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  return result.supergraphSdl;
}
