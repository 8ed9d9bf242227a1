// The feature fence, as Signal Desktop's import/no-restricted-paths zones: each feature folder of
// main/ may use another feature only through that feature's public surface, and the ground floor
// (main/shared, main/db) never reaches up. ARCHITECTURE.md explains the layers.

/** Feature folders: one per feature, each with contract.ts, handlers.ts, db/ and reads.ts. */
export const FEATURES = [
  'assessment',
  'baas',
  'backup',
  'breach',
  'calendar',
  'documents',
  'evidence',
  'library',
  'map',
  'oscal',
  'portfolio',
  'proposed-rule',
  'risks',
  'scanners',
  'security',
  'signing',
  'verify',
  'workspace'
]

/** What another feature may import: the contract (types and schemas), the typed read functions and the table queries. */
const PUBLIC_SURFACE = ['./contract.ts', './reads.ts', './db']

/**
 * Services a feature offers other features to act with, beyond reading. Each is named here with
 * why; anything else stays private to its feature.
 */
const SERVICES = {
  // The checked backup taken before every import and key change.
  backup: ['./backup.ts', './backup-files.ts', './check-copy.ts'],
  // Opening, creating and summarising a workspace file, the session that holds it, and the app's settings (where workspaces live).
  workspace: ['./workspace-files.ts', './session.ts', './app-settings.ts'],
  // The policy override folder and its template loader (the practice library); the pack manifest's schema, which the verifier reads packs against.
  documents: ['./write-output.ts', './policies/load.ts', './policies/template-schema.ts', './pack-manifest/schema.ts'],
  // The key a new workspace is created with; the hardened reading of a file a person attaches (a signed agreement);
  // finishing, when a workspace is opened, an encryption a crash interrupted (its backups still in clear).
  security: ['./new-workspace-key.ts', './attachment-files.ts', './encrypt-workspace.ts'],
  // The signing identity (created on first use), the signer it gives, and signing and checking a PDF with it.
  signing: ['./identity.ts', './pdf-signer.ts', './sign-pdf.ts', './verify-signature.ts']
}

/** The API's toolkit that handlers use; its table (contract.ts, handlers.ts, dispatch.ts, bridge.ts) imports every feature, so features never import it. */
const API_KIT = ['./define-call.ts', './handler-types.ts', './host.ts', './call-context.ts', './envelope.ts']

export function fenceZones() {
  const zones = [
    {
      target: './main/shared',
      from: './main',
      except: ['./shared'],
      message: 'main/shared is the ground floor: it imports nothing else from main/.'
    },
    {
      target: './main/db',
      from: './main',
      except: ['./db', './shared'],
      message: 'main/db imports only main/shared: features build on it, never the reverse.'
    }
  ]
  for (const feature of FEATURES) {
    for (const other of FEATURES) {
      if (other === feature) continue
      zones.push({
        target: `./main/${feature}`,
        from: `./main/${other}`,
        except: [...PUBLIC_SURFACE, ...(SERVICES[other] ?? [])],
        message: `A feature uses ${other} only through its contract.ts, reads.ts and db/ (see ARCHITECTURE.md, "The feature fence").`
      })
    }
    zones.push(
      {
        target: `./main/${feature}`,
        from: './main/api',
        except: API_KIT,
        message: 'Features use the API toolkit only; the contract table and dispatch import every feature.'
      },
      { target: `./main/${feature}`, from: './main/cli', message: 'Features do not import the command line.' },
      { target: `./main/${feature}`, from: './main/electron', message: 'Features do not import the Electron shell.' }
    )
  }
  return zones
}
