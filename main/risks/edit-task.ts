// Remediation tasks of a risk: added with an owner and a due date, closed only
// with the evidence that shows they are done, reopened without that evidence.
import { randomUUID } from 'node:crypto'
import { ApiError } from '../shared/errors'
import type { ScenarioRecord } from './db/scenarios'
import { deleteTask, getTask, insertTask, updateTask, type TaskChanges, type TaskRecord } from './db/tasks'
import { audit, requireScenario, type WriteContext } from './edit-risk'

function requireTask(ctx: WriteContext, id: number): { task: TaskRecord; scenario: ScenarioRecord } {
  const task = getTask(ctx.db, id)
  if (!task) throw new ApiError('not-found', `There is no remediation task ${id}.`)
  return { task, scenario: requireScenario(ctx, task.scenarioId) }
}

export function addTask(ctx: WriteContext, riskId: number, values: { title: string; owner: string; dueOn: string | null }): number {
  const scenario = requireScenario(ctx, riskId)
  if (values.dueOn !== null && values.dueOn < scenario.foundOn)
    throw new ApiError('invalid-input', `The task's due date ${values.dueOn} is before the day the risk was found (${scenario.foundOn}).`)
  const id = insertTask(ctx.db, riskId, { key: randomUUID(), ...values }, ctx.now)
  audit(ctx, scenario.key, 'task', null, values.title)
  return id
}

export function changeTask(ctx: WriteContext, id: number, changes: Pick<TaskChanges, 'title' | 'owner' | 'dueOn' | 'status'>): void {
  const { task, scenario } = requireTask(ctx, id)
  if (changes.dueOn && changes.dueOn < scenario.foundOn)
    throw new ApiError('invalid-input', `The task's due date ${changes.dueOn} is before the day the risk was found (${scenario.foundOn}).`)
  // Reopening a done task takes its evidence off, so it is asked for again when it is closed.
  const reopen = changes.status !== undefined && task.status === 'done' ? { doneOn: null, evidence: null, evidenceAttachment: null } : {}
  updateTask(ctx.db, id, { ...changes, ...reopen }, ctx.now)
  for (const field of ['title', 'owner', 'dueOn', 'status'] as const)
    if (changes[field] !== undefined) audit(ctx, scenario.key, `task.${field}`, task[field], changes[field])
}

export function completeTask(ctx: WriteContext, id: number, evidence: { text: string; attachment: string | null; doneOn: string }): void {
  const { task, scenario } = requireTask(ctx, id)
  try {
    updateTask(ctx.db, id, { status: 'done', doneOn: evidence.doneOn, evidence: evidence.text, evidenceAttachment: evidence.attachment }, ctx.now)
  } catch (error) {
    // The task refers to the attachment table: an unknown attachment fails its foreign key.
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
      throw new ApiError('not-found', `There is no attachment ${evidence.attachment} in the workspace; attach the file first.`)
    throw error
  }
  audit(ctx, scenario.key, 'task.status', task.status, 'done')
  audit(ctx, scenario.key, 'task.evidence', task.evidence, evidence.text)
}

export function removeTask(ctx: WriteContext, id: number): void {
  const { task, scenario } = requireTask(ctx, id)
  deleteTask(ctx.db, id)
  audit(ctx, scenario.key, 'task', task.title, null)
}
