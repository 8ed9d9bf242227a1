// Entry of the worker thread that reads and checks a business-associate register for an
// import (started by import.ts through shared/register-import-thread.ts). Bundled as its
// own file for the app (electron.vite.config.ts); loaded from source through tsx elsewhere.

import { serveRegisterCheck } from '../shared/register-import-thread'
import { checkBusinessAssociateFile } from './import-rows'

void serveRegisterCheck(checkBusinessAssociateFile)
