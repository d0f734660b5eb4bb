import { getTableName, sql, type Column, type Table } from 'drizzle-orm'

/**
 * A column named with its table, for correlated subqueries written as SQL: drizzle leaves columns
 * unqualified in a query without joins, where the inner table would capture the name.
 */
export function qualified(table: Table, column: Column) {
  return sql`${sql.identifier(getTableName(table))}.${sql.identifier(column.name)}`
}
