import { describe, expect, it } from 'vitest'
import { headlessHost } from '../../main/api/host'
import type { NoticeContentChecklist } from '../../main/breach/documents/contract'
import { createBreachWorkspace, workspaceDump } from '../breach/workspace'
import { BARE_THEFT, LAPTOP_THEFT, VENDOR_BREACH } from './incidents'

const now = () => new Date('2026-03-20T12:00:00.000Z')
const statusOf = (notice: NoticeContentChecklist) => Object.fromEntries(notice.elements.map(e => [e.id, e.status]))

describe('incidents.noticeContent', () => {
  it('gives one checklist per notice the incident requires, each element supplied by the incident or marked to add', async () => {
    const ws = await createBreachWorkspace({ now })
    const { incident } = await ws.call('incidents.create', { incident: LAPTOP_THEFT })
    const content = await ws.call('incidents.noticeContent', { id: incident.id })
    // 860 affected, 640 in California: individuals, media for California, HHS at once; no business associate notice.
    expect(content.notices.map(n => n.id)).toEqual(['individuals', 'media', 'hhs-portal'])
    // California's and Texas's own notices are owed too: their content rules are not in these lists, and it says so.
    expect(content.notes).toEqual([
      expect.stringMatching(/^State breach laws set their own content .*check each state's requirements with counsel\.$/)
    ])
    const [individuals, media, portal] = content.notices as [NoticeContentChecklist, NoticeContentChecklist, NoticeContentChecklist]
    expect(statusOf(individuals)).toEqual({
      'what-happened': 'supplied',
      'phi-types': 'supplied',
      'protective-steps': 'to-add',
      'entity-actions': 'supplied',
      // Email and telephone from the profile, but no number known to be toll-free.
      'contact-procedures': 'partial',
      'plain-language': 'to-add'
    })
    expect(individuals.elements[0]!.supplied).toEqual([
      { fact: 'description', label: 'Description', value: LAPTOP_THEFT.description },
      { fact: 'breach-date', label: 'Date of the breach', value: '2026-03-07' },
      { fact: 'discovery-date', label: 'Date of discovery', value: '2026-03-10' }
    ])
    expect(individuals.elements[0]!.toAdd).toBeNull()
    expect(individuals.elements[4]!.supplied.map(s => s.value)).toEqual(['security@harbor.example', '555-0100'])
    expect(individuals.elements[4]!.toAdd).toMatch(/toll-free/)
    expect(statusOf(media)).toEqual(statusOf(individuals))
    expect(media.elements[1]!.citation).toBe('45 CFR 164.406(c), as 45 CFR 164.404(c)(1)(B)')
    expect(portal.asAsked).toMatch(/check the portal/)
    expect(portal.elements.find(e => e.id === 'breach-affecting')!.supplied[0]!.value).toBe('500 or more individuals')
    expect(portal.elements.find(e => e.id === 'individuals-affected')!.supplied[0]!.value).toBe('860 (CA 640, GA 40, TX 180)')
    expect(statusOf(portal)['notices-given']).toBe('to-add')
  })

  it('marks what a bare incident lacks, and takes up each notice once it is recorded', async () => {
    const ws = await createBreachWorkspace({ now })
    const { incident } = await ws.call('incidents.create', { incident: BARE_THEFT })
    const bare = (await ws.call('incidents.noticeContent', { id: incident.id })).notices[0]!
    expect(statusOf(bare)).toMatchObject({ 'what-happened': 'partial', 'phi-types': 'to-add', 'entity-actions': 'to-add' })
    expect(bare.elements[0]!.supplied.map(s => s.fact)).toEqual(['discovery-date'])
    expect(bare.elements[0]!.toAdd).toMatch(/if the date of the breach is not known, say so/)

    await ws.call('incidents.recordNotice', { id: incident.id, notice: { kind: 'individuals', doneOn: '2026-03-18', method: 'written' } })
    const portal = (await ws.call('incidents.noticeContent', { id: incident.id })).notices.find(n => n.id === 'hhs-portal')!
    const given = portal.elements.find(e => e.id === 'notices-given')!
    expect(given.status).toBe('supplied')
    expect(given.supplied[0]!.value).toMatch(/^individuals on 2026-03-18 \(/)
  })

  it("gives a business associate's incident the 164.410(c) notice, identifying individuals left to the person", async () => {
    const ws = await createBreachWorkspace({ now })
    const { incident } = await ws.call('incidents.create', { incident: VENDOR_BREACH })
    const content = await ws.call('incidents.noticeContent', { id: incident.id })
    expect(content.notices.map(n => n.id)).toEqual(['covered-entity'])
    expect(content.notes).toEqual([])
    const notice = content.notices[0]!
    expect(notice.citation).toBe('45 CFR 164.410(c)')
    // A count per state is all the log keeps: the identification of each individual is the person's to attach.
    expect(statusOf(notice)).toEqual({ 'individuals-identified': 'supplied', 'other-information': 'partial', 'when-available': 'to-add' })
    expect(notice.elements[0]!.supplied[0]!.value).toBe('42 (GA 42)')
    expect(notice.elements[1]!.supplied.map(s => s.fact)).toEqual(['description', 'discovery-date', 'phi-categories'])
  })

  it('answers not-found for an unknown incident', async () => {
    const ws = await createBreachWorkspace({ now })
    await expect(ws.call('incidents.noticeContent', { id: 99 })).rejects.toMatchObject({ code: 'not-found' })
  })
})

describe('incidents.copyPortalFields', () => {
  it('copies every portal field through the host, or one field alone, and changes nothing', async () => {
    const ws = await createBreachWorkspace({ now })
    const { incident } = await ws.call('incidents.create', { incident: LAPTOP_THEFT })
    const copied: string[] = []
    const host = { ...headlessHost, copyText: (text: string) => void copied.push(text) }
    const dump = workspaceDump(ws.db)
    const all = await ws.call('incidents.copyPortalFields', { id: incident.id }, { host })
    expect(copied).toEqual([all.text])
    const lines = all.text.split('\n')
    expect(lines[0]).toMatch(/^As the HHS breach portal asked in January 2022/)
    expect(lines).toContain('Date of discovery: 2026-03-10')
    expect(lines).toContain('Breach affecting: 500 or more individuals')
    expect(all.text).toMatch(/Type of breach: \[to complete: The type of breach, chosen from the form's list\.\]/)
    const one = await ws.call('incidents.copyPortalFields', { id: incident.id, field: 'description' }, { host })
    expect(one.text).toBe(LAPTOP_THEFT.description)
    expect(copied).toHaveLength(2)
    expect(workspaceDump(ws.db)).toEqual(dump)
  })

  it('refuses an unknown field, and an incident that owes HHS nothing, copying nothing', async () => {
    const ws = await createBreachWorkspace({ now })
    const { incident } = await ws.call('incidents.create', { incident: LAPTOP_THEFT })
    const vendor = await ws.call('incidents.create', { incident: VENDOR_BREACH })
    const copied: string[] = []
    const host = { ...headlessHost, copyText: (text: string) => void copied.push(text) }
    await expect(ws.call('incidents.copyPortalFields', { id: incident.id, field: 'ssn' }, { host })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/no field "ssn"/)
    })
    await expect(ws.call('incidents.copyPortalFields', { id: vendor.incident.id }, { host })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/requires no notice to HHS/)
    })
    expect(copied).toEqual([])
  })
})
