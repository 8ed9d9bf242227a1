import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const RecentEntry = z.object({
  path: z.string().min(1),
  organizationName: z.string(),
  lastOpenedAt: z.string()
})
const RecentFile = z.object({ version: z.literal(1), workspaces: z.array(RecentEntry) })

export type RecentEntry = z.infer<typeof RecentEntry>

const MAX_RECENT = 20

/**
 * The list of recently opened workspaces, newest first, kept as a small JSON
 * file in the app's data folder. It holds paths and names only, never
 * workspace content. A damaged file is treated as empty rather than blocking start-up.
 */
export class RecentStore {
  private readonly file: string

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent-workspaces.json')
  }

  list(): RecentEntry[] {
    let text: string
    try {
      text = fs.readFileSync(this.file, 'utf8')
    } catch {
      return []
    }
    try {
      const parsed = RecentFile.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data.workspaces : []
    } catch {
      return []
    }
  }

  remember(entry: RecentEntry): void {
    const others = this.list().filter(item => item.path !== entry.path)
    this.write([entry, ...others].slice(0, MAX_RECENT))
  }

  forget(workspacePath: string): void {
    this.write(this.list().filter(item => item.path !== workspacePath))
  }

  /** Write to a temporary file and rename, so a crash never leaves half a list. */
  private write(workspaces: RecentEntry[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    const temporary = `${this.file}.${process.pid}.tmp`
    fs.writeFileSync(temporary, JSON.stringify({ version: 1, workspaces }, null, 2))
    fs.renameSync(temporary, this.file)
  }
}
