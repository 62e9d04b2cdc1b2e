import fastJsonStringify, { type Options, type Schema } from 'fast-json-stringify';

type Serialize = (data: unknown) => string;

/**
 * Fastify's response serializer factory (`schemaController.compilersFactory.buildSerializer`), with the same
 * output as its default: fast-json-stringify, the named schemas resolvable by `$ref`.
 *
 * The default hands every compile all named schemas (130 of them). fast-json-stringify checks each one it is
 * given against the JSON Schema meta-schema, walks it twice for its depth and indexes it, on every compile, and
 * there is one compile per route and status: about 6 s of CPU before the server listens, in every process and
 * in every test file that builds the app. Here each compile gets only the named schemas its schema reaches
 * through `$ref` (transitively), and a schema met again (the error responses every route shares) reuses its
 * serializer.
 */
export function buildSerializer(externals: unknown, serializerOpts?: Options) {
  const externalSchemas = (externals ?? {}) as Record<string, Schema>;
  const reached = new Map<string, Set<string> | null>();
  const compiled = new Map<string, Serialize>();

  /** The named schemas `schema` reaches; null when a `$ref` names none of them (then all are passed). */
  const reachedFrom = (schema: unknown): Set<string> | null => {
    const ids = new Set<string>();
    const pending = refsIn(schema);
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (ids.has(id)) continue;
      const named = externalSchemas[id];
      if (!named) return null;
      ids.add(id);
      let refs = reached.get(id);
      if (refs === undefined) {
        refs = new Set(refsIn(named));
        reached.set(id, refs);
      }
      for (const ref of refs ?? []) pending.push(ref);
    }
    return ids;
  };

  return ({ schema: routeSchema }: { schema?: unknown }): Serialize => {
    const schema = routeSchema as Schema;
    const key = JSON.stringify(schema);
    let serialize = compiled.get(key);
    if (serialize) return serialize;
    const ids = reachedFrom(schema);
    const external: Record<string, Schema> = {};
    for (const id of ids ?? Object.keys(externalSchemas)) {
      // as Fastify's own compiler: a named schema serialised itself is the root, not also an external one
      if (id !== (schema as { $id?: string }).$id) external[id] = externalSchemas[id]!;
    }
    serialize = fastJsonStringify(schema, { ...serializerOpts, schema: external }) as Serialize;
    compiled.set(key, serialize);
    return serialize;
  };
}

/** The ids of the named schemas `schema` refers to: `$ref: 'Contact'` or `'Contact#/properties/x'`. */
function refsIn(schema: unknown): string[] {
  const ids: string[] = [];
  const pending = [schema];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        const hash = child.indexOf('#');
        const id = hash === -1 ? child : child.slice(0, hash);
        if (id) ids.push(id); // '#/…' points into the schema itself
      } else if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return ids;
}
