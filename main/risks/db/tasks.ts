import type { Db } from '../../db/driver'
import type { TaskStatus } from '../contract'

export interface TaskRecord {
  id: number
  scenarioId: number
  key: string
  title: string
  owner: string
  dueOn: string | null
  status: TaskStatus
  doneOn: string | null
  evidence: string | null
  evidenceAttachment: string | null
  createdAt: string
  updatedAt: string
}

const SELECT = `SELECT id, scenario_id AS scenarioId, key, title, owner, due_on AS dueOn, status, done_on AS doneOn, evidence,
  evidence_attachment AS evidenceAttachment, created_at AS createdAt, updated_at AS updatedAt FROM risk_task`

export function listTasks(db: Db, scenarioId: number): TaskRecord[] {
  return db.prepare(`${SELECT} WHERE scenario_id = ? ORDER BY due_on IS NULL, due_on, id`).all(scenarioId) as TaskRecord[]
}

/** Every task of a period's scenarios, by scenario id. */
export function tasksByScenario(db: Db, periodId: string): Map<number, TaskRecord[]> {
  const rows = db
    .prepare(`${SELECT} WHERE scenario_id IN (SELECT id FROM risk_scenario WHERE period_id = ?) ORDER BY due_on IS NULL, due_on, id`)
    .all(periodId) as TaskRecord[]
  const byScenario = new Map<number, TaskRecord[]>()
  for (const row of rows) {
    const list = byScenario.get(row.scenarioId) ?? []
    list.push(row)
    byScenario.set(row.scenarioId, list)
  }
  return byScenario
}

export function getTask(db: Db, id: number): TaskRecord | undefined {
  return db.prepare(`${SELECT} WHERE id = ?`).get(id) as TaskRecord | undefined
}

export function insertTask(
  db: Db,
  scenarioId: number,
  values: { key: string; title: string; owner: string; dueOn: string | null },
  now: string
): number {
  const result = db
    .prepare('INSERT INTO risk_task (scenario_id, key, title, owner, due_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(scenarioId, values.key, values.title, values.owner, values.dueOn, now, now)
  return Number(result.lastInsertRowid)
}

export type TaskChanges = Partial<Pick<TaskRecord, 'title' | 'owner' | 'dueOn' | 'status' | 'doneOn' | 'evidence' | 'evidenceAttachment'>>

const COLUMNS: Record<keyof TaskChanges, string> = {
  title: 'title',
  owner: 'owner',
  dueOn: 'due_on',
  status: 'status',
  doneOn: 'done_on',
  evidence: 'evidence',
  evidenceAttachment: 'evidence_attachment'
}

export function updateTask(db: Db, id: number, changes: TaskChanges, now: string): void {
  const fields = (Object.keys(COLUMNS) as (keyof TaskChanges)[]).filter(field => changes[field] !== undefined)
  const sets = [...fields.map(field => `${COLUMNS[field]} = @${field}`), 'updated_at = @now']
  db.prepare(`UPDATE risk_task SET ${sets.join(', ')} WHERE id = @id`).run({ ...Object.fromEntries(fields.map(f => [f, changes[f]])), id, now })
}

export function deleteTask(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM risk_task WHERE id = ?').run(id).changes === 1
}

/** Open tasks with a due date across the current analysis, for the calendar. */
export function listOpenTasksWithDueDates(db: Db, periodId: string): (TaskRecord & { scenarioTitle: string; scenarioKey: string })[] {
  return db
    .prepare(
      `SELECT t.id, t.scenario_id AS scenarioId, t.key, t.title, t.owner, t.due_on AS dueOn, t.status, t.done_on AS doneOn, t.evidence,
         t.evidence_attachment AS evidenceAttachment, t.created_at AS createdAt, t.updated_at AS updatedAt,
         s.title AS scenarioTitle, s.key AS scenarioKey
       FROM risk_task t JOIN risk_scenario s ON s.id = t.scenario_id
       WHERE s.period_id = ? AND t.status <> 'done' AND t.due_on IS NOT NULL ORDER BY t.due_on, t.id`
    )
    .all(periodId) as (TaskRecord & { scenarioTitle: string; scenarioKey: string })[]
}
