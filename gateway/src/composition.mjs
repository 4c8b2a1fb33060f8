import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { subgraphUrl } from './subgraphs.mjs';

export const GENERATED_HEADER = '# Composed by `./shop compose` from the SDL each subgraph prints. Do not edit.\n';

// GraphQL.NET answers `_service { sdl }` with the federation plumbing included; composition adds
// its own, so these are dropped from each subgraph before composing.
const FEDERATION_TYPES = new Set(['_Service', '_Entity', '_Any']);
const FEDERATION_QUERY_FIELDS = new Set(['_service', '_entities']);
const LINK_SPEC = 'https://specs.apollo.dev/link/v1.0';

/**
 * Reads every `<name>.graphql` in `dir`, sorted by name so the supergraph is stable.
 * @returns {Promise<{ name: string, sdl: string }[]>}
 */
export async function readSubgraphSdl(dir) {
  let files;
  try {
    files = await readdir(dir);
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  const names = files.filter((f) => f.endsWith('.graphql')).map((f) => f.slice(0, -'.graphql'.length)).sort();
  return Promise.all(names.map(async (name) => ({ name, sdl: await readFile(path.join(dir, `${name}.graphql`), 'utf8') })));
}

/** Parses one subgraph's SDL and removes what GraphQL.NET prints but composition must not see. */
export function normaliseSubgraph(name, sdl) {
  const document = parse(sdl.replace(/^\uFEFF/, ''));
  const definitions = [];
  for (const definition of document.definitions) {
    if ('name' in definition && definition.name && FEDERATION_TYPES.has(definition.name.value)) continue;
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) {
      definitions.push({ ...definition, directives: definition.directives?.filter((d) => !isLinkSpecLink(d)) });
      continue;
    }
    if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION)
      && definition.name.value === 'Query') {
      const fields = definition.fields?.filter((f) => !FEDERATION_QUERY_FIELDS.has(f.name.value)) ?? [];
      if (fields.length > 0) definitions.push({ ...definition, fields });
      continue;
    }
    definitions.push(definition);
  }
  return { ...document, definitions };
}

function isLinkSpecLink(directive) {
  if (directive.name.value !== 'link') return false;
  const url = directive.arguments?.find((a) => a.name.value === 'url')?.value;
  return url?.kind === Kind.STRING && url.value === LINK_SPEC;
}

/**
 * Composes the supergraph from the subgraphs' SDL. Each subgraph's URL is its local default
 * (the running gateway overrides it from the environment), so the result does not depend on
 * where it was composed.
 * @returns {{ supergraph: string } | { errors: string[] }}
 */
export function compose(subgraphs) {
  if (subgraphs.length === 0) {
    return { errors: ['No subgraph SDL to compose.'] };
  }
  const services = [];
  const errors = [];
  for (const { name, sdl } of subgraphs) {
    const url = subgraphUrl(name, {});
    if (!url) {
      errors.push(`[${name}] is not a known subgraph (users, products, orders, payments).`);
      continue;
    }
    try {
      services.push({ name, url, typeDefs: normaliseSubgraph(name, sdl) });
    } catch (error) {
      errors.push(`[${name}] the SDL does not parse: ${error.message}`);
    }
  }
  if (errors.length > 0) return { errors };

  const result = composeServices(services);
  if (compositionHasErrors(result)) {
    return { errors: result.errors.map((e) => (e.extensions?.code ? `${e.message} (${e.extensions.code})` : e.message)) };
  }
  return { supergraph: `${GENERATED_HEADER}${result.supergraphSdl.trimEnd()}\n` };
}
