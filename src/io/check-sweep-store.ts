import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../cli/errors.ts';

/**
 * Refuses a sweep store that holds more than data. A DuckDB file from someone else can hold views
 * and macros, which run when the tool queries it: a view named `runs` could read any local file
 * (or a URL) into a summary the user then shares. A store written by detente holds only tables,
 * so anything else means the file was made by hand. Extension autoloading is switched off too, so
 * no query can fetch code. See docs/SECURITY.md.
 */
export async function checkStoreIsData(connection: DuckDBConnection, file: string): Promise<void> {
  await connection.run('set autoinstall_known_extensions = false');
  await connection.run('set autoload_known_extensions = false');
  const names = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjects().map((r) => String(r.name));
  const found = [
    ...(await names('select view_name as name from duckdb_views() where not internal')).map((n) => `a view "${n}"`),
    ...(await names("select distinct function_name as name from duckdb_functions() where function_type in ('macro', 'table_macro') and not internal")).map((n) => `a macro "${n}"`),
  ];
  if (found.length > 0) {
    throw new UserError(
      'STORE_NOT_DATA',
      `${file} holds ${found.slice(0, 3).join(', ')}${found.length > 3 ? ` and ${found.length - 3} more` : ''}, which no detente sweep writes; it is not opened`,
      'a store from someone else should hold tables only; ask for a fresh copy, or inspect it with the duckdb shell first',
    );
  }
}
