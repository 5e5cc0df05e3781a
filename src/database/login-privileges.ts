import pg from 'pg';

export interface LoginPrivileges {
  login: string;
  superuser: boolean;
  /** Tables, views and sequences outside the system schemas whose owner this login is, or may act as. */
  ownedRelations: number;
}

/**
 * What the login of `url` could do after `SET ROLE NONE`: the app's sessions
 * start as the restricted role (`-c role=`), but any statement may switch
 * back to the login itself. A superuser, or a member of the tables' owner,
 * may then alter or drop the append-only tables and their triggers.
 */
export async function loginPrivileges(url: string): Promise<LoginPrivileges> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ login: string; superuser: boolean; owned: number }>(`
      SELECT session_user AS login,
             (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser,
             (SELECT count(*)::int
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                 AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                 AND pg_has_role(session_user, c.relowner, 'MEMBER')) AS owned`);
    return { login: rows[0].login, superuser: rows[0].superuser, ownedRelations: rows[0].owned };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why this login must not run the app in production, or undefined when it may. */
export function privilegedLoginProblem(p: LoginPrivileges): string | undefined {
  if (p.superuser) return `the database login "${p.login}" is a superuser`;
  if (p.ownedRelations > 0) {
    return `the database login "${p.login}" owns (or may act as the owner of) ${p.ownedRelations} tables, views or sequences`;
  }
  return undefined;
}
