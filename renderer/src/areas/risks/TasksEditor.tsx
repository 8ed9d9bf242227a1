import { useId, useRef, useState } from 'react'
import { Badge, Button, Callout, Dialog, Flex, Select, Table, Text, TextArea, TextField } from '@radix-ui/themes'
import type { RiskDetail, TaskView } from '../../../../main/risks/contract'
import { api, errorMessage } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { TASK_STATUS_LABELS } from './labels'
import { useDraft } from '../../components/drafts'
import { useAutosave } from '../../components/use-autosave'
import { DateInput } from '../../components/DateInput'
import { formatDate } from '../../components/format-date'
import { EvidenceDialogButton } from '../../evidence/EvidenceDialogButton'

/** The remediation tasks of a mitigated risk: owner, due date, status; closing one records what shows it is done. */
export function TasksEditor(props: { risk: RiskDetail; readOnly: boolean; onChanged(): void }) {
  const id = useId()
  // A task not added yet is a draft of this risk: it survives the panel closing and a visit to another area.
  const [newTask, keepNewTask, settleNewTask, hasDraft] = useDraft(`risk:${props.risk.id}:new-task`, { title: '', owner: '', dueOn: '' })
  const { title, owner, dueOn } = newTask
  const [error, setError] = useState<string | null>(null)
  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setError(null)
        props.onChanged()
      },
      caught => setError(errorMessage(caught))
    )
  const add = async () => {
    await act(
      api['risks.addTask']({ riskId: props.risk.id, title, owner, dueOn: dueOn || null }).then(() => settleNewTask({ title: '', owner, dueOn: '' }))
    )
  }

  return (
    <Flex direction="column" gap="2">
      <Text as="div" size="2" weight="medium" id={`${id}-tasks`}>
        Remediation tasks
      </Text>
      {props.risk.tasks.length === 0 ? (
        <Text size="2" color="gray">
          No task yet. Each task has an owner and a due date, and appears in the calendar.
        </Text>
      ) : (
        <Table.Root size="1" variant="surface">
          <caption className="visually-hidden">Remediation tasks</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Task</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Owner</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Due</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>
                <span className="visually-hidden">Actions</span>
              </Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {props.risk.tasks.map(task => (
              <TaskRow key={task.id} task={task} readOnly={props.readOnly} act={act} />
            ))}
          </Table.Body>
        </Table.Root>
      )}
      {!props.readOnly && (
        <form
          onSubmit={event => {
            event.preventDefault()
            void add()
          }}
        >
          <Flex gap="2" align="end" wrap="wrap">
            <Flex direction="column" gap="1" flexGrow="1" minWidth="220px">
              <Text as="label" size="1" htmlFor={`${id}-title`}>
                New task
              </Text>
              <TextField.Root
                id={`${id}-title`}
                value={title}
                onChange={e => keepNewTask({ ...newTask, title: e.target.value })}
                placeholder="What has to be done"
              />
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" size="1" htmlFor={`${id}-owner`}>
                Task owner
              </Text>
              <TextField.Root id={`${id}-owner`} value={owner} onChange={e => keepNewTask({ ...newTask, owner: e.target.value })} />
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" size="1" htmlFor={`${id}-due`}>
                Task due
              </Text>
              <DateInput id={`${id}-due`} value={dueOn} onChange={e => keepNewTask({ ...newTask, dueOn: e.target.value })} />
            </Flex>
            <Button type="submit" variant="soft">
              Add task
            </Button>
          </Flex>
          {hasDraft && (title || dueOn) && (
            <Text as="p" size="1" color="gray" mt="1" data-testid="task-draft">
              Draft, not yet added: press Add task to record it.
            </Text>
          )}
        </form>
      )}
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
    </Flex>
  )
}

function TaskRow(props: { task: TaskView; readOnly: boolean; act(work: Promise<unknown>): Promise<unknown> }) {
  const { task } = props
  const dueShown = task.dueOn ? formatDate(task.dueOn) : '—'
  const id = useId()
  const headerRef = useRef<HTMLTableCellElement>(null)
  const [owner, setOwner] = useState(task.owner)
  // The owner is saved as it is typed, and on leaving (the panel closing, another area opening); errors show in the editor's callout.
  const ownerSave = useAutosave<{ owner: string }>(fields => props.act(api['risks.updateTask']({ id: task.id, ...fields })))
  const done = task.status === 'done'
  return (
    <Table.Row data-testid="risk-task">
      {/* Focus lands here once the task is marked done: its Mark done button is gone. */}
      <Table.RowHeaderCell ref={headerRef} tabIndex={-1} className="risk-focus-target">
        {task.title}
        {done && task.evidence && (
          <Text as="div" size="1" color="gray">
            Done{task.doneOn ? ` ${formatDate(task.doneOn)}` : ''}: {task.evidence}
          </Text>
        )}
      </Table.RowHeaderCell>
      <Table.Cell>
        {props.readOnly || done ? (
          task.owner || '—'
        ) : (
          <TextField.Root
            size="1"
            aria-label={`Owner of ${task.title}`}
            value={owner}
            onChange={e => {
              setOwner(e.target.value)
              ownerSave.queue({ owner: e.target.value })
            }}
            onBlur={ownerSave.flush}
          />
        )}
      </Table.Cell>
      <Table.Cell>
        {props.readOnly || done ? (
          dueShown
        ) : (
          <DateInput
            size="1"
            aria-label={`Due date of ${task.title}`}
            defaultValue={task.dueOn ?? ''}
            onChange={e => void props.act(api['risks.updateTask']({ id: task.id, dueOn: e.target.value || null }))}
          />
        )}
        {task.overdue && (
          <Badge color="red" variant="soft" highContrast ml="2">
            Overdue
          </Badge>
        )}
      </Table.Cell>
      <Table.Cell>
        {props.readOnly || done ? (
          TASK_STATUS_LABELS[task.status]
        ) : (
          <Select.Root
            value={task.status}
            onValueChange={status => void props.act(api['risks.updateTask']({ id: task.id, status: status as 'open' | 'in-progress' }))}
          >
            <Select.Trigger id={`${id}-status`} aria-label={`Status of ${task.title}`} />
            <Select.Content>
              <Select.Item value="open">{TASK_STATUS_LABELS.open}</Select.Item>
              <Select.Item value="in-progress">{TASK_STATUS_LABELS['in-progress']}</Select.Item>
            </Select.Content>
          </Select.Root>
        )}
      </Table.Cell>
      <Table.Cell>
        <Flex gap="3" align="center">
          {!props.readOnly && !done && <CompleteTaskDialog task={task} act={props.act} onDone={() => headerRef.current?.focus()} />}
          <EvidenceDialogButton
            title={`Evidence for “${task.title}”`}
            target={{ kind: 'task', id: String(task.id) }}
            targetName={`the task “${task.title}”`}
            readOnly={props.readOnly}
          />
        </Flex>
      </Table.Cell>
    </Table.Row>
  )
}

function CompleteTaskDialog(props: { task: TaskView; act(work: Promise<unknown>): Promise<unknown>; onDone(): void }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  // Evidence typed and then the dialog closed without marking done is still there when it opens again.
  const [evidence, keepEvidence, settleEvidence] = useDraft(`task:${props.task.id}:evidence`, '')
  const [error, setError] = useState<string | null>(null)
  const completed = useRef(false)
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button size="1" variant="soft">
          Mark done
        </Button>
      </Dialog.Trigger>
      <Dialog.Content
        maxWidth="520px"
        onCloseAutoFocus={event => {
          if (!completed.current) return
          // The button that opened the dialog goes away with the open task: focus the task's row instead.
          event.preventDefault()
          props.onDone()
        }}
      >
        <Dialog.Title>Mark “{props.task.title}” done</Dialog.Title>
        <Dialog.Description size="2">What shows the task is done? A reviewer will look for this evidence.</Dialog.Description>
        <form
          onSubmit={event => {
            event.preventDefault()
            api['risks.completeTask']({ id: props.task.id, evidence }).then(
              () => {
                completed.current = true
                settleEvidence('')
                setOpen(false)
                void props.act(Promise.resolve())
              },
              caught => setError(errorMessage(caught))
            )
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-evidence`}>
              Evidence
            </Text>
            <TextArea
              id={`${id}-evidence`}
              value={evidence}
              onChange={e => keepEvidence(e.target.value)}
              rows={3}
              placeholder="e.g. Screenshot of the MFA policy, saved in the evidence folder on 2026-03-02"
            />
            <DialogFormFooter error={error} submitLabel="Mark done" />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
