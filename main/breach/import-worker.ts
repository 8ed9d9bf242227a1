// Entry of the worker thread that reads and checks an incident register for an import
// (started by import.ts through shared/register-import-thread.ts). Bundled as its own
// file for the app (electron.vite.config.ts); loaded from source through tsx elsewhere.

import { serveRegisterCheck } from '../shared/register-import-thread'
import { checkIncidentFile } from './import-rows'

void serveRegisterCheck(checkIncidentFile)
