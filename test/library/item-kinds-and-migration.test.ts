// The library's kinds registry (what each kind copies and never copies), the push preview's warnings, and migration 0017.
import { describe, expect, it } from 'vitest'
import { LIBRARY_ITEM_KINDS } from '../../main/library/contract'
import { copiedFields, LIBRARY_ITEM_KIND_DEFINITIONS } from '../../main/library/item-kinds'
import { LIBRARY_MIGRATIONS } from '../../main/library/library-migrations'
import { assertMigrationOrder, migrate, schemaVersion } from '../../main/db/migrate'
import { recordLibraryApplication, listLibraryApplications } from '../../main/library/db/library-applications'
import { databaseAtVersion, tableNames } from '../helpers/db'
import { createTestWorkspace } from '../helpers/workspace'

/** Fields of a workspace's records that identify people, contacts or PHI, by kind: none may ever be copied. */
const IDENTIFYING: Record<(typeof LIBRARY_ITEM_KINDS)[number], string[]> = {
  'policy-customisation': ['organization', 'securityOfficial', 'contactName', 'contactEmail', 'contactPhone'],
  'answer-note': ['value', 'fieldValue', 'updatedAt', 'toConfirm'],
  'decision-explanation': ['decidedBy', 'decidedOn', 'updatedAt'],
  'risk-scenario': ['owner', 'acceptedBy', 'transferParty', 'transferBusinessAssociateId', 'assets', 'foundOn', 'dueOn', 'likelihood', 'impact'],
  'business-associate-template': ['phiCategories', 'assets', 'notes', 'baaStatus', 'effectiveOn', 'expiresOn', 'lastReviewOn', 'parentId'],
  'check-mapping': ['mappedBy', 'mappedAt']
}

describe('library item kinds', () => {
  it.each(LIBRARY_ITEM_KINDS)('%s copies only its listed fields and says why the rest stay behind', kind => {
    const definition = LIBRARY_ITEM_KIND_DEFINITIONS[kind]
    const copied = copiedFields(kind)
    expect(copied.length).toBeGreaterThan(0)
    for (const field of IDENTIFYING[kind]) expect(copied).not.toContain(field)
    expect(definition.neverCopied.length).toBeGreaterThan(0)
    for (const { field } of definition.neverCopied) for (const name of field.split(/,\s*/)) expect(copied).not.toContain(name)
    // The content schema is strict: an identifying field slipped into an item is refused, never stored.
    const smuggled = IDENTIFYING[kind][0]!
    const result = definition.content.safeParse({ [smuggled]: 'Dana Reyes' })
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.issues.some(i => i.code === 'unrecognized_keys')).toBe(true)
  })

  it('warns in the push preview when a note names the client or its contact', async () => {
    const ws = await createTestWorkspace()
    const questionId = (await ws.call('assessment.catalog', {})).questions[0]!.id
    await ws.call('assessment.setAnswer', { questionId, notes: 'Dana Reyes at Harbor Family Practice keeps the key.' })
    const [candidate] = (await ws.call('library.candidates', {})).kinds.flatMap(k => k.candidates)
    expect(candidate!.warnings).toEqual([
      "The text mentions the organisation's name (Harbor Family Practice).",
      "The text mentions the contact's name (Dana Reyes)."
    ])
  })
})

describe('library schema and migration 0017', () => {
  it('numbers the library migrations on their own, apart from the workspace migrations', () => {
    expect(() => assertMigrationOrder(LIBRARY_MIGRATIONS)).not.toThrow()
  })

  it('adds library_application to a workspace saved at version 16, keeping its data', async () => {
    const { db } = databaseAtVersion(16)
    db.prepare(
      "INSERT INTO workspace (id, workspace_uid, organization_name, role, created_at, updated_at) VALUES (1, 'u', 'Clinic', 'covered-entity', 'x', 'x')"
    ).run()
    expect(tableNames(db)).not.toContain('library_application')
    migrate(db)
    expect(schemaVersion(db)).toBe(17)
    expect(tableNames(db)).toContain('library_application')
    expect(db.prepare('SELECT organization_name FROM workspace').pluck().get()).toBe('Clinic')
    const record = {
      direction: 'applied',
      libraryUid: 'l',
      libraryName: 'Lib',
      kind: 'answer-note',
      key: 'q',
      title: 'Q',
      version: 2,
      outcome: 'added',
      at: '2026-01-01T00:00:00Z'
    } as const
    recordLibraryApplication(db, record)
    expect(listLibraryApplications(db)).toEqual([{ id: 1, ...record }])
    expect(() => recordLibraryApplication(db, { ...record, direction: 'sideways' as never })).toThrow(/CHECK/)
    db.close()
  })
})
