import type { z } from 'zod';

/** The first problem of a failed parse, as a dotted field path and a message. */
export function zodMessage(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length ? `${issue.path.join('.')}.` : '';
    return { field: `${prefix}${issue.keys[0]}`, message: 'is not a known field' };
  }
  return { field: issue.path.join('.') || '(root)', message: issue.message };
}
