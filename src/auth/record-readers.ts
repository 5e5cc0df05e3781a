import { Injectable } from '@nestjs/common';
import type { AppAbility, SubjectName } from '../authz/domain/abilities.js';
import type { Actor } from '../authz/domain/roles.js';

/** `actor` for subjects whose readability depends on who asks beyond their rules (an investigation's scope). */
export type RecordReader = (ability: AppAbility, id: string, actor: Actor) => Promise<boolean>;

/**
 * Whether the caller may read one record, per subject type, registered by the
 * module that owns the records (with the same SQL filter its reads use). The
 * authorization guard asks it to keep SPEC §2's 404 (not readable) vs 403
 * (readable, not permitted) when it refuses a route before validation.
 */
@Injectable()
export class RecordReaders {
  private readonly readers = new Map<SubjectName, RecordReader>();

  register(subject: SubjectName, reader: RecordReader): void {
    this.readers.set(subject, reader);
  }

  readable(subject: SubjectName, ability: AppAbility, id: string, actor: Actor): Promise<boolean> {
    const reader = this.readers.get(subject);
    if (!reader) throw new Error(`no record reader registered for ${subject}`);
    return reader(ability, id, actor);
  }
}
