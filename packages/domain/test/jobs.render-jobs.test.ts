import { describe, expect, it } from 'vitest';
import { newId } from '../src/ids';
import { checkPayload, RENDER_BATCH_SIZE, renderJobs } from '../src/jobs';

const ORG = newId('organization');

describe('jobs.renderJobs', () => {
  it('splits documents into batch jobs of RENDER_BATCH_SIZE, in order, without a job key', () => {
    const ids = Array.from({ length: 2 * RENDER_BATCH_SIZE + 3 }, () => newId('document'));
    const specs = renderJobs(ORG, ids);
    expect(specs.map((s) => (s.payload as unknown[]).length)).toEqual([
      RENDER_BATCH_SIZE,
      RENDER_BATCH_SIZE,
      3,
    ]);
    expect(specs.flatMap((s) => (s.payload as { documentId: string }[]).map((p) => p.documentId))).toEqual(
      ids,
    );
    for (const spec of specs) {
      expect(spec).toEqual({ task: 'documents_render', payload: expect.any(Array) });
      // every payload passes the task's own check at the door
      expect(checkPayload('documents_render', spec.payload)).toBe(spec.payload);
    }
    expect(renderJobs(ORG, [])).toEqual([]);
  });

  it('carries the kinds to every entry when narrowed', () => {
    const [spec] = renderJobs(ORG, [newId('document')], { kinds: ['xrechnung-cii'] });
    expect((spec!.payload as { kinds?: string[] }[])[0]!.kinds).toEqual(['xrechnung-cii']);
  });

  it('the payload check accepts one document or a non-empty array of them, nothing else', () => {
    const one = { organizationId: ORG, documentId: newId('document') };
    expect(checkPayload('documents_render', one)).toBe(one);
    expect(checkPayload('documents_render', [one, one])).toEqual([one, one]);
    for (const bad of [[], [{ ...one, documentId: 'doc_nope' }], [{ ...one, extra: 1 }], [one, 'x']]) {
      expect(() => checkPayload('documents_render', bad)).toThrow(/payload of a 'documents_render' job/);
    }
  });
});
